import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import earshot from './eslint-rules/layers.js';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', '.cache/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core's parts depend downwards only (the layers are listed in eslint-rules/layers.js).
    files: ['electron/core/**/*.ts'],
    plugins: { earshot },
    rules: { 'earshot/layers': 'error' },
  },
  {
    // Core is runtime-neutral: it must never reach for Electron.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core/ must run under plain Node.' }] },
      ],
    },
  },
  {
    // The window talks to the app only through renderer/src/api.ts (and shares the contract's types
    // and the core's sentence catalogue, both free of Node).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/electron/core/*',
                '!**/electron/core/api',
                // The core's sentences, English and German: plain data the window translates with.
                '!**/electron/core/messages',
                '**/electron/core/db/**',
                '**/electron/core/import/**',
              ],
              message: 'Use the API in renderer/src/api.ts.',
            },
          ],
        },
      ],
    },
  },
);
