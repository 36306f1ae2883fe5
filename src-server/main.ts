import { mkdir } from 'node:fs/promises';
import { createServer } from './app';
import { readEnv, serverOptions } from './config';

/** `npm run server`: env -> server, listen, print the URL, close cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const env = readEnv();
  const opts = serverOptions(env);
  if (opts.pgliteDir && !opts.databaseUrl) await mkdir(opts.pgliteDir, { recursive: true });
  if (!opts.s3 && opts.localS3Dir) await mkdir(opts.localS3Dir, { recursive: true });
  const server = await createServer(opts);
  const url = await server.listen(env.PORT, env.HOST);
  const db = opts.databaseUrl ? 'Postgres (DATABASE_URL)' : `PGlite in ${opts.pgliteDir}`;
  const s3 = server.localS3 ? `s3rver at ${server.localS3.endpoint}` : `S3 at ${opts.s3?.endpoint}`;
  console.log(`Signwright server listening on ${url}  (docs: ${url}/docs; ${db}; ${s3})`);

  const stop = async (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  // A promise nobody awaited must not end the server (Node's default); it is a bug to log.
  process.on('unhandledRejection', (err) => server.app.log.error({ err }, 'unhandled rejection'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
