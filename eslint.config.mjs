import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { DEEP_IMPORT_PATTERNS, packageBoundaries } from './eslint/packageBoundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'infra/cdk.out/**',
      '.data/**',
      'coverage/**',
      'test-artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { budgetbuddy: packageBoundaries },
    rules: {
      // Packages meet only through their package.json exports (issue 15).
      'no-restricted-imports': ['error', { patterns: DEEP_IMPORT_PATTERNS }],
      'budgetbuddy/package-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']",
          message: 'No focused tests.',
        },
        {
          selector: "CallExpression[callee.object.name='it'][callee.property.name='only']",
          message: 'No focused tests.',
        },
        {
          selector: "CallExpression[callee.object.name='test'][callee.property.name='only']",
          message: 'No focused tests.',
        },
      ],
    },
  },
  {
    // The domain knows nothing of AWS, HTTP or React: adapters translate at the edges.
    files: ['fulfillment/src/domain/**/*.ts', 'bot/src/nlu/**/*.ts', 'bot/src/dialog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // This block's options replace the ones above for these files, so the boundary is repeated.
          patterns: [
            ...DEEP_IMPORT_PATTERNS,
            { group: ['@aws-sdk/*', 'aws-lambda', 'hono', 'hono/*', 'react', 'react-dom'] },
          ],
        },
      ],
    },
  },
  {
    // The domain defines the ledger's entities; ports are written in its terms, never the reverse (issue 15).
    files: ['fulfillment/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DEEP_IMPORT_PATTERNS,
            { group: ['@aws-sdk/*', 'aws-lambda', 'hono', 'hono/*', 'react', 'react-dom'] },
            {
              group: ['**/ports', '**/ports/*'],
              message: 'The domain never imports a port: ports import the domain entities.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['chat-web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
