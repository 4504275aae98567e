/**
 * One jest run, three projects: `unit` (shared rules and server services, no database),
 * `api` (the HTTP API against real PostgreSQL, one database per jest worker) and `smoke`
 * (starts the built server the way the README does, on the embedded database).
 */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
};
const moduleNameMapper = {
  '^@giftshop/shared$': '<rootDir>/shared/src',
  '^@giftshop/migrations$': '<rootDir>/migrations/src',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };
/**
 * Database and server tests get two minutes, hooks included (e2e/support/timeout.ts): jest's
 * 5-second default fails them when the machine is busy (the platform reset once timed out with
 * both cores taken). A setup file, because jest 30 ignores `testTimeout` inside a project.
 */
const slowTests = { setupFilesAfterEnv: ['<rootDir>/e2e/support/timeout.ts'] };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/server/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/e2e/api/**/*.spec.ts'],
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
      slowTestThreshold: 30,
      ...slowTests,
    },
    {
      ...common,
      displayName: 'smoke',
      testMatch: ['<rootDir>/e2e/smoke/**/*.spec.ts'],
      ...slowTests,
    },
    {
      rootDir: __dirname,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/src/**/*.spec.tsx'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/client/tsconfig.jest.json' }] },
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/client/src/test/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/client/src/test/taro.ts',
        '\\.(s?css)$': '<rootDir>/client/src/test/style-stub.ts',
      },
      globals: { API_BASE: '' },
    },
  ],
};
