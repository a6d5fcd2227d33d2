package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/llm"
	"github.com/talksbot/talksbot/bot/timeline"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
	"github.com/talksbot/talksbot/retrieval/prepared"
)

// config is what every engine-using command shares: where the articles are,
// which models to use, and the limits. Secrets are never flags: they come
// from the environment (OPENAI_API_KEY, DISCORD_TOKEN).
type config struct {
	corpusDir   string
	cacheDir    string
	chatModel   string
	embedModel  string
	passages    int
	maxQuestion int
	timeout     time.Duration
	logLevel    string
	maxTokens   int           // cap on the tokens of one LLM answer
	llmTimeout  time.Duration // deadline of one LLM or embeddings call

	// From the environment.
	apiKey  string
	baseURL string

	// oneShot says that the command loads the corpus once and ends (ask,
	// eval, timeline): a cached corpus is then used where it lies in the
	// mapped cache file (see prepared.Options.Pinned). Commands that reload
	// (chat, discord) leave it false.
	oneShot bool
}

// registerCorpus adds the flags of commands that only read the articles
// (sources, timeline): the corpus and the log level. Such commands build
// the engine offline.
func (c *config) registerCorpus(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&c.corpusDir, "corpus", getenv("TALKSBOT_CORPUS"), "directory of article files to answer from (default: the articles built in)")
	fs.StringVar(&c.logLevel, "log-level", "warn", "log level: debug, info, warn or error")
	fs.StringVar(&c.cacheDir, "cache", getenv("TALKSBOT_CACHE"), "directory for prepared corpora and endpoint embeddings (default: the user cache directory's talksbot)")
}

