// The alicloud resource provider for the engine tier: the Terraform provider's own code
// (github.com/aliyun/terraform-provider-alicloud, the version @pulumi/alicloud 3.108.0 wraps) served
// to the Pulumi engine through pulumi-terraform-bridge, the way pulumi-alicloud builds it.
//
// Why not github.com/pulumi/pulumi-alicloud/provider/v3 itself: the Go module proxy here does not
// serve it (README.md, "Engine tier": the command and its answer). Its provider is this same Terraform
// code under this same bridge; what pulumi-alicloud adds is the token mapping of ~1,000 resources.
// This file maps the resources and data sources the project's programs use, with the tokens the
// @pulumi/alicloud npm SDK sends, and the auto-naming pulumi-alicloud applies.
//
// Shapes: the bridge turns a Terraform block with MaxItems 1 into a single object unless told otherwise, and
// pulumi-alicloud keeps the shapes of earlier releases through its bridge metadata (not available here). Every
// MaxItems-1 block of the mapped resources was compared with the @pulumi/alicloud 3.108.0 typings: all are single
// objects there too, except alicloud_db_instance's serverless_config (`serverlessConfigs`, a list), set below.
// The provider serves no schema (GetSchema answers empty): the TypeScript SDK and the engine do not ask for it.
package main

import (
	"github.com/aliyun/terraform-provider-alicloud/alicloud"
	"github.com/hashicorp/terraform-plugin-sdk/helper/schema"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	shimv1 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v1"
)

// version is the @pulumi/alicloud version whose plugin the SDK asks the engine for.
var version = "3.108.0"

// resources: Terraform type -> the Pulumi token @pulumi/alicloud uses for it.
var resources = map[string]string{
	"alicloud_emrv2_cluster":        "alicloud:emrv2/cluster:Cluster",
	"alicloud_security_group":       "alicloud:ecs/securityGroup:SecurityGroup",
	"alicloud_db_instance":          "alicloud:rds/instance:Instance",
	"alicloud_db_database":          "alicloud:rds/database:Database",
	"alicloud_rds_account":          "alicloud:rds/rdsAccount:RdsAccount",
	"alicloud_db_account_privilege": "alicloud:rds/accountPrivilege:AccountPrivilege",
	"alicloud_vpc":                  "alicloud:vpc/network:Network",
	"alicloud_vswitch":              "alicloud:vpc/switch:Switch",
}

var dataSources = map[string]string{
	"alicloud_zones": "alicloud:index/getZones:getZones",
	"alicloud_resource_manager_resource_groups": "alicloud:resourcemanager/getResourceGroups:getResourceGroups",
}

func providerInfo() tfbridge.ProviderInfo {
	tf := alicloud.Provider().(*schema.Provider)
	// Keep only what is mapped: the bridge refuses unmapped resources at start-up.
	for name := range tf.ResourcesMap {
		if _, ok := resources[name]; !ok {
			delete(tf.ResourcesMap, name)
		}
	}
	for name := range tf.DataSourcesMap {
		if _, ok := dataSources[name]; !ok {
			delete(tf.DataSourcesMap, name)
		}
	}
	info := tfbridge.ProviderInfo{
		P:           shimv1.NewProvider(tf),
		Name:        "alicloud",
		Version:     version,
		Description: "terraform-provider-alicloud under pulumi-terraform-bridge, built by emr-as-code's engine toolchain",
		GitHubOrg:   "aliyun",
		Config: map[string]*tfbridge.SchemaInfo{
			"region": {Default: &tfbridge.DefaultInfo{EnvVars: []string{"ALICLOUD_REGION"}}},
		},
		Resources:   map[string]*tfbridge.ResourceInfo{},
		DataSources: map[string]*tfbridge.DataSourceInfo{},
	}
	for name, token := range resources {
		info.Resources[name] = &tfbridge.ResourceInfo{Tok: tfbridge.MakeResource("alicloud", moduleOf(token), typeOf(token))}
	}
	info.Resources["alicloud_db_instance"].Fields = map[string]*tfbridge.SchemaInfo{
		"serverless_config": {MaxItemsOne: tfbridge.False()},
	}
	for name, token := range dataSources {
		info.DataSources[name] = &tfbridge.DataSourceInfo{Tok: tfbridge.MakeDataSource("alicloud", moduleOf(token), typeOf(token))}
	}
	info.SetAutonaming(255, "-")
	return info
}

func main() {
	tfbridge.Main("alicloud", version, providerInfo(), nil)
}
