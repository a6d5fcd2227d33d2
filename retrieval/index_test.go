package retrieval

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/corpus"
)

// countingEmbedder is a Hashing embedder that counts the texts it embeds.
type countingEmbedder struct {
	*Hashing
	texts atomic.Int64
}

func (c *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	c.texts.Add(int64(len(texts)))
	return c.Hashing.Embed(ctx, texts)
}

// failingEmbedder always fails.
type failingEmbedder struct{}

func (failingEmbedder) Embed(context.Context, []string) ([][]float32, error) {
	return nil, errors.New("model unavailable")
}

func canceled(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx
}

// synthetic is a small corpus of three articles on distinct subjects.
func synthetic() []corpus.Article {
	mk := func(id string, paras ...string) corpus.Article {
		return corpus.Article{ID: id, Paragraphs: paras, Text: strings.Join(paras, "\n\n")}
	}
	return []corpus.Article{
		mk("talks",
			"U.S. and Russian diplomats met in Riyadh on Tuesday. The meeting lasted 4.5 hours. Secretary of State Marco Rubio led the U.S. delegation.",
			"Russian Foreign Minister Sergei Lavrov called the talks useful. Yuri Ushakov said a summit next week was unlikely."),
		mk("drones",
			"Russia launched 176 drones overnight. Many were intercepted by air defences.",
			"In Dolynska a drone hit a residential building. Thirty-eight apartments were evacuated."),
		mk("europe",
			"French President Emmanuel Macron convened an emergency meeting in Paris. Poland, Finland and the Baltic states want a firmer stance.",
			"Zelenskyy postponed his visit to Saudi Arabia. He criticised the talks held without Ukraine."),
	}
}

func newTestIndex(t *testing.T, opts Options) (*Index, []Passage) {
	t.Helper()
	ps := Chunk(synthetic(), Options{PassageSentences: 2, Overlap: 1})
	ix, err := NewIndex(t.Context(), ps, NewHashing(256), opts)
	if err != nil {
		t.Fatal(err)
	}
	return ix, ps
}