// register adds the shared flags to fs, with defaults from the environment
// where DESIGN.md names a variable.
func (c *config) register(fs *flag.FlagSet, getenv func(string) string) {
	c.registerCorpus(fs, getenv)
	fs.StringVar(&c.chatModel, "model", envOr(getenv, "TALKSBOT_MODEL", "gpt-4o-mini"), "chat model of the OpenAI-compatible endpoint (empty: answer offline even with an endpoint)")
	fs.StringVar(&c.embedModel, "embed-model", getenv("TALKSBOT_EMBED_MODEL"), "embedding model of the endpoint (default: the offline embedder)")
	fs.IntVar(&c.passages, "k", bot.DefaultPassages, "passages retrieved per question")
	fs.IntVar(&c.maxQuestion, "max-question", bot.DefaultMaxQuestion, "longest question accepted, in characters")
	fs.DurationVar(&c.timeout, "timeout", 60*time.Second, "deadline for one answer, LLM calls included")
	fs.IntVar(&c.maxTokens, "max-tokens", llm.DefaultMaxTokens, "most tokens of one LLM answer")
	fs.DurationVar(&c.llmTimeout, "llm-timeout", llm.DefaultTimeout, "deadline of one call to the LLM endpoint (each of at most 3 attempts)")
	c.apiKey = getenv("OPENAI_API_KEY")
	c.baseURL = getenv("OPENAI_BASE_URL")
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// mode is the answer mode the configuration gives (bot.ModeLLM or
// bot.ModeExtractive).
func (c *config) mode() string {
	if c.llmConfigured() && c.chatModel != "" {
		return bot.ModeLLM
	}
	return bot.ModeExtractive
}

// llmConfigured reports whether an LLM endpoint is configured.
func (c *config) llmConfigured() bool { return c.apiKey != "" || c.baseURL != "" }

// logger returns the logger for the command, writing to w.
func (c *config) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		level = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// articles loads the corpus: the embedded articles, or the directory given.
// Files that fail to load are reported on log and skipped.
func (c *config) articles(log *slog.Logger) ([]corpus.Article, error) {
	if c.corpusDir == "" {
		return corpus.Embedded()
	}
	if st, err := os.Stat(c.corpusDir); err != nil {
		return nil, fmt.Errorf("corpus directory: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("--corpus %s is a file, not a directory of articles", c.corpusDir)
	}
	arts, errs := corpus.LoadDir(c.corpusDir)
	logSkipped(log, errs, len(arts) > 0)
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("no article could be loaded from %s: %s", c.corpusDir, strings.Join(msgs, "; "))
	}
	return arts, nil
}

// indexCacheDir is the directory of the embedding cache: --cache, else the
// user cache directory's talksbot; "" (no cache) when there is none.
func (c *config) indexCacheDir(log *slog.Logger) string {
	if c.cacheDir != "" {
		return c.cacheDir
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		log.Warn("no user cache directory; prepared corpora and endpoint embeddings will not be cached", "err", err)
		return ""
	}
	return filepath.Join(dir, "talksbot")
}

// engine builds the engine the flags describe. With an endpoint configured
// (OPENAI_API_KEY or OPENAI_BASE_URL) the chat model answers, and with
// --embed-model the passages are embedded through the endpoint too. The
// corpus comes prepared (see prepareCorpus); while a corpus is prepared, a
// progress bar is drawn on stderr when it is a terminal.
func (c *config) engine(ctx context.Context, log *slog.Logger, stderr io.Writer) (*bot.Engine, error) {
	var client *llm.Client
	if c.llmConfigured() && (c.chatModel != "" || c.embedModel != "") {
		client = llm.New(log, llm.Config{
			Key: c.apiKey, BaseURL: c.baseURL, Model: c.chatModel, EmbedModel: c.embedModel,
			MaxTokens: c.maxTokens, Timeout: c.llmTimeout,
		})
	}
	var emb retrieval.Embedder = retrieval.NewHashing(0)
	ropts := retrieval.Options{Logger: log}
	model := ""
	if c.embedModel != "" {
		if client == nil {
			return nil, errors.New("--embed-model needs an endpoint: set OPENAI_BASE_URL (and OPENAI_API_KEY if it wants one)")
		}
		emb, model = client, client.ModelID()
	}
	if f, ok := stderr.(*os.File); ok && isTerminal(f) {
		ropts.Progress = preparingBar(stderr)
	}
	var note string
	st, err := waitLogged(log, c.embedModel != "", func() (*prepared.State, error) {
		return c.prepareCorpus(ctx, log, emb, model, ropts)
	})
	if err != nil && c.embedModel != "" && ctx.Err() == nil {
		// Embeddings degrade like chat: the offline embedder and BM25
		// answer, and every answer says so.
		log.Warn("the embedding endpoint failed; using the offline embedder", "err", err)
		st, err = c.prepareCorpus(ctx, log, retrieval.NewHashing(0), "", ropts)
		note = bot.NoteOfflineEmbedder
	}
	if err != nil {
		return nil, err
	}
	opts := bot.Options{Passages: c.passages, MaxQuestion: c.maxQuestion, Note: note,
		TimelineCache: timeline.Cache{File: st.Beside("timeline"), Version: engineVersion()}}
	if client != nil && c.chatModel != "" {
		opts.LLM = client
	}
	return bot.New(log, st.Articles, st.Index, opts), nil
}

// prepareCorpus returns the corpus prepared for answering: the built-in
// articles as prepared at development time (go generate), or, with
// --corpus, the directory's articles, prepared once and cached under
// --cache, keyed by their content, this build and the embedding model.
// Built-in articles embedded by an endpoint (--embed-model) have their
// endpoint vectors cached there too.
func (c *config) prepareCorpus(ctx context.Context, log *slog.Logger, emb retrieval.Embedder, model string, ropts retrieval.Options) (*prepared.State, error) {
	if c.corpusDir == "" {
		if model == "" {
			return prepared.Builtin(ctx, ropts)
		}
		arts, err := corpus.Embedded()
		if err != nil {
			return nil, err
		}
		ropts.CacheDir, ropts.ModelID = c.indexCacheDir(log), model
		return prepared.Build(ctx, arts, emb, ropts)
	}
	if st, err := os.Stat(c.corpusDir); err != nil {
		return nil, fmt.Errorf("corpus directory: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("--corpus %s is a file, not a directory of articles", c.corpusDir)
	}
	st, err := prepared.LoadDir(ctx, c.corpusDir, emb, prepared.Options{
		CacheDir: c.indexCacheDir(log), Version: engineVersion(), Model: model, Index: ropts, Logger: log,
		Pinned: c.oneShot,
	})
	if err != nil {
		return nil, err
	}
	logSkipped(log, st.Skipped, len(st.Articles) > 0)
	return st, nil
}

// logSkipped reports the files of the corpus directory that did not load.
func logSkipped(log *slog.Logger, errs []error, some bool) {
	for _, err := range errs {
		// Only a file's own problem skips it; a problem of the directory
		// (no .txt files at all) is no skipped file.
		var fe *corpus.FileError
		if errors.As(err, &fe) {
			log.Warn("skipped article file", "file", fe.Path, "err", fe.Err)
		} else if some {
			log.Warn("corpus directory", "err", err)
		}
	}
}

// preparingBar draws the progress of preparing a corpus on w, a terminal,
// once it has taken long enough for a person to wonder (half a second),
// and erases it when done.
func preparingBar(w io.Writer) func(done, total int) {
	start := time.Now()
	bar := progressBar(w)
	shown, last := false, time.Time{}
	return func(done, total int) {
		now := time.Now()
		switch {
		case done == total && shown:
			bar(done, total)
		case done == total, now.Sub(start) < 500*time.Millisecond, now.Sub(last) < 100*time.Millisecond:
			return
		default:
			if !shown {
				fmt.Fprintln(w, "Preparing the articles (once; later calls load them from the cache)…")
			}
			shown, last = true, now
			bar(done, total)
		}
	}
}

// engineVersion names this build of talksbot for the cache of prepared
// corpora: the module version and VCS revision stamped into the binary
// when they say exactly what was built, else the Go build ID the linker
// wrote into the executable (a hash of what was linked, so a copy of the
// binary keeps it), else a hash of the executable itself. Hashing the
// 27 MB executable cost every --corpus call 70-100 ms, which is why the
// build ID comes first.
//
// It is worked out once a process: the timeline's cache asks too.
var engineVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return bi.Main.Version + " " + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if id := buildID(exe); id != "" {
		return "buildid " + id
	}
	if f, err := os.Open(exe); err == nil {
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			return "exe " + hex.EncodeToString(h.Sum(nil))
		}
	}
	return "unknown"
})

