#!/usr/bin/env node
// The `emr-adopt` command (also `npm run adopt`): checks the Node.js version, registers tsx (transpile-only TypeScript:
// the programs it runs are TypeScript, and so are its own sources inside this repository) and runs adopt/cli.
"use strict";
require("./require-node").requireNode22("emr-adopt");
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache();
require("../check/typescript-hooks").registerTypeScript();
require("../adopt/cli").main();
