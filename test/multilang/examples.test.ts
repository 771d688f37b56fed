/**
 * The YAML and Python example programs, checked against the package schema (the fast tier has no Pulumi CLI; the engine
 * tier runs their analytics clusters under the real one: test/engine/yaml.engine.ts, python.engine.ts).
 * Every property they set must exist in the schema with a value of the right type: enums by their values (YAML)
 * or members (Python), nested types by their generated `<Type>Args` classes, required inputs present.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { refType, REPO, sourcePluginDir, TOKEN, type PackageSchema, type SchemaProperty } from "./plugin-dir";

let schema: PackageSchema;

beforeAll(async () => {
  const { EmrComponentProvider } = await import("../../multilang");
  schema = JSON.parse(await new EmrComponentProvider(sourcePluginDir()).getSchema());
}, 60_000);

const inputs = () => schema.resources[TOKEN].inputProperties;
const upperSnake = (pascal: string) => pascal.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Problems with a YAML value for a schema property (`${...}` interpolations are typed by Pulumi at run time). */
function checkYaml(prop: SchemaProperty, value: unknown, path: string): string[] {
  if (typeof value === "string" && value.startsWith("${")) return [];
  const ref = refType(schema, prop);
  if (ref?.enum) return ref.enum.some((e) => e.value === value) ? [] : [`${path}: ${JSON.stringify(value)} is not one of ${ref.enum.map((e) => e.value).join(", ")}`];
  if (ref?.properties) return checkYamlObject(ref.properties, value, path);
  if (prop.type === "array") return Array.isArray(value) ? value.flatMap((v, i) => checkYaml(prop.items!, v, `${path}[${i}]`)) : [`${path}: expected a list`];
  if (prop.type === "object") {
    return value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => checkYaml(prop.additionalProperties!, v, `${path}.${k}`)) : [`${path}: expected a map`];
  }
  return typeof value === prop.type ? [] : [`${path}: expected a ${prop.type}, got ${JSON.stringify(value)}`];
}

function checkYamlObject(props: Record<string, SchemaProperty>, value: unknown, path: string): string[] {
  if (!value || typeof value !== "object") return [`${path}: expected an object`];
  return Object.entries(value).flatMap(([k, v]) => (props[k] ? checkYaml(props[k], v, `${path}.${k}`) : [`${path}.${k}: not in the schema`]));
}

interface PyValue {
  kind: "string" | "number" | "bool" | "list" | "dict" | "call" | "attribute" | "other";
  items?: PyValue[];
  values?: PyValue[];
  func?: string;
  kwargs?: Record<string, PyValue>;
  path?: string;
}

/** Problems with a Python argument for a schema property, as the generated SDK (`import emr_as_code_emr as emr`) names it. */
function checkPython(prop: SchemaProperty, value: PyValue, path: string): string[] {
  const ref = refType(schema, prop);
  const refName = prop.$ref?.split(":").pop();
  if (value.kind === "call" && !value.func?.startsWith("emr.")) {
    // A config read: a secret one is an Output, which a plain property cannot take.
    return prop.plain && /secret/.test(value.func ?? "") ? [`${path}: a plain property cannot take the Output of ${value.func}`] : [];
  }
  if (ref?.enum) {
    const members = ref.enum.map((e) => `emr.${refName}.${upperSnake(e.name)}`);
    return members.includes(value.path ?? "") ? [] : [`${path}: ${value.path ?? value.kind} is not one of ${members.join(", ")}`];
  }
  if (ref?.properties) {
    if (value.func !== `emr.${refName}Args`) return [`${path}: expected emr.${refName}Args(...), got ${value.func ?? value.kind}`];
    return checkPythonKwargs(ref.properties, value.kwargs!, path);
  }
  if (prop.type === "array") return value.kind === "list" ? value.items!.flatMap((v, i) => checkPython(prop.items!, v, `${path}[${i}]`)) : [`${path}: expected a list`];
  if (prop.type === "object") return value.kind === "dict" ? value.values!.flatMap((v) => checkPython(prop.additionalProperties!, v, `${path}{}`)) : [`${path}: expected a dict`];
  const expected = prop.type === "boolean" ? "bool" : prop.type;
  return value.kind === expected ? [] : [`${path}: expected a ${prop.type}, got ${value.kind}`];
}

