package bot

import (
	"context"

	"github.com/talksbot/talksbot/retrieval"
)

// LLM is a chat model reached through an OpenAI-compatible API.
// TODO(llm): the real contract; this placeholder lets the engine compile.
type LLM interface {
	Complete(ctx context.Context, system, user string, onDelta func(string) error) (string, error)
}

// standalone rewrites a follow-up question into one that stands alone, using
// the conversation; without history it returns the question unchanged.
func (e *Engine) standalone(ctx context.Context, q Question) string {
	return q.Text // TODO(llm)
}

// generate asks the LLM for an answer from the passages and checks its
// citations; on failure it returns the offline answer with a note.
func (e *Engine) generate(ctx context.Context, q Question, hits []retrieval.Hit, offline *Answer, onDelta func(string) error) *Answer {
	return offline // TODO(llm)
}
