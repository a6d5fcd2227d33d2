package prepared

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// corpusEmbedded is corpus.Embedded (a seam for BuildBuiltin).
var corpusEmbedded = corpus.Embedded

// Options configure LoadDir.
type Options struct {
	// CacheDir is where prepared corpora are kept; "" prepares afresh
	// every time.
	CacheDir string
	// Version names the engine that prepares (its build): a state made by
	// another version is not used, only reused where it still holds.
	Version string
	// Model names the embedder and its settings; "" means the embedder's
	// own ModelID. An embedder with no model ID is never cached.
	Model string
	// Index configures the index (passages, fusion, logger, progress).
	Index retrieval.Options
	// Logger receives cache decisions; nil discards them.
	Logger *slog.Logger
	// Pinned leaves the text of a state loaded from the cache (or prepared
	// into it) where it lies, in the cache file mapped into memory, instead
	// of copying it out; the file then stays mapped until the process ends.
	// For a process that loads one corpus and ends (ask, timeline), it
	// spares copying tens of megabytes (at 5,000 articles, a tenth of a
	// warm call). A process that loads corpora again (a reload) must leave
	// it false, or every file it loaded would stay mapped, and on disk,
	// until it ended.
	Pinned bool
}

// LoadDir returns the articles of dir (see corpus.LoadDir) prepared with
// emb. With opts.CacheDir, a state prepared before from the same content
// (file names, bytes and metadata), engine version and model is loaded
// instead; otherwise the directory is prepared, reusing from the last state
// cached for it the articles and passages that did not change, and the new
// state is written, atomically, for the next call: written as it is built
// (the vectors as they are made, never all held in memory), then loaded
// from the file as the next call will load it. A cache file that is
// corrupt or stale is rebuilt; a cache that cannot be written is logged and
// the state built in memory instead.
//
// Files that cannot be loaded are in State.Skipped; an error means the
// directory gave no article, or preparing failed.
func LoadDir(ctx context.Context, dir string, emb retrieval.Embedder, opts Options) (*State, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	model := opts.Model
	if m, ok := emb.(interface{ ModelID() string }); ok && model == "" {
		model = m.ModelID()
	}
	path := ""
	if opts.CacheDir != "" && model != "" {
		path = filepath.Join(opts.CacheDir, slotName(dir, opts, model))
	}
	// A file the cached state recorded with the same size and modification
	// time is taken as unchanged, its bytes not read again (at 5,000
	// articles, reading and hashing them was a fifth of a warm call). As
	// with make, a file changed without changing either is not seen: touch
	// it, or remove the cache. The directory is listed as soon as the
	// cached state's records of its files are decoded, while the rest of
	// the state is (the files come first in the header): listing 5,000
	// files and reading sources.json was a tenth of a warm call. Should
	// the state then prove unusable, every file is read again below.
	var (
		stamp  time.Time
		rec    = map[string]fileInfo{}
		files  []corpus.File
		errs   []error
		listed = make(chan struct{})
		once   sync.Once
	)
	list := func(version string, recorded []fileInfo) {
		once.Do(func() {
			var known func(string, int64, time.Time) bool
			if version == opts.Version {
				for _, f := range recorded {
					rec[f.Name] = f
				}
				known = func(name string, size int64, mod time.Time) bool {
					f, ok := rec[name]
					return ok && f.Sum != "" && f.ModTime != 0 && f.Size == size && f.ModTime == mod.UnixNano()
				}
			}
			go func() {
				defer close(listed)
				stamp = time.Now()
				files, errs = corpus.ReadDirUnless(dir, known)
			}()
		})
	}
	var cached *State
	var cacheErr error
	if path != "" {
		cached, cacheErr = readCache(ctx, path, emb, opts.Index, opts.Pinned, list)
	}
	if cached != nil {
		list(cached.version, cached.files) // when the file was read, not mapped
	} else {
		list("", nil)
	}
	<-listed
	sums := make([]string, len(files))
	for i, f := range files {
		if f.Unread {
			sums[i] = rec[f.Name].Sum
		} else {
			sums[i] = dataSum(f.Data)
		}
	}
	key := contentKey(opts, model, files, sums)
	var old *State
	switch err := cacheErr; {
	case path == "":
	case err == nil && cached.key == key:
		log.Info("prepared corpus loaded from cache", "file", path, "articles", len(cached.Articles))
		cached.path = path
		cached.Skipped = append(errs, cached.skipped(dir)...)
		if cached.recordTimes(files, stamp) {
			// Once: files read for their times are now known by them.
			if err := writeAtomic(path, cached.Write); err != nil {
				log.Warn("prepared corpus not cached", "file", path, "err", err)
			}
		}
		return cached, nil
	case err == nil && cached.version == opts.Version:
		log.Info("corpus changed; preparing what changed", "file", path)
		old = cached
		old.dropPages() // what is reused is read again as it is needed
	case err == nil:
		log.Info("prepared corpus of another engine version; rebuilding", "file", path, "version", cached.version)
		cached.dropPages()
	case !errors.Is(err, os.ErrNotExist):
		log.Warn("prepared corpus cache unusable; rebuilding", "file", path, "err", err)
	}
	if slices.ContainsFunc(files, func(f corpus.File) bool { return f.Unread }) {
		// Preparing needs every file's bytes (their metadata may have
		// changed): read them all.
		stamp = time.Now()
		files, errs = corpus.ReadDir(dir)
		sums = make([]string, len(files))
		for i, f := range files {
			sums[i] = dataSum(f.Data)
		}
	}
	s, err := parse(dir, files, sums, stamp, errs, old)
	if err != nil {
		return nil, err
	}
	s.key, s.version, s.path = contentKey(opts, model, files, sums), opts.Version, path
	s.Skipped = append(errs, s.Skipped...)
	iopts := opts.Index
	var oldFile *mapping // old's, whose pages building reads
	if old != nil {
		iopts.Reuse, oldFile = old.Index.State(), old.mapped
	}
	if path != "" && iopts.CacheDir == "" {
		built, err := s.buildCached(ctx, emb, &iopts, opts.Pinned, oldFile)
		if err == nil {
			log.Info("prepared corpus cached", "file", path)
			return built, nil
		}
		var we *writeError
		if !errors.As(err, &we) {
			return nil, err
		}
		if s.Articles == nil {
			// Written, but not read back: its articles went with it.
			log.Warn("prepared corpus not read back; preparing it again without the cache", "file", path, "err", err)
			opts.CacheDir = ""
			return LoadDir(ctx, dir, emb, opts)
		}
		log.Warn("prepared corpus not cached", "file", path, "err", err)
	}
	if s.Index, err = retrieval.NewIndex(ctx, retrieval.Chunk(s.Articles, iopts), emb, iopts); err != nil {
		return nil, err
	}
	if path != "" && iopts.CacheDir != "" {
		if err := writeAtomic(path, s.Write); err != nil {
			log.Warn("prepared corpus not cached", "file", path, "err", err)
		} else {
			log.Info("prepared corpus cached", "file", path)
		}
	}
	return s, nil
}

