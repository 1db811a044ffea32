package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"zhibiao/export"
	"zhibiao/extract"
)

func runExport(args []string, stdout, stderr io.Writer) (int, error) {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.StringP("output", "o", "指标汇总.xlsx", "the workbook to write")
	region := fs.String("region", "", "the region of every input (overrides detection)")
	year := fs.Int("year", 0, "the report year of every input (overrides detection)")
	compareYear := fs.Int("compare-year", 0, "the year of the 对比 sheet (default: the year most regions have targets for)")
	asOf := fs.String("as-of", "", "the date stamped in the workbook, YYYY-MM-DD (default: from the reports)")
	tolerance := fs.Float64("tolerance", 0, "a missed 左右 target within this many points is 基本完成")
	strict := fs.Bool("strict", false, "write nothing when any input fails")
	if err := fs.Parse(args); err != nil {
		return exitUsage, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return exitUsage, fmt.Errorf("%w: export needs at least one PATH", errUsage)
	}
	opt := export.WorkbookOptions{Year: *compareYear, Tolerance: *tolerance}
	if *asOf != "" {
		t, err := time.Parse("2006-01-02", *asOf)
		if err != nil {
			return exitUsage, fmt.Errorf("%w: --as-of must be a date such as 2025-03-01, not %q", errUsage, *asOf)
		}
		opt.AsOf = t
	}
	if *tolerance < 0 {
		return exitUsage, fmt.Errorf("%w: --tolerance cannot be negative", errUsage)
	}
	// An output that cannot be written is found before any work is done.
	if err := checkWritable(*out); err != nil {
		return exitInput, err
	}
	inputs, failed := readInputs(fs.Args(), extract.Options{Region: *region, Year: *year}, stderr)
	if failed && *strict {
		return exitInput, fmt.Errorf("some inputs failed; nothing written (--strict)")
	}
	if err := export.SaveWorkbook(*out, inputs, opt); err != nil {
		return exitInput, err
	}
	fmt.Fprintf(stderr, "%s: %d reports\n", *out, countReports(inputs))
	if failed {
		return exitInput, nil
	}
	return exitOK, nil
}

// readInputs reads every path into a report, telling the errors on stderr
// as path: message; one failure never stops the others.
func readInputs(paths []string, opts extract.Options, stderr io.Writer) (inputs []export.Input, failed bool) {
	for _, path := range paths {
		in := export.Input{Path: path}
		data, err := os.ReadFile(path)
		if err == nil {
			in.Report, err = extract.Extract(path, data, opts)
		}
		if err != nil {
			in.Err = err
			failed = true
			fmt.Fprintln(stderr, withPath(path, err))
		} else {
			for _, w := range in.Report.Warnings {
				if w.Line > 0 {
					fmt.Fprintf(stderr, "%s:%d: %s\n", path, w.Line, w.Message)
				} else {
					fmt.Fprintf(stderr, "%s: %s\n", path, w.Message)
				}
			}
		}
		inputs = append(inputs, in)
	}
	return inputs, failed
}

func countReports(inputs []export.Input) int {
	n := 0
	for _, in := range inputs {
		if in.Report != nil {
			n++
		}
	}
	return n
}

// withPath makes an error read path: message, unless it already names the
// path first.
func withPath(path string, err error) string {
	msg := err.Error()
	if len(msg) >= len(path) && msg[:len(path)] == path {
		return msg
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s: %v", path, pe.Err)
	}
	return path + ": " + msg
}

// checkWritable tells, before any work, whether a file can be written at
// path: its folder exists, is a folder, and takes a new file.
func checkWritable(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a folder, not a file", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: folder %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("%s: %v", path, err)
	case !fi.IsDir():
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	probe, err := os.CreateTemp(dir, ".zhibiao-probe-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in folder %s: %v", path, dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}
