import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process per data directory: a second process opening it (the admin CLI beside a
 * running server) reads a stale copy, its writes are lost and the files can be left inconsistent.
 * So whoever opens the directory first holds `<dir>.lock` (its pid, what it is, and the admin
 * socket when it is the server), and everyone else sees who holds it. A lock whose process is
 * gone is stale and taken over.
 */

export interface LockInfo {
  pid: number;
  holder: 'server' | 'admin-cli';
  /** the running server's admin socket (admin/socket.ts) */
  socket?: string;
}

export const lockPathFor = (dir: string) => `${path.resolve(dir)}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the directory now, or null (no lock, or its process is gone). */
export function readLock(dir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export interface DirLock {
  /** records the admin socket in the lock, for the CLI */
  setSocket(socket: string): void;
  release(): void;
}

function describeHolder(dir: string, info: LockInfo): string {
  const who = info.holder === 'server' ? 'a running Signwright server' : 'the admin CLI';
  return `The embedded database in ${dir} is in use by ${who} (pid ${info.pid}).`;
}

/** Takes the directory, waiting up to `waitMs` for a holder to finish (the CLI is brief). */
export async function acquireLock(
  dir: string,
  holder: LockInfo['holder'],
  waitMs = 0,
): Promise<DirLock> {
  const file = lockPathFor(dir);
  const deadline = Date.now() + waitMs;
  let info: LockInfo = { pid: process.pid, holder };
  for (;;) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const current = readLock(dir);
      if (!current) {
        // Stale: its process is gone (killed, crashed). Remove it and try again.
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `${describeHolder(dir, current)} PGlite allows one process per data directory. ` +
            (current.holder === 'server'
              ? 'Stop that server first, or use the admin CLI, which talks to it.'
              : 'Wait for that command to finish and start again.'),
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const release = () => {
    if (readLock(dir)?.pid === process.pid) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return {
    setSocket(socket) {
      info = { ...info, socket };
      fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
    },
    release,
  };
}
