package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"zhibiao/export"
	"zhibiao/extract/document"
	"zhibiao/extract/model"
)

// checkOutput tells, before any input is read, whether a file can be
// written at path, and returns the path to write: a link's target. It
// refuses an empty name, a path that names a folder, a device, a pipe or a
// socket, a file that cannot be replaced (read-only, another user's, open
// in another program), a folder that does not exist or takes no file, and
// a file that is also an input of the run (theirs names its other files:
// the manifest, the layout, the catalogue, a template).
func (a *app) checkOutput(path string, inputs []string, theirs ...string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", a.usageError("-o must name a file")
	}
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() { // the file, or a link's target
		if kind := a.notRegular(fi); kind != "" {
			return "", errors.New(a.p.Sprintf("%s: not a regular file but %s; name a file to write", path, kind))
		}
		if lfi, err := os.Lstat(path); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			// A link to a workbook: the workbook is written, not the link.
			if path, err = filepath.EvalSymlinks(path); err != nil {
				return "", err
			}
		}
		if err := a.replaceable(path, fi); err != nil {
			return "", err
		}
	}
	if err := a.checkWritable(path); err != nil {
		return "", err
	}
	files, _ := document.Inputs(inputs)
	for _, in := range append(files, theirs...) {
		if in != "" && samePath(in, path) {
			return "", errors.New(a.p.Sprintf("%s is also an input; name another file to write", path))
		}
	}
	return path, nil
}

// notRegular says what a file is when it is not a regular file or a
// folder, or "".
func (a *app) notRegular(fi fs.FileInfo) string {
	switch m := fi.Mode(); {
	case m.IsRegular(), m.IsDir():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return a.p.Sprintf("a pipe")
	case m&fs.ModeSocket != 0:
		return a.p.Sprintf("a socket")
	case m&fs.ModeDevice != 0:
		return a.p.Sprintf("a device")
	}
	return a.p.Sprintf("a special file")
}

// replaceable tells whether an existing file can be replaced: it opens for
// writing (not if it is read-only, immutable, another user's, or locked
// by the program that has it open), and in a folder that keeps each
// user's files (sticky, as /tmp) it is the user's.
func (a *app) replaceable(path string, fi fs.FileInfo) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		if isLocked(err) {
			return errors.New(a.p.Sprintf("%s: cannot be replaced: it is open in another program (close it in Excel or WPS)", path))
		}
		return errors.New(a.p.Sprintf("%s: cannot be replaced: it is read-only or owned by another user", path))
	}
	f.Close()
	if otherUsersInStickyFolder(path, fi) {
		return errors.New(a.p.Sprintf("%s: cannot be replaced: it belongs to another user in a shared folder", path))
	}
	return nil
}

// isLocked reports whether an error of opening a file says that another
// program holds it: Windows' sharing and lock violations.
func isLocked(err error) bool {
	var errno syscall.Errno
	if runtime.GOOS != "windows" || !errors.As(err, &errno) {
		return false
	}
	return errno == 32 || errno == 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
}

// samePath reports whether a and b name the same file: the same file on
// disk, or, for files not there yet, the same absolute path (without
// regard to case where the file system ignores it).
func samePath(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	pa, pb := absPath(a), absPath(b)
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(pa, pb)
	}
	return pa == pb
}

// placement is where a run's workbook goes once its inputs are read.
type placement struct {
	path    string    // the file to write
	beside  bool      // not the file asked for, which is kept
	missing []missing // with beside: the reports the kept file has that this run lacks
	foreign bool      // with beside: the kept file is no workbook of zhibiao's
}

// missing is a report a kept workbook has that a run did not read: its
// file, and the error of reading it, if the run was given it.
type missing struct {
	file string
	err  error
}

// place decides where the workbook of a run goes: the file asked for, or,
// when that is a workbook built from reports this run did not read — an
// input failed, fewer were given — or no workbook of zhibiao's, a new
// file beside it, so that no workbook is replaced by a smaller one.
// replace (--replace) overwrites all the same.
func place(out string, inputs []export.Input, replace bool) placement {
	if replace {
		return placement{path: out}
	}
	if _, err := os.Stat(out); err != nil {
		return placement{path: out}
	}
	old, err := export.ReadSources(out)
	if err != nil {
		return placement{path: besideName(out), beside: true, foreign: true}
	}
	have := map[string]bool{}    // sha256 and base names of the reports read now
	failed := map[string]error{} // base names of the inputs that failed now
	for _, in := range inputs {
		switch {
		case in.Report != nil:
			have[in.Report.Source.SHA256] = true
			have[filepath.Base(in.Report.Source.Path)] = true
		case in.Err != nil && in.Path != "":
			failed[filepath.Base(in.Path)] = in.Err
		}
	}
	var lacks []missing
	for _, r := range old {
		base := filepath.Base(r.File)
		if !r.Read || have[r.SHA256] || have[base] {
			continue
		}
		lacks = append(lacks, missing{file: base, err: failed[base]})
	}
	if len(lacks) == 0 {
		return placement{path: out}
	}
	return placement{path: besideName(out), beside: true, missing: lacks}
}

// besideName returns the first free name beside path of the form the
// desktop gives copies: 指标汇总(2).xlsx, 指标汇总(3).xlsx ….
func besideName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for n := 2; ; n++ {
		p := stem + "(" + strconv.Itoa(n) + ")" + ext
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// writeWorkbook writes data to path, unless the file there already holds
// the same bytes (unchanged is then true). A file it replaces is kept as
// path.bak first, so that a bad month can be undone by hand. The old file
// is read only when it has the new one's size.
func writeWorkbook(path string, data []byte) (unchanged bool, err error) {
	fi, err := os.Stat(path)
	if err == nil {
		if fi.Size() == int64(len(data)) {
			if old, err := readAtMost(path, len(data)); err == nil && string(old) == string(data) {
				return true, nil
			}
		}
		old, err := readAtMost(path, int(fi.Size()))
		if err != nil {
			return false, err
		}
		if err := export.SaveFile(path+".bak", old); err != nil {
			return false, err
		}
	}
	return false, export.SaveFile(path, data)
}

// readAtMost reads a file of at most n bytes, and fails past them.
func readAtMost(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(n)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > n {
		return nil, model.Errorf(path, 0, "grew while it was read")
	}
	return data, nil
}
