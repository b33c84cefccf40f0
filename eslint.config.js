import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint/layers.js';

/** Layer rules (STYLE.md): a wrong import is a lint error with the reason, backed by per-layer tsconfigs. */
const layer = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      '.tsbuild/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Which of our folders may import which (an allow-list; see eslint/layers.js).
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { local: layers },
    rules: { 'local/layers': ['error', { root: import.meta.dirname }] },
  },
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: layer(
      'common/ is platform-free: it imports nothing of ours outside common, and no Node, DOM or Electron API.',
      [['**/electron/**', '**/renderer/**', '**/e2e/**', 'node:*', 'electron', 'react', 'react-dom']],
    ),
  },
  {
    files: ['electron/db/**/*.ts'],
    rules: layer(
      'electron/db holds SQL only: it imports common and better-sqlite3, never electron or services.',
      [
        [
          'electron',
          '**/services/**',
          '**/platform/**',
          '**/ipc/**',
          '!**/common/ipc/**',
          '**/main/**',
          '**/renderer/**',
        ],
      ],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [
      'electron/main/**',
      'electron/preload/**',
      'electron/platform/electron.ts',
      'electron/ipc/register.ts',
      'electron/db/**',
    ],
    rules: layer(
      'Only main/, preload/, platform/electron.ts and ipc/register.ts may import electron: the rest runs under plain Node.',
      [['electron', '**/renderer/**']],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer('The preload imports only the IPC contract.', [
      ['**/electron/db/**', '**/services/**', '**/renderer/**', '**/domain/**'],
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      ...layer(
        'The renderer reaches main only through window.lockstep (renderer/src/api); it imports common, never electron code.',
        [['**/electron/**', 'electron', 'node:*', 'better-sqlite3']],
      ),
    },
  },
  {
    files: ['scripts/**/*.{mjs,ts}', 'bench/**/*.{ts,mjs}', '*.config.{ts,js,cjs}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['postcss.config.cjs', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
