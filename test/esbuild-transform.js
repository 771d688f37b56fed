// Jest transform: TypeScript to CommonJS with esbuild (transpile only; `tsc --noEmit` type-checks once in `npm test`).
// `import()` becomes `require` (jest runs CommonJS). esbuild is already a dependency, and unlike swc its platform packages install from our registry.
const { createHash } = require("crypto");
const fs = require("fs");
const { transformSync, version } = require("esbuild");

const SELF = fs.readFileSync(__filename, "utf8");

module.exports = {
  // Jest caches transformed files: the key covers the source, this transform and the esbuild version.
  getCacheKey(source, filename) {
    return createHash("sha256").update(SELF).update(version).update(filename).update(source).digest("hex");
  },
  process(source, filename) {
    const { code, map } = transformSync(source, { loader: "ts", format: "cjs", target: "node20", sourcemap: "both", sourcefile: filename, supported: { "dynamic-import": false } });
    return { code, map };
  },
};
