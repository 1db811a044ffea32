package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/spf13/pflag"

	"zhibiao/export"
	"zhibiao/extract"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/document"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// inputOptions are the command line's say on how inputs are read.
type inputOptions struct {
	region   string // overrides detection for every input
	year     int
	manifest string // a CSV of path, region, year
	strict   bool   // every warning is an error
	jobs     int    // files read at once; 0 is one per CPU
	explain  bool   // keep, sentence by sentence, what was taken and what was not

	catalogue string               // --catalogue: a catalogue file, "" for the built-in one
	cat       *catalogue.Catalogue // the catalogue in force, once loaded

	corrections string // --corrections: the analyst's corrections, a CSV or a workbook
}

// readSet is what reading the inputs gave.
type readSet struct {
	inputs      []export.Input
	failed      bool                       // some input failed (or, with strict, warned), or a correction
	corrections *export.AppliedCorrections // nil without --corrections
}

// inputFlags adds the flags of reading inputs to a flag set.
func (a *app) inputFlags(fs *pflag.FlagSet) *inputOptions {
	o := &inputOptions{}
	fs.StringVar(&o.region, "region", "", a.p.Sprintf("the region of every input, a GB/T 2260 name such as 新乡市 (overrides detection)"))
	fs.IntVar(&o.year, "year", 0, a.p.Sprintf("the year every input was delivered (overrides detection)"))
	fs.StringVar(&o.manifest, "manifest", "", a.p.Sprintf("a CSV file of path, region, year for inputs whose region or year the text does not tell"))
	fs.BoolVar(&o.strict, "strict", false, a.p.Sprintf("treat every warning as an error, and write nothing when an input fails"))
	fs.IntVar(&o.jobs, "jobs", 0, a.p.Sprintf("files read at once (0: one per CPU); the output is the same for any number"))
	a.catalogueFlag(fs, &o.catalogue)
	fs.StringVar(&o.corrections, "corrections", "", a.p.Sprintf("the analyst's corrections: a workbook whose 待核对 sheet was filled in, or a CSV with its columns"))
	return o
}

// readInputs reads every file the paths name (folders walked) into a
// report, telling errors and warnings on stderr as path: message; one
// failure never stops the others. Then it applies the analyst's
// corrections, each row that cannot be applied told as file:line:
// message, and checks the reports of each region against each other
// (extract.CheckAcross). err is an error of the command itself — a
// manifest or a corrections file that cannot be read — found before any
// input is read.
func (a *app) readInputs(paths []string, o inputOptions) (readSet, error) {
	inputs, failed, corrections, err := a.readAll(paths, o)
	if err != nil {
		return readSet{}, err
	}
	cat, _ := o.catalogueInForce()
	var reports []*model.Report
	for _, in := range inputs {
		if in.Report != nil {
			reports = append(reports, in.Report)
		}
	}
	var applied *export.AppliedCorrections
	if corrections != nil {
		applied = &export.AppliedCorrections{File: corrections, Result: evaluate.ApplyCorrections(reports, corrections.Rows)}
		errs := append(slices.Clone(corrections.Errors), applied.Result.Errors...)
		slices.SortStableFunc(errs, func(x, y *model.FileError) int {
			return cmp.Or(cmp.Compare(x.Path, y.Path), x.Line-y.Line)
		})
		for _, e := range errs {
			a.tell(a.describe("", e))
			failed = true
		}
		if n := len(applied.Result.Skipped); n > 0 {
			a.tell(a.p.Sprintf("%s: %d corrections are of reports this run did not read; kept for the runs that do", o.corrections, n))
		}
	}
	evaluate.CheckAcross(reports, cat)
	return readSet{inputs: inputs, failed: failed, corrections: applied}, nil
}

