package prefilter

import (
	"regexp"
	"slices"
	"testing"
)

func TestRequired(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // the literals read; nil: no filter
	}{
		{`\bhow (?:many|much)\b`, []string{"how m"}},                          // the parser factors the common prefix
		{`\b(summar\w*|tl;? ?dr|recap)\b`, []string{"summar", "tl", "recap"}}, // each alternative's best part
		{`(?i)\b(agreed|deal)\b`, []string{"agreed", "deal"}},                 // folded to lower case
		{`^(?:\w+ ){0,3}when\b`, []string{"when"}},                            // a part that needs nothing is passed over
		{`\d+ (hours?|days?)`, []string{"hour", "day"}},                       // the optional s is not needed
		{`\bwho\b|\d+`, nil},       // an alternative that needs no literal
		{`a*`, nil},                // nothing needed
		{`(?i)café`, nil},          // a folded non-ASCII letter
		{`x{2,3}`, []string{"xx"}}, // a repeat at least twice: its copies are one literal
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			re := MustCompile(tt.pattern)
			var got []string
			for _, l := range re.need {
				got = append(got, l.s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("literals of %s: got %q, want %q", tt.pattern, got, tt.want)
			}
			if re.Filtered() != (tt.want != nil) {
				t.Errorf("Filtered() = %v", re.Filtered())
			}
		})
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, lit string
		want   bool
	}{
		{"The Kremlin said", "kremlin", true},
		{"THE KREMLIN", "kremlin", true},
		{"kremli", "kremlin", false},
		{"aKremlin", "kremlin", true},
		{"kkremlin", "kremlin", true}, // a first byte that fails, then one that matches
		{"K", "k", true},
		{"", "k", false},
		{"abc", "", true},
	}
	for _, tt := range tests {
		if got := containsFold(tt.s, tt.lit); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.lit, got, tt.want)
		}
	}
}

// FuzzNeverRejectsAMatch checks the filter against the expression on any
// text, for patterns of the shapes the answerer writes.
func FuzzNeverRejectsAMatch(f *testing.F) {
	patterns := []string{
		`\bhow (many|much)\b`,
		`(?i)\b(agreed|decided|signed|deal|accord)\b`,
		`(?i)\b(in (response|protest)|react(?:s|ed)|critici[sz]\w*)\b`,
		`^(?:\w+ ){0,3}(?:what (happened|went on)|(outline))\b|\bthe (outcome|upshot) of\b`,
		`(?i)[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:%|(percent|dollars?)\b)|\b(million|billion)\b`,
		`(?i)\bstress\b|\bask\b`,
		`(?i)sk`,
		`(?i)ks?`,
	}
	for _, s := range []string{"How many", "they AGREED", "in Protest", "what happened to it", "$5", "40 Percent", "\u212a", "\u017fK", "STRESS", "o\u017fk"} {
		f.Add(s)
	}
	res := make([]*regexp.Regexp, len(patterns))
	pres := make([]*Regexp, len(patterns))
	for i, p := range patterns {
		res[i], pres[i] = regexp.MustCompile(p), MustCompile(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, p := range patterns {
			if got, want := pres[i].MatchString(s), res[i].MatchString(s); got != want {
				t.Errorf("%s on %q: filtered %v, plain %v", p, s, got, want)
			}
		}
	})
}
