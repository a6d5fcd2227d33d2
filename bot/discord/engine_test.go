package discord

import (
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// The engine is what the front end runs on.
var _ Engine = (*bot.Engine)(nil)

// TestRealEngine runs /ask and /sources on the real offline engine over the
// built-in articles, through the fake Discord.
func TestRealEngine(t *testing.T) {
	t.Parallel()
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(0), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng := bot.New(discardLog(), arts, ix, bot.Options{})
	f := newFakeDiscord(t)
	h := startOn(t, f, eng, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("1", "u1", "ask", strOpt("question", "Who led the U.S. delegation in Riyadh?")))
	h.f.dispatch("INTERACTION_CREATE", slash("2", "u1", "sources"))
	answer := decode(t, h.f.wait(editOf("tok-1"), 1, 10*time.Second)[0]).Content
	sources := decode(t, h.f.wait(editOf("tok-2"), 1, 10*time.Second)[0]).Content
	t.Logf("answer:\n%s", answer)
	if !strings.HasPrefix(answer, "> Who led the U.S. delegation in Riyadh?\n") {
		t.Errorf("answer does not quote the question:\n%s", answer)
	}
	if !strings.Contains(sources, "](<http") {
		t.Errorf("sources have no links:\n%s", sources)
	}
	h.stop()
	h.f.checkNoPings(t)
}
