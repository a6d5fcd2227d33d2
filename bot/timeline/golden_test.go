package timeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestTimelineGolden compares the timeline of the embedded articles with
// testdata/timeline.golden.json; run with -update to accept a change.
func TestTimelineGolden(t *testing.T) {
	arts, events := embeddedTimeline(t)
	got, err := json.MarshalIndent(events, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/timeline.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TimelineGolden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("timeline differs from %s; run go test ./bot -run TimelineGolden -update and review the diff", golden)
	}
	// Every quote is text of its article; every text is short.
	byID := map[string]string{}
	for _, a := range arts {
		byID[a.ID] = a.Text
	}
	for _, ev := range events {
		if n := words(ev.Text); n > maxEventWords+8 {
			t.Errorf("%s: text of %d words: %q", ev.Date, n, ev.Text)
		}
		for _, c := range ev.Citations {
			if !bytes.Contains([]byte(byID[c.Article]), []byte(c.Quote)) {
				t.Errorf("%s: quote %q is not text of %s", ev.Date, c.Quote, c.Article)
			}
		}
	}
}

// embeddedTimeline is the timeline of the embedded articles, built offline,
// and the articles.
func embeddedTimeline(t *testing.T) ([]corpus.Article, []Event) {
	t.Helper()
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	e := New(nil, arts)
	events, err := e.Events(t.Context(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return arts, events
}
