package retrieval

import (
	"context"
	"fmt"
	"math"
)

// DefaultDim is the number of dimensions of the Hashing embedder when none
// is given. Measured on the dev set (see index_test.go): 1024 finds as many
// gold facts as 2048 and halves memory and query time.
const DefaultDim = 1024

// hashingVersion names the feature set of the Hashing embedder; it is part
// of the model ID, so a change of features invalidates cached embeddings.
const hashingVersion = "hashing-v1"

// Feature weights of the Hashing embedder, relative to a stemmed word (1).
// Word pairs add phrase matches; character n-grams let spelling variants
// and inflections meet. Each word's n-grams share their weight, so long
// words do not drown short ones.
const (
	weightBigram = 0.6
	weightNgrams = 1.0 // total over all the 3- and 4-grams of one word
)

// Hashing is the offline embedder: feature hashing of stemmed words, word
// pairs and character n-grams into a fixed number of dimensions, normalised.
//
// Features of a text: its terms (see Terms), each pair of consecutive
// terms, and the character 3- and 4-grams of each folded word with word
// boundaries marked ("<zel", "sky>"). A feature's count c is damped to
// 1+ln(c) (sublinear tf) and multiplied by its type's weight and by a
// length weight for words (longer words carry more meaning; a corpus-free
// stand-in for IDF that works on a lone query). Each feature is hashed with
// 64-bit FNV-1a to a dimension and a sign (signed hashing keeps collisions
// unbiased); the vector is L2-normalised. The same text always gives the
// same vector; a text without features gives the zero vector.
type Hashing struct{ dim int }

// NewHashing returns a hashing embedder of dim dimensions (0: DefaultDim).
func NewHashing(dim int) *Hashing {
	if dim <= 0 {
		dim = DefaultDim
	}
	return &Hashing{dim: dim}
}

// Dim returns the number of dimensions of the vectors.
func (h *Hashing) Dim() int { return h.dim }

// ModelID names the embedder and its dimensions, for cache keys.
func (h *Hashing) ModelID() string { return fmt.Sprintf("%s-%d", hashingVersion, h.dim) }

// Embed implements Embedder.
func (h *Hashing) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = h.Vector(t)
	}
	return out, nil
}

// Vector returns the embedding of one text.
func (h *Hashing) Vector(text string) []float32 {
	feats := make(map[uint64]feature)
	var prev string
	for _, w := range words(text) {
		t := term(w)
		if t == "" {
			continue
		}
		lw := lengthWeight(t)
		add(feats, hashString(fnvOffset, "w:", t), lw)
		if prev != "" {
			add(feats, hashString(hashString(fnvOffset, "b:", prev), " ", t), weightBigram)
		}
		prev = t
		addNgrams(feats, foldTranslit(w), weightNgrams*lw)
	}
	acc := make([]float64, h.dim)
	for key, f := range feats {
		// Mean weight of the feature times its damped count.
		v := f.weight / f.count * (1 + math.Log(f.count))
		if key>>63 == 1 {
			v = -v
		}
		acc[key%uint64(h.dim)] += v
	}
	var norm float64
	for _, v := range acc {
		norm += v * v
	}
	vec := make([]float32, h.dim)
	if norm == 0 {
		return vec
	}
	norm = math.Sqrt(norm)
	for i, v := range acc {
		vec[i] = float32(v / norm)
	}
	return vec
}

// feature is the count of one hashed feature in a text and the sum of its
// weights.
type feature struct{ count, weight float64 }

func add(feats map[uint64]feature, key uint64, weight float64) {
	f := feats[key]
	f.count++
	f.weight += weight
	feats[key] = f
}

// 64-bit FNV-1a, written out so that features hash without allocating.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString continues the FNV-1a hash h over the bytes of a then b.
func hashString(h uint64, a, b string) uint64 {
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= fnvPrime
	}
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return h
}

// lengthWeight favours longer terms: 0.5 for one or two letters rising to 1
// at six and more.
func lengthWeight(t string) float64 {
	n := len(t)
	switch {
	case n >= 6:
		return 1
	case n <= 2:
		return 0.5
	}
	return 0.5 + 0.5*float64(n-2)/4
}

// addNgrams adds the character 3- and 4-grams of w, with "<" and ">" marking
// its ends, sharing weight among them.
func addNgrams(feats map[uint64]feature, w string, weight float64) {
	s := "<" + w + ">"
	// Byte offsets of each rune, and the end.
	var offs [64]int
	idx := offs[:0]
	for i := range s {
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	runes := len(idx) - 1
	count := 0
	for n := 3; n <= 4; n++ {
		if runes >= n {
			count += runes - n + 1
		}
	}
	if count == 0 {
		return
	}
	each := weight / math.Sqrt(float64(count))
	for n := 3; n <= 4; n++ {
		for i := 0; i+n <= runes; i++ {
			add(feats, hashString(fnvOffset, "c:", s[idx[i]:idx[i+n]]), each)
		}
	}
}
