package model

import (
	"fmt"
	"slices"
	"strings"
)

// FileError is the one shape of zhibiao's errors, after go/scanner's: a
// place in a file of the user's — a report, a catalogue, a layout, a
// manifest, a corrections file — and what is wrong there. The place is the
// path and, where known, the line and column. The message is a format and
// its arguments (the Warning), so that a user interface can say it in
// another language; Err, when set, is the cause, which errors.Is tests
// (document.ErrTooLarge, fs.ErrNotExist), and says what is wrong when there
// is no format.
type FileError struct {
	Path string
	Col  int // 0 when only the line is known
	Warning
	Err error
}

// Error is path:line:col: message, in English.
func (e *FileError) Error() string {
	switch {
	case e.Format == "" && e.Message == "" && e.Err != nil:
		return e.Where() + ": " + e.Err.Error()
	case e.Err != nil:
		return e.Where() + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Where() + ": " + e.Message
}

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// Where is path:line:col, path:line or path.
func (e *FileError) Where() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return e.Path
}

// Errorf makes the error of a format and its arguments at a line of a file.
func Errorf(path string, line int, format string, args ...any) *FileError {
	return &FileError{Path: path, Warning: Warnf(line, format, args...)}
}

// Because sets the cause of an error and returns it.
func (e *FileError) Because(err error) *FileError {
	e.Err = err
	return e
}

// ReadError is the error of a file that could not be read at all, its
// cause saying why; a cause that names its own place already is that
// error itself.
func ReadError(path string, err error) *FileError {
	if fe, ok := err.(*FileError); ok {
		return fe
	}
	return &FileError{Path: path, Err: err}
}

// ErrorList is a list of errors of files, as go/scanner's: sorted by
// place, it is an error itself, the first one's and how many follow.
type ErrorList []*FileError

// Sort orders the errors by path, line and column.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *FileError) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}

// Error says the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}
