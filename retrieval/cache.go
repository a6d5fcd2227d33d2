package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	chromem "github.com/philippgille/chromem-go"
)

// cache is the on-disk copy of an embedded collection: one gzip chromem-go
// export per (passages, model, dimensions), named by a hash of them.
type cache struct {
	path string // "" when caching is off
	dim  int    // expected dimensions, 0 when the embedder does not say
}

// dimensioned is implemented by embedders that know their dimensions
// (Hashing does).
type dimensioned interface{ Dim() int }

// modeled is implemented by embedders that name their model (Hashing does).
type modeled interface{ ModelID() string }

// cacheFor returns the cache of passages embedded by emb under opts. With
// no model ID known there is no cache: vectors of another model with the
// same dimensions would pass every check.
func cacheFor(opts Options, passages []Passage, emb Embedder, log *slog.Logger) cache {
	if opts.CacheDir == "" || len(passages) == 0 {
		return cache{}
	}
	model := opts.ModelID
	if m, ok := emb.(modeled); ok && model == "" {
		model = m.ModelID()
	}
	if model == "" {
		log.Warn("embedding cache off: no model ID given", "dir", opts.CacheDir)
		return cache{}
	}
	dim := 0
	if d, ok := emb.(dimensioned); ok {
		dim = d.Dim()
	}
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field("talksbot-retrieval-cache-v1")
	field(model)
	field(fmt.Sprint(dim))
	for _, p := range passages {
		field(p.ID)
		field(p.Text)
	}
	name := "passages-" + hex.EncodeToString(h.Sum(nil)[:16]) + ".gob.gz"
	return cache{path: filepath.Join(opts.CacheDir, name), dim: dim}
}

// load imports the cached collection when there is one and it holds exactly
// the index's passages with vectors of one consistent dimension, and
// returns its vectors, flat. Anything else is logged and reported as a
// miss, and a corrupt file is removed.
func (c cache) load(ix *Index, log *slog.Logger) (vecs []float32, dim int, ok bool) {
	if c.path == "" {
		return nil, 0, false
	}
	if _, err := os.Stat(c.path); err != nil {
		log.Debug("embedding cache miss", "file", c.path)
		return nil, 0, false
	}
	vecs, dim, err := c.importFile(ix)
	if err != nil {
		log.Warn("embedding cache unusable, rebuilding", "file", c.path, "err", err)
		if rmErr := os.Remove(c.path); rmErr != nil {
			log.Warn("remove embedding cache", "file", c.path, "err", rmErr)
		}
		return nil, 0, false
	}
	log.Info("embedding cache loaded", "file", c.path, "passages", len(ix.passages), "dim", dim)
	return vecs, dim, true
}

// importFile reads and verifies the cache file.
func (c cache) importFile(ix *Index) (vecs []float32, dim int, err error) {
	defer func() {
		// A decodable but malformed file (nil documents) must not crash
		// the program: it is just a bad cache.
		if r := recover(); r != nil {
			vecs, dim, err = nil, 0, fmt.Errorf("malformed cache: %v", r)
		}
	}()
	db := chromem.NewDB()
	if err := db.ImportFromFile(c.path, ""); err != nil {
		return nil, 0, err
	}
	coll := db.GetCollection(collectionName, nil)
	if coll == nil {
		return nil, 0, fmt.Errorf("no collection %q", collectionName)
	}
	if got, want := coll.Count(), len(ix.passages); got != want {
		return nil, 0, fmt.Errorf("%d passages, want %d", got, want)
	}
	dim = c.dim
	for i, p := range ix.passages {
		doc, err := coll.GetByID(context.Background(), p.ID)
		if err != nil {
			return nil, 0, fmt.Errorf("passage %s: %w", p.ID, err)
		}
		if doc.Content != p.Text {
			return nil, 0, fmt.Errorf("passage %s: text differs", p.ID)
		}
		if dim == 0 {
			dim = len(doc.Embedding)
		}
		if len(doc.Embedding) != dim || dim == 0 {
			return nil, 0, fmt.Errorf("passage %s: %d dimensions, want %d", p.ID, len(doc.Embedding), dim)
		}
		if !isUnit(doc.Embedding) {
			return nil, 0, fmt.Errorf("passage %s: vector not normalised", p.ID)
		}
		if vecs == nil {
			vecs = make([]float32, len(ix.passages)*dim)
		}
		copy(vecs[i*dim:], doc.Embedding)
	}
	return vecs, dim, nil
}

// isUnit reports whether v has length 1 within float32 rounding.
func isUnit(v []float32) bool {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	return ss > 0.999 && ss < 1.001
}

// save writes the collection (chromem-go's gzip export) atomically: to a
// temporary file in the cache directory, synced and renamed into place. Failures are logged; the index works
// without its cache.
func (c cache) save(db *chromem.DB, dim int, log *slog.Logger) {
	if c.path == "" {
		return
	}
	dir := filepath.Dir(c.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Warn("embedding cache not written", "dir", dir, "err", err)
		return
	}
	tmp, err := os.CreateTemp(dir, ".passages-*.tmp")
	if err != nil {
		log.Warn("embedding cache not written", "dir", dir, "err", err)
		return
	}
	tmpName := tmp.Name()
	err = db.ExportToWriter(tmp, true, "")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmpName)
		log.Warn("embedding cache not written", "file", c.path, "err", err)
		return
	}
	if err := os.Rename(tmpName, c.path); err != nil {
		os.Remove(tmpName)
		log.Warn("embedding cache not written", "file", c.path, "err", err)
		return
	}
	log.Info("embedding cache written", "file", c.path, "dim", dim)
}
