package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles writes files (name -> content) into a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLoadDir loads a directory of good and broken files: the good ones
// load, each broken one yields an error naming it and its problem.
func TestLoadDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good1.txt":    " date 2025-02-19 Lavrov and Rubio met again.\n\nThey agreed.\n",
		"good2.txt":    "Peace Talks Agreed\n\nThe talks went well.\n",
		"early.txt":    " date 2025-02-17 Talks were announced.\n",
		"nodate.txt":   "Some text without a date.\n",
		"baddate.txt":  " date 2025-02-31 Text.\n",
		"empty.txt":    "",
		"latin1.txt":   " date 2025-02-18 Ba\xf1os.\n",
		"binary.txt":   "\x7fELF\x02\x01\x00\x00",
		"notext.txt":   " date 2025-02-18\n\nRelated article: x\n",
		"zdup.txt":     " date 2025-02-19 Lavrov and Rubio met again.\n",
		"notes.md":     "not an article",
		".hidden.txt":  "ignored",
		"sub/deep.txt": " date 2025-02-18 Ignored: not at the top.\n",
		"sources.json": `{"good2.txt": {"published": "2025-02-18", "outlet": "The Test Times", "url": "https://t.test/a"},
			"missing.txt": {"published": "2025-02-18"}}`,
	})
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, MaxFileSize+1)
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	arts, errs := LoadDir(dir)

	var got []string
	for _, a := range arts {
		got = append(got, a.File+" "+a.ID)
	}
	want := []string{
		"early.txt 2025-02-17-talks-were-announced",
		"good2.txt 2025-02-18-peace-talks-agreed",
		"good1.txt 2025-02-19-lavrov-rubio-met-again",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded %q\nwant %q", got, want)
	}
	if len(arts) == 3 && (arts[1].Outlet != "The Test Times" || arts[1].URL != "https://t.test/a" || arts[1].Title != "Peace Talks Agreed") {
		t.Errorf("metadata of good2.txt not applied: %+v", arts[1])
	}

	wantErrs := map[string]string{ // file -> part of the error
		"nodate.txt":   "no date",
		"baddate.txt":  `bad date "2025-02-31"`,
		"empty.txt":    "empty file",
		"latin1.txt":   "not valid UTF-8",
		"binary.txt":   "binary",
		"notext.txt":   "no article text",
		"zdup.txt":     `duplicate id "2025-02-19-lavrov-rubio-met-again" (already used by good1.txt)`,
		"sources.json": `metadata for "missing.txt"`,
		"big.txt":      "too large",
		"dangling.txt": "no such file",
	}
	for _, err := range errs {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("error without a file: %v", err)
			continue
		}
		name := filepath.Base(fe.Path)
		if fe.Path != filepath.Join(dir, name) {
			t.Errorf("error path %q is not in %s", fe.Path, dir)
		}
		if part, ok := wantErrs[name]; !ok || !strings.Contains(err.Error(), part) {
			t.Errorf("unexpected error %v (want one containing %q)", err, part)
		}
		delete(wantErrs, name)
	}
	for name, part := range wantErrs {
		t.Errorf("no error for %s (want %q)", name, part)
	}
}

// TestLoadDirBrokenMetadata checks that a broken sources.json is reported
// and the files still load from their own date lines.
func TestLoadDirBrokenMetadata(t *testing.T) {
	tests := []struct {
		name, meta, want string
	}{
		{"syntax", `{"a.txt": {"published": "2025-02-18"`, "broken metadata file"},                    // truncated JSON
		{"unknown field", `{"a.txt": {"date": "2025-02-18"}}`, `unknown field "date"`},                // a typo in a field name
		{"wrong type", `["a.txt"]`, "broken metadata file"},                                           // not an object
		{"trailing data", `{} {}`, "data after the JSON object"},                                      // two objects
		{"bad value", `{"a.txt": {"published": "18.2.2025"}}`, `a.txt: metadata: bad published date`}, // reported for the article
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{
				"a.txt":        " date 2025-02-18 Talks began.\n",
				"b.txt":        " date 2025-02-19 Talks ended.\n",
				"sources.json": tt.meta,
			})
			arts, errs := LoadDir(dir)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("errors %v, want one containing %q", errs, tt.want)
			}
			if len(arts) == 0 || arts[len(arts)-1].File != "b.txt" {
				t.Errorf("b.txt did not load: %+v", arts)
			}
		})
	}
}

// TestLoadDirEmpty checks the errors for a directory without articles.
func TestLoadDirEmpty(t *testing.T) {
	dir := writeFiles(t, map[string]string{"README.md": "hello"})
	if arts, errs := LoadDir(dir); len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "no .txt article files") {
		t.Errorf("empty directory: %d articles, errors %v", len(arts), errs)
	}
	missing := filepath.Join(dir, "nope")
	if arts, errs := LoadDir(missing); len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || !strings.Contains(errs[0].Error(), missing) {
		t.Errorf("missing directory: %d articles, errors %v", len(arts), errs)
	}
}

// TestLoadDirSameAsEmbedded checks that a directory holding the embedded
// files loads to the same articles: the user's format is the embedded one.
func TestLoadDirSameAsEmbedded(t *testing.T) {
	want, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	entries, err := embedded.ReadDir("articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := embedded.ReadFile("articles/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	got, errs := LoadDir(writeFiles(t, files))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("LoadDir of the embedded files differs from Embedded()")
	}
}
