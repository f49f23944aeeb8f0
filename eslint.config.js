import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'tests/fidelity/recorded/**', 'tools/**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**', 'bench/**', 'tests/**', 'src/cli/**', '*.config.*'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: it runs in Node (CLI, tests) and in the worker alike.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'zustand', 'd3-*', '@codemirror/*'], message: 'src/engine is pure: no UI libraries.' },
            { group: ['**/ui/**', '**/worker/**', '**/client/**', '**/store/**', '**/derive/**'], message: 'src/engine never imports the page or the worker.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'navigator', 'localStorage'],
    },
  },
  {
    // A lower layer never imports a higher one: kernel < glibc < pymalloc < python < numpy.
    files: ['src/engine/kernel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/glibc/**', '**/pymalloc/**', '**/python/**', '**/numpy/**', '../glibc*', '../pymalloc*', '../python*', '../numpy*'] }] },
  },
  {
    files: ['src/engine/glibc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/pymalloc/**', '**/python/**', '**/numpy/**', '../pymalloc*', '../python*', '../numpy*'] }] },
  },
  {
    files: ['src/engine/pymalloc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/python/**', '**/numpy/**', '../python*', '../numpy*'] }] },
  },
);
