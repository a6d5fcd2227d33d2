package prepared

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/talksbot/talksbot/retrieval"
)

// Regenerate builtin.bin after changing the built-in articles or anything
// that prepares them (cleaning, splitting, terms, the offline embedder,
// BM25, WordNet); TestBuiltinFresh fails until then.
//go:generate go run ./internal/gen -o builtin.bin

//go:embed builtin.bin
var builtin []byte

// Builtin returns the built-in articles (corpus.Embedded) prepared with
// the offline embedder retrieval.NewHashing(0), as `go generate` stored
// them in the binary.
// Its vectors and text are the binary's own bytes, used in place (they
// never change and never go away).
func Builtin(ctx context.Context, opts retrieval.Options) (*State, error) {
	h, vecs, err := decodeBytes(builtin, true, nil)
	var s *State
	if err == nil {
		s, err = fromHeader(ctx, h, vecs, nil, retrieval.NewHashing(0), opts)
	}
	if err != nil {
		return nil, fmt.Errorf("built-in prepared state (run go generate ./retrieval/prepared): %w", err)
	}
	return s, nil
}

// BuildBuiltin prepares the built-in articles afresh, as `go generate`
// does.
func BuildBuiltin(ctx context.Context, opts retrieval.Options) (*State, error) {
	arts, err := corpusEmbedded()
	if err != nil {
		return nil, err
	}
	return Build(ctx, arts, retrieval.NewHashing(0), opts)
}
