package retrieval

import (
	"context"
	"fmt"
	"math"

	"github.com/talksbot/talksbot/corpus/english"
)

// DefaultDim is the number of dimensions of the Hashing embedder when none
// is given. Measured on the dev set with 4-sentence passages and RRF:
// 512, 1024 and 2048 dimensions all put every gold fact in the top five;
// 1024 ranked them highest (recall@3 1.00, against 0.98 and 0.90), and it
// keeps a passage at 4 KB of vector.
const DefaultDim = 1024

// hashingVersion names the feature set of the Hashing embedder; it is part
// of the model ID, so a change of features invalidates cached embeddings.
const hashingVersion = "hashing-v2"

// Feature weights of the Hashing embedder, relative to a stemmed word (1).
// Word pairs add phrase matches; character n-grams let spelling variants
// and inflections meet. Each word's n-grams share their weight, so long
// words do not drown short ones.
const (
	weightBigram = 0.3
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
type Hashing struct {
	dim        int
	bigram     float64 // weight of a word pair
	ngrams     float64 // weight of the n-grams of a word, together
	nmin, nmax int     // n-gram sizes
}

// NewHashing returns a hashing embedder of dim dimensions (0: DefaultDim).
func NewHashing(dim int) *Hashing {
	if dim <= 0 {
		dim = DefaultDim
	}
	return &Hashing{dim: dim, bigram: weightBigram, ngrams: weightNgrams, nmin: 3, nmax: 4}
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
	// Count the distinct words, terms and word pairs, in first-seen order
	// so that the floating-point sums are the same on every run.
	ws := english.Words(text)
	surface, terms, pairs := newCounts(len(ws)), newCounts(len(ws)), newCounts(len(ws))
	var prev string
	for _, w := range ws {
		t := english.Term(w)
		if t == "" {
			continue
		}
		surface.add(w)
		terms.add(t)
		if prev != "" {
			pairs.add(prev + " " + t)
		}
		prev = t
	}
	acc := make([]float64, h.dim)
	for i, t := range terms.keys {
		addFeature(acc, hashString(fnvOffset, "w:", t), lengthWeight(t)*damp(terms.n[i]))
	}
	if h.bigram > 0 {
		for i, p := range pairs.keys {
			addFeature(acc, hashString(fnvOffset, "b:", p), h.bigram*damp(pairs.n[i]))
		}
	}
	if h.ngrams > 0 {
		for i, w := range surface.keys {
			weight := h.ngrams * lengthWeight(english.Term(w)) * damp(surface.n[i])
			addNgrams(acc, english.FoldTranslit(w), weight, h.nmin, h.nmax)
		}
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

// damp is the sublinear term frequency: 1 + ln(n).
func damp(n int) float64 { return 1 + math.Log(float64(n)) }

// addFeature adds weight to the dimension of a hashed feature, with the
// sign its top bit gives.
func addFeature(acc []float64, key uint64, weight float64) {
	if key>>63 == 1 {
		weight = -weight
	}
	acc[key%uint64(len(acc))] += weight
}

// counts counts strings, remembering the order they were first seen in.
type counts struct {
	idx  map[string]int
	keys []string
	n    []int
}

func newCounts(capacity int) *counts {
	return &counts{idx: make(map[string]int, capacity)}
}

func (c *counts) add(k string) {
	if i, ok := c.idx[k]; ok {
		c.n[i]++
		return
	}
	c.idx[k] = len(c.keys)
	c.keys = append(c.keys, k)
	c.n = append(c.n, 1)
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

// addNgrams adds the character n-grams of w (sizes nmin to nmax), with "<"
// and ">" marking its ends; they share weight so that a long word does not
// outweigh a short one.
func addNgrams(acc []float64, w string, weight float64, nmin, nmax int) {
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
	for n := nmin; n <= nmax; n++ {
		if runes >= n {
			count += runes - n + 1
		}
	}
	if count == 0 {
		return
	}
	each := weight / math.Sqrt(float64(count))
	for n := nmin; n <= nmax; n++ {
		for i := 0; i+n <= runes; i++ {
			addFeature(acc, hashString(fnvOffset, "c:", s[idx[i]:idx[i+n]]), each)
		}
	}
}
