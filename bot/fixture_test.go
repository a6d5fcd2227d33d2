package bot

import (
	"context"
	"io"
	"log/slog"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/internal/fixture"
	"github.com/talksbot/talksbot/retrieval"
)

var (
	fixtureArticles = fixture.Articles()
	fixtureHits     = fixture.Hits
)

// stubOffline stands in for the extractive answerer where a test looks at
// the LLM path: its answer is always offlineAnswer().
type stubOffline struct{}

func (stubOffline) Answer(context.Context, answer.Query, []retrieval.Hit) (*answer.Answer, error) {
	return offlineAnswer(), nil
}

// newTestEngine is an engine over the fixture articles, with no index (the
// tests hand it hits) and the stub offline answerer.
func newTestEngine(llm LLM) *Engine {
	e := New(slog.New(slog.NewTextHandler(io.Discard, nil)), fixtureArticles, nil, Options{LLM: llm})
	e.offline = func() Answerer { return stubOffline{} }
	return e
}

// askHits runs the answering stages of the pipeline (answer, check, fall
// back) on hits, as AskStream does after retrieval.
func (e *Engine) askHits(ctx context.Context, q Question, hits []retrieval.Hit, onDelta func(string) error) *Answer {
	query := answer.Query{Text: q.Text, Search: q.Text, History: q.History, Stream: onDelta}
	ans, err := e.answer(ctx, query, hits)
	if err != nil {
		return &Answer{Note: "error: " + err.Error()}
	}
	return ans
}
