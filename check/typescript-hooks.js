// How the offline check loads code. Its own modules and the programs it runs are TypeScript, loaded through tsx's
// require hooks (transpile-only). The SDKs are plain JavaScript: loaded while those hooks are on, each of their
// ~2,000 requires also runs tsx's resolver and loader (about 1.5 s of the check's start), so they are loaded with
// the hooks off first; TypeScript files that import them later get the cached modules.
// Plain JavaScript itself, because it has to run before any TypeScript can be loaded.
"use strict";
const { register } = require("tsx/cjs/api");

let unregister;

/** Turns tsx's require hooks on (idempotent). */
function registerTypeScript() {
  unregister = unregister || register();
}

/** Loads plain-JavaScript packages with tsx's hooks (and source maps) off, then restores both. */
function requirePlain(ids) {
  const hooked = unregister !== undefined;
  const sourceMaps = process.sourceMapsEnabled;
  if (hooked) unregister();
  unregister = undefined;
  process.setSourceMapsEnabled(false);
  try {
    for (const id of ids) require(id);
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    if (hooked) registerTypeScript();
  }
}

module.exports = { registerTypeScript, requirePlain };
