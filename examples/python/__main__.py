"""An EMR data lake from Python, through the multi-language package.

Generate the SDK first (see the README, "Use it from your own repository"):
    pulumi package add <repository>/packages/emr-plugin@v0.1.0
which writes sdks/emr and prints the import below.
"""
import pulumi
import emr_as_code_emr as emr

config = pulumi.Config()

lakehouse = emr.EmrClusterComponent(
    "lakehouse",
    preset=emr.Preset.DATALAKE_HA,
    cluster_name="lakehouse-prod",
    vpc_id=config.require("vpcId"),
    zone_id="cn-hangzhou-i",
    vswitch_id=config.require("vswitchId"),
    key_pair_name="emr-prod-admin",
    oss_hdfs_root_uri="oss://lakehouse-prod.cn-hangzhou.oss-dls.aliyuncs.com/",
    security_mode=emr.SecurityMode.KERBEROS,
    node_groups=[
        emr.NodeGroupOverrideArgs(name="core", node_count=6, instance_types=["ecs.g7.4xlarge"]),
        emr.NodeGroupOverrideArgs(name="task", remove=True),
    ],
    tags={"team": "data-platform"},
)

analytics = emr.EmrClusterComponent(
    "analytics",
    preset=emr.Preset.DEV_NORMAL,
    cluster_name="analytics-dev",
    vpc_id=config.require("vpcId"),
    zone_id="cn-hangzhou-i",
    vswitch_id=config.require("vswitchId"),
    key_pair_name="emr-dev-admin",
    payment_type=emr.PaymentType.PAY_AS_YOU_GO,
    external_metastore=emr.ExternalMetastoreArgs(
        connection_url="jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true",
        user_name="hive",
        password=config.require_secret("hiveMetastorePassword"),
    ),
    deletion_protection=True,
    protect=True,
)

pulumi.export("lakehouse_cluster_id", lakehouse.cluster_id)
pulumi.export("lakehouse_console", lakehouse.console_url)
pulumi.export("analytics_cluster_id", analytics.cluster_id)
