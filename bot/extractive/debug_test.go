package extractive

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

func TestDebugQuestions(t *testing.T) {
	qs := os.Getenv("QS")
	if qs == "" {
		t.Skip()
	}
	var arts []corpus.Article
	var err error
	if d := os.Getenv("CORPUS"); d != "" {
		arts, _ = corpus.LoadDir(d)
	} else {
		arts, err = corpus.Embedded()
	}
	if err != nil {
		t.Fatal(err)
	}
	ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(0), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := New(nil, arts, ix, nil)
	for _, qt := range strings.Split(qs, "|") {
		q := analyse(ix, qt)
		fmt.Printf("\n== %s  kind=%d unknown=%.2f total=%.2f subject=%v sides=%v identity=%v\n", qt, q.kind, q.unknownShare(), q.total, q.subject, q.sides, q.identity)
		for _, w := range q.words {
			var alts []string
			for _, a := range w.Alts {
				alts = append(alts, fmt.Sprintf("%s:%.1f", strings.Join(a.Terms, "+"), a.Weight))
			}
			if len(alts) > 8 {
				alts = alts[:8]
			}
			fmt.Printf("   %-12s idf %.2f  %v\n", w.Word, w.IDF, alts)
		}
		hits, _ := ix.Search(t.Context(), qt, 8)
		cands := e.candidates(q, hits, nil)
		for i, c := range cands[:min(5, len(cands))] {
			fmt.Printf("   %d score %.2f cover %.2f win %.2f bonus %.1f pass %.2f | %.120s\n", i, c.score, c.cover, c.window, c.bonus, c.passage, c.s.text)
		}
	}
}
