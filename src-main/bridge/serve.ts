import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMainContext } from '../main-context';
import { MigrationError } from '../db/client';
import { serveStartupError, startBridge } from './server';
import { defaultDataDir } from './serve-paths';

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
  const dataDir = arg('data-dir') ?? defaultDataDir();
  const staticDir = arg('static') ?? path.resolve(here, '../../dist-web');
  let ctx;
  try {
    ctx = createMainContext({ dataDir, host: 'browser', startSync: true });
  } catch (err) {
    // Fail closed: never run on a half-migrated or unreadable database; show why instead.
    const problem =
      err instanceof MigrationError
        ? err
        : { message: `The database file could not be opened (${(err as Error).message}).` };
    console.error(`Signwright cannot open its database: ${problem.message}`);
    const page = await serveStartupError(Number(arg('port') ?? 0), problem);
    console.log(`SIGNWRIGHT_URL=${page.url}`);
    return;
  }
  const bridge = await startBridge({ ctx, port: Number(arg('port') ?? 0), staticDir });
  console.log(`SIGNWRIGHT_URL=${bridge.url}`);
  console.log(`Signwright (browser mode) is running at ${bridge.url} — data in ${dataDir}`);
  const stop = async () => {
    await bridge.close();
    ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
