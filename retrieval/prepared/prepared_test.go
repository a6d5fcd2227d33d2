package prepared

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// TestBuiltinFresh checks that builtin.bin is what go generate would write
// now: byte for byte the built-in articles prepared afresh.
func TestBuiltinFresh(t *testing.T) {
	s, err := BuildBuiltin(t.Context(), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), builtin) {
		t.Fatal("builtin.bin is stale: run go generate ./retrieval/prepared")
	}
	got, err := Builtin(t.Context(), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameState(t, got, s)
}

// sameState fails unless a and b hold the same articles and index state.
func sameState(t *testing.T, a, b *State) {
	t.Helper()
	if !reflect.DeepEqual(a.Articles, b.Articles) {
		t.Error("articles differ")
	}
	sa, sb := a.Index.State(), b.Index.State()
	sa.Keep, sb.Keep = nil, nil // where the vectors lie (a mapped file or not)
	if !reflect.DeepEqual(sa, sb) {
		t.Error("index states differ")
	}
	if !reflect.DeepEqual(a.Index.Passages(), b.Index.Passages()) {
		t.Error("passages differ")
	}
}

// copyDir copies the Black Sea test corpus into a new directory.
func copyDir(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "bot", "testdata", "blacksea", "corpus")
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// fresh prepares dir with no cache, as a reference.
func fresh(t *testing.T, dir string) *State {
	t.Helper()
	s, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// loader returns a function that loads dir with *opts (read at each call),
// failing the test on an error.
func loader(t *testing.T, dir string, opts *Options) func() *State {
	return func() *State {
		t.Helper()
		s, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), *opts)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

func TestLoadDirCache(t *testing.T) {
	dir, cache := copyDir(t), t.TempDir()
	opts := &Options{CacheDir: cache, Version: "test"}
	load := loader(t, dir, opts)
	cacheFile := func() string {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(cache, "corpus-*.bin"))
		if len(m) != 1 {
			t.Fatalf("cache files %v, want one", m)
		}
		return m[0]
	}

	// Files old enough to be known by their times, so that no warm load
	// rewrites the cache to record them (see TestLoadDirUnchangedFiles).
	hourAgo := time.Now().Add(-time.Hour)
	ents, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range ents {
		os.Chtimes(p, hourAgo, hourAgo)
	}
	cold := load()
	sameState(t, cold, fresh(t, dir))
	file := cacheFile()
	st1, _ := os.Stat(file)

	// Warm: loaded, not rewritten.
	warm := load()
	sameState(t, warm, cold)
	if st2, _ := os.Stat(cacheFile()); !st2.ModTime().Equal(st1.ModTime()) {
		t.Error("a warm load rewrote the cache")
	}

	// Corrupt: one byte flipped in the vectors, then a truncated file.
	// (Written as new files, as the cache writes them: cold's vectors lie
	// in the file it was loaded from, mapped.)
	replace := func(b []byte) {
		os.Remove(file)
		os.WriteFile(file, b, 0o644)
	}
	b, _ := os.ReadFile(file)
	b[len(b)/2] ^= 0x40
	replace(b)
	sameState(t, load(), cold)
	b, _ = os.ReadFile(cacheFile())
	replace(b[:len(b)/3])
	sameState(t, load(), cold)
	if _, err := Read(t.Context(), bytes.NewReader(b[:len(b)/3]), retrieval.NewHashing(0), retrieval.Options{}); err == nil {
		t.Error("a truncated state read without error")
	}

	// Changed: one article edited, one added; the state equals a fresh
	// build of the new directory.
	p := filepath.Join(dir, "03_harbour_inspections.txt")
	text, _ := os.ReadFile(p)
	os.WriteFile(p, append(text, []byte("\n\nInspectors said on Friday that the harbour checks would continue.\n")...), 0o644)
	os.WriteFile(filepath.Join(dir, "99_added.txt"), []byte(" date 2025-03-30 Added.\n\nThe talks in Istanbul ended on Sunday without a joint statement.\n"), 0o644)
	sameState(t, load(), fresh(t, dir))

	// Stale: another engine version rebuilds.
	opts.Version = "test2"
	sameState(t, load(), fresh(t, dir))
}

