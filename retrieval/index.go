package retrieval

import (
	"context"
	"errors"

	"github.com/talksbot/talksbot/corpus"
)

// Options tune passage making and search. Zero values mean the defaults.
type Options struct {
	PassageSentences int // sentences per passage
	Overlap          int // sentences shared by consecutive passages
}

// Index is the searchable passage store: a chromem-go collection plus a
// lexical (BM25) index over the same passages.
type Index struct {
	passages []Passage
}

// Chunk splits articles into passages along sentence boundaries, with overlap.
func Chunk(articles []corpus.Article, opts Options) []Passage {
	return nil // TODO(retrieval)
}

// Split splits text into sentences.
func Split(text string) []string { return nil } // TODO(retrieval)

// Terms returns the normalised, stemmed terms of text, stop words removed.
func Terms(text string) []string { return nil } // TODO(retrieval)

// NewIndex embeds the passages with emb and builds the hybrid index.
func NewIndex(ctx context.Context, passages []Passage, emb Embedder, opts Options) (*Index, error) {
	return nil, errors.New("not implemented") // TODO(retrieval)
}

// Search returns the k best passages for query, best first; k is clamped to
// the number of passages.
func (ix *Index) Search(ctx context.Context, query string, k int) ([]Hit, error) {
	return nil, errors.New("not implemented") // TODO(retrieval)
}

// Passages returns all passages of the index, in article order.
func (ix *Index) Passages() []Passage { return ix.passages }

// Hashing is the offline embedder: feature hashing of stemmed words, word
// pairs and character n-grams into a fixed number of dimensions, normalised.
type Hashing struct{ dim int }

// NewHashing returns a hashing embedder of dim dimensions (0: the default).
func NewHashing(dim int) *Hashing { return &Hashing{dim: dim} } // TODO(retrieval)

// Embed implements Embedder.
func (h *Hashing) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	return nil, errors.New("not implemented") // TODO(retrieval)
}
