package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// queryFailingEmbedder embeds the passages while the index is built, then
// fails every query, like an embedding endpoint that went down.
type queryFailingEmbedder struct {
	h    *retrieval.Hashing
	down atomic.Bool
}

func (f *queryFailingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if f.down.Load() {
		return nil, errors.New("embed: status code: 503, message: unavailable")
	}
	return f.h.Embed(ctx, texts)
}

// degradedEngine is an engine over the fixture articles whose index can no
// longer embed queries once down is set.
func degradedEngine(t *testing.T, llm LLM) (*Engine, *queryFailingEmbedder) {
	t.Helper()
	arts := make([]corpus.Article, len(fixtureArticles))
	for i, a := range fixtureArticles {
		a.Paragraphs = []string{a.Text}
		arts[i] = a
	}
	emb := &queryFailingEmbedder{h: retrieval.NewHashing(256)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), emb, retrieval.Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	return New(log, arts, ix, Options{LLM: llm}), emb
}

// TestAskDegradedRetrieval: when the query cannot be embedded the engine
// still answers, from the passages BM25 finds, and says so in the note.
func TestAskDegradedRetrieval(t *testing.T) {
	const question = "Who led the U.S. delegation?"
	tests := []struct {
		name string
		llm  LLM
		down bool
		mode string
		note string
	}{
		{"offline, endpoint up", nil, false, ModeExtractive, ""},
		{"offline, endpoint down", nil, true, ModeExtractive,
			"the embedding endpoint failed; passages were found by keywords only"},
		{"LLM answers", &quoteFirst{}, true, ModeLLM, NoteKeywordsOnly},
		{"LLM fails too", &fakeLLM{err: errors.New("boom")}, true, ModeExtractive,
			NoteLLMFailed + "; " + NoteKeywordsOnly},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, emb := degradedEngine(t, tt.llm)
			emb.down.Store(tt.down)
			a, err := e.Ask(t.Context(), Question{Text: question})
			if err != nil {
				t.Fatalf("Ask: %v", err)
			}
			if a.Mode != tt.mode || a.Note != tt.note {
				t.Errorf("mode %q, note %q; want %q, %q", a.Mode, a.Note, tt.mode, tt.note)
			}
			if a.Abstained || len(a.Citations) == 0 || a.Citations[0].Article != "a-rubio" {
				t.Errorf("answer %q cites %+v; want one citing a-rubio", a.Answer, a.Citations)
			}
			if len(a.Passages) == 0 || a.Passages[0].Article != "a-rubio" {
				t.Errorf("passages %+v; want a-rubio first", a.Passages)
			}
		})
	}
	t.Run("canceled", func(t *testing.T) {
		e, emb := degradedEngine(t, nil)
		emb.down.Store(true)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if a, err := e.Ask(ctx, Question{Text: question}); err == nil {
			t.Errorf("no error with a canceled context; answer %+v", a)
		}
	})
}
