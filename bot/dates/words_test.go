package dates

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// tenseWordRE is what tenseWords reads by hand.
var tenseWordRE = regexp.MustCompile(`[A-Za-z]+(?:['’][a-z]+)?|['’]ll`)

// wordSentences are sentences for the tests of tenseWords and mayHold:
// contractions, apostrophes without one, invalid UTF-8, conditions.
var wordSentences = []string{
	"They won't meet; we’ll see, they'll go, rock'n'roll, O'Neil, Don'T, ’llama, 'll, ''ll, ’’ll",
	"Paris’ talks, the envoys' talks, it’s late, ’t, '",
	"\xe2\x80 \xe2’ll \xf0’s x\xe2\x80\x99ll",
	"If the talks fail; UNLESS they agree; provided that; As Long As; assuming; iF; ifs",
	"ifs, life, different, providedly, unlessly, as longer as, _if, if_, 9if, (if), if",
	"The talks could resume as long  as the truce holds.",
	"unleſs the truce holds, they Kelvin-meet",
}

// sentencesForWords returns the sentences above and those of the built-in
// articles and, with -corpus DIR, of a corpus directory.
func sentencesForWords(t *testing.T) []string {
	sentences := append(append(append([]string(nil), wordSentences...), windowSentences...), corpusSentences(t)...)
	return sentences
}

// TestTenseWords checks that tenseWords finds what tenseWordRE finds.
func TestTenseWords(t *testing.T) {
	for _, s := range sentencesForWords(t) {
		checkTenseWords(t, s)
	}
}

func FuzzTenseWords(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Fuzz(checkTenseWords)
}

func checkTenseWords(t *testing.T, s string) {
	if got, want := tenseWords(nil, s), tenseWordRE.FindAllString(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("tenseWords(%q) = %q, the expression finds %q", s, got, want)
	}
}

// TestConditionWords checks that mayHold misses no sentence that
// conditionRE matches.
func TestConditionWords(t *testing.T) {
	n := 0
	for _, s := range sentencesForWords(t) {
		checkConditionWords(t, s)
		if !mayHold(s, conditionWords...) {
			n++
		}
	}
	if n == 0 {
		t.Error("mayHold held every sentence")
	}
}

func FuzzConditionWords(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Fuzz(checkConditionWords)
}

func checkConditionWords(t *testing.T, s string) {
	if conditionRE().MatchString(s) && !mayHold(s, conditionWords...) {
		t.Errorf("conditionRE matches %q, mayHold says it cannot", s)
	}
}

// corpusSentences returns the sentences of the built-in articles and, with
// -corpus DIR, of a corpus directory.
func corpusSentences(t *testing.T) []string {
	t.Helper()
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if *benchCorpus != "" {
		more, errs := corpus.LoadDir(*benchCorpus)
		if len(more) == 0 {
			t.Fatal(errs)
		}
		arts = append(arts, more...)
	}
	var out []string
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			out = append(out, english.Split(p)...)
		}
	}
	return out
}

// TestASCIILower checks that asciiLower finds the need words of every rule
// and the calendar words that strings.ToLower finds, on the sentences above
// and those with the letters that lower to ASCII ones.
func TestASCIILower(t *testing.T) {
	for _, s := range append(sentencesForWords(t), "İSTANBUL, MARCH 3", "\u212aYIV ON TUESDAY", "WEDNESDAY \xff\xfe MAR", "") {
		checkASCIILower(t, s)
	}
}

func FuzzASCIILower(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Fuzz(checkASCIILower)
}

func checkASCIILower(t *testing.T, s string) {
	var buf [8]byte
	got, want := asciiLower(s, buf[:0]), strings.ToLower(s)
	if calendarIn(got) != calendarIn(want) {
		t.Errorf("calendarIn(asciiLower(%q)) = %b, of strings.ToLower %b", s, calendarIn(got), calendarIn(want))
	}
	for _, r := range rules {
		for _, w := range r.need {
			if strings.Contains(got, w) != strings.Contains(want, w) {
				t.Errorf("asciiLower(%q) holds %q: %v, strings.ToLower: %v", s, w, !strings.Contains(want, w), strings.Contains(want, w))
			}
		}
	}
}

