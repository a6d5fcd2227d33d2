package generative

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/prompts"
	"github.com/talksbot/talksbot/retrieval"
)

// TestPromptSize reports the prompt of each dev question (system + user,
// tokens estimated as characters/4) and keeps it under a budget.
func TestPromptSize(t *testing.T) {
	const budget = 2500 // tokens
	data, err := os.ReadFile("../../retrieval/testdata/dev.jsonl")
	if err != nil {
		t.Skip("no gold set:", err)
	}
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(0), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(nil, nil, arts)
	const passages = 8
	system := prompts.Tokens(prompts.System())
	var sizes []int
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var g struct{ Question string }
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(t.Context(), g.Question, passages)
		if err != nil {
			t.Fatal(err)
		}
		n := system + prompts.Tokens(prompts.User(g.Question, g.Question, a.promptPassages(hits)))
		if n > budget {
			t.Errorf("%q: prompt of %d tokens, over the budget of %d", g.Question, n, budget)
		}
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	sum := 0
	for _, n := range sizes {
		sum += n
	}
	t.Logf("prompt tokens over %d questions (%d passages each; system prompt %d): min %d, median %d, mean %d, max %d",
		len(sizes), passages, system, sizes[0], sizes[len(sizes)/2], sum/len(sizes), sizes[len(sizes)-1])
}
