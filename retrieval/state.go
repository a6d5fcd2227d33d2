package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	chromem "github.com/philippgille/chromem-go"
)

// IndexState is the prepared form of an [Index]: everything [NewIndex]
// computes from the passages (their terms, BM25's postings, the vectors,
// the links WordNet makes from the corpus's words), in a form that encodes
// with encoding/gob, so that an index can be stored and loaded without
// splitting, stemming or embedding again. [Index.State] makes it;
// [FromState] turns it back into an index that searches and analyses
// exactly as the one it was made from.
//
// Vectors are kept out of gob's way by those who store a state (a gob
// encoding of a float32 costs more than the float): they are one flat
// slice, Dim values a passage, in passage order.
type IndexState struct {
	Model string // the embedder's model ID, "" when it has none
	Dim   int
	// Passages in index order; a passage's Sentences are recovered from
	// its Text and SentenceLens (each sentence followed by one space).
	Passages []PassageState
	// BM25: the vocabulary in sorted order; term i's postings are
	// PostDoc/PostTF[PostStart[i]:PostStart[i+1]], in document order.
	Vocab     []string
	PostStart []int32
	PostDoc   []int32
	PostTF    []int32
	Lens      []int32 // terms of each passage
	// Reverse is what Index.Reverse returns (see there).
	Reverse map[string][]ReverseAlt
	// Vectors are the passage vectors, Dim each, flat (see above).
	Vectors []float32
	// Keep, when not nil, owns the memory Vectors lie in when that is not
	// the Go heap (a mapped file, released once Keep is unreachable). The
	// index made from the state holds it, as does every state the index
	// makes, so that the vectors stay valid while either is in use.
	Keep any
}

// PassageState is a passage as IndexState stores it.
type PassageState struct {
	ID, Article  string
	Seq          int
	Text         string
	SentenceLens []int32 // byte length of each sentence of Text
	// Sentences is set only when Text is not the sentences joined by a
	// space (a passage not made by Chunk).
	Sentences []string
}

// State returns the prepared form of the index. It shares the index's
// vectors: neither may be changed.
func (ix *Index) State() *IndexState {
	st := &IndexState{Model: modelOf(ix.emb), Dim: ix.dim, Reverse: ix.Reverse(), Vectors: ix.vectors, Keep: ix.keep}
	st.Passages = make([]PassageState, len(ix.passages))
	for i, p := range ix.passages {
		ps := PassageState{ID: p.ID, Article: p.Article, Seq: p.Seq, Text: p.Text}
		if joinedBy(p.Sentences, ' ', p.Text) {
			ps.SentenceLens = make([]int32, len(p.Sentences))
			for j, s := range p.Sentences {
				ps.SentenceLens[j] = int32(len(s))
			}
		} else {
			ps.Sentences = p.Sentences
		}
		st.Passages[i] = ps
	}
	m := ix.lex
	st.Vocab = m.Vocabulary()
	st.PostStart = make([]int32, 0, len(st.Vocab)+1)
	st.PostDoc, st.PostTF = make([]int32, 0, len(m.docs)), make([]int32, 0, len(m.tfs))
	for _, t := range st.Vocab {
		st.PostStart = append(st.PostStart, int32(len(st.PostDoc)))
		docs, tfs := m.postingsOf(t)
		st.PostDoc = append(st.PostDoc, docs...)
		st.PostTF = append(st.PostTF, tfs...)
	}
	st.PostStart = append(st.PostStart, int32(len(st.PostDoc)))
	st.Lens = slices.Clone(m.lens)
	return st
}

