package timeline

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// BenchmarkTimeline builds the timeline of generated news-like corpora of
// 1,000 and 5,000 articles (see newsCorpus): every report read, clustered
// and written as events.
func BenchmarkTimeline(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		arts := newsCorpus(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var events int
			for b.Loop() {
				evs, err := New(nil, arts).Events(b.Context(), Filter{})
				if err != nil {
					b.Fatal(err)
				}
				events = len(evs)
			}
			b.ReportMetric(float64(events), "events")
		})
	}
}

// newsCorpus returns n news-like articles made from the sentences of the
// embedded ones: each article takes a run of sentences from several of
// them, published on a day spread over eight months, with its months
// moved to that day's and some names replaced, so that reports fall on
// many dates and name many people, as a large corpus does.
func newsCorpus(tb testing.TB, n int) []corpus.Article {
	tb.Helper()
	base, err := corpus.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	var pool [][]string // paragraphs as sentences
	for _, a := range base {
		for _, p := range a.Paragraphs {
			if ss := english.Split(p); len(ss) > 0 {
				pool = append(pool, ss)
			}
		}
	}
	names := []string{"Abara", "Berrin", "Castel", "Dunmore", "Elvira", "Farrow", "Gideon", "Halvard", "Ismay", "Jarvis",
		"Kestrel", "Lorcan", "Maelis", "Norberg", "Orsolya", "Pellam", "Quillon", "Rosalind", "Sorrel", "Tamsin"}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]corpus.Article, n)
	for i := range arts {
		pub := start.AddDate(0, 0, r.IntN(240))
		var paras []string
		for range 4 + r.IntN(6) {
			ss := pool[r.IntN(len(pool))]
			var out []string
			for _, s := range ss {
				ws := strings.Split(s, " ")
				for k, w := range ws {
					bare := strings.TrimRight(w, ".,;:’'s")
					if _, ok := english.Month(bare); ok && len(bare) > 2 {
						ws[k] = strings.Replace(w, bare, pub.AddDate(0, r.IntN(3)-1, 0).Month().String(), 1)
					} else if len(bare) > 3 && bare[0] >= 'A' && bare[0] <= 'Z' && !english.IsCalendarWord(bare) && r.IntN(4) == 0 {
						ws[k] = strings.Replace(w, bare, names[r.IntN(len(names))]+names[(i+len(bare))%len(names)][:3], 1)
					}
				}
				s = strings.Join(ws, " ")
				out = append(out, s)
			}
			paras = append(paras, strings.Join(out, " "))
		}
		arts[i] = corpus.Article{ID: fmt.Sprintf("gen-%05d", i), Title: fmt.Sprintf("Generated %d", i), Outlet: "Bench",
			Published: pub, Paragraphs: paras, Text: strings.Join(paras, "\n\n")}
	}
	return arts
}

// benchCorpus is a corpus directory to measure BenchmarkEvents on too, e.g.
// one written by `go run ./cmd/scale -keep -dir DIR` (DIR/corpus-5000).
var benchCorpus = flag.String("corpus", "", "corpus directory for BenchmarkEvents")

// benchCorpora returns the corpora the timeline benchmarks run on, by
// name: generated ones of 1,000 and 5,000 articles, and the -corpus
// directory when given.
func benchCorpora(b *testing.B) map[string]func() []corpus.Article {
	corpora := map[string]func() []corpus.Article{
		"articles=1000": func() []corpus.Article { return newsCorpus(b, 1000) },
		"articles=5000": func() []corpus.Article { return newsCorpus(b, 5000) },
	}
	if *benchCorpus != "" {
		corpora["corpus"] = func() []corpus.Article {
			arts, errs := corpus.LoadDir(*benchCorpus)
			if len(arts) == 0 {
				b.Fatal(errs)
			}
			return arts
		}
	}
	return corpora
}

// BenchmarkEvents clusters the reports of generated corpora of 1,000 and
// 5,000 articles (and of the -corpus directory) into events: what a
// timeline does once the reports are read, or taken from its cache.
func BenchmarkEvents(b *testing.B) {
	corpora := benchCorpora(b)
	for _, name := range slices.Sorted(maps.Keys(corpora)) {
		b.Run(name, func(b *testing.B) {
			arts := corpora[name]()
			tools := textTools{split: english.Split, terms: english.Terms}
			per, _ := reportsOf(arts, tools, nil, nil)
			cite := New(nil, arts).lib.Cite
			b.ResetTimer()
			var events int
			for b.Loop() {
				events = len(eventsOf(per, tools, cite))
			}
			b.ReportMetric(float64(events), "events")
		})
	}
}

// BenchmarkReports reads the reports of every article (each sentence's
// dates, by dates.FindIn, and the clause of each) of generated corpora of
// 1,000 and 5,000 articles (and of the -corpus directory), on every core:
// what the first timeline of a corpus does before clustering.
func BenchmarkReports(b *testing.B) {
	corpora := benchCorpora(b)
	for _, name := range slices.Sorted(maps.Keys(corpora)) {
		b.Run(name, func(b *testing.B) {
			arts := corpora[name]()
			tools := textTools{split: english.Split, terms: english.Terms}
			b.ResetTimer()
			var reports int
			for b.Loop() {
				per, _ := reportsOf(arts, tools, nil, nil)
				reports = 0
				for _, rs := range per {
					reports += len(rs)
				}
			}
			b.ReportMetric(float64(reports), "reports")
		})
	}
}

// BenchmarkFirstTimeline builds the timeline of generated corpora of 1,000
// and 5,000 articles (and of the -corpus directory) with a cache file and
// none there yet: reports read, clustered and written to the cache, what
// the first `talksbot timeline` of a corpus does (the "built timeline"
// share of its --log-level debug).
func BenchmarkFirstTimeline(b *testing.B) {
	corpora := benchCorpora(b)
	for _, name := range slices.Sorted(maps.Keys(corpora)) {
		b.Run(name, func(b *testing.B) {
			arts := corpora[name]()
			tools := textTools{split: english.Split, terms: english.Terms}
			cite := New(nil, arts).lib.Cite
			c := Cache{File: filepath.Join(b.TempDir(), "timeline"), Version: "bench"}
			b.ResetTimer()
			var events int
			for b.Loop() {
				b.StopTimer()
				if err := os.Remove(c.File); err != nil && !errors.Is(err, os.ErrNotExist) {
					b.Fatal(err)
				}
				b.StartTimer()
				evs, read, _ := buildCached(arts, tools, cite, c, nil)
				if read != len(arts) {
					b.Fatalf("%d articles read from their text, want %d", read, len(arts))
				}
				events = len(evs)
			}
			b.ReportMetric(float64(events), "events")
		})
	}
}
