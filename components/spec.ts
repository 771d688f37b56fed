/**
 * The zod schema of a cluster spec: the shape a user writes (in TypeScript or in stack config), field by field.
 * Structural fields (types, counts, applications) are plain data so they can be validated before anything is
 * registered; IDs and secrets may be `pulumi.Input`s (e.g. a VPC created in the same program).
 * Cross-field rules (HA masters, metastore, caps, ...) are not repeated here: they are the policy pack's pure
 * rules, run over the provider-shaped props in validate.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { TAG_RULES } from "../policies/rules/domain";
import { EMR_CLUSTER_SCHEMA as EMR, RDS_ACCOUNT_SCHEMA, RDS_DATABASE_SCHEMA, RDS_INSTANCE_SCHEMA, subsetOf } from "../policies/rules/provider-schema";
import { acknowledgementsSchema } from "./acknowledgements";
import { autoScalingPolicySchema } from "./auto-scaling";
import { providerEnum, providerInteger, providerIntEnum, providerPattern } from "./provider-values";

/** A string, or a `pulumi.Output<string>` (an ID of a resource created in the same program, a secret). */
export const inputString = z.union([
  z.string().min(1),
  z.custom<pulumi.Output<string>>((v) => pulumi.Output.isInstance(v), { error: "expected a string or a pulumi Output" }),
]);
export type InputString = z.infer<typeof inputString>;

/**
 * A subscription (the cluster's and a node group's share the provider's lists). With `autoRenew` on and no renewal
 * duration the provider sends 0 and "", so the duration defaults to 1 Month. `autoPayOrder` left out is sent as false
 * (the provider's "default true" never applies: reference alicloud-emrv2-update-calls.md), which leaves the order
 * unpaid, so it defaults to true here and is always written, for the cluster and for every Subscription node group.
 */
export const subscriptionConfigSchema = z
  .strictObject({
    paymentDuration: providerIntEnum(EMR["subscriptionConfig.paymentDuration"]),
    paymentDurationUnit: providerEnum(EMR["subscriptionConfig.paymentDurationUnit"]).default("Month"),
    autoRenew: z.boolean().default(true),
    autoRenewDuration: providerIntEnum(EMR["subscriptionConfig.autoRenewDuration"]).optional(),
    autoRenewDurationUnit: providerEnum(EMR["subscriptionConfig.autoRenewDurationUnit"], ["Month"]).optional(),
    autoPayOrder: z.boolean().default(true),
  })
  .transform((c) => (c.autoRenew && c.autoRenewDuration === undefined ? { ...c, autoRenewDuration: 1, autoRenewDurationUnit: "Month" as const } : c));

/** A disk; its categories differ: a system disk is a cloud disk, a data disk may also be local. */
function diskSchema(disk: "systemDisk" | "dataDisks[]") {
  return z.strictObject({
    category: providerEnum(EMR[`nodeGroups[].${disk}.category`]),
    /** GiB; the provider docs state at least 40. */
    size: z.number().int().min(40).max(32768),
    count: z.number().int().min(1).max(16).optional(),
    performanceLevel: providerEnum(EMR[`nodeGroups[].${disk}.performanceLevel`]).optional(),
  });
}

export const nodeGroupSchema = z.strictObject({
  nodeGroupType: providerEnum(EMR["nodeGroups[].nodeGroupType"]),
  nodeGroupName: z.string(),
  nodeCount: providerInteger(EMR["nodeGroups[].nodeCount"], 3),
  instanceTypes: z.array(z.string().min(1)).min(1).max(100),
  /** Defaults to the stack's network vswitchIds when the stack supplies them. */
  vswitchIds: z.array(inputString).max(20).optional(),
  systemDisk: diskSchema("systemDisk"),
  dataDisks: z.array(diskSchema("dataDisks[]")).min(1).max(1),
  paymentType: providerEnum(EMR["nodeGroups[].paymentType"]).optional(),
  subscriptionConfig: subscriptionConfigSchema.optional(),
  spotStrategy: providerEnum(EMR["nodeGroups[].spotStrategy"]).optional(),
  /** Bid prices are whole numbers in the provider's schema; a price above 0 (this component's rule). */
  spotBidPrices: z.array(z.strictObject({ instanceType: z.string(), bidPrice: providerInteger(EMR["nodeGroups[].spotBidPrices[].bidPrice"], 1).positive() })).optional(),
  spotInstanceRemedy: z.boolean().optional(),
  autoScalingPolicy: autoScalingPolicySchema.optional(),
  gracefulShutdown: z.boolean().optional(),
  withPublicIp: z.boolean().optional(),
  additionalSecurityGroupIds: z.array(inputString).max(2).optional(),
  deploymentSetStrategy: providerEnum(EMR["nodeGroups[].deploymentSetStrategy"]).optional(),
  nodeResizeStrategy: providerEnum(EMR["nodeGroups[].nodeResizeStrategy"]).optional(),
});
export type NodeGroupSpec = z.infer<typeof nodeGroupSchema>;

