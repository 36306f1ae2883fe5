import fs from 'node:fs';
import path from 'node:path';

/** What signing in leaves behind. The token never leaves the main process. */
export interface Credentials {
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: { id: string; orgId: string; email: string; name: string; role: string };
}

/**
 * Where the token lives, chosen once per host: Electron keeps it encrypted with safeStorage (the
 * OS keychain, src-main/app); browser mode and tests use an owner-only file.
 */
export interface CredentialStore {
  load(): Credentials | null;
  save(c: Credentials): void;
  clear(): void;
  /** human words for the About/Sync screen */
  describe(): string;
}

export class FileCredentialStore implements CredentialStore {
  constructor(private readonly file: string) {}

  load(): Credentials | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Credentials;
    } catch {
      return null;
    }
  }

  save(c: Credentials): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    // 0600: only the owner can read the token; written then renamed so a crash never leaves half a file
    fs.writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, this.file);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }

  describe(): string {
    return `owner-only file ${this.file}`;
  }
}

export class MemoryCredentialStore implements CredentialStore {
  private c: Credentials | null = null;
  load() {
    return this.c;
  }
  save(c: Credentials) {
    this.c = c;
  }
  clear() {
    this.c = null;
  }
  describe() {
    return 'memory';
  }
}
