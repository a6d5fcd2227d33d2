package corpus

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const riyadhText = `Senior American and Russian officials met at Diriyah Palace in Riyadh on Tuesday for their first formal talks since the invasion of Ukraine.

The meeting lasted about four and a half hours, and both sides agreed to restore the staffing of their embassies in Washington and Moscow.

Ukraine was not invited, and President Volodymyr Zelenskyy said Kyiv would not accept any outcome of talks held without it.`

func riyadhDraft() Draft {
	return Draft{Text: riyadhText, Meta: Meta{
		Title: "Rubio and Lavrov meet in Riyadh", Outlet: "The Meridian Post", Published: "2025-02-18",
		URL: "https://meridianpost.example/2025/02/18/rubio-lavrov/", Note: "by Anna Kowalski",
	}}
}

// seedDir copies the embedded articles into a new directory.
func seedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := fs.ReadDir(embedded, "articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(embedded, "articles/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot returns the names and contents of the files of dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(data)
	}
	return out
}

func TestAddLoads(t *testing.T) {
	for _, tc := range []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"new directory without sources.json", func(t *testing.T) string { return t.TempDir() }},
		{"directory of the seed articles", seedDir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			before := snapshot(t, dir)
			a, err := Add(dir, riyadhDraft())
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != "2025-02-18-rubio-lavrov-meet-riyadh" || a.File != a.ID+".txt" {
				t.Errorf("id %q file %q", a.ID, a.File)
			}
			arts, errs := LoadDir(dir)
			if len(errs) > 0 {
				t.Fatalf("load: %v", errs)
			}
			i := slices.IndexFunc(arts, func(x Article) bool { return x.ID == a.ID })
			if i < 0 {
				t.Fatalf("added article not loaded; have %d articles", len(arts))
			}
			got := arts[i]
			if got.Title != "Rubio and Lavrov meet in Riyadh" || got.Outlet != "The Meridian Post" || got.Date() != "2025-02-18" ||
				got.URL != "https://meridianpost.example/2025/02/18/rubio-lavrov/" || len(got.Paragraphs) != 3 {
				t.Errorf("loaded %+v", got)
			}
			// The text file carries its date by itself.
			data, _ := os.ReadFile(filepath.Join(dir, a.File))
			if !strings.HasPrefix(string(data), " date 2025-02-18\n\n") {
				t.Errorf("file starts %q", string(data[:30]))
			}
			// The other entries of sources.json are kept as they were.
			after := snapshot(t, dir)
			if old, ok := before[MetaFile]; ok {
				var o, n map[string]json.RawMessage
				json.Unmarshal([]byte(old), &o)
				json.Unmarshal([]byte(after[MetaFile]), &n)
				for k, v := range o {
					if !jsonEqual(v, n[k]) {
						t.Errorf("entry %s changed: %s -> %s", k, v, n[k])
					}
				}
			}
			for name, content := range before {
				if name != MetaFile && after[name] != content {
					t.Errorf("%s changed", name)
				}
			}
			for name := range after {
				if strings.HasSuffix(name, ".tmp") {
					t.Errorf("temporary file %s left", name)
				}
			}
		})
	}
}

func jsonEqual(a, b json.RawMessage) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && string(mustJSON(x)) == string(mustJSON(y))
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }

