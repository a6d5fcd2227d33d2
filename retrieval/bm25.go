package retrieval

import (
	"container/heap"
	"math"
	"slices"
	"sort"
	"sync"
)

// BM25 parameters. K1 = 1.2 and B = 0.75 are the textbook values (Robertson
// and Zaragoza). Measured on the dev set: recall@5 is 1.00 and the fused
// recall@3 0.94 for every k1 in [0.6, 2.0] and b in [0.3, 0.9]; BM25 alone
// moves by one question at most. Nothing here argues for other values.
const (
	BM25K1 = 1.2  // term-frequency saturation
	BM25B  = 0.75 // document-length normalisation
)

// BM25 is an Okapi BM25 index over the terms of a set of documents (here
// the passages). Besides ranking its own documents it scores any short text
// (a sentence) against a query with the corpus statistics, so an answerer can
// rank sentences lexically.
type BM25 struct {
	k1, b    float64
	n        int             // documents
	avgLen   float64         // mean document length in terms
	lens     []int32         // length of each document
	postings map[string]span // term -> where its postings are in docs and tfs
	// docs and tfs are the postings of every term, one term's after
	// another's: the documents that contain it, in document order, and how
	// often. Two flat arrays rather than a slice a term, so that a
	// prepared index uses the arrays it was stored as (see FromState).
	docs, tfs []int32
	scratch   sync.Pool // *accumulator, reused across searches
}

// span is where a term's postings are: docs[start:end], tfs[start:end].
type span struct{ start, end int32 }

// postingsOf returns the documents that contain term, in document order,
// and how often each does.
func (m *BM25) postingsOf(term string) (docs, tfs []int32) {
	sp := m.postings[term]
	return m.docs[sp.start:sp.end], m.tfs[sp.start:sp.end]
}

// accumulator holds the per-document scores of one search, and the best
// score of each document for the query word being scored (an array, not a
// map: a common word's map grew to tens of thousands of documents, and
// growing it was a tenth of a warm call's page faults at 5,000 articles).
type accumulator struct {
	acc, best           []float64
	touched, bestCredit []int
}

// NewBM25 indexes docs, each given as its terms (see Terms), with the
// default parameters.
func NewBM25(docs [][]string) *BM25 {
	var b bm25Builder
	for _, terms := range docs {
		b.add(terms)
	}
	return b.build()
}

// bm25Builder indexes documents one at a time, so that a caller need not
// hold every document's terms at once (at 5,000 articles, 70 MB of
// string headers at the peak of a cold call): it keeps each document as
// the numbers of its distinct terms and their counts.
type bm25Builder struct {
	ids   map[string]int32 // term -> its number
	terms []string         // by number
	df    []int32          // documents that hold each term
	bags  []int32          // every document's term numbers and counts, one document's after another's
	ends  []int            // where each document's end in bags
	lens  []int32          // terms of each document
	total int              // terms of all documents
	at    map[int32]int    // scratch: where a term of the document being added is in bags
}

// add indexes the next document, given as its terms.
func (b *bm25Builder) add(terms []string) {
	if b.ids == nil {
		b.ids, b.at = map[string]int32{}, map[int32]int{}
	}
	for _, t := range terms {
		id, ok := b.ids[t]
		if !ok {
			id = int32(len(b.terms))
			b.ids[t] = id
			b.terms = append(b.terms, t)
			b.df = append(b.df, 0)
		}
		if i, ok := b.at[id]; ok {
			b.bags[i+1]++
			continue
		}
		b.at[id] = len(b.bags)
		b.bags = append(b.bags, id, 1)
		b.df[id]++
	}
	clear(b.at)
	b.ends = append(b.ends, len(b.bags))
	b.lens = append(b.lens, int32(len(terms)))
	b.total += len(terms)
}

// build returns the index of the documents added.
func (b *bm25Builder) build() *BM25 {
	m := &BM25{k1: BM25K1, b: BM25B, n: len(b.lens), lens: b.lens, postings: make(map[string]span, len(b.terms))}
	if m.lens == nil {
		m.lens = []int32{}
	}
	// Each term's postings, in document order, after the previous term's.
	next := make([]int32, len(b.terms))
	total := int32(0)
	for id, df := range b.df {
		next[id] = total
		m.postings[b.terms[id]] = span{total, total + df}
		total += df
	}
	m.docs, m.tfs = make([]int32, total), make([]int32, total)
	start := 0
	for doc, end := range b.ends {
		for j := start; j < end; j += 2 {
			id := b.bags[j]
			m.docs[next[id]], m.tfs[next[id]] = int32(doc), b.bags[j+1]
			next[id]++
		}
		start = end
	}
	if m.n > 0 {
		m.avgLen = float64(b.total) / float64(m.n)
	}
	return m
}

// Len returns the number of documents.
func (m *BM25) Len() int { return m.n }

// IDF returns the inverse document frequency of a term (already normalised
// by Terms): ln(1 + (N - df + 0.5) / (df + 0.5)), which is positive for
// every term and highest for terms no document contains.
func (m *BM25) IDF(term string) float64 {
	sp := m.postings[term]
	df := float64(sp.end - sp.start)
	return math.Log(1 + (float64(m.n)-df+0.5)/(df+0.5))
}

// DF returns the number of documents that contain term.
func (m *BM25) DF(term string) int {
	sp := m.postings[term]
	return int(sp.end - sp.start)
}

// weight is the BM25 weight of a term occurring tf times in a document of
// length dl.
func (m *BM25) weight(idf float64, tf, dl int32) float64 {
	f := float64(tf)
	norm := 1.0
	if m.avgLen > 0 {
		norm = 1 - m.b + m.b*float64(dl)/m.avgLen
	}
	return idf * f * (m.k1 + 1) / (f + m.k1*norm)
}

