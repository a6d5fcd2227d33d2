package dates

import (
	"flag"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// benchCorpus is a corpus directory to measure BenchmarkFindIn on too, e.g.
// one written by `go run ./cmd/scale -keep -dir DIR` (DIR/corpus-5000).
var benchCorpus = flag.String("corpus", "", "corpus directory for BenchmarkFindIn")

// BenchmarkFindIn reads the dates of every paragraph of the built-in
// articles (and of the -corpus directory), one core, as the timeline does
// for each article.
func BenchmarkFindIn(b *testing.B) {
	b.Run("builtin", func(b *testing.B) {
		arts, err := corpus.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		benchFindIn(b, arts)
	})
	if *benchCorpus != "" {
		b.Run("corpus", func(b *testing.B) {
			arts, errs := corpus.LoadDir(*benchCorpus)
			if len(arts) == 0 {
				b.Fatal(errs)
			}
			benchFindIn(b, arts)
		})
	}
}

func benchFindIn(b *testing.B, arts []corpus.Article) {
	type para struct {
		sentences []string
		art       *corpus.Article
	}
	var paras []para
	sentences := 0
	for i := range arts {
		for _, p := range arts[i].Paragraphs {
			ss := english.Split(p)
			paras = append(paras, para{ss, &arts[i]})
			sentences += len(ss)
		}
	}
	b.ResetTimer()
	var mentions int
	for b.Loop() {
		mentions = 0
		for _, p := range paras {
			for _, ms := range FindIn(p.sentences, p.art.Published) {
				mentions += len(ms)
			}
		}
	}
	b.ReportMetric(float64(sentences), "sentences")
	b.ReportMetric(float64(mentions), "mentions")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sentences), "ns/sentence")
}
