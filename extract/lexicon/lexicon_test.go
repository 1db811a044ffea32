package lexicon

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// roles are the roles the rules read, with whether a role's words may
// carry an argument (the kind of a region).
var roles = map[string]bool{
	"scope": true, "self": true, "opening": true, "neutral": false, "name": true,
	"review_of_year": false, "plan_of_year": false, "work_of_year": false,
	"own_before": false, "own_after": false,
	"filler": false, "growth": false, "decline": false, "reach": false, "change": false, "share": false,
	"level_word": false, "multi_year": false, "at_least": false, "at_most": false, "about": false,
	"suffix_about": false, "suffix_at_least": false, "suffix_at_most": false, "bound": false,
	"target_verb": false, "steady": false, "share_of_target": false, "addition": false,
	"year_lead": false, "qualitative": false, "rank_move": false, "rank_lead": false,
	"review": false, "plan": false, "goal": false, "goal_review": false, "plan_period": false, "nation_head": false,
	"conjunction": false, "cumulative": false, "flat": false, "flat_base": false, "outpace": false, "attributive": false, "area": false, "margin": false,
	"sub_scope": false, "sub_period": false, "other_subject": false, "look_alike": false,
}

// leadRoles are read in the words before a figure: a clause holding one
// of them must still speak of its subject, so each is also filler.
var leadRoles = []string{"growth", "decline", "reach", "change", "share", "level_word", "multi_year",
	"at_least", "at_most", "about", "bound", "target_verb", "steady"}

// kinds are the kinds of region a role's argument may name.
var kinds = []string{"国", "省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗"}

func TestDefaultLexicon(t *testing.T) {
	l := Default()
	for _, e := range l.Entries {
		where := "templates/lexicon.tsv:" + strconv.Itoa(e.Line) + ": " + e.Word
		for _, r := range e.Roles {
			takesArg, known := roles[r.Name]
			switch {
			case !known:
				t.Errorf("%s: unknown role %q", where, r.Name)
			case takesArg != (r.Arg != ""):
				t.Errorf("%s: role %s with argument %q", where, r.Name, r.Arg)
			case (r.Name == "scope" || r.Name == "self" || r.Name == "opening") && !slices.Contains(kinds, r.Arg):
				t.Errorf("%s: %s of unknown kind %q", where, r.Name, r.Arg)
			}
		}
		for _, lead := range leadRoles {
			if e.Has(lead) && !e.Has("filler") {
				t.Errorf("%s: a %s word that is not filler: a clause holding it would not be read", where, lead)
			}
		}
		if e.Has("filler") && (e.Has("sub_scope") || e.Has("other_subject") || e.Has("look_alike") || e.Has("sub_period")) {
			t.Errorf("%s: both filler and a word that blocks a subject", where)
		}
	}
	for role := range roles {
		if len(l.Words(role)) == 0 {
			t.Errorf("no word has the role %s, which the rules read", role)
		}
	}
	// Every kind has its scope word.
	for _, k := range kinds {
		found := false
		for _, args := range l.Args("scope") {
			found = found || slices.Contains(args, k)
		}
		if !found {
			t.Errorf("no scope word of kind %s", k)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"word\troles\n全年\tfiller\n全年\tgrowth\n", "x.tsv:3: 全年 listed twice (first on line 2)"},
		{"word\troles\n全年\n", "x.tsv:2: want a word, a tab and its roles"},
		{"word\troles\n全年\t \n", "x.tsv:2: want a word, a tab and its roles"},
	} {
		_, err := Parse("x.tsv", strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}

func TestList(t *testing.T) {
	l := NewListOf("增长", "增长率", "率")
	rs := []rune("全市增长率5%")
	if got := l.At(rs, 2); got != 3 {
		t.Errorf("At = %d, want the longest, 3", got)
	}
	if l.Index(rs) != 2 || l.Find(rs) != "增长率" || !l.In(rs) {
		t.Errorf("Index %d Find %q", l.Index(rs), l.Find(rs))
	}
	if l.At(rs, len(rs)) != 0 || l.At(rs, -1) != 0 {
		t.Error("At past the ends")
	}
	if got := l.Before(rs, 5); got != 3 {
		t.Errorf("Before = %d, want 3", got)
	}
	if l.In([]rune("地区生产总值")) {
		t.Error("found a word that is not there")
	}
}
