package document

import (
	"bytes"
	"zhibiao/extract/model"
	"zhibiao/internal/cleanup"

	// The package has a type of its own named context.
	gocontext "context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds on running pdftotext.
const (
	pdfTimeout   = 2 * time.Minute
	pdfMaxOutput = 256 << 20 // bytes of text; a long report has a few hundred KiB
	pdfMaxStderr = 4 << 10
)

// pdfToText is the program that turns a PDF into text: pdftotext of
// poppler-utils.
const pdfToText = "pdftotext"

// readPDF reads the text of a PDF with pdftotext -layout. pdftotext reads
// files, so the bytes are written to a temporary file first, removed
// afterwards.
//
// The layout mode keeps the reading order of a page but puts spaces inside
// lines and breaks lines in the middle of sentences; the normaliser drops
// those spaces and joins those lines. readPDF joins the pages, dropping
// the page numbers printed at the top or foot of a page (“— 3 —”, 第3页),
// so that a sentence running over a page break reads as one.
func readPDF(data []byte) (Document, error) {
	tool, err := exec.LookPath(pdfToText)
	if err != nil {
		return Document{}, ErrNoPDFTool
	}
	f, err := os.CreateTemp("", "zhibiao-*.pdf")
	if err != nil {
		return Document{}, fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}
	defer os.Remove(f.Name())
	defer cleanup.Add(func() { os.Remove(f.Name()) })()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return Document{}, fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}
	if err := f.Close(); err != nil {
		return Document{}, fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}

	ctx, cancel := gocontext.WithTimeout(gocontext.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", f.Name(), "-")
	stdout := &cappedBuffer{max: pdfMaxOutput}
	stderr := &cappedBuffer{max: pdfMaxStderr, truncate: true}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 5 * time.Second
	ownGroup(cmd)
	if err = cmd.Start(); err == nil {
		// Stopped, the run kills pdftotext and whatever it started.
		forget := cleanup.Add(func() { killGroup(cmd) })
		err = cmd.Wait()
		forget()
	}
	switch {
	case errors.Is(ctx.Err(), gocontext.DeadlineExceeded):
		return Document{}, fmt.Errorf("pdftotext: gave up after %v", pdfTimeout)
	case stdout.over:
		return Document{}, fmt.Errorf("%w: the PDF's text is more than %d MiB", ErrTooLarge, pdfMaxOutput>>20)
	case err != nil:
		msg := strings.ReplaceAll(stderr.String(), f.Name(), "the PDF")
		if strings.Contains(msg, "Incorrect password") {
			return Document{}, fmt.Errorf("%w: the PDF needs a password to open; remove it and save the PDF again", ErrEncrypted)
		}
		if line := pdfErrorLine(msg); line != "" {
			return Document{}, fmt.Errorf("pdftotext cannot read the PDF (%v): %s", err, line)
		}
		return Document{}, fmt.Errorf("pdftotext cannot read the PDF: %w", err)
	}

	out := stdout.Bytes()
	invalid := 0
	if !utf8.Valid(out) {
		invalid = countInvalidUTF8(out)
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	blocks := pdfBlocks(string(out))
	if !hasText(blocks) {
		return Document{}, fmt.Errorf("%w: the PDF has no text layer, only pictures of pages (a scan); it needs OCR first", ErrNoText)
	}
	return Document{Blocks: blocks, Invalid: invalid}, nil
}

// pdfErrorLine picks the line of pdftotext's messages that says what went
// wrong: the first error, else the first line.
func pdfErrorLine(msg string) string {
	var first string
	for line := range strings.SplitSeq(msg, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.Contains(line, "Error"):
			return line
		case first == "":
			first = line
		}
	}
	return first
}

// pdfPageNumber matches a line that holds only a page number: 3, - 3 -,
// — 3 —, 第3页, 第3页 共20页, 3/20.
var pdfPageNumber = regexp.MustCompile(`^[\s\x{3000}]*(?:[-—–－]+[\s\x{3000}]*)?(?:\d{1,4}|第[\s\x{3000}]*\d{1,4}[\s\x{3000}]*页(?:[\s\x{3000}]*[,，/]?[\s\x{3000}]*共[\s\x{3000}]*\d{1,4}[\s\x{3000}]*页)?|\d{1,4}[\s\x{3000}]*/[\s\x{3000}]*\d{1,4})(?:[\s\x{3000}]*[-—–－]+)?[\s\x{3000}]*$`)

// pdfBlocks turns pdftotext's pages, ended by form feeds, into blocks, a
// line each, read as a line of plain text is (a line that opens with a
// bullet "- " is a list item), with its page and its line on the page: the blank lines at
// the top and foot of each page and a page number standing alone on the
// first or last line are dropped, and the pages follow one another, so
// that a sentence running over a page break reads as one.
func pdfBlocks(s string) []model.Block {
	pages := strings.Split(s, "\f")
	var out []model.Block
	for p, page := range pages {
		lines := strings.Split(page, "\n")
		first := 0 // the index on the page of lines[0]
		trim := func() {
			for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
				lines = lines[1:]
				first++
			}
			for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
				lines = lines[:len(lines)-1]
			}
		}
		trim()
		if len(pages) > 1 {
			if len(lines) > 0 && pdfPageNumber.MatchString(lines[len(lines)-1]) {
				lines = lines[:len(lines)-1]
			}
			if len(lines) > 0 && pdfPageNumber.MatchString(lines[0]) {
				lines = lines[1:]
				first++
			}
			trim()
		}
		for i, l := range lines {
			b := markdownLine(strings.TrimRight(l, " \t\r"))
			b.Page, b.Line = p+1, first+i+1
			out = append(out, b)
		}
	}
	return out
}

// countInvalidUTF8 counts the bytes of p that are not part of valid UTF-8.
func countInvalidUTF8(p []byte) int {
	n := 0
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		p = p[size:]
	}
	return n
}

// cappedBuffer is a buffer that takes at most max bytes: past them it
// fails the write, which stops the program writing to it, or with truncate
// keeps the first max bytes and drops the rest. It is a Writer only: a
// bytes.Buffer inside it would give it ReadFrom, which io.Copy prefers to
// Write and which knows no cap.
type cappedBuffer struct {
	buf      bytes.Buffer
	max      int
	truncate bool
	over     bool
}

var errOutputCapped = errors.New("output past its limit")

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); len(p) > room {
		if !b.truncate {
			b.over = true
			return 0, errOutputCapped
		}
		b.buf.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return b.buf.Write(p)
}

// Bytes returns what was written, up to the cap.
func (b *cappedBuffer) Bytes() []byte { return b.buf.Bytes() }

// String returns what was written, up to the cap.
func (b *cappedBuffer) String() string { return b.buf.String() }
