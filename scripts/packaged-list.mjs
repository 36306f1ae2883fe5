#!/usr/bin/env node
// What electron-builder would pack into the desktop app, without running it (it downloads
// Electron, which cannot happen here). It uses electron-builder's own pieces, as the packager
// does: the config loader, the `files` matchers for the app's own files, the npm dependency
// collector (`npm list --omit dev`, then its hoister) and NodeModuleCopyHelper with the default
// exclusions for every production module.
//
//   node scripts/packaged-list.mjs            # JSON: file count and bytes, app and node_modules
//   node scripts/packaged-list.mjs --modules  # also every packed module (name@version, files, bytes)
//
// The app files come from out/ (run `npm run build` first, else only package.json is counted).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/config');
const {
  getMainFileMatchers,
  getNodeModuleFileMatcher,
  excludedExts,
  FileMatcher,
} = require('app-builder-lib/out/fileMatcher');
const { getCollectorByPackageManager, PM } = require('app-builder-lib/out/node-module-collector');
const { NodeModuleCopyHelper } = require('app-builder-lib/out/util/NodeModuleCopyHelper');
const { TmpDir } = require('builder-util');

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The app's own files (relative paths) that pass the `files` patterns. */
function appFiles(root, filter) {
  const skip = new Set(['node_modules', '.git', 'release']);
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && skip.has(e.name)) continue;
      if (!filter(full, fs.lstatSync(full))) continue;
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/**
 * Files and bytes electron-builder would pack for the desktop app in `root`.
 * @returns {Promise<{app:{files:number,bytes:number,list:string[]},
 *   nodeModules:{files:number,bytes:number,modules:{name:string,version:string,dir:string,files:number,bytes:number}[]},
 *   total:{files:number,bytes:number}}>}
 */
export async function packagedList(root = defaultRoot) {
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const info = {
    projectDir: root,
    buildResourcesDir: config.directories?.buildResources ?? 'build',
    isPrepackedAppAsar: false,
    config,
    appInfo: { type: pkg.type === 'module' ? 'module' : 'commonjs' },
    getWorkspaceRoot: async () => root,
    debugLogger: { isEnabled: false },
  };
  const id = (s) => s;
  const [main] = getMainFileMatchers(
    root,
    '/dest',
    id,
    {},
    { info },
    path.join(root, 'release'),
    false,
  );
  const list = appFiles(root, main.createFilter());
  const app = { files: list.length, bytes: 0, list };
  for (const f of list) app.bytes += fs.statSync(path.join(root, f)).size;

  const tmp = new TmpDir('packaged-list');
  let deps;
  try {
    const collector = getCollectorByPackageManager(PM.NPM, root, tmp);
    ({ nodeModules: deps } = await collector.getNodeModules({ packageName: pkg.name }));
  } finally {
    await tmp.cleanup();
  }
  // as computeNodeModuleFileSets: default excluded extensions, non-Windows adds .dll/.exe/.pdb
  const excluded = [
    '.o',
    '.obj',
    ...excludedExts.split(',').map((e) => `.${e}`),
    '.pdb',
    '.dll',
    '.exe',
  ];
  // the node_modules matcher (the same `files` patterns, rooted for modules), as platformPackager
  const moduleMatcher = getNodeModuleFileMatcher(root, '/dest', id, {}, info);
  const modules = [];
  const visit = async (dep, destination) => {
    const matcher = new FileMatcher(dep.dir, destination, id, moduleMatcher.patterns);
    const helper = new NodeModuleCopyHelper(matcher, info);
    const files = await helper.collectNodeModules(
      dep,
      excluded,
      path.relative('/dest', destination),
    );
    let bytes = 0;
    let count = 0;
    for (const f of files) {
      const st = helper.metadata.get(f) ?? fs.lstatSync(f);
      if (st.isDirectory()) continue;
      count++;
      bytes += st.size;
    }
    modules.push({ name: dep.name, version: dep.version, dir: dep.dir, files: count, bytes });
    for (const c of dep.dependencies ?? []) {
      await visit(c, path.join(destination, 'node_modules', c.name));
    }
  };
  for (const dep of deps) await visit(dep, path.join('/dest', 'node_modules', dep.name));
  modules.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const nodeModules = {
    files: modules.reduce((s, m) => s + m.files, 0),
    bytes: modules.reduce((s, m) => s + m.bytes, 0),
    modules,
  };
  return {
    app,
    nodeModules,
    total: { files: app.files + nodeModules.files, bytes: app.bytes + nodeModules.bytes },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await packagedList();
  const mb = (b) => Math.round((b / 1e6) * 10) / 10;
  const report = {
    appFiles: r.app.files,
    appBytes: r.app.bytes,
    nodeModulesPackages: r.nodeModules.modules.length,
    nodeModulesFiles: r.nodeModules.files,
    nodeModulesBytes: r.nodeModules.bytes,
    totalFiles: r.total.files,
    totalBytes: r.total.bytes,
    totalMB: mb(r.total.bytes),
    ...(process.argv.includes('--modules')
      ? {
          modules: r.nodeModules.modules.map((m) => ({
            ...m,
            dir: path.relative(defaultRoot, m.dir),
          })),
        }
      : {
          largest: r.nodeModules.modules
            .slice(0, 10)
            .map((m) => `${m.name}@${m.version} ${mb(m.bytes)} MB`),
        }),
  };
  console.log(JSON.stringify(report, null, 2));
}
