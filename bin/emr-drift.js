#!/usr/bin/env node
// The `emr-drift` command (also `npm run drift`): checks the Node.js version, registers tsx (transpile-only TypeScript:
// the programs it runs are TypeScript, and so are its own sources inside this repository) and runs drift/cli.
"use strict";
require("./require-node").requireNode22("emr-drift");
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache();
require("../check/typescript-hooks").registerTypeScript();
require("../drift/cli").main();
