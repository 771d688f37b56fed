/**
 * Tests are transpiled by swc (no type-checking per file: that is `tsc --noEmit`, run once by `npm test`).
 * The policy pack uses NodeNext-style `.js` import suffixes; map them back to the `.ts` sources.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }] },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 30000,
  // Two cores here; jest would use one (cores - 1). Most suites wait on child processes or sockets.
  maxWorkers: 2,
};
