// Package generative is the LLM answerer: it shows a chat model the
// question and the retrieved passages, numbered from 1, and returns what the
// model wrote, citation markers and all, unchecked; package check judges it
// before anyone sees it.
package generative

import (
	"context"
	"errors"
	"log/slog"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/prompts"
	"github.com/talksbot/talksbot/retrieval"
)

// Model is a chat model reached through an OpenAI-compatible API;
// bot/llm.Client implements it. Complete answers the user prompt under the
// system prompt and returns the whole answer; when onDelta is not nil it
// also streams the answer to it, piece by piece, and an error from onDelta
// stops the stream. The implementation owns deadlines and retries; its
// errors must never carry secrets, since they are logged.
type Model interface {
	Complete(ctx context.Context, system, user string, onDelta func(string) error) (string, error)
}

// Incomplete reports whether err says that the model's answer was not
// whole: cut off, stopped at the token cap, or too long to read (an error
// with an Incomplete method that returns true, as bot/llm's are). Such an
// answer is never shown as if it were complete.
func Incomplete(err error) bool {
	var ie interface{ Incomplete() bool }
	return errors.As(err, &ie) && ie.Incomplete()
}

// Answerer asks a Model. It is safe for concurrent use when the model is.
type Answerer struct {
	log   *slog.Logger
	model Model
	lib   answer.Library
}

// New returns the LLM answerer over arts (for the passages' sources).
func New(log *slog.Logger, model Model, arts []corpus.Article) *Answerer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Answerer{log: log, model: model, lib: answer.NewLibrary(arts)}
}

// Answer asks the model to answer q from hits, streaming to q.Stream when
// it is set. The answer's text is the model's, with markers [n] that point
// at hits[n-1]; it has no citations until it is checked.
func (a *Answerer) Answer(ctx context.Context, q answer.Query, hits []retrieval.Hit) (*answer.Answer, error) {
	system, user := prompts.System(), prompts.User(q.Text, q.Search, a.promptPassages(hits))
	a.log.Debug("asking the LLM", "passages", len(hits), "prompt_tokens", prompts.Tokens(system)+prompts.Tokens(user))
	raw, err := a.model.Complete(ctx, system, user, q.Stream)
	if err != nil {
		return nil, err
	}
	return &answer.Answer{Mode: answer.ModeLLM, Answer: raw, Citations: []answer.Citation{}}, nil
}

// promptPassages are the hits as the prompt shows them, numbered from 1.
func (a *Answerer) promptPassages(hits []retrieval.Hit) []prompts.Passage {
	ps := make([]prompts.Passage, 0, len(hits))
	for i, h := range hits {
		p := prompts.Passage{N: i + 1, Text: h.Passage.Text, Outlet: "unknown outlet"}
		if art := a.lib[h.Passage.Article]; art != nil {
			p.Outlet, p.Published, p.Title = art.Outlet, art.Date(), art.Title
		}
		ps = append(ps, p)
	}
	return ps
}
