// Jest runs the TypeScript sources directly (ESM, through ts-jest): tests never need a build.
// Type errors are caught once by `npm run typecheck`, so ts-jest only transpiles (isolatedModules).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@mlci/core$': '<rootDir>/packages/core/src/index.ts',
    '^@mlci/core/errors$': '<rootDir>/packages/core/src/errors.ts',
    '^@mlci/cli$': '<rootDir>/packages/cli/src/index.ts',
    '^@mlci/github$': '<rootDir>/packages/github/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Every temporary file of a run goes into one folder, removed at the end (test/support/temp-folder.js).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30000,
};
