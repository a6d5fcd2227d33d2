package retrieval

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

// durationCases are texts at the edges of durationPattern.
var durationCases = []string{
	"the 4.5-hour meeting", "four days of talks", "two and a half hours", "Two-And-A-Half-Hours",
	"an hour later", "a day", "A5 hours", "5A hours", "1,000 hours", "1.5.2 hours", "x_a day",
	"hoursx", "12 hoursx", "12 hours_", "12 hoursé", "é12 hours", "éone hours", "half an hour",
	"a half-hour", "several weeks", "few months", "twelve years", "thirteen years", "12  hours",
	"12\thours", "-3 days", "3- days", "and a half hours", " and a half hours", "two and a  half hours",
	"two and-a-half hours", "TWO DAYS", "two\u212aays", "two days\u017f", "six wee\u212as", "2 we\u212as",
	"", "hours", "2", "2 ", "2 h", "the year", "in 2025 years ago", "10-minute", "10 minutes.",
	"more than 14 hours after", "on day 3", "every 7 days", "a 30-day limit", "(4 weeks)",
}

// TestDurationScan checks the scan against the expression it reads, on
// the edge cases and on every paragraph of the built-in articles and the
// style corpora.
func TestDurationScan(t *testing.T) {
	re := regexp.MustCompile(durationPattern)
	texts := append([]string(nil), durationCases...)
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../bot/testdata/styles/*/corpus")
	for _, d := range dirs[:min(len(dirs), 12)] {
		more, _ := corpus.LoadDir(d)
		arts = append(arts, more...)
	}
	for _, a := range arts {
		texts = append(texts, a.Paragraphs...)
	}
	matched := 0
	for _, text := range texts {
		want := re.MatchString(text)
		if got := (durationScan{}).MatchString(text); got != want {
			t.Errorf("durationScan(%q) = %v, the expression %v", text, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < len(texts)/10 {
		t.Errorf("only %d of %d texts have a duration: the corpora did not load", matched, len(texts))
	}
}

// FuzzDurationScan checks the scan against the expression on any text.
func FuzzDurationScan(f *testing.F) {
	for _, c := range durationCases {
		f.Add(c)
	}
	re := regexp.MustCompile(durationPattern)
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := (durationScan{}).MatchString(text), re.MatchString(text); got != want {
			t.Errorf("durationScan(%q) = %v, the expression %v", text, got, want)
		}
	})
}
