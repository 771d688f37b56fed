// breaks: emr-internal-applications
// MYSQL listed as an application: EMR installs it itself and the provider never reads it back (a replacement on every preview).
import { exampleCluster } from "./lib/base";

exampleCluster("internal-app", (args) => {
  args.applications.push("MYSQL");
});
