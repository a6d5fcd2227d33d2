// Package prepared holds a corpus prepared for answering: its cleaned
// articles and the retrieval index over them (passages, BM25 terms and
// postings, vectors, the links WordNet makes from the corpus's words),
// built once and then loaded instead of being built again on every call.
//
// The built-in articles are prepared at development time: `go generate`
// writes builtin.bin, which the binary embeds ([Builtin]); a test checks
// that it equals a fresh build. A user's directory of articles is prepared
// on its first use and cached on disk ([LoadDir]), keyed by the content of
// its files, the engine's version and the embedding model.
//
// # File format
//
// A prepared state is stored as the magic line "talksbot prepared state\n",
// a little-endian uint32 format version, a little-endian uint64 length and
// that many bytes of header (the articles, the index without its vectors,
// and what the cache needs, written field by field: see codec.go), zero
// bytes up to the next multiple of 64 in the file, then the vectors as
// little-endian float32s, and a CRC-32C (Castagnoli) of everything before
// it. Vectors are written raw and aligned: they are most of the bytes, and
// are used where they lie, in the file mapped into memory (see
// [LoadDir]) or in the binary (see [Builtin]), without being copied.
package prepared

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// State is a prepared corpus.
type State struct {
	Articles []corpus.Article
	Index    *retrieval.Index
	// Skipped are the files of the corpus directory that could not be
	// loaded (see corpus.LoadDir), kept so that a cached corpus reports
	// them as a fresh load does.
	Skipped []error

	path    string     // its cache file ("" when none)
	key     string     // the cache key it was made under ("" when none)
	version string     // the engine version that made it
	files   []fileInfo // for reusing parsed files, with LoadDir
	mapped  *mapping   // the cache file it lies in, when mapped
}

// fileInfo is what a state remembers of one file it was made from.
type fileInfo struct {
	Name    string
	Hash    string // of the file's name, bytes and metadata
	Article int    // index in Articles, -1 when it failed to load
	Err     string // why it failed
	Sum     string // of the file's bytes
	Size    int64  // the file's size and modification time (Unix ns; 0 when
	ModTime int64  // too recent to trust) when it was read
}

// Beside returns the path of a file beside the state's cache file, for
// something else made from the same corpus and kept between processes
// (what names it: "timeline" for the timeline's reports); "" when the
// state is not cached (the built-in corpus, no cache directory).
func (s *State) Beside(what string) string {
	if s.path == "" {
		return ""
	}
	return strings.TrimSuffix(s.path, ".bin") + "." + what
}

// Build prepares articles: splits them into passages and indexes them with
// emb (see retrieval.Chunk, retrieval.NewIndex).
func Build(ctx context.Context, arts []corpus.Article, emb retrieval.Embedder, opts retrieval.Options) (*State, error) {
	ix, err := retrieval.NewIndex(ctx, retrieval.Chunk(arts, opts), emb, opts)
	if err != nil {
		return nil, err
	}
	return &State{Articles: arts, Index: ix}, nil
}

// magic opens every prepared state file.
const magic = "talksbot prepared state\n"

// formatVersion changes when the file layout changes (2: the header
// written field by field instead of with encoding/gob; 3: files' sums,
// sizes and times; 4: the vectors aligned to vectorAlign; 5: the files
// before the articles; 6: the articles' authors).
const formatVersion = 6

// vectorAlign is the alignment of the vectors in a state file, so that a
// file mapped into memory (page-aligned) holds them ready to use as
// float32s, each vector starting on a cache line.
const vectorAlign = 64

// padding returns the zero bytes written after a header of n bytes.
func padding(n uint64) int {
	at := uint64(len(magic)+12) + n
	return int((vectorAlign - at%vectorAlign) % vectorAlign)
}

// header is the part of a state file before the vectors.
type header struct {
	Key      string
	Version  string
	Files    []fileInfo
	Articles []article
	Index    retrieval.IndexState // Vectors nil: written raw after the header
	Reverse  []reverseEntry       // Index.Reverse, sorted, so that files are reproducible
}

// article is a corpus.Article whose paragraphs are spans of its text.
type article struct {
	ID, File, Title, Outlet, URL string
	Author                       string
	Published                    time.Time
	Text                         string
	ParaLens                     []int32 // paragraphs: Text is them joined by "\n\n"
	Paragraphs                   []string
	Headings                     []string
}

