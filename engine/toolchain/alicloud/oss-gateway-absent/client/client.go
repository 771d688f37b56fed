// Package client stands where github.com/alibabacloud-go/alibabacloud-gateway-oss v0.0.26 belongs: the Go module
// proxy here does not serve that module (403 "This module version is not available"). The alicloud provider uses
// it only to sign OSS (object storage) API calls (alicloud/connectivity/client.go, apiProductCode "oss"); no EMR,
// ECS, RDS or VPC call goes through it. In this build an OSS call fails with the error below instead.
package client

import (
	"errors"

	spi "github.com/alibabacloud-go/alibabacloud-gateway-spi/client"
)

// Client satisfies the gateway interface the provider assigns; it is never returned non-nil.
type Client struct {
	spi.ClientInterface
}

func NewClient() (*Client, error) {
	return nil, errors.New("OSS API calls are not available in emr-as-code's engine build (alibabacloud-gateway-oss is not served here)")
}
