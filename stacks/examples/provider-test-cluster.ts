// breaks: emr-production-ha, emr-production-kerberos
// The provider's own test cluster (data_source_alicloud_emrv2_clusters_test.go:211-253 in terraform-provider-alicloud
// v1.285.0): OLAP with only ZOOKEEPER and one MASTER group, no CORE group. No CORE group is needed (no HDFS); on the
// prod stack only the advisory production posture applies.
import { exampleCluster, group } from "./lib/base";

exampleCluster("provider-test", (args) => {
  args.clusterType = "OLAP";
  args.releaseVersion = "EMR-5.10.0";
  args.deployMode = "NORMAL";
  args.securityMode = "NORMAL";
  args.applications = ["ZOOKEEPER"];
  args.applicationConfigs = [];
  args.nodeGroups = [group("MASTER", "emr-master", 1, { systemDisk: { category: "cloud_essd", size: 80, count: 1 }, dataDisks: [{ category: "cloud_essd", size: 80, count: 1 }] })];
  args.tags = { Created: "TF" };
});
