import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { acquireLock, type DirLock } from './pglite-lock';
import * as schema from './schema';

/**
 * The one module that owns the server database: open (node-postgres or embedded PGlite), migrate
 * (fail closed: a failed migration closes the connection and rethrows), ping, close.
 */

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: services accept both. */
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** PGlite with a data directory: this process holds it (pglite-lock.ts) */
  lock?: DirLock;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://... ; when unset PGlite is used */
  databaseUrl?: string;
  /** PGlite data directory; unset = in memory */
  pgliteDir?: string;
  /** who opens the PGlite directory, recorded in its lock (default 'server') */
  lockHolder?: 'server' | 'admin-cli';
  /** how long to wait for another process to let go of the PGlite directory (default 10 s) */
  lockWaitMs?: number;
  poolMax?: number;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../drizzle', import.meta.url));
// Any constant works; it only has to be the same for every server instance.
const MIGRATION_LOCK_KEY = 782_431_009;

export async function openDatabase(opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolMax ?? 10) : openPglite(opts);
}

async function openPostgres(url: string, poolMax: number): Promise<DatabaseHandle> {
  // Migrate on a dedicated connection under an advisory lock: several API instances starting at
  // once must not run the same migration twice.
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lockClient.end().catch(() => undefined);
  }
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client erroring (e.g. Postgres restart) must not crash the process; readyz reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const lock = opts.pgliteDir
    ? await acquireLock(opts.pgliteDir, opts.lockHolder ?? 'server', opts.lockWaitMs ?? 10_000)
    : undefined;
  const client = new PGlite(opts.pgliteDir);
  const pdb = drizzlePglite(client, { schema });
  try {
    await migratePglite(pdb, { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    await client.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
  const db = pdb as unknown as Db;
  return {
    db,
    kind: 'pglite',
    lock,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
