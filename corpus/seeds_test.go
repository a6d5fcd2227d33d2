package corpus

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// removed lists the seed lines, as the cleaner sees them, that are rightly
// not article text, with the reason. Furniture found by pattern ("Related
// article:", "Original url:", addresses) is not listed.
var removed = map[string]map[string]string{
	"002_d9d9a35d100142e7.txt": {
		"Published by Alejandro Baños Verified by 17 de febrero, 2025": "byline (rule 7)",
	},
	"004_ac6b38469b239619.txt": {
		"Russia and U.S. Agree to Start Ukraine Peace Talks, But No Plans Yet for Trump-Putin Meeting": "headline (rule 7)",
		"February 18, 2025": "date (rule 7)",
		"Top U.S. and Russian diplomats meet in Saudi Arabia on Tuesday. U.S. Department of State": "picture credit (rule 8); the caption sentence is checked below",
	},
}

// TestSeedsKeepEverySentence checks that no line of the seed articles is
// lost by cleaning: each is in Text (whole, or as part of a rejoined
// paragraph), a heading, or removed for a reason listed above.
func TestSeedsKeepEverySentence(t *testing.T) {
	arts, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		t.Run(a.File, func(t *testing.T) {
			raw, err := embedded.ReadFile("articles/" + a.File)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(stripHTML(string(raw)), "\n")
			if _, rest, ok, _ := ParseDateLine(lines[0]); ok {
				lines[0] = rest
			}
			checked := 0
			for _, line := range lines {
				line = normSpace(line)
				switch {
				case line == "":
					continue
				case relatedRe().MatchString(line) || origURLRe().MatchString(line) || bareURLRe().MatchString(line):
					if strings.Contains(a.Text, line) {
						t.Errorf("furniture left in the text: %q", line)
					}
					continue
				case removed[a.File][line] != "":
					if strings.Contains(a.Text, line) {
						t.Errorf("line removed as %s is still in the text: %q", removed[a.File][line], line)
					}
					continue
				case slices.Contains(a.Headings, line):
					if strings.Contains(a.Text, line+"\n") || strings.Contains(a.Text, line+" ") {
						t.Errorf("heading glued into the text: %q", line)
					}
					continue
				}
				checked++
				if !strings.Contains(a.Text, line) {
					t.Errorf("line lost by cleaning: %q", line)
				}
				if endsTerminal(line) && !slices.ContainsFunc(a.Paragraphs, func(p string) bool { return strings.Contains(p, line) }) {
					t.Errorf("sentence not within one paragraph: %q", line)
				}
			}
			if checked == 0 {
				t.Error("no line checked")
			}
			for _, bad := range []string{"<u>", "</u>", "Related article", "Original url", "http", "\n\n\n", "  "} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("text contains %q", bad)
				}
			}
		})
	}
}

// TestSeedQuirks checks the fix of each known quirk of the seeds.
func TestSeedQuirks(t *testing.T) {
	arts, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]Article{}
	for _, a := range arts {
		byFile[a.File[:3]] = a
	}
	const lede000 = "A new round of diplomatic talks between the United States and Russia is set to take place in Saudi Arabia this week, aiming to mend fractured relations and explore possibilities for ending the war in Ukraine."
	tests := []struct {
		name string
		ok   bool
	}{
		// 000: the heading line repeating the lede is dropped; the lede stays once.
		{"000 lede once", strings.Count(byFile["000"].Text, lede000) == 1 && strings.HasPrefix(byFile["000"].Text, lede000)},
		// 000: the sentence split across a blank line is one sentence again.
		{"000 rejoined", strings.Contains(byFile["000"].Text, "Leading the U.S. delegation will be Secretary of State Marco Rubio")},
		// 001: the date line is a summary distinct from the lede: it is the first paragraph.
		{"001 summary kept", strings.HasPrefix(byFile["001"].Paragraphs[0], "U.S. and Russian diplomats met in Saudi Arabia") && len(byFile["001"].Headings) == 5},
		// 002: the byline is not text; the first paragraph is the article's.
		{"002 byline gone", strings.HasPrefix(byFile["002"].Text, "U.S. diplomacy, led by") && !strings.Contains(byFile["002"].Text, "Verified by")},
		// 004: title and date come from the text; the caption keeps its sentence.
		{"004 caption", byFile["004"].Paragraphs[0] == "Top U.S. and Russian diplomats meet in Saudi Arabia on Tuesday."},
		// 004: the tag's inner text stays.
		{"004 tags", strings.Contains(byFile["004"].Text, "Kremlin aide Yury Ushakov told state broadcaster")},
		// 003: the Title Case question is a heading, not a sentence.
		{"003 question heading", slices.Contains(byFile["003"].Headings, "What Comes Next?")},
		// Curly quotes and dashes are kept as received.
		{"own characters", strings.Contains(byFile["001"].Text, "“We’re going to need") && strings.Contains(byFile["003"].Text, "emerging—one")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ok {
				t.Fail()
			}
		})
	}
}

// TestSeedFilesAsReceived checks that the embedded files are the seeds as
// received, byte for byte, when the shared seeds are at hand.
func TestSeedFilesAsReceived(t *testing.T) {
	const seeds = "../../shared/seeds"
	names, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(names) == 0 {
		t.Skip("no shared seeds beside the repository")
	}
	for _, name := range names {
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := embedded.ReadFile("articles/" + filepath.Base(name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: embedded copy differs from the seed (err %v)", filepath.Base(name), err)
		}
	}
}

// goldenArticle is the form of an article in the golden file.
type goldenArticle struct {
	ID, File, Title, Outlet, Published, URL string
	Headings, Paragraphs                    []string
}

// TestGolden compares the cleaned seeds with testdata/embedded.golden.json;
// go test -run TestGolden -update rewrites it.
func TestGolden(t *testing.T) {
	arts, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var gs []goldenArticle
	for _, a := range arts {
		gs = append(gs, goldenArticle{a.ID, a.File, a.Title, a.Outlet, a.Date(), a.URL, a.Headings, a.Paragraphs})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(gs); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "embedded.golden.json")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("cleaned seeds differ from %s; if the change is intended, run go test -run TestGolden -update", path)
	}
}

// BenchmarkEmbedded measures loading and cleaning the embedded articles.
func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}
