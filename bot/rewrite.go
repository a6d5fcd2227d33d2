package bot

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/talksbot/talksbot/prompts"
)

// rewriteTimeout bounds the LLM call that rewrites a follow-up; past it the
// offline rule is used, leaving the answer its time.
const rewriteTimeout = 15 * time.Second

// standalone rewrites a follow-up question into one that stands alone, using
// the conversation; a question without history, or one that does not look
// like a follow-up, is returned unchanged. With an LLM the rewrite asks the
// model (no stream); when that fails, or offline, it adds the salient words
// of the previous question (rewriteOffline).
func (e *Engine) standalone(ctx context.Context, q Question) string {
	if len(q.History) == 0 || !followUp(q.Text) {
		return q.Text
	}
	if e.opts.LLM != nil {
		s, err := e.rewriteLLM(ctx, q)
		if err == nil {
			return s
		}
		e.log.Warn("rewriting the follow-up with the LLM failed; using the offline rule", "err", err)
	}
	return rewriteOffline(q)
}

func (e *Engine) rewriteLLM(ctx context.Context, q Question) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, rewriteTimeout)
	defer cancel()
	hist := make([]prompts.Turn, len(q.History))
	for i, t := range q.History {
		hist[i] = prompts.Turn{Question: t.Question, Answer: t.Answer}
	}
	out, err := e.opts.LLM.Complete(ctx, prompts.RewriteSystem(), prompts.Rewrite(hist, q.Text), nil)
	if err != nil {
		return "", err
	}
	return cleanRewrite(out, e.opts.MaxQuestion)
}

// cleanRewrite takes the question out of a model's rewrite: its first
// non-empty line, without a label or quotes; an empty or over-long one is
// refused.
func cleanRewrite(out string, maxLen int) (string, error) {
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if i := strings.Index(strings.ToLower(line), "question:"); i >= 0 && i < 30 {
			line = strings.TrimSpace(line[i+len("question:"):])
		}
		line = strings.Trim(line, "\"“”'` *")
		switch {
		case line == "" || len(contentTerms(line)) == 0:
			return "", errors.New("the rewrite has no content")
		case utf8.RuneCountInString(line) > maxLen:
			return "", errors.New("the rewrite is too long")
		}
		return line, nil
	}
	return "", errors.New("the rewrite is empty")
}

// followUp reports whether a question looks like it leans on the
// conversation: it starts like a continuation ("and ...", "what about ..."),
// refers to people by pronoun, or has fewer than three content terms.
func followUp(q string) bool {
	lower := " " + strings.ToLower(normQuotes(q)) + " "
	for _, p := range []string{" and ", " but ", " also ", " so ", " then ", " what about ", " how about ", " and what ", " what else "} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		switch w {
		case "he", "she", "him", "his", "her", "hers", "they", "them", "their", "theirs", "it", "its":
			return true
		}
	}
	return len(uniq(contentTerms(q))) < 3
}

// rewriteOffline appends to the question the words of the previous question
// that carry content and that the question does not already have, so that a
// lexical search finds the subject of the conversation:
// "and what did Lavrov say?" after "Who led the talks in Riyadh?" becomes
// "and what did Lavrov say? led talks Riyadh".
func rewriteOffline(q Question) string {
	have := map[string]bool{}
	for _, t := range contentTerms(q.Text) {
		have[t] = true
	}
	var add []string
	for i := len(q.History) - 1; i >= 0 && len(add) < 2; i-- {
		for _, w := range strings.Fields(q.History[i].Question) {
			w = strings.Trim(w, `?!,;:"“”'()`)
			if strings.Count(w, ".") == 1 { // a full stop, not "U.S."
				w = strings.TrimSuffix(w, ".")
			}
			ts := contentTerms(w)
			if len(ts) == 0 || have[ts[0]] || questionWord[strings.ToLower(w)] {
				continue
			}
			have[ts[0]] = true
			add = append(add, w)
		}
	}
	if len(add) == 0 {
		return q.Text
	}
	return q.Text + " " + strings.Join(add, " ")
}

// questionWord are words of a question that say nothing of its subject.
var questionWord = map[string]bool{"who": true, "what": true, "when": true, "where": true, "why": true,
	"how": true, "which": true, "did": true, "does": true, "do": true, "say": true, "said": true, "tell": true}
