package bot

import (
	"context"

	"github.com/talksbot/talksbot/prompts"
	"github.com/talksbot/talksbot/retrieval"
)

// Notes shown with an offline answer that stands in for the LLM's.
const (
	NoteLLMFailed  = "the LLM failed; this is the offline answer"
	NoteNoCitation = "the LLM's answer had no citation the articles support; this is the offline answer"
)

// generate asks the LLM for an answer from the passages (numbered in hit
// order) and checks its citations; search is the question as rewritten for
// retrieval. When the call fails, or no cited sentence survives the check,
// it returns the offline answer with a note.
func (e *Engine) generate(ctx context.Context, q Question, search string, hits []retrieval.Hit, offline *Answer, onDelta func(string) error) *Answer {
	system, user := prompts.System(), prompts.User(q.Text, search, e.promptPassages(hits))
	log := e.log.With("passages", len(hits))
	log.Debug("asking the LLM", "prompt_tokens", prompts.Tokens(system)+prompts.Tokens(user))
	raw, err := e.opts.LLM.Complete(ctx, system, user, onDelta)
	if err != nil {
		log.Warn("the LLM failed; answering offline", "err", err)
		offline.Note = NoteLLMFailed
		return offline
	}
	c := e.check(raw, hits)
	if c.text == "" {
		log.Info("no sentence of the LLM's answer held up; answering offline", "raw", raw)
		offline.Note = NoteNoCitation
		offline.Check = c.check
		return offline
	}
	return &Answer{Mode: ModeLLM, Answer: c.text, Abstained: c.abstained, Citations: c.citations, Check: c.check}
}

// promptPassages are the hits as the prompt shows them, numbered from 1.
func (e *Engine) promptPassages(hits []retrieval.Hit) []prompts.Passage {
	ps := make([]prompts.Passage, 0, len(hits))
	for i, h := range hits {
		p := prompts.Passage{N: i + 1, Text: h.Passage.Text, Outlet: "unknown outlet"}
		if a := e.byID[h.Passage.Article]; a != nil {
			p.Outlet, p.Published, p.Title = a.Outlet, a.Date(), a.Title
		}
		ps = append(ps, p)
	}
	return ps
}
