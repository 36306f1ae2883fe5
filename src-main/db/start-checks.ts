import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the app checks before it writes a byte to the local database (docs/ARCHITECTURE.md, Local
 * data): the file is whole (`PRAGMA quick_check`) and was not written by a newer build. Both
 * checks open the file read-only; a failed check leaves it exactly as it was.
 */

export interface BackupInfo {
  path: string;
  /** when it was taken (from its name, else its modification time) */
  takenAt: string;
  sizeBytes: number;
}

/** The file is damaged: nothing is written to it; the newest backup that checks out is offered. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    readonly backup: BackupInfo | null,
  ) {
    super(
      `The local database ${file} is damaged (${problems.slice(0, 3).join('; ')}). ` +
        'Signwright stopped before writing anything to it.',
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** Written by a newer Signwright (more migrations than this build knows): refused, untouched. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly known: number,
    readonly found: number,
  ) {
    super(
      `This data was made by a newer Signwright (its database has ${found} upgrades, this version knows ${known}). ` +
        'Install the newer version to open it; nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

interface Verdict {
  ok: boolean;
  problems: string[];
  newer?: { known: number; found: number };
}

function knownMigrations(folder: string) {
  const all = readMigrationFiles({ migrationsFolder: folder });
  return { count: all.length, last: Math.max(0, ...all.map((m) => m.folderMillis)) };
}

/** Opens `file` read-only and checks it; never throws for a damaged file (reports it). */
export function inspectDatabase(
  file: string,
  migrationsFolder: string,
  nativeBinding?: string,
): Verdict {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    // raw SQL on purpose: this read-only connection is opened before drizzle, to refuse a damaged
    // file or one made by a newer build before anything writes to it (integrity check + journal)
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length) return { ok: false, problems };
    const hasTable = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`)
      .get();
    if (hasTable) {
      const applied = db.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as {
        at: number;
      }[];
      const known = knownMigrations(migrationsFolder);
      if (applied.length > known.count || applied.some((m) => Number(m.at) > known.last))
        return { ok: false, problems: [], newer: { known: known.count, found: applied.length } };
    }
    return { ok: true, problems: [] };
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (
      e.code === 'SQLITE_CORRUPT' ||
      e.code === 'SQLITE_NOTADB' ||
      e.code === 'SQLITE_IOERR_SHORT_READ'
    )
      return { ok: false, problems: [e.message] };
    throw err;
  } finally {
    db?.close();
  }
}

const STAMP = /\.backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)$/;

/** `signwright.sqlite.backup-<time>` files beside the database, newest first. */
export function listBackups(file: string): BackupInfo[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(`${base}.backup-`) && !n.endsWith('.tmp'))
    .map((n) => {
      const p = path.join(dir, n);
      const st = fs.statSync(p);
      const m = STAMP.exec(n);
      const takenAt = m
        ? m[1].replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z')
        : st.mtime.toISOString();
      return { path: p, takenAt, sizeBytes: st.size };
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The newest backup that is itself whole and not from a newer build. */
export function newestGoodBackup(
  file: string,
  migrationsFolder: string,
  nativeBinding?: string,
): BackupInfo | null {
  for (const b of listBackups(file)) {
    try {
      if (inspectDatabase(b.path, migrationsFolder, nativeBinding).ok) return b;
    } catch {
      // an unreadable backup is skipped, never offered
    }
  }
  return null;
}

/** Throws DatabaseDamagedError / NewerDatabaseError; a missing or empty file passes. */
export function checkBeforeOpen(file: string, migrationsFolder: string, nativeBinding?: string) {
  if (file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const v = inspectDatabase(file, migrationsFolder, nativeBinding);
  if (v.newer) throw new NewerDatabaseError(file, v.newer.known, v.newer.found);
  if (!v.ok)
    throw new DatabaseDamagedError(
      file,
      v.problems,
      newestGoodBackup(file, migrationsFolder, nativeBinding),
    );
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Restores a verified backup: the damaged file (and its -wal/-shm) is moved aside as
 * `<file>.damaged-<time>` (kept, never deleted), then the backup is copied into place.
 * Returns where the damaged file now is.
 */
export function restoreBackup(file: string, backupPath: string): string {
  const aside = `${file}.damaged-${stamp()}`;
  fs.renameSync(file, aside);
  for (const ext of ['-wal', '-shm'])
    if (fs.existsSync(file + ext)) fs.renameSync(file + ext, aside + ext);
  const tmp = `${file}.restoring`;
  fs.copyFileSync(backupPath, tmp);
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return aside;
}

export const KEEP_BACKUPS = 10;
const DAY_MS = 24 * 3600 * 1000;

/**
 * A daily copy (VACUUM INTO a temp file, then renamed), so a damaged file always has a recent
 * backup to go back to; the oldest beyond KEEP_BACKUPS are removed.
 */
export function takeDailyBackup(sqlite: Database.Database, file: string, nowMs = Date.now()) {
  if (file === ':memory:') return null;
  const existing = listBackups(file);
  if (existing[0] && nowMs - Date.parse(existing[0].takenAt) < DAY_MS) return null;
  const target = `${file}.backup-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
  const tmp = `${target}.tmp`;
  // a backup: drizzle has no builder for VACUUM INTO
  sqlite.prepare('VACUUM INTO ?').run(tmp);
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, target);
  for (const old of listBackups(file).slice(KEEP_BACKUPS)) fs.rmSync(old.path, { force: true });
  return target;
}
