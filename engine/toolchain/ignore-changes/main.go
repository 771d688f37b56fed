// Command engine-ignore-changes applies ignoreChanges paths with the Pulumi engine's own code (the sdk's
// ParsePropertyPath and PropertyPath.Reset, the two calls processIgnoreChanges in pkg/resource/deploy makes), so the
// engine tier can hold our model (policies/rules/calls/ignore-changes.ts) to it on many inputs.
//
// Input on stdin: a JSON array of {"old": {...}, "next": {...}, "paths": ["..."]}. Output on stdout: a JSON array of
// {"planned": {...}, "skipped": ["..."]}, in the same order.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

type request struct {
	Old   map[string]interface{} `json:"old"`
	Next  map[string]interface{} `json:"next"`
	Paths []string               `json:"paths"`
}

type answer struct {
	Planned map[string]interface{} `json:"planned"`
	Skipped []string               `json:"skipped"`
}

func apply(r request) answer {
	old := resource.NewPropertyMapFromMap(r.Old)
	planned := resource.NewPropertyMapFromMap(r.Next).Copy()
	skipped := []string{}
	for _, p := range r.Paths {
		path, err := resource.ParsePropertyPath(p)
		if err != nil {
			// processIgnoreChanges drops a path it cannot parse, without a word.
			skipped = append(skipped, p)
			continue
		}
		if !path.Reset(old, planned) {
			skipped = append(skipped, p)
		}
	}
	return answer{Planned: planned.Mappable(), Skipped: skipped}
}

func main() {
	var requests []request
	if err := json.NewDecoder(os.Stdin).Decode(&requests); err != nil {
		fmt.Fprintln(os.Stderr, "engine-ignore-changes: reading the requests:", err)
		os.Exit(2)
	}
	answers := make([]answer, len(requests))
	for i, r := range requests {
		answers[i] = apply(r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(answers); err != nil {
		fmt.Fprintln(os.Stderr, "engine-ignore-changes: writing the answers:", err)
		os.Exit(1)
	}
}
