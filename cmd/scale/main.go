// Command scale measures talksbot on generated news-like corpora of growing
// size: for each size it writes a corpus, then runs the talksbot binary as a
// user would and prints, per size, the time of a cold answer (empty cache),
// of a warm answer (the median of three, cache filled), of the first
// `timeline --json` (the timeline's own cache still empty) and of a warm
// one (the median of three), and the peak resident memory of each.
//
// Usage:
//
//	go run ./cmd/scale [-sizes 100,1000,5000] [-bin talksbot] [-dir DIR] [-keep]
//
// The corpora recombine the sentences of the built-in articles and of the
// Black Sea test corpus (bot/testdata/blacksea/corpus) into articles of 20
// to 40 sentences, with publication dates spread over nine months, month
// names in the text moved to the article's month, and the people's
// surnames varied, so that terms, names and dates grow as real news does.
// Every article is described in sources.json, as `talksbot add` describes
// it: its id (unique, as real ones are; ids derived from the first
// sentence collided) and an outlet. The same size always gives the same
// corpus. Run it from the module root; without -bin it builds
// ./cmd/talksbot first.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/retrieval"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizesFlag := fs.String("sizes", "100,1000,5000", "corpus sizes, in articles, comma separated")
	bin := fs.String("bin", "", "talksbot binary (default: build ./cmd/talksbot)")
	dir := fs.String("dir", "", "where to write the corpora and caches (default: a temporary directory)")
	keep := fs.Bool("keep", false, "keep the corpora and caches")
	question := fs.String("q", "Who led the U.S. delegation?", "question asked")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes %q: want positive numbers", *sizesFlag)
		}
		sizes = append(sizes, n)
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "talksbot-scale-")
		if err != nil {
			return err
		}
		*dir = d
	}
	if !*keep {
		defer os.RemoveAll(*dir)
	}
	if *bin == "" {
		*bin = filepath.Join(*dir, "talksbot")
		out, err := exec.CommandContext(ctx, "go", "build", "-o", *bin, "./cmd/talksbot").CombinedOutput()
		if err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	pool, err := sentencePool()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "| articles | passages | cold ask | cold peak RSS | warm ask (median of 3) | warm peak RSS | first timeline --json | its peak RSS | warm timeline --json (median of 3) | its peak RSS | events |\n")
	fmt.Fprintf(stdout, "|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, n := range sizes {
		cdir := filepath.Join(*dir, fmt.Sprintf("corpus-%d", n))
		if err := writeCorpus(cdir, n, pool); err != nil {
			return err
		}
		arts, errs := corpus.LoadDir(cdir)
		if len(arts) != n {
			return fmt.Errorf("%d articles written, %d load: %w", n, len(arts), errors.Join(errs...))
		}
		cache := filepath.Join(*dir, fmt.Sprintf("cache-%d", n))
		os.RemoveAll(cache)
		env := offlineEnv()
		ask := []string{"ask", "--json", "--corpus", cdir, "--cache", cache, *question}
		cold, err := measure(ctx, *bin, env, ask)
		if err != nil {
			return fmt.Errorf("%d articles, cold ask: %w", n, err)
		}
		var warm []result
		for range 3 {
			r, err := measure(ctx, *bin, env, ask)
			if err != nil {
				return fmt.Errorf("%d articles, warm ask: %w", n, err)
			}
			warm = append(warm, r)
		}
		sort.Slice(warm, func(i, j int) bool { return warm[i].wall < warm[j].wall })
		// The first timeline reads the dates of every article (the
		// prepared corpus is cached, the timeline's reports not yet); the
		// next ones find them, and the events, in the cache.
		var tls []result
		for i := range 4 {
			tl, err := measure(ctx, *bin, env, []string{"timeline", "--json", "--corpus", cdir, "--cache", cache})
			if err != nil {
				return fmt.Errorf("%d articles, timeline %d: %w", n, i+1, err)
			}
			tls = append(tls, tl)
		}
		tl, warmTL := tls[0], tls[1:]
		sort.Slice(warmTL, func(i, j int) bool { return warmTL[i].wall < warmTL[j].wall })
		events := strings.Count(string(tl.out), `"precision"`)
		passages := len(retrieval.Chunk(arts, retrieval.Options{}))
		fmt.Fprintf(stdout, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", n, passages,
			secs(cold.wall), mb(cold.rss), secs(warm[1].wall), mb(warm[1].rss), secs(tl.wall), mb(tl.rss),
			secs(warmTL[1].wall), mb(warmTL[1].rss), events)
	}
	return nil
}

// result is one run of the binary.
type result struct {
	wall time.Duration
	rss  int64 // peak resident set, bytes
	out  []byte
}

