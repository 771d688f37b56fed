/**
 * The program: one EmrCluster per entry of `emr:clusters`, on top of its preset, with the stack's network
 * defaults and the standalone TASK groups attached by cluster name. Secrets come only from secret config.
 */
import * as pulumi from "@pulumi/pulumi";
import { EmrCluster } from "../components/cluster";
import { deepMerge, isPlainObject, unknownGroupOverrides } from "../components/merge";
import { attachTaskGroups } from "../components/node-groups";
import { PRESETS } from "../components/presets";
import { buildClusterSpec, ClusterSpecError, ClusterSpecErrors, duplicateGroupNames, inUserTerms, type SpecIssue } from "../components/validate";
import { checkClusterNamesUnique } from "../policies/rules/index";
import { isSecretConfig, readStackConfig, StackConfigError, type StackConfig } from "./config";

type Spec = Record<string, unknown>;

/** Fills what the user left out from the stack's network: VPC, zone, key pair, security group, VSwitches per group. */
export function applyNetworkDefaults(spec: Spec, network: StackConfig["network"]): Spec {
  if (!network) return spec;
  const attrs = isPlainObject(spec.nodeAttributes) ? spec.nodeAttributes : {};
  const nodeAttributes = {
    vpcId: network.vpcId,
    zoneId: network.zoneId,
    ...(network.keyPairName ? { keyPairName: network.keyPairName } : {}),
    ...(network.securityGroupId ? { securityGroupId: network.securityGroupId } : {}),
    ...attrs,
  };
  const nodeGroups = Array.isArray(spec.nodeGroups)
    ? spec.nodeGroups.map((g) => (isPlainObject(g) && g.vswitchIds === undefined ? { ...g, vswitchIds: network.vswitchIds } : g))
    : spec.nodeGroups;
  return { ...spec, nodeAttributes, nodeGroups };
}

/**
 * Passwords never sit in plain stack config: an external metastore names the secret config key that holds its
 * password (`passwordConfigKey`), set with `pulumi config set --secret emr:<key> ...`.
 */
export function resolveSecrets(spec: Spec, path: string, config: pulumi.Config): { spec: Spec; issues: SpecIssue[] } {
  const metastore = spec.metastore;
  if (!isPlainObject(metastore) || !isPlainObject(metastore.external)) return { spec, issues: [] };
  const { password, passwordConfigKey, ...external } = metastore.external;
  if (password !== undefined) {
    return {
      spec,
      issues: [{ path: `${path}.metastore.external.password`, reason: 'a password is never written in stack config; run `pulumi config set --secret emr:hiveMetastorePassword <value>` and set passwordConfigKey: "hiveMetastorePassword"' }],
    };
  }
  if (typeof passwordConfigKey !== "string") {
    return { spec, issues: [{ path: `${path}.metastore.external.passwordConfigKey`, reason: 'is required: the name of the secret config key with the JDBC password, for example "hiveMetastorePassword"' }] };
  }
  const secret = config.getSecret(passwordConfigKey);
  if (secret === undefined) {
    return { spec, issues: [{ path: `${path}.metastore.external.passwordConfigKey`, reason: `secret config emr:${passwordConfigKey} is not set; run \`pulumi config set --secret emr:${passwordConfigKey} <value>\`` }] };
  }
  // getSecret wraps a plain value as a secret too: a password written in plain text is refused, not taken.
  if (!isSecretConfig(`emr:${passwordConfigKey}`)) {
    return { spec, issues: [{ path: `emr:${passwordConfigKey}`, reason: `is a password in plain text in the stack file; make it a secret: run \`pulumi config set --secret emr:${passwordConfigKey} <value>\` (the file then holds "secure: v1:...")` }] };
  }
  return { spec: { ...spec, metastore: { ...metastore, external: { ...external, password: secret } } }, issues: [] };
}

