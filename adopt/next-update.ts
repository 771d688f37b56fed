/**
 * Proof that an adopted entry matches its cluster, with the real program: the stack program (stacks/) runs under
 * mocks with the adopted entries as its `emr:clusters` (as the offline check runs it), and each cluster's inputs go
 * through the call model (policies/rules/calls) against the live cluster:
 * - `match`: the program against the live cluster, as the state records it once adopted: the calls one `pulumi up`
 *   would send (none, when the entry is right and the cluster carries its identity tag);
 * - `firstUpdate`: the first `pulumi up` after `pulumi import`: the provider's import reads back less than the program
 *   states (importedState), so that update records the rest, and re-sends what the model says it re-sends.
 */
import * as path from "path";
import { decodeValue } from "../check/change/documents";
import { SECRET_PLACEHOLDER } from "../check/inputs/stack-config";
import { runProgram, type ProgramRun } from "../check/program/run-program";
import { importedState } from "../client/provider-read";
import { isPlainObject } from "../components/merge";
import { liveFromApi, planClusterCalls, type CallPlan } from "../policies/rules/calls";
import type { Adoption } from "./adopt";
import { CLUSTER_TYPE } from "./entry";

type Obj = Record<string, unknown>;

export interface NextUpdate {
  entry: string;
  match: CallPlan;
  firstUpdate: CallPlan;
}

/** Program errors and refusals, as lines (empty: the program built every adopted cluster). */
export function programProblems(run: ProgramRun): string[] {
  return [...(run.error ? [run.error.message] : []), ...run.refused.flatMap((r) => r.issues.map((i) => `${r.name}: ${i.path}: ${i.reason}`))];
}

/** Runs the project's program with the adopted entries as its clusters, in preview mode with the cloud mocked. */
export async function runWithEntries(root: string, project: string, stack: string, region: string, adoptions: Adoption[]): Promise<ProgramRun> {
  const secrets = adoptions.flatMap((a) => a.liveSpec.secrets.map((s) => s.configKey));
  const config: Record<string, string> = {
    "alicloud:region": region,
    "emr:clusters": JSON.stringify(adoptions.map((a) => a.entry)),
    ...Object.fromEntries(secrets.map((k) => [k, SECRET_PLACEHOLDER])),
  };
  return runProgram({ program: path.join(root, "stacks"), project, stack, config, secretKeys: secrets });
}

const configKey = (c: Obj) => [c.applicationName, c.configFileName, c.configItemKey, c.nodeGroupName ?? ""].join("/");

/** The provider's application_configs is a set (TypeSet): the live items in the program's order, so order is no change. */
function inProgramOrder(live: Obj, program: Obj): Obj {
  const order = (Array.isArray(program.applicationConfigs) ? program.applicationConfigs : []).filter(isPlainObject).map(configKey);
  const items = (Array.isArray(live.applicationConfigs) ? live.applicationConfigs : []).filter(isPlainObject);
  const rank = (c: Obj) => (order.includes(configKey(c)) ? order.indexOf(configKey(c)) : order.length);
  return { ...live, applicationConfigs: [...items].sort((a, b) => rank(a) - rank(b)) };
}

/** The two plans of each adopted cluster, from the program's run. */
export function nextUpdates(run: ProgramRun, adoptions: Adoption[]): NextUpdate[] {
  return adoptions.map((a) => {
    const resource = run.resources.find((r) => r.type === CLUSTER_TYPE && r.name === a.entry.name);
    if (!resource) throw new Error(`the program registered no ${CLUSTER_TYPE} named ${a.entry.name}`);
    const inputs = decodeValue(resource.inputs) as Obj;
    const after = { inputs, ignoreChanges: resource.ignoreChanges ?? [], replaceOnChanges: resource.replaceOnChanges, protect: resource.protect ?? false, retainOnDelete: resource.retainOnDelete };
    const live = liveFromApi({ nodeGroups: a.live.nodeGroups.map((g) => g.group), tags: Object.entries(a.live.tags).map(([Key, Value]) => ({ Key, Value })) });
    const side = (state: Obj) => ({ inputs: state, state, id: a.clusterId, protect: true, retainOnDelete: true });
    const whole = inProgramOrder(a.props, inputs);
    return {
      entry: a.entry.name,
      match: planClusterCalls({ cluster: a.entry.name, before: side(whole), after, live }),
      firstUpdate: planClusterCalls({ cluster: a.entry.name, before: side(importedState(whole)), after, live }),
    };
  });
}
