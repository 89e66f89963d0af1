// Lint: the Office add-in rules (sync discipline, load-before-read, unused code)
// plus the React hooks rules; formatting is checked by prettier in `npm run lint`.
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');
const officeTs = officeAddins.configs.recommended.find((c) => c.plugins);
// The office-addins/* rules (load before read, sync after load, no sync in a loop) are about
// Office.js proxies: they apply where the product talks to Excel (src/host, and the task pane that
// calls it). Elsewhere the same words mean other things (ExcelJS rows in src/xlsx, the command line,
// the fake's own tests) and the rules would only raise false alarms.
const officeJsRules = Object.fromEntries(Object.entries(officeTs.rules).filter(([name]) => name.startsWith('office-addins/')));
const officeJsRulesOff = Object.fromEntries(Object.keys(officeJsRules).map((name) => [name, 'off']));
// The TypeScript parser the office-addins rules are built against (its own dependency).
const tsParser = require(require.resolve('@typescript-eslint/parser', { paths: [require.resolve('eslint-plugin-office-addins')] }));

module.exports = [
  { ignores: ['dist/**', 'lib/**', 'build-tsc/**', 'coverage/**', 'node_modules/**', 'tests/output/**'] },
  ...officeAddins.configs.recommended,
  // The same Office add-in rules for .tsx (the recommended set names .ts only).
  { ...officeTs, files: ['**/*.tsx'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { ...officeTs.plugins, 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // prettier runs on its own in `npm run lint`, not as an eslint rule.
      'prettier/prettier': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-unused-vars': 'off',
      // TypeScript already reports undefined names, with the right globals.
      'no-undef': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs,ts,cts,mts,tsx}'], rules: officeJsRulesOff },
  { files: ['src/host/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'], rules: officeJsRules },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      ecmaVersion: 2022,
      globals: Object.fromEntries(
        [
          'require',
          'module',
          'exports',
          'process',
          '__dirname',
          '__filename',
          'console',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'URL',
        ].map((g) => [g, 'readonly']),
      ),
    },
    rules: { 'prettier/prettier': 'off' },
  },
  {
    // The ES-module scripts (the Stryker config and its sampling plugin).
    files: ['**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      ecmaVersion: 2022,
      globals: Object.fromEntries(['process', 'console', 'Buffer', 'URL'].map((g) => [g, 'readonly'])),
    },
    rules: { 'prettier/prettier': 'off' },
  },
];
