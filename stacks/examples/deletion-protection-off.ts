// breaks: emr-deletion-protection
// deletionProtection switched off.
import { exampleCluster } from "./lib/base";

exampleCluster("unprotected", (args) => {
  args.deletionProtection = false;
});
