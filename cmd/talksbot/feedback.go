package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/talksbot/talksbot/bot/feedback"
)

// feedbackOff turns the votes off (--feedback off).
const feedbackOff = "off"

// voteLog opens the votes file of the Discord bot: path, or feedback.jsonl
// under the cache directory. The salt that hashes user IDs comes from
// TALKSBOT_FEEDBACK_SALT, else from feedback-salt in the cache directory
// (beside the votes file when there is no cache directory), made once.
// nil, nil means no votes (--feedback off).
func voteLog(cfg *config, path string, getenv func(string) string, log *slog.Logger) (*feedback.Log, error) {
	if path == feedbackOff {
		return nil, nil
	}
	cache := cfg.indexCacheDir(log)
	if path == "" {
		if cache == "" {
			return nil, errors.New("no cache directory for the votes file: give --feedback FILE (or --feedback off)")
		}
		path = filepath.Join(cache, "feedback.jsonl")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("votes file: %w", err)
	}
	salt := []byte(getenv("TALKSBOT_FEEDBACK_SALT"))
	if len(salt) == 0 {
		dir := cache
		if dir == "" {
			dir = filepath.Dir(path)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("feedback salt: %w", err)
		}
		var err error
		if salt, err = feedback.SaltFile(filepath.Join(dir, "feedback-salt")); err != nil {
			return nil, err
		}
	}
	return feedback.NewLog(path, salt)
}

// runFeedback implements "talksbot feedback FILE": the worst-rated answers
// of a votes file, and with --gold, gold-set candidates of their questions.
func runFeedback(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("feedback", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	gold := fs.String("gold", "", "also write the worst-rated questions to this file as gold-set candidates (JSON Lines, the eval format; answerable, answer and facts left to fill in)")
	n := fs.Int("n", 20, "most answers listed (0: all)")
	asJSON := fs.Bool("json", false, "print the worst-rated answers as JSON Lines")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot feedback [flags] FILE

Lists the answers people voted down most in a votes file (the Discord bot's
--feedback, by default feedback.jsonl in the cache directory), worst first:
those with more 👎 than 👍, a user's latest vote on an answer counting once.

Flags:`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, nil)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("feedback takes one votes file")
	}
	if *n < 0 {
		return usageError(fmt.Sprintf("--n %d: want 0 or more", *n))
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("votes file: %w", err)
	}
	votes, bad, err := feedback.Read(f)
	f.Close()
	if err != nil {
		return err
	}
	if bad > 0 {
		fmt.Fprintf(a.stderr, "talksbot feedback: skipped %d lines of %s that are not votes\n", bad, pos[0])
	}
	worst := feedback.Worst(votes)
	if *gold != "" {
		if err := writeCandidates(*gold, feedback.Candidates(worst)); err != nil {
			return err
		}
	}
	shown := worst
	if *n > 0 && len(shown) > *n {
		shown = shown[:*n]
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		for _, r := range shown {
			if err := enc.Encode(struct {
				feedback.Vote
				Up   int `json:"up"`
				Down int `json:"down"`
			}{r.Vote, r.Up, r.Down}); err != nil {
				return err
			}
		}
		return nil
	}
	if len(worst) == 0 {
		fmt.Fprintf(a.stdout, "No answer has more 👎 than 👍 (%d votes).\n", len(votes))
		return nil
	}
	fmt.Fprintf(a.stdout, "%d answers voted down (of %d votes), worst first:\n", len(worst), len(votes))
	for i, r := range shown {
		fmt.Fprintf(a.stdout, "\n%d. %+d (%d 👍, %d 👎)  %s  [%s%s, %s]\n", i+1, r.Score(), r.Up, r.Down,
			r.Time.Format("2006-01-02 15:04"), r.Mode, corpusNote(r.Corpus), r.Answer)
		fmt.Fprintf(a.stdout, "   Q: %s\n", clip(oneLine(r.Question), 200))
		fmt.Fprintf(a.stdout, "   A: %s\n", clip(oneLine(r.Text), 300))
	}
	if len(shown) < len(worst) {
		fmt.Fprintf(a.stdout, "\n(%d more; --n 0 lists them all)\n", len(worst)-len(shown))
	}
	return nil
}

func corpusNote(v string) string {
	if v == "" {
		return ""
	}
	return ", articles " + v
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeCandidates writes gold-set candidates, one JSON object a line, to
// name, replacing it.
func writeCandidates(name string, cs []feedback.Candidate) error {
	var b strings.Builder
	for _, c := range cs {
		line, err := json.Marshal(c)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("gold candidates: %w", err)
	}
	return nil
}
