// `npm start`: the desktop app when Electron can run here, else browser mode on 127.0.0.1.
// Electron 45 downloads its binary on first use. Where that is impossible (no network to the
// Electron release host, as on our CI machines) we say so ONCE, remember it (start-lib.mjs
// markerPath, per electron version; SIGNWRIGHT_RETRY_ELECTRON=1 asks again) and serve the same
// app in the browser on a fixed port (5198, or the next free one), printing its URL last.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_PORT,
  electronVersion,
  markerPath,
  pickPort,
  portArg,
  readMarker,
  writeMarker,
} from './start-lib.mjs';

const root = path.resolve(import.meta.dirname, '..');
// SIGNWRIGHT_ELECTRON_DIR: tests point it at a stand-in package (never a real download in tests)
const electronDir =
  process.env.SIGNWRIGHT_ELECTRON_DIR ?? path.join(root, 'node_modules', 'electron');
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
  const version = electronVersion(electronDir);
  const marker = markerPath(root);
  const known = process.env.SIGNWRIGHT_RETRY_ELECTRON === '1' ? null : readMarker(marker, version);
  if (known) {
    console.log(
      `Signwright: the Electron ${version} runtime could not be fetched on ${known.checkedAt.slice(0, 10)} (${known.reason}); not trying again (SIGNWRIGHT_RETRY_ELECTRON=1 to retry).`,
    );
    return false;
  }
  console.log('Signwright: fetching the Electron runtime (first start only)…');
  const r = run(process.execPath, [path.join(electronDir, 'install.js')], {
    timeout: 300_000,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (r.status !== 0) {
    const why = (
      String(r.stderr ?? '')
        .split('\n')
        .find((l) => /Error/.test(l)) ?? 'download failed'
    ).trim();
    console.log(`Signwright: the Electron runtime could not be fetched (${why}).`);
    writeMarker(marker, version, why);
  }
  return r.status === 0;
}

/** Opens the URL in the default browser where there is a desktop to open it on. */
function openBrowser(url) {
  if (process.env.SIGNWRIGHT_NO_OPEN === '1' || process.env.CI) return false;
  const cmd =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ['xdg-open', [url]]
          : null;
  if (!cmd) return false;
  try {
    const c = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
    c.on('error', () => undefined);
    c.unref();
    return true;
  } catch {
    return false;
  }
}

async function browserMode() {
  console.log('Signwright: Electron cannot run on this machine; starting browser mode instead.');
  const built = fs.existsSync(path.join(root, 'dist-web', 'index.html'));
  if (!built || process.env.SIGNWRIGHT_REBUILD_WEB === '1') {
    const b = run('npm', ['run', '--silent', 'build:web']);
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const args = process.argv.slice(2);
  if (portArg(args) === null) {
    const port = await pickPort(DEFAULT_PORT);
    if (port !== DEFAULT_PORT)
      console.log(`Signwright: port ${DEFAULT_PORT} is taken; using ${port || 'a free port'}.`);
    args.push('--port', String(port));
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/bridge/serve.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  let announced = false;
  child.stdout.on('data', (d) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^SIGNWRIGHT_URL=(\S+)/.exec(line);
      if (!m) {
        process.stdout.write(`${line}\n`);
        continue;
      }
      if (announced) continue;
      announced = true;
      const opened = openBrowser(m[1]);
      // the URL is the last thing said at start-up: easy to find and to click
      setTimeout(
        () =>
          console.log(
            `Signwright is running in browser mode${opened ? ' (opened in your browser)' : ''}: ${m[1]}`,
          ),
        50,
      );
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
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
  await browserMode();
}
