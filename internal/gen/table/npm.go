package table

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// NPMPack downloads the tarball of an npm package into dir, with the
// registry's own client, and returns its path.
func NPMPack(dir, pkgName, pkgVersion string) (string, error) {
	cmd := exec.Command("npm", "pack", "--silent", pkgName+"@"+pkgVersion)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s@%s: %w", pkgName, pkgVersion, err)
	}
	lines := strings.Fields(strings.TrimSpace(string(outb)))
	if len(lines) == 0 {
		return "", errors.New("npm pack printed no file name")
	}
	name := lines[len(lines)-1]
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("npm pack: %w", err)
	}
	return p, nil
}

// ReadTarball returns the contents of the wanted members of a .tgz file.
func ReadTarball(path string, want ...string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[w] = true
	}
	got := make(map[string][]byte, len(want))
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !wanted[name] || h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		got[name] = b
	}
	for _, w := range want {
		if _, ok := got[w]; !ok {
			return nil, fmt.Errorf("%s: no %s in the package", path, w)
		}
	}
	return got, nil
}

// NPMFiles returns the wanted members of an npm package's tarball: of tgz
// when it is not empty, else of the tarball npm downloads into a
// temporary directory, removed before it returns.
func NPMFiles(tgz, pkgName, pkgVersion string, want ...string) (map[string][]byte, error) {
	if tgz == "" {
		dir, err := os.MkdirTemp("", "npm")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		if tgz, err = NPMPack(dir, pkgName, pkgVersion); err != nil {
			return nil, err
		}
	}
	return ReadTarball(tgz, want...)
}
