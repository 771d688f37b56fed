// The Pulumi program (Pulumi.yaml `main: stacks/`). Thin on purpose: the work is in program.ts, which tests import
// without side effects.
import { buildStack, stackOutputs } from "./program";

export const clusters = stackOutputs(buildStack());
