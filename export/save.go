package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// SaveWorkbook writes the workbook to path atomically: into a temporary
// file in the same folder, synced to disk, then renamed over path. Nothing
// is left behind on failure, and a reader of path sees the old file or the
// new one, never part of one. An output path that cannot be written is
// found before the workbook is built.
func SaveWorkbook(path string, inputs []Input, opt WorkbookOptions) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("save workbook: %s is a folder", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("save workbook %s: folder %s does not exist", path, dir)
		}
		return fmt.Errorf("save workbook %s: %w", path, err)
	} else if !fi.IsDir() {
		return fmt.Errorf("save workbook %s: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := WriteWorkbook(tmp, inputs, opt); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm() // an existing file keeps its permissions
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save workbook %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save workbook %s (is it open in another program?): %w", path, err)
	}
	syncDir(dir)
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
