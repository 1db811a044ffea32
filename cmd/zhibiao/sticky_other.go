//go:build !unix

package main

import "io/fs"

// otherUsersInStickyFolder is false where folders keep no sticky bit.
func otherUsersInStickyFolder(string, fs.FileInfo) bool { return false }
