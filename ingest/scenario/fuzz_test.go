package scenario

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes the loader panic, that every
// failure is an *Error naming the file, and that every Estate it returns
// serialises. Seeds: testdata/fuzz/FuzzParse and the scenario files.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "scenarios", "*.yaml"))
	files = append(files, filepath.Join("testdata", "everything.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Parse("fuzz.yaml", data)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.File != "fuzz.yaml" {
				t.Fatalf("error %q is not an *Error for fuzz.yaml", err)
			}
			return
		}
		if _, err := json.Marshal(e); err != nil {
			t.Fatalf("estate does not serialise: %v", err)
		}
	})
}