// readAll reads the inputs, and the corrections file before them.
func (a *app) readAll(paths []string, o inputOptions) (inputs []export.Input, failed bool, corrections *export.CorrectionFile, err error) {
	cat, err := o.catalogueInForce()
	if err != nil {
		return nil, false, nil, err
	}
	if o.corrections != "" {
		if corrections, err = export.ReadCorrections(o.corrections, cat); err != nil {
			return nil, false, nil, err
		}
	}
	overrides := map[string]document.ManifestEntry{}
	if o.manifest != "" {
		f, err := os.Open(o.manifest)
		if err != nil {
			return nil, false, nil, err
		}
		m, err := document.ReadManifest(o.manifest, f, filepath.Dir(o.manifest))
		f.Close()
		if err != nil {
			return nil, false, nil, err
		}
		for p, e := range m {
			overrides[pathKey(p)] = e
		}
	}
	files, walkErr := document.Inputs(paths)
	for _, e := range unjoin(walkErr) {
		path := ""
		var pe *fs.PathError
		if errors.As(e, &pe) {
			path, e = pe.Path, pe.Err
		}
		inputs = append(inputs, export.Input{Path: path, Err: e})
		failed = true
		a.tell(a.describe(path, e))
	}
	progress := a.startProgress(len(files))
	// A manifest's row that names no input is said: a mistyped path
	// would leave its report to be read without it.
	named := map[string]bool{}
	for _, f := range files {
		named[pathKey(f)] = true
	}
	for _, k := range sortedManifest(overrides) {
		if !named[k] {
			a.tell(fmt.Sprintf("%s:%d: %s", o.manifest, overrides[k].Line, a.p.Sprintf("no input is named %s", k)))
		}
	}
	results := readReports(files, o.jobs, func(path string) extract.Options {
		opts := extract.Options{Region: o.region, Year: o.year, Catalogue: cat, Explain: o.explain}
		if e, ok := overrides[pathKey(path)]; ok {
			if e.Region != "" {
				opts.Region = e.Region
			}
			if e.Year != 0 {
				opts.Year = e.Year
			}
		}
		return opts
	})
	for i, path := range files {
		in := <-results[i] // in order, whatever order they were read in
		progress.show(i, path)
		if in.Err != nil {
			in.Report = nil
			failed = true
			a.tell(a.describe(path, in.Err))
		} else {
			for _, w := range in.Report.Warnings {
				a.tell(a.warning(path, w))
			}
			if o.strict && len(in.Report.Warnings) > 0 {
				failed = true
			}
		}
		inputs = append(inputs, in)
	}
	progress.done()
	if a.markDuplicates(inputs) {
		failed = true
	}
	return inputs, failed, corrections, nil
}

// tell writes a line to stderr, clear of the progress line.
func (a *app) tell(line string) {
	if a.terminal && !a.quiet {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	fmt.Fprintln(a.stderr, escapeControls(line))
}

// escapeControls writes the control characters of a message (of a file's
// name: a terminal would act on them) as escapes, \x1b; line breaks and
// tabs stay.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, isEscaped) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isEscaped(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func isEscaped(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t' || r == '\u2028' || r == '\u2029'
}

// readReports reads files on jobs goroutines (0: one per CPU) and returns
// a channel per file that gives its input when it has been read. Reports
// are independent, so the inputs are the same for any number of jobs.
func readReports(files []string, jobs int, options func(path string) extract.Options) []chan export.Input {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	results := make([]chan export.Input, len(files))
	for i := range results {
		results[i] = make(chan export.Input, 1)
	}
	next := make(chan int)
	go func() {
		for i := range files {
			next <- i
		}
		close(next)
	}()
	mem := newBudget(inputBudget)
	for range min(jobs, len(files)) {
		go func() {
			for i := range next {
				in := export.Input{Path: files[i]}
				size := document.SizeLimit(files[i]) // a pipe's, whose size is not known
				if fi, err := os.Stat(files[i]); err == nil && fi.Mode().IsRegular() {
					size = fi.Size()
				}
				if ext := strings.ToLower(filepath.Ext(files[i])); ext == ".html" || ext == ".htm" {
					size *= 4 // a page's tree takes many times its bytes
				}
				took := mem.take(size)
				in.Report, in.Err = readReport(files[i], options(files[i]))
				mem.give(took)
				results[i] <- in
			}
		}()
	}
	return results
}