// buildCached indexes s's articles with emb into s's cache file, writing
// the vectors as they are made, and returns the state loaded from the file
// as a warm call loads it (see readState): at 5,000 articles, holding the
// index built in memory and its vectors, then writing it, took 0.8 GB;
// the vectors alone are 200 MB. The vectors opts.Reuse holds are copied
// from oldFile (the file of the state built from, or nil), whose pages are
// given back as they are passed. Once the file is written, s gives up its
// articles (nil) and opts its Reuse, so that they are not held while the
// state is read back, nor are the pages of oldFile meanwhile. An error of
// the file (it cannot be written or read back) is a *writeError.
func (s *State) buildCached(ctx context.Context, emb retrieval.Embedder, opts *retrieval.Options, pinned bool, oldFile *mapping) (*State, error) {
	f, err := createAtomic(s.path, func(w io.Writer) error {
		var sw *stateWriter
		var werr error      // of the file, not of building
		unread := dropEvery // bytes of vectors put since oldFile's pages were last given back
		_, err := retrieval.BuildState(ctx, retrieval.Chunk(s.Articles, *opts), emb, *opts,
			func(st *retrieval.IndexState) error {
				sw, werr = s.startWrite(w, st)
				return werr
			},
			func(v []float32) error {
				if werr = sw.vector(v); werr != nil {
					return werr
				}
				// The vectors reused are copied from oldFile, in order:
				// its pages are given back as they are passed, rather
				// than all held (200 MB at 5,000 articles) by the end.
				if unread += 4 * len(v); oldFile != nil && unread >= dropEvery {
					oldFile.drop(len(oldFile.data))
					unread = 0
				}
				return nil
			})
		switch {
		case werr != nil:
			return &writeError{werr}
		case err != nil:
			return err
		}
		if err := sw.finish(); err != nil {
			return &writeError{err}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The memory building took goes back to the system before the state
	// is read back, rather than stay with the process at its peak; so
	// does the old state reused (30 MB at 5,000 articles), which the
	// caller, should reading back fail, no longer needs either.
	s.Articles, opts.Reuse = nil, nil
	if oldFile != nil {
		oldFile.drop(len(oldFile.data))
	}
	debug.FreeOSMemory()
	built, err := readBack(ctx, f, emb, *opts, pinned, nil)
	if err != nil {
		return nil, &writeError{fmt.Errorf("read back: %w", err)}
	}
	built.path, built.Skipped = s.path, s.Skipped
	return built, nil
}

// dropEvery is how many bytes of vectors buildCached writes between
// giving back the pages of the old state's file it copies them from: a
// few of the file's 2 MB writes, so that a page is seldom read twice. (A
// variable for tests, whose corpora are smaller.)
var dropEvery = 16 << 20

// readBack is readState (a seam for tests of a file that cannot be read
// back).
var readBack = readState

// writeError is a failure to write a state file, or to read it back.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// racyWindow is how recently before it was read a file may have been
// modified and still be recorded by its size and time: a file written
// within it could be written again within the same tick of a coarse
// clock, so it is hashed on every call until the cache is next rewritten.
const racyWindow = 2 * time.Second

// recordTimes records the modification times of the files (of the same
// content as s's) that had to be read, because s holds them with no time
// (written too soon before they were read) or another (touched), and that
// are now older than racyWindow; it reports whether it recorded any.
func (s *State) recordTimes(files []corpus.File, stamp time.Time) bool {
	at := map[string]int{}
	for i, f := range s.files {
		at[f.Name] = i
	}
	changed := false
	for _, f := range files {
		i, ok := at[f.Name]
		mod := f.ModTime.UnixNano()
		if !ok || f.Unread || s.files[i].ModTime == mod || s.files[i].Size != f.Size || !f.ModTime.Before(stamp.Add(-racyWindow)) {
			continue
		}
		s.files[i].ModTime = mod
		changed = true
	}
	return changed
}

// parse parses the files (those old has parsed, as old parsed them),
// recording which article each became or why it failed, and returns the
// state of their articles, not yet indexed.
func parse(dir string, files []corpus.File, sums []string, stamp time.Time, readErrs []error, old *State) (*State, error) {
	parsed := map[string]int{} // file hash -> index in old.files
	if old != nil {
		for i, f := range old.files {
			parsed[f.Hash] = i
		}
	}
	s := &State{}
	byName := map[string]string{}
	for i, f := range files {
		byName[f.Name] = fileHash(f, sums[i])
	}
	arts, perrs := corpus.ParseFiles(files, dir, func(f corpus.File) (corpus.Article, error) {
		i, ok := parsed[byName[f.Name]]
		switch {
		case !ok:
			a, err := corpus.Parse(f.Name, f.Data, f.Meta)
			var fe *corpus.FileError
			if errors.As(err, &fe) {
				err = fe.Err // ParseFiles names the file
			}
			return a, err
		case old.files[i].Article < 0:
			return corpus.Article{}, errors.New(old.files[i].Err)
		}
		return old.Articles[old.files[i].Article], nil
	})
	if len(arts) == 0 {
		var msgs []string
		for _, err := range append(readErrs, perrs...) {
			msgs = append(msgs, err.Error())
		}
		return nil, fmt.Errorf("no article could be loaded from %s: %s", dir, strings.Join(msgs, "; "))
	}
	// Remember every file: which article it became, or why it failed.
	index := map[string]int{}
	for i, a := range arts {
		index[a.File] = i
	}
	failed := map[string]string{}
	for _, err := range perrs {
		var fe *corpus.FileError
		if errors.As(err, &fe) {
			failed[filepath.Base(fe.Path)] = fe.Err.Error()
		}
	}
	for i, f := range files {
		fi := fileInfo{Name: f.Name, Hash: byName[f.Name], Article: -1, Sum: sums[i], Size: f.Size}
		if f.ModTime.Before(stamp.Add(-racyWindow)) {
			fi.ModTime = f.ModTime.UnixNano()
		}
		if i, ok := index[f.Name]; ok {
			fi.Article = i
		} else {
			fi.Err = failed[f.Name]
		}
		s.files = append(s.files, fi)
	}
	s.Skipped, s.Articles = perrs, arts
	return s, nil
}

// readCache reads the state cached at path; a file that is not a whole,
// consistent state for emb is removed. Mapped, it calls files with the
// version and file records of the state as soon as they are decoded, and
// before the rest (and the checksum) is. The file is mapped into memory
// where the system allows, and its vectors used in place: reading them
// into fresh memory was most of a warm call at 5,000 articles (the kernel
// zeroing 270 MB of pages before copying the file into them). Pinned, its
// text is used in place too, and the file never unmapped (see
// Options.Pinned).
func readCache(ctx context.Context, path string, emb retrieval.Embedder, opts retrieval.Options, pinned bool, files func(version string, recorded []fileInfo)) (*State, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := readState(ctx, f, emb, opts, pinned, files)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

// readState reads the state file f, from its start, as readCache
// describes.
func readState(ctx context.Context, f *os.File, emb retrieval.Embedder, opts retrieval.Options, pinned bool, files func(version string, recorded []fileInfo)) (*State, error) {
	m, err := mapFile(f, !pinned)
	if err != nil {
		return Read(ctx, io.NewSectionReader(f, 0, math.MaxInt64), emb, opts)
	}
	h, vecs, err := decodeBytes(m.data, pinned, files)
	if err != nil {
		return nil, err
	}
	if !pinned {
		m.drop(len(m.data) - 4 - 4*len(vecs)) // all but the vectors
	}
	s, err := fromHeader(ctx, h, vecs, m, emb, opts)
	if err != nil {
		return nil, err
	}
	s.mapped = m
	return s, nil
}

// dropPages gives back the pages of the file s is mapped from that the
// process holds (see mapping.drop): those of a state made stale, which
// would otherwise stay at 280 MB at 5,000 articles (all of them are read
// ahead, and a pinned file is never unmapped) while its replacement is
// built. Whatever is read of s afterwards is read from the file again.
func (s *State) dropPages() {
	if s.mapped != nil {
		s.mapped.drop(len(s.mapped.data))
	}
}

// errNoMap says that a file is not mapped into memory, but read.
var errNoMap = errors.New("file not mapped")

// skipped returns the errors of the files that did not load, as
// corpus.ParseFiles reported them.
func (s *State) skipped(dir string) []error {
	var out []error
	for _, f := range s.files {
		if f.Article < 0 {
			out = append(out, &corpus.FileError{Path: filepath.Join(dir, f.Name), Err: errors.New(f.Err)})
		}
	}
	return out
}

// writeAtomic writes a file at path with write: to a temporary file
// beside it, synced and renamed into place, so that a reader never sees
// half a file.
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := createAtomic(path, write)
	if err != nil {
		return err
	}
	return f.Close()
}

// createAtomic is writeAtomic, but returns the file written, open, to be
// read back (what another process renames over path meanwhile does not
// change it). An error of write is returned as it is; one of the file, as
// a *writeError.
func createAtomic(path string, write func(io.Writer) error) (*os.File, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &writeError{err}
	}
	tmp, err := os.CreateTemp(dir, ".prepared-*.tmp")
	if err != nil {
		return nil, &writeError{err}
	}
	err = write(tmp)
	if err == nil {
		if err = tmp.Sync(); err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			err = &writeError{err}
		}
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return tmp, nil
}

// keyVersion changes when what a key covers changes.
const keyVersion = "talksbot-prepared-v2"

// contentKey hashes what a prepared corpus depends on: the engine version,
// the model, the passage settings and every file's name, bytes (sums[i] is
// the dataSum of files[i]) and metadata.
func contentKey(opts Options, model string, files []corpus.File, sums []string) string {
	h := sha256.New()
	field(h, keyVersion)
	field(h, opts.Version)
	field(h, model)
	size, overlap := opts.Index.PassageSentences, opts.Index.Overlap
	field(h, fmt.Sprint(size, overlap))
	for i, f := range files {
		field(h, fileHash(f, sums[i]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dataSum hashes the bytes of a file.
func dataSum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:16])
}

// fileHash hashes one file's name, bytes (sum, their dataSum) and
// metadata.
func fileHash(f corpus.File, sum string) string {
	h := sha256.New()
	field(h, f.Name)
	field(h, sum)
	m := f.Meta
	for _, s := range []string{m.ID, m.Title, m.Outlet, m.Published, m.URL} {
		field(h, s)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// slotName names the cache file of a directory: one per directory, engine
// version and model, so that a changed corpus finds what it can reuse.
func slotName(dir string, opts Options, model string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	h := sha256.New()
	field(h, keyVersion)
	field(h, abs)
	field(h, model)
	return "corpus-" + hex.EncodeToString(h.Sum(nil)[:12]) + ".bin"
}

func field(h interface{ Write([]byte) (int, error) }, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}
