package retrieval

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"

	chromem "github.com/philippgille/chromem-go"
)

// Options tune passage making, indexing and search. Zero values mean the
// defaults.
type Options struct {
	PassageSentences int // sentences per passage (DefaultPassageSentences)
	Overlap          int // sentences shared by consecutive passages (DefaultOverlap)

	// CacheDir, when set, keeps the embedded collection on disk (a gzip
	// chromem-go export) under a name derived from the passages, ModelID and
	// dimensions, and reuses it on the next start instead of embedding again.
	CacheDir string
	// ModelID names the embedding model and its settings (dimensions) in
	// the cache key. Empty: the embedder's own ModelID() when it has one,
	// else no cache.
	ModelID string
	// BatchSize is the number of passages per Embed call (DefaultBatchSize).
	BatchSize int
	// EmbedWorkers is the number of Embed calls in flight at once
	// (default: the number of CPUs, at most 4).
	EmbedWorkers int
	// Fusion picks how the vector and BM25 rankings are combined
	// (DefaultFusion).
	Fusion Fusion
	// VectorWeight is the share of the vector score in FuseWeighted, in
	// (0,1]; 0 means DefaultVectorWeight.
	VectorWeight float64
	// Logger receives cache decisions and warnings about searches that
	// fell back to BM25; nil discards them.
	Logger *slog.Logger
	// Reuse is the state of an earlier index over mostly the same
	// passages: a passage it holds with the same ID and text takes its
	// terms and vectors instead of being stemmed and embedded again (the
	// embedder must be the same; otherwise Reuse is ignored).
	Reuse *IndexState
	// Progress, when set, is told how far building the index has got:
	// done out of total steps (a passage stemmed, a passage embedded).
	Progress func(done, total int)
}

// DefaultBatchSize is the number of passages sent to the embedder at once.
const DefaultBatchSize = 64

// Fusion names a way of combining the two rankings.
type Fusion int

// Fusions. On the dev set every fusion puts all gold facts in the top five
// passages (TestDevRecall); RRF is the default because it needs no score
// calibration, so it works unchanged with another embedder's cosine scale,
// and it ranked gold passages highest on the raw seed text.
const (
	FuseDefault  Fusion = iota // DefaultFusion
	FuseWeighted               // weighted sum of min-max normalised scores
	FuseRRF                    // reciprocal rank fusion, k = 60
	FuseVector                 // vectors only (for measurement)
	FuseLexical                // BM25 only (for measurement)
)

// DefaultFusion is the fusion used when Options.Fusion is zero.
const DefaultFusion = FuseRRF

// DefaultVectorWeight is the share of the vector score in FuseWeighted;
// BM25 gets the rest.
const DefaultVectorWeight = 0.6

// rrfK is the rank offset of reciprocal rank fusion (Cormack et al.).
const rrfK = 60

// minCandidates is the least number of candidates taken from each ranking
// before fusing, so that a passage ranked low by one but high by the other
// still competes.
const minCandidates = 50

// collectionName is the name of the chromem-go collection of passages.
const collectionName = "passages"

// Index is the searchable passage store: a chromem-go collection plus a
// lexical (BM25) index over the same passages.
type Index struct {
	passages []Passage
	byID     map[string]int
	emb      Embedder
	coll     *chromem.Collection
	vectors  []float32 // dim values a passage, shared with coll's documents
	keep     any       // owns the memory of vectors, when not the heap (IndexState.Keep)
	lex      *BM25
	vocab    []string // every term, for correcting a query's spelling

	analyzed struct { // recent analyses, by query text (see Analyze)
		mu sync.Mutex
		m  map[string]Query
	}

	reverseOnce sync.Once
	reverse     map[string][]ReverseAlt // see fromCorpus
	peopleOnce  sync.Once
	namedOnce   sync.Once
	named       map[string]bool // see Named
	people      map[string]bool // see personRun
	surnames    map[string]int  // how many given names each surname of people has
	dim         int
	fusion      Fusion
	vecW        float64 // VectorWeight
	log         *slog.Logger
}

