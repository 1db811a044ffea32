package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Positions in a JSON text, so that a mistake in a file a user edits is
// reported at its line and column. encoding/json reports a byte offset for
// syntax and type errors and none for an unknown field; jsonIndex walks the
// text once more to find where each value and key starts.

// jsonIndex records where the values of a JSON text start, by path
// (regions.groups[0].rows[1]), and the first object key the Go type
// decoded into does not have.
type jsonIndex struct {
	text    string
	values  map[string]int // start of each value, by path
	ends    map[int]int    // start of each scalar value, by its end
	unknown string         // path of the first unknown key
	keyAt   int            // its start
}

// indexJSON walks a JSON text that decodes into a value of type t.
func indexJSON(text string, t reflect.Type) (*jsonIndex, error) {
	ix := &jsonIndex{text: text, values: map[string]int{}, ends: map[int]int{}, keyAt: -1}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := ix.value(dec, "", t); err != nil {
		return nil, err
	}
	return ix, nil
}

// skip returns the offset of the next token from off: past spaces, and the
// colons and commas between tokens.
func (ix *jsonIndex) skip(off int) int {
	for off < len(ix.text) && strings.IndexByte(" \t\r\n:,", ix.text[off]) >= 0 {
		off++
	}
	return off
}

func (ix *jsonIndex) value(dec *json.Decoder, path string, t reflect.Type) error {
	start := ix.skip(int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	ix.values[path] = start
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			keyStart := ix.skip(int(dec.InputOffset()))
			k, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			p := joinPath(path, key)
			ft, known := fieldType(t, key)
			if !known && ix.keyAt < 0 {
				ix.unknown, ix.keyAt = p, keyStart
			}
			if err := ix.value(dec, p, ft); err != nil {
				return err
			}
		}
		_, err = dec.Token()
	case json.Delim('['):
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t != rawMessage {
			et = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := ix.value(dec, fmt.Sprintf("%s[%d]", path, i), et); err != nil {
				return err
			}
		}
		_, err = dec.Token()
	default:
		ix.ends[int(dec.InputOffset())] = start
	}
	return err
}

var rawMessage = reflect.TypeFor[json.RawMessage]()

// fieldType returns the type of the field of struct type t that key names,
// as encoding/json matches them (exactly, else ignoring case), and whether
// there is one. Keys of anything other than a struct are all known.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	if t == nil || t.Kind() != reflect.Struct {
		return nil, true
	}
	var loose reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, true
		}
		if strings.EqualFold(name, key) && loose == nil {
			loose = f.Type
		}
	}
	return loose, loose != nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// lineCol turns an offset of text into a line and a column, both from 1;
// columns count characters, as an editor shows them.
func lineCol(text string, off int) (line, col int) {
	off = max(0, min(off, len(text)))
	before := text[:off]
	line = 1 + strings.Count(before, "\n")
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCountInString(before[lineStart:])
}

// errTrailing says that a JSON text goes on after its value.
var errTrailing = errors.New("text after the end")

// decodeStrict decodes a JSON text into v, rejecting unknown fields and
// anything after the value. On failure it returns the offset of the
// mistake, and the error.
func decodeStrict(text string, v any) (int, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		off := int(dec.InputOffset())
		for off < len(text) && strings.IndexByte(" \t\r\n", text[off]) >= 0 {
			off++
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return off, errTrailing
		}
		return 0, nil
	case errors.As(err, &se):
		return max(0, int(se.Offset)-1), err
	case errors.As(err, &te):
		return int(te.Offset), err
	}
	return len(text), err
}
