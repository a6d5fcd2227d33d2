package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/eval"
	"github.com/talksbot/talksbot/bot/feedback"
)

// TestFeedbackCommand: the worst-rated answers of a votes file, worst
// first, and their questions as gold-set candidates that a person must
// complete before the eval reads them as answerable.
func TestFeedbackCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "votes.jsonl")
	l, err := feedback.NewLog(path, []byte("salt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct{ answer, vote, user, q string }{
		{"m1", feedback.Down, "1", "Who hosted the talks?"},
		{"m1", feedback.Down, "2", "Who hosted the talks?"},
		{"m2", feedback.Down, "1", "How long did they last?"},
		{"m2", feedback.Up, "1", "How long did they last?"}, // changed their mind
		{"m3", feedback.Down, "3", "Where did they meet?"},
	} {
		if err := l.Add(feedback.Vote{Answer: v.answer, Vote: v.vote, Question: v.q, Text: "answer " + v.answer, Mode: "extractive"}, v.user); err != nil {
			t.Fatal(err)
		}
	}
	gold := filepath.Join(dir, "gold.jsonl")
	var out, errOut bytes.Buffer
	if err := run(t.Context(), []string{"feedback", path, "--gold", gold}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut, nil); err != nil {
		t.Fatalf("feedback: %v\n%s", err, errOut.String())
	}
	got := out.String()
	first, third := strings.Index(got, "Who hosted"), strings.Index(got, "Where did")
	if !strings.Contains(got, "2 answers voted down") || first < 0 || third < first || strings.Contains(got, "How long") {
		t.Errorf("output:\n%s", got)
	}
	raw, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("\n")); n != 2 || !bytes.Contains(raw, []byte(`"question":"Who hosted the talks?","answerable":null,"answer":"","facts":[]`)) {
		t.Errorf("gold candidates:\n%s", raw)
	}
	// The eval reads them (as unanswerable until a person says otherwise).
	if items, err := eval.ReadGold(bytes.NewReader(raw)); err != nil || len(items) != 2 {
		t.Errorf("ReadGold: %d items, %v", len(items), err)
	}
}

// TestVoteLog: the votes file goes under the cache directory by default,
// with a salt made once and kept there; TALKSBOT_FEEDBACK_SALT overrides
// it; "off" turns votes off.
func TestVoteLog(t *testing.T) {
	cache := t.TempDir()
	cfg := config{cacheDir: cache}
	noEnv := func(string) string { return "" }
	l, err := voteLog(&cfg, "", noEnv, discardLogger())
	if err != nil || l.Path() != filepath.Join(cache, "feedback.jsonl") {
		t.Fatalf("default: %v %v", l, err)
	}
	if _, err := os.Stat(filepath.Join(cache, "feedback-salt")); err != nil {
		t.Errorf("no salt kept: %v", err)
	}
	again, _ := voteLog(&cfg, "", noEnv, discardLogger())
	withEnv, _ := voteLog(&cfg, "", func(k string) string {
		if k == "TALKSBOT_FEEDBACK_SALT" {
			return "from the environment"
		}
		return ""
	}, discardLogger())
	if l.Hash("42") != again.Hash("42") || l.Hash("42") == withEnv.Hash("42") {
		t.Errorf("hashes: kept salt %s/%s, environment's %s", l.Hash("42"), again.Hash("42"), withEnv.Hash("42"))
	}
	if off, err := voteLog(&cfg, feedbackOff, noEnv, discardLogger()); off != nil || err != nil {
		t.Errorf("off: %v %v", off, err)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
