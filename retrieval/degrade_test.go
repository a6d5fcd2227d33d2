package retrieval

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math"
	"strings"
	"sync/atomic"
	"testing"
)

// Ways a query embedding goes wrong.
const (
	embedOK        = iota
	embedErr       // the endpoint answers with an error
	embedWrongDim  // a vector of another size than the passages'
	embedWrongSize // no vector at all
)

// flakyEmbedder embeds with Hashing until broken is set, then fails as
// broken says: it embeds the passages of an index and fails its queries.
type flakyEmbedder struct {
	h      *Hashing
	broken atomic.Int32
}

func (f *flakyEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	switch f.broken.Load() {
	case embedErr:
		return nil, errors.New("status code: 503, message: embeddings unavailable")
	case embedWrongDim:
		return NewHashing(f.h.Dim()/2).Embed(ctx, texts)
	case embedWrongSize:
		return nil, nil
	}
	return f.h.Embed(ctx, texts)
}

// TestSearchDegrades: a query that cannot be embedded is ranked by BM25
// alone, with a warning, instead of failing the search.
func TestSearchDegrades(t *testing.T) {
	ps := Chunk(synthetic(), Options{PassageSentences: 2, Overlap: 1})
	// The reference: the same passages ranked by BM25 only.
	lexical, err := NewIndex(t.Context(), ps, NewHashing(256), Options{Fusion: FuseLexical})
	if err != nil {
		t.Fatal(err)
	}
	for _, fusion := range []Fusion{FuseRRF, FuseWeighted, FuseVector, FuseLexical} {
		for _, tt := range []struct {
			name   string
			broken int32
			want   string // in VectorErr
		}{
			{"error", embedErr, "embeddings unavailable"},
			{"wrong dimension", embedWrongDim, "128 dimensions, index has 256"},
			{"no vector", embedWrongSize, "0 vectors for 1 text"},
		} {
			t.Run(fusionName(fusion)+"/"+tt.name, func(t *testing.T) {
				var logs bytes.Buffer
				emb := &flakyEmbedder{h: NewHashing(256)}
				ix, err := NewIndex(t.Context(), ps, emb, Options{Fusion: fusion, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
				if err != nil {
					t.Fatal(err)
				}
				emb.broken.Store(tt.broken)
				// No count or duration question: the scores below leave
				// out the boost of an answer's pattern (see answerPattern).
				const query = "Which drones did Russia launch?"
				res, err := ix.SearchDetailed(t.Context(), query, 3)
				if err != nil {
					t.Fatalf("SearchDetailed: %v", err)
				}
				if !res.Degraded() || !strings.Contains(res.VectorErr.Error(), tt.want) {
					t.Errorf("VectorErr = %v, want one containing %q", res.VectorErr, tt.want)
				}
				if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), tt.want) {
					t.Errorf("no warning with the cause logged: %q", logs.String())
				}
				want, err := lexical.Search(t.Context(), query, 3)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Hits) != len(want) || len(want) == 0 {
					t.Fatalf("%d hits, want %d (BM25 alone)", len(res.Hits), len(want))
				}
				for i, h := range res.Hits {
					w := want[i]
					if h.Passage.ID != w.Passage.ID || h.BM25 != w.BM25 || h.Lexical != w.Lexical {
						t.Errorf("hit %d = %s %.3f/%.3f, want BM25 alone's %s %.3f/%.3f", i,
							h.Passage.ID, h.Lexical, h.BM25, w.Passage.ID, w.Lexical, w.BM25)
					}
					// The fused score of a passage only BM25 ranked.
					score := h.Lexical
					switch fusion {
					case FuseRRF:
						score = float64(rrfK+1) / float64(2*(rrfK+i+1))
					case FuseWeighted:
						score = (1 - DefaultVectorWeight) * h.Lexical
					}
					if math.Abs(h.Score-score) > 1e-12 {
						t.Errorf("hit %d scores %v, want %v", i, h.Score, score)
					}
					if h.Vector != 0 {
						t.Errorf("hit %d has Vector %v without a query vector", i, h.Vector)
					}
				}
				if res.Hits[0].Passage.Article != "drones" {
					t.Errorf("best hit %s, want a drones passage", res.Hits[0].Passage.ID)
				}
				// Search is SearchDetailed without the flag.
				hits, err := ix.Search(t.Context(), query, 3)
				if err != nil || len(hits) != len(res.Hits) {
					t.Errorf("Search = %d hits, %v; want %d, no error", len(hits), err, len(res.Hits))
				}
				// Once the embedder works again, so does the vector ranking.
				emb.broken.Store(embedOK)
				res, err = ix.SearchDetailed(t.Context(), query, 3)
				if err != nil || res.Degraded() {
					t.Errorf("after recovery: degraded %v, err %v", res.Degraded(), err)
				}
			})
		}
	}
}

// TestSearchDegradedCanceled: a search whose context is done fails, whatever
// the embedder says, rather than falling back to BM25.
func TestSearchDegradedCanceled(t *testing.T) {
	ps := Chunk(synthetic(), Options{})
	emb := &flakyEmbedder{h: NewHashing(64)}
	ix, err := NewIndex(t.Context(), ps, emb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, broken := range []int32{embedErr, embedWrongDim, embedWrongSize} {
		emb.broken.Store(broken)
		res, err := ix.SearchDetailed(canceled(t), "drones", 3)
		if err == nil || len(res.Hits) != 0 {
			t.Errorf("broken=%d: %d hits, err %v; want an error", broken, len(res.Hits), err)
		}
		if _, err := ix.Search(canceled(t), "drones", 3); err == nil {
			t.Errorf("broken=%d: Search with a canceled context gave no error", broken)
		}
	}
	// An embedder that reports the caller's deadline passes it on.
	ctx, cancel := context.WithTimeout(t.Context(), 0)
	defer cancel()
	<-ctx.Done()
	_, err = ix.SearchDetailed(ctx, "drones", 3)
	if err == nil {
		t.Error("no error with an expired deadline")
	}
}

// TestSearchNotDegraded: a working embedder never sets VectorErr.
func TestSearchNotDegraded(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	res, err := ix.SearchDetailed(t.Context(), "Who led the U.S. delegation?", 3)
	if err != nil || res.Degraded() || len(res.Hits) == 0 {
		t.Errorf("%d hits, degraded %v, err %v", len(res.Hits), res.Degraded(), err)
	}
	if res.Hits[0].Vector == 0 {
		t.Error("best hit has no vector score")
	}
}
