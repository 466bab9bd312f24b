// Lint rules that keep each folder where it may run (docs/style.md): shared/ is
// pure, the engine never imports Electron, the renderer never imports Node.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'stream', 'util', 'url', 'net', 'http', 'https'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', ...nodeBuiltins], message: 'shared/ is pure: no electron, no Node modules, no DOM (docs/design.md, Layout).' }] },
      ],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'The engine and the command run on plain Node: never import electron.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', ...nodeBuiltins], message: 'The renderer talks only through window.dalel.' }] },
      ],
    },
  },
  {
    files: ['verifier/src/**/*.ts'],
    // Its tests run in Node, comparing the page's code with Node's own.
    ignores: ['verifier/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', ...nodeBuiltins, '**/electron/**'], message: 'The verifier page runs in any browser, from shared code alone.' }] },
      ],
    },
  },
);
