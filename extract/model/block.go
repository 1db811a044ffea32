package model

// A Block is a piece of a document as its reader finds it: a line of a
// text file, a paragraph, heading, list item or table row of a web page or
// Word document, a line of a page of a PDF. Blocks carry their place in
// the user's document, so that every figure read from them can say where
// it stands.
type Block struct {
	Kind  BlockKind
	Level int // of a heading, 1–6; 0 when the document does not say
	Text  string
	// Page is the page of a PDF, from 1; 0 for other forms. Line is the
	// line of a text file or of a PDF's page, or the paragraph of a web
	// page or Word document, from 1; 0 for a break.
	Page, Line int
}

// BlockKind is what a block is.
type BlockKind uint8

// Kinds of blocks.
const (
	Paragraph BlockKind = iota // text; lines of one paragraph may be joined
	Heading                    // a heading: never joined to what is around it
	Item                       // an item of a list
	Row                        // a row of data of a table, its cells joined with "，"
	Break                      // the end of a paragraph: nothing is joined across it
)
