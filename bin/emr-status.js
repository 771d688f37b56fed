#!/usr/bin/env node
// The `emr-status` command (also `npm run status`): checks the Node.js version and runs client/status-cli (its
// TypeScript source inside this repository, through tsx; the compiled JavaScript in the installed package).
"use strict";
require("./require-node").requireNode22("emr-status");
const fs = require("fs");
const path = require("path");
if (fs.existsSync(path.join(__dirname, "..", "client", "status-cli.ts"))) require("tsx/cjs/api").register();
require("../client/status-cli").main();
