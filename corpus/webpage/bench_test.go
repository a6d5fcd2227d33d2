package webpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract extracts each test page, and a page of 2,000 nested
// blocks (the prune pass is linear in the page; it once was quadratic).
func BenchmarkExtract(b *testing.B) {
	pages := map[string]string{
		"nested-2000": strings.Repeat(`<div class="x share"><p>Related: <a href="/a">some words of a sentence here</a></p>`, 2000) + strings.Repeat("</div>", 2000),
	}
	for _, c := range pageCases {
		data, err := os.ReadFile(filepath.Join("testdata", c.name+".html"))
		if err != nil {
			b.Fatal(err)
		}
		pages[c.name] = string(data)
	}
	for _, name := range []string{"wordpress", "jsonld", "opengraph", "dateline", "nested-2000"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Extract(strings.NewReader(pages[name]), nil)
			}
		})
	}
}
