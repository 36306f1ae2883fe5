// Helpers of `npm start` (scripts/start.mjs), kept apart so they can be tested.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The port browser mode is served on by `npm start` unless it is taken (then the next free). */
export const DEFAULT_PORT = 5198;

/** The version of the electron package in `dir` (node_modules/electron). */
export function electronVersion(dir) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'missing';
  }
}

/**
 * Where the answer "can the Electron runtime be fetched here?" is remembered, so the download is
 * tried (and announced) once, not on every start. Keyed by the electron version: upgrading
 * electron asks again.
 */
export function markerPath(root) {
  return (
    process.env.SIGNWRIGHT_ELECTRON_MARKER ??
    path.join(root, 'node_modules', '.cache', 'signwright', 'electron-runtime.json')
  );
}

/** The remembered failure for this electron version, or null (never tried, or another version). */
export function readMarker(file, version) {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    return m && m.version === version && m.available === false ? m : null;
  } catch {
    return null;
  }
}

export function writeMarker(file, version, reason, now = new Date()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({ version, available: false, reason, checkedAt: now.toISOString() }, null, 2),
  );
}

function free(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/** The first free port from `preferred` on (20 tries), else 0 (the system picks one). */
export async function pickPort(preferred = DEFAULT_PORT) {
  for (let p = preferred; p < preferred + 20; p++) if (await free(p)) return p;
  return 0;
}

/** `--port N` given on the command line, if any. */
export function portArg(argv) {
  const i = argv.indexOf('--port');
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : null;
}
