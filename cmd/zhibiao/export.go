package main

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"zhibiao/export"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
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
	fs.BoolVar(&job.replace, "replace", false, a.p.Sprintf("replace the workbook even when it holds reports this run did not read (else the new one is written beside it)"))
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
	replace     bool     // --replace: overwrite a workbook of more reports
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
	if err := a.checkTolerance(job.tolerance); err != nil {
		return exitUsage, err
	}
	if job.inputs == nil {
		job.inputs = &inputOptions{}
	}
	if err := a.checkRegion(job.inputs.region); err != nil {
		return exitUsage, err
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
	// An output that cannot be written, or that is one of the run's own
	// files, is found before any work is done.
	out, err := a.checkOutput(outputName(job.pattern, date), paths,
		job.inputs.manifest, job.inputs.catalogue, job.layout, job.since)
	if err != nil {
		if errors.Is(err, errUsage) {
			return exitUsage, err
		}
		return exitInput, err
	}
	if job.since != "" {
		prev, err := export.ReadPrevious(job.since)
		if err != nil {
			return exitInput, err
		}
		opt.Previous, opt.PreviousName = prev, filepath.Base(job.since)
	} else if previous := latestEarlier(job.pattern, out); previous != "" {
		// Last month's workbook, found by the pattern: one that cannot be
		// read costs the 变更 sheet, not the month's run.
		if prev, err := export.ReadPrevious(previous); err != nil {
			a.tell(a.p.Sprintf("%s cannot be read (%v); no 变更 sheet this time", previous, err))
		} else {
			opt.Previous, opt.PreviousName = prev, filepath.Base(previous)
		}
	}
	set, err := a.readInputs(paths, *job.inputs)
	if err != nil {
		return exitInput, err
	}
	inputs, failed := set.inputs, set.failed
	if !anyRead(inputs) {
		return exitInput, errors.New(a.p.Sprintf("no report was read; %s not written", out))
	}
	if failed && job.inputs.strict {
		return exitInput, errors.New(a.p.Sprintf("some inputs failed or warned; nothing written (--strict)"))
	}
	opt.Corrections = set.corrections
	opt.Say = a.chinese
	opt.SayError = a.chineseError
	var buf bytes.Buffer
	if err := export.WriteWorkbook(&buf, inputs, opt); err != nil {
		return exitInput, err
	}
	pl := place(out, inputs, job.replace)
	unchanged, err := writeWorkbook(pl.path, buf.Bytes())
	if err != nil {
		return exitInput, err
	}
	switch {
	case pl.foreign:
		a.tell(a.p.Sprintf("%s is no workbook zhibiao wrote; kept it, and wrote %s (--replace to overwrite it)", out, pl.path))
	case pl.beside:
		var lacks []string
		for _, m := range pl.missing {
			why := a.p.Sprintf("not given")
			if m.err != nil {
				_, why = a.explain(m.err)
			}
			lacks = append(lacks, m.file+"（"+why+"）")
		}
		a.tell(a.p.Sprintf("%s holds %d reports this run did not read: %s; kept it, and wrote %s (--replace to overwrite it)",
			out, len(pl.missing), strings.Join(lacks, "；"), pl.path))
	}
	out = pl.path
	// What became of the workbook, and what it was compared with.
	done := a.p.Sprintf("; wrote %s", out)
	if unchanged {
		done = a.p.Sprintf("; %s unchanged, not rewritten", out)
	}
	if opt.PreviousName != "" {
		done += a.p.Sprintf(", compared with %s", opt.PreviousName)
	}
	var reports []*model.Report
	for _, in := range inputs {
		if in.Report != nil {
			reports = append(reports, in.Report)
		}
	}
	a.summary(inputs, evaluate.Evaluate(reports, cat, job.tolerance), done)
	if failed {
		return exitInput, nil
	}
	return exitOK, nil
}

// anyRead reports whether any input gave a report.
func anyRead(inputs []export.Input) bool {
	for _, in := range inputs {
		if in.Report != nil {
			return true
		}
	}
	return false
}

// checkTolerance refuses a tolerance that is negative or no number.
func (a *app) checkTolerance(t float64) error {
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return a.usageError("--tolerance must be a number of points, such as 0.2")
	}
	if t < 0 {
		return a.usageError("--tolerance cannot be negative")
	}
	return nil
}

// checkRegion refuses a --region that cannot be a region's name: a name of
// the division table is at most a few dozen characters.
func (a *app) checkRegion(name string) error {
	if utf8.RuneCountInString(name) > maxRegionName {
		return a.usageError("--region must be the name of a region, not %d characters", utf8.RuneCountInString(name))
	}
	return nil
}

// maxRegionName bounds --region: the longest name of the division table
// has 16 characters.
const maxRegionName = 64

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
		return model.ReadError(path, err)
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
