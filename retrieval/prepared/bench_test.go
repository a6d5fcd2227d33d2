package prepared

import (
	"bytes"
	"flag"
	"io"
	"os"
	"testing"

	"github.com/talksbot/talksbot/retrieval"
)

// benchCorpus is a corpus directory to measure on, e.g. one written by
// `go run ./cmd/scale -keep -dir DIR` (DIR/corpus-1000):
//
//	go test ./retrieval/prepared -run '^$' -bench LoadDir -count 5 -corpus DIR/corpus-1000
var benchCorpus = flag.String("corpus", "", "corpus directory for the LoadDir benchmarks")

// BenchmarkLoadDirCold prepares the corpus with no cache: read, parse,
// split, stem, embed, index, names, all in memory.
func BenchmarkLoadDirCold(b *testing.B) {
	if *benchCorpus == "" {
		b.Skip("no -corpus")
	}
	for b.Loop() {
		if _, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDirColdCache prepares the corpus into an empty cache, as a
// cold call does: read, parse, split, stem, embed, index, names, the state
// written to the cache file as it is made, then read back from it.
func BenchmarkLoadDirColdCache(b *testing.B) {
	if *benchCorpus == "" {
		b.Skip("no -corpus")
	}
	cache := b.TempDir()
	for b.Loop() {
		os.RemoveAll(cache)
		if _, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), Options{CacheDir: cache, Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDirWarm loads the corpus prepared from the cache: read and
// hash the files, read the state, fill chromem-go.
func BenchmarkLoadDirWarm(b *testing.B) {
	if *benchCorpus == "" {
		b.Skip("no -corpus")
	}
	opts := Options{CacheDir: b.TempDir(), Version: "bench"}
	if _, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuiltin loads the built-in prepared state, as every command
// on the built-in corpus does at start: decode builtin.bin, make the index.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Builtin(b.Context(), retrieval.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead reads a cached state of the -corpus directory: the header
// and the vectors, checked, and the index made from them (filling
// chromem-go); what a warm call pays beyond reading and hashing the files.
func BenchmarkRead(b *testing.B) {
	if *benchCorpus == "" {
		b.Skip("no -corpus")
	}
	s, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Write(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(b.Context(), bytes.NewReader(buf.Bytes()), retrieval.NewHashing(0), retrieval.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite writes the prepared state of the -corpus directory, as a
// cold call does once it has prepared it.
func BenchmarkWrite(b *testing.B) {
	if *benchCorpus == "" {
		b.Skip("no -corpus")
	}
	s, err := LoadDir(b.Context(), *benchCorpus, retrieval.NewHashing(0), Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Index.Reverse() // built once, on first need; not what is measured
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
