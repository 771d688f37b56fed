/**
 * Numbers and logic written once: the pack's view and the change rules' snapshot read a value the same way (one set
 * of primitive readers), the pack's cluster total is the call plan's and the gates' (one weight per group), and the
 * facts issue 22 found written twice (the tag limit, the scale-in spacing, which groups shrink, the API's default
 * MaxCapacity) appear in the code only in their home.
 */
import * as path from "path";
import fc from "fast-check";
import * as ts from "typescript";
import { clusterView } from "../../policies/rules/view";
import { clusterSnapshot } from "../../policies/rules/change/snapshot";
import { summarizePolicy } from "../../policies/rules/change/policy";
import { clusterSize } from "../../policies/rules/calls/sides";
import { countedTotal } from "../../policies/rules/gates";
import { clusterTotalNodesAck } from "../../policies/rules/capacity";
import { AUTO_SCALING, ruleContext, runRule, UNKNOWN } from "../../policies/rules";
import { MALFORMED } from "../../policies/rules/read";
import { AUTO_SCALING as DOMAIN_AUTO_SCALING, SCALE_IN_BATCH_INTERVAL_SECONDS, SCALE_IN_GROUP_TYPES, TAG_RULES } from "../../policies/rules/domain";
import { lineOf, parseSource, ROOT, sourceFiles } from "../helpers/sources";

/** Values a program, a state or a preview may hold where a number, a string or a boolean belongs. */
const ODD: unknown[] = [0, 3, "3", 2.5, "2.5", -1, "-1", 1e21, Number.NaN, Infinity, "", "abc", " 3", true, "true", "false", null, undefined, UNKNOWN, {}, [], [3]];
const anyValue = fc.oneof(fc.constantFrom(...ODD), fc.anything());

describe("the view and the snapshot read the same value the same way", () => {
  const both = (group: Record<string, unknown>, cluster: Record<string, unknown> = {}) => {
    const props = { ...cluster, nodeGroups: [group] };
    const view = clusterView(props);
    const snap = clusterSnapshot(props);
    if (!Array.isArray(view.nodeGroups) || !Array.isArray(snap.nodeGroups)) throw new Error("nodeGroups not read as a list");
    return { view, snap, g: view.nodeGroups[0], s: snap.nodeGroups[0] };
  };

  const label = (v: unknown) => (typeof v === "symbol" ? "UNKNOWN" : typeof v === "number" || v === undefined ? String(v) : JSON.stringify(v));
  test.each(ODD.map((v) => [label(v), v]))("a node count of %s", (_label, v) => {
    const { g, s } = both({ nodeCount: v });
    expect(s.nodeCount).toBe(g.nodeCount);
  });

  test("a node count is a whole number of at least 0 in both: 2.5, \"2.5\" and -1 are malformed, \"3\" is 3", () => {
    const counts = ([2.5, "2.5", -1, "3", 3, null, UNKNOWN] as unknown[]).map((v) => both({ nodeCount: v }).s.nodeCount);
    expect(counts).toEqual([MALFORMED, MALFORMED, MALFORMED, 3, 3, undefined, UNKNOWN]);
  });

  test("any value, in any field both read: the same answer (names, types, payment, counts, the cluster's strings and flag)", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyValue, anyValue, anyValue, (name, type, count, payment, clusterName, protection) => {
        const { view, snap, g, s } = both({ nodeGroupName: name, nodeGroupType: type, nodeCount: count, paymentType: payment }, { clusterName, deletionProtection: protection, securityMode: type, paymentType: payment });
        expect([s.name, s.type, s.nodeCount, s.paymentType]).toEqual([g.name, g.type, g.nodeCount, g.paymentType ?? "PayAsYouGo"]);
        expect([snap.clusterName, snap.deletionProtection, snap.securityMode, snap.paymentType]).toEqual([view.clusterName, view.deletionProtection, view.securityMode, view.paymentType]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the cluster total: the pack's emr-cluster-total-nodes-ack counts what the call plan and the gates count", () => {
  const group = fc.record({
    nodeCount: fc.integer({ min: 0, max: 300 }),
    autoScalingPolicy: fc.option(fc.record({ constraints: fc.record({ minCapacity: fc.constant(0), maxCapacity: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) }) }), { nil: undefined }),
  });

  test("the pack passes at the plan's total and refuses one below it; the gates' countedTotal is the same number", () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups) => {
        const props = { nodeGroups: groups.map((g, i) => ({ nodeGroupName: `g${i}`, nodeGroupType: "TASK", ...g })) };
        const total = clusterSize(props);
        expect(total).toBeDefined();
        expect(countedTotal(groups.map((g) => ({ count: g.nodeCount, policy: g.autoScalingPolicy })))).toBe(total);
        const at = (threshold: number) => runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: threshold })).kind;
        expect(at(total!)).toBe("compliant");
        if (total! > 0) expect(at(total! - 1)).toBe("non-compliant");
      }),
      { numRuns: 300 },
    );
  });

  test("a policy without MaxCapacity counts at the API's default in both", () => {
    const props = { nodeGroups: [{ nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: 2, autoScalingPolicy: { constraints: { minCapacity: 0 } } }] };
    expect(summarizePolicy(props.nodeGroups[0].autoScalingPolicy).maxCapacity).toBe(AUTO_SCALING.defaultMaxCapacity);
    expect(clusterSize(props)).toBe(AUTO_SCALING.defaultMaxCapacity);
    expect(runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: AUTO_SCALING.defaultMaxCapacity })).kind).toBe("compliant");
    expect(runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: AUTO_SCALING.defaultMaxCapacity - 1 })).kind).toBe("non-compliant");
  });
});

