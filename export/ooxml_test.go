package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"zhibiao/extract/model"
)

// ooxmlChecker is the checker of workbooks beside the project: it
// validates an .xlsx against the ECMA-376 schemas and the repairs Excel is
// known to make.
const ooxmlChecker = "../../shared/tools/ooxml-check"

// ooxmlCheck writes a workbook to a file and fails the test when the
// checker finds an error in it. It skips without the checker or Debian's
// python3-lxml, and fails then in CI.
func ooxmlCheck(t *testing.T, name string, data []byte) {
	t.Helper()
	python := "/usr/bin/python3"
	if _, err := os.Stat(ooxmlChecker); err != nil {
		missingTool(t, "%s not found: the workbook is not checked against the OOXML schemas", ooxmlChecker)
	}
	if err := exec.Command(python, "-c", "import lxml").Run(); err != nil {
		missingTool(t, "%s has no lxml (apt-get install python3-lxml): the workbook is not checked against the OOXML schemas", python)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, ooxmlChecker, path).CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	summary := lines[len(lines)-1]
	if err != nil || !strings.Contains(summary, ": 0 errors") {
		t.Errorf("%s: %v\n%s", name, err, out)
	}
}

// TestWorkbooksAreExcelClean: every kind of workbook zhibiao writes passes
// the checker: the seeds' workbook, in excelize's model and streamed, one
// of many regions streamed, one with a 变更 sheet, a filled template.
func TestWorkbooksAreExcelClean(t *testing.T) {
	inputs := seedInputs(t)
	ooxmlCheck(t, "seeds.xlsx", writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf}))

	prev := previousOf(reportsOf(inputs[:2]))
	ooxmlCheck(t, "changes.xlsx", writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Previous: prev, PreviousName: "上月.xlsx"}))

	_, filled, _ := fillExample(t)
	ooxmlCheck(t, "filled.xlsx", filled)

	ooxmlCheck(t, "seeds-streamed.xlsx", writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, limits: limits{stream: true}}))
}

// Hooks for the tests of package export_test.
var (
	OOXMLCheck = ooxmlCheck
	// Streamed returns options that stream the sheets whatever their size.
	Streamed = func(opt WorkbookOptions) WorkbookOptions {
		opt.limits.stream = true
		return opt
	}
)

// reportsOf lists the reports of inputs.
func reportsOf(inputs []Input) []*model.Report {
	var out []*model.Report
	for _, in := range inputs {
		if in.Report != nil {
			out = append(out, in.Report)
		}
	}
	return out
}
