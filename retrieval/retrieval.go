// Package retrieval splits articles into passages, embeds them into an
// in-process chromem-go collection, scores them lexically beside the vectors
// and fuses the two rankings into one hybrid search.
package retrieval

import "context"

// Passage is a run of consecutive sentences of one article.
type Passage struct {
	ID        string   // unique, e.g. "<article id>#3"
	Article   string   // corpus.Article.ID
	Seq       int      // position of the passage in its article, from 0
	Sentences []string // the sentences, each a substring of the article text
	Text      string   // the sentences joined by a space
}

// Hit is one search result.
type Hit struct {
	Passage *Passage
	Score   float64 // fused score, higher is better, in [0,1]
	Vector  float64 // cosine similarity of the embeddings
	Lexical float64 // BM25 score, normalised to [0,1] over the query's hits
	BM25    float64 // raw BM25 score (0 when the passage shares no term with the query)
}

// Embedder turns texts into normalised vectors. Implementations: the offline
// Hashing embedder in this package, and an OpenAI-compatible endpoint.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}
