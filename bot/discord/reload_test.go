package discord

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/reload"
	"github.com/talksbot/talksbot/retrieval"
	"github.com/talksbot/talksbot/retrieval/prepared"
)

// TestReloadShowsNewArticles: the bot over a Reloader (as talksbot discord
// runs it) lists in /sources, and dates in /timeline, an article added to
// the corpus directory once a reload has swapped it in.
func TestReloadShowsNewArticles(t *testing.T) {
	t.Parallel()
	dir, cache := t.TempDir(), t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pelicans.txt", " date 2025-03-01\n\nLisbon counts its pelicans\n\nThe pelican census in Lisbon counted 412 pelicans on Friday. Marine biologist Ana Costa led the pelican census.\n")
	build := func(ctx context.Context) (*bot.Engine, error) {
		st, err := prepared.LoadDir(ctx, dir, retrieval.NewHashing(0), prepared.Options{CacheDir: cache, Version: "test"})
		if err != nil {
			return nil, err
		}
		return bot.New(discardLog(), st.Articles, st.Index, bot.Options{}), nil
	}
	eng, err := build(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	r := reload.New(t.Context(), discardLog(), eng, build)
	h := startOn(t, newFakeDiscord(t), r, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("5000", "u1", "sources"))
	if got := decode(t, h.f.wait(editOf("tok-5000"), 1, 10*time.Second)[0]).Content; !strings.Contains(got, "these 1 articles") {
		t.Errorf("/sources before: %q", got)
	}
	write("walruses.txt", " date 2025-03-03\n\nSvalbard walrus survey\n\nThe walrus survey in Svalbard counted 87 walruses on Monday. Researcher Lars Berg led the walrus survey.\n")
	if err := r.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	h.f.dispatch("INTERACTION_CREATE", slash("5001", "u1", "sources"))
	if got := decode(t, h.f.wait(editOf("tok-5001"), 1, 10*time.Second)[0]).Content; !strings.Contains(got, "these 2 articles") || !strings.Contains(got, "Svalbard walrus survey") {
		t.Errorf("/sources after the reload: %q", got)
	}
	h.f.dispatch("INTERACTION_CREATE", slash("5002", "u1", "timeline"))
	text := decode(t, h.f.wait(followupOf("tok-5002"), 1, 10*time.Second)[0]).Content
	if !strings.Contains(text, "walrus") {
		t.Errorf("/timeline after the reload does not date the new article:\n%s", text)
	}
	h.stop()
	h.f.checkNoPings(t)
}
