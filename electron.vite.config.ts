import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// electron-vite runs from the repo root (npm scripts); paths resolve from there, as in its docs
const root = process.cwd();

/**
 * `electron-vite build` -> out/main/index.js (ESM, package.json "main"), out/preload/index.cjs,
 * out/renderer/ (index.html + assets). The bridge (src-main/bridge) is not an entry, so it never
 * reaches out/ or the package.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // package.json `dependencies` stay in node_modules (what the main process loads: better-sqlite3,
      // drizzle-orm, electron-updater, pdfkit, sharp, pino, ...); devDependencies would be bundled
      externalizeDeps: true,
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/app/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // sandbox: true runs the preload as one classic script with a tiny require() that only
      // knows 'electron' and a few builtins, so everything (the contract, zod) is bundled in
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
