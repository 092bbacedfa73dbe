// Lint: a small, type-aware rule set that catches real bugs (a promise nobody awaits, a switch that
// forgets a new union member, casts that hide nothing), not style. `npm run lint`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'site/dist/', 'site/.astro/', 'site/node_modules/', '.stryker-tmp/', 'reports/', 'data/', 'scripts/**/*.generated.mjs'] },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'site/src/lib/**/*.ts', 'vitest*.config.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // The code indexes arrays it has just checked; `!` there is deliberate (noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
