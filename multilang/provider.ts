/**
 * The component provider that serves `EmrClusterComponent` to other languages (`pulumi package add`).
 *
 * It is Pulumi's experimental `ComponentProvider` (schema inferred from the TypeScript args, `construct` creating
 * the component), plus one thing the analyzer cannot infer: which inputs are secrets. `componentProviderHost`
 * builds its own ComponentProvider, so `serveEmrPlugin` hands ours to the same `main` it calls.
 */
import { main } from "@pulumi/pulumi/provider";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { EmrClusterComponent } from "./cluster";

/** The Pulumi package name: resource token `emr:index:EmrClusterComponent`; with the namespace, Python module `emr_as_code_emr`. */
export const PLUGIN_NAME = "emr";
export const PLUGIN_NAMESPACE = "emr-as-code";

/** Schema properties that carry secrets, as `<type name>.<property>` (type name as in `#/types/emr:index:<name>`). */
export const SECRET_PROPERTIES = ["ExternalMetastore.password"];

interface SchemaProperty {
  secret?: boolean;
}
interface Schema {
  types: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

export class EmrComponentProvider extends ComponentProvider {
  /** `dirname`: the plugin directory (its package.json, tsconfig.json and entry point, from which the schema is read). */
  constructor(dirname: string) {
    super({ components: [EmrClusterComponent], name: PLUGIN_NAME, namespace: PLUGIN_NAMESPACE, dirname });
  }

  async getSchema(): Promise<string> {
    const schema: Schema = JSON.parse(await super.getSchema());
    for (const path of SECRET_PROPERTIES) {
      const [typeName, property] = path.split(".");
      const target = schema.types[`${PLUGIN_NAME}:index:${typeName}`]?.properties?.[property];
      // A renamed type or property must not silently drop the secret marking.
      if (!target) throw new Error(`secret property ${path} is not in the inferred schema`);
      target.secret = true;
    }
    return JSON.stringify(schema);
  }
}

/** The plugin's entry point: serves the provider over gRPC for the Pulumi engine (argv from the language host). */
export function serveEmrPlugin(dirname: string): Promise<void> {
  return main(new EmrComponentProvider(dirname), process.argv.slice(2));
}
