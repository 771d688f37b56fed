/**
 * Data sources offline: an invoke's result is shaped like the provider's declared result type (so `zones[0].id`
 * works), echoes the invoke's inputs, records what it made up; a fixture replaces any result.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InvokeShapes } from "../../check/inputs/invoke-shapes";
import { loadInvokeFixtures, OfflineInvokes } from "../../check/inputs/invokes";
import { ROOT, runCli } from "../helpers/run-cli";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "invokes-"));
const ZONES = "alicloud:index/getZones:getZones";
const GROUPS = "alicloud:resourcemanager/getResourceGroups:getResourceGroups";

describe("results shaped like the provider's declared Get*Result", () => {
  const cache = tmp();
  const invokes = new OfflineInvokes(new InvokeShapes(ROOT, cache));

  test("getZones: the inputs echoed, one zone with placeholder strings, each made-up field recorded", () => {
    expect(invokes.call(ZONES, { availableResourceCreation: "VSwitch" })).toEqual({
      availableResourceCreation: "VSwitch",
      id: "offline-placeholder-id",
      ids: ["offline-placeholder-ids-0"],
      zones: [
        {
          availableDiskCategories: ["offline-placeholder-zones-0-availablediskcategories-0"],
          availableInstanceTypes: ["offline-placeholder-zones-0-availableinstancetypes-0"],
          availableResourceCreations: ["offline-placeholder-zones-0-availableresourcecreations-0"],
          id: "offline-placeholder-zones-0-id",
          localName: "offline-placeholder-zones-0-localname",
          multiZoneIds: ["offline-placeholder-zones-0-multizoneids-0"],
          slbSlaveZoneIds: ["offline-placeholder-zones-0-slbslavezoneids-0"],
        },
      ],
    });
  });

  test("resourcemanager.getResourceGroups: groups from the nested namespace's output types; the placeholders list", () => {
    const result = invokes.call(GROUPS, { status: "OK" }) as { status: string; ids: string[]; groups: Record<string, unknown>[] };
    expect([result.status, result.ids, result.groups[0].id]).toEqual(["OK", ["offline-placeholder-ids-0"], "offline-placeholder-groups-0-id"]);
    expect(invokes.placeholders.map((p) => [p.token, p.paths.includes("groups[0].id"), p.paths.includes("zones[0].id")])).toEqual([
      [ZONES, false, true],
      [GROUPS, true, false],
    ]);
  });

  test("the derived shapes are cached per provider version; an unknown token returns its inputs", () => {
    expect(fs.readdirSync(cache).filter((f) => f.startsWith("invoke-shapes-alicloud-"))).toHaveLength(1);
    expect(new OfflineInvokes(new InvokeShapes(ROOT, cache)).call("random:index/nothing:nothing", { a: 1 })).toEqual({ a: 1 });
  });

  test("a fixture replaces an invoke's result, and nothing is a placeholder then", () => {
    const fixed = new OfflineInvokes(new InvokeShapes(ROOT, cache), { [ZONES]: { zones: [{ id: "cn-hangzhou-i" }] } });
    expect(fixed.call(ZONES, {})).toEqual({ zones: [{ id: "cn-hangzhou-i" }] });
    expect(fixed.placeholders).toEqual([]);
  });
});

describe("--invokes <file>", () => {
  test.each([
    ["[]", "expected a map of invoke tokens to results"],
    ["getZones: {}", '"getZones" is not an invoke token like alicloud:index/getZones:getZones'],
    [`"${ZONES}": [1]`, `${ZONES}: expected the invoke's result as a map`],
  ])("refuses %s", (text, message) => {
    const file = path.join(tmp(), "invokes.yaml");
    fs.writeFileSync(file, text);
    expect(() => loadInvokeFixtures(file)).toThrow(message);
  });
});

test("programs that read data sources as the provider's examples do run offline and get a verdict, placeholders named", async () => {
  const fixture = path.join(tmp(), "invokes.yaml");
  fs.writeFileSync(fixture, `${GROUPS}:\n  ids: [rg-acfmexample]\n  groups: [{ id: rg-acfmexample }]\n`);
  const { code, stdout } = await runCli(["--program", "stacks/examples/data-sources", "--invokes", fixture, "--format", "json"], 90000);
  expect(code).toBe(0);
  const reports = JSON.parse(stdout).reports as { program: string; summary: { passed: boolean }; placeholders: { token: string; paths: string[] }[] }[];
  expect(reports.map((r) => [r.program, r.summary.passed, r.placeholders.map((p) => p.token), r.placeholders[0].paths.includes("zones[0].id")])).toEqual([
    ["stacks/examples/data-sources/resource-group-lookup.ts", true, [ZONES], true],
    ["stacks/examples/data-sources/zones-lookup.ts", true, [ZONES], true],
  ]);
}, 90000);
