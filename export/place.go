package export

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// placeText says where a figure stands in its file, as a reader looks for
// it there: 第 12 行 of a text file, 第 3 段 of a web page or Word document
// (their paragraphs, counted from the top), 第 2 页第 7 行 of a PDF.
func placeText(file string, page, line int) string {
	switch {
	case page > 0:
		return fmt.Sprintf("第 %d 页第 %d 行", page, line)
	case byParagraph(file):
		return fmt.Sprintf("第 %d 段", line)
	}
	return fmt.Sprintf("第 %d 行", line)
}

// byParagraph reports whether the places of a file are its paragraphs.
func byParagraph(file string) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".docx", ".html", ".htm":
		return true
	}
	return false
}

// sourceRef is a file and a place in it for a list: path:line for a text
// file, as compilers write it, else the path and placeText.
func sourceRef(path string, page, line int) string {
	switch {
	case line <= 0:
		return path
	case page > 0 || byParagraph(path):
		return path + " " + placeText(path, page, line)
	}
	return path + ":" + strconv.Itoa(line)
}
