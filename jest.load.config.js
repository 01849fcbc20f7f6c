// `npm run test:load`: the load test alone. It spawns twenty processes, so it stays out of the
// default run (jest.config.js ignores __tests__/load/) and has a config of its own.
import base from './jest.config.js'

export default {
  ...base,
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/__tests__/load/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  collectCoverageFrom: [],
  coverageThreshold: undefined,
}
