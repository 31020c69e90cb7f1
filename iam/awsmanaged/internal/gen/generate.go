package main

import (
	"fmt"
	"io"
	"os"

	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged/internal/catalog"
)

// generate imports what the options name into the source directory, then
// rebuilds the catalogue from the whole directory.
func generate(o options, stdout io.Writer) error {
	imported, err := importSources(o)
	if err != nil {
		return err
	}
	for _, r := range imported {
		if err := catalog.WriteRecord(o.src, r); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "imported %s %s\n", r.ARN, r.Version)
	}
	records, err := catalog.ReadDir(o.src)
	if err != nil {
		return err
	}
	data, err := catalog.Encode(records)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d policies, %d bytes\n", o.out, len(records), len(data))
	return nil
}

func importSources(o options) ([]catalog.Record, error) {
	var records []catalog.Record
	if o.importAuthz != "" {
		data, err := os.ReadFile(o.importAuthz)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", o.importAuthz, err)
		}
		rs, err := catalog.FromAuthorizationDetails(data, o.source)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", o.importAuthz, err)
		}
		records = append(records, rs...)
	}
	if o.importVersion != "" {
		data, err := os.ReadFile(o.importVersion)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", o.importVersion, err)
		}
		r, err := catalog.FromPolicyVersion(data, o.arn, o.source)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", o.importVersion, err)
		}
		records = append(records, r)
	}
	return records, nil
}
