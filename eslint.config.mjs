// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name="it"][callee.property.name="only"]', message: 'No committed it.only' },
        { selector: 'CallExpression[callee.object.name="describe"][callee.property.name="only"]', message: 'No committed describe.only' },
      ],
    },
  },
  {
    // Domain rules stay free of the framework, the database and the clock: they import other domain
    // rules and common's pure helpers (errors, labels, money, time, identifiers, collections), nothing else of ours.
    files: ['src/**/domain/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*'], message: 'Domain rules are pure: no framework, no database.' },
            {
              regex: '^(?!(\\.\\./)+([a-z-]+/)?domain/)(?!(\\.\\./)+common/(errors|labels|money|time|identifiers)/)(?!(\\.\\./)+common/collections$)\\.\\./',
              message: 'A domain rule imports only other domain rules and the pure helpers of common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    ignores: ['src/**/domain/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'typeorm/*'] }],
    },
  },
  {
    // Each feature owns its tables: only its repository (with its *.sql.ts text) talks to the database,
    // in one style: SQL written out whole. Services, controllers and views hand a unit of work (Tx) on.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      'src/**/*.spec.ts',
      'src/app.module.ts',
      'src/database/**',
      'src/app.ts',
      'src/main.ts',
      'src/http-error.filter.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: "Only a feature's repository talks to the database: move this into <feature>.repository.ts." },
            { name: '@nestjs/typeorm', message: "Only a feature's repository talks to the database: move this into <feature>.repository.ts." },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name="it"][callee.property.name="only"]', message: 'No committed it.only' },
        { selector: 'CallExpression[callee.object.name="describe"][callee.property.name="only"]', message: 'No committed describe.only' },
        {
          selector: 'CallExpression[callee.property.name=/^(query|serialQuery|getRepository|createQueryBuilder|transaction|createQueryRunner)$/]',
          message: "Only a feature's repository talks to the database: move this into <feature>.repository.ts.",
        },
      ],
    },
  },
  {
    // One style in the repositories: SQL written out whole. No entity repositories, no query builders.
    files: ['src/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder)$/]',
          message: 'Write the statement out: tx.query(SQL, params), the SQL whole in the repository or its *.sql.ts.',
        },
      ],
    },
  },
  ...[
    // A case holds its claims: cases ask claims for their money, claims ask cases only through the
    // CaseAccess they declare (claims/case-access.ts) and the pure status rules, so no cycle between them.
    { files: ['src/claims/**/*.ts'], ignores: ['src/**/*.spec.ts', 'src/**/*.repository.ts'], database: false },
    { files: ['src/claims/**/*.repository.ts'], database: true },
  ].map(({ files, ignores, database }) => ({
    files,
    ...(ignores && { ignores }),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: database
            ? []
            : ['typeorm', '@nestjs/typeorm'].map((name) => ({
                name,
                message: "Only a feature's repository talks to the database: move this into <feature>.repository.ts.",
              })),
          patterns: [
            {
              regex: '^(\\.\\./)+cases/(?!domain/)',
              message: 'claims/ may not import cases/ (it would close a cycle): declare what you need in claims/case-access.ts.',
            },
          ],
        },
      ],
    },
  })),
  {
    // common/ is below every feature: it may not know any of them (a feature's knowledge in common/
    // is an arrow running back up the dependency graph).
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+(admin|audit|auth|calendar|campaign|cases|claims|config|database|desk|employers|health|legal-clocks|mediation|organisations|payouts|personal-data|projects|reminders|reports|timeline|users|web-pages|workers)(/|$)',
              message: 'common/ may not import a feature: move the knowledge to the feature, or to the application edge.',
            },
          ],
        },
      ],
    },
  },
  {
    // A migration must do the same thing on every database it ever runs on: importing the product's code
    // would change what an old migration does whenever that code changes. Copy what it needs, frozen, into
    // the migration or into migrations/support/.
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../src', '../src/*', '../../src', '../../src/*', '../../../src', '../../../src/*'],
              message:
                'Migrations must not import from src/: a migration must not change behaviour when the product changes. ' +
                'Copy the frozen logic into the migration or migrations/support/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'tools/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
