package retrieval

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// goldQuestion is one line of testdata/dev.jsonl.
type goldQuestion struct {
	ID         string     `json:"id"`
	Question   string     `json:"question"`
	Answerable bool       `json:"answerable"`
	Facts      [][]string `json:"facts"`
}

func readGold(t testing.TB, path string) []goldQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []goldQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q goldQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

// normFact normalises text as score.py does: lower case, straight quotes and
// hyphens, single spaces.
func normFact(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// recallAt returns the share of the gold fact groups of the answerable
// questions found in the text of the top k hits (score.py's retrieval
// recall@5), and the IDs of the questions that miss a group.
func recallAt(t testing.TB, ix *Index, qs []goldQuestion, k int) (float64, []string) {
	t.Helper()
	var sum float64
	var n int
	var misses []string
	for _, q := range qs {
		if !q.Answerable {
			continue
		}
		hits, err := ix.Search(context.Background(), q.Question, k)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, h := range hits {
			texts = append(texts, h.Passage.Text)
		}
		all := normFact(strings.Join(texts, " "))
		found := 0
		for _, g := range q.Facts {
			for _, alt := range g {
				if strings.Contains(all, normFact(alt)) {
					found++
					break
				}
			}
		}
		if found < len(q.Facts) {
			misses = append(misses, q.ID)
		}
		sum += float64(found) / float64(len(q.Facts))
		n++
	}
	return sum / float64(n), misses
}
