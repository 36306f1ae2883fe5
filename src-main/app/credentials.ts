import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { CredentialStore, Credentials } from '../services/sync/credentials';

/**
 * The sync token, encrypted with Electron's safeStorage (the OS keychain: Keychain, DPAPI,
 * libsecret) and kept in the main process only. Where the OS offers no encryption (a Linux
 * session without a keyring) the token is not stored: the user signs in each start.
 */
export class SafeStorageCredentialStore implements CredentialStore {
  private memory: Credentials | null = null;
  constructor(private readonly file: string) {}

  load(): Credentials | null {
    if (this.memory) return this.memory;
    try {
      if (!safeStorage.isEncryptionAvailable()) return null;
      const json = safeStorage.decryptString(fs.readFileSync(this.file));
      this.memory = JSON.parse(json) as Credentials;
      return this.memory;
    } catch {
      return null;
    }
  }

  save(c: Credentials): void {
    this.memory = c;
    if (!safeStorage.isEncryptionAvailable()) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, safeStorage.encryptString(JSON.stringify(c)), { mode: 0o600 });
  }

  clear(): void {
    this.memory = null;
    fs.rmSync(this.file, { force: true });
  }

  describe(): string {
    return safeStorage.isEncryptionAvailable()
      ? 'the system keychain (safeStorage)'
      : 'memory only (no system keychain)';
  }
}
