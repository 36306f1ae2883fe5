import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const electronOnlyInApp = {
  name: 'electron',
  message:
    'Only src-main/app may import electron (docs/ARCHITECTURE.md: everything else runs under Node).',
};
const noMainFromRenderer = {
  group: ['**/src-main/**', '../src-main/*', '../../src-main/*'],
  message: 'The renderer talks to the main process through the contract only (src-shared).',
};
const noServerFromClient = {
  group: ['**/src-server/**'],
  message: 'The app and the server share only src-shared.',
};
const sharedIsPure = {
  group: ['**/src-main/**', '**/src-renderer/**', '**/src-server/**', 'node:*', 'fs', 'path'],
  message: 'src-shared holds the contract: no Node, no DOM, no other wing.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'dist-web/**',
      'release/**',
      'drizzle/**',
      'src-server/drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Type-aware rules (typescript-eslint's project service: tsconfig.json, every file in one program)
    files: ['**/*.{ts,tsx}'],
    // only in tsconfig.shared.json (tsconfig.json has the DOM's and Node's URL instead)
    ignores: ['src-shared/web-globals.d.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // a promise nobody awaits loses its error: await it, .catch() it, or `void` it with a reason
      '@typescript-eslint/no-floating-promises': 'error',
      // an async callback where a void one is expected (an event handler, forEach) drops its
      // rejection; JSX handlers may be async (React ignores the result, errors are caught inside)
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // No import cycles: a circle means two modules cannot be understood (or loaded) apart.
    files: ['src-*/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // parse .ts/.tsx dependencies too (else a cycle through them is not seen)
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src-renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInApp], patterns: [noMainFromRenderer, noServerFromClient] },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInApp],
          patterns: [
            noServerFromClient,
            { group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInApp], patterns: [sharedIsPure] }],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInApp],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'The server shares only src-shared.',
            },
          ],
        },
      ],
    },
  },
);
