// `npm run build` (and `npm pack`'s prepack): compiles the commands with tsc into dist/, then copies the
// plain-JavaScript files tsc does not emit (the bins and the TypeScript loader they start with).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const dist = path.join(__dirname, "dist");
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [root] }), "-p", path.join(__dirname, "tsconfig.json")], { stdio: "inherit" });
for (const file of ["bin/emr-check.js", "bin/emr-status.js", "bin/emr-prices.js", "bin/emr-drift.js", "bin/require-node.js", "check/typescript-hooks.js"]) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(dist, file));
}
