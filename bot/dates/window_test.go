package dates

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// windowSentences are sentences whose matches the stretches around key
// words must find as the whole sentence does: each rule's widest reach,
// case, punctuation after a match, words that look like key words, and the
// letters that (?i) matches with ASCII ones.
var windowSentences = []string{
	"As of  March\t3 ,  2025, the talks resumed.",
	"They met as of the 3rd of Feb., 2025 in Riyadh.",
	"Officials said in early-March 2025 that the deal held.",
	"It happened in late Sept. and again earlier last March.",
	"Talks resumed on the 3rd, and again on the 14th of MARCH.",
	"The ministers met mid-March; exports fell in mid-2024.",
	"The figures of 2025-03-24 were revised; 2000 troops left in 1999.",
	"They will meet next Tuesday, this past Sunday’s meeting and Monday's evening session aside.",
	"A week later, two days earlier, 3 months after, the day before, later that same day.",
	"The night before, the following weekend, the same year, that morning.",
	"In the first half of April 2025, by the end of the week, at the start of 2026, in the 2nd half of next month.",
	"Earlier today, last night, this afternoon’s talks and tomorrow's vote.",
	"Earlier this week, later last month, next year’s budget, last weekend.",
	"Three weeks ago, 12 days ago, a year ago.",
	"Updated 11:40 GMT, at 9.30am, 23:59 UTC.",
	"The Marco Mayday Sunday2 March3 2_025 Feb_ 12thx 123rd 2025a a2025 Tuesdays.",
	"On Auguſt 3 the Kelvin K and ſeptember 9 and ſunday, laſt week.",
	"Monday",
	"March 3",
	"",
	"—on Tuesday—(March 4)“Wednesday”",
	"in  the\tfirst\nhalf of\r\nApril",
}

// TestWindowsMatchAsWhole checks that every rule finds around its key words
// exactly the matches its expression finds in the whole sentence, on the
// sentences above, every sentence of the built-in articles and, with
// -corpus DIR, of a corpus directory.
func TestWindowsMatchAsWhole(t *testing.T) {
	sentences := append(append([]string(nil), windowSentences...), corpusSentences(t)...)
	for _, s := range sentences {
		checkWindows(t, s)
	}
}

// TestWindowsOnDateWords checks TestWindowsMatchAsWhole's property on
// random strings of the words and separators the rules' expressions are
// made of, where the reaches are tested hardest.
func TestWindowsOnDateWords(t *testing.T) {
	vocab := strings.Fields("as of on by in the a of this that same last next past coming earlier later early late mid " +
		"first second latter 1st 2nd half start beginning end middle close until since before after during around " +
		"January Feb Feb. Sept SEPT may May March mar Tuesday Sunday’s Monday's morning night evening today yesterday overnight " +
		"day days week weekend weeks month months year years ago two three 3 3rd 21st 12 2025 1999 2_0 x")
	seps := []string{" ", " ", " ", "  ", ", ", ",", "-", ".", "\t", "\n", "’", "'s ", "; ", "—"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(14) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		checkWindows(t, b.String())
	}
}

// FuzzWindows checks TestWindowsMatchAsWhole's property on any text.
func FuzzWindows(f *testing.F) {
	for _, s := range windowSentences {
		f.Add(s)
	}
	f.Fuzz(checkWindows)
}

func checkWindows(t *testing.T, s string) {
	w := wordsOf(s, nil, nil)
	for i, r := range rules {
		want := r.re().FindAllStringSubmatchIndex(s, -1)
		if got := w.matches(i, s, foldASCII(s, nil)); !reflect.DeepEqual(got, want) {
			t.Errorf("rule %s in %q: around key words %v, whole sentence %v", r.name, s, got, want)
		}
	}
}

// TestWindowedExpressionsLookNoFurther checks that the expressions run
// around key words make no test but \b outside their match (see
// windowMatches): no ^, $, \A, \z or \B.
func TestWindowedExpressionsLookNoFurther(t *testing.T) {
	for _, r := range rules {
		if r.keys == nil {
			continue
		}
		if src := r.re().String(); strings.ContainsAny(src, "^$") || strings.Contains(src, `\A`) || strings.Contains(src, `\z`) || strings.Contains(src, `\B`) {
			t.Errorf("rule %s: %s", r.name, src)
		}
	}
}

// TestFoldedRE checks that every rule run around key words has an
// expression for folded text (else it runs the slower one), and that
// foldedRE refuses what it cannot fold; TestWindowsMatchAsWhole and
// FuzzWindows check that the folded ones find what the rules' find.
func TestFoldedRE(t *testing.T) {
	for i, r := range rules {
		if r.keys != nil && foldedREs()[i] == nil {
			t.Errorf("rule %s has no folded expression", r.name)
		}
	}
	tests := []struct {
		expr string
		ok   bool // folded
	}{
		{`(?i)\bon\s+(monday|tuesday)\b`, true},
		{`(?i)[a-c]+\d`, true},
		{`\bMonday\b`, false},              // case-sensitive: "MONDAY" must not match
		{`(?i)on\s+[A-Z]`, true},           // the class holds both cases
		{`(?i:on)\s+[A-Z]`, false},         // the class does not
		{`(?i)été`, false},                 // folds a letter that is not ASCII
		{`(?i)\d+[-–—]\s*(?:am|pm)`, true}, // no letter outside the ASCII ones
	}
	for _, tt := range tests {
		re := foldedRE(regexp.MustCompile(tt.expr))
		if (re != nil) != tt.ok {
			t.Errorf("foldedRE(%s) = %v, want folded %v", tt.expr, re, tt.ok)
		}
		if re != nil {
			for _, s := range []string{"On MONDAY 3", "on tuesday", "Été", "X on A", "ON b", "3-PM"} {
				want := regexp.MustCompile(tt.expr).FindAllStringSubmatchIndex(s, -1)
				if got := re.FindAllStringSubmatchIndex(foldASCII(s, nil), -1); !reflect.DeepEqual(got, want) {
					t.Errorf("foldedRE(%s) on %q: %v, want %v", tt.expr, s, got, want)
				}
			}
		}
	}
}

// TestKeylessRulesNeedADigit checks what find assumes of a sentence without
// key words: only the rules without key words may match it, and each needs
// a digit.
func TestKeylessRulesNeedADigit(t *testing.T) {
	for _, r := range rules {
		if r.keys == nil && r.calendar != needDigit {
			t.Errorf("rule %s has no key words and does not need a digit", r.name)
		}
	}
}
