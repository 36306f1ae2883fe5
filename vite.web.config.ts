import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The renderer alone, for browser mode (npm run dev:web / build:web). The Electron build of the
// same renderer is configured in electron.vite.config.ts.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src-renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    sourcemap: false,
  },
});
