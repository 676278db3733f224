// Lint rules for every side of the app. The renderer may not reach Node or Electron directly, and
// only the preload may import `electron`'s ipcRenderer (one IPC contract).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core runs in plain Node: no electron here.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The page may reach the main process's code only through these browser-safe
              // modules (renderer/src/app-contract.ts); never Electron, Node or the rest of the core.
              regex:
                '^(electron(/.*)?|node:.*|.*/electron/(?!core/(ipc/contract|ipc/library-views|ipc/job-views|library/library-item-key|accounts/account-colours|settings/setting-rules|auth/redirect-uri|backups/backup-limits)\\.js$).*)$',
              message: 'The renderer talks to the app over the IPC contract only.',
            },
          ],
        },
      ],
    },
  },
);
