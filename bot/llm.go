package bot

import "github.com/talksbot/talksbot/bot/generative"

// LLM is a chat model reached through an OpenAI-compatible API; bot/llm.Client
// implements it. The engine asks it to answer (package generative) and to
// rewrite follow-ups.
type LLM = generative.Model
