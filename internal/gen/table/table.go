// Package table writes the data tables that make generate derives from
// standard sources: atomically, so that a failed run leaves the committed
// table as it was.
package table

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// Write writes the table that fill produces to path: into a temporary file
// in the same folder, then renamed over path.
func Write(path string, fill func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := fill(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
