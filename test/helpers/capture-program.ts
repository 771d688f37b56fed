/**
 * Runs a Pulumi program under mocks in preview mode (unknowns stay unknown, as in `pulumi preview`) and returns
 * what the CLI would send to the policy pack for each resource it registers.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Capture, CapturedResource } from "../../check/program/capture";

let capture: Capture | undefined;

export async function setupPreviewCapture(stack = "dev"): Promise<void> {
  pulumi.runtime.setMocks(
    {
      // No ID in preview: outputs of new resources stay unknown.
      newResource: (args) => ({ id: undefined, state: args.inputs }),
      call: (args) => args.inputs,
    },
    "emr-clusters",
    stack,
    true,
  );
  const { startCapture } = await import("../../check/program/capture");
  capture = startCapture(await import("@pulumi/pulumi/runtime/settings"));
}

/** Runs `program` and returns the resources it registered (once the registrations have settled). */
export async function captureProgram(program: () => void): Promise<CapturedResource[]> {
  if (!capture) throw new Error("call setupPreviewCapture() in beforeAll");
  const start = capture.resources.length;
  program();
  let last = -1;
  for (let stable = 0; stable < 5; ) {
    await new Promise((r) => setTimeout(r, 2));
    stable = capture.resources.length === last ? stable + 1 : 0;
    last = capture.resources.length;
  }
  return capture.resources.slice(start);
}
