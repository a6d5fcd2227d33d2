package bot

import (
	"bufio"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot/llm"
	"github.com/talksbot/talksbot/bot/llm/llmtest"
	"github.com/talksbot/talksbot/corpus/english"
)

// quoteFirstReply answers the way a careful model does: the first
// sentence of passage 1, cited; "The articles don't say." when the prompt
// shows no passage.
func quoteFirstReply(req llmtest.ChatRequest) llmtest.Reply {
	_, rest, ok := strings.Cut(req.User(), "\n[1] ")
	if !ok {
		return llmtest.Reply{Text: "The articles don't say."}
	}
	_, text, _ := strings.Cut(rest, "\n")
	text, _, _ = strings.Cut(text, "\n")
	if ss := english.Split(text); len(ss) > 0 {
		return llmtest.Reply{Text: strings.TrimSuffix(ss[0], ".") + " [1]."}
	}
	return llmtest.Reply{Text: "The articles don't say."}
}

// TestAnswererConformance runs every answerer (the extractive one, and the
// LLM one against a fake OpenAI server on loopback, reached through the
// configuration a user sets) through the same gold questions and the same
// contract checks: markers match citations, quotes are exact article
// text, an abstention has no citation, citations are a JSON array.
func TestAnswererConformance(t *testing.T) {
	f, err := os.Open("testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var questions []string
	for sc := bufio.NewScanner(f); sc.Scan(); {
		var g struct{ Question string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		questions = append(questions, g.Question)
	}

	srv := llmtest.New(t)
	srv.Default = quoteFirstReply
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	client := llm.New(slog.New(slog.NewTextHandler(io.Discard, nil)), llm.Config{
		Key: "sk-test", BaseURL: srv.BaseURL(), Model: "test-model",
		Timeout: 5 * time.Second, Backoff: 10 * time.Millisecond, HTTPClient: &http.Client{Transport: tr},
	})
	base := testEngine(t)
	answerers := []struct {
		name string
		e    *Engine
		mode string
	}{
		{"extractive", base, ModeExtractive},
		{"llm", New(base.log, base.articles, base.index, Options{LLM: client}), ModeLLM},
	}
	for _, an := range answerers {
		t.Run(an.name, func(t *testing.T) {
			modes := map[string]int{}
			for _, q := range questions {
				a, err := an.e.Ask(t.Context(), Question{Text: q})
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				checkContract(t, an.e, a)
				if a.Abstained && !strings.HasPrefix(a.Answer, "The articles don't say") {
					t.Errorf("%q: an abstention that does not say so: %q", q, a.Answer)
				}
				js, _ := json.Marshal(a)
				if strings.Contains(string(js), `"citations":null`) {
					t.Errorf("%q: citations is null in the JSON", q)
				}
				modes[a.Mode]++
			}
			// The model is asked whenever the passages relate to the
			// question; its answers hold up.
			if modes[an.mode] < len(questions)*3/4 {
				t.Errorf("modes %v: want most answers in mode %s", modes, an.mode)
			}
		})
	}
}

// TestLLMAskedWheneverRelated: with an LLM configured the model is asked
// whenever a passage shares a term with the question, whatever the offline
// answerer would have done; its "The articles don't say." is an abstention
// with an empty citation list; a question nothing relates to is declined
// without a call.
func TestLLMAskedWheneverRelated(t *testing.T) {
	base := testEngine(t)
	tests := []struct {
		question  string
		reply     string
		calls     int
		abstained bool
	}{
		// The offline answerer finds no duration sentence worded so; the
		// model is asked all the same.
		{"What was the duration of the talks?", "The articles don't say.", 1, true},
		{"Who led the U.S. delegation?", "The articles don't say.", 1, true},
		// Nothing in the articles relates to it: no call.
		{"What is the recipe for apple pie with cinnamon?", "Bake it [1].", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			f := &fakeLLM{reply: tt.reply}
			e := New(base.log, base.articles, base.index, Options{LLM: f})
			a, err := e.Ask(t.Context(), Question{Text: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if f.calls != tt.calls || a.Abstained != tt.abstained {
				t.Errorf("%d calls, abstained %v; want %d, %v (%q)", f.calls, a.Abstained, tt.calls, tt.abstained, a.Answer)
			}
			if a.Citations == nil {
				t.Error("citations is nil; the JSON would say null")
			}
		})
	}
}
