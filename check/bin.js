#!/usr/bin/env node
// The `emr-check` command: registers tsx (fast, transpile-only TypeScript) and runs the CLI.
require("tsx/cjs");
require("./cli.ts");
