// breaks: emr-production-kerberos, emr-production-ha, emr-deploy-mode-masters
// On a production stack: NORMAL security mode and NORMAL deploy mode (advisory), leaving 3 MASTER nodes that NORMAL does not have.
import { exampleCluster } from "./lib/base";

exampleCluster("prod-posture", (args) => {
  args.securityMode = "NORMAL";
  args.deployMode = "NORMAL";
});
