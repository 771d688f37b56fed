/**
 * Nothing in client/ can release a cluster: EmrClient has no method, and its source sends no action, whose name
 * deletes, releases or terminates (issue 10, "retire a cluster without any path that releases one").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EmrClient } from "../../client/index";

const FORBIDDEN = /delete|release|terminate/i;
/** "ReleaseVersion" is an EMR version (EMR-5.16.0), not a release of a cluster: the one name allowed to contain it. */
const releasesACluster = (name: string) => FORBIDDEN.test(name.replace(/ReleaseVersions?/gi, ""));
const CLIENT_DIR = join(__dirname, "..", "..", "client");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("EmrClient cannot release a cluster", () => {
  it("has no method named like delete / release / terminate", () => {
    // Its own methods and the reads it inherits from EmrReadClient.
    const methods = [...Object.getOwnPropertyNames(EmrClient.prototype), ...Object.getOwnPropertyNames(Object.getPrototypeOf(EmrClient.prototype))];
    expect(methods.length).toBeGreaterThan(15);
    expect(methods.filter(releasesACluster)).toEqual([]);
  });

  it("sends no such action: every action name in client/ is one of the allowed reads and writes", () => {
    const actions = new Set<string>();
    for (const file of sourceFiles(CLIENT_DIR)) {
      for (const m of readFileSync(file, "utf8").matchAll(/(?:read|write|list|scalingWrite|call)\(\s*"([A-Z][A-Za-z]+)"/g)) actions.add(m[1]);
    }
    expect([...actions].filter(releasesACluster)).toEqual([]);
    expect([...actions].sort()).toEqual([
      "CreateNodeGroup", "DecreaseNodes", "GetAutoScalingPolicy", "GetCluster", "GetClusterCloneMeta", "IncreaseNodes", "ListApplicationConfigs", "ListApplications", "ListAutoScalingActivities",
      "ListClusters", "ListInstanceTypes", "ListNodeGroups", "ListNodes", "ListReleaseVersions", "ListTagResources", "PutAutoScalingPolicy", "RemoveAutoScalingPolicy",
      "RunCluster", "UpdateClusterAttribute",
      // The price clients' reads (client/prices: ECS and BSS, for the price book).
      "DescribePrice", "DescribePricingModule", "GetPayAsYouGoPrice", "GetSubscriptionPrice", "QueryProductList",
    ].sort());
  });
});
