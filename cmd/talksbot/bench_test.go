package main

import (
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

// devGold is the dev gold set; the benchmarks ask its questions in turn.
const devGold = "../../bot/testdata/dev.jsonl"

func devQuestions(b *testing.B) []string {
	b.Helper()
	gold, err := readGoldFile(devGold)
	if err != nil {
		b.Fatal(err)
	}
	qs := make([]string, len(gold))
	for i, it := range gold {
		qs[i] = it.Question
	}
	return qs
}

// offlineEngine builds the engine as "talksbot ask" does with no flags and
// no LLM configured.
func offlineEngine(ctx context.Context) (*bot.Engine, error) {
	var cfg config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	cfg.register(fs, func(string) string { return "" })
	return cfg.engine(ctx, cfg.logger(io.Discard), io.Discard)
}

// BenchmarkEngine measures what every command pays before its first answer:
// loading the embedded articles, splitting them into passages and building
// the index.
func BenchmarkEngine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := offlineEngine(b.Context()); err != nil {
			b.Skipf("engine: %v", err)
		}
	}
}

// BenchmarkAsk measures one offline answer in process, on the real corpus,
// the engine built once, the dev questions asked in turn.
func BenchmarkAsk(b *testing.B) {
	eng, err := offlineEngine(b.Context())
	if err != nil {
		b.Skipf("engine: %v", err)
	}
	qs := devQuestions(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := eng.Ask(b.Context(), bot.Question{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAskParallel is BenchmarkAsk from GOMAXPROCS goroutines at once:
// the throughput of one process serving many users.
func BenchmarkAskParallel(b *testing.B) {
	eng, err := offlineEngine(b.Context())
	if err != nil {
		b.Skipf("engine: %v", err)
	}
	qs := devQuestions(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := eng.Ask(context.Background(), bot.Question{Text: qs[i%len(qs)]}); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkAskProcess measures "talksbot ask --json QUESTION" from process
// start to answer: the binary is built once, then run once per iteration,
// offline (the OpenAI variables removed from its environment).
func BenchmarkAskProcess(b *testing.B) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not found; cannot build the binary")
	}
	bin := filepath.Join(b.TempDir(), "talksbot")
	build := exec.CommandContext(b.Context(), gobin, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	env := offlineEnv(b.TempDir())
	// One run first: a broken engine skips rather than failing every run.
	if out, err := askProcess(b.Context(), bin, env, "Who led the U.S. delegation?"); err != nil {
		b.Skipf("talksbot ask: %v\n%s", err, out)
	}
	qs := devQuestions(b)
	i := 0
	for b.Loop() {
		if out, err := askProcess(b.Context(), bin, env, qs[i%len(qs)]); err != nil {
			b.Fatalf("talksbot ask: %v\n%s", err, out)
		}
		i++
	}
}

func askProcess(ctx context.Context, bin string, env []string, q string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, bin, "ask", "--json", q)
	cmd.Env = env
	return cmd.CombinedOutput()
}

// offlineEnv is the benchmark's environment without the LLM endpoint and
// with its own cache directory.
func offlineEnv(cache string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "OPENAI_") || strings.HasPrefix(kv, "TALKSBOT_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TALKSBOT_CACHE="+cache)
}
