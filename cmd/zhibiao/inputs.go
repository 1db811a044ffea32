package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"zhibiao/export"
	"zhibiao/extract"
)

// inputOptions are the command line's say on how inputs are read.
type inputOptions struct {
	region   string // overrides detection for every input
	year     int
	manifest string // a CSV of path, region, year
	strict   bool   // every warning is an error
}

// readInputs reads every file the paths name (folders walked) into a
// report, telling errors and warnings on stderr as path: message; one
// failure never stops the others. failed says whether any input failed (or,
// with strict, warned). err is an error of the command itself — a manifest
// that cannot be read — found before any input is read.
func readInputs(paths []string, o inputOptions, stderr io.Writer) (inputs []export.Input, failed bool, err error) {
	overrides := map[string]extract.ManifestEntry{}
	if o.manifest != "" {
		f, err := os.Open(o.manifest)
		if err != nil {
			return nil, false, fmt.Errorf("manifest: %w", err)
		}
		m, err := extract.ReadManifest(o.manifest, f, filepath.Dir(o.manifest))
		f.Close()
		if err != nil {
			return nil, false, err
		}
		for p, e := range m {
			overrides[absPath(p)] = e
		}
	}
	files, walkErr := extract.Inputs(paths)
	for _, e := range unjoin(walkErr) {
		path := ""
		var pe *fs.PathError
		if errors.As(e, &pe) {
			path, e = pe.Path, pe.Err
		}
		inputs = append(inputs, export.Input{Path: path, Err: e})
		failed = true
		fmt.Fprintln(stderr, withPath(path, e))
	}
	for _, path := range files {
		opts := extract.Options{Region: o.region, Year: o.year}
		if e, ok := overrides[absPath(path)]; ok {
			if e.Region != "" {
				opts.Region = e.Region
			}
			if e.Year != 0 {
				opts.Year = e.Year
			}
		}
		in := export.Input{Path: path}
		in.Report, in.Err = readReport(path, opts)
		if in.Err != nil {
			in.Report = nil
			failed = true
			fmt.Fprintln(stderr, withPath(path, in.Err))
		} else {
			for _, w := range in.Report.Warnings {
				fmt.Fprintln(stderr, warningLine(path, w))
			}
			if o.strict && len(in.Report.Warnings) > 0 {
				failed = true
			}
		}
		inputs = append(inputs, in)
	}
	if markDuplicates(inputs, stderr) {
		failed = true
	}
	return inputs, failed, nil
}

// readReport reads one file, refusing one too large to be a report before
// reading it.
func readReport(path string, opts extract.Options) (*extract.Report, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := extract.CheckSize(path, info.Size()); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return extract.Extract(path, data, opts)
}

// markDuplicates finds reports of a region and year that an earlier input
// already gave. With the same figures the later one is read once only; with
// different figures neither silently wins: the later one is not used, and
// both files are named so the user can tell which is right. It reports
// whether any duplicate disagreed.
func markDuplicates(inputs []export.Input, stderr io.Writer) (disagreed bool) {
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
		k := key{rep.Region.Name, rep.Year}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		prev := inputs[j]
		if slices.Equal(figures(prev.Report), figures(rep)) {
			inputs[i].Err = fmt.Errorf("the same %s %d report as %s; read once", k.region, k.year, prev.Path)
		} else {
			inputs[i].Err = fmt.Errorf("another %s %d report, with figures different from %s; not used: keep the right one", k.region, k.year, prev.Path)
			disagreed = true
		}
		inputs[i].Report = nil
		fmt.Fprintln(stderr, withPath(inputs[i].Path, inputs[i].Err))
	}
	return disagreed
}

// figures lists a report's observations without their provenance.
func figures(rep *extract.Report) []string {
	out := make([]string, len(rep.Observations))
	for i, o := range rep.Observations {
		out[i] = fmt.Sprint(o.Indicator, o.Measure, o.Year, o.Kind, o.Scope, export.FormatNumber(o.Value), export.FormatNumber(o.High), o.Unit, o.Qualifier)
	}
	slices.Sort(out)
	return out
}

func warningLine(path string, w extract.Warning) string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, w.Line, w.Message)
	}
	return fmt.Sprintf("%s: %s", path, w.Message)
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

// withPath makes an error read path: message, unless it already starts
// with the path.
func withPath(path string, err error) string {
	if path == "" {
		return err.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return fmt.Sprintf("%s: %v", path, pe.Err)
	}
	msg := err.Error()
	if len(msg) >= len(path) && msg[:len(path)] == path {
		return msg
	}
	return path + ": " + msg
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

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
