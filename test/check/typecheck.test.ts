/** The program's type-check: TS errors with file:line, only the program's own files, cached by their contents. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { typecheckPrograms } from "../../check/program/typecheck";

function tempProgram(files: Record<string, string>): { dir: string; cache: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, cache: path.join(dir, "cache") };
}

test("a type error in a file the program imports is reported with its file:line; a clean program has none", () => {
  const { dir, cache } = tempProgram({
    "index.ts": 'import { size } from "./lib";\nexport const n: number = size;\n',
    "lib.ts": 'export const size: number = "3";\n',
    "clean.ts": "export const n: number = 3;\n",
  });
  const results = typecheckPrograms([dir, path.join(dir, "clean.ts")], cache);
  expect(results.get(dir)).toEqual({ errors: [`${path.relative(process.cwd(), path.join(dir, "lib.ts"))}:1: TS2322: Type 'string' is not assignable to type 'number'.`], cached: false });
  expect(results.get(path.join(dir, "clean.ts"))).toEqual({ errors: [], cached: false });
}, 30000);

test("an unchanged program comes from the cache; changing any of its files checks it again", () => {
  const { dir, cache } = tempProgram({ "index.ts": 'import { size } from "./lib";\nexport const n: number = size;\n', "lib.ts": "export const size = 3;\n" });
  expect(typecheckPrograms([dir], cache).get(dir)).toEqual({ errors: [], cached: false });
  expect(typecheckPrograms([dir], cache).get(dir)).toEqual({ errors: [], cached: true });
  fs.writeFileSync(path.join(dir, "lib.ts"), 'export const size = "3";\n');
  expect(typecheckPrograms([dir], cache).get(dir)?.cached).toBe(false);
  expect(typecheckPrograms([dir], cache).get(dir)?.errors).toEqual([`${path.relative(process.cwd(), path.join(dir, "index.ts"))}:2: TS2322: Type 'string' is not assignable to type 'number'.`]);
}, 30000);
