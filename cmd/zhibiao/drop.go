package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// isDrop reports whether zhibiao was started with files and no command, as
// when report files are dragged onto zhibiao.exe.
func isDrop(args []string) bool {
	for _, arg := range args {
		if _, err := os.Stat(arg); err != nil {
			return false
		}
	}
	return len(args) > 0
}

// runDrop writes 指标汇总.xlsx beside the first file dropped, shows the
// summary, and on Windows waits for Enter so that it can be read.
func (a *app) runDrop(paths []string) (int, error) {
	out := filepath.Join(filepath.Dir(paths[0]), defaultOutput)
	if fi, err := os.Stat(paths[0]); err == nil && fi.IsDir() {
		out = filepath.Join(paths[0], defaultOutput)
	}
	status, err := a.export(paths, exportJob{pattern: out})
	if a.pause {
		if err != nil {
			fmt.Fprintf(a.stderr, "zhibiao: %s\n", a.describe("", err))
			err = nil
			status = exitInput
		}
		fmt.Fprint(a.stderr, a.p.Sprintf("Press Enter to close this window."))
		bufio.NewReader(a.stdin).ReadString('\n')
	}
	return status, err
}
