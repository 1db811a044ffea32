package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"zhibiao/internal/cleanup"
)

// SaveWorkbook writes the workbook to path atomically (see SaveFile). An
// output path that cannot be written is found before the workbook is
// built, and nothing is left behind when building fails.
func SaveWorkbook(path string, inputs []Input, opt WorkbookOptions) error {
	if err := checkTarget(path); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, inputs, opt); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	return SaveFile(path, buf.Bytes())
}

// SaveFile writes data to path atomically: into a temporary file in the
// same folder, synced to disk, then renamed over path. Nothing is left
// behind on failure, and a reader of path sees the old file or the new one,
// never part of one. An existing file keeps its permissions.
func SaveFile(path string, data []byte) (err error) {
	if err := checkTarget(path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	// Stopped before the rename (Ctrl-C, a service stopped), the run
	// removes the temporary file.
	defer cleanup.Add(func() { os.Remove(tmp.Name()) })()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm() // an existing file keeps its permissions
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s (is it open in another program?): %w", path, err)
	}
	syncDir(dir)
	return nil
}

// checkTarget tells whether a file may be written at path: it is not a
// folder, and its folder exists.
func checkTarget(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("folder %s does not exist", dir)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	}
	return nil
}

// syncDir makes a rename durable where the system allows it; Windows
// cannot sync a folder, and the file itself is already synced.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