// prefilters are the expressions of moods that run only on text holding
// one of their words (lower case, as the text they run on).
var prefilters = []struct {
	name  string
	re    func() *regexp.Regexp
	words []string
}{
	{"counterfactual", counterfactualRE, counterfactualWords},
	{"would", wouldRE, wouldWords},
	{"modal", modalRE, modalWords},
}

// TestPrefilterWords checks that every match of each expression of
// prefilters holds one of its words, on the sentences above in lower case.
func TestPrefilterWords(t *testing.T) {
	for _, s := range sentencesForWords(t) {
		checkPrefilterWords(t, strings.ToLower(s))
	}
	for _, s := range []string{"they had been due", "it was supposed to", "he couldn’t have", "we’d", "they'll", "as early as", "mAY"} {
		checkPrefilterWords(t, s)
	}
}

func FuzzPrefilterWords(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Fuzz(checkPrefilterWords)
}

func checkPrefilterWords(t *testing.T, s string) {
	for _, p := range prefilters {
		if p.re().MatchString(s) && !containsAny(s, p.words) {
			t.Errorf("%sRE matches %q, which holds none of %q", p.name, s, p.words)
		}
	}
}

// TestFields checks lastFieldsFrom, firstFieldsTo and appendLowerFields
// against what they read by hand: strings.Fields, strings.Join and
// strings.ToLower.
func TestFields(t *testing.T) {
	for _, s := range append(sentencesForWords(t), "  a\u00a0b\u2009c\u0085d \xe2\x80\x80\x80 e\xe2\x80 \xc2 \xa0 f ", "ÉTÉ À PARIS", "İSTANBUL \u212aYIV \ufffd") {
		checkFields(t, s)
	}
}

func FuzzFields(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Fuzz(checkFields)
}

func checkFields(t *testing.T, s string) {
	fs := strings.Fields(s)
	for n := range 10 {
		last, first := fs, fs
		if len(fs) > n {
			last, first = fs[len(fs)-n:], fs[:n]
		}
		if got, want := strings.Fields(s[lastFieldsFrom(s, n):]), last; !slices.Equal(got, want) {
			t.Errorf("lastFieldsFrom(%q, %d) leaves %q, want %q", s, n, got, want)
		}
		if got, want := strings.Fields(s[:firstFieldsTo(s, n)]), first; !slices.Equal(got, want) {
			t.Errorf("firstFieldsTo(%q, %d) leaves %q, want %q", s, n, got, want)
		}
	}
	if got, want := string(appendLowerFields([]byte("x"), s)), "x"+strings.ToLower(strings.Join(fs, " ")); got != want {
		t.Errorf("appendLowerFields(%q) = %q, want %q", s, got, want)
	}
}

// TestBarriers checks indexBarrier and lastIndexBarrier against
// strings.IndexAny and strings.LastIndexAny.
func TestBarriers(t *testing.T) {
	for _, s := range append(sentencesForWords(t), "a — b – c “d” e", "\xe2\x80", "\xe2\x80\x94", "x\xe2\xe2\x80\x93", "\x80\x94;", "é—", "") {
		checkBarriers(t, s)
	}
}

func FuzzBarriers(f *testing.F) {
	for _, s := range wordSentences {
		f.Add(s)
	}
	f.Add("a — b – c “d” e (f); g: \"h\"")
	f.Fuzz(checkBarriers)
}

func checkBarriers(t *testing.T, s string) {
	if got, want := indexBarrier(s), strings.IndexAny(s, barriers); got != want {
		t.Errorf("indexBarrier(%q) = %d, strings.IndexAny %d", s, got, want)
	}
	if got, want := lastIndexBarrier(s), strings.LastIndexAny(s, barriers); got != want {
		t.Errorf("lastIndexBarrier(%q) = %d, strings.LastIndexAny %d", s, got, want)
	}
}
