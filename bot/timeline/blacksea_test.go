package timeline

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

// blackSeaGold is one event of testdata/blacksea/timeline.json (a copy of
// ../shared/eval/blacksea/timeline.json, the events planted in a corpus
// the engine was not built on).
type blackSeaGold struct {
	ID    string   `json:"id"`
	Dates []string `json:"dates"`
	Keys  []string `json:"keys"`
	What  string   `json:"what"`
}

// TestBlackSeaTimeline scores the timeline of the Black Sea corpus as
// ../shared/eval/score_timeline.py does: a gold event is found when an
// event with one of its dates has one of its keys in its text or quotes,
// and misdated when it is not found and an event with a key in its text
// has another date. The bar is recall 0.95 and no wrong date.
func TestBlackSeaTimeline(t *testing.T) {
	arts, errs := corpus.LoadDir("testdata/blacksea/corpus")
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("load corpus: %v", errs)
	}
	b, err := os.ReadFile("testdata/blacksea/timeline.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold []blackSeaGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	events, err := New(nil, arts).Events(t.Context(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	space := regexp.MustCompile(`\s+`)
	norm := func(s string) string {
		return space.ReplaceAllString(strings.ReplaceAll(strings.ToLower(s), "\u2019", "'"), " ")
	}
	right, wrong := 0, 0
	for _, g := range gold {
		has := func(text string) bool {
			for _, k := range g.Keys {
				if strings.Contains(norm(text), norm(k)) {
					return true
				}
			}
			return false
		}
		found, misdated := false, []string{}
		for _, ev := range events {
			var quotes []string
			for _, c := range ev.Citations {
				quotes = append(quotes, c.Quote)
			}
			hit := has(ev.Text) || has(strings.Join(quotes, " "))
			for _, d := range g.Dates {
				found = found || hit && ev.Date == d
			}
			if has(ev.Text) {
				misdated = append(misdated, ev.Date)
			}
		}
		switch {
		case found:
			right++
		case len(misdated) > 0:
			wrong++
			t.Errorf("wrong date: %s (%s): got %v, want %s", g.ID, g.What, misdated, g.Dates[0])
		default:
			t.Logf("missing: %s (%s)", g.ID, g.What)
		}
	}
	recall := float64(right) / float64(len(gold))
	t.Logf("Black Sea timeline: %d events, recall %.2f (%d/%d), wrong dates %d", len(events), recall, right, len(gold), wrong)
	if recall < 0.95 {
		t.Errorf("recall %.2f < 0.95", recall)
	}
}
