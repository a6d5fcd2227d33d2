package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// TestBuildID reads the Go build ID that names this build for the cache,
// without hashing the whole executable.
func TestBuildID(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, want string
	}{
		// Mach-O and PE binaries carry the ID quoted near their start.
		{"quoted", write("quoted", "\x00\x01text\xff Go build ID: \"abc/def\"\n \xff"), "abc/def"},
		// Not an executable at all: the caller hashes the file instead.
		{"none", write("none", "just text"), ""},
		{"ELF without the note", write("elf", "\x7fELF garbage"), ""},
		{"missing", filepath.Join(dir, "missing"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildID(tt.path); got != tt.want {
				t.Errorf("buildID = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("this test binary", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("ELF only")
		}
		exe, err := os.Executable()
		if err != nil {
			t.Skip(err)
		}
		id := buildID(exe)
		if !strings.Contains(id, "/") || id != buildID(exe) {
			t.Errorf("buildID(test binary) = %q, want a stable action/content ID", id)
		}
		// go test stamps no VCS revision, so the build ID names it.
		if v := engineVersion(); v != "buildid "+id {
			t.Errorf("engineVersion() = %q, want %q", v, "buildid "+id)
		}
	})
}
