import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeStartupError } from '../app/error-page';
import { DatabaseDamagedError, restoreBackup } from '../db/start-checks';
import { createMainContext, type MainContext } from '../main-context';
import { serveStartupError, startBridge } from './server';
import { defaultDataDir, exitOnSignals } from './serve-paths';

/**
 * `tsx src-main/bridge/serve.ts [--data-dir DIR] [--port N] [--static DIR]`: runs the main process
 * under Node and serves the built renderer (dist-web) in browser mode. Prints one line
 * `SIGNWRIGHT_URL=<url>` so scripts and the Playwright fixture can find it.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  // owner-only for everything this process creates (database, backups, token, files, logs)
  process.umask(0o077);
  const dataDir = arg('data-dir') ?? defaultDataDir();
  const staticDir = arg('static') ?? path.resolve(here, '../../dist-web');
  const port = Number(arg('port') ?? 0);
  let ctx: MainContext;
  try {
    ctx = createMainContext({ dataDir, host: 'browser', startSync: true });
  } catch (err) {
    // Fail closed: never run on a damaged, newer or half-migrated database; show why instead.
    const problem = describeStartupError(err, path.join(dataDir, 'logs'));
    console.error(`Signwright cannot open its database: ${problem.message}`);
    let page: Awaited<ReturnType<typeof serveStartupError>> | undefined = undefined;
    const restore =
      err instanceof DatabaseDamagedError && problem.restore
        ? async () => {
            const aside = restoreBackup(err.file, problem.restore!.backupPath);
            console.error(
              `Restored ${problem.restore!.backupPath}; the damaged file is kept at ${aside}`,
            );
            // the app takes over the same port once this answer is out
            setTimeout(
              () => void page!.close().then(() => run(dataDir, staticDir, page!.port)),
              50,
            );
          }
        : undefined;
    page = await serveStartupError(port, problem, restore);
    console.log(`SIGNWRIGHT_URL=${page.url}`);
    return;
  }
  await serve(ctx, dataDir, staticDir, port);
}

async function run(dataDir: string, staticDir: string, port: number) {
  const ctx = createMainContext({ dataDir, host: 'browser', startSync: true });
  await serve(ctx, dataDir, staticDir, port);
}

async function serve(ctx: MainContext, dataDir: string, staticDir: string, port: number) {
  const bridge = await startBridge({ ctx, port, staticDir });
  console.log(`SIGNWRIGHT_URL=${bridge.url}`);
  console.log(`Signwright (browser mode) is running at ${bridge.url} — data in ${dataDir}`);
  exitOnSignals(async () => {
    await bridge.close();
    ctx.close();
  });
}

void main();
