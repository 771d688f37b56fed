// breaks: emr-ha-zookeeper
// An HA cluster without ZOOKEEPER: the masters cannot switch over.
import { exampleCluster } from "./lib/base";

exampleCluster("ha-no-zk", (args) => {
  args.applications = args.applications.filter((a: string) => a !== "ZOOKEEPER");
});
