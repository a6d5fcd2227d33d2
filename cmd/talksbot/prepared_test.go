package main

import (
	"encoding/json"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
	"github.com/talksbot/talksbot/retrieval/prepared"
)

// TestPreparedAnswersAsFresh checks that the prepared states answer every
// dev question exactly as an engine built afresh from the articles does:
// the built-in state of go generate, and a corpus directory prepared cold
// and then loaded warm from the cache.
func TestPreparedAnswersAsFresh(t *testing.T) {
	ctx := t.Context()
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	freshState, err := prepared.Build(ctx, arts, retrieval.NewHashing(0), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := prepared.Builtin(ctx, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	dirOpts := prepared.Options{CacheDir: cache, Version: "test"}
	cold, err := prepared.LoadDir(ctx, "../../corpus/articles", retrieval.NewHashing(0), dirOpts)
	if err != nil {
		t.Fatal(err)
	}
	warm, err := prepared.LoadDir(ctx, "../../corpus/articles", retrieval.NewHashing(0), dirOpts)
	if err != nil {
		t.Fatal(err)
	}
	engine := func(s *prepared.State) *bot.Engine { return bot.New(nil, s.Articles, s.Index, bot.Options{}) }
	fresh := engine(freshState)
	others := map[string]*bot.Engine{"builtin": engine(builtin), "cold": engine(cold), "warm": engine(warm)}
	gold, err := readGoldFile(devGold)
	if err != nil {
		t.Fatal(err)
	}
	answer := func(e *bot.Engine, q string) string {
		a, err := e.Ask(ctx, bot.Question{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		a.Timings = bot.Timings{}
		b, _ := json.Marshal(a)
		return string(b)
	}
	for _, it := range gold {
		want := answer(fresh, it.Question)
		for name, e := range others {
			if got := answer(e, it.Question); got != want {
				t.Errorf("%s: %q:\n got %s\nwant %s", name, it.Question, got, want)
			}
		}
	}
}
