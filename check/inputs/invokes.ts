/**
 * Data sources offline. A program that looks something up (`alicloud.getZones(...)`, `resourcemanager.
 * getResourceGroups(...)`) and reads `zones[0].id` must run without a cloud, so an invoke gets a result shaped like
 * the provider's declared result type: the invoke's own inputs where the result echoes them, every list with one
 * element, strings as marked placeholders, numbers 1, booleans false. Each generated value is recorded (token + field
 * path) so the report can say which values were placeholders. A fixture (`--invokes <file>`) replaces any invoke's
 * result with the user's own.
 */
import * as fs from "fs";
import { parse } from "yaml";
import { UsageError } from "../errors";
import { InvokeShapes, type Shape } from "./invoke-shapes";
import { programDir } from "../program/program-error";

/** The token of a data source → its whole result, as the user wants it offline. */
export type InvokeFixtures = Record<string, Record<string, unknown>>;

/** Values the check made up for a data source's result. */
export interface Placeholder {
  token: string;
  /** Field paths of the result, e.g. `zones[0].id`. */
  paths: string[];
}

/** A placeholder string: marked, and plain enough (lower-case letters, digits, "-") to pass an ID's format. */
const placeholderString = (fieldPath: string) => `offline-placeholder-${fieldPath.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "").toLowerCase()}`;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A value of `shape`; every generated leaf's path goes to `made`. */
function valueOf(shape: Shape, at: string, made: string[], inputs: Record<string, unknown> = {}): unknown {
  switch (shape.kind) {
    case "string":
      made.push(at);
      return placeholderString(at);
    case "number":
      made.push(at);
      return 1;
    case "boolean":
      made.push(at);
      return false;
    case "list":
      return [valueOf(shape.item, `${at}[0]`, made)];
    case "map":
      return {};
    case "unknown":
      return undefined;
    case "object":
      return Object.fromEntries(
        Object.entries(shape.fields).flatMap(([name, field]) => {
          // The provider echoes the invoke's arguments in its result (e.g. availableResourceCreation).
          if (inputs[name] !== undefined) return [[name, inputs[name]]];
          if (field.optional) return [];
          return [[name, valueOf(field.shape, at ? `${at}.${name}` : name, made)]];
        }),
      );
  }
}

/** The invokes of one program run, and what they made up. */
export class OfflineInvokes {
  private readonly made = new Map<string, Set<string>>();

  constructor(
    private readonly shapes: InvokeShapes,
    private readonly fixtures: InvokeFixtures = {},
  ) {}

  /** The mock's `call`: a fixture's result, else one shaped like the declared result, else the inputs (unknown token). */
  call(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const fixture = this.fixtures[token];
    if (fixture) return fixture;
    const shape = this.shapes.shapeOf(token);
    if (!shape) return inputs;
    const made: string[] = [];
    const result = valueOf(shape, "", made, inputs) as Record<string, unknown>;
    if (made.length) this.made.set(token, new Set([...(this.made.get(token) ?? []), ...made]));
    return result;
  }

  get placeholders(): Placeholder[] {
    return [...this.made].map(([token, paths]) => ({ token, paths: [...paths] })).sort((a, b) => a.token.localeCompare(b.token));
  }
}

/** A fixture file: JSON or YAML, `{ "<invoke token>": { ...the result } }`. */
export function loadInvokeFixtures(file: string): InvokeFixtures {
  const where = `--invokes ${file}`;
  const example = 'e.g. {"alicloud:index/getZones:getZones": {"ids": ["cn-hangzhou-i"], "zones": [{"id": "cn-hangzhou-i"}]}}';
  if (!fs.existsSync(file)) throw new UsageError(`${where}: no such file (${example})`);
  let doc: unknown;
  try {
    doc = parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${where} is not JSON or YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  if (!isRecord(doc)) throw new UsageError(`${where}: expected a map of invoke tokens to results (${example})`);
  for (const [token, result] of Object.entries(doc)) {
    if (!/^[a-z0-9-]+:[A-Za-z0-9/_-]+:[A-Za-z0-9_]+$/.test(token)) throw new UsageError(`${where}: "${token}" is not an invoke token like alicloud:index/getZones:getZones`);
    if (!isRecord(result)) throw new UsageError(`${where}: ${token}: expected the invoke's result as a map (${example})`);
  }
  return doc as InvokeFixtures;
}

/** The invokes for a program: shapes from the provider the program loads, fixtures first. */
export function offlineInvokes(program: string, cacheDir: string, fixtures?: InvokeFixtures): OfflineInvokes {
  return new OfflineInvokes(new InvokeShapes(programDir(program), cacheDir), fixtures);
}
