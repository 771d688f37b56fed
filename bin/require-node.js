// Plain JavaScript that any Node.js runs, loaded first by each command: on an older Node the SDK and its tools fail
// later with errors that do not say why (npm only warns, EBADENGINE, at install), so the command says it at once.
// 22: what @pulumi/pulumi 3.270 declares in its `engines` (node >= 22), and the `engines` of our packages.
"use strict";

var MINIMUM_MAJOR = 22;

/** Exits with code 2 (bad usage or environment) and one line naming the fix when Node.js is older than 22. */
function requireNode22(command) {
  var major = Number(String(process.versions.node).split(".")[0]);
  if (major >= MINIMUM_MAJOR) return;
  process.stderr.write(
    "error: " + command + " needs Node.js " + MINIMUM_MAJOR + " or later (what @pulumi/pulumi 3.270 requires); this is Node.js " + process.versions.node +
      ". Install Node.js " + MINIMUM_MAJOR + " (e.g. nvm install " + MINIMUM_MAJOR + ", or https://nodejs.org) and run it again.\n",
  );
  process.exit(2);
}

module.exports = { requireNode22: requireNode22 };
