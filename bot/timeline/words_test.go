package timeline

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// clauseWordRE is what clauseWords reads by hand.
var clauseWordRE = regexp.MustCompile(`\p{L}+`)

var clauseWordTexts = []string{
	"Zelenskyy’s talks in Riyadh — on Tuesday — ended; “we’ll see,” he said.",
	"Baños, İstanbul, Kyïv, Ångström, ǅemal, 東京, ﬁnal, Ⅻ, 3rd, x2y, naïve",
	"\xe2\x80 \xff abc\xc3 d\xc3\xa9f \xef\xbf\xbd g",
	"",
	"   ",
}

// TestClauseWords checks that clauseWords finds what clauseWordRE finds, in
// the texts above and the built-in articles, as written and in lower case.
func TestClauseWords(t *testing.T) {
	texts := append([]string(nil), clauseWordTexts...)
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	for _, s := range texts {
		checkClauseWords(t, s)
		checkClauseWords(t, strings.ToLower(s))
	}
}

func FuzzClauseWords(f *testing.F) {
	for _, s := range clauseWordTexts {
		f.Add(s)
	}
	f.Fuzz(checkClauseWords)
}

func checkClauseWords(t *testing.T, s string) {
	var got []string
	for _, sp := range clauseWords(nil, s) {
		got = append(got, sp.in(s))
	}
	if want := clauseWordRE.FindAllString(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("clauseWords(%q) = %q, the expression finds %q", s, got, want)
	}
}

// datelineTexts open with datelines, dashes that end none, and none.
var datelineTexts = []string{
	"ISTANBUL, March 27 (CPS) - Talks resumed.",
	"CHICAGO/LONDON, March 29 – Prices fell.",
	"KYIV, Ukraine (AP) — Sirens sounded.",
	"ADDIS ABABA, Ethiopia, June 12, 2025 /PRNewswire/ -- The Commission welcomed it.",
	"ISTANBUL - The envoys met.",
	"US - Russia talks resumed on Tuesday.",
	"The talks resumed on Tuesday.",
	"RIYADH—",
	"",
}

// TestDatelineDashes checks that every text datelineRE matches holds a dash
// (hasDash), in the texts above and the sentences of the built-in articles.
func TestDatelineDashes(t *testing.T) {
	texts := append([]string(nil), datelineTexts...)
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			texts = append(texts, english.Split(p)...)
		}
	}
	matched := 0
	for _, s := range texts {
		checkDatelineDashes(t, s)
		if datelineRE().MatchString(s) {
			matched++
		}
	}
	if matched == 0 {
		t.Error("no text has a dateline")
	}
}

func FuzzDatelineDashes(f *testing.F) {
	for _, s := range datelineTexts {
		f.Add(s)
	}
	f.Fuzz(checkDatelineDashes)
}

func checkDatelineDashes(t *testing.T, s string) {
	if datelineRE().MatchString(s) && !hasDash(s) {
		t.Errorf("datelineRE matches %q, hasDash says it cannot", s)
	}
}

// TestFieldsAndLower checks firstField, lastField, words and lowerInto
// against what they read by hand, strings.Fields and strings.ToLower, on
// the texts of clauseWords and the sentences of the built-in articles.
func TestFieldsAndLower(t *testing.T) {
	texts := append(append([]string(nil), clauseWordTexts...), datelineTexts...)
	texts = append(texts, "\u00a0\u2009He said", "\xe2\x80\x80\x80 it", "İT", "\u212aNOW", "…")
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			texts = append(texts, english.Split(p)...)
		}
	}
	for _, s := range texts {
		checkFieldsAndLower(t, s)
	}
}

func FuzzFieldsAndLower(f *testing.F) {
	for _, s := range clauseWordTexts {
		f.Add(s)
	}
	f.Fuzz(checkFieldsAndLower)
}

func checkFieldsAndLower(t *testing.T, s string) {
	first, last := "", ""
	fs := strings.Fields(s)
	if len(fs) > 0 {
		first, last = fs[0], fs[len(fs)-1]
	}
	if got := firstField(s); got != first {
		t.Errorf("firstField(%q) = %q, want %q", s, got, first)
	}
	if got := lastField(s); got != last {
		t.Errorf("lastField(%q) = %q, want %q", s, got, last)
	}
	if got := words(s); got != len(fs) {
		t.Errorf("words(%q) = %d, want %d", s, got, len(fs))
	}
	var buf [16]byte
	if got, want := lowerInto(s, buf[:0]), strings.ToLower(s); got != want {
		t.Errorf("lowerInto(%q) = %q, want %q", s, got, want)
	}
}

// TestKindSet checks that every kind of event has a bit of its own, that
// names gives them back sorted, and that what is no kind has none.
func TestKindSet(t *testing.T) {
	var all kindSet
	for _, k := range eventKinds {
		b, ok := kindOf(k)
		if !ok || b == 0 || b&(b-1) != 0 {
			t.Errorf("kindOf(%q) = %b, %v; want one bit", k, b, ok)
		}
		if got := b.names(); len(got) != 1 || got[0] != k {
			t.Errorf("kindOf(%q).names() = %q", k, got)
		}
		all |= b
	}
	if got := all.names(); !slices.IsSorted(got) || len(got) != len(kindNames()) {
		t.Errorf("all kinds: names() = %q, want %q", got, kindNames())
	}
	for _, k := range []string{"", "talk", "Meeting", "meetings"} {
		if b, ok := kindOf(k); ok || b != 0 {
			t.Errorf("kindOf(%q) = %b, %v; want 0, false", k, b, ok)
		}
	}
}

// TestLeadPronoun checks that mayLeadPronoun holds every text that
// leadPronounRE matches, in the texts above and the built-in sentences.
func TestLeadPronoun(t *testing.T) {
	texts := append(append([]string(nil), clauseWordTexts...), datelineTexts...)
	texts = append(texts, "He said", "In protest, he postponed", "Then she, he left", "the shed", "Heads up", "So, She went", "a b c d he")
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			texts = append(texts, english.Split(p)...)
		}
	}
	for _, s := range texts {
		checkLeadPronoun(t, s)
	}
}

func FuzzLeadPronoun(f *testing.F) {
	for _, s := range []string{"He said", "In protest, he postponed", "Yes,\u00a0she"} {
		f.Add(s)
	}
	f.Fuzz(checkLeadPronoun)
}

func checkLeadPronoun(t *testing.T, s string) {
	if leadPronounRE().MatchString(s) && !mayLeadPronoun(s) {
		t.Errorf("leadPronounRE matches %q, mayLeadPronoun says it cannot", s)
	}
}

// TestDatelineEnd: where the text of a sentence begins after its dateline,
// a wire story's or a press release's.
func TestDatelineEnd(t *testing.T) {
	for s, want := range map[string]string{
		"ISTANBUL, March 27 (CPS) - Talks resumed.":                                        "Talks resumed.",
		"KYIV, Ukraine (AP) — Sirens sounded.":                                             "Sirens sounded.",
		"ADDIS ABABA, Ethiopia, June 12, 2025 /PRNewswire/ -- The Commission welcomed it.": "The Commission welcomed it.",
		"US - Russia talks resumed on Tuesday.":                                            "US - Russia talks resumed on Tuesday.",
		"The talks resumed on Tuesday.":                                                    "The talks resumed on Tuesday.",
		"May 7 – The leaders spoke by telephone.":                                          "May 7 – The leaders spoke by telephone.", // an entry of a dated list
	} {
		if got := s[datelineEnd(s):]; got != want {
			t.Errorf("after the dateline of %q: %q, want %q", s, got, want)
		}
	}
}