// buildID returns the Go build ID of the executable at path, "" when it
// has none that can be read from its first bytes: on ELF, the
// .note.go.buildid note; elsewhere (Mach-O, PE), the quoted ID the linker
// puts at the start of the text, as cmd/internal/buildid reads them.
func buildID(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte("\x7fELF")) {
		ef, err := elf.NewFile(f)
		if err != nil {
			return ""
		}
		s := ef.Section(".note.go.buildid")
		if s == nil {
			return ""
		}
		note, err := s.Data()
		// namesz, descsz, type (4, Go's build ID), "Go\x00\x00", the ID.
		if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" ||
			ef.ByteOrder.Uint32(note[0:]) != 4 || ef.ByteOrder.Uint32(note[8:]) != 4 {
			return ""
		}
		id := note[16:]
		if d := ef.ByteOrder.Uint32(note[4:]); int(d) <= len(id) {
			id = id[:d]
		}
		return string(id)
	}
	const prefix = "\xff Go build ID: \""
	i := bytes.Index(head, []byte(prefix))
	if i < 0 {
		return ""
	}
	id := head[i+len(prefix):]
	j := bytes.IndexByte(id, '"')
	if j <= 0 {
		return ""
	}
	return string(id[:j])
}

// parseFlags parses a command's flags, wherever they are among its
// arguments (people type "ask "question" --json"), checks the shared ones,
// and returns the arguments that are not flags. "--" ends the flags, so a
// question never silently contains one. A flag the command does not know,
// or a value it cannot take, is a usage error (exit status 2); the flag
// package has already said which. c is nil for a command that has none of
// the shared flags (add).
func parseFlags(fs *flag.FlagSet, args []string, c *config) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, flagError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// The flag package stops at the first argument that is not a flag,
		// or after "--", which makes the rest arguments.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if c == nil {
		return pos, nil // a command without the shared flags
	}
	return pos, c.check(fs)
}

// check refuses values of the shared flags the engine cannot work with.
// Only the flags fs has are checked (sources and timeline have fewer).
func (c *config) check(fs *flag.FlagSet) error {
	has := func(name string) bool { return fs.Lookup(name) != nil }
	var level slog.Level
	switch {
	case has("log-level") && level.UnmarshalText([]byte(c.logLevel)) != nil:
		return usageError(fmt.Sprintf("--log-level %q: want debug, info, warn or error", c.logLevel))
	case has("k") && c.passages < minPassages:
		return usageError(fmt.Sprintf("--k %d: want at least %d passages", c.passages, minPassages))
	case has("max-question") && c.maxQuestion < 1:
		return usageError(fmt.Sprintf("--max-question %d: want 1 or more", c.maxQuestion))
	case has("timeout") && c.timeout <= 0:
		return usageError(fmt.Sprintf("--timeout %s: want a positive duration", c.timeout))
	case has("max-tokens") && c.maxTokens < 1:
		return usageError(fmt.Sprintf("--max-tokens %d: want 1 or more", c.maxTokens))
	case has("llm-timeout") && c.llmTimeout <= 0:
		return usageError(fmt.Sprintf("--llm-timeout %s: want a positive duration", c.llmTimeout))
	}
	return nil
}

// minPassages is the fewest passages a question may retrieve: the ask
// --json contract reports at least five where the corpus has them.
const minPassages = 5

// embedWait is how long building the index through the endpoint may go
// quietly: after it, the log says what the command is waiting for.
const embedWait = 2 * time.Second

// waitLogged runs prepare; when the embedding endpoint is in use (remote)
// and it has not finished after embedWait, it logs that it is waiting for
// the endpoint, so that a silent terminal is explained.
func waitLogged(log *slog.Logger, remote bool, prepare func() (*prepared.State, error)) (*prepared.State, error) {
	if !remote {
		return prepare()
	}
	type built struct {
		st  *prepared.State
		err error
	}
	done := make(chan built, 1)
	go func() {
		st, err := prepare()
		done <- built{st, err}
	}()
	t := time.NewTimer(embedWait)
	defer t.Stop()
	select {
	case b := <-done:
		return b.st, b.err
	case <-t.C:
		log.Warn("waiting for the embedding endpoint to embed the articles (once; they are cached)")
	}
	b := <-done
	return b.st, b.err
}
