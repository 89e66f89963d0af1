/**
 * Jest for mutation testing (npm run mutate): the same transform as jest.config.js,
 * without the suites that drive Chromium, LibreOffice or the production build. Those
 * take seconds per case and mostly pin the renderers' output, not core's branches;
 * Stryker runs each surviving candidate against the unit, property and
 * HyperFormula suites, which is where a mutant in core or the write path must die.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  reporters: ['default'],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    '/tests/browser/',
    '/tests/libreoffice/',
    '/tests/bundle/',
    '/tests/manifest/',
    '\\.libreoffice\\.test\\.ts$',
    // The pane's own tests run in jsdom (a per-file docblock), which reports no per-test coverage to
    // Stryker and stops its first run; nothing they cover is in the mutated scope.
    '/src/taskpane/',
  ],
};
