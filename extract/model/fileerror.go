package model

import "fmt"

// FileError is a mistake in a file a user writes for zhibiao — a
// catalogue, a layout, a template — at a line, and where it is known a
// column, of it. The message is kept as a Warning, so that a user
// interface can say it in another language.
type FileError struct {
	Path string
	Col  int // 0 when only the line is known
	Warning
}

func (e *FileError) Error() string { return e.Where() + ": " + e.Message }

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

// ReadError is an error of reading a file of the user's, in the form
// path: message, whose cause stays an error to test with errors.Is.
type ReadError struct {
	Path string
	Err  error
}

func (e *ReadError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }
