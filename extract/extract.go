// Package extract reads the text of Chinese government reports and finds
// their economic indicators: last year's results and this year's targets.
//
// The pipeline is decode (bytes → text), normalise (text → lines that can be
// matched), region and year detection, sections (review or plan), clauses
// (the figures of one statement) and deduplication. Every observation keeps
// the phrase it came from, in the source's own script, and its line.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/divisions"
	"zhibiao/extract/document"
	"zhibiao/extract/internal/runeset"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// Options change how a report is read.
type Options struct {
	Region    string               // overrides the detected region when not empty
	Year      int                  // overrides the detected report year when not zero
	Catalogue *catalogue.Catalogue // nil means the built-in catalogue
	Explain   bool                 // keep, sentence by sentence, what was taken and what was not
}

// reader holds what reading one report needs.
type reader struct {
	cat        *catalogue.Catalogue
	text       *text.Text
	reportYear int
	late       bool                 // delivered late in the year before: its 今年 is the year reviewed
	kind       divisions.Kind       // the kind of the region (市, 县 …)
	above      []divisions.Division // the regions it lies in, nearest first
	extra      [][]rune             // the region's own names and scope words, read as filler
	out        []candidate
	seen       map[model.ObservationKey]int // index in out of each key
	others     map[int][]model.Observation  // by index in out: the key's other statements
	explain    bool                         // keep sentences
	sentences  []model.Sentence             // with explain: each sentence's observations and declines
	review     []model.ReviewItem           // sentences left unread
	doubts     []model.ReviewItem           // figures left out on purpose, an item if the report has no other

	// What reading a sentence needs, kept from one sentence to the next.
	starts   runeset.Filter // where splitClauses may find something: clauseStarts and the aliases'
	contexts []context      // of the paragraphs
	clauses  []clause
	tookOf   []string // room for the indicators a sentence took
	// Room for a sentence's declines, when they are not kept (explain).
	declines   []model.Decline
	declinedAt []int
	dropped    int // review items past maxItems
	items      []item
	subjects   []subject
	lists      []*subject
}

// readers keep the slices and the map that reading a report fills, for
// the reports read next. BenchmarkExtract says what this buys: without it
// a report allocates twice the bytes (450 KB against 230 KB) and reads
// some 15% slower.
var readers = sync.Pool{New: func() any { return new(reader) }}

// release gives r back to readers, emptied. The candidates are cleared, as
// they hold strings of the report's text. A reader made large by an
// unusual report, a sentence of thousands of items (a sentence has some
// dozens) or tens of thousands of paragraphs (a report has hundreds), is
// left to the collector.
func (r *reader) release() {
	if cap(r.items) > 1<<12 || cap(r.contexts) > 1<<16 {
		return
	}
	clear(r.out)
	clear(r.seen)
	clear(r.others)
	*r = reader{out: r.out[:0], seen: r.seen, others: r.others, tookOf: r.tookOf[:0], declines: r.declines[:0], declinedAt: r.declinedAt[:0], contexts: r.contexts[:0], clauses: r.clauses[:0], items: r.items[:0], subjects: r.subjects[:0], lists: r.lists[:0]}
	readers.Put(r)
}

func (r *reader) isFiller(rs []rune) bool { return isFiller(rs, r.extra) }

// thisYear is the year a report speaks in, its 今年: the year it was
// delivered, or the year before for a report delivered late in that year
// for the year to come.
func (r *reader) thisYear() int {
	if r.late {
		return r.reportYear - 1
	}
	return r.reportYear
}

// add records a candidate unless the report already has its key: the first
// mention wins, except that an exact value later in the same sentence beats
// a bound (突破3000亿元、达到3126亿元 → 3126), and a statement in the section
// of its kind (an actual in the review) beats one out of it (last year's
// growth recalled in the plan).
func (r *reader) add(c candidate) {
	k := c.Key()
	i, seen := r.seen[k]
	if !seen {
		if r.seen == nil {
			// A report has some dozens of observations: room for them
			// spares growing the map and the slice step by step.
			const some = 64
			r.seen = make(map[model.ObservationKey]int, some)
			r.out = make([]candidate, 0, some)
		}
		r.seen[k] = len(r.out)
		r.out = append(r.out, c)
		return
	}
	first := r.out[i]
	switch {
	case first.sentence == c.sentence && first.Qualifier != model.Exact && first.Qualifier != model.Qualitative && c.Qualifier == model.Exact:
		r.out[i] = c
	case !first.matching && c.matching:
		r.out[i] = c
		r.other(i, first.Observation)
	default:
		r.other(i, c.Observation)
	}
}

