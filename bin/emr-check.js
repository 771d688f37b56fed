#!/usr/bin/env node
// The `emr-check` command (also `npm run check`): checks the Node.js version, caches compiled code on disk,
// registers tsx (transpile-only TypeScript, for the programs it runs and, inside this repository, its own sources)
// and runs the CLI (check/cli.ts; check/cli.js in the installed package).
// Node >= 22.1 caches the V8 code of every module it compiles (TypeScript's compiler, which the Pulumi SDK loads,
// alone takes ~0.8 s to compile); the policy pack's process inherits the cache through NODE_COMPILE_CACHE.
"use strict";
require("./require-node").requireNode22("emr-check");
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") {
  nodeModule.enableCompileCache();
  const dir = typeof nodeModule.getCompileCacheDir === "function" ? nodeModule.getCompileCacheDir() : undefined;
  if (dir && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = dir;
}
require("../check/typescript-hooks").registerTypeScript();
require("../check/cli");
