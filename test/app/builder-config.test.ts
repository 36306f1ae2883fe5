import Ajv from 'ajv';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run here (it downloads Electron), so we check its input instead:
// the YAML as electron-builder itself loads it, against its own JSON schema, and the file
// patterns through its own matcher.

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Matcher {
  from: string;
  patterns: string[];
  createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
}
// internal (not in the .d.ts) but exactly what the packager uses for the app's own files
const { getMainFileMatchers, getNodeModuleFileMatcher } =
  require('app-builder-lib/out/fileMatcher') as {
    getMainFileMatchers: (...args: unknown[]) => Matcher[];
    getNodeModuleFileMatcher: (...args: unknown[]) => Matcher;
  };

const load = async (): Promise<Configuration> =>
  getConfig(root, path.join(root, 'electron-builder.yml'), null);

function matchersFor(config: Configuration) {
  const packager = {
    info: {
      projectDir: root,
      buildResourcesDir: 'build',
      isPrepackedAppAsar: false,
      config,
      debugLogger: { isEnabled: false },
    },
  };
  const id = (s: string) => s;
  const main = getMainFileMatchers(
    root,
    '/dest',
    id,
    {},
    packager,
    path.join(root, 'release'),
    false,
  );
  const modules = getNodeModuleFileMatcher(
    root,
    '/dest',
    id,
    {},
    { config, debugLogger: { isEnabled: false } },
  );
  return { main: main[0], modules };
}

/** Mimics copyDir: a file ships when every parent folder and the file itself pass the filter. */
function ships(filter: ReturnType<Matcher['createFilter']>, rel: string): boolean {
  const parts = rel.split('/');
  // dependencies are walked module by module (NodeModuleCopyHelper), never via node_modules/ itself
  const first = parts[0] === 'node_modules' ? 3 : 1;
  for (let i = first; i <= parts.length; i++) {
    const isDir = i < parts.length;
    const sub = parts.slice(0, i).join('/');
    const stat = { isDirectory: () => isDir, ...(first > 1 ? { moduleFullFilePath: sub } : {}) };
    if (!filter(path.join(root, sub), stat)) return false;
  }
  return true;
}

function repoFiles(dir = root, rel = ''): string[] {
  const skip = new Set(['node_modules', '.git', 'out', 'release', 'dist', 'dist-web']);
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return skip.has(e.name) ? [] : repoFiles(path.join(dir, e.name), r);
    return [r];
  });
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation (app-builder-lib validateConfiguration)", async () => {
    const config = await load();
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => {} } as never),
    ).resolves.toBeUndefined();
  });

  it('matches app-builder-lib/scheme.json strictly (no type coercion)', async () => {
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
    const validate = ajv.compile(schema);
    const ok = validate(await load());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    // and it would catch a typo or a wrong type
    const c = await load();
    expect(validate({ ...c, nsis: { ...c.nsis, oneClik: false } })).toBe(false);
    expect(validate({ ...c, electronFuses: { ...c.electronFuses, runAsNode: 'false' } })).toBe(
      false,
    );
  });

  it('sets the required identity, fuses, targets and publish feed', async () => {
    const c = await load();
    expect(c.appId).toBe('com.signwright.app');
    expect(c.productName).toBe('Signwright');
    expect(c.directories?.output).toBe('release');
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(c.publish).toEqual([
      expect.objectContaining({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) }),
    ]);
    expect(c.npmRebuild).toBe(false);
    expect(c.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(c.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'drizzle', to: 'drizzle' }),
        // one Electron-ABI binary per target arch (scripts/rebuild-electron-sqlite.mjs)
        expect.objectContaining({ from: 'build/native/electron/${arch}', to: 'native' }),
        // the PDF fonts and their license, where reports/fonts.ts looks when packaged
        expect.objectContaining({ from: 'resources/fonts', to: 'fonts' }),
      ]),
    );
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(c.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      notarize: true,
    });
    expect(JSON.stringify(c.win?.target)).toMatch(/nsis.*msi/);
    expect(JSON.stringify(c.linux?.target)).toMatch(/AppImage.*deb/);
  });

  it('carries no secret: no certificate or password in the file', () => {
    const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificatePassword|password|appleIdPassword)\s*:/m,
    );
  });

  it('the referenced build resources exist (512x512 icon, entitlements)', () => {
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(fs.readFileSync(path.join(root, 'build', 'entitlements.mac.plist'), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
  });
});

describe('the packaged file list', () => {
  const built = [
    'out/main/index.js',
    'out/main/index.js.map',
    'out/main/chunks/db-abc123.js',
    'out/preload/index.cjs',
    'out/preload/index.cjs.map',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc123.js',
    'out/renderer/assets/index-abc123.js.map',
    'out/renderer/assets/index-abc123.css',
    'out/bridge/index.js',
    'out/main/app.test.js',
  ];

  it('ships the electron-vite output and package.json only', async () => {
    const { main } = matchersFor(await load());
    const filter = main.createFilter();
    const shipped = [...repoFiles(), ...built].filter((f) => ships(filter, f)).sort();
    expect(shipped).toEqual([
      'out/main/chunks/db-abc123.js',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-abc123.css',
      'out/renderer/assets/index-abc123.js',
      'out/renderer/index.html',
      'package.json',
    ]);
  });

  it('ships the PDF fonts with their license as resources/fonts', async () => {
    const c = await load();
    const entry = (c.extraResources as { from: string; to: string; filter: string[] }[]).find(
      (e) => e.to === 'fonts',
    );
    expect(entry?.filter).toEqual(['*.ttf', 'LICENSE']);
    const files = fs.readdirSync(path.join(root, entry!.from)).sort();
    expect(files).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'LICENSE']);
    expect(fs.readFileSync(path.join(root, entry!.from, 'LICENSE'), 'utf8')).toMatch(
      /Bitstream Vera/,
    );
  });

  it('never ships tests, the bridge, source maps or sources', async () => {
    const { main } = matchersFor(await load());
    const filter = main.createFilter();
    for (const f of [
      'out/bridge/index.js',
      'src-main/bridge/server.ts',
      'src-main/app/main.ts',
      'test/app/builder-config.test.ts',
      'out/main/index.js.map',
      'out/renderer/assets/index-abc123.js.map',
      'out/main/app.test.js',
      'electron-builder.yml',
      'build/icon.png',
      'drizzle/0000_init.sql', // ships as extraResources, not inside the asar
    ]) {
      expect(ships(filter, f), f).toBe(false);
    }
  });

  it('node_modules keep their code but lose source maps, tests and the sqlite sources', async () => {
    const { modules } = matchersFor(await load());
    const filter = modules.createFilter();
    expect(ships(filter, 'node_modules/zod/index.js')).toBe(true);
    expect(ships(filter, 'node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(ships(filter, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(
      true,
    );
    expect(ships(filter, 'node_modules/zod/index.js.map')).toBe(false);
    expect(ships(filter, 'node_modules/some-lib/util.test.js')).toBe(false);
    expect(ships(filter, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });
});