func TestChunk(t *testing.T) {
	arts := synthetic()
	ps := Chunk(arts, Options{})
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	seen := map[string]bool{}
	var prev Passage
	for i, p := range ps {
		if seen[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		seen[p.ID] = true
		if want := p.Article + "#" + strconv.Itoa(p.Seq); p.ID != want {
			t.Errorf("id %s, want %s", p.ID, want)
		}
		if len(p.Sentences) == 0 || len(p.Sentences) > DefaultPassageSentences {
			t.Errorf("%s: %d sentences", p.ID, len(p.Sentences))
		}
		for _, s := range p.Sentences {
			if !strings.Contains(text[p.Article], s) {
				t.Errorf("%s: sentence %q not in article", p.ID, s)
			}
		}
		if p.Text != strings.Join(p.Sentences, " ") {
			t.Errorf("%s: text is not the sentences joined", p.ID)
		}
		if i > 0 && prev.Article == p.Article {
			// Consecutive windows share DefaultOverlap sentences.
			if got := prev.Sentences[len(prev.Sentences)-DefaultOverlap]; got != p.Sentences[0] {
				t.Errorf("%s: first sentence %q, want the overlap %q", p.ID, p.Sentences[0], got)
			}
		}
		prev = p
	}
	// Every sentence of every article is in some passage.
	for _, a := range arts {
		for _, s := range english.Split(a.Text) {
			found := false
			for _, p := range ps {
				found = found || (p.Article == a.ID && strings.Contains(p.Text, s))
			}
			if !found {
				t.Errorf("sentence %q of %s in no passage", s, a.ID)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	for _, f := range []Fusion{FuseWeighted, FuseRRF, FuseVector, FuseLexical} {
		ix, ps := newTestIndex(t, Options{Fusion: f})
		tests := []struct {
			query string
			want  string // a substring of the top hit
		}{
			{"How many drones did Russia launch?", "176 drones"},                   // numbers and plurals
			{"Who led the American delegation?", "Rubio led"},                      // stemmed words
			{"When will Zelensky visit Saudi Arabia?", "Zelenskyy postponed"},      // spelling variant
			{"What did Sergey Lavrov say about the talks?", "Lavrov called"},       // Sergey / Sergei
			{"Which countries want a firmer stance?", "Poland, Finland"},           // plain match
			{"How long was the meeting in Riyadh, 4.5 hours?", "lasted 4.5 hours"}, // decimals
		}
		for _, tt := range tests {
			t.Run(fusionName(f)+"/"+tt.query, func(t *testing.T) {
				hits, err := ix.Search(t.Context(), tt.query, 3)
				if err != nil {
					t.Fatal(err)
				}
				if len(hits) != 3 {
					t.Fatalf("%d hits, want 3", len(hits))
				}
				if !strings.Contains(hits[0].Passage.Text, tt.want) {
					t.Errorf("top hit %q, want one containing %q", hits[0].Passage.Text, tt.want)
				}
				checkHits(t, hits)
			})
		}
		t.Run(fusionName(f)+"/clamp", func(t *testing.T) {
			hits, err := ix.Search(t.Context(), "Russia", 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || len(hits) > len(ps) {
				t.Errorf("%d hits for k=1000 over %d passages", len(hits), len(ps))
			}
			checkHits(t, hits)
		})
	}
}

func fusionName(f Fusion) string {
	return map[Fusion]string{FuseDefault: "default", FuseWeighted: "weighted", FuseRRF: "rrf", FuseVector: "vector", FuseLexical: "lexical"}[f]
}

// checkHits checks the contract of a result: scores in range, best first,
// no passage twice.
func checkHits(t *testing.T, hits []Hit) {
	t.Helper()
	seen := map[string]bool{}
	for i, h := range hits {
		if h.Passage == nil {
			t.Fatalf("hit %d: nil passage", i)
		}
		if seen[h.Passage.ID] {
			t.Errorf("hit %d: %s twice", i, h.Passage.ID)
		}
		seen[h.Passage.ID] = true
		if h.Score < 0 || h.Score > 1 || h.Lexical < 0 || h.Lexical > 1 || h.Vector < -1.0001 || h.Vector > 1.0001 || h.BM25 < 0 {
			t.Errorf("hit %d: scores out of range: %+v", i, h)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit %d: score %v above the previous %v", i, h.Score, hits[i-1].Score)
		}
	}
}

func TestSearchEdges(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	tests := []struct {
		name  string
		query string
		k     int
	}{
		{"empty query", "", 5},               // nothing to search for
		{"blank query", "  \n\t", 5},         // white space only
		{"stop words only", "what is it", 5}, // no terms, zero vector
		{"k zero", "drones", 0},              // asks for nothing
		{"k negative", "drones", -3},         // asks for less than nothing
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := ix.Search(t.Context(), tt.query, tt.k)
			if err != nil || len(hits) != 0 {
				t.Errorf("Search(%q, %d) = %d hits, %v; want none, no error", tt.query, tt.k, len(hits), err)
			}
		})
	}
	t.Run("empty index", func(t *testing.T) {
		ix, err := NewIndex(t.Context(), nil, NewHashing(64), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if hits, err := ix.Search(t.Context(), "drones", 5); err != nil || len(hits) != 0 {
			t.Errorf("empty index: %d hits, %v", len(hits), err)
		}
	})
	t.Run("duplicate ids", func(t *testing.T) {
		p := Passage{ID: "a#0", Text: "one"}
		if _, err := NewIndex(t.Context(), []Passage{p, p}, NewHashing(64), Options{}); err == nil {
			t.Error("no error for duplicate ids")
		}
	})
	t.Run("embedder fails", func(t *testing.T) {
		ps := Chunk(synthetic(), Options{})
		_, err := NewIndex(t.Context(), ps, failingEmbedder{}, Options{})
		if err == nil || !strings.Contains(err.Error(), "model unavailable") {
			t.Errorf("err = %v, want the embedder's error", err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ps := Chunk(synthetic(), Options{})
		if _, err := NewIndex(canceled(t), ps, NewHashing(64), Options{}); err == nil {
			t.Error("no error building with a canceled context")
		}
	})
}

func TestScoreText(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	q := "How many drones did Russia launch?"
	hit := ix.ScoreText(q, "Russia launched 176 drones overnight.")
	miss := ix.ScoreText(q, "Macron convened an emergency meeting.")
	if hit <= 0 || miss != 0 {
		t.Errorf("ScoreText: matching sentence %v, unrelated %v", hit, miss)
	}
	// Every hit carries its exact BM25 score and cosine, found by both
	// rankings or one.
	hits, err := ix.Search(t.Context(), q, 100)
	if err != nil {
		t.Fatal(err)
	}
	h := NewHashing(256)
	qv := h.Vector(q)
	for _, hit := range hits {
		if want := ix.ScoreText(q, hit.Passage.Text); math.Abs(hit.BM25-want) > 1e-9 {
			t.Errorf("%s: BM25 %v, ScoreText %v", hit.Passage.ID, hit.BM25, want)
		}
		if want := dot(qv, h.Vector(hit.Passage.Text)); math.Abs(hit.Vector-want) > 1e-4 {
			t.Errorf("%s: Vector %v, cosine %v", hit.Passage.ID, hit.Vector, want)
		}
	}
	if unseen, drone := ix.IDF("zzz"), ix.IDF("drone"); drone <= 0 || unseen <= drone {
		t.Errorf("IDF(unseen) %v should exceed IDF(drone) %v > 0", unseen, drone)
	}
}

func TestCache(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	ps := Chunk(synthetic(), Options{})
	build := func() (*Index, int64) {
		t.Helper()
		emb := &countingEmbedder{Hashing: NewHashing(128)}
		ix, err := NewIndex(ctx, ps, emb, Options{CacheDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return ix, emb.texts.Load()
	}
	files := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, "*.gob.gz"))
		return m
	}

	first, n := build()
	if n != int64(len(ps)) {
		t.Fatalf("first start embedded %d texts, want %d", n, len(ps))
	}
	if len(files()) != 1 {
		t.Fatalf("cache files %v, want one", files())
	}
	second, n := build()
	if n != 0 {
		t.Errorf("second start embedded %d texts, want 0 (cache hit)", n)
	}
	a, _ := first.Search(ctx, "drones overnight", 3)
	b, _ := second.Search(ctx, "drones overnight", 3)
	for i := range a {
		if a[i].Passage.ID != b[i].Passage.ID || a[i].Score != b[i].Score {
			t.Errorf("hit %d differs after a cache load: %s %v vs %s %v", i, a[i].Passage.ID, a[i].Score, b[i].Passage.ID, b[i].Score)
		}
	}

	// A corrupt file is not trusted: it is rebuilt and rewritten.
	path := files()[0]
	if err := os.WriteFile(path, []byte("\x1f\x8bnot a gzip stream"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, n := build(); n != int64(len(ps)) {
		t.Errorf("after corruption embedded %d texts, want %d", n, len(ps))
	}
	if _, n := build(); n != 0 {
		t.Errorf("after the rebuild embedded %d texts, want 0", n)
	}

	// A file of other passages under this name (a mismatch) is rebuilt too.
	other := t.TempDir()
	if _, err := NewIndex(ctx, ps[:2], NewHashing(128), Options{CacheDir: other}); err != nil {
		t.Fatal(err)
	}
	m, _ := filepath.Glob(filepath.Join(other, "*.gob.gz"))
	data, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, n := build(); n != int64(len(ps)) {
		t.Errorf("after a mismatching file embedded %d texts, want %d", n, len(ps))
	}

	// Another model or dimension does not reuse the file.
	emb := &countingEmbedder{Hashing: NewHashing(64)}
	if _, err := NewIndex(ctx, ps, emb, Options{CacheDir: dir}); err != nil {
		t.Fatal(err)
	}
	if emb.texts.Load() == 0 {
		t.Error("a 64-dim embedder reused the 128-dim cache")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".passages-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestCacheNeedsModelID(t *testing.T) {
	dir := t.TempDir()
	ps := Chunk(synthetic(), Options{})
	// An embedder that does not name its model, and no ModelID: no cache.
	if _, err := NewIndex(t.Context(), ps, anonymous{NewHashing(64)}, Options{CacheDir: dir}); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("cache written without a model ID: %v", m)
	}
	// With a ModelID it is written.
	if _, err := NewIndex(t.Context(), ps, anonymous{NewHashing(64)}, Options{CacheDir: dir, ModelID: "test-model"}); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.gob.gz")); len(m) != 1 {
		t.Errorf("cache files %v, want one", m)
	}
}

// anonymous hides every method of an embedder but Embed.
type anonymous struct{ e Embedder }

func (a anonymous) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	return a.e.Embed(ctx, texts)
}

func TestSearchConcurrent(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	want, err := ix.Search(t.Context(), "drones overnight", 3)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				got, err := ix.Search(t.Context(), "drones overnight", 3)
				if err == nil && (len(got) != len(want) || got[0].Passage != want[0].Passage) {
					err = errors.New("concurrent search gave another result")
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestSearchExactScores checks that hits found by one ranking only (the
// corpus is larger than the candidate lists) carry exact scores of the
// other.
func TestSearchExactScores(t *testing.T) {
	c := newSynthCorpus(400)
	h := NewHashing(256)
	ix, err := NewIndex(t.Context(), c.passages, h, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range c.queries[:20] {
		hits, err := ix.Search(t.Context(), q, 10)
		if err != nil {
			t.Fatal(err)
		}
		checkHits(t, hits)
		qv := h.Vector(q)
		for _, hit := range hits {
			if want := ix.ScoreText(q, hit.Passage.Text); math.Abs(hit.BM25-want) > 1e-9 {
				t.Errorf("%q %s: BM25 %v, ScoreText %v", q, hit.Passage.ID, hit.BM25, want)
			}
			if want := dot(qv, h.Vector(hit.Passage.Text)); math.Abs(hit.Vector-want) > 1e-4 {
				t.Errorf("%q %s: Vector %v, cosine %v", q, hit.Passage.ID, hit.Vector, want)
			}
		}
	}
}

// TestSearchRepeatable checks that searches do not leak state into each
// other (BM25 reuses its score buffers).
func TestSearchRepeatable(t *testing.T) {
	c := newSynthCorpus(300)
	ix, err := NewIndex(t.Context(), c.passages, NewHashing(128), Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := make([][]Hit, 10)
	for i, q := range c.queries[:10] {
		if first[i], err = ix.Search(t.Context(), q, 5); err != nil {
			t.Fatal(err)
		}
	}
	for i, q := range c.queries[:10] {
		again, _ := ix.Search(t.Context(), q, 5)
		for j := range again {
			if again[j].Passage != first[i][j].Passage || again[j].BM25 != first[i][j].BM25 {
				t.Fatalf("query %d hit %d differs on repeat", i, j)
			}
		}
	}
}

// TestJoinedBy checks joinedBy against strings.Join.
func TestJoinedBy(t *testing.T) {
	tests := []struct {
		parts []string
		text  string
	}{
		{nil, ""},
		{nil, "a"},
		{[]string{""}, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a b"},
		{[]string{"a", "b"}, "a  b"},
		{[]string{"a", "b"}, "a b "},
		{[]string{"a", "b"}, "ab"},
		{[]string{"a", ""}, "a "},
		{[]string{"", ""}, " "},
		{[]string{"ab", "c"}, "a bc"},
	}
	for _, tt := range tests {
		if got, want := joinedBy(tt.parts, ' ', tt.text), strings.Join(tt.parts, " ") == tt.text; got != want {
			t.Errorf("joinedBy(%q, %q) = %v, want %v", tt.parts, tt.text, got, want)
		}
	}
}

// TestBuildState checks that BuildState makes the state NewIndex and State
// make, its vectors handed on in passage order, with a batch size that
// leaves a short last batch and with a state to reuse.
func TestBuildState(t *testing.T) {
	ps := Chunk(synthetic(), Options{PassageSentences: 2, Overlap: 1})
	emb := NewHashing(256)
	first, err := NewIndex(t.Context(), ps[1:], emb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{}, {BatchSize: 2, EmbedWorkers: 3}, {BatchSize: 3, Reuse: first.State()}} {
		ix, err := NewIndex(t.Context(), ps, emb, opts)
		if err != nil {
			t.Fatal(err)
		}
		want := ix.State()
		var vecs []float32
		begun := 0
		got, err := BuildState(t.Context(), ps, emb, opts,
			func(st *IndexState) error {
				begun++
				if st.Dim != 256 || len(vecs) > 0 {
					t.Errorf("begun with %d dimensions after %d values", st.Dim, len(vecs))
				}
				return nil
			},
			func(v []float32) error {
				vecs = append(vecs, v...)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if begun != 1 {
			t.Errorf("begun %d times", begun)
		}
		got.Vectors = vecs
		if !reflect.DeepEqual(got, want) {
			t.Errorf("batches of %d, reusing %v: the state differs from NewIndex's", opts.BatchSize, opts.Reuse != nil)
		}
	}
	// An error of put stops it and is returned as it is.
	stop := errors.New("disk full")
	if _, err := BuildState(t.Context(), ps, emb, Options{BatchSize: 1},
		func(*IndexState) error { return nil },
		func([]float32) error { return stop }); err != stop {
		t.Errorf("BuildState with a failing put: %v", err)
	}
}

// TestNamed: the words the articles write as names, read from their
// capitals where no sentence opens, by majority.
func TestNamed(t *testing.T) {
	ix := textIndex(t, "Russian officials met their American counterparts in Riyadh. "+
		"Talks in Riyadh lasted hours. The talks were led by Lavrov and the Russian side. "+
		"Lavrov said the talks were useful. Planned talks follow. A new round of Talks is planned.")
	for w, want := range map[string]bool{
		"riyadh":  true,  // capitalised after a sentence's opening
		"russian": true,  // once opening a sentence, once within one
		"lavrov":  true,  // within a sentence once, opening one once
		"planned": false, // capitalised only where it opens a sentence
		"talks":   false, // capitalised once within a sentence, lower case twice
		"the":     false, // a stop word, whatever its case
		"useful":  false,
		"kremlin": false, // not in the articles
	} {
		if got := ix.Named(w); got != want {
			t.Errorf("Named(%q) = %v, want %v", w, got, want)
		}
	}
}
