package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/graph/technique"
	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
)

// loadSources reads every SOURCE (a snapshot directory or a scenario file)
// and merges them into one estate, with AWS managed policies resolved.
func loadSources(paths []string) (*ingest.Estate, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no SOURCE given: name a scenario file (.yaml) or a snapshot directory")
	}
	estates := make([]*ingest.Estate, 0, len(paths))
	for _, p := range paths {
		e, err := loadSource(p)
		if err != nil {
			return nil, err
		}
		estates = append(estates, e)
	}
	merged, err := ingest.Merge(paths, estates)
	if err != nil {
		return nil, err
	}
	if err := merged.ResolveAWSManaged(); err != nil {
		return nil, err
	}
	return merged, nil
}

func loadSource(path string) (*ingest.Estate, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("source %s: %w", path, err)
	}
	if info.IsDir() {
		return snapshot.Load(path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return scenario.Load(path)
	}
	return nil, fmt.Errorf("source %s: not a snapshot directory nor a scenario file (.yaml)", path)
}

// analyse builds the attack graph of an estate.
func analyse(e *ingest.Estate) (*graph.Graph, []string, error) {
	return technique.Build(e, technique.All())
}
