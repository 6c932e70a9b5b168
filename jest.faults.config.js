// The fault suites (`npm run test:faults`): the built service in processes of their own, stopped, frozen,
// killed and signalled while it works, against a PostgreSQL cluster of the test's own or the server at
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). They run one at a time: each
// measures how long things take, and two at once on a small machine would measure each other.
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'faults',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
  transform,
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/|@faker-js/faker/)'],
  testTimeout: 300000,
  maxWorkers: 1,
};