// measure runs bin with args and returns its wall time, peak RSS and
// standard output; its standard error passes through (the progress bar
// stays off: it is no terminal).
func measure(ctx context.Context, bin string, env, args []string) (result, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var errb strings.Builder
	cmd.Stderr = &errb
	t0 := time.Now()
	out, err := cmd.Output()
	wall := time.Since(t0)
	if err != nil {
		return result{}, fmt.Errorf("%v: %s", err, errb.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return result{wall: wall, rss: rss, out: out}, nil
}

func offlineEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "OPENAI_") || strings.HasPrefix(kv, "TALKSBOT_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

func secs(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func mb(b int64) string { return fmt.Sprintf("%d MB", b>>20) }

// pool is what generated articles are made of.
type pool struct {
	sentences []string // article sentences, with a date expression or not
	surnames  []string // surnames to vary ("Rubio", "Lavrov", ...)
}

// sentencePool reads the sentences of the built-in articles and of the
// Black Sea corpus.
func sentencePool() (*pool, error) {
	arts, err := corpus.Embedded()
	if err != nil {
		return nil, err
	}
	black, errs := corpus.LoadDir(filepath.Join("bot", "testdata", "blacksea", "corpus"))
	if len(black) == 0 {
		return nil, fmt.Errorf("black sea corpus (run from the module root): %w", errors.Join(errs...))
	}
	p := &pool{}
	seen := map[string]bool{}
	names := map[string]bool{}
	for _, a := range append(arts, black...) {
		for _, para := range a.Paragraphs {
			for _, s := range english.Split(para) {
				if len(strings.Fields(s)) < 6 || seen[s] {
					continue
				}
				seen[s] = true
				p.sentences = append(p.sentences, s)
			}
		}
	}
	for _, s := range p.sentences {
		// A capitalised word after another capitalised word, not opening
		// the sentence: a surname ("Marco Rubio", "Sergei Lavrov").
		ws := strings.Fields(s)
		for i := 2; i < len(ws); i++ {
			w := strings.Trim(ws[i], `.,;:"“”'’`)
			prev := strings.Trim(ws[i-1], `.,;:"“”'’`)
			if len(w) > 3 && isCap(w) && isCap(prev) && !english.IsCalendarWord(w) && isLetters(w) {
				names[w] = true
			}
		}
	}
	for n := range names {
		p.surnames = append(p.surnames, n)
	}
	slices.Sort(p.surnames)
	return p, nil
}

func isCap(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func isLetters(w string) bool {
	for _, r := range w {
		if r < 'A' || r > 'z' || (r > 'Z' && r < 'a') {
			return false
		}
	}
	return true
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// syllables make the varied surnames.
var syllables = []string{"ka", "lo", "mi", "ra", "to", "sen", "vu", "ne", "dim", "por", "sha", "tre", "gor", "lin", "vas", "kov", "ber", "zel", "ush", "ova"}

// outlets publish the generated articles.
var outlets = []string{"Gulf Wire", "Black Sea Herald", "Capital Ledger", "Eastern Dispatch", "Harbour Times", "Continental Post"}

// writeCorpus writes n articles into dir (replacing what is there), with
// their metadata in sources.json.
func writeCorpus(dir string, n int, p *pool) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	// A thousand made-up surnames stand in for the real ones here and
	// there, so names grow with the corpus.
	fake := make([]string, 1000)
	for i := range fake {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := b.String()
		fake[i] = strings.ToUpper(s[:1]) + s[1:]
	}
	meta := map[string]corpus.Meta{}
	for i := range n {
		date := start.AddDate(0, 0, rng.IntN(270))
		var paras []string
		var cur []string
		for range 20 + rng.IntN(21) {
			s := p.sentences[rng.IntN(len(p.sentences))]
			s = shiftMonths(s, date.Month())
			if rng.IntN(3) == 0 {
				s = strings.ReplaceAll(s, p.surnames[rng.IntN(len(p.surnames))], fake[rng.IntN(len(fake))])
			}
			cur = append(cur, s)
			if len(cur) >= 2+rng.IntN(2) {
				paras = append(paras, strings.Join(cur, " "))
				cur = nil
			}
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		text := fmt.Sprintf(" date %s %s\n\n%s\n", date.Format("2006-01-02"), paras[0], strings.Join(paras, "\n\n"))
		name := fmt.Sprintf("%05d.txt", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
		meta[name] = corpus.Meta{ID: fmt.Sprintf("%s-gen-%05d", date.Format("2006-01-02"), i), Outlet: outlets[i%len(outlets)]}
	}
	b, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, corpus.MetaFile), b, 0o644)
}

// shiftMonths moves the month names of s to m and the month before it, so
// that the dates in the text stay near the publication date.
func shiftMonths(s string, m time.Month) string {
	prev := months[(int(m)+10)%12]
	for _, name := range months {
		if !strings.Contains(s, name) {
			continue
		}
		to := months[m-1]
		if name == "January" || name == "December" {
			to = prev
		}
		s = strings.ReplaceAll(s, name, to)
	}
	return s
}
