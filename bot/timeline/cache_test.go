package timeline

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// TestCache checks that a timeline with a cache has the events of one
// without, whether they come from the cache whole, from cached reports or
// from the text; that reports read from the cache are the reports read
// from the text; that only the articles the cache does not hold are read
// again; and that a corrupt file, or one of another engine version, is
// read afresh and rewritten, never trusted.
func TestCache(t *testing.T) {
	base, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	arts := append(base, newsCorpus(t, 40)...)
	tools := textTools{split: english.Split, terms: english.Terms}
	c := Cache{File: filepath.Join(t.TempDir(), "timeline"), Version: "v1"}
	var logs bytes.Buffer
	check := func(name string, arts []corpus.Article, wantRead int, wantWhole bool) {
		t.Helper()
		cite := New(nil, arts).lib.Cite
		want, _, _ := buildCached(arts, tools, cite, Cache{}, nil)
		logs.Reset()
		got, read, whole := buildCached(arts, tools, cite, c, slog.New(slog.NewTextHandler(&logs, nil)))
		if read != wantRead || whole != wantWhole {
			t.Errorf("%s: %d articles read from their text, events from the cache %v; want %d, %v", name, read, whole, wantRead, wantWhole)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: events differ from those of a timeline without a cache", name)
		}
	}

	check("cold", arts, len(arts), false)
	check("warm", arts, 0, true)
	f, err := readCacheFile(c)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := reportsOf(arts, tools, nil, nil)
	if got, read := reportsOf(arts, tools, articleKeys(arts), f.held); read != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("reports from the cache (%d articles read from their text) differ from the reports of the text", read)
	}

	// One article changed: it alone is read again, and the events made
	// again; then they come from the cache.
	changed := append([]corpus.Article(nil), arts...)
	a := &changed[len(changed)-1]
	a.Paragraphs = append([]string{"The envoys met again on Friday to sign the accord."}, a.Paragraphs...)
	a.Text = strings.Join(a.Paragraphs, "\n\n")
	check("one changed", changed, 1, false)
	check("warm again", changed, 0, true)
	check("one fewer", changed[1:], 0, false)

	// Another version: all read again.
	c.Version = "v2"
	check("other version", changed, len(changed), false)
	// An upgrade's cache is expected to go: no warning.
	if strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "another engine version") {
		t.Errorf("another version's cache logged %q, want an INFO line and no warning", logs.String())
	}

	// A flipped byte: all read again, and the file rewritten.
	b, err := os.ReadFile(c.File)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	os.WriteFile(c.File, b, 0o644)
	check("corrupt", changed, len(changed), false)
	if !strings.Contains(logs.String(), "level=WARN") {
		t.Errorf("a corrupt cache logged %q, want a warning", logs.String())
	}
	check("rewritten", changed, 0, true)
}

// FuzzCache checks that no cache file, however broken, panics the
// timeline or gives it events that are not those of the text.
func FuzzCache(f *testing.F) {
	arts, err := corpus.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	tools := textTools{split: english.Split, terms: english.Terms}
	cite := New(nil, arts).lib.Cite
	want, _, _ := buildCached(arts, tools, cite, Cache{}, nil)
	seed := Cache{File: filepath.Join(f.TempDir(), "seed"), Version: "v"}
	buildCached(arts, tools, cite, seed, nil)
	b, err := os.ReadFile(seed.File)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		c := Cache{File: filepath.Join(t.TempDir(), "timeline"), Version: "v"}
		os.WriteFile(c.File, b, 0o644)
		if got, _, _ := buildCached(arts, tools, cite, c, nil); !reflect.DeepEqual(got, want) {
			t.Fatal("events differ from those of the text")
		}
	})
}
