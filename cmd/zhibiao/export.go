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
	manifest := fs.String("manifest", "", "a CSV file of path, region, year for inputs whose region or year the text does not tell")
	strict := fs.Bool("strict", false, "treat every warning as an error, and write nothing when any input fails")
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
	inputs, failed, err := readInputs(fs.Args(), inputOptions{region: *region, year: *year, manifest: *manifest, strict: *strict}, stderr)
	if err != nil {
		return exitInput, err
	}
	if failed && *strict {
		return exitInput, fmt.Errorf("some inputs failed or warned; nothing written (--strict)")
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