// Score returns the BM25 score of a text given as its terms against the
// query terms, with the corpus's IDF and mean length: the score the text
// would have as a document of the corpus. Repeated query terms count once.
func (m *BM25) Score(query, doc []string) float64 {
	words := make([]QueryWord, 0, len(query))
	for _, t := range unique(query) {
		words = append(words, QueryWord{Term: t, Alts: []Alternative{{Terms: []string{t}, Weight: 1}}})
	}
	return m.scoreQuery(words, nil, doc)
}

// altWeight is what alternative a earns in a document of length dl where
// tf gives each term's count: its share of the mean BM25 weight of its
// terms; 0 unless every term occurs.
func (m *BM25) altWeight(a Alternative, tf func(string) int, dl int) float64 {
	var sum float64
	for _, t := range a.Terms {
		c := tf(t)
		if c == 0 {
			return 0
		}
		sum += m.weight(m.IDF(t), int32(c), int32(dl))
	}
	return a.Weight * sum / float64(len(a.Terms))
}

// scoreQuery is the BM25 score of doc for the query's words: each word
// adds the most any of its alternatives earns; cue terms add cueWeight of
// their weight.
func (m *BM25) scoreQuery(words []QueryWord, cues []string, doc []string) float64 {
	if len(doc) == 0 {
		return 0
	}
	counts := make(map[string]int, len(doc))
	for _, t := range doc {
		counts[t]++
	}
	tf := func(t string) int { return counts[t] }
	var s float64
	for _, w := range words {
		best := 0.0
		for _, a := range w.Alts {
			best = max(best, m.altWeight(a, tf, len(doc)))
		}
		s += best
	}
	for _, c := range unique(cues) {
		if n := counts[c]; n > 0 {
			s += m.weight(cueWeight*m.IDF(c), int32(n), int32(len(doc)))
		}
	}
	return s
}

// scored is a document index with a score.
type scored struct {
	doc   int
	score float64
}

// searchQuery scores every document that shares a term with the query's
// words and cue terms, as scoreQuery does, and returns the best limit of
// them (all when limit <= 0), best first, ties in document order.
func (m *BM25) searchQuery(words []QueryWord, cues []string, limit int) []scored {
	a, _ := m.scratch.Get().(*accumulator)
	if a == nil || len(a.acc) != m.n {
		a = &accumulator{acc: make([]float64, m.n), best: make([]float64, m.n)}
	}
	acc, touched := a.acc, a.touched[:0]
	best, bestDocs := a.best, a.bestCredit[:0]
	defer func() {
		for _, d := range touched {
			acc[d] = 0
		}
		a.touched, a.bestCredit = touched[:0], bestDocs[:0]
		m.scratch.Put(a)
	}()
	// raise makes v the best score of doc for the current word if it is
	// more than it has.
	raise := func(doc int, v float64) {
		if v <= best[doc] {
			return
		}
		if best[doc] == 0 {
			bestDocs = append(bestDocs, doc)
		}
		best[doc] = v
	}
	credit := func(doc int, v float64) {
		if v <= 0 {
			return
		}
		if acc[doc] == 0 {
			touched = append(touched, doc)
		}
		acc[doc] += v
	}
	for _, w := range words {
		for _, alt := range w.Alts {
			first, firstTF := m.postingsOf(alt.Terms[0])
			if len(alt.Terms) == 1 {
				idf := m.IDF(alt.Terms[0])
				for j, d := range first {
					raise(int(d), alt.Weight*m.weight(idf, firstTF[j], m.lens[d]))
				}
				continue
			}
			tfs := make([]map[int]int, len(alt.Terms))
			for i, t := range alt.Terms {
				tfs[i] = map[int]int{}
				docs, counts := m.postingsOf(t)
				for j, d := range docs {
					tfs[i][int(d)] = int(counts[j])
				}
			}
			for _, d := range first {
				doc := int(d)
				tf := func(t string) int { return tfs[slices.Index(alt.Terms, t)][doc] }
				raise(doc, m.altWeight(alt, tf, int(m.lens[doc])))
			}
		}
		for _, doc := range bestDocs {
			credit(doc, best[doc])
			best[doc] = 0
		}
		bestDocs = bestDocs[:0]
	}
	for _, c := range unique(cues) {
		idf := cueWeight * m.IDF(c)
		docs, tfs := m.postingsOf(c)
		for j, d := range docs {
			credit(int(d), m.weight(idf, tfs[j], m.lens[d]))
		}
	}
	if limit <= 0 || limit > len(touched) {
		limit = len(touched)
	}
	// Keep the best limit in a min-heap, then sort them.
	h := make(scoredHeap, 0, limit)
	for _, d := range touched {
		x := scored{d, acc[d]}
		if len(h) < limit {
			heap.Push(&h, x)
		} else if better(x, h[0]) {
			h[0] = x
			heap.Fix(&h, 0)
		}
	}
	out := []scored(h)
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out
}

// Vocabulary returns every term of the corpus, sorted. (Sorted, so that
// whatever walks it, the spelling corrector, meets ties in the same order in
// every process and in a stored index.)
func (m *BM25) Vocabulary() []string {
	out := make([]string, 0, len(m.postings))
	for t := range m.postings {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// better orders scored documents: higher score first, then document order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// scoredHeap is a min-heap by better: the worst kept document on top.
type scoredHeap []scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// unique returns the distinct strings of s in first-seen order.
func unique(s []string) []string {
	seen := make(map[string]bool, len(s))
	out := s[:0:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