// TestLoadDirUnchangedFiles checks the cache's shortcut: a file recorded
// with the same size and modification time is not read again, and one whose
// size, time or metadata changed is.
func TestLoadDirUnchangedFiles(t *testing.T) {
	dir, cache := copyDir(t), t.TempDir()
	opts := &Options{CacheDir: cache, Version: "test"}
	load := loader(t, dir, opts)
	hourAgo := time.Now().Add(-time.Hour)
	ents, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range ents {
		os.Chtimes(p, hourAgo, hourAgo)
	}
	cold := load()

	// The same size and time: not read, so this edit is not seen (the
	// limitation make has too).
	p := filepath.Join(dir, "03_harbour_inspections.txt")
	text, _ := os.ReadFile(p)
	edited := []byte(strings.Replace(string(text), "three people", "seven people", 1))
	if len(edited) != len(text) || string(edited) == string(text) {
		t.Fatal("test edit changes the size or nothing")
	}
	os.WriteFile(p, edited, 0o644)
	os.Chtimes(p, hourAgo, hourAgo)
	sameState(t, load(), cold)

	// A new time: read, and the edit is seen.
	later := hourAgo.Add(time.Minute)
	os.Chtimes(p, later, later)
	sameState(t, load(), fresh(t, dir))

	// A file touched just now is read on every load, until it is old
	// enough: then the cache is rewritten once with its time.
	recent := time.Now()
	os.Chtimes(p, recent, recent)
	load()
	m, _ := filepath.Glob(filepath.Join(cache, "corpus-*.bin"))
	st1, _ := os.Stat(m[0])
	load()
	if st2, _ := os.Stat(m[0]); !st2.ModTime().Equal(st1.ModTime()) {
		t.Error("a load rewrote the cache for a file too recent to be known by its time")
	}
	later = later.Add(time.Minute) // touched, and old enough
	os.Chtimes(p, later, later)
	sameState(t, load(), fresh(t, dir))
	st3, _ := os.Stat(m[0])
	if st3.ModTime().Equal(st1.ModTime()) {
		t.Error("the time of a file now old enough was not recorded")
	}
	load()
	if st4, _ := os.Stat(m[0]); !st4.ModTime().Equal(st3.ModTime()) {
		t.Error("the cache was rewritten again")
	}

	// Metadata changed while every article file is unchanged.
	meta := filepath.Join(dir, corpus.MetaFile)
	b, _ := os.ReadFile(meta)
	os.WriteFile(meta, []byte(strings.Replace(string(b), `"title": "`, `"title": "Changed: `, 1)), 0o644)
	want := fresh(t, dir)
	if reflect.DeepEqual(want.Articles, cold.Articles) {
		t.Fatal("metadata edit changed no article")
	}
	sameState(t, load(), want)
}

// TestSkippedFromCache checks that a file that fails to load is reported
// on a warm load as on a fresh one.
func TestSkippedFromCache(t *testing.T) {
	dir, cache := copyDir(t), t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("no date here\n"), 0o644)
	_, want := corpus.LoadDir(dir)
	for range 2 {
		s, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Skipped) != len(want) || len(want) == 0 || s.Skipped[0].Error() != want[0].Error() {
			t.Fatalf("skipped %v, want %v", s.Skipped, want)
		}
	}
}

// TestRoundTrip writes states of several sizes and reads them back: the
// checksum must cover what is read, not what a buffer reads ahead (a state
// smaller than the read buffer was once refused on every warm start).
func TestRoundTrip(t *testing.T) {
	for _, articles := range []int{1, 2, 6} {
		t.Run(strconv.Itoa(articles), func(t *testing.T) {
			dir := copyDir(t)
			ents, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			for _, p := range ents[articles:] {
				os.Remove(p)
			}
			s := fresh(t, dir)
			for _, dims := range []int{16, 1024} {
				opts := retrieval.Options{}
				st, err := Build(t.Context(), s.Articles, retrieval.NewHashing(dims), opts)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := st.Write(&b); err != nil {
					t.Fatal(err)
				}
				got, err := Read(t.Context(), bytes.NewReader(b.Bytes()), retrieval.NewHashing(dims), opts)
				if err != nil {
					t.Fatalf("%d articles, %d dimensions, %d bytes: %v", articles, dims, b.Len(), err)
				}
				sameState(t, got, st)
			}
		})
	}
}

// TestMappedCacheReleased checks that a state loaded from its cache file
// searches with the vectors where they lie in the mapped file, and that the
// file is unmapped once nothing holds the state (as when a reload swaps in
// another corpus and the last question on the old one is answered).
func TestMappedCacheReleased(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("cache files are mapped on Linux only")
	}
	dir := copyDir(t)
	opts := &Options{CacheDir: t.TempDir(), Version: "test"}
	load := loader(t, dir, opts)
	load() // prepares and writes the cache
	before := mapped.Load()
	func() {
		s := load()
		if mapped.Load() != before+1 {
			t.Fatalf("%d files mapped, want %d", mapped.Load(), before+1)
		}
		want, err := fresh(t, dir).Index.Search(t.Context(), "grain corridor inspections", 5)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Index.Search(t.Context(), "grain corridor inspections", 5)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("mapped state found %v, a fresh one %v", got, want)
		}
	}()
	for i := 0; i < 50 && mapped.Load() > before; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := mapped.Load(); n != before {
		t.Errorf("%d files still mapped after the state went, want %d", n, before)
	}
}

