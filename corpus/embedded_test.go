package corpus

import (
	"strings"
	"testing"
)

// TestEmbedded checks that the seed articles load with their metadata.
func TestEmbedded(t *testing.T) {
	arts, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("got %d articles, want 5", len(arts))
	}
	for i, a := range arts {
		if a.ID == "" || a.Title == "" || a.Outlet == "" || a.Published.IsZero() || len(a.Paragraphs) == 0 {
			t.Errorf("article %s (%s): missing metadata or text: %+v", a.ID, a.File, a)
		}
		if a.Text != strings.Join(a.Paragraphs, "\n\n") {
			t.Errorf("article %s: Text is not its paragraphs joined", a.ID)
		}
		if i > 0 && arts[i-1].Published.After(a.Published) {
			t.Errorf("articles not sorted by date: %s before %s", arts[i-1].ID, a.ID)
		}
	}
}
