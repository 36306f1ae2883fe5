import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One runner for unit (next to the code) and integration (test/) suites. Component tests opt into
// jsdom with a `// @vitest-environment jsdom` docblock; everything else runs under plain Node.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'test/e2e/**', 'out/**', 'dist-web/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
