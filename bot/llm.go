package bot

import "context"

// LLM is a chat model reached through an OpenAI-compatible API; bot/llm.Client
// implements it. Complete answers the user prompt under the system prompt and
// returns the whole answer; when onDelta is not nil it also streams the
// answer to it, piece by piece, and an error from onDelta stops the stream.
// The implementation owns deadlines and retries; its errors must never carry
// secrets, since they are logged.
type LLM interface {
	Complete(ctx context.Context, system, user string, onDelta func(string) error) (string, error)
}
