import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Type-aware lint: each workspace's own tsconfig gives the rules its types. The shared and server
 * specs are typed by e2e/tsconfig.json (their own tsconfigs leave them out of the build), the
 * client's specs and test doubles by client/tsconfig.jest.json.
 */
const project = [
  './server/tsconfig.json',
  './shared/tsconfig.json',
  './migrations/tsconfig.json',
  './e2e/tsconfig.json',
  './client/tsconfig.jest.json',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.tmp/**',
      'coverage/**',
      'client/config/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // A promise nobody awaits loses its error and its ordering: await it, or `void` it with a
      // comment saying why it is deliberately left to run on its own.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
);
