// @ts-check
/**
 * Lint = the architecture's boundaries (DESIGN.md §2, §3, §7.10) plus the bug-finding rules of
 * ESLint, typescript-eslint and React's hooks. Style is Prettier's business (prettier.config.js),
 * so no formatting rule lives here.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noArrayIndexKey from './eslint/no-array-index-key.js';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'tests/**', '**/test-fixtures.ts', '**/catalogue-fixtures.ts', '**/test-services.ts'];

const FEATURE_ENTRY_MESSAGE =
  "Import another feature through its public entry ('../<feature>'), not its files; export what it needs from that feature's index.ts.";
/** `../../features/<f>/<file>` from anywhere under features/. */
const THROUGH_FEATURES_FOLDER = { regex: String.raw`^(\.\./)+features/[^/]+/(?!index$).+`, message: FEATURE_ENTRY_MESSAGE };
/** `../<f>/<file>` from a feature's top-level file, where `../` is the features folder. */
const SIBLING_FEATURE_FILE = { regex: String.raw`^\.\./(?!\.)[^/]+/(?!index$).+`, message: FEATURE_ENTRY_MESSAGE };

export default defineConfig(
  {
    ignores: ['dist/**', 'release/**', '.tmp/**', '.tools/**', '.carteira-data/**', 'bench/.cache/**', 'test-results/**', 'node_modules/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Globals merge across config objects, so shared/ (below) must never get the DOM's here.
    ignores: ['shared/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `let x; const f = () => x; x = …` (a closure that needs what it is handed to) stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_`-prefixed names are the codebase's way to say "deliberately unused".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests hand fakes to typed seams and reach into internals on purpose.
    files: TESTS,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Hooks run only where React renders: the renderer, the bench page and the tests.
    files: ['renderer/**/*.{ts,tsx}', 'bench/page/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, react: { rules: { 'no-array-index-key': noArrayIndexKey } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An effect whose dependencies are deliberately partial says why in an eslint-disable comment.
      'react-hooks/exhaustive-deps': 'error',
      'react/no-array-index-key': 'error',
    },
  },

  // ── Boundaries ────────────────────────────────────────────────────────────────────────────
  {
    // shared/ runs in main, in the renderer and in the web host: plain ECMAScript and the globals
    // Node and browsers share (fetch, URL, crypto, timers), never the DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      // typescript-eslint turns no-undef off (tsc covers it); here it is the check for DOM globals.
      'no-undef': 'error',
      // Node lists these among the globals it shares with browsers, but they are the browser's.
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB', 'location'],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ runs outside Electron too.' },
            { name: 'react', message: 'shared/ holds no UI.' },
            { name: 'react-dom', message: 'shared/ holds no UI.' },
          ],
          patterns: [
            { group: ['rxdb', 'rxdb/*', 'react/*', 'react-dom/*'], message: 'shared/ is plain logic: the database and the UI live in the renderer.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ is imported by both sides and imports neither.' },
          ],
        },
      ],
    },
  },
  {
    // shared/'s tests run in Node (vitest): they may set TZ or read the environment.
    files: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Services are plain Node, unit-tested without Electron: take what you need from 'electron' as an argument." }],
          patterns: [{ group: ['electron/*'], message: 'Services are plain Node, unit-tested without Electron.' }],
        },
      ],
    },
  },
  {
    // The sandboxed preload can require only 'electron' at run time; the plain constants of
    // shared/ipc/channels.ts are bundled into it, and types vanish at build.
    files: ['electron/preload/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!electron$|\.\./\.\./shared/ipc/channels$)`,
              allowTypeImports: true,
              message: "The sandboxed preload imports only 'electron', shared/ipc/channels and types.",
            },
          ],
        },
      ],
    },
  },
  {
    // The bridge to main or the web host knows nothing of screens.
    files: ['renderer/src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui', '**/ui/**', '**/features', '**/features/**'], message: 'platform/ is the bridge: it imports no UI kit and no feature.' },
          ],
        },
      ],
    },
  },
  {
    // A feature reaches another only through that feature's index.ts (its public entry).
    // Tests are exempt: they mount another feature's real screen to check the two together.
    files: ['renderer/src/features/*/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [THROUGH_FEATURES_FOLDER] }] },
  },
  {
    files: ['renderer/src/features/*/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [THROUGH_FEATURES_FOLDER, SIBLING_FEATURE_FILE] }] },
  },
);