export const applicationConfigSchema = z.strictObject({
  applicationName: z.string().min(1),
  configFileName: z.string().min(1),
  configItemKey: z.string().min(1),
  configItemValue: inputString,
  configScope: providerEnum(EMR["applicationConfigs[].configScope"]).optional(),
  nodeGroupName: z.string().optional(),
  configDescription: z.string().optional(),
});
export type ApplicationConfigSpec = z.infer<typeof applicationConfigSchema>;

export const bootstrapScriptSchema = z.strictObject({
  scriptName: z.string().min(1).max(64),
  scriptPath: z.string(),
  scriptArgs: z.string().default(""),
  executionMoment: providerEnum(EMR["bootstrapScripts[].executionMoment"], ["BEFORE_INSTALL", "AFTER_STARTED"]).default("BEFORE_INSTALL"),
  executionFailStrategy: providerEnum(EMR["bootstrapScripts[].executionFailStrategy"]).default("FAILED_BLOCK"),
  nodeSelector: z
    .strictObject({
      nodeSelectType: providerEnum(EMR["bootstrapScripts[].nodeSelector.nodeSelectType"]),
      nodeGroupNames: z.array(z.string()).optional(),
      nodeGroupTypes: z.array(providerEnum(EMR["nodeGroups[].nodeGroupType"])).optional(),
      nodeNames: z.array(z.string()).optional(),
    })
    .default({ nodeSelectType: "CLUSTER" }),
});

export const nodeAttributesSchema = z.strictObject({
  vpcId: inputString,
  zoneId: inputString,
  /** Leave unset to let the component create a normal security group in the VPC. */
  securityGroupId: inputString.optional(),
  keyPairName: inputString,
  ramRole: inputString.default("AliyunECSInstanceForEMRRole"),
  systemDiskEncrypted: z.boolean().optional(),
  systemDiskKmsKeyId: inputString.optional(),
  dataDiskEncrypted: z.boolean().optional(),
  dataDiskKmsKeyId: inputString.optional(),
});

/** Options of the ApsaraDB RDS MySQL instance the component creates for a USER_RDS metastore. */
export const rdsMetastoreSchema = z.strictObject({
  /** MySQL 5.7 works with every EMR release; 8.0 needs a release after EMR-5.0.0. */
  engineVersion: z.enum(["5.7", "8.0"]).default("5.7"),
  instanceType: z.string().default("mysql.n2.medium.2c"),
  category: providerEnum(RDS_INSTANCE_SCHEMA.category, subsetOf(RDS_INSTANCE_SCHEMA.category, ["HighAvailability", "Basic"])).default("HighAvailability"),
  storageGiB: z.number().int().min(20).max(6000).default(50),
  storageType: providerEnum(RDS_INSTANCE_SCHEMA.dbInstanceStorageType, subsetOf(RDS_INSTANCE_SCHEMA.dbInstanceStorageType, ["cloud_essd", "cloud_ssd", "local_ssd"])).default("cloud_essd"),
  /** The VSwitch of the RDS instance; it must be in the cluster's VPC. Defaults to the first VSwitch of the MASTER group. */
  vswitchId: inputString.optional(),
  /** The provider's database names, at most 64 characters and without "-" (an unquoted MySQL name cannot hold one). */
  databaseName: providerPattern(RDS_DATABASE_SCHEMA.dataBaseName)
    .max(64, { error: "expected at most 64 characters (MySQL's limit for a database name); for example \"hivemeta\"" })
    .regex(/^[^-]*$/, { error: 'expected no "-": this component keeps database names to letters, digits and _ (a "-" must be quoted in every SQL statement that names the database); for example "hive_meta"' })
    .default("hivemeta"),
  /** The provider's account names, at most 32 characters (MySQL's limit for a user name). */
  accountName: providerPattern(RDS_ACCOUNT_SCHEMA.accountName).max(32, { error: 'expected at most 32 characters (MySQL\'s limit for a user name); for example "hive"' }).default("hive"),
});

