// breaks: emr-protect-option
// The cluster without the Pulumi protect option: `pulumi destroy` would delete it.
import { exampleCluster } from "./lib/base";

exampleCluster("destroyable", () => undefined, { opts: { protect: false } });
