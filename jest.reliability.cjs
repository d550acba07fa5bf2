/**
 * The process-level reliability suite (`npm run test:reliability`): each scenario runs the built
 * service (`dist/src/main.js`) as separate processes against its own redis-server and database.
 * Same transform as jest.config.cjs; only the roots, the file pattern and the timeout differ.
 */
const base = require('./jest.config.cjs');

/** One results file per run, shared by every scenario file of the run. */
const runStarted = new Date().toISOString().replace(/[:.]/g, '-');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testRegex: '\\.reliability-spec\\.ts$',
  testTimeout: 240000,
  globals: { RELIABILITY_RUN: runStarted },
};