/** The full spec of each cluster entry (preset ← network defaults ← the entry's own spec ← attached TASK groups). */
export function clusterSpecs(config: StackConfig, emrConfig: pulumi.Config): { name: string; protect?: boolean; spec: Spec }[] {
  const issues: SpecIssue[] = [];
  const unknownTargets = config.taskGroups.map((t, i) => ({ t, i })).filter(({ t }) => !config.clusters.some((c) => c.name === t.cluster));
  for (const { t, i } of unknownTargets) {
    issues.push({ path: `emr:taskGroups[${i}].cluster`, reason: `no cluster named "${t.cluster}" in emr:clusters; use one of ${config.clusters.map((c) => `"${c.name}"`).join(", ")}` });
  }
  const specs = config.clusters.map((entry, index) => {
    const path = `emr:clusters[${index}].spec`;
    const preset = entry.preset ?? config.preset;
    const misspelled = preset ? unknownGroupOverrides(preset, PRESETS[preset], entry.spec) : [];
    if (misspelled.length) {
      issues.push(...misspelled.map((m) => ({ path: `${path}.${m.path}`, reason: m.reason })));
      return { name: entry.name, protect: entry.protect, spec: entry.spec };
    }
    const merged = applyNetworkDefaults(preset ? deepMerge<Spec>(PRESETS[preset], entry.spec) : entry.spec, config.network);
    const withSecrets = resolveSecrets(merged, path, emrConfig);
    const groups = config.taskGroups.map((t, i) => ({ t, i })).filter(({ t }) => t.cluster === entry.name);
    const attached = attachTaskGroups(withSecrets.spec, applyGroupDefaults(groups.map(({ t }) => t), config.network), (k) => `emr:taskGroups[${groups[k].i}]`);
    issues.push(...withSecrets.issues, ...attached.problems);
    return { name: entry.name, protect: entry.protect, spec: attached.spec };
  });
  if (issues.length) throw new StackConfigError(issues);
  return specs;
}

function applyGroupDefaults<T extends { group: Spec }>(entries: T[], network: StackConfig["network"]): T[] {
  if (!network) return entries;
  return entries.map((e) => (e.group.vswitchIds === undefined ? { ...e, group: { ...e.group, vswitchIds: network.vswitchIds } } : e));
}

/**
 * Builds every cluster of the stack; reports the issues of all clusters at once. Refused before any EmrCluster sees
 * them, with the pack's rules: node groups of one entry with one name (the preset merge would fold them into one), and
 * a clusterName a previous entry already uses.
 */
export function buildStack(config: StackConfig = readStackConfig(), emrConfig = new pulumi.Config("emr")): Record<string, EmrCluster> {
  const clusters: Record<string, EmrCluster> = {};
  const errors: ClusterSpecError[] = [];
  const specs = clusterSpecs(config, emrConfig);
  const sameName = checkClusterNamesUnique(specs.map((s) => ({ resource: s.name, clusterName: s.spec.clusterName })));
  specs.forEach(({ name, protect, spec }, index) => {
    const clusterName = String(spec.clusterName ?? name);
    const refused: SpecIssue[] = [
      ...duplicateGroupNames(config.clusters[index].spec),
      ...sameName.filter((p) => p.index === index).map((p) => ({ path: p.path, reason: `${p.message}; ${p.fix}`, rule: p.rule })),
    ];
    if (refused.length) return void errors.push(new ClusterSpecError(clusterName, refused, name));
    try {
      // Stack config is untyped data: validate it into a typed spec first (every issue at once), then build.
      const validated = buildClusterSpec(name, spec, { stackName: pulumi.getStack() });
      clusters[name] = new EmrCluster(name, validated, { protect });
    } catch (err) {
      if (!(err instanceof ClusterSpecError)) throw err;
      // The spec was merged here, over the entry's preset: name node groups as the entry wrote them.
      errors.push(new ClusterSpecError(err.clusterName, err.issues.map((i) => inUserTerms(i, spec, config.clusters[index].spec)), err.resourceName));
    }
  });
  if (errors.length) throw new ClusterSpecErrors(errors);
  return clusters;
}

/** The stack outputs: per cluster, its ID, console URL and node groups. */
export function stackOutputs(clusters: Record<string, EmrCluster>) {
  return Object.fromEntries(
    Object.entries(clusters).map(([name, c]) => [name, { clusterId: c.clusterId, clusterName: c.clusterName, consoleUrl: c.consoleUrl, nodeGroups: c.nodeGroups }]),
  );
}
