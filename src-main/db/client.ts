import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { checkBeforeOpen, takeDailyBackup } from './start-checks';

export type AppDb = BetterSQLite3Database<typeof schema>;

const drizzles = new WeakMap<Database.Database, AppDb>();

/**
 * The drizzle handle of an open connection (one per connection, made once). Modules handed the
 * raw connection (the sync client, audit, outbox) query through it, so every query is drizzle's
 * and runs inside the caller's `sqlite.transaction()` exactly as before.
 */
export function drizzleOf(sqlite: Database.Database): AppDb {
  let db = drizzles.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema });
    drizzles.set(sqlite, db);
  }
  return db;
}

export interface OpenedDatabase {
  db: AppDb;
  sqlite: Database.Database;
  file: string;
  /** set when pending migrations were applied: the copy taken just before */
  backupPath?: string;
  appliedMigrations: number;
  close(): void;
}

/** A migration failed: the database was rolled back and closed; the backup (if any) is intact. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly backupPath: string | undefined,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface OpenOptions {
  /** path to the .sqlite file, or ':memory:' */
  file: string;
  /** the drizzle/ folder (repo root in dev, extraResources when packaged) */
  migrationsFolder: string;
  /** Electron-ABI build of better-sqlite3 (see README, "Native module") */
  nativeBinding?: string;
  /** WAL durability: FULL syncs on every commit (default), NORMAL is faster but may lose the
   *  last commits on power loss (never on an app crash). */
  synchronous?: 'FULL' | 'NORMAL';
  /** keep a daily backup beside the file (the desktop and browser hosts; not tests) */
  dailyBackup?: boolean;
}

function pendingMigrations(sqlite: Database.Database, folder: string): number {
  const all = readMigrationFiles({ migrationsFolder: folder });
  const db = drizzleOf(sqlite);
  // sqlite_master and drizzle's own journal are not tables of our schema: drizzle's sql`` tag
  const hasTable = db.get(
    sql`SELECT 1 AS one FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`,
  );
  if (!hasTable) return all.length;
  const last = db.get<{ at: number } | undefined>(
    sql`SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  return all.filter((m) => !last || Number(last.at) < m.folderMillis).length;
}

function backupFile(sqlite: Database.Database, file: string): string | undefined {
  // An empty new file has nothing worth keeping.
  const hasUserTables = drizzleOf(sqlite).get<{ n: number }>(
    sql`SELECT count(*) AS n FROM sqlite_master WHERE type='table'`,
  );
  if (file === ':memory:' || hasUserTables.n === 0) return undefined;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-${stamp}`;
  // VACUUM INTO writes a consistent, compact copy even while WAL holds uncheckpointed pages
  // (a backup: drizzle has no builder for it, so raw SQL through drizzle's run()).
  drizzleOf(sqlite).run(sql`VACUUM INTO ${target}`);
  return target;
}

/**
 * The one module that owns the database: open -> pragmas -> back up if migrations are pending ->
 * migrate in one transaction -> on failure roll back, close and throw MigrationError (fail closed:
 * the app shows an error screen instead of running on a half-migrated file).
 */
export function openDatabase(opts: OpenOptions): OpenedDatabase {
  if (opts.file !== ':memory:') {
    fs.mkdirSync(path.dirname(opts.file), { recursive: true, mode: 0o700 });
    // damaged, or made by a newer build: throw before anything writes to the file
    checkBeforeOpen(opts.file, opts.migrationsFolder, opts.nativeBinding);
    // owner-only from the first byte: SQLite gives -wal/-shm the database file's mode
    if (!fs.existsSync(opts.file)) fs.closeSync(fs.openSync(opts.file, 'a', 0o600));
  }
  const sqlite = new Database(
    opts.file,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  );
  let backupPath: string | undefined;
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    sqlite.pragma('busy_timeout = 5000');
    const pending = pendingMigrations(sqlite, opts.migrationsFolder);
    const db = drizzleOf(sqlite);
    if (pending > 0) {
      backupPath = backupFile(sqlite, opts.file);
      try {
        migrate(db, { migrationsFolder: opts.migrationsFolder });
      } catch (err) {
        throw new MigrationError(
          `The local database could not be upgraded (${(err as Error).message}). ` +
            `Nothing was changed${backupPath ? `; a backup is at ${backupPath}` : ''}.`,
          opts.file,
          backupPath,
          err,
        );
      }
    }
    if (opts.dailyBackup) {
      try {
        takeDailyBackup(sqlite, opts.file);
      } catch {
        // a backup that cannot be written (disk full) must not keep the app from starting
      }
    }
    return {
      db,
      sqlite,
      file: opts.file,
      backupPath,
      appliedMigrations: pending,
      close: () => sqlite.close(),
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
