#!/usr/bin/env node
// Builds an Electron-ABI better-sqlite3 into build/native/electron/<arch>/better_sqlite3.node WITHOUT
// touching node_modules/better-sqlite3 (its Node-ABI build is what tests, the CLI and browser
// mode load). Works on a copy of the module: first tries the prebuilt binary that
// better-sqlite3 publishes for Electron (prebuild-install), then compiles from source with
// node-gyp against Electron's headers. Needs network (GitHub releases / electronjs.org headers)
// and, for the source build, a C++ toolchain. Native modules cannot be cross-compiled: run it on
// each OS/arch you package for (RELEASING.md, "better-sqlite3 and the Electron ABI").
//
// usage: node scripts/rebuild-electron-sqlite.mjs [--arch x64|arm64] [--electron 45.5.0] [--from-source]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
const electronVersion =
  arg('--electron') ?? JSON.parse(fs.readFileSync(electronPkg, 'utf8')).version;
const arch = arg('--arch') ?? process.arch;
const fromSource = args.includes('--from-source');

const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const moduleVersion = JSON.parse(
  fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8'),
).version;
const work = path.join(
  root,
  'build',
  'native',
  '.work',
  `better-sqlite3-electron-${electronVersion}-${arch}`,
);
// per arch: electron-builder picks build/native/electron/${arch} (extraResources)
const outDir = path.join(root, 'build', 'native', 'electron', arch);
const target = path.join(outDir, 'better_sqlite3.node');

// `npm start` calls this with --if-missing: build once, then reuse
if (args.includes('--if-missing') && fs.existsSync(target)) process.exit(0);

console.log(
  `better-sqlite3 ${moduleVersion} for Electron ${electronVersion} (${process.platform}-${arch})`,
);

// a clean copy without the Node-ABI build/ folder
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.dirname(work), { recursive: true });
fs.cpSync(moduleDir, work, {
  recursive: true,
  filter: (src) => path.relative(moduleDir, src).split(path.sep)[0] !== 'build',
});

const run = (script, scriptArgs) =>
  execFileSync(process.execPath, [script, ...scriptArgs], { cwd: work, stdio: 'inherit' });

let built = false;
if (!fromSource) {
  try {
    run(require.resolve('prebuild-install/bin.js'), [
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${process.platform}`,
      '--verbose',
    ]);
    built = fs.existsSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'));
  } catch {
    console.log('No prebuilt binary for this Electron/platform; compiling from source.');
  }
}
if (!built) {
  run(require.resolve('node-gyp/bin/node-gyp.js'), [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}

const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(binary)) {
  console.error(`Build finished but ${binary} is missing.`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(binary, target);
fs.writeFileSync(
  path.join(outDir, 'build-info.json'),
  JSON.stringify(
    {
      betterSqlite3: moduleVersion,
      electron: electronVersion,
      platform: process.platform,
      arch,
      builtAt: new Date().toISOString(),
    },
    null,
    2,
  ) + '\n',
);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${path.relative(root, target)} (node_modules/better-sqlite3 untouched).`);
