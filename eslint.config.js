import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Import rules. ESLint keeps only the last matching options of a rule for a file, so every block
// below lists all the patterns that apply to its files.
const PURE = [
  {
    group: ['react', 'react-dom', 'zustand', 'd3-*', '@codemirror/*'],
    message: 'src/engine is pure: no UI libraries.',
  },
  {
    group: ['**/ui/**', '**/worker/**', '**/client/**', '**/store/**', '**/derive/**'],
    message: 'src/engine never imports the page or the worker.',
  },
];
/** The C library is read through libc/libc.ts (Libc, LibcModel); only these may name glibc's implementation. */
const GLIBC_OWNERS = ['src/engine/glibc/**', 'src/engine/libc/create.ts', 'src/engine/explain/glibc/**'];
const TESTS = ['**/*.test.ts', 'tests/**', 'bench/**'];
const NOT_GLIBC = {
  group: ['**/glibc/**', '../glibc', '../../glibc'],
  message:
    'Outside glibc/, libc/create.ts and explain/glibc/, read the C library through libc/libc.ts (Libc, LibcModel).',
};
const layer = (...higher) => ({
  group: higher.flatMap((n) => [`**/${n}/**`, `../${n}*`]),
  message: 'A lower layer never imports a higher one: kernel < libc (glibc) < pymalloc < python < numpy.',
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'tests/fidelity/recorded/**', 'tools/**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**', 'bench/**', 'tests/**', 'src/cli/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Outside the engine (page, worker, CLI): glibc only through the seam too.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', ...TESTS],
    rules: restrict({ ...NOT_GLIBC, group: ['**/engine/glibc/**'] }),
  },
  {
    // The engine is pure: it runs in Node (CLI, tests) and in the worker alike.
    files: ['src/engine/**/*.ts'],
    ignores: [...GLIBC_OWNERS, ...TESTS],
    rules: {
      ...restrict(...PURE, NOT_GLIBC),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'postMessage',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    files: GLIBC_OWNERS,
    ignores: TESTS,
    rules: {
      ...restrict(...PURE),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'postMessage',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    // A str keeps its characters as bytes in the table unless they are long or wide
    // (objects/str.ts): `side[h]` is not its text.
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression[typeAnnotation.type="TSStringKeyword"] > MemberExpression[object.property.name="side"]',
          message: "A str's characters are read with strValue(vm, h) (objects/str.ts), not side[h] as string.",
        },
      ],
    },
  },
  // A lower layer never imports a higher one.
  {
    files: ['src/engine/kernel/**/*.ts'],
    ignores: TESTS,
    rules: restrict(...PURE, layer('glibc', 'libc', 'pymalloc', 'python', 'numpy')),
  },
  {
    files: ['src/engine/glibc/**/*.ts'],
    ignores: TESTS,
    rules: restrict(...PURE, layer('pymalloc', 'python', 'numpy')),
  },
  {
    files: ['src/engine/libc/**/*.ts'],
    ignores: ['src/engine/libc/create.ts', ...TESTS],
    rules: restrict(...PURE, NOT_GLIBC, layer('pymalloc', 'python', 'numpy')),
  },
  {
    files: ['src/engine/pymalloc/**/*.ts'],
    ignores: TESTS,
    rules: restrict(...PURE, NOT_GLIBC, layer('python', 'numpy')),
  },
  {
    files: ['src/engine/python/**/*.ts'],
    ignores: TESTS,
    rules: restrict(...PURE, NOT_GLIBC, layer('numpy')),
  },
);
