// Lint: typescript-eslint's recommended rules, Svelte's, and the architecture rule that
// keeps each layer to its own imports, for every folder of src (see README "Architecture").
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS =
  '^(node:.*|fs|fs/promises|path|os|crypto|child_process|util|url|stream|worker_threads|events)$';

/**
 * A regex for an import of one of these layers' folders (`../node/store`, `../../main/ipc`...):
 * a path segment with the layer's name, so that `./main-window` or a package does not match.
 */
const layer = (...names) => `(^|/)(${names.join('|')})(/|$)`;

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
        [layer('node', 'main', 'preload', 'renderer', 'cli'), 'src/core imports nothing above it.'],
      ),
    },
  },
  {
    files: ['src/node/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['^electron$', 'Services run under plain Node: no Electron.'],
        [layer('cli', 'main', 'preload', 'renderer'), 'Services import only src/core and other services.'],
      ),
    },
  },
  {
    // Tests of the services may drive them through the command line too.
    files: ['src/node/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['^electron$', 'Services run under plain Node: no Electron.'],
        [layer('main', 'preload', 'renderer'), 'Service tests import src/core, src/node and src/cli only.'],
      ),
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['^electron$', 'The command line runs under plain Node: no Electron.'],
        [layer('main', 'preload', 'renderer'), 'The command line imports only src/core and src/node.'],
      ),
    },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': forbid([
        layer('cli', 'preload', 'renderer'),
        'The main process is Electron wiring over src/core and src/node: use the application layer, not the command line or the page.',
      ]),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      // typescript-eslint's version of the rule, for allowTypeImports: types come from anywhere in
      // src/core (they are erased), code only from the schema-free channel list, as the sandboxed
      // preload must stay tiny and cannot load Node modules.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: NODE_BUILTINS, message: 'The preload runs sandboxed: no Node built-ins.' },
            {
              regex: layer('node', 'main', 'cli', 'renderer'),
              message: 'The preload imports only src/core (channel names; types).',
            },
            {
              regex: '(^|/)core/(?!ipc/channels$)',
              allowTypeImports: true,
              message:
                'The preload imports code from src/core/ipc/channels only (types from anywhere in core).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [NODE_BUILTINS, 'The renderer has no Node.'],
        ['^electron$', 'The renderer talks to the app through window.gazette only.'],
        [
          layer('node', 'main', 'preload', 'cli'),
          'The renderer imports only src/core (types and pure logic).',
        ],
      ),
    },
  },
);
