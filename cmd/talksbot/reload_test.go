package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// TestReloadOnHangup: SIGHUP reloads the corpus directory through the
// same construction as the start (the cache included): a new article is
// answered from, a removed one is gone from the sources, and a file that
// cannot be loaded is logged by name while the others load.
func TestReloadOnHangup(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pelicans.txt", " date 2025-03-01\n\nLisbon counts its pelicans\n\nThe pelican census in Lisbon counted 412 pelicans. Marine biologist Ana Costa led the pelican census.\n")
	hups := make(chan os.Signal)
	logs := &syncBuffer{}
	a := &app{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: logs, hangups: hups}
	cfg := config{corpusDir: dir, cacheDir: t.TempDir(), logLevel: "info"}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	r, err := a.reloader(t.Context(), &cfg, reloading{watch: false}, log)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Sources()); n != 1 {
		t.Fatalf("%d sources at start", n)
	}
	write("walruses.txt", " date 2025-03-03\n\nSvalbard walrus survey\n\nThe walrus survey in Svalbard counted 87 walruses. Researcher Lars Berg led the walrus survey.\n")
	write("broken.txt", "\x00\x01\x02 not an article")
	os.Remove(filepath.Join(dir, "pelicans.txt"))
	hups <- syscall.SIGHUP
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(logs.String(), "reloaded the articles") {
		if time.Now().After(deadline) {
			t.Fatalf("no reload after SIGHUP; logs:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	src := r.Sources()
	if len(src) != 1 || !strings.Contains(src[0].Title, "walrus") {
		t.Errorf("sources after the reload: %+v, want the walrus article alone", src)
	}
	if !strings.Contains(logs.String(), "skipped article file") || !strings.Contains(logs.String(), "broken.txt") {
		t.Errorf("the broken file is not reported:\n%s", logs.String())
	}
	a2, err := r.Ask(t.Context(), bot.Question{Text: "Who led the walrus survey?"})
	if err != nil || !strings.Contains(a2.Answer, "Lars Berg") {
		t.Errorf("the new article does not answer: %v %+v", err, a2)
	}
}
