#!/usr/bin/env node
// The `emr-prices` command (also `npm run prices`): checks the Node.js version, registers tsx (transpile-only
// TypeScript) as emr-check does, then runs the CLI (prices/cli.ts).
"use strict";
require("./require-node").requireNode22("emr-prices");
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache();
require("../check/typescript-hooks").registerTypeScript();
require("../prices/cli");
