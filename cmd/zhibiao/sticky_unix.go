//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// otherUsersInStickyFolder reports whether a file lies in a folder that
// keeps each user's files (the sticky bit, as /tmp) and is neither the
// user's nor in a folder of the user's: renaming over it would fail.
func otherUsersInStickyFolder(path string, fi fs.FileInfo) bool {
	uid := os.Geteuid()
	if uid == 0 {
		return false
	}
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil || dir.Mode()&fs.ModeSticky == 0 {
		return false
	}
	owner := func(fi fs.FileInfo) int {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			return int(st.Uid)
		}
		return uid
	}
	return owner(fi) != uid && owner(dir) != uid
}
