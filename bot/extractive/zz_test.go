package extractive

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/timeline"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

func TestZZ(t *testing.T) {
	dir := os.Getenv("ZZC")
	if dir == "" {
		t.Skip()
	}
	arts, _ := corpus.LoadDir(dir)
	ix, _ := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(0), retrieval.Options{})
	e := New(nil, arts, ix, timeline.New(nil, arts))
	for _, qs := range strings.Split(os.Getenv("ZZQ"), "|") {
		hits, _ := ix.Search(t.Context(), qs, 8)
		q := e.analyse(qs)
		fmt.Printf("Q %q kind=%v total=%.2f slot=%.2f\n", qs, q.kind, q.total, q.slot)
		for _, w := range q.words {
			var alts []string
			for _, a := range w.Alts {
				alts = append(alts, fmt.Sprintf("%s:%.2f", strings.Join(a.Terms, "+"), a.Weight))
			}
			if len(alts) > 8 {
				alts = alts[:8]
			}
			fmt.Printf("  w %-14s term=%-12s idf=%.2f known=%v alts=%v\n", w.Word, w.Term, w.IDF, w.Known(), alts)
		}
		cands := e.candidates(q, hits, nil)
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].cover+cands[i].titled > cands[j].cover+cands[j].titled })
		for _, c := range cands[:min(4, len(cands))] {
			fmt.Printf("  c cover=%.2f titled=%.2f match=%.2f score=%.2f cov=%v | %.150s\n", c.cover, c.titled, c.match, c.score, c.covered, c.s.text)
		}
		fmt.Println("  support", e.support(t.Context(), answer.Query{Text: qs, Search: qs}, hits))
	}
}
