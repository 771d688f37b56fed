package main

import "strings"

// moduleOf("alicloud:emrv2/cluster:Cluster") = "emrv2"; typeOf(...) = "Cluster".
func moduleOf(token string) string {
	mod := strings.Split(token, ":")[1]
	return strings.Split(mod, "/")[0]
}

func typeOf(token string) string {
	parts := strings.Split(token, ":")
	return parts[len(parts)-1]
}
