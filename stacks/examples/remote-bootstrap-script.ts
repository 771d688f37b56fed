// breaks: emr-bootstrap-scripts-oss
// A bootstrap script downloaded from a web server instead of the team's own OSS bucket.
import { exampleCluster } from "./lib/base";

exampleCluster("remote-script", (args) => {
  args.bootstrapScripts = [
    { scriptName: "init", scriptPath: "https://example.com/init.sh", scriptArgs: "", executionMoment: "BEFORE_INSTALL", executionFailStrategy: "FAILED_BLOCK", nodeSelector: { nodeSelectType: "CLUSTER" } },
  ];
});
