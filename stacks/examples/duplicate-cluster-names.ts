// breaks: emr-cluster-names-unique
// Two clusters of one stack with the same clusterName: people and tools that find a cluster by name pick either.
import { exampleCluster } from "./lib/base";

for (const name of ["twin-a", "twin-b"]) {
  exampleCluster(name, (args) => {
    args.clusterName = "lakehouse";
  });
}
