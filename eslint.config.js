// Lint and architecture rules, run by `npm test` (`npm run lint`). Why these tools: docs/decisions/.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folders of docs/architecture.md and the arrows between them. First matching pattern wins,
 * so the narrow elements come before the folder they sit in.
 */
const elements = [
  { type: 'admin-db', pattern: 'admin/db/**', partialMatch: false },
  { type: 'admin-app', pattern: 'admin/app/**', partialMatch: false },
  { type: 'admin', pattern: 'admin/**', partialMatch: false },
  { type: 'search', pattern: 'search/**', partialMatch: false },
  { type: 'site', pattern: 'site/**', partialMatch: false },
  { type: 'tooling', pattern: '{tests,bench,scripts}/**', partialMatch: false },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });

const architecture = {
  default: 'allow',
  policies: [
    {
      from: { element: { types: { anyOf: ['admin-db', 'admin-app', 'admin'] } } },
      disallow: to('site', 'search', 'tooling'),
      message: 'admin/ is the core: it never imports site/, search/ or the tooling.',
    },
    {
      from: { element: { type: 'search' } },
      disallow: to('site', 'tooling'),
      message: 'search/ reads admin/ (its read side), never site/ or the tooling.',
    },
    {
      from: { element: { type: 'site' } },
      disallow: to('admin-db', 'tooling'),
      message: 'site/ uses admin/ through its use cases and read models, never admin/db.',
    },
  ],
};

/** Across the top-level folders, imports name the package path (`#admin/…`), never `../../`. */
const crossFolderRelative = {
  regex: '^(\\.\\./)+(admin|search|site|tests)/',
  message: 'Import across folders through the package imports: #admin/…, #search/…, #site/…',
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'data/', '.astro/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['admin/**', 'search/**', 'site/**', 'tests/**', 'bench/**', 'scripts/**'],
      ...importX.flatConfigs.typescript.settings,
      'import-x/extensions': ['.ts', '.mjs', '.js', '.astro'],
      'import-x/ignore': ['node_modules'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'astro-eslint-parser': ['.astro'] },
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.astro'] }),
      ],
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
    },
    rules: {
      'boundaries/dependencies': [2, architecture],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [crossFolderRelative] }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Engines and loaders implement async interfaces; an `async` without `await` is fine there.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['site/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            crossFolderRelative,
            {
              regex: '^#search/(?!index\\.ts$)',
              message: 'site/ uses search/ only through its public module #search/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Global declarations (App.Locals) cannot import at the top without becoming a module.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['site/scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.astro'],
        projectService: false,
        project: './tsconfig.json',
      },
    },
    // The type checker sees an Astro template's JSX as untyped, so every `.map(() => <li/>)` would
    // count as unsafe; `astro check` type-checks these files instead.
    rules: {
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