// readReport reads one file, refusing one too large to be a report before
// reading it — or, for a pipe or a device, whose size is not known
// before, as soon as it has read past the limit.
func readReport(path string, opts extract.Options) (*model.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := document.CheckSize(path, info.Size()); err != nil {
		return nil, err
	}
	limit := document.SizeLimit(path)
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, model.ReadError(path, fmt.Errorf("%w: more than the %d MB a report may have", document.ErrTooLarge, limit>>20))
	}
	return extract.Extract(path, data, opts)
}

// inputBudget bounds the bytes of the inputs read at once, whatever the
// number of jobs: reading takes some times its input's size in memory,
// and eight large web pages read together would take gigabytes.
const inputBudget = 256 << 20

// budget is a count of bytes that readers take before reading and give
// back after.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// take waits until n bytes are free, and takes them; more than the whole
// budget takes the whole budget.
func (b *budget) take(n int64) int64 {
	n = min(n, inputBudget)
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	return n
}

// give gives back what take took.
func (b *budget) give(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// duplicateError says an input repeats the region and year of an earlier
// one.
type duplicateError struct {
	region string
	year   int
	first  string
	same   bool // the figures agree
}

func (e *duplicateError) Error() string {
	if e.same {
		return fmt.Sprintf("the same %s %d report as %s; read once", e.region, e.year, e.first)
	}
	return fmt.Sprintf("another %s %d report, with figures different from %s; not used: keep the right one", e.region, e.year, e.first)
}

// markDuplicates finds reports of a region and year that an earlier input
// already gave. With the same figures the later one is read once only; with
// different figures neither silently wins: the later one is not used, and
// both files are named so the user can tell which is right. It reports
// whether any duplicate disagreed.
func (a *app) markDuplicates(inputs []export.Input) (disagreed bool) {
	type key struct {
		region string
		year   int
	}
	first := map[key]int{}
	for i := range inputs {
		rep := inputs[i].Report
		if rep == nil || rep.Region.Name == "" || rep.Year == 0 {
			continue
		}
		k := key{rep.Region.Label(), rep.Year}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		dup := &duplicateError{region: k.region, year: k.year, first: inputs[j].Path,
			same: slices.Equal(figures(inputs[j].Report), figures(rep))}
		disagreed = disagreed || !dup.same
		inputs[i].Report, inputs[i].Err = nil, dup
		a.tell(a.describe(inputs[i].Path, dup))
	}
	return disagreed
}

// figures lists a report's observations without their provenance.
func figures(rep *model.Report) []string {
	out := make([]string, len(rep.Observations))
	for i, o := range rep.Observations {
		out[i] = fmt.Sprint(o.Indicator, o.Measure, o.Year, o.Kind, o.Scope, export.FormatNumber(o.Value), export.FormatNumber(o.High), o.Unit, o.Qualifier)
	}
	slices.Sort(out)
	return out
}

// withPath says an error in English as place: message, for the JSON
// model: the place the error names, else path.
func withPath(path string, err error) string {
	var fe *model.FileError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return prefixed(path, pe.Err.Error())
	}
	return prefixed(path, err.Error())
}

// unjoin lists the errors an errors.Join put together.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// pathKey is how a path is compared with a manifest's: absolute, and
// without regard to case where the file system ignores it.
func pathKey(p string) string {
	a := absPath(p)
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.ToLower(a)
	}
	return a
}

// sortedManifest lists a manifest's paths in order of their lines.
func sortedManifest(m map[string]document.ManifestEntry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return m[a].Line - m[b].Line })
	return keys
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
