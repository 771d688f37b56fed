"""The analytics cluster of examples/python/__main__.py (dev-normal on an existing Hive metastore), the same cluster
as the YAML engine program and the TypeScript program's dev stack: python.engine.ts serves it with program_server.py
and compares what the engine plans and creates. The network comes from the stack's config (the dev stack file's)."""
import pulumi
import emr_as_code_emr as emr

config = pulumi.Config()

analytics = emr.EmrClusterComponent(
    "analytics",
    preset=emr.Preset.DEV_NORMAL,
    cluster_name="analytics-dev",
    vpc_id=config.require("vpcId"),
    zone_id=config.require("zoneId"),
    vswitch_id=config.require("vswitchId"),
    key_pair_name=config.require("keyPairName"),
    applications=["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
    external_metastore=emr.ExternalMetastoreArgs(
        connection_url="jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true",
        user_name="hive",
        password=config.require_secret("hiveMetastorePassword"),
    ),
    deletion_protection=True,
)

pulumi.export("analytics_cluster_id", analytics.cluster_id)
