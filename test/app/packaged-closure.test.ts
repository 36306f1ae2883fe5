import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What electron-builder would pack, from electron-builder's own collector and file matchers
// (scripts/packaged-list.mjs): the desktop installer must not carry the server or the renderer's
// libraries (vite bundles those), and the main process must find every package it loads unbundled.

const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  workspaces: string[];
};

interface Listed {
  totalFiles: number;
  totalBytes: number;
  modules: { name: string; version: string; dir: string; files: number; bytes: number }[];
}
const listed = (): Listed =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'scripts/packaged-list.mjs'), '--modules'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as Listed;

const SERVER = ['fastify', 'pg', '@electric-sql/pglite', 'minio', 's3rver', 'tsx', 'esbuild'];
const RENDERER = ['react', 'react-dom', 'react-hook-form', 'zustand', 'pdfjs-dist'];

/** Bare package names loaded by the files under `dir` (tests, the bridge and types left out). */
function importsOf(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'bridge') walk(full);
      } else if (/\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(
          /^\s*(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^'.][^']*)'/gm,
        )) {
          const spec = m[1];
          if (spec.startsWith('node:')) continue;
          names.add(
            spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0],
          );
        }
      }
    }
  };
  walk(path.join(root, dir));
  return names;
}

describe('the packed node_modules closure', () => {
  const result = listed();
  const names = new Set(result.modules.map((m) => m.name));

  it('holds no server package (the server is its own workspace, src-server/package.json)', () => {
    for (const name of SERVER) expect(names.has(name), name).toBe(false);
    expect(
      [...names].filter((n) => n.startsWith('@fastify/') || n.startsWith('@esbuild/')),
    ).toEqual([]);
    // nor the workspace itself
    expect([...names].filter((n) => n.startsWith('@signwright/'))).toEqual([]);
  });

  it("holds none of the renderer's libraries (vite bundles them into out/renderer)", () => {
    for (const name of RENDERER) expect(names.has(name), name).toBe(false);
  });

  it('holds what the main process loads at run time, better-sqlite3 with its native build', () => {
    for (const name of Object.keys(pkg.dependencies)) expect(names.has(name), name).toBe(true);
    const sqlite = result.modules.find((m) => m.name === 'better-sqlite3')!;
    expect(fs.existsSync(path.join(sqlite.dir, 'build/Release/better_sqlite3.node'))).toBe(true);
    expect(result.totalFiles).toBeGreaterThan(100);
  });
});

describe('package.json dependencies by wing', () => {
  it('every package the main process imports (electron aside) is a runtime dependency', () => {
    const used = new Set([...importsOf('src-main'), ...importsOf('src-shared')]);
    used.delete('electron');
    const missing = [...used].filter((n) => !(n in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  it("the renderer's libraries are devDependencies and the server's live in its workspace", () => {
    for (const name of importsOf('src-renderer')) {
      if (name === 'zod') continue; // the shared contract: also a main-process dependency
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    const server = JSON.parse(
      fs.readFileSync(path.join(root, 'src-server/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(pkg.workspaces).toEqual(['src-server']);
    for (const name of importsOf('src-server')) {
      expect(server.dependencies[name], name).toBeDefined();
    }
    for (const name of SERVER.filter((n) => n !== 'esbuild')) {
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
  });
});