// TestPinnedCache checks that a state loaded pinned, its text where it
// lies in the mapped cache file, is the state a fresh build makes.
func TestPinnedCache(t *testing.T) {
	dir := copyDir(t)
	opts := &Options{CacheDir: t.TempDir(), Version: "test"}
	load := loader(t, dir, opts)
	load()
	opts.Pinned = true
	s := load()
	sameState(t, s, fresh(t, dir))
	runtime.GC()
	sameState(t, s, fresh(t, dir)) // still there after a collection
}

// TestColdCacheAsWrite checks that the state file a cold load writes as it
// builds, its vectors written as they are made, is byte for byte the file
// Write makes of the state built in memory; also when some articles
// changed and the rest are reused, their vectors copied from the old
// file (its pages given back after every vector, pinned or not).
func TestColdCacheAsWrite(t *testing.T) {
	for _, pinned := range []bool{false, true} {
		t.Run(fmt.Sprint("pinned=", pinned), func(t *testing.T) { testColdCacheAsWrite(t, pinned) })
	}
}

func testColdCacheAsWrite(t *testing.T, pinned bool) {
	defer func(n int) { dropEvery = n }(dropEvery)
	dropEvery = 1
	dir, cache := copyDir(t), t.TempDir()
	hourAgo := time.Now().Add(-time.Hour)
	ents, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range ents {
		os.Chtimes(p, hourAgo, hourAgo)
	}
	check := func() (embedded int64) {
		t.Helper()
		emb := &countingEmbedder{Hashing: retrieval.NewHashing(0)}
		cold, err := LoadDir(t.Context(), dir, emb, Options{CacheDir: cache, Version: "test", Pinned: pinned})
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(cold.path)
		if err != nil {
			t.Fatal(err)
		}
		inMemory, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), Options{Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := inMemory.Write(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("the cache file (%d bytes) is not what Write makes (%d bytes)", len(got), want.Len())
		}
		sameState(t, cold, inMemory)
		return emb.texts.Load()
	}
	all := check()
	p := filepath.Join(dir, "03_harbour_inspections.txt")
	text, _ := os.ReadFile(p)
	os.WriteFile(p, append(text, []byte("\n\nInspectors said on Friday that the harbour checks would continue.\n")...), 0o644)
	os.Chtimes(p, hourAgo, hourAgo.Add(time.Minute))
	if n := check(); n == 0 || n >= all {
		t.Errorf("after one article changed, %d passages embedded of %d: want only the changed article's", n, all)
	}
}

// countingEmbedder is the hashing embedder, counting the texts it embeds.
type countingEmbedder struct {
	*retrieval.Hashing
	texts atomic.Int64
}

func (e *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e.texts.Add(int64(len(texts)))
	return e.Hashing.Embed(ctx, texts)
}

// TestUnwritableCache checks that a corpus whose cache cannot be written
// is still prepared, as it would be without a cache.
func TestUnwritableCache(t *testing.T) {
	dir := copyDir(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	s, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), Options{CacheDir: filepath.Join(file, "cache"), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	sameState(t, s, fresh(t, dir))
}

// TestNotReadBack checks that a corpus whose state was written to the
// cache but cannot be read back is prepared again without it.
func TestNotReadBack(t *testing.T) {
	defer func(f func(context.Context, *os.File, retrieval.Embedder, retrieval.Options, bool, func(string, []fileInfo)) (*State, error)) {
		readBack = f
	}(readBack)
	readBack = func(context.Context, *os.File, retrieval.Embedder, retrieval.Options, bool, func(string, []fileInfo)) (*State, error) {
		return nil, errors.New("unreadable")
	}
	dir := copyDir(t)
	s, err := LoadDir(t.Context(), dir, retrieval.NewHashing(0), Options{CacheDir: t.TempDir(), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	sameState(t, s, fresh(t, dir))
}

// TestDropPages checks that a state whose pages were given back (a stale
// one, while its replacement is built) still reads as it did, from the
// file, pinned or not.
func TestDropPages(t *testing.T) {
	dir := copyDir(t)
	opts := &Options{CacheDir: t.TempDir(), Version: "test"}
	load := loader(t, dir, opts)
	load()
	for _, pinned := range []bool{false, true} {
		opts.Pinned = pinned
		s := load()
		if runtime.GOOS == "linux" && s.mapped == nil {
			t.Fatal("the cached state is not mapped")
		}
		s.dropPages()
		sameState(t, s, fresh(t, dir))
	}
}
