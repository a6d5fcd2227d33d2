package extractive

import (
	"testing"

	"github.com/talksbot/talksbot/bot/internal/prefilter"
)

// patternCase is a row of a pattern table: what an expression must find,
// and near misses it must not.
type patternCase struct {
	name        string
	re          func() *prefilter.Regexp
	match, miss []string
}

// groupCase is a row for a group a caller reads: the group's text in a
// match of text (group 0 is the whole match).
type groupCase struct {
	name  string
	re    func() *prefilter.Regexp
	text  string
	group int
	want  string
}

// checkPatterns runs a pattern table.
func checkPatterns(t *testing.T, cases []patternCase) {
	t.Helper()
	for _, c := range cases {
		for _, s := range c.match {
			if !c.re().MatchString(s) {
				t.Errorf("%s misses %q", c.name, s)
			}
		}
		for _, s := range c.miss {
			if m := c.re().FindString(s); m != "" || c.re().MatchString(s) {
				t.Errorf("%s matches %q (%q)", c.name, s, m)
			}
		}
	}
}

// checkGroups runs a table of groups.
func checkGroups(t *testing.T, cases []groupCase) {
	t.Helper()
	for _, c := range cases {
		m := c.re().FindStringSubmatch(c.text)
		switch {
		case m == nil || len(m) <= c.group:
			t.Errorf("%s does not match %q", c.name, c.text)
		case m[c.group] != c.want:
			t.Errorf("%s(%q) group %d = %q, want %q", c.name, c.text, c.group, m[c.group], c.want)
		}
	}
}
