#!/usr/bin/env node
// The `emr-prices` command: registers tsx (transpile-only TypeScript) as emr-check does, then runs the CLI.
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache();
require("../check/typescript-hooks").registerTypeScript();
require("./cli.ts");
