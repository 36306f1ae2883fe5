import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { pickPort, readMarker, writeMarker } from '../../scripts/start-lib.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A stand-in electron package whose download always fails, as on a machine without access. */
function fakeElectron(version: string): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
  fs.writeFileSync(
    path.join(dir, 'install.js'),
    "console.error('RequestError: Error: fetch failed'); process.exit(1);",
  );
  return dir;
}

/** Runs `npm start` (scripts/start.mjs) until it prints its last start-up line, then stops it. */
function start(env: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, SIGNWRIGHT_NO_OPEN: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGTERM'), reject(new Error(out))), 90_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Signwright is running in browser mode/.test(out)) child.kill('SIGTERM');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out.trim().split('\n'));
    });
  });
}

describe('npm start where the Electron runtime cannot be fetched', () => {
  it('says "fetching" once, remembers it per electron version, and prints the URL last', async () => {
    const electron = fakeElectron('45.5.0');
    const marker = path.join(tmp(), 'electron-runtime.json');
    const env = {
      SIGNWRIGHT_ELECTRON_DIR: electron,
      SIGNWRIGHT_ELECTRON_MARKER: marker,
      SIGNWRIGHT_DATA_DIR: tmp(),
    };
    const first = await start(env);
    expect(first.filter((l) => l.includes('fetching the Electron runtime'))).toHaveLength(1);
    expect(first.at(-1)).toMatch(
      /^Signwright is running in browser mode: http:\/\/127\.0\.0\.1:\d+\/$/,
    );
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toMatchObject({
      version: '45.5.0',
      available: false,
      reason: 'RequestError: Error: fetch failed',
    });

    const second = await start(env);
    expect(second.join('\n')).not.toContain('fetching the Electron runtime');
    expect(second.join('\n')).toContain('could not be fetched on');
    expect(second.at(-1)).toMatch(
      /^Signwright is running in browser mode: http:\/\/127\.0\.0\.1:\d+\/$/,
    );

    // another electron version asks again
    fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ version: '46.0.0' }));
    const third = await start(env);
    expect(third.filter((l) => l.includes('fetching the Electron runtime'))).toHaveLength(1);
  }, 240_000);

  it('the remembered answer belongs to one electron version', () => {
    const file = path.join(tmp(), 'm.json');
    expect(readMarker(file, '45.5.0')).toBeNull();
    writeMarker(file, '45.5.0', 'fetch failed', new Date('2026-03-01T00:00:00Z'));
    expect(readMarker(file, '45.5.0')).toMatchObject({ checkedAt: '2026-03-01T00:00:00.000Z' });
    expect(readMarker(file, '46.0.0')).toBeNull();
  });

  it('uses the fixed port, or the next free one when it is taken', async () => {
    const base = 47_000 + Math.floor(Math.random() * 1000);
    const first = await pickPort(base);
    expect(first).toBeGreaterThanOrEqual(base);
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen({ port: first, host: '127.0.0.1' }, () => r()));
    try {
      const next = await pickPort(first);
      expect(next).toBeGreaterThan(first);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
