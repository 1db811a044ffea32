package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"zhibiao/export"
	"zhibiao/extract/evaluate"
)

// progress is the line that tells, on a terminal, how far a batch is.
type progress struct {
	a     *app
	total int
	on    bool
}

// startProgress starts a progress line for a batch of n files; there is
// none when stderr is not a terminal, with --quiet, or for a single file.
func (a *app) startProgress(n int) *progress {
	return &progress{a: a, total: n, on: a.terminal && !a.quiet && n > 1}
}

func (p *progress) show(i int, path string) {
	if p.on {
		fmt.Fprintf(p.a.stderr, "\r\033[K%s", p.a.p.Sprintf("[%d/%d] reading %s", i+1, p.total, escapeControls(filepath.Base(path))))
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.a.stderr, "\r\033[K")
	}
}

// summary writes the one line that ends a run: reports read, regions,
// observations, targets met and missed, warnings, and the output.
func (a *app) summary(inputs []export.Input, evals []evaluate.Evaluation, output string) {
	if a.quiet {
		return
	}
	var reports, failed, observations, warnings int
	regions := map[string]bool{}
	for _, in := range inputs {
		var dup *duplicateError
		if errors.As(in.Err, &dup) && dup.same {
			continue // the same report as another input: read once, not failed
		}
		if in.Report == nil {
			failed++
			continue
		}
		reports++
		regions[in.Report.Region.Label()] = true
		observations += len(in.Report.Observations)
		warnings += len(in.Report.Warnings)
	}
	var met, missed int
	for _, e := range evals {
		switch e.Status {
		case evaluate.Met:
			met++
		case evaluate.Missed:
			missed++
		}
	}
	line := a.p.Sprintf("%d reports read (%d failed), %d regions, %d observations; targets %d met, %d missed; %d warnings", reports, failed, len(regions), observations, met, missed, warnings)
	line += output // what became of the output, said by the caller
	fmt.Fprintln(a.stderr, escapeControls(line))
}
