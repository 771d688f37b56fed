/**
 * The engine suite (`npm run test:engine`): the real Pulumi CLI and alicloud provider against the emulator. Its
 * files end in `.engine.ts`, so the fast tier's `npm test` (testMatch `*.test.ts`) never runs them. One file at a
 * time: the machine has 2 cores and each file drives the CLI, the provider, the pack and a program process.
 */
const base = require("../../jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: "../..",
  roots: ["<rootDir>/test/engine"],
  testMatch: ["**/*.engine.ts"],
  transform: { "^.+\\.ts$": "<rootDir>/test/esbuild-transform.js" },
  // The first run builds the toolchain (minutes); a create waits the provider's fixed 90 s.
  testTimeout: 20 * 60_000,
  maxWorkers: 1,
};
