package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/llm/llmtest"
)

// skipWithoutEngine skips a test of a command that needs the offline engine
// when the engine cannot be built yet.
func skipWithoutEngine(t *testing.T) {
	t.Helper()
	if _, err := offlineEngine(t.Context()); err != nil {
		t.Skipf("no offline engine: %v", err)
	}
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		err  string // in the error or on stderr
	}{
		{"no file", []string{"eval"}, "Usage: talksbot eval"},
		{"two files", []string{"eval", "a.jsonl", "b.jsonl"}, "Usage: talksbot eval"},
		{"unknown metric", []string{"eval", "--min", "recall=0.5", devGold}, `unknown metric "recall"`},
		{"bar without a value", []string{"eval", "--min", "fact_recall", devGold}, "want KEY=VALUE"},
		{"no such file", []string{"eval", "no-such.jsonl"}, "no-such.jsonl"},
		{"bad concurrency", []string{"eval", "--concurrency", "0", devGold}, "--concurrency 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runCmd(t, "", tt.args...)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error()+stderr, tt.err) {
				t.Errorf("error %q, stderr %q: want %q", err, stderr, tt.err)
			}
		})
	}
}

func TestEvalStdin(t *testing.T) {
	skipWithoutEngine(t)
	stdout, stderr, err := runCmd(t, `{"id":"x","question":"What is the population of Riyadh?","answerable":false}`+"\n", "eval", "-")
	if err != nil {
		t.Fatalf("eval -: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "1 questions (0 answerable, 1 unanswerable)") {
		t.Errorf("eval - did not read the question from standard input:\n%s", stdout)
	}
}

func TestEvalBadGold(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	os.WriteFile(path, []byte(`{"id":"a","question":"Who?","answerable":true}`+"\n"), 0o644)
	_, stderr, err := runCmd(t, "", "eval", path)
	if err == nil || !strings.Contains(stderr, "line 1 (a): an answerable question needs facts") {
		t.Errorf("err %v, stderr %q: want the line and the problem", err, stderr)
	}
}

func TestEvalDev(t *testing.T) {
	skipWithoutEngine(t)
	answers := filepath.Join(t.TempDir(), "answers.jsonl")
	stdout, stderr, err := runCmd(t, "", "eval", "--json", "--concurrency", "2", "--answers", answers, devGold)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, stdout)
	}
	for _, k := range []string{"retrieval_recall@5", "fact_recall", "fully_correct", "citation_precision",
		"answers_with_citation", "false_abstention", "abstention_on_unanswerable", "mean_answer_words",
		"ms_per_question", "ms_p50", "ms_p95", "ms_p99", "misses", "failures"} {
		if _, ok := r[k]; !ok {
			t.Errorf("eval --json has no %q", k)
		}
	}
	if r["questions"] != float64(30) || r["mode"] != "extractive" {
		t.Errorf("questions %v, mode %v; want 30, extractive", r["questions"], r["mode"])
	}
	data, err := os.ReadFile(answers)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 30 {
		t.Errorf("--answers wrote %d lines, want 30", n)
	}

	// The text report, and a bar no engine can meet.
	stdout, stderr, err = runCmd(t, "", "eval", "--min", "fact_recall=1.01", "--min", "ms_p99=100000", devGold)
	if err == nil || errors.Is(err, errUsage) {
		t.Fatalf("eval with an impossible bar: %v, want a failure", err)
	}
	if !strings.Contains(stderr, "below the bar: fact_recall=") || !strings.Contains(stderr, "is below the minimum 1.01") ||
		strings.Contains(stderr, "ms_p99") {
		t.Errorf("stderr %q: want only the fact_recall bar named", stderr)
	}
	for _, want := range []string{"retrieval_recall@5", "mean_answer_words", "ms_p95", "30 questions (25 answerable, 5 unanswerable)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report has no %q:\n%s", want, stdout)
		}
	}
}

// TestEvalLLM runs eval against a fake OpenAI-compatible endpoint, chat and
// embeddings, configured as a user would: the report is of LLM answers and
// every question reached the endpoint.
func TestEvalLLM(t *testing.T) {
	skipWithoutEngine(t)
	srv := llmtest.New(t)
	// The fake model answers with the first sentence of passage [1], cited.
	srv.Default = func(req llmtest.ChatRequest) llmtest.Reply {
		user := req.User()
		_, rest, ok := strings.Cut(user, "[1] ")
		if !ok {
			return llmtest.Reply{Text: "The articles don't say."}
		}
		_, text, _ := strings.Cut(rest, "\n")
		text, _, _ = strings.Cut(text, "\n")
		if i := strings.Index(text, ". "); i > 0 {
			text = text[:i+1]
		}
		return llmtest.Reply{Text: text + " [1]"}
	}
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	os.WriteFile(gold, []byte(`{"id":"a","question":"Who led the U.S. delegation at the Riyadh talks?","answerable":true,"facts":[["Rubio"]]}
{"id":"b","question":"In which building in Riyadh did the meeting take place?","answerable":true,"facts":[["Diriyah"]]}
`), 0o644)
	env := map[string]string{"HOME": t.TempDir(), "OPENAI_BASE_URL": srv.BaseURL(), "TALKSBOT_EMBED_MODEL": "fake-embed",
		"TALKSBOT_CACHE": t.TempDir()}
	var out, errOut strings.Builder
	err := run(t.Context(), []string{"eval", "--json", "--concurrency", "2", gold}, func(k string) string { return env[k] },
		strings.NewReader(""), &out, &errOut, nil)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, errOut.String())
	}
	var r struct {
		Mode      string `json:"mode"`
		Questions int    `json:"questions"`
		Errors    int    `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out.String()), &r); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out.String())
	}
	if r.Questions != 2 || r.Errors != 0 || !strings.Contains(r.Mode, "llm") {
		t.Errorf("report %+v, want 2 questions, no errors, LLM answers\n%s", r, errOut.String())
	}
	var chats, embeds int
	for _, req := range srv.Requests() {
		switch {
		case strings.HasSuffix(req.Path, "/chat/completions"):
			chats++
		case strings.HasSuffix(req.Path, "/embeddings"):
			embeds++
		}
	}
	if chats < 2 || embeds == 0 {
		t.Errorf("%d chat and %d embedding requests, want a chat a question and the passages embedded", chats, embeds)
	}
}

func TestProgressBar(t *testing.T) {
	var b strings.Builder
	bar := progressBar(&b)
	bar(1, 4)
	if got := b.String(); got != "\r[=======                       ] 1/4" {
		t.Errorf("after 1 of 4: %q", got)
	}
	bar(4, 4)
	if !strings.HasSuffix(b.String(), "] 4/4\r\033[K") {
		t.Errorf("at the end: %q, want the bar erased", b.String())
	}
}

func TestModes(t *testing.T) {
	tests := []struct {
		name    string
		answers []*bot.Answer
		want    string
	}{
		{"none", []*bot.Answer{nil}, ""},
		{"offline", []*bot.Answer{{Mode: bot.ModeExtractive}, nil, {Mode: bot.ModeExtractive}}, "extractive"},
		{"LLM with fallbacks", []*bot.Answer{{Mode: bot.ModeLLM}, {Mode: bot.ModeExtractive}, {Mode: bot.ModeLLM}}, "extractive 1, llm 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := modes(tt.answers); got != tt.want {
				t.Errorf("modes = %q, want %q", got, tt.want)
			}
		})
	}
}
