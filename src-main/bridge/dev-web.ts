import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { createMainContext } from '../main-context';
import { startBridge } from './server';
import { defaultDataDir, exitOnSignals } from './serve-paths';

/**
 * `npm run dev:web`: the real main process under Node + the renderer through Vite (hot reload),
 * on http://127.0.0.1:<port>/. Open the printed URL in any browser.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../src-renderer');

async function main() {
  process.umask(0o077); // owner-only data files, as in serve.ts
  const dataDir = defaultDataDir();
  const ctx = createMainContext({ dataDir, host: 'browser', startSync: true });
  const vite = await createVite({
    configFile: path.resolve(here, '../../vite.web.config.ts'),
    server: { middlewareMode: true },
    appType: 'custom',
  });
  const bridge = await startBridge({
    ctx,
    port: Number(process.env.PORT ?? 5199),
    vite: {
      middlewares: vite.middlewares,
      transformIndexHtml: (url, html) => vite.transformIndexHtml(url, html),
      indexHtmlPath: path.join(root, 'index.html'),
    },
  });
  console.log(`Signwright (browser mode, dev) at ${bridge.url} — data in ${dataDir}`);
  exitOnSignals(async () => {
    await bridge.close();
    await vite.close();
    ctx.close();
  });
}

void main();
