package timeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// TestReportCache checks that reports read from the cache are the reports
// read from the text, and the events the same; that only articles the
// cache does not hold are read again; and that a corrupt file, or one of
// another engine version, is read afresh and rewritten, never trusted.
func TestReportCache(t *testing.T) {
	base, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	arts := append(base, newsCorpus(t, 40)...)
	tools := textTools{split: english.Split, terms: english.Terms}
	want, _ := reportsOf(arts, tools, Cache{}, nil)
	wantEvents := New(nil, arts)
	c := Cache{File: filepath.Join(t.TempDir(), "reports.bin"), Version: "v1"}
	check := func(name string, arts []corpus.Article, wantRead int) [][]report {
		t.Helper()
		got, read := reportsOf(arts, tools, c, nil)
		if read != wantRead {
			t.Errorf("%s: %d articles read from their text, want %d", name, read, wantRead)
		}
		return got
	}

	check("cold", arts, len(arts))
	got := check("warm", arts, 0)
	if !reflect.DeepEqual(got, want) {
		t.Fatal("reports from the cache differ from the reports of the text")
	}
	evs, err := NewCached(nil, arts, c).Events(t.Context(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if fresh, _ := wantEvents.Events(t.Context(), Filter{}); !reflect.DeepEqual(evs, fresh) {
		t.Fatal("events from cached reports differ")
	}

	// One article changed: it alone is read again.
	changed := append([]corpus.Article(nil), arts...)
	a := &changed[len(changed)-1]
	a.Paragraphs = append([]string{"The envoys met again on Friday to sign the accord."}, a.Paragraphs...)
	a.Text = strings.Join(a.Paragraphs, "\n\n")
	check("one changed", changed, 1)
	check("warm again", changed, 0)

	// Another version: all read again.
	c.Version = "v2"
	check("other version", changed, len(changed))

	// A flipped byte: all read again, and the file rewritten.
	b, err := os.ReadFile(c.File)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	os.WriteFile(c.File, b, 0o644)
	check("corrupt", changed, len(changed))
	if got := check("rewritten", changed, 0); !reflect.DeepEqual(got[:len(base)], want[:len(base)]) {
		t.Error("reports differ after the rewrite")
	}
}

// FuzzReportCache checks that no cache file, however broken, panics the
// timeline or gives it reports that are not the text's.
func FuzzReportCache(f *testing.F) {
	arts, err := corpus.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	tools := textTools{split: english.Split, terms: english.Terms}
	want, _ := reportsOf(arts, tools, Cache{}, nil)
	dir := f.TempDir()
	seed := Cache{File: filepath.Join(dir, "seed.bin"), Version: "v"}
	reportsOf(arts, tools, seed, nil)
	b, err := os.ReadFile(seed.File)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		c := Cache{File: filepath.Join(t.TempDir(), "r.bin"), Version: "v"}
		os.WriteFile(c.File, b, 0o644)
		got, _ := reportsOf(arts, tools, c, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatal("reports differ from the text's")
		}
	})
}
