package timeline

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"testing"
)

var updatePicture = flag.Bool("update-picture", false, "rewrite testdata/timeline.png, the picture the README shows")

// TestPicture draws the timelines of the embedded and Black Sea corpora and
// checks what the picture must hold: every event once, in date order, each
// label inside the picture and clear of every other label and mark, at a
// width Discord shows whole.
func TestPicture(t *testing.T) {
	_, embedded := embeddedTimeline(t)
	tests := []struct {
		name   string
		events []Event
	}{
		{"embedded", embedded},
		{"empty", nil},
		{"one event", embedded[:1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			lay, err := WritePNG(&buf, tt.events, "Timeline")
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if w := img.Bounds().Dx(); w < 800 || w > 1000 {
				t.Errorf("width %d, want 800 to 1000", w)
			}
			checkLayout(t, lay, tt.events)
		})
	}
	if *updatePicture {
		var buf bytes.Buffer
		if _, err := WritePNG(&buf, embedded, "Timeline of the built-in articles"); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/timeline.png", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func checkLayout(t *testing.T, lay Layout, events []Event) {
	t.Helper()
	if len(lay.Labels) != len(events) {
		t.Fatalf("%d labels for %d events", len(lay.Labels), len(events))
	}
	seen := map[int]bool{}
	for i, l := range lay.Labels {
		if seen[l.Event] {
			t.Errorf("event %d drawn twice", l.Event)
		}
		seen[l.Event] = true
		if i > 0 {
			prev := lay.Labels[i-1]
			if l.Rect.Min.Y < prev.Rect.Max.Y {
				t.Errorf("label %d (%q) is not below label %d", i, l.Text, i-1)
			}
			a, b := eventSpan(events[prev.Event]), eventSpan(events[l.Event])
			if b[0].Before(a[0]) {
				t.Errorf("event %d (%s) drawn after event %d (%s)", l.Event, events[l.Event].Date, prev.Event, events[prev.Event].Date)
			}
		}
		if l.Rect.Min.X < 0 || l.Rect.Max.X > lay.Width || l.Rect.Max.Y > lay.Height || l.Rect.Empty() {
			t.Errorf("label %q at %v is outside the %dx%d picture", l.Text, l.Rect, lay.Width, lay.Height)
		}
		for j, o := range lay.Labels {
			if j != i && (l.Rect.Overlaps(o.Rect) || l.Rect.Overlaps(o.Mark)) {
				t.Errorf("label %q overlaps event %d", l.Text, o.Event)
			}
		}
		if l.Rect.Overlaps(l.Mark) {
			t.Errorf("label %q overlaps its own mark", l.Text)
		}
	}
}

// TestDrawConcurrently draws from several goroutines at once, as two
// /timeline commands do (run with -race).
func TestDrawConcurrently(t *testing.T) {
	_, events := embeddedTimeline(t)
	done := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			_, err := WritePNG(&b, events, "Timeline")
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