function checkPythonKwargs(props: Record<string, SchemaProperty>, kwargs: Record<string, PyValue>, path: string): string[] {
  return Object.entries(kwargs)
    .filter(([k]) => k !== "opts")
    .flatMap(([k, v]) => (props[camel(k)] ? checkPython(props[camel(k)], v, `${path}.${k}`) : [`${path}.${k}: not in the schema`]));
}

describe("examples/yaml/Pulumi.yaml", () => {
  const program = parse(readFileSync(join(REPO, "examples/yaml/Pulumi.yaml"), "utf8"));
  const components = Object.entries(program.resources as Record<string, { type: string; properties: Record<string, unknown> }>);

  test("declares the emr package and uses its component twice", () => {
    expect(program.packages).toEqual({ emr: "../../packages/emr-plugin" });
    expect(components.map(([name, r]) => [name, r.type.replace(/^emr:(?!index:)/, "emr:index:")])).toEqual([
      ["lakehouse", TOKEN],
      ["analytics", TOKEN],
    ]);
  });

  test("every property exists in the schema with the right type, and the required ones are set", () => {
    const problems = components.flatMap(([name, r]) => [
      ...checkYamlObject(inputs(), r.properties, name),
      ...schema.resources[TOKEN].requiredInputs.filter((k) => !(k in r.properties)).map((k) => `${name}.${k}: required`),
    ]);
    expect(problems).toEqual([]);
  });

  test("the outputs it reads are the component's outputs", () => {
    const read = Object.values(program.outputs as Record<string, string>).map((o) => o.replace(/^\$\{\w+\.(\w+)\}$/, "$1"));
    expect(read.filter((o) => !(o in schema.resources[TOKEN].properties))).toEqual([]);
  });

  test("a wrong value is caught (the checker is not a silent pass)", () => {
    expect(checkYamlObject(inputs(), { preset: "datalake", nodeGroups: [{ name: "core", count: 3 }], protect: "yes" }, "x")).toEqual([
      "x.preset: \"datalake\" is not one of datalake-ha, dev-normal, olap-ha, dataflow-normal, dataserving-ha",
      "x.nodeGroups[0].count: not in the schema",
      'x.protect: expected a boolean, got "yes"',
    ]);
  });
});

describe("examples/python/__main__.py", () => {
  const calls: PyValue[] = JSON.parse(execFileSync("python3", [join(__dirname, "python-calls.py"), join(REPO, "examples/python/__main__.py")], { encoding: "utf8" }));
  const components = calls.filter((c) => c.func === "emr.EmrClusterComponent");

  test("creates two EmrClusterComponents", () => {
    expect(components).toHaveLength(2);
  });

  test("every keyword argument exists in the schema with the right type, and the required ones are set", () => {
    const problems = components.flatMap((c, i) => [
      ...checkPythonKwargs(inputs(), c.kwargs!, `call${i}`),
      ...schema.resources[TOKEN].requiredInputs.filter((k) => !Object.keys(c.kwargs!).map(camel).includes(k)).map((k) => `call${i}.${k}: required`),
    ]);
    expect(problems).toEqual([]);
  });

  test("a wrong argument is caught (the checker is not a silent pass)", () => {
    const bad: Record<string, PyValue> = {
      preset: { kind: "attribute", path: "emr.Preset.DATALAKE" },
      node_groups: { kind: "list", items: [{ kind: "call", func: "emr.NodeGroupArgs", kwargs: {} }] },
      cluster_name: { kind: "call", func: "config.require_secret" },
    };
    expect(checkPythonKwargs(inputs(), bad, "x")).toEqual([
      "x.preset: emr.Preset.DATALAKE is not one of emr.Preset.DATALAKE_HA, emr.Preset.DEV_NORMAL, emr.Preset.OLAP_HA, emr.Preset.DATAFLOW_NORMAL, emr.Preset.DATASERVING_HA",
      "x.node_groups[0]: expected emr.NodeGroupOverrideArgs(...), got emr.NodeGroupArgs",
      "x.cluster_name: a plain property cannot take the Output of config.require_secret",
    ]);
  });
});
