import pg from 'pg';

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Which database the server benchmarks run on (each figure says it): Postgres when BENCH_DATABASE_URL / TEST_DATABASE_URL is set or one answers on 127.0.0.1:5432. */
export async function benchDatabaseUrl(): Promise<string | false> {
  const env = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (env) return env;
  const c = new pg.Client({ connectionString: LOCAL_PG, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.end();
    return LOCAL_PG;
  } catch {
    return false;
  }
}
