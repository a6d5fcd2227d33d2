package bot

import (
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
)

// goldEvent is one event the articles date, as a reader finds it
// (testdata/timeline_events.json, written by reading the seed articles).
type goldEvent struct {
	Event     string     `json:"event"`
	Date      string     `json:"date"`
	Precision string     `json:"precision"`
	Keys      [][]string `json:"keys"` // each group must match (any of its strings, case-insensitive)
}

// matches reports whether every key group occurs in text.
func (g goldEvent) matches(text string) bool {
	text = strings.ToLower(text)
	for _, group := range g.Keys {
		found := false
		for _, k := range group {
			found = found || strings.Contains(text, strings.ToLower(k))
		}
		if !found {
			return false
		}
	}
	return true
}

// TestTimelineEvents scores the timeline of the embedded articles against
// the gold events: recall (an event with the gold date and precision whose
// text or quotes match the keys) and wrong dates (events whose own text
// matches the keys but whose date does not overlap the gold date).
func TestTimelineEvents(t *testing.T) {
	b, err := os.ReadFile("testdata/timeline_events.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold []goldEvent
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	e := New(slog.New(slog.NewTextHandler(io.Discard, nil)), arts, nil, Options{})
	events, err := e.Timeline(t.Context(), TimelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found, wrong := 0, 0
	for _, g := range gold {
		want, err := dates.Parse(g.Date)
		if err != nil {
			t.Fatalf("gold %q: %v", g.Event, err)
		}
		hit := false
		for _, ev := range events {
			all := ev.Text
			for _, c := range ev.Citations {
				all += "\n" + c.Quote
			}
			if ev.Date == g.Date && ev.Precision == g.Precision && g.matches(all) {
				hit = true
			}
			got, _ := dates.Parse(ev.Date)
			if g.matches(ev.Text) && !got.Overlaps(want.Start, want.End()) {
				wrong++
				t.Errorf("wrong date for %q: %s %q", g.Event, ev.Date, ev.Text)
			}
		}
		if hit {
			found++
		} else {
			t.Errorf("missed %s %s: %s", g.Date, g.Precision, g.Event)
		}
	}
	recall := float64(found) / float64(len(gold))
	t.Logf("timeline: %d events; gold recall %.2f (%d/%d); events with a wrong date %d (share of gold %.2f)",
		len(events), recall, found, len(gold), wrong, float64(wrong)/float64(len(gold)))
}
