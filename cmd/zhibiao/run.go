package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"zhibiao/export"
	"zhibiao/extract"
)

// Set by the linker (see Makefile).
var (
	version = "dev"
	commit  = "none"
)

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1 // some input could not be read
	exitUsage = 2
)

const usage = `zhibiao reads Chinese government work reports and extracts their indicators.

Usage:
  zhibiao export [-o FILE] [--compare-year YEAR] [--as-of DATE] [--tolerance T] [--strict]
                 [--region NAME] [--year YEAR] [--manifest FILE] PATH...
  zhibiao extract [--format json|tsv] [--strict] [--region NAME] [--year YEAR] [--manifest FILE] PATH...

A PATH may be a folder: it is walked for .txt .md .html .htm .docx .pdf files.
  zhibiao indicators
  zhibiao version

Examples:
  zhibiao export -o 指标汇总.xlsx testdata/seeds/*.txt
  zhibiao extract --format tsv testdata/seeds/*.txt
  zhibiao extract --region 牧野区 --year 2024 report.txt
`

// errUsage marks errors the user fixes by changing the command line.
var errUsage = errors.New("usage")

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	status := exitOK
	switch args[0] {
	case "export":
		status, err = runExport(args[1:], stdout, stderr)
	case "extract":
		status, err = runExtract(args[1:], stdout, stderr)
	case "indicators":
		err = runIndicators(args[1:], stdout)
	case "version":
		fmt.Fprintf(stdout, "zhibiao %s (commit %s, catalogue %s)\n", version, commit, extract.DefaultCatalogue().Version)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		if errors.Is(err, errUsage) || errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stderr, usage)
			return exitUsage
		}
		return exitInput
	}
	return status
}

func runExtract(args []string, stdout, stderr io.Writer) (int, error) {
	fs := pflag.NewFlagSet("extract", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "json", "output format: json or tsv")
	region := fs.String("region", "", "the region of every input (overrides detection)")
	year := fs.Int("year", 0, "the report year of every input (overrides detection)")
	manifest := fs.String("manifest", "", "a CSV file of path, region, year for inputs whose region or year the text does not tell")
	strict := fs.Bool("strict", false, "treat every warning as an error")
	if err := fs.Parse(args); err != nil {
		return exitUsage, fmt.Errorf("%w: %v", errUsage, err)
	}
	if *format != "json" && *format != "tsv" {
		return exitUsage, fmt.Errorf("%w: --format must be json or tsv, not %q", errUsage, *format)
	}
	if fs.NArg() == 0 {
		return exitUsage, fmt.Errorf("%w: extract needs at least one PATH", errUsage)
	}
	inputs, failed, err := readInputs(fs.Args(), inputOptions{region: *region, year: *year, manifest: *manifest, strict: *strict}, stderr)
	if err != nil {
		return exitInput, err
	}
	model := &export.Model{}
	status := exitOK
	if failed {
		status = exitInput
	}
	for _, in := range inputs {
		if in.Err != nil {
			model.Errors = append(model.Errors, withPath(in.Path, in.Err))
			continue
		}
		model.Reports = append(model.Reports, in.Report)
	}
	model.Evaluations = extract.Evaluate(model.Reports, nil, 0)
	if model.Evaluations == nil {
		model.Evaluations = []extract.Evaluation{}
	}
	if *format == "tsv" {
		err = export.WriteTSV(stdout, model.Reports)
	} else {
		err = export.WriteJSON(stdout, model)
	}
	return status, err
}

func runIndicators(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: indicators takes no arguments", errUsage)
	}
	for _, ind := range extract.DefaultCatalogue().Indicators {
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Tier, ind.Group, ind.Name, ind.Unit, ind.Direction, strings.Join(ind.Aliases, "|"))
	}
	return nil
}