// NewIndex embeds the passages with emb, in batches, and builds the hybrid
// index. With opts.CacheDir set, a matching cached collection is loaded
// instead of embedding; a corrupt or mismatching cache file is logged and
// rebuilt. With opts.Reuse set, passages it holds (same ID and text) take
// their terms and vectors from it instead of being stemmed and embedded
// again. Passage IDs must be unique.
func NewIndex(ctx context.Context, passages []Passage, emb Embedder, opts Options) (*Index, error) {
	ix, reuse, progress, err := withTerms(ctx, passages, emb, opts)
	if err != nil {
		return nil, err
	}
	ix.vocab = ix.lex.Vocabulary()

	if err := ix.buildVectors(ctx, opts, reuse, progress(len(passages))); err != nil {
		return nil, err
	}
	return ix, nil
}

// termsBatch is the number of passages whose terms are held at once
// while BM25 is built.
const termsBatch = 1024

// lexical returns the BM25 index of the passages, their terms computed on
// all CPUs (or taken from reuse), a batch at a time.
func lexical(ctx context.Context, passages []Passage, reuse *reuser, progress func(int)) (*BM25, error) {
	var b bm25Builder
	docs := make([][]string, min(termsBatch, len(passages)))
	for base := 0; base < len(passages); base += termsBatch {
		batch := passages[base:min(base+termsBatch, len(passages))]
		var report func(int)
		if progress != nil {
			report = func(done int) { progress(base + done) }
		}
		if err := parallel(ctx, len(batch), func(i int) {
			if d, ok := reuse.terms(batch[i]); ok {
				docs[i] = d
				return
			}
			docs[i] = english.Terms(batch[i].Text)
		}, report); err != nil {
			return nil, err
		}
		for i := range batch {
			b.add(docs[i])
			docs[i] = nil
		}
	}
	return b.build(), nil
}

