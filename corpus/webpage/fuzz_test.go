package webpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that no page makes Extract panic, and that what it
// returns is clean text: no empty paragraph, no paragraph with a line
// break or surrounding spaces.
func FuzzExtract(f *testing.F) {
	for _, c := range pageCases {
		data, err := os.ReadFile(filepath.Join("testdata", c.name+".html"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`<script type="application/ld+json">[{"@type":["NewsArticle"],"author":[{"name":1}],"datePublished":5}]</script><p>x</p>`)
	f.Add(`<p>RIYADH, Feb. 30, 2025 — The talks.</p>`)
	f.Fuzz(func(t *testing.T, page string) {
		p, err := Extract(strings.NewReader(page), nil)
		if err != nil {
			return
		}
		for _, para := range p.Paragraphs {
			if para == "" || strings.ContainsAny(para, "\n\r") || strings.TrimSpace(para) != para {
				t.Errorf("paragraph %q", para)
			}
			if utf8.ValidString(page) && !utf8.ValidString(para) {
				t.Errorf("invalid UTF-8 in %q", para)
			}
		}
	})
}
