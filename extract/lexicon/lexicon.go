// Package lexicon holds the words the extractor's rules read, each with
// its roles (filler, at-least, growth verb, scope of a kind …), as data:
// templates/lexicon.tsv, one word a line. A rule asks for the words of a
// role, never spells them itself, so that adding a word is an edit to the
// table.
package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"zhibiao/templates"
)

// Role is one role of a word: a name (filler, scope …) and, for some, an
// argument (the kind of division a scope word speaks of: scope=市).
type Role struct {
	Name string
	Arg  string
}

func (r Role) String() string {
	if r.Arg == "" {
		return r.Name
	}
	return r.Name + "=" + r.Arg
}

// Entry is one word of the lexicon with its roles, and the line it is on.
type Entry struct {
	Word  string
	Roles []Role
	Line  int
}

// Has reports whether the entry has a role of the given name.
func (e Entry) Has(name string) bool {
	return slices.ContainsFunc(e.Roles, func(r Role) bool { return r.Name == name })
}

// Lexicon is every word with its roles, in the order of the file.
type Lexicon struct {
	Entries []Entry
	byRole  map[string][]int // entries by role name, in file order
}

// Parse reads a lexicon of the form of templates/lexicon.tsv: lines of a
// word, a tab and its roles separated by spaces; # starts a comment line.
// The first other line, "word\troles", names the columns. name is used in
// messages, as name:line: message.
func Parse(name string, r io.Reader) (*Lexicon, error) {
	l := &Lexicon{byRole: map[string][]int{}}
	sc := bufio.NewScanner(r)
	seen := map[string]int{}
	header := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, roles, ok := strings.Cut(line, "\t")
		if header {
			header = false
			if word == "word" {
				continue
			}
		}
		if !ok || word == "" || strings.TrimSpace(roles) == "" {
			return nil, fmt.Errorf("%s:%d: want a word, a tab and its roles", name, n)
		}
		if first, dup := seen[word]; dup {
			return nil, fmt.Errorf("%s:%d: %s listed twice (first on line %d): give it all its roles on one line", name, n, word, first)
		}
		seen[word] = n
		e := Entry{Word: word, Line: n}
		for _, f := range strings.Fields(roles) {
			role, arg, _ := strings.Cut(f, "=")
			e.Roles = append(e.Roles, Role{Name: role, Arg: arg})
		}
		for _, r := range e.Roles {
			if k := l.byRole[r.Name]; len(k) == 0 || k[len(k)-1] != len(l.Entries) {
				l.byRole[r.Name] = append(l.byRole[r.Name], len(l.Entries))
			}
		}
		l.Entries = append(l.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

// Words returns the words that have a role, in the order of the file.
func (l *Lexicon) Words(role string) []string {
	var out []string
	for _, i := range l.byRole[role] {
		out = append(out, l.Entries[i].Word)
	}
	return out
}

// Args returns the words that have a role, each with the arguments it
// has the role with (全区 → 区 and 自治区 for scope).
func (l *Lexicon) Args(role string) map[string][]string {
	out := map[string][]string{}
	for _, i := range l.byRole[role] {
		e := l.Entries[i]
		for _, r := range e.Roles {
			if r.Name == role {
				out[e.Word] = append(out[e.Word], r.Arg)
			}
		}
	}
	return out
}

// Roles lists the role names the lexicon uses, sorted.
func (l *Lexicon) Roles() []string {
	out := make([]string, 0, len(l.byRole))
	for r := range l.byRole {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Default is the built-in lexicon, templates/lexicon.tsv.
var Default = sync.OnceValue(func() *Lexicon {
	f, err := templates.Files.Open("lexicon.tsv")
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	defer f.Close()
	l, err := Parse("templates/lexicon.tsv", f)
	if err != nil {
		panic(err) // the built-in lexicon is checked by its tests
	}
	return l
})

// Words returns the words of a role in the built-in lexicon; it panics
// when none has it, which the lexicon's tests rule out for every role the
// rules ask for.
func Words(role string) []string {
	w := Default().Words(role)
	if len(w) == 0 {
		panic("lexicon: no word has the role " + role)
	}
	return w
}

// NewList returns a List of the words of a role in the built-in lexicon.
func NewList(role string) *List { return NewListOf(Words(role)...) }
