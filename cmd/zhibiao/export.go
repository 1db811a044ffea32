package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"zhibiao/export"
	"zhibiao/extract"
)

// defaultOutput is the workbook export writes when not told otherwise.
const defaultOutput = "指标汇总.xlsx"

func (a *app) runExport(args []string) (int, error) {
	fs, job := a.exportFlags()
	if err := a.parse(fs, usageExport, args); err != nil {
		return exitUsage, err
	}
	if fs.NArg() == 0 {
		return exitUsage, a.usageError("%s needs at least one PATH", "export")
	}
	return a.export(fs.Args(), *job)
}

// exportFlags makes the flag set of export and the job it fills in.
func (a *app) exportFlags() (*pflag.FlagSet, *exportJob) {
	fs := a.newFlags("export")
	job := &exportJob{}
	fs.StringVarP(&job.pattern, "output", "o", defaultOutput, a.p.Sprintf("the workbook to write; {date} in it becomes the --as-of date, or today"))
	fs.IntVar(&job.compareYear, "compare-year", 0, a.p.Sprintf("the year of the 对比 sheet (default: the year most regions have targets for)"))
	fs.StringVar(&job.asOf, "as-of", "", a.p.Sprintf("the date of the data, YYYY-MM-DD, stamped in the workbook and in {date}"))
	fs.Float64Var(&job.tolerance, "tolerance", 0, a.p.Sprintf("a missed 左右 target within this many points counts as 基本完成"))
	fs.StringVar(&job.since, "since", "", a.p.Sprintf("an earlier workbook: add a 变更 sheet of what changed since (default: the latest earlier file of the -o pattern)"))
	fs.StringVar(&job.layout, "layout", "", a.p.Sprintf("a layout file (JSON) saying what the region sheets and the 对比 sheet show; zhibiao layout prints the built-in one"))
	fs.StringVar(&job.years, "years", "", a.p.Sprintf("the years the region sheets show: 2024, or 2023-2025"))
	fs.StringVar(&job.sheets, "sheets", export.SheetsAuto, a.p.Sprintf("region sheets: auto, region (one each), prefecture (a city with its counties), province, or none; auto is one each up to 50, then the first grouping with at most 50 sheets"))
	fs.StringSliceVar(&job.indicators, "indicators", nil, a.p.Sprintf("the indicators the region sheets and the 对比 sheet show, in this order: gdp,retail_sales or 地区生产总值,社会消费品零售总额"))
	job.inputs = a.inputFlags(fs)
	return fs, job
}

// exportJob is what an export was asked to do.
type exportJob struct {
	pattern     string // the output's name, perhaps with {date}
	asOf        string
	compareYear int
	tolerance   float64
	since       string
	layout      string   // --layout
	years       string   // --years
	indicators  []string // --indicators
	sheets      string   // --sheets
	inputs      *inputOptions
}

func (a *app) export(paths []string, job exportJob) (int, error) {
	opt := export.WorkbookOptions{Year: job.compareYear, Tolerance: job.tolerance, Sheets: job.sheets}
	if job.sheets != "" && !slices.Contains(export.SheetPolicies, job.sheets) {
		return exitUsage, a.usageError("--sheets must be one of %s, not %q", strings.Join(export.SheetPolicies, ", "), job.sheets)
	}
	date := a.now()
	if job.asOf != "" {
		t, err := time.Parse("2006-01-02", job.asOf)
		if err != nil {
			return exitUsage, a.usageError("--as-of must be a date such as 2025-03-01, not %q", job.asOf)
		}
		opt.AsOf, date = t, t
	}
	if job.tolerance < 0 {
		return exitUsage, a.usageError("--tolerance cannot be negative")
	}
	if job.inputs == nil {
		job.inputs = &inputOptions{}
	}
	cat, err := job.inputs.catalogueInForce()
	if err != nil {
		return exitInput, err
	}
	opt.Catalogue = cat
	if opt.Layout, err = a.layout(job, cat); err != nil {
		if errors.Is(err, errUsage) {
			return exitUsage, err
		}
		return exitInput, err
	}
	out := outputName(job.pattern, date)
	// An output that cannot be written is found before any work is done.
	if err := a.checkWritable(out); err != nil {
		return exitInput, err
	}
	previous := job.since
	if previous == "" {
		previous = latestEarlier(job.pattern, out)
	}
	if previous != "" {
		prev, err := export.ReadPrevious(previous)
		if err != nil {
			return exitInput, err
		}
		opt.Previous, opt.PreviousName = prev, filepath.Base(previous)
	}
	inputs, failed, err := a.readInputs(paths, *job.inputs)
	if err != nil {
		return exitInput, err
	}
	if failed && job.inputs.strict {
		return exitInput, errors.New(a.p.Sprintf("some inputs failed or warned; nothing written (--strict)"))
	}
	var buf bytes.Buffer
	if err := export.WriteWorkbook(&buf, inputs, opt); err != nil {
		return exitInput, err
	}
	note := ""
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, buf.Bytes()) {
		note = a.p.Sprintf("unchanged")
	} else if err := export.SaveFile(out, buf.Bytes()); err != nil {
		return exitInput, err
	}
	var reports []*extract.Report
	for _, in := range inputs {
		if in.Report != nil {
			reports = append(reports, in.Report)
		}
	}
	a.summary(inputs, extract.Evaluate(reports, cat, job.tolerance), strings.TrimSpace(out+" "+note))
	if failed {
		return exitInput, nil
	}
	return exitOK, nil
}

// outputName puts the date in an output name's {date}.
func outputName(pattern string, date time.Time) string {
	return strings.ReplaceAll(pattern, "{date}", date.Format("2006-01-02"))
}

// latestEarlier finds, for an output name with {date}, the latest other
// file of the same pattern in its folder: last month's workbook, which the
// 变更 sheet compares with. Dates in the ISO form sort as text.
func latestEarlier(pattern, out string) string {
	if !strings.Contains(pattern, "{date}") {
		return ""
	}
	glob := strings.ReplaceAll(filepath.Clean(pattern), "{date}", "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
	matches, _ := filepath.Glob(glob)
	sort.Strings(matches)
	for i := len(matches) - 1; i >= 0; i-- {
		if filepath.Clean(matches[i]) != filepath.Clean(out) && matches[i] < filepath.Clean(out) {
			return matches[i]
		}
	}
	return ""
}

// checkWritable tells, before any work, whether a file can be written at
// path: its folder exists, is a folder, and takes a new file.
func (a *app) checkWritable(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return errors.New(a.p.Sprintf("%s: is a folder, not a file", path))
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New(a.p.Sprintf("%s: folder %s does not exist", path, dir))
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	case !fi.IsDir():
		return errors.New(a.p.Sprintf("%s: %s is not a folder", path, dir))
	}
	probe, err := os.CreateTemp(dir, ".zhibiao-probe-*")
	if err != nil {
		return errors.New(a.p.Sprintf("%s: cannot write in folder %s: %v", path, dir, err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}