/** A literal of the code (never a comment): a number, a string or a template's text, or a list of strings as `["TASK"]`. */
interface Literal {
  value: number | string;
  /** `policies/rules/domain.ts:160` */
  at: string;
  line: string;
}

function literalsOf(file: string): Literal[] {
  const source = parseSource(file);
  const lines = source.text.split("\n");
  const out: Literal[] = [];
  const add = (node: ts.Node, value: number | string) => out.push({ value, at: `${path.relative(ROOT, file)}:${lineOf(source, node)}`, line: lines[lineOf(source, node) - 1].trim() });
  const visit = (n: ts.Node): void => {
    if (ts.isNumericLiteral(n)) add(n, Number(n.text.replace(/_/g, "")));
    else if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) add(n, n.text);
    else if (ts.isArrayLiteralExpression(n) && n.elements.length > 0 && n.elements.every(ts.isStringLiteral)) add(n, JSON.stringify(n.elements.map((e) => (e as ts.StringLiteral).text)));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** A fact with one home; `elsewhere`: the same literal standing for another fact, each with why. */
interface Fact {
  home: string;
  matches: (v: number | string) => boolean;
  elsewhere: { file: string; line: RegExp; why: string }[];
}

const text = (re: RegExp) => (v: number | string) => typeof v === "string" && re.test(v);
const FACTS: Record<string, Fact> = {
  [`TAG_RULES.maxKeyLength/maxValueLength (${TAG_RULES.maxKeyLength} characters)`]: {
    home: "policies/rules/domain.ts",
    matches: (v) => v === 128 || text(/\b128\b/)(v),
    elsewhere: [{ file: "check/cli.ts", line: /exit\(128 \+ number\)/, why: "a signal's exit code, 128 + its number" }],
  },
  [`SCALE_IN_BATCH_INTERVAL_SECONDS (${SCALE_IN_BATCH_INTERVAL_SECONDS} s between scale-in batches)`]: {
    home: "policies/rules/domain.ts",
    matches: (v) => v === 120 || v === 120_000 || text(/\b120 ?(s|secs?|seconds?)\b|\b120,?000 ?ms\b/i)(v),
    elsewhere: [
      { file: "components/presets.ts", line: /essd\(120\)/, why: "a 120 GiB system disk" },
      { file: "stacks/examples/lib/base.ts", line: /size: 120 \}/, why: "a 120 GiB system disk" },
      { file: "stacks/examples/provider-schema-values.ts", line: /size: 120 \}/, why: "a 120 GiB system disk" },
      { file: "policies/rules/change/format.ts", line: /s\.length > 120/, why: "the width a long value is cut to" },
    ],
  },
  [`SCALE_IN_GROUP_TYPES (only ${SCALE_IN_GROUP_TYPES.join("/")} groups shrink)`]: {
    home: "policies/rules/domain.ts",
    matches: (v) => v === '["TASK"]' || text(/\bTASK\b[^.;]*\b(shrinks?|releas\w*|scaled? in|decreas\w*|empt\w*)\b|\b(shrinks?|releas\w*|scaled? in|decreas\w*|empt\w*)\b[^.;]*\bTASK\b/i)(v),
    elsewhere: [
      { file: "policies/rules/calls/provider.ts", line: /decreaseType: \{ message: "EMR cluster can only decrease/, why: "the provider's own refusal, quoted (its list is PROVIDER_DECREASE_GROUP_TYPES)" },
      { file: "policies/rules/catalog/changes.ts", line: /decreaseNodes: "\| DecreaseNodes \|/, why: "the seed's table row, quoted word for word" },
    ],
  },
  [`AUTO_SCALING.defaultMaxCapacity (the API's ${DOMAIN_AUTO_SCALING.defaultMaxCapacity} when a policy states none)`]: {
    home: "policies/rules/domain.ts",
    matches: (v) => v === 2000 || text(/\b2,?000\b/)(v),
    elsewhere: [{ file: "policies/rules/provider-schema.ts", line: /intRange\(0, 2000, `\$\{EMR\}:6[23]\d`\)/, why: "the provider's validation range of Min/MaxCapacity, with its source line" }],
  },
};

describe("each fact issue 22 found written twice is in the code once, in its home", () => {
  const literals = sourceFiles().flatMap(literalsOf);

  test.each(Object.keys(FACTS))("%s", (name) => {
    const { home, matches, elsewhere } = FACTS[name];
    const found = literals.filter((l) => matches(l.value));
    const allowed = (l: Literal) => l.at.startsWith(`${home}:`) || elsewhere.some((e) => l.at.startsWith(`${e.file}:`) && e.line.test(l.line));
    expect(found.filter((l) => !allowed(l)).map((l) => `${l.at}: ${l.line}`)).toEqual([]);
    expect(found.filter((l) => l.at.startsWith(`${home}:`))).not.toEqual([]);
    // An exception that no longer matches anything is stale: it would let the fact back in at that line.
    expect(elsewhere.filter((e) => !found.some((l) => l.at.startsWith(`${e.file}:`) && e.line.test(l.line))).map((e) => e.why)).toEqual([]);
  });
});