func TestAddRefuses(t *testing.T) {
	seedURL := "https://www.themoscowtimes.com/2025/02/18/russia-and-us-agree-to-start-ukraine-peace-talks-but-no-plans-yet-for-trump-putin-meeting-a88061"
	seed, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	moscowTimes := seed[slices.IndexFunc(seed, func(a Article) bool { return a.URL == seedURL })]
	reprint := strings.Join(moscowTimes.Paragraphs[:len(moscowTimes.Paragraphs)-1], "\n\n") + "\n\nThis article was first published by The Moscow Times."

	for _, tc := range []struct {
		name   string
		draft  Draft
		dupOf  string // id of the article it duplicates, or ""
		reason string
		undate bool
		errHas string
	}{
		{
			// The same address, written another way.
			name:  "same address",
			draft: Draft{Text: riyadhText, Meta: Meta{Published: "2025-02-18", URL: "http://themoscowtimes.com/2025/02/18/russia-and-us-agree-to-start-ukraine-peace-talks-but-no-plans-yet-for-trump-putin-meeting-a88061/?utm_source=x#top"}},
			dupOf: "2025-02-18-moscowtimes-peace-talks", reason: "the same address",
		},
		{
			// The canonical address is new, but the page was fetched from a known one.
			name:  "same fetched address",
			draft: Draft{Text: riyadhText, Meta: Meta{Published: "2025-02-18", URL: "https://new.example/a"}, OtherURLs: []string{seedURL}},
			dupOf: "2025-02-18-moscowtimes-peace-talks", reason: "the same address",
		},
		{
			// A reprint: other address, other title, last paragraph replaced.
			name:  "same text",
			draft: Draft{Text: reprint, Meta: Meta{Title: "Peace talks to start", Published: "2025-02-19", URL: "https://reprints.example/mt"}},
			dupOf: "2025-02-18-moscowtimes-peace-talks", reason: "the same text",
		},
		{
			name:   "no date",
			draft:  Draft{Text: riyadhText, Meta: Meta{URL: "https://new.example/b"}},
			undate: true,
		},
		{
			name:   "bad address",
			draft:  Draft{Text: riyadhText, Meta: Meta{Published: "2025-02-18", URL: "ftp://new.example/b"}},
			errHas: "bad url",
		},
		{
			name:   "no text",
			draft:  Draft{Text: "\n\n", Meta: Meta{Published: "2025-02-18"}},
			errHas: "empty",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := seedDir(t)
			before := snapshot(t, dir)
			_, err := Add(dir, tc.draft)
			var dup *DuplicateError
			switch {
			case tc.dupOf != "":
				if !errors.As(err, &dup) || dup.ID != tc.dupOf || dup.Reason != tc.reason {
					t.Errorf("err = %v, want a duplicate of %s (%s)", err, tc.dupOf, tc.reason)
				}
			case tc.undate:
				if !errors.Is(err, ErrUndated) {
					t.Errorf("err = %v, want ErrUndated", err)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Errorf("err = %v, want %q", err, tc.errHas)
				}
			}
			if after := snapshot(t, dir); !mapsEqual(before, after) {
				t.Errorf("directory changed after a refusal")
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestAddOtherReportIsNoDuplicate(t *testing.T) {
	// Another report of the same event shares names and phrases, not text.
	dir := seedDir(t)
	if _, err := Add(dir, riyadhDraft()); err != nil {
		t.Fatal(err)
	}
}

func TestAddDateFromText(t *testing.T) {
	for _, text := range []string{
		" date 2025-02-19 Summary line.\n\n" + riyadhText,
		"February 19, 2025\n\n" + riyadhText,
	} {
		dir := t.TempDir()
		a, err := Add(dir, Draft{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Date() != "2025-02-19" {
			t.Errorf("date %s", a.Date())
		}
		if arts, errs := LoadDir(dir); len(errs) > 0 || len(arts) != 1 || arts[0].Date() != "2025-02-19" {
			t.Errorf("load: %v %v", arts, errs)
		}
	}
}

func TestAddUniqueID(t *testing.T) {
	dir := t.TempDir()
	d := riyadhDraft()
	if _, err := Add(dir, d); err != nil {
		t.Fatal(err)
	}
	d.Text = "A different article entirely, about oil prices and markets in the Gulf after the meeting, by other writers."
	d.Meta.URL = "https://meridianpost.example/oil"
	a, err := Add(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "2025-02-18-rubio-lavrov-meet-riyadh-2" {
		t.Errorf("id %s", a.ID)
	}
	if arts, errs := LoadDir(dir); len(errs) > 0 || len(arts) != 2 {
		t.Errorf("load: %d articles, %v", len(arts), errs)
	}
}

func TestAddBrokenSources(t *testing.T) {
	dir := seedDir(t)
	broken := []byte(`{"000_0b57adff93d945fa.txt": {"title": "x",`)
	os.WriteFile(filepath.Join(dir, MetaFile), broken, 0o644)
	before := snapshot(t, dir)
	_, err := Add(dir, riyadhDraft())
	if err == nil || !strings.Contains(err.Error(), "fix it before adding") {
		t.Errorf("err = %v", err)
	}
	if !mapsEqual(before, snapshot(t, dir)) {
		t.Errorf("directory changed")
	}
}

func TestAddAtomic(t *testing.T) {
	// sources.json cannot be written (a full disk, say): it stays as it
	// was, and the new text file goes again.
	dir := seedDir(t)
	before := snapshot(t, dir)
	failing := func(dir, name string, data []byte) error {
		if name == MetaFile {
			return errors.New("no space left on device")
		}
		return writeAtomic(dir, name, data)
	}
	if _, err := add(dir, riyadhDraft(), failing); err == nil || !strings.Contains(err.Error(), "no space") {
		t.Fatalf("err = %v", err)
	}
	if !mapsEqual(before, snapshot(t, dir)) {
		t.Errorf("directory changed after the failure")
	}
	// Then it works.
	if _, err := Add(dir, riyadhDraft()); err != nil {
		t.Fatal(err)
	}
}

func TestWriteAtomicLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, MetaFile), []byte("{}\n"), 0o644)
	// The rename fails: the target is a directory that is not empty.
	os.MkdirAll(filepath.Join(dir, "x.txt", "inside"), 0o755)
	if err := writeAtomic(dir, "x.txt", []byte("text")); err == nil {
		t.Fatal("no error")
	}
	got := snapshot(t, dir)
	if len(got) != 2 || got[MetaFile] != "{}\n" {
		t.Errorf("directory now %v", slices.Sorted(func(yield func(string) bool) {
			for k := range got {
				if !yield(k) {
					return
				}
			}
		}))
	}
}

func TestURLKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"https://www.a.example/x/", "http://a.example/x"},
		{"https://a.example/x?utm_source=t", "https://A.example/x#frag"},
		{"https://a.example/x?id=2&utm_medium=m", "https://a.example/x?id=2"},
	} {
		if urlKey(tc.a) != urlKey(tc.b) {
			t.Errorf("%q and %q differ: %q %q", tc.a, tc.b, urlKey(tc.a), urlKey(tc.b))
		}
	}
	if urlKey("https://a.example/x?id=2") == urlKey("https://a.example/x?id=3") {
		t.Error("different ids are the same address")
	}
}
