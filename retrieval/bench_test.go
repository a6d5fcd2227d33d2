package retrieval

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

// The 100k-passage benchmarks build an index of about half a gigabyte,
// which takes tens of seconds on two cores; they run only with -bench100k:
//
//	go test ./retrieval -run '^$' -bench 'Search|ChromemQuery|IndexBuild' -benchmem -bench100k
var bench100k = flag.Bool("bench100k", false, "also run the benchmarks at 100k passages")

// benchSizes returns the corpus sizes to benchmark.
func benchSizes() []int {
	if *bench100k {
		return []int{1_000, 10_000, 100_000}
	}
	return []int{1_000, 10_000}
}

// benchK is the number of hits asked of every search.
const benchK = 10

// synthCorpus generates n passages deterministically: sentences of words
// drawn with a Zipf law from a vocabulary of made-up words, so that term
// statistics look like text (a few very common words, a long tail).
type synthCorpus struct {
	vocab    []string
	passages []Passage
	queries  []string
}

func newSynthCorpus(n int) *synthCorpus {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	syll := []string{"ka", "lo", "mi", "ra", "to", "se", "vu", "ne", "di", "po", "sha", "tre", "gor", "lin", "vas", "kov", "ber", "zel", "ush", "ov"}
	const vocabSize = 30_000
	seen := make(map[string]bool, vocabSize)
	vocab := make([]string, 0, vocabSize)
	for len(vocab) < vocabSize {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	zipf := rand.NewZipf(rng, 1.1, 2, vocabSize-1)
	c := &synthCorpus{vocab: vocab}
	for i := range n {
		var sents []string
		for range 3 {
			words := make([]string, 12+rng.IntN(10))
			for j := range words {
				words[j] = vocab[zipf.Uint64()]
			}
			words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
			sents = append(sents, strings.Join(words, " ")+".")
		}
		c.passages = append(c.passages, Passage{
			ID: fmt.Sprintf("doc%d#0", i), Article: fmt.Sprintf("doc%d", i),
			Sentences: sents, Text: strings.Join(sents, " "),
		})
	}
	// Queries: six words of a random passage, so every query has matches.
	for range 256 {
		ws := strings.Fields(c.passages[rng.IntN(n)].Text)
		rng.Shuffle(len(ws), func(i, j int) { ws[i], ws[j] = ws[j], ws[i] })
		c.queries = append(c.queries, strings.Join(ws[:6], " "))
	}
	return c
}

// benchIndex is a synthetic corpus indexed once per size and shared by the
// benchmarks of one run, with the heap it took.
type benchIndex struct {
	once      sync.Once
	corpus    *synthCorpus
	ix        *Index
	bytesPerP float64
	err       error
}

var benchIndexes sync.Map // size -> *benchIndex

func sharedIndex(b *testing.B, n int) *benchIndex {
	v, _ := benchIndexes.LoadOrStore(n, &benchIndex{})
	bi := v.(*benchIndex)
	bi.once.Do(func() {
		bi.corpus = newSynthCorpus(n)
		before := heapInUse()
		bi.ix, bi.err = NewIndex(context.Background(), bi.corpus.passages, NewHashing(0), Options{})
		bi.bytesPerP = float64(heapInUse()-before) / float64(n)
	})
	if bi.err != nil {
		b.Fatal(bi.err)
	}
	return bi
}

// heapInUse returns the live heap after a collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// BenchmarkSearch is the whole hybrid search: embed the query, chromem-go
// query for the candidates, BM25, fusion.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			bi := sharedIndex(b, n)
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				hits, err := bi.ix.Search(ctx, bi.corpus.queries[i%len(bi.corpus.queries)], benchK)
				if err != nil || len(hits) == 0 {
					b.Fatalf("search: %d hits, %v", len(hits), err)
				}
			}
			b.ReportMetric(bi.bytesPerP, "B/passage")
		})
	}
}

// BenchmarkChromemQuery is the bare chromem-go QueryEmbedding on the same
// collection, the query already embedded: the floor under Search.
func BenchmarkChromemQuery(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			bi := sharedIndex(b, n)
			ctx := context.Background()
			h := NewHashing(0)
			qs := make([][]float32, len(bi.corpus.queries))
			for i, q := range bi.corpus.queries {
				qs[i] = h.Vector(q)
			}
			for i := 0; b.Loop(); i++ {
				res, err := bi.ix.coll.QueryEmbedding(ctx, qs[i%len(qs)], benchK, nil, nil)
				if err != nil || len(res) == 0 {
					b.Fatalf("query: %d results, %v", len(res), err)
				}
			}
			b.ReportMetric(bi.bytesPerP, "B/passage")
		})
	}
}

// BenchmarkIndexBuild measures NewIndex (embedding, chromem-go insertion
// and BM25) in passages per second.
func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := newSynthCorpus(n)
			ctx := context.Background()
			for b.Loop() {
				if _, err := NewIndex(ctx, c.passages, NewHashing(0), Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}

// BenchmarkEmbed measures the Hashing embedder on one passage-sized text.
func BenchmarkEmbed(b *testing.B) {
	c := newSynthCorpus(100)
	h := NewHashing(0)
	for i := 0; b.Loop(); i++ {
		h.Vector(c.passages[i%len(c.passages)].Text)
	}
}

// BenchmarkIndexCorpus is the start-up cost of the command on the embedded
// corpus: chunking and indexing the five articles, with and without the
// embedding cache.
func BenchmarkIndexCorpus(b *testing.B) {
	arts, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.Run("embed", func(b *testing.B) {
		for b.Loop() {
			if _, err := NewIndex(ctx, Chunk(arts, Options{}), NewHashing(0), Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		opts := Options{CacheDir: b.TempDir()}
		if _, err := NewIndex(ctx, Chunk(arts, Options{}), NewHashing(0), opts); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := NewIndex(ctx, Chunk(arts, Options{}), NewHashing(0), opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkNamed is the first Named of an index, which counts the capitals
// of every passage's sentences once (a follow-up typed in lower case); the
// later ones are a map lookup.
func BenchmarkNamed(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ix := &Index{passages: sharedIndex(b, n).ix.passages}
			for b.Loop() {
				ix.namedOnce = sync.Once{}
				ix.Named("riyadh")
			}
		})
	}
}
