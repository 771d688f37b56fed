/**
 * The JSON Schema of Pulumi.<stack>.yaml: generated from the zod schemas (a stale committed file fails), the repo's
 * stack files validate against it (as editors will, through their yaml-language-server hint), and a bad one fails
 * with the path of the bad value.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import { SCHEMA_FILE, stackConfigJsonSchema } from "../../scripts/stack-config-schema";
import { ROOT } from "../helpers/run-cli";

const STACKS = path.join(ROOT, "stacks");
const stackFiles = fs.readdirSync(STACKS).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).sort();
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const prod = () => parse(fs.readFileSync(path.join(STACKS, "Pulumi.prod.yaml"), "utf8"));

test("schemas/stack-config.schema.json is what `npm run schema` generates from the zod schemas (not stale)", () => {
  expect(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"))).toEqual(stackConfigJsonSchema());
});

test.each(stackFiles)("%s validates, and points editors at the schema", (file) => {
  const text = fs.readFileSync(path.join(STACKS, file), "utf8");
  expect(errorsOf(parse(text))).toEqual([]);
  const hint = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
  expect(hint && path.resolve(STACKS, hint[1])).toBe(SCHEMA_FILE);
});

describe("a bad stack file fails with the path of the bad value", () => {
  test("a node count written as a string", () => {
    const doc = prod();
    doc.config["emr:clusters"][0].spec.nodeGroups[0].nodeCount = "6";
    expect(errorsOf(doc)).toContain("/config/emr:clusters/0/spec/nodeGroups/0/nodeCount must be integer");
  });
  test("a misspelled spec field, a scaling rule out of the API's range", () => {
    const doc = prod();
    doc.config["emr:clusters"][0].spec.nodeGroup = [];
    doc.config["emr:taskGroups"][0].group.autoScalingPolicy = {
      constraints: { maxCapacity: 10 },
      scalingRules: [{ ruleName: "r", triggerType: "TIME_TRIGGER", activityType: "SCALE_OUT", adjustmentValue: 0, timeTrigger: { launchTime: "9:00" } }],
    };
    const errors = errorsOf(doc);
    expect(errors).toContain("/config/emr:clusters/0/spec must NOT have additional properties");
    expect(errors).toContain("/config/emr:taskGroups/0/group/autoScalingPolicy/scalingRules/0/adjustmentValue must be >= 1");
    expect(errors).toContain("/config/emr:taskGroups/0/group/autoScalingPolicy/scalingRules/0/timeTrigger/launchTime must match pattern \"^([01]\\d|2[0-3]):[0-5]\\d$\"");
  });
  test("emr:limits and a plain-text secret under emr: are refused; another namespace is free", () => {
    const doc = prod();
    doc.config["emr:limits"] = { maxNodesPerGroupAtCreate: 80 };
    doc.config["emr:hiveMetastorePassword"] = "plain-text";
    doc.config["mycompany:owner"] = "data-platform";
    expect(errorsOf(doc)).toEqual(["/config/emr:limits must NOT be valid", "/config/emr:hiveMetastorePassword must be object"]);
    doc.config["emr:hiveMetastorePassword"] = { secure: "v1:abc" };
    delete doc.config["emr:limits"];
    expect(errorsOf(doc)).toEqual([]);
  });
  test("a node group override names its group; remove: true and null are overrides", () => {
    const doc = prod();
    doc.config["emr:clusters"][0].spec.nodeGroups = [{ nodeCount: 6 }];
    expect(errorsOf(doc)).toContain("/config/emr:clusters/0/spec/nodeGroups/0 must have required property 'nodeGroupName'");
    doc.config["emr:clusters"][0].spec.nodeGroups = [{ nodeGroupName: "task", remove: true }];
    doc.config["emr:clusters"][0].spec.subscriptionConfig = null;
    expect(errorsOf(doc)).toEqual([]);
  });
  test("a missing emr:clusters", () => {
    const doc = prod();
    delete doc.config["emr:clusters"];
    expect(errorsOf(doc)).toEqual(["/config must have required property 'emr:clusters'"]);
  });
});

describe("an external Hive metastore's password: by the name of its secret config key, never in plain text", () => {
  const external = { connectionUrl: "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta", userName: "hive" };
  const withMetastore = (metastore: Record<string, unknown>, secret: unknown = { secure: "v1:c2FsdA==:RmFrZUNpcGhlcnRleHQ=" }) => {
    const doc = prod();
    doc.config["emr:clusters"][0].spec.metastore = { type: "USER_RDS", ...metastore };
    doc.config["emr:hiveMetastorePassword"] = secret;
    return doc;
  };
  test("the documented passwordConfigKey, with its secret set by pulumi config set --secret: valid", () => {
    expect(errorsOf(withMetastore({ external: { ...external, passwordConfigKey: "hiveMetastorePassword" } }))).toEqual([]);
  });
  test("a password written in the stack file: refused, as the program refuses it", () => {
    expect(errorsOf(withMetastore({ external: { ...external, password: "hunter2-in-plain-text" } }))).toEqual(
      expect.arrayContaining(["/config/emr:clusters/0/spec/metastore must NOT have additional properties", "/config/emr:clusters/0/spec/metastore/external must NOT have additional properties"]),
    );
  });
  test("the secret config key in plain text: refused", () => {
    expect(errorsOf(withMetastore({ external: { ...external, passwordConfigKey: "hiveMetastorePassword" } }, "hunter2"))).toContain("/config/emr:hiveMetastorePassword must be object");
  });
});
