import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const impureForCore = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/core is pure: no React.' },
  { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'src/core is pure: no MapLibre.' },
  { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no zustand.' },
  { group: ['../../state/*', '../../map/*', '../../ui/*', '../../worker/*', '../../i18n/*', '../../cli/*',
            '../state/*', '../map/*', '../ui/*', '../worker/*', '../i18n/*', '../cli/*', 'node:*', 'fs', 'path'],
    message: 'src/core imports only from src/core (it runs in the browser, the worker and Node).' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure core: no DOM globals either (it runs in a worker and under Node).
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureForCore }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB', 'fetch'],
    },
  },
);