// progress returns a function that reports progress of a part of the
// work that starts at base out of total, to opts.Progress (nil when
// there is none).
// withTerms makes the index of passages up to their terms (BM25), the
// reuser of opts.Reuse, and the progress of the whole build (terms, then
// vectors): what NewIndex and BuildState do first.
func withTerms(ctx context.Context, passages []Passage, emb Embedder, opts Options) (*Index, *reuser, func(base int) func(int), error) {
	if emb == nil {
		return nil, nil, nil, errors.New("new index: no embedder")
	}
	ix, err := newIndex(passages, emb, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	reuse := newReuser(opts.Reuse, emb)
	progress := opts.progress(2 * len(passages)) // terms, then vectors
	if ix.lex, err = lexical(ctx, passages, reuse, progress(0)); err != nil {
		return nil, nil, nil, err
	}
	return ix, reuse, progress, nil
}

func (o Options) progress(total int) func(base int) func(int) {
	return func(base int) func(int) {
		if o.Progress == nil {
			return nil
		}
		return func(done int) { o.Progress(base+done, total) }
	}
}

var discardLogger = slog.New(slog.DiscardHandler)

// buildVectors embeds the passages (or takes their vectors from the cache,
// or from reuse) and fills the chromem-go collection.
func (ix *Index) buildVectors(ctx context.Context, opts Options, reuse *reuser, progress func(int)) error {
	c := cacheFor(opts, ix.passages, ix.emb, ix.log)
	if vecs, dim, ok := c.load(ix, ix.log); ok {
		_, err := ix.fillCollection(ctx, vecs, dim, true)
		return err
	}
	// The vectors go straight into one flat array as they come, in
	// passage order: holding every passage's own vector until all were
	// made, then copying them, held them twice (at 5,000 articles, 200 MB
	// more at the peak of a cold call).
	var flat []float32
	dim := 0
	err := ix.eachVector(ctx, opts, reuse, progress, func(i int, v []float32) error {
		if flat == nil {
			dim = len(v)
			flat = make([]float32, len(ix.passages)*dim)
		}
		if len(v) != dim {
			return fmt.Errorf("embed passage %s: %d dimensions, want %d", ix.passages[i].ID, len(v), dim)
		}
		copy(flat[i*dim:], v)
		return nil
	})
	if err != nil {
		return err
	}
	db, err := ix.fillCollection(ctx, flat, dim, true)
	if err != nil {
		return err
	}
	c.save(db, dim, ix.log)
	return nil
}

// eachVector calls put with every passage's vector, in passage order, as
// chromem-go would store it (of unit length; a fixed unit vector for a
// passage without features): taken from reuse when it holds the passage,
// else embedded, in batches. The vector is put's only while it runs.
func (ix *Index) eachVector(ctx context.Context, opts Options, reuse *reuser, progress func(int), put func(i int, v []float32) error) error {
	// Passages reuse does not hold are embedded; the others are copied.
	var todo []Passage
	var todoAt []int
	for i, p := range ix.passages {
		if _, ok := reuse.vector(p); !ok {
			todo = append(todo, p)
			todoAt = append(todoAt, i)
		}
	}
	next := 0 // the next passage to put
	putUpTo := func(end int) error {
		for ; next < end; next++ {
			v, _ := reuse.vector(ix.passages[next])
			if err := ix.putVector(next, v, put); err != nil {
				return err
			}
		}
		return nil
	}
	if len(todo) > 0 {
		var report func(int)
		if progress != nil {
			reused := len(ix.passages) - len(todo)
			progress(reused)
			report = func(done int) { progress(reused + done) }
		}
		err := embedAll(ctx, ix.emb, todo, opts, report, func(start int, vecs [][]float32) error {
			for j, v := range vecs {
				at := todoAt[start+j]
				if err := putUpTo(at); err != nil {
					return err
				}
				if err := ix.putVector(at, v, put); err != nil {
					return err
				}
				next = at + 1
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	err := putUpTo(len(ix.passages))
	runtime.KeepAlive(reuse) // its vectors were read until now
	return err
}

// putVector puts passage i's vector v as eachVector describes.
func (ix *Index) putVector(i int, v []float32, put func(int, []float32) error) error {
	if isZero(v) {
		// chromem-go would divide by zero normalising it; a passage
		// without features is found by BM25 only.
		v = unitVector(len(v))
	}
	return put(i, unitLength(v))
}

// embedAll embeds the passage texts in batches of opts.BatchSize, with up
// to opts.EmbedWorkers batches in flight, and hands each batch's vectors
// to put in passage order (start is the index of its first passage), so
// that only a few batches are ever held. The vectors are put's to keep.
func embedAll(ctx context.Context, emb Embedder, passages []Passage, opts Options, progress func(int), put func(start int, vecs [][]float32) error) error {
	batch := opts.BatchSize
	if batch <= 0 {
		batch = DefaultBatchSize
	}
	workers := opts.EmbedWorkers
	if workers <= 0 {
		workers = min(runtime.NumCPU(), 4)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	nb := (len(passages) + batch - 1) / batch
	done := make([]chan [][]float32, nb) // batch b's vectors, once made
	for b := range done {
		done[b] = make(chan [][]float32, 1)
	}
	// A batch is started only while fewer than window batches are made
	// and not yet put, so that one slow batch does not leave every later
	// one waiting in memory.
	window := make(chan struct{}, 2*workers)
	batches := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				start := b * batch
				end := min(start+batch, len(passages))
				texts := make([]string, end-start)
				for i := range texts {
					texts[i] = passages[start+i].Text
				}
				vs, err := emb.Embed(ctx, texts)
				if err == nil && len(vs) != len(texts) {
					err = fmt.Errorf("embedder returned %d vectors for %d texts", len(vs), len(texts))
				}
				if err != nil {
					cancel(fmt.Errorf("embed passages %s..%s: %w", passages[start].ID, passages[end-1].ID, err))
					continue
				}
				done[b] <- vs
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(batches)
		for b := range nb {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	put1 := 0 // passages put so far
	for b := 0; b < nb && ctx.Err() == nil; b++ {
		select {
		case vs := <-done[b]:
			if err := put(b*batch, vs); err != nil {
				cancel(err)
				continue
			}
			<-window
			put1 += len(vs)
			if progress != nil {
				progress(put1)
			}
		case <-ctx.Done():
		}
	}
	err := context.Cause(ctx) // nil when every batch was put
	cancel(nil)               // stops the feeding, if it has not stopped
	wg.Wait()
	return err
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// unitVector returns a fixed unit vector standing in for an empty one; its
// similarity to a hashed query is near zero (the query's signed components
// cancel out).
func unitVector(dim int) []float32 {
	v := make([]float32, dim)
	x := float32(1 / math.Sqrt(float64(dim)))
	for i := range v {
		v[i] = x
	}
	return v
}

// Named reports whether the articles write the lower-case word w as a
// name: capitalised more often than not where it does not open a
// sentence ("riyadh", "russian", "zelensky"; not "talks", "led"). It lets
// a question typed all in lower case be read for its names. The counts
// are made on first need, in one pass over the passages.
func (ix *Index) Named(w string) bool {
	ix.namedOnce.Do(func() {
		upper, lower := map[string]int{}, map[string]int{}
		for _, p := range ix.passages {
			for _, s := range p.Sentences {
				for i, f := range strings.Fields(s) {
					t := strings.Trim(f, `"“”‘’'.,;:()[]!?`)
					r, _ := utf8.DecodeRuneInString(t)
					if i == 0 || t == "" || !unicode.IsLetter(r) {
						continue
					}
					if unicode.IsUpper(r) {
						upper[strings.ToLower(t)]++
					} else {
						lower[t]++
					}
				}
			}
		}
		ix.named = map[string]bool{}
		for w, n := range upper {
			if n > lower[w] && !english.IsStopWord(w) {
				ix.named[w] = true
			}
		}
	})
	return ix.named[w]
}

// Passages returns all passages of the index, in article order.
func (ix *Index) Passages() []Passage { return ix.passages }

// Passage returns the passage with the given ID, or nil.
func (ix *Index) Passage(id string) *Passage {
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	return &ix.passages[i]
}

// Len returns the number of passages.
func (ix *Index) Len() int { return len(ix.passages) }

// Dim returns the number of dimensions of the passage vectors (0 when the
// index is empty).
func (ix *Index) Dim() int { return ix.dim }

// Lexical returns the BM25 index over the passages, for scoring sentences
// with the corpus statistics.
func (ix *Index) Lexical() *BM25 { return ix.lex }

// IDF returns the inverse document frequency of a term over the passages
// (see BM25.IDF). Pass terms as Terms returns them.
func (ix *Index) IDF(term string) float64 { return ix.lex.IDF(term) }

// ScoreText returns the BM25 score of an arbitrary text (e.g. a sentence)
// against query, analysed as Search analyses it, with the passages'
// statistics. Zero means nothing of the query occurs in the text.
func (ix *Index) ScoreText(query, text string) float64 {
	return ix.lex.scoreQuery(ix.Analyze(query).Words, answerCues(query), english.Terms(text))
}

// Search returns the k best passages for query, best first; k is clamped to
// the number of passages, and k <= 0 or a query without content gives an
// empty result.
//
// Both rankings are computed: the query's embedding against the chromem-go
// collection and BM25 over the passage terms. Their top candidates (at least
// minCandidates each) are fused as opts.Fusion says; each hit carries the
// fused Score in [0,1], the cosine similarity (Vector) and the BM25 score
// normalised by the query's best (Lexical) and raw (BM25).
//
// When the query cannot be embedded (the embedder fails or returns a vector
// of the wrong size), Search logs a warning and ranks by BM25 alone, as
// [Index.SearchDetailed] describes; use that to learn that it happened.
func (ix *Index) Search(ctx context.Context, query string, k int) ([]Hit, error) {
	res, err := ix.SearchDetailed(ctx, query, k)
	return res.Hits, err
}

// SearchResult is the outcome of [Index.SearchDetailed].
type SearchResult struct {
	Hits []Hit
	// VectorErr is why the query could not be embedded; the hits were then
	// ranked by BM25 alone. Nil when the vector ranking ran.
	VectorErr error
}

// Degraded reports whether the hits were ranked by BM25 alone because the
// query could not be embedded.
func (r SearchResult) Degraded() bool { return r.VectorErr != nil }

// SearchDetailed is [Index.Search] that also tells whether retrieval
// degraded. When embedding the query fails (an error, the wrong number of
// vectors or the wrong dimension) it logs a warning, sets VectorErr and
// continues with the BM25 ranking alone: the hits have Vector 0 and the
// Score the fusion gives from BM25 alone, as when a query embeds to the
// zero vector (with RRF at most 0.5, the score of a passage first in one
// ranking only; with FuseVector, Lexical). A done ctx is not degraded: its
// error is returned, as are other errors.
func (ix *Index) SearchDetailed(ctx context.Context, query string, k int) (SearchResult, error) {
	n := len(ix.passages)
	if k <= 0 || n == 0 || strings.TrimSpace(query) == "" {
		return SearchResult{}, nil
	}
	k = min(k, n)
	cands := min(max(4*k, minCandidates), n)

	var res SearchResult
	q, vec, err := ix.vectorRanking(ctx, query, cands)
	var ee *embedError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ctx.Err() == nil:
		ix.log.Warn("embedding the query failed; ranking passages by keywords only", "err", err)
		res.VectorErr = err
		q, vec = nil, nil
	default:
		return SearchResult{}, err
	}
	// Chat's shortenings ("hw long") say what is asked as what they stand
	// for ("how long"), as the query analysis reads them.
	plain := english.UnshortenText(query)
	aq, cues := ix.Analyze(query), answerCues(plain)
	lex := ix.lex.searchQuery(aq.Words, cues, cands)
	if len(vec) == 0 && len(lex) == 0 {
		return res, nil
	}
	fusion := ix.fusion
	if res.VectorErr != nil && fusion == FuseVector {
		fusion = FuseLexical // vectors alone would score every hit 0
	}
	hits := ix.fuse(vec, lex, fusion)
	re := answerPattern(plain)
	if intro := introduction(aq); re == nil && intro != nil {
		re = intro
	}
	if re != nil {
		// Passages that have what the question asks for come first
		// among equals ("how long": a duration). Below the k-th, a hit
		// the boost cannot lift past the k-th's first score is not read:
		// the hits are in order, and none above the k-th falls below that
		// score (reading every fused hit was 6 % of an offline answer).
		floor := -1.0 // the k-th score before any boost: a boosted hit above it keeps it in
		if len(hits) > k {
			floor = hits[k-1].Score
		}
		for i := range hits {
			if i >= k && min(1, hits[i].Score*patternBoost) <= floor {
				break
			}
			if re.MatchString(hits[i].Passage.Text) {
				hits[i].Score = min(1, hits[i].Score*patternBoost)
			}
		}
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	}
	if len(hits) > k {
		hits = hits[:k]
	}
	// A hit found by one ranking alone still gets its true score in the
	// other: Vector and BM25 are absolute evidence an answerer may weigh.
	for i := range hits {
		h := &hits[i]
		if h.Vector == 0 && q != nil {
			h.Vector = dot(q, ix.vector(ix.byID[h.Passage.ID]))
		}
		if h.BM25 == 0 {
			h.BM25 = ix.lex.scoreQuery(aq.Words, cues, english.Terms(h.Passage.Text))
			if len(lex) > 0 && lex[0].score > 0 {
				h.Lexical = min(h.BM25/lex[0].score, 1)
			}
		}
	}
	res.Hits = hits
	runtime.KeepAlive(ix) // its vectors were read until now (see IndexState.Keep)
	return res, nil
}

// embedError is a failure to embed the query, after which Search may fall
// back to BM25.
type embedError struct{ err error }

func (e *embedError) Error() string { return "embed query: " + e.err.Error() }
func (e *embedError) Unwrap() error { return e.err }

// vectorRanking returns the cands passages most similar to query by cosine,
// best first; nothing when the query embeds to the zero vector.
func (ix *Index) vectorRanking(ctx context.Context, query string, cands int) ([]float32, []scored, error) {
	vs, err := ix.emb.Embed(ctx, []string{query})
	if err != nil {
		return nil, nil, &embedError{err}
	}
	if len(vs) != 1 {
		return nil, nil, &embedError{fmt.Errorf("%d vectors for 1 text", len(vs))}
	}
	q := vs[0]
	if isZero(q) {
		return nil, nil, nil
	}
	if len(q) != ix.dim {
		return nil, nil, &embedError{fmt.Errorf("%d dimensions, index has %d", len(q), ix.dim)}
	}
	q = normalized(q)
	res, err := ix.coll.QueryEmbedding(ctx, q, min(cands, ix.coll.Count()), nil, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("vector query: %w", err)
	}
	out := make([]scored, 0, len(res))
	for _, r := range res {
		if i, ok := ix.byID[r.ID]; ok {
			out = append(out, scored{i, float64(r.Similarity)})
		}
	}
	return q, out, nil
}

// normalized returns v scaled to unit length (v itself when it already is).
func normalized(v []float32) []float32 {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	if math.Abs(ss-1) < 1e-6 || ss == 0 {
		return v
	}
	n := math.Sqrt(ss)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / n)
	}
	return out
}

// dot returns the dot product of two vectors of equal length (0 otherwise).
func dot(a, b []float32) float64 {
	if len(a) != len(b) {
		return 0
	}
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

// ranks is what the two rankings say of one passage.
type ranks struct {
	vec, lex         float64 // cosine, raw BM25
	vecRank, lexRank int     // 1-based, 0 when not among the candidates
}

// fuse combines the two rankings, as fusion says, into hits sorted best
// first.
func (ix *Index) fuse(vec, lex []scored, fusion Fusion) []Hit {
	m := make(map[int]*ranks)
	get := func(d int) *ranks {
		if m[d] == nil {
			m[d] = &ranks{}
		}
		return m[d]
	}
	for r, s := range vec {
		b := get(s.doc)
		b.vec, b.vecRank = s.score, r+1
	}
	for r, s := range lex {
		b := get(s.doc)
		b.lex, b.lexRank = s.score, r+1
	}
	vmin, vmax := span01(vec)
	lmax := 0.0
	if len(lex) > 0 {
		lmax = lex[0].score
	}
	hits := make([]Hit, 0, len(m))
	for d, b := range m {
		vecNorm := 0.0
		if b.vecRank > 0 && vmax > vmin {
			vecNorm = (b.vec - vmin) / (vmax - vmin)
		} else if b.vecRank > 0 {
			vecNorm = 1
		}
		lexNorm := 0.0
		if lmax > 0 {
			lexNorm = b.lex / lmax
		}
		hits = append(hits, Hit{
			Passage: &ix.passages[d],
			Score:   ix.combine(fusion, b, vecNorm, lexNorm),
			Vector:  b.vec,
			Lexical: lexNorm,
			BM25:    b.lex,
		})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return ix.byID[hits[i].Passage.ID] < ix.byID[hits[j].Passage.ID]
	})
	return hits
}

// hashingRank is the weight of the vector ranking in RRF when the vectors
// come from the offline embedder (Hashing): it hashes words and their
// pieces, a second and weaker lexical view beside BM25, which reads the
// query through its analysis (related words, spelling). Counting it half
// put more gold facts in the top five on two development sets and fewer
// on none (README, "Quality"); a model's embeddings count in full.
const hashingRank = 0.5

// rrfVectorWeight is the weight of the vector ranking in RRF.
func (ix *Index) rrfVectorWeight() float64 {
	if _, ok := ix.emb.(*Hashing); ok {
		return hashingRank
	}
	return 1
}

// combine returns the fused score in [0,1] of a passage.
func (ix *Index) combine(fusion Fusion, b *ranks, vecNorm, lexNorm float64) float64 {
	switch fusion {
	case FuseRRF:
		var score float64
		vw := ix.rrfVectorWeight()
		if b.vecRank > 0 {
			score += vw / float64(rrfK+b.vecRank)
		}
		if b.lexRank > 0 {
			score += 1 / float64(rrfK+b.lexRank)
		}
		return score / ((1 + vw) / float64(rrfK+1)) // first in both -> 1
	case FuseVector:
		return vecNorm
	case FuseLexical:
		return lexNorm
	}
	return ix.vecW*vecNorm + (1-ix.vecW)*lexNorm
}

// span01 returns the least and greatest score of a ranking sorted best
// first.
func span01(r []scored) (lo, hi float64) {
	if len(r) == 0 {
		return 0, 0
	}
	return r[len(r)-1].score, r[0].score
}