// BuildState returns what [NewIndex] followed by [Index.State] would, but
// hands the vectors on as they are made instead of holding them, so that a
// caller that stores the state need never hold them all (at 5,000
// articles, 200 MB of vectors were most of a cold call's memory): begin is
// called once, before the first vector, with the state whose Dim is that
// of the vectors, and put with each passage's vector, in passage order
// (the vector is put's only while it runs). The state returned has no
// Vectors. An error of begin or put is returned as it is. Unlike NewIndex,
// BuildState keeps no embedding cache (opts.CacheDir).
func BuildState(ctx context.Context, passages []Passage, emb Embedder, opts Options, begin func(*IndexState) error, put func([]float32) error) (*IndexState, error) {
	ix, reuse, progress, err := withTerms(ctx, passages, emb, opts)
	if err != nil {
		return nil, err
	}
	st := ix.State()
	ix.lex = nil // st holds its postings, laid out afresh
	began := false
	err = ix.eachVector(ctx, opts, reuse, progress(len(passages)), func(i int, v []float32) error {
		if !began {
			began, st.Dim = true, len(v)
			if err := begin(st); err != nil {
				return err
			}
		}
		p := &passages[i]
		switch {
		case len(v) != st.Dim:
			return fmt.Errorf("embed passage %s: %d dimensions, want %d", p.ID, len(v), st.Dim)
		case !isUnit(v):
			return fmt.Errorf("new index: add passages: passage %s: vector not normalised", p.ID)
		}
		return put(v)
	})
	if err != nil {
		return nil, err
	}
	if !began {
		if err := begin(st); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// joinedBy reports whether text is parts joined by sep, without joining
// them (State asks it of every passage).
func joinedBy(parts []string, sep byte, text string) bool {
	at := 0
	for i, p := range parts {
		if i > 0 {
			if at >= len(text) || text[at] != sep {
				return false
			}
			at++
		}
		if !strings.HasPrefix(text[at:], p) {
			return false
		}
		at += len(p)
	}
	return at == len(text)
}

// Reverse returns, for a term, the corpus terms WordNet relates to it from
// their side (see fromCorpus), computing them on first use. The map is the
// index's own: do not change it.
func (ix *Index) Reverse() map[string][]ReverseAlt {
	ix.reverseOnce.Do(ix.buildReverse)
	return ix.reverse
}

// modelOf returns the embedder's model ID, "" when it has none.
func modelOf(emb Embedder) string {
	if m, ok := emb.(modeled); ok {
		return m.ModelID()
	}
	return ""
}

// FromState returns the index st describes, searching with emb (which must
// be the embedder st was made with: its model ID, when it has one, must
// match). The index keeps st's slices: st must not be changed afterwards.
// A state that does not hold together (counts that disagree, postings out
// of range) is an error, never a panic.
func FromState(ctx context.Context, st *IndexState, emb Embedder, opts Options) (*Index, error) {
	if emb == nil {
		return nil, errors.New("index from state: no embedder")
	}
	if m := modelOf(emb); m != "" && st.Model != m {
		return nil, fmt.Errorf("index from state: made with model %q, not %q", st.Model, m)
	}
	if err := st.check(); err != nil {
		return nil, fmt.Errorf("index from state: %w", err)
	}
	passages := make([]Passage, len(st.Passages))
	for i, ps := range st.Passages {
		p := Passage{ID: ps.ID, Article: ps.Article, Seq: ps.Seq, Text: ps.Text, Sentences: ps.Sentences}
		if p.Sentences == nil {
			p.Sentences = make([]string, len(ps.SentenceLens))
			at := 0
			for j, n := range ps.SentenceLens {
				end := at + int(n)
				if n < 0 || end > len(ps.Text) {
					return nil, fmt.Errorf("index from state: passage %s: sentences overrun its text", ps.ID)
				}
				p.Sentences[j] = ps.Text[at:end]
				at = end + 1
			}
		}
		passages[i] = p
	}
	ix, err := newIndex(passages, emb, opts)
	if err != nil {
		return nil, err
	}
	// BM25 uses the state's arrays as they are.
	lex := &BM25{k1: BM25K1, b: BM25B, n: len(passages), lens: st.Lens,
		postings: make(map[string]span, len(st.Vocab)), docs: st.PostDoc, tfs: st.PostTF}
	total := 0
	for _, l := range st.Lens {
		total += int(l)
	}
	if lex.n > 0 {
		lex.avgLen = float64(total) / float64(lex.n)
	}
	for i, t := range st.Vocab {
		lex.postings[t] = span{st.PostStart[i], st.PostStart[i+1]}
	}
	ix.lex, ix.vocab, ix.keep = lex, st.Vocab, st.Keep
	ix.reverse = st.Reverse
	if ix.reverse == nil {
		ix.reverse = map[string][]ReverseAlt{}
	}
	ix.reverseOnce.Do(func() {}) // the links came with the state
	if _, err := ix.fillCollection(ctx, st.Vectors, st.Dim, false); err != nil {
		return nil, err
	}
	return ix, nil
}

// check verifies that the parts of st agree with one another.
func (st *IndexState) check() error {
	n := len(st.Passages)
	switch {
	case st.Dim < 0 || (n > 0 && st.Dim == 0):
		return fmt.Errorf("%d dimensions", st.Dim)
	case len(st.Vectors) != n*st.Dim:
		return fmt.Errorf("%d vector values for %d passages of %d dimensions", len(st.Vectors), n, st.Dim)
	case len(st.Lens) != n:
		return fmt.Errorf("%d passage lengths for %d passages", len(st.Lens), n)
	case len(st.PostStart) != len(st.Vocab)+1:
		return fmt.Errorf("%d posting starts for %d terms", len(st.PostStart), len(st.Vocab))
	case len(st.PostDoc) != len(st.PostTF):
		return errors.New("posting documents and counts differ in number")
	case !slices.IsSorted(st.Vocab):
		return errors.New("vocabulary not sorted")
	}
	prev := int32(0)
	for _, s := range st.PostStart {
		if s < prev || int(s) > len(st.PostDoc) {
			return errors.New("postings out of range")
		}
		prev = s
	}
	for _, d := range st.PostDoc {
		if d < 0 || int(d) >= n {
			return fmt.Errorf("posting of passage %d, of %d", d, n)
		}
	}
	return nil
}

// newIndex returns an index over passages with its settings and ID map,
// without terms or vectors.
func newIndex(passages []Passage, emb Embedder, opts Options) (*Index, error) {
	log := opts.Logger
	if log == nil {
		log = discardLogger
	}
	ix := &Index{
		passages: passages,
		byID:     make(map[string]int, len(passages)),
		emb:      emb,
		fusion:   opts.Fusion,
		log:      log,
	}
	if ix.fusion == FuseDefault {
		ix.fusion = DefaultFusion
	}
	ix.vecW = opts.VectorWeight
	if ix.vecW <= 0 || ix.vecW > 1 {
		ix.vecW = DefaultVectorWeight
	}
	for i, p := range passages {
		if _, dup := ix.byID[p.ID]; dup {
			return nil, fmt.Errorf("new index: duplicate passage id %q", p.ID)
		}
		ix.byID[p.ID] = i
	}
	return ix, nil
}

// fillCollection puts the passages with their vectors (flat, dim each,
// unit length) into a new chromem-go collection, which it returns the
// database of. The collection's documents share vecs: the vectors are held
// once. With check, a vector that is not of unit length is an error;
// vectors of a prepared state were checked when it was made (and its file
// is checksummed), and chromem-go checks each again anyway, normalising a
// copy of one that is not: at 5,000 articles checking them here was a
// tenth of loading the state.
func (ix *Index) fillCollection(ctx context.Context, vecs []float32, dim int, check bool) (*chromem.DB, error) {
	// chromem-go needs an embedding func even for precomputed vectors
	// (nil would mean OpenAI from the environment).
	embed := func(ctx context.Context, text string) ([]float32, error) {
		vs, err := ix.emb.Embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		if len(vs) != 1 {
			return nil, fmt.Errorf("embedder returned %d vectors for 1 text", len(vs))
		}
		return vs[0], nil
	}
	db := chromem.NewDB()
	coll, err := db.CreateCollection(collectionName, nil, embed)
	if err != nil {
		return nil, fmt.Errorf("new index: %w", err)
	}
	ix.coll, ix.dim, ix.vectors = coll, dim, vecs
	if len(ix.passages) == 0 {
		return db, nil
	}
	// A few workers add a share of the documents each: chromem-go's
	// AddDocuments starts a goroutine per document, which at 48,283
	// passages was most of filling the collection.
	workers := min(runtime.NumCPU(), len(ix.passages))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ix.passages); i += workers {
				p := &ix.passages[i]
				v := vecs[i*dim : (i+1)*dim : (i+1)*dim]
				if check && !isUnit(v) {
					errs[w] = fmt.Errorf("passage %s: vector not normalised", p.ID)
					return
				}
				doc := chromem.Document{ID: p.ID, Content: p.Text, Embedding: v}
				if err := coll.AddDocument(ctx, doc); err != nil {
					errs[w] = fmt.Errorf("passage %s: %w", p.ID, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("new index: add passages: %w", err)
	}
	return db, nil
}

// unitLength returns v as chromem-go stores a precomputed embedding: as it
// is when its length is 1 within chromem-go's tolerance, else divided by its
// length computed in float32, as chromem-go does; so the vectors an index
// holds are those it held when chromem-go normalised them itself.
func unitLength(v []float32) []float32 {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	if math.Abs(math.Sqrt(ss)-1) < 1e-6 {
		return v
	}
	var norm float32
	for _, x := range v {
		norm += x * x
	}
	norm = float32(math.Sqrt(float64(norm)))
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = x / norm
	}
	return out
}

// vector returns passage i's vector.
func (ix *Index) vector(i int) []float32 {
	return ix.vectors[i*ix.dim : (i+1)*ix.dim : (i+1)*ix.dim]
}

// parallel calls f(i) for i in [0,n) on all CPUs, in chunks, reporting
// progress (the count done so far) after each chunk when progress is not
// nil. It stops early, with ctx's error, when ctx is done.
func parallel(ctx context.Context, n int, f func(int), progress func(int)) error {
	const chunk = 32
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex // serialises progress
		finished int
	)
	for range min(runtime.GOMAXPROCS(0), max(1, n/chunk)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				end := min(start+chunk, n)
				for i := start; i < end; i++ {
					f(i)
				}
				if progress != nil {
					mu.Lock()
					finished += end - start
					progress(finished)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// reuser gives the terms and vectors an earlier index state holds for a
// passage with the same ID and text. A nil reuser has nothing.
type reuser struct {
	st      *IndexState
	byID    map[string]int
	vectors bool      // the state's vectors are the embedder's
	bags    [][]int32 // per old passage: term index, count, term index, count, ...
}

func newReuser(st *IndexState, emb Embedder) *reuser {
	if st == nil || st.check() != nil {
		return nil
	}
	r := &reuser{st: st, byID: make(map[string]int, len(st.Passages))}
	m := modelOf(emb)
	r.vectors = m != "" && m == st.Model
	for i, p := range st.Passages {
		r.byID[p.ID] = i
	}
	r.bags = make([][]int32, len(st.Passages))
	for t := range st.Vocab {
		for j := st.PostStart[t]; j < st.PostStart[t+1]; j++ {
			d := st.PostDoc[j]
			r.bags[d] = append(r.bags[d], int32(t), st.PostTF[j])
		}
	}
	return r
}

// old returns the index of p in the old state, if it is there unchanged.
func (r *reuser) old(p Passage) (int, bool) {
	if r == nil {
		return 0, false
	}
	i, ok := r.byID[p.ID]
	if !ok || r.st.Passages[i].Text != p.Text {
		return 0, false
	}
	return i, true
}

// terms returns p's terms (as a bag: each term as often as it occurs, in
// no particular order, which is all BM25 reads).
func (r *reuser) terms(p Passage) ([]string, bool) {
	i, ok := r.old(p)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, r.st.Lens[i])
	bag := r.bags[i]
	for j := 0; j+1 < len(bag); j += 2 {
		for range bag[j+1] {
			out = append(out, r.st.Vocab[bag[j]])
		}
	}
	return out, true
}

// vector returns p's vector.
func (r *reuser) vector(p Passage) ([]float32, bool) {
	i, ok := r.old(p)
	if !ok || !r.vectors {
		return nil, false
	}
	d := r.st.Dim
	return r.st.Vectors[i*d : (i+1)*d], true
}
