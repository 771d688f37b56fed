// The multi-language package's entry point: `pulumi package add <this directory>` runs it, reads the schema that
// Pulumi infers from EmrClusterComponent's TypeScript args, and generates the SDK for the consumer's language.
// It exports no component (so the language host does not start a second, default host) and serves ours, which
// also marks the secret inputs.
import { serveEmrPlugin } from "@emr-as-code/components/multilang";

serveEmrPlugin(__dirname);
