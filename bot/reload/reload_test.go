package reload

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/retrieval"
	"github.com/talksbot/talksbot/retrieval/prepared"
)

// Small articles, each about its own thing, so that an answer's citations
// say which corpus answered it.
var articles = map[string]string{
	"pelicans.txt": " date 2025-03-01\n\nLisbon counts its pelicans\n\nThe pelican census in Lisbon counted 412 pelicans this winter. " +
		"Marine biologist Ana Costa led the pelican census along the Tagus estuary. " +
		"The pelicans arrived earlier than in any year before, Costa said.\n",
	"harbour.txt": " date 2025-03-02\n\nLisbon harbour council approves a pier\n\nThe harbour council of Lisbon met on Monday. " +
		"The council approved a new pier for the fishing boats of the old town. " +
		"Building the pier will take two years, the council's chair said.\n",
	"walruses.txt": " date 2025-03-03\n\nSvalbard walrus survey\n\nThe walrus survey in Svalbard counted 87 walruses on the ice. " +
		"Researcher Lars Berg led the walrus survey from a small boat. " +
		"Berg said the walruses were calm and well fed.\n",
}

func write(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(articles[name]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// builder prepares dir as the command does: through the cache of
// prepared corpora, with the offline embedder.
func builder(dir, cache string, log *slog.Logger) BuildFunc {
	return func(ctx context.Context) (*bot.Engine, error) {
		st, err := prepared.LoadDir(ctx, dir, retrieval.NewHashing(0), prepared.Options{CacheDir: cache, Version: "test", Logger: log})
		if err != nil {
			return nil, err
		}
		return bot.New(log, st.Articles, st.Index, bot.Options{}), nil
	}
}

func start(t *testing.T, files ...string) (*Reloader, string, *lockedWriter) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		write(t, dir, f)
	}
	logs := &lockedWriter{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	build := builder(dir, t.TempDir(), log)
	eng, err := build(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return New(t.Context(), log, eng, build), dir, logs
}

// lockedWriter is a log sink safe to read while it is written.
type lockedWriter struct {
	mu sync.Mutex
	w  bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}

func cites(a *bot.Answer) []string {
	var out []string
	for _, c := range a.Citations {
		out = append(out, c.Article)
	}
	return out
}

func sourceIDs(r *Reloader) []string {
	var out []string
	for _, s := range r.Sources() {
		out = append(out, s.Article)
	}
	slices.Sort(out)
	return out
}

// TestReloadWhileAnswering adds an article and removes another while 50
// questions are being answered: every question gets an answer, each from
// either the old corpus or the new one (never a mix, never an error), and
// every question asked after Reload returns is answered from the new one.
func TestReloadWhileAnswering(t *testing.T) {
	r, dir, _ := start(t, "pelicans.txt", "harbour.txt")
	oldIDs := sourceIDs(r)
	if len(oldIDs) != 2 {
		t.Fatalf("sources before: %v", oldIDs)
	}
	questions := []string{"Who led the pelican census?", "Who led the walrus survey?", "What did the harbour council approve?"}

	type result struct {
		q     string
		after bool // asked after the reload returned
		a     *bot.Answer
		err   error
	}
	var swapped atomic.Bool
	// Collected under a lock, not sent on a channel: how many questions
	// are asked while the reload runs depends on the machine's load, and
	// a full channel nobody reads until the end would block them all.
	var (
		mu      sync.Mutex
		results []result
	)
	var wg, started sync.WaitGroup
	begin := make(chan struct{})
	for i := range 50 {
		wg.Add(1)
		started.Add(1)
		go func() {
			defer wg.Done()
			<-begin
			q := questions[i%len(questions)]
			// One question that may meet the reload, then one after it.
			first := true
			for {
				after := swapped.Load()
				if first {
					// The reload starts once every goroutine has
					// asked: else one that starts late, under load,
					// asks only after it.
					first = false
					started.Done()
				}
				a, err := r.AskStream(t.Context(), bot.Question{Text: q}, nil)
				mu.Lock()
				results = append(results, result{q, after, a, err})
				mu.Unlock()
				if after {
					return
				}
				if !swapped.Load() {
					continue // ask again while the reload runs
				}
			}
		}()
	}
	close(begin)
	started.Wait()
	write(t, dir, "walruses.txt")
	if err := os.Remove(filepath.Join(dir, "pelicans.txt")); err != nil {
		t.Fatal(err)
	}
	if err := r.Reload(t.Context()); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	swapped.Store(true)
	wg.Wait()

	newIDs := sourceIDs(r)
	walrus := ""
	for _, id := range newIDs {
		if strings.Contains(id, "walrus") {
			walrus = id
		}
	}
	if len(newIDs) != 2 || walrus == "" {
		t.Fatalf("sources after: %v; want the harbour and the walruses", newIDs)
	}
	if slices.Equal(oldIDs, newIDs) {
		t.Fatalf("the sources did not change: %v", newIDs)
	}
	within := func(ids, set []string) bool {
		for _, id := range ids {
			if !slices.Contains(set, id) {
				return false
			}
		}
		return true
	}
	n, afterN := 0, 0
	for _, res := range results {
		n++
		if res.err != nil {
			t.Errorf("%q: %v", res.q, res.err)
			continue
		}
		c := cites(res.a)
		if !within(c, oldIDs) && !within(c, newIDs) {
			t.Errorf("%q cites %v: neither the old corpus %v nor the new %v", res.q, c, oldIDs, newIDs)
		}
		if res.after {
			afterN++
			if !within(c, newIDs) {
				t.Errorf("%q asked after the reload cites %v, outside the new corpus %v", res.q, c, newIDs)
			}
			if strings.Contains(res.q, "walrus") && !slices.Contains(c, walrus) {
				t.Errorf("%q after the reload cites %v, want the new article", res.q, c)
			}
		}
	}
	if afterN != 50 || n < 100 {
		t.Errorf("%d answers, %d of them after the reload; want every question answered (at least 100, 50 after)", n, afterN)
	}
	// The new article answers.
	a, err := r.Ask(t.Context(), bot.Question{Text: "Who led the walrus survey?"})
	if err != nil || !strings.Contains(a.Answer, "Lars Berg") {
		t.Errorf("after the reload, the walrus question: %v %+v", err, a)
	}
}

// TestReloadFailureKeepsServing: a reload that fails (the directory lost
// its last article) leaves the old articles answering; a file that cannot
// be loaded is skipped and the others load.
func TestReloadFailureKeepsServing(t *testing.T) {
	r, dir, _ := start(t, "pelicans.txt")
	before, version := sourceIDs(r), r.Version()
	if err := os.Remove(filepath.Join(dir, "pelicans.txt")); err != nil {
		t.Fatal(err)
	}
	if err := r.Reload(t.Context()); err == nil {
		t.Fatal("Reload of an empty directory succeeded")
	}
	if got := sourceIDs(r); !slices.Equal(got, before) || r.Version() != version {
		t.Errorf("after a failed reload the sources are %v (version %s), want %v (%s)", got, r.Version(), before, version)
	}
	a, err := r.Ask(t.Context(), bot.Question{Text: "Who led the pelican census?"})
	if err != nil || !strings.Contains(a.Answer, "Ana Costa") {
		t.Errorf("the old articles no longer answer: %v %+v", err, a)
	}

	write(t, dir, "harbour.txt")
	if err := os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("no date here\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.Reload(t.Context()); err != nil {
		t.Fatalf("Reload with one broken file: %v", err)
	}
	if got := sourceIDs(r); len(got) != 1 || !strings.Contains(got[0], "harbour") {
		t.Errorf("sources %v, want the harbour article alone", got)
	}
	if r.Version() == version {
		t.Errorf("the version did not change with the articles")
	}
}

// TestAlsoRunsWithEveryReload: the functions added with Also run after
// each reload, a failed one included, and their errors are reported.
func TestAlsoRunsWithEveryReload(t *testing.T) {
	r, _, _ := start(t, "pelicans.txt")
	calls := 0
	r.Also(func(context.Context) error { calls++; return errors.New("bad config") })
	if err := r.Reload(t.Context()); err == nil || !strings.Contains(err.Error(), "bad config") {
		t.Errorf("Reload = %v, want the hook's error", err)
	}
	if calls != 1 {
		t.Errorf("hook ran %d times", calls)
	}
}

// TestWatch: a new file in the directory reloads (once things are quiet),
// and so does a signal; files beside the articles that tools write (dot
// files, temporary files) do not count.
func TestWatch(t *testing.T) {
	r, dir, logs := start(t, "pelicans.txt")
	now := make(chan struct{})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.Watch(ctx, now, 20*time.Millisecond, dir) }()
	version := r.Version()

	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("waited in vain for %s", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("the watch", func() bool { return strings.Contains(logs.String(), "watching for changes") })
	write(t, dir, "walruses.txt")
	waitFor("the new article", func() bool { return len(r.Sources()) == 2 })
	if r.Version() == version {
		t.Errorf("version unchanged after a reload with a new article")
	}

	// A signal reloads at once: a file added beside the watch (by a name
	// the watch ignores) shows up.
	if err := os.WriteFile(filepath.Join(dir, ".harbour.txt.tmp"), []byte(articles["harbour.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, ".harbour.txt.tmp"), filepath.Join(dir, ".hidden")); err != nil {
		t.Fatal(err)
	}
	now <- struct{}{}
	waitFor("the reload by signal", func() bool {
		return strings.Count(logs.String(), "why=signal") == 1
	})
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch: %v", err)
	}
	if n := strings.Count(logs.String(), `why="files changed"`); n < 1 {
		t.Errorf("%d reloads for changed files; logs:\n%s", n, logs.String())
	}
}
