package snapshot

import "fmt"

// Error is a problem with one snapshot file: File is the file's path
// relative to the directory given to Load, Path the JSONPath of the
// offending value ("$" for the whole document).
type Error struct {
	File string
	Path string
	Err  error
}

func (e *Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// fileError names the file for an error found at a JSON path.
func fileError(file, path string, err error) error {
	return &Error{File: file, Path: path, Err: err}
}
