// One jest project per workspace; ts-jest only transpiles (isolatedModules) because
// `npm run typecheck` runs tsc over everything first — that keeps the suite fast.
const transform = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      tsconfig: {
        module: 'commonjs',
        moduleResolution: 'node10',
        target: 'ES2022',
        esModuleInterop: true,
        isolatedModules: true,
      },
      diagnostics: false,
    },
  ],
};

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  roots: [`<rootDir>/${name}`],
  testMatch: ['**/*.test.ts'],
  // A `*.case.test.ts` is a contract suite that implementations' tests run, not a test file of its own.
  testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/dist/', '\\.case\\.test\\.ts$'],
  // cdk.out stages a copy of infra/package.json: without this jest warns of a Haste name collision.
  modulePathIgnorePatterns: ['<rootDir>/infra/cdk.out'],
  ...extra,
});

const sharedDynamo = {
  globalSetup: '<rootDir>/scripts/src/jest/sharedDynamoSetup.ts',
  globalTeardown: '<rootDir>/scripts/src/jest/sharedDynamoTeardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default on 2 cores is one worker. Most suites wait on other processes (DynamoDB Local's JVM,
  // Chromium, a child `npm start`), so two workers overlap those waits: the README's time is with two.
  maxWorkers: 2,
  // Longest suites first even without jest's cache (a clean clone): see jest.sequencer.js.
  testSequencer: '<rootDir>/jest.sequencer.js',
  projects: [
    project('bot'),
    // Their conversation-harness suites share one DynamoDB Local per run (scripts/src/sharedDynamo.ts).
    project('fulfillment', sharedDynamo),
    project('infra'),
    project('scripts', sharedDynamo),
    // The browser suites share one stack and one Chromium per run (chat-web/e2e/support/shared.ts).
    project('chat-web', {
      testMatch: ['**/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/chat-web/e2e/support/globalSetup.ts',
      globalTeardown: '<rootDir>/chat-web/e2e/support/globalTeardown.ts',
    }),
  ],
};
