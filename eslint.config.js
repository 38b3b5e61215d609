// Lint rules, including the layer boundaries from docs/architecture.md:
// src-shared imports nothing from Node, Electron or the DOM world; the renderer never imports src-main;
// only src-main/electron/ imports 'electron', and inside src-main each folder imports only the layers below it
// (eslint/main-layers.js); no renderer feature imports another (eslint/renderer-layers.js); the team server
// (src-server) is Node only: no Electron, React, renderer code or DOM globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { mainLayers } from './eslint/main-layers.js';
import { rendererLayers } from './eslint/renderer-layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tooling/**', 'tests/sandbox/node_modules/**', 'coverage/**'] },
  // Deliberately wrong files that tests/unit/architecture/lint-layers.test.ts lints on purpose.
  { ignores: ['tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'dexie'].map((name) => ({
            name,
            message: 'src-shared is pure TypeScript: no Node, Electron or DOM libraries.',
          })),
          patterns: [
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process'],
    },
  },
  ...rendererLayers,
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only src-main/electron/ imports 'electron'." }],
          patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' }],
        },
      ],
    },
  },
  ...mainLayers,
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie'].map((name) => ({
            name,
            message: 'The team server is a plain Node process: no Electron, React or browser libraries.',
          })),
          patterns: [
            { group: ['**/src-renderer/**'], message: 'The team server never imports renderer code.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map(
          (name) => ({ name, message: 'The team server has no DOM.' }),
        ),
      ],
    },
  },
);
