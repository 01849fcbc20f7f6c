// Jest runs in ESM mode (NODE_OPTIONS=--experimental-vm-modules, see package.json).
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // src is a root too, so that files no test loads still count (as uncovered) in coverage.
  roots: ['<rootDir>/src', '<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // The load test spawns twenty processes: `npm run test:load` runs it (jest.load.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/load/'],
  // Sources import './x.js' as Node ESM requires; map those back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageThreshold: { global: { lines: 90 } },
  coverageReporters: ['text-summary', 'lcov'],
}
