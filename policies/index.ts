// emr-guardrails: CrossGuard policies for Alibaba Cloud E-MapReduce clusters (alicloud:emrv2/cluster:Cluster).
// Run with `pulumi preview --policy-pack policies`; configure with `--policy-pack-config <file>`.
import { PolicyPack } from "@pulumi/policy";
import { ALL_POLICIES } from "./pack";
import { shareDeserializedProperties } from "./sdk-deserialize";

shareDeserializedProperties();

new PolicyPack("emr-guardrails", { policies: [...ALL_POLICIES] });
