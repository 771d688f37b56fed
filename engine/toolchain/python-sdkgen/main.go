// Command engine-python-sdkgen writes the Python SDK of a Pulumi package schema with the Pulumi CLI's own Python code
// generator (pkg/codegen/python at the CLI's version), doing what pulumi-language-python's GeneratePackage does for
// `pulumi package gen-sdk --language python`: bind the schema, generate, write the files. The CLI delegates that step
// to the Python language host, which the Go module proxy does not serve (README "Engine tier"); the schema itself
// comes from the real CLI (`pulumi package get-schema`).
//
//	engine-python-sdkgen <schema.json> <out dir>
//
// The schema may not reference other packages: nothing here can load one (no plugin host), so a reference is an error
// naming the package instead of an SDK with a dangling import.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// offline is a schema loader that loads nothing.
type offline struct{}

func refused(name string) error {
	return fmt.Errorf("the schema references package %q; engine-python-sdkgen generates self-contained packages only", name)
}

func (offline) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, refused(pkg)
}
func (offline) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refused(d.Name)
}
func (offline) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, refused(pkg)
}
func (offline) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, refused(d.Name)
}

func generate(schemaFile, out string) error {
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s is not a package schema: %w", schemaFile, err)
	}
	pkg, diags, err := schema.BindSpec(spec, offline{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return errors.New(diags.Error())
	}
	files, err := python.GeneratePackage("pulumi-language-python", pkg, nil, offline{})
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: engine-python-sdkgen <schema.json> <out dir>  (e.g. engine-python-sdkgen emr.json sdk/python)")
		os.Exit(2)
	}
	if err := generate(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "engine-python-sdkgen: %v\n", err)
		os.Exit(1)
	}
}
