package dates

import (
	"testing"
	"time"
)

// TestExplicit: a date the text gives itself, against one that counts
// from the article's day.
func TestExplicit(t *testing.T) {
	pub := time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]bool{
		"The strike began on 16 October.":        true,
		"The vote is on Oct. 16.":                true,
		"Floods hit in March 2023.":              true,
		"The dam opened in 2019.":                true,
		"Work ends in late April 2025.":          true,
		"The vote is on Tuesday.":                false,
		"The talks ended yesterday.":             false,
		"They met three days ago.":               false,
		"Officials met last week to discuss it.": false,
	} {
		ms := Find(text, pub)
		if len(ms) == 0 {
			t.Errorf("%q: no date", text)
			continue
		}
		if got := ms[0].Explicit(); got != want {
			t.Errorf("%q (%s): explicit %v, want %v", text, ms[0].Rule, got, want)
		}
	}
}