/** An RDS instance that already exists (in the cluster's VPC): the component only wires its JDBC settings. */
export const externalRdsSchema = z.strictObject({
  /** e.g. `jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true&characterEncoding=UTF-8` */
  connectionUrl: inputString,
  userName: inputString,
  /** A Pulumi secret (`pulumi config set --secret ...`); a plain string is wrapped with pulumi.secret. */
  password: inputString,
});

export const metastoreSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("LOCAL") }),
  z.strictObject({ type: z.literal("DLF") }),
  z.strictObject({
    type: z.literal("USER_RDS"),
    /** Create the RDS instance (default), or wire an existing one with `external`. */
    rds: rdsMetastoreSchema.optional(),
    external: externalRdsSchema.optional(),
  }),
]);

/**
 * Where the cluster keeps its data when it is not HDFS on the nodes. With OSS-HDFS the root storage directory is
 * set at creation, to a bucket that has the OSS-HDFS service enabled before the cluster is created.
 */
export const storageSchema = z.strictObject({
  /** Required with OSS-HDFS: `oss://<bucket>.<region>.oss-dls.aliyuncs.com/`. Becomes the OSS-HDFS common.conf OSS_ROOT_URI item. */
  ossHdfsRootUri: inputString.optional(),
});

export const clusterSpecSchema = z.strictObject({
  clusterName: z.string(),
  clusterType: providerEnum(EMR.clusterType),
  releaseVersion: z.string().regex(/^EMR-\d+\.\d+\.\d+$/, { error: "expected a release like EMR-5.16.0" }),
  deployMode: providerEnum(EMR.deployMode),
  /** Replace-only: the provider never applies an edit, so a change is a replacement that `protect` blocks. */
  securityMode: providerEnum(EMR.securityMode).default("NORMAL"),
  paymentType: providerEnum(EMR.paymentType),
  subscriptionConfig: subscriptionConfigSchema.optional(),
  /** Application names in upper case, without internal apps (METASTORE, MYSQL, KERBEROS). */
  applications: z.array(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, { error: "expected an upper-case application name" })).min(1).max(100),
  applicationConfigs: z.array(applicationConfigSchema).max(1000).default([]),
  /** OSS-HDFS root storage directory; generates its application config item. */
  storage: storageSchema.default({}),
  /** Where the Hive metastore lives; generates the hive.metastore.type items for HIVE and SPARK. */
  metastore: metastoreSchema.optional(),
  nodeAttributes: nodeAttributesSchema,
  nodeGroups: z.array(nodeGroupSchema).min(1).max(100),
  bootstrapScripts: z.array(bootstrapScriptSchema).max(10).default([]),
  tags: z.record(z.string().min(1).max(TAG_RULES.maxKeyLength), z.string().max(TAG_RULES.maxValueLength)).default({}),
  /** Replace-only, like securityMode: the provider never applies an edit, so a change is a replacement `protect` blocks. */
  resourceGroupId: inputString.optional(),
  /** On by default: turning it off is a separate, explicit change, and the policy pack flags it. */
  deletionProtection: z.boolean().default(true),
  logCollectStrategy: z.string().optional(),
  /** Sign-offs for sizes, costs and named changes above the guardrails; they become `emr-guard:ack-*` tags. */
  acknowledgements: acknowledgementsSchema.default({}),
});

/** What the user writes (defaults not yet applied). */
export type ClusterSpecInput = z.input<typeof clusterSpecSchema>;
/** A validated spec with every default applied. */
export type ClusterSpec = z.output<typeof clusterSpecSchema>;