type reverseEntry struct {
	Term string
	Alts []retrieval.ReverseAlt
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Write writes the state to w in the format of the package documentation.
func (s *State) Write(w io.Writer) error {
	st := s.Index.State()
	sw, err := s.startWrite(w, st)
	if err != nil {
		return err
	}
	if err := sw.vector(st.Vectors); err != nil {
		return err
	}
	runtime.KeepAlive(st) // the vectors may lie in memory st.Keep holds
	return sw.finish()
}

// stateWriter writes a state file: the header, then the vectors, then the
// checksum.
type stateWriter struct {
	w   io.Writer
	bw  *bufio.Writer // to w and crc
	crc hash.Hash32
}

// startWrite writes to w the start of the state file of s's articles and
// files with the index st (its vectors aside): everything before the
// vectors, which are written after it with vector, in passage order.
func (s *State) startWrite(w io.Writer, st *retrieval.IndexState) (*stateWriter, error) {
	h := header{Key: s.key, Version: s.version, Files: s.files, Index: *st}
	h.Index.Vectors, h.Index.Reverse, h.Index.Keep = nil, nil, nil
	for _, t := range slices.Sorted(maps.Keys(st.Reverse)) {
		h.Reverse = append(h.Reverse, reverseEntry{t, st.Reverse[t]})
	}
	for _, a := range s.Articles {
		h.Articles = append(h.Articles, fromArticle(a))
	}
	var size encoder // counts the header's bytes
	if err := size.header(&h); err != nil {
		return nil, fmt.Errorf("encode prepared state: %w", err)
	}
	crc := crc32.New(castagnoli)
	sw := &stateWriter{w: w, bw: bufio.NewWriterSize(io.MultiWriter(w, crc), writeBuffer), crc: crc}
	var n [12]byte
	binary.LittleEndian.PutUint32(n[:4], formatVersion)
	binary.LittleEndian.PutUint64(n[4:], uint64(size.n))
	sw.bw.WriteString(magic)
	sw.bw.Write(n[:])
	g := encoder{w: sw.bw}
	if err := g.header(&h); err != nil {
		return nil, fmt.Errorf("encode prepared state: %w", err)
	}
	if g.n != size.n {
		return nil, fmt.Errorf("encode prepared state: header of %d bytes, counted %d", g.n, size.n)
	}
	_, err := sw.bw.Write(make([]byte, padding(uint64(size.n))))
	return sw, err
}

// writeBuffer is the size of the writes of a state file. Large writes
// leave the file in the page cache in large pieces (folios), which every
// later call that maps the file reads faster: with the vectors written
// 64 KB at a time, as they are made, the checksum of a warm call at 5,000
// articles took 20 % of its samples rather than 5 %, and the call 0.1 s
// more; in 2 MB writes, aligned in the file, it takes 5 %.
const writeBuffer = 2 << 20

// vector writes the values of the next vectors.
func (sw *stateWriter) vector(v []float32) error { return writeFloats(sw.bw, v) }

// finish writes the checksum of what was written.
func (sw *stateWriter) finish() error {
	if err := sw.bw.Flush(); err != nil {
		return err
	}
	_, err := sw.w.Write(sw.crc.Sum(nil))
	return err
}

// Read reads a state written by Write and makes its index with emb (the
// embedder it was made with). A file that is not a whole, consistent state
// is an error, never a panic.
func Read(ctx context.Context, r io.Reader, emb retrieval.Embedder, opts retrieval.Options) (*State, error) {
	h, vecs, err := decode(r)
	if err != nil {
		return nil, err
	}
	return fromHeader(ctx, h, vecs, nil, emb, opts)
}

// decode reads and checks a state file, not yet making the index.
func decode(r io.Reader) (h *header, vecs []float32, err error) {
	defer func() {
		if p := recover(); p != nil {
			h, vecs, err = nil, nil, fmt.Errorf("malformed prepared state: %v", p)
		}
	}()
	// The checksum covers what is consumed, not what the buffer reads
	// ahead (which may include the checksum itself).
	crc := crc32.New(castagnoli)
	buf := bufio.NewReaderSize(r, 1<<16)
	br := io.TeeReader(buf, crc)
	var pre [len(magic) + 12]byte
	if _, err := io.ReadFull(br, pre[:]); err != nil {
		return nil, nil, fmt.Errorf("read prepared state: %w", err)
	}
	if string(pre[:len(magic)]) != magic {
		return nil, nil, errors.New("not a prepared state")
	}
	if v := binary.LittleEndian.Uint32(pre[len(magic):]); v != formatVersion {
		return nil, nil, fmt.Errorf("prepared state format %d, want %d", v, formatVersion)
	}
	n := binary.LittleEndian.Uint64(pre[len(magic)+4:])
	if n > 1<<34 {
		return nil, nil, fmt.Errorf("prepared state header of %d bytes", n)
	}
	hdr, err := readN(br, n)
	if err != nil {
		return nil, nil, fmt.Errorf("read prepared state: %w", err)
	}
	h, err = newDecoder(hdr).header()
	if err != nil {
		return nil, nil, err
	}
	var pad [vectorAlign]byte
	if _, err := io.ReadFull(br, pad[:padding(n)]); err != nil {
		return nil, nil, fmt.Errorf("read prepared state: %w", err)
	}
	nv, err := vectorCount(h)
	if err != nil {
		return nil, nil, err
	}
	vecs = make([]float32, nv)
	if nv > 0 {
		adviseHuge(unsafe.Slice((*byte)(unsafe.Pointer(&vecs[0])), 4*nv))
	}
	if err := readFloats(br, vecs); err != nil {
		return nil, nil, fmt.Errorf("read prepared state vectors: %w", err)
	}
	sum := crc.Sum(nil) // of everything before the checksum itself
	var got [4]byte
	if _, err := io.ReadFull(buf, got[:]); err != nil {
		return nil, nil, fmt.Errorf("read prepared state checksum: %w", err)
	}
	if !bytes.Equal(got[:], sum) {
		return nil, nil, errors.New("prepared state checksum mismatch")
	}
	return h, vecs, nil
}

// vectorCount returns the number of vector values the state h describes
// holds.
func vectorCount(h *header) (int, error) {
	nv := len(h.Index.Passages) * h.Index.Dim
	if h.Index.Dim < 0 || nv > 1<<32 {
		return 0, fmt.Errorf("prepared state of %d vector values", nv)
	}
	return nv, nil
}

// decodeBytes is decode for a state held whole in memory, b (files, when
// not nil, is told the state's version and file records as soon as they
// are decoded, before the checksum is checked): its vectors
// are b's own bytes, not a copy, when the machine is little-endian and b
// is aligned as the file is (a mapped file, the binary's), so b must not
// change, nor go away while they are in use. The header's strings are
// copies, unless pinned: then they are b's bytes too, and b must stay as
// long as the process.
func decodeBytes(b []byte, pinned bool, files func(version string, recorded []fileInfo)) (h *header, vecs []float32, err error) {
	defer func() {
		if p := recover(); p != nil {
			h, vecs, err = nil, nil, fmt.Errorf("malformed prepared state: %v", p)
		}
	}()
	pre := len(magic) + 12
	switch {
	case len(b) < pre || string(b[:len(magic)]) != magic:
		return nil, nil, errors.New("not a prepared state")
	case binary.LittleEndian.Uint32(b[len(magic):]) != formatVersion:
		return nil, nil, fmt.Errorf("prepared state format %d, want %d", binary.LittleEndian.Uint32(b[len(magic):]), formatVersion)
	case len(b) < pre+4:
		return nil, nil, errors.New("prepared state cut short")
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	// The checksum is worked out while the header is decoded (the decoder
	// takes any bytes without harm); nothing decoded is returned before it
	// is found right.
	crc := make(chan uint32, 1)
	go func() { crc <- crc32.Checksum(body, castagnoli) }()
	defer func() {
		if c := <-crc; err == nil && c != binary.BigEndian.Uint32(sum) {
			h, vecs, err = nil, nil, errors.New("prepared state checksum mismatch")
		}
	}()
	n := binary.LittleEndian.Uint64(b[len(magic)+4:])
	if n > uint64(len(body)-pre) {
		return nil, nil, fmt.Errorf("prepared state header of %d bytes, in a file of %d", n, len(b))
	}
	at := pre + int(n)
	d := newDecoder(body[pre:at])
	d.pinned, d.files = pinned, files
	h, err = d.header()
	if err != nil {
		return nil, nil, err
	}
	at += padding(n)
	nv, err := vectorCount(h)
	if err != nil {
		return nil, nil, err
	}
	if at > len(body) || (len(body)-at)/4 != nv || (len(body)-at)%4 != 0 {
		return nil, nil, fmt.Errorf("prepared state of %d vector values with %d bytes for them", nv, len(body)-min(at, len(body)))
	}
	raw := body[at:]
	if nv == 0 {
		return h, nil, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&raw[0]))%4 == 0 {
		return h, unsafe.Slice((*float32)(unsafe.Pointer(&raw[0])), nv), nil
	}
	vecs = make([]float32, nv)
	err = readFloats(bytes.NewReader(raw), vecs)
	return h, vecs, err
}

// readN reads n bytes. Past 128 MB it allocates as the bytes arrive, so
// that a corrupt length cannot ask for more memory than the file holds.
func readN(r io.Reader, n uint64) ([]byte, error) {
	if n <= 1<<27 {
		buf := make([]byte, n)
		adviseHuge(buf)
		_, err := io.ReadFull(r, buf)
		return buf, err
	}
	buf, err := io.ReadAll(io.LimitReader(r, int64(n)))
	if err == nil && uint64(len(buf)) != n {
		err = io.ErrUnexpectedEOF
	}
	return buf, err
}

// fromHeader makes the state a decoded file describes; keep owns the
// memory vecs lie in when that is not the Go heap (see
// retrieval.IndexState.Keep).
func fromHeader(ctx context.Context, h *header, vecs []float32, keep any, emb retrieval.Embedder, opts retrieval.Options) (*State, error) {
	st := h.Index
	st.Vectors, st.Keep = vecs, keep
	st.Reverse = make(map[string][]retrieval.ReverseAlt, len(h.Reverse))
	for _, e := range h.Reverse {
		st.Reverse[e.Term] = e.Alts
	}
	s := &State{key: h.Key, version: h.Version, files: h.Files}
	for _, a := range h.Articles {
		art, err := a.toArticle()
		if err != nil {
			return nil, err
		}
		s.Articles = append(s.Articles, art)
	}
	for _, f := range h.Files {
		if f.Article < -1 || f.Article >= len(s.Articles) {
			return nil, errors.New("prepared state: file of no article")
		}
	}
	ix, err := retrieval.FromState(ctx, &st, emb, opts)
	if err != nil {
		return nil, err
	}
	s.Index = ix
	return s, nil
}

func fromArticle(a corpus.Article) article {
	out := article{ID: a.ID, File: a.File, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Author: a.Author,
		Published: a.Published, Text: a.Text, Headings: a.Headings}
	if joinLens(a.Paragraphs) == a.Text {
		out.ParaLens = make([]int32, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			out.ParaLens[i] = int32(len(p))
		}
	} else {
		out.Paragraphs = a.Paragraphs
	}
	return out
}

func joinLens(ps []string) string {
	var b bytes.Buffer
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// toArticle makes the article back, its paragraphs sharing its text.
func (a article) toArticle() (corpus.Article, error) {
	out := corpus.Article{ID: a.ID, File: a.File, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Author: a.Author,
		Published: a.Published, Text: a.Text, Headings: a.Headings, Paragraphs: a.Paragraphs}
	if out.Paragraphs == nil && a.ParaLens != nil {
		out.Paragraphs = make([]string, len(a.ParaLens))
		at := 0
		for i, n := range a.ParaLens {
			end := at + int(n)
			if n < 0 || end > len(a.Text) {
				return corpus.Article{}, fmt.Errorf("prepared state: article %s: paragraphs overrun its text", a.ID)
			}
			out.Paragraphs[i] = a.Text[at:end]
			at = end + 2
		}
	}
	return out, nil
}

// littleEndian reports whether this machine stores a float32 as
// little-endian bytes, as the file does: then vectors are read and written
// as they lie in memory.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

func writeFloats(w io.Writer, v []float32) error {
	if len(v) == 0 {
		return nil
	}
	if littleEndian {
		_, err := w.Write(unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), 4*len(v)))
		return err
	}
	var b [4]byte
	for _, x := range v {
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(x))
		if _, err := w.Write(b[:]); err != nil {
			return err
		}
	}
	return nil
}

func readFloats(r io.Reader, v []float32) error {
	if len(v) == 0 {
		return nil
	}
	if littleEndian {
		_, err := io.ReadFull(r, unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), 4*len(v)))
		return err
	}
	var b [4]byte
	for i := range v {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return err
		}
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	return nil
}