// other keeps a statement of the key of out[i] that is not kept, to be
// compared with the one kept.
func (r *reader) other(i int, o model.Observation) {
	if r.others == nil {
		r.others = map[int][]model.Observation{}
	}
	if len(r.others[i]) < maxOthers {
		r.others[i] = append(r.others[i], o)
	}
}

// maxOthers bounds the other statements of a key kept: a report states a
// figure a few times, not hundreds.
const maxOthers = 8

// Extract reads one report from its bytes: plain text, Markdown, a web
// page, a Word document or a PDF, told by path's extension. path is used for
// the report's source and for messages. It returns an error, as
// "path: message", only when the input cannot be read as text at all;
// doubts about the content are warnings in the report.
func Extract(path string, data []byte, opts Options) (*model.Report, error) {
	if err := document.CheckSize(path, int64(len(data))); err != nil {
		return nil, err
	}
	doc, err := document.ReadDocument(path, data)
	if err != nil {
		return nil, model.ReadError(path, err)
	}
	if size := doc.Size(); size > document.MaxText {
		return nil, model.ReadError(path, fmt.Errorf("%w: %d MB of text, more than a report's %d MB", document.ErrTooLarge, size>>20, document.MaxText>>20))
	}
	sum := sha256.Sum256(data)
	w := textWriters.Get().(*text.Writer)
	text := w.Normalise(doc.Blocks)
	rep := &model.Report{Source: model.Source{
		Path:     path,
		SHA256:   hex.EncodeToString(sum[:]),
		Format:   doc.Format,
		Encoding: doc.Encoding,
		Script:   "simplified",
	}}
	if text.Traditional() {
		rep.Source.Script = "traditional"
	}
	if doc.Invalid > 0 {
		rep.Warnings = append(rep.Warnings, model.Warnf(0, "%d bytes could not be decoded as %s and were replaced", doc.Invalid, doc.Encoding))
	}
	err = readText(rep, text, opts)
	// The report keeps strings of the text's source, not its runes.
	if w.Small() {
		textWriters.Put(w)
	}
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// textWriters keep the arrays of the texts Extract has read for the texts
// it reads next, which spares allocating and clearing them for every
// report: without it a report allocates three times the bytes (700 KB)
// and reads some 15% slower (BenchmarkExtract).
var textWriters = sync.Pool{New: func() any { return new(text.Writer) }}

// ReadText fills a report from its decoded text, plain or Markdown:
// region, year, title and observations. It returns an error, as a
// *FileError of the report's path, when the text does not settle the
// report's region or year and the options do not give them.
func ReadText(rep *model.Report, decoded string, opts Options) error {
	return ReadBlocks(rep, document.TextBlocks(decoded), opts)
}

// ReadBlocks is ReadText of a document's blocks.
func ReadBlocks(rep *model.Report, blocks []model.Block, opts Options) error {
	return readText(rep, text.Normalise(blocks), opts)
}

// readText is ReadText of the normalised text.
func readText(rep *model.Report, text *text.Text, opts Options) error {
	cat := opts.Catalogue
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	rep.Title = title(text)
	late, err := detect(rep, text, opts)
	if err != nil {
		return err
	}

	r := readers.Get().(*reader)
	defer r.release()
	r.cat, r.text, r.reportYear, r.late, r.explain = cat, text, rep.Year, late, opts.Explain
	r.kind, r.above = regionKind(rep.Region), ancestors(rep.Region)
	r.starts.Union(clauseStarts, cat.FirstRunes())
	r.extra = ownWords(rep.Region)
	if rep.Year != 0 {
		ctxs := r.sections()
		n := 0
		for i := range text.Paragraphs {
			p := &text.Paragraphs[i]
			topic, after := paragraphTopic(p.Runes)
			forSentences(p.Runes, func(s, e, whole int) {
				// A year opening the sentence (到2030年,…;…) holds up to its 。
				t := ""
				if s >= after {
					t = topic
				}
				r.readSentence(p, s, e, ctxs[i].at(s, r.reportYear), n, sentenceYear(p.Runes[whole:e], r.thisYear()), t)
				n++
			})
		}
	}
	rep.Observations = make([]model.Observation, 0, len(r.out))
	for i, c := range r.out {
		ind := cat.Indicator(c.Indicator)
		if ind != nil && ind.Disabled {
			continue // switched off in the catalogue
		}
		if ind != nil && ind.Tier == "core" {
			r.conflict(&c.Observation, r.others[i])
			if c.topic != "" {
				c.Flag(model.ReviewScope)
				r.addItem(model.NewReviewItem(&c.Observation, model.ReviewScope, model.Warnf(c.Line, "its paragraph opens on %s: the figure may be of that part, not of the whole region", c.topic)))
			}
		}
		// The phrase is a copy, not a slice of the text: a run over
		// thousands of reports keeps their figures, not their texts.
		c.Text = strings.Clone(c.Text)
		rep.Observations = append(rep.Observations, c.Observation)
	}
	r.settleDoubts(rep.Observations)
	r.reviewReport(rep)
	rep.Title = strings.Clone(rep.Title)
	rep.Review = make([]model.ReviewItem, 0, len(r.review))
	for _, it := range r.review {
		it.Text = strings.Clone(it.Text)
		rep.Review = append(rep.Review, it)
	}
	rep.Sentences = r.sentences
	if r.dropped > 0 {
		rep.Warnings = append(rep.Warnings, model.Warnf(0, "%d more review items not listed: a report with so many is not one to review figure by figure", r.dropped))
	}
	if len(rep.Observations) == 0 {
		rep.Warnings = append(rep.Warnings, model.Warnf(0, "no figures of the catalogue's indicators found"))
	}
	return nil
}

// forSentences calls fn with the bounds of each sentence of rs, cut at
// 。!? and at semicolons; whole is where the sentence up to its 。 began.
// A stretch longer than any sentence (a text without its stops) is cut at
// commas into pieces of at most maxSentence runes, so that reading it
// takes memory in proportion to a sentence, not to the text.
func forSentences(rs []rune, fn func(s, e, whole int)) {
	s, whole := 0, 0
	emit := func(s, e, whole int) {
		for e-s > maxSentence {
			cut := s + maxSentence
			for k := cut - 1; k > s+maxSentence/2; k-- {
				if rs[k] == ',' || rs[k] == '，' {
					cut = k
					break
				}
			}
			fn(s, cut, whole)
			s = cut + 1
		}
		if e > s {
			fn(s, e, whole)
		}
	}
	for i, r := range rs {
		switch r {
		case '。', ';', '!', '?', '；', '！', '？':
			if i > s {
				emit(s, i, whole)
			}
			s = i + 1
			if r != ';' && r != '；' {
				whole = s
			}
		}
	}
	if s < len(rs) {
		emit(s, len(rs), whole)
	}
}

// maxSentence is the most runes read as one sentence; a sentence of a
// report has some hundreds.
const maxSentence = 2000

// title returns the report's title: the first line, or run of short lines
// (a title broken over lines), that names a report (政府工作报告, …计划的报告),
// else the first heading, else the first line.
func title(t *text.Text) string {
	ps := t.Paragraphs
	for i := 0; i < len(ps) && i < 30; i++ {
		end := i
		for end < len(ps) && end < i+4 && len(ps[end].Runes) <= 40 && !containsWord(ps[end].Runes, "。") {
			if k := lastIndexWord(ps[end].Runes, "报告"); k >= 0 && len(ps[end].Runes)-k-2 <= 4 {
				var parts []string
				for k := i; k <= end; k++ {
					parts = append(parts, t.Quote(&ps[k], 0, len(ps[k].Runes)))
				}
				return strings.Join(parts, "")
			}
			end++
		}
	}
	for i := 0; i < len(ps) && i < 30; i++ {
		if ps[i].Heading {
			return t.Quote(&ps[i], 0, len(ps[i].Runes))
		}
	}
	if len(ps) > 0 {
		return t.Quote(&ps[0], 0, min(len(ps[0].Runes), 60))
	}
	return ""
}
