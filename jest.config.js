// Two projects: pure unit tests next to the code, and e2e suites over HTTP against a real database
// (embedded PGlite by default, the server named by DATABASE_URL when it is set).
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
// content-disposition (used by @fastify/static, which serves the API docs) and @faker-js/faker (the seed
// generator's names) ship only as ES modules; Node 20 loads them natively, Jest's CommonJS runtime needs
// them transformed.
const transformIgnorePatterns = ['/node_modules/(?!content-disposition/|@faker-js/faker/)'];

/** @type {import('jest').Config} */
module.exports = {
  // Suites start a database and the whole service in beforeAll; that is slower than a unit test.
  testTimeout: 120000,
  // A worker per core: Jest's default leaves one core to itself, which on a machine of two runs the suites
  // one by one while the main process does next to nothing. Each suite has a database of its own.
  maxWorkers: '100%',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      // The web client's own logic (money, the pay-day arithmetic): plain functions, no browser.
      displayName: 'web',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/web/src/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
  ],
};
