// `npm start`: the desktop app when Electron can run here, else browser mode on 127.0.0.1.
// Electron 45 downloads its binary on first use; where that is impossible (no network to the
// Electron release host, as on our CI machines) we say so and serve the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

function electronAvailable() {
  if (process.env.SIGNWRIGHT_BROWSER_MODE === '1') return false;
  const pathTxt = path.join(electronDir, 'path.txt');
  if (
    fs.existsSync(pathTxt) &&
    fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathTxt, 'utf8')))
  ) {
    return true;
  }
  console.log('Signwright: fetching the Electron runtime (first start only)…');
  const r = run(process.execPath, [path.join(electronDir, 'install.js')], {
    timeout: 300_000,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (r.status !== 0) {
    const why =
      String(r.stderr ?? '')
        .split('\n')
        .find((l) => /Error/.test(l)) ?? 'download failed';
    console.log(`Signwright: the Electron runtime could not be fetched (${why.trim()}).`);
  }
  return r.status === 0;
}

if (electronAvailable()) {
  // Electron needs its own ABI build of better-sqlite3 (README, "Native module").
  const rebuild = path.join(root, 'scripts', 'rebuild-electron-sqlite.mjs');
  if (fs.existsSync(rebuild)) run(process.execPath, [rebuild, '--if-missing']);
  const r = run(process.execPath, [
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'preview',
  ]);
  process.exit(r.status ?? 1);
} else {
  console.log('Signwright: Electron cannot run on this machine; starting browser mode instead.');
  const built = fs.existsSync(path.join(root, 'dist-web', 'index.html'));
  if (!built || process.env.SIGNWRIGHT_REBUILD_WEB === '1') {
    const b = run('npm', ['run', '--silent', 'build:web']);
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/bridge/serve.ts', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
