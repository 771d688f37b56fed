/**
 * Tests are transpiled by esbuild (no type-checking per file: that is `tsc --noEmit`, run once by `npm test`).
 * Some modules import siblings with a `.js` suffix (NodeNext style); map them back to the `.ts` sources.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "<rootDir>/test/esbuild-transform.js" },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 30000,
  // Two cores here; jest would use one (cores - 1). Most suites wait on child processes or sockets.
  maxWorkers: 2,
};
