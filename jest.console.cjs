/**
 * The console's browser suite (`npm run test:console`): journeys in Debian's chromium, driven by
 * playwright-core, against the built service (`dist/src/main.js` serving `dist/console`) started
 * as a child process. Same transform as jest.config.cjs; only the roots, pattern and timeout differ.
 */
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/console'],
  testRegex: '\\.browser-spec\\.ts$',
  testTimeout: 120000,
};
