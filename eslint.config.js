// Lint: typescript-eslint's recommended rules, Svelte's, and the architecture rule that
// keeps each layer to its own imports (see README "Architecture").
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS =
  '^(node:.*|fs|fs/promises|path|os|crypto|child_process|util|url|stream|worker_threads|events)$';

/** Builds a no-restricted-imports rule from regexes with a message each. */
const forbid = (...patterns) => [
  'error',
  { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser }, globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': forbid(
        [NODE_BUILTINS, 'src/core is plain TypeScript: no Node built-ins.'],
        ['^electron$', 'src/core never imports Electron.'],
        ['/(node|main|preload|renderer|cli)/', 'src/core imports nothing above it.'],
      ),
    },
  },
  {
    files: ['src/node/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['^electron$', 'Services and the command line run under plain Node: no Electron.'],
        ['/(main|preload|renderer)/', 'Services import only src/core and other services.'],
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [NODE_BUILTINS, 'The renderer has no Node.'],
        ['^electron$', 'The renderer talks to the app through window.gazette only.'],
        ['/(node|main|cli)/', 'The renderer imports only src/core (types and pure logic).'],
      ),
    },
  },
);
