package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/eval"
)

// runEval implements "talksbot eval": it runs a gold set through the
// configured engine and prints score.py's metrics, the latencies and the
// questions that failed.
func runEval(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.register(fs, a.getenv)
	asJSON := fs.Bool("json", false, "print the report as one JSON object (score.py's keys, plus latencies and failures)")
	concurrency := fs.Int("concurrency", 1, "questions asked at once")
	answersPath := fs.String("answers", "", "also write each answer, one JSON object a line (the ask --json contract), to this file")
	var bars []eval.Bar
	fs.Func("min", "fail (exit 1) when a metric misses this bar, KEY=VALUE; repeatable. A maximum for\nfalse_abstention, mean_answer_words and ms_* keys, a minimum for the others", func(s string) error {
		b, err := eval.ParseBar(s)
		if err != nil {
			return err
		}
		bars = append(bars, b)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: talksbot eval [flags] FILE.jsonl

Runs a gold set of questions through the engine as configured (offline by
default; the LLM and embedding model when configured) and prints:
retrieval recall@5, fact recall, fully correct, citation precision, answers
with a citation, false abstention, abstention on unanswerable questions, mean
answer words, and latency (ms per question, p50, p95, p99), then each question
that failed and why. The metrics are those of score.py (../shared/eval).

FILE.jsonl ("-" for standard input) has one question a line: {"id", "question", "answerable",
"answer", "facts": [["alternative", ...], ...]}.

Example (CI): talksbot eval --min fact_recall=0.6 --min false_abstention=0.1 dev.jsonl

Metrics for --min: %s

Flags:
`, strings.Join(eval.Keys, ", "))
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	if *concurrency < 1 {
		return fmt.Errorf("--concurrency %d: want 1 or more", *concurrency)
	}
	gold, err := readGold(a, pos[0])
	if err != nil {
		return err
	}
	log := cfg.logger(a.stderr)

	start := time.Now() // score.py's wall time covers the command's start too
	cfg.oneShot = true
	eng, err := cfg.engine(ctx, log, a.stderr)
	if err != nil {
		return err
	}
	opts := eval.RunOptions{Concurrency: *concurrency, Timeout: cfg.timeout}
	if f, ok := a.stderr.(*os.File); ok && isTerminal(f) {
		opts.Progress = progressBar(a.stderr)
	}
	answers, errs, lat, err := eval.Run(ctx, eng, gold, opts)
	wall := time.Since(start)
	if err != nil {
		return err
	}
	if *answersPath != "" {
		if err := writeAnswers(*answersPath, gold, answers, errs); err != nil {
			return err
		}
	}
	m, err := eval.Score(gold, answers, errs)
	if err != nil {
		return err
	}
	r := &eval.Report{Metrics: m, Timing: eval.Timings(lat, wall), Mode: modes(answers), Concurrency: *concurrency}
	for _, e := range errs {
		if e != nil {
			r.Errors++
		}
	}
	if *asJSON {
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
		if _, err := fmt.Fprintf(a.stdout, "%s\n", b); err != nil {
			return err
		}
	} else if err := eval.WriteText(a.stdout, r); err != nil {
		return err
	}
	if bad := eval.Check(r, bars); len(bad) > 0 {
		return fmt.Errorf("below the bar: %s", strings.Join(bad, "; "))
	}
	return nil
}

// readGold reads the gold set at path, or standard input for "-".
func readGold(a *app, path string) ([]eval.Item, error) {
	if path == "-" {
		gold, err := eval.ReadGold(a.stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return gold, nil
	}
	return readGoldFile(path)
}

func readGoldFile(path string) ([]eval.Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

// writeAnswers writes the answers in the form score.py reads, one a line;
// a failed question gets {"question", "error"} as `talksbot ask --json` does.
func writeAnswers(path string, gold []eval.Item, answers []*bot.Answer, errs []error) error {
	var b strings.Builder
	for i, ans := range answers {
		var v any = ans
		if ans == nil {
			msg := "no answer"
			if errs[i] != nil {
				msg = userMessage(errs[i])
			}
			v = map[string]string{"question": gold[i].Question, "error": msg}
		}
		line, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encode answer %s: %w", gold[i].ID, err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write answers: %w", err)
	}
	return nil
}

// modes names the answerers that produced answers: "extractive", "llm", or
// both with counts when an LLM fell back to offline answers.
func modes(answers []*bot.Answer) string {
	n := map[string]int{}
	for _, a := range answers {
		if a != nil && a.Mode != "" {
			n[a.Mode]++
		}
	}
	if len(n) <= 1 {
		for m := range n {
			return m
		}
		return ""
	}
	var parts []string
	for m, c := range n {
		parts = append(parts, fmt.Sprintf("%s %d", m, c))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// progressBar draws a bar on w, a terminal, redrawn in place, and erases it
// when the run is done.
func progressBar(w io.Writer) func(done, total int) {
	const width = 30
	return func(done, total int) {
		if total == 0 {
			return
		}
		fill := width * done / total
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, total)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
