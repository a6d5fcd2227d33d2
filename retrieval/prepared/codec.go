package prepared

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"

	"github.com/talksbot/talksbot/retrieval"
)

// The header of a state file is written field by field, in the order of
// the structs below, rather than with encoding/gob: gob spent most of
// loading a prepared state (at 5,000 articles, 19 % of a warm call, and on
// the built-in corpus it builds its decoders afresh in every process).
// Numbers are unsigned varints (counts, lengths) or zig-zag varints (ints),
// int32 slices are raw little-endian, strings are a length and their bytes,
// a time is its MarshalBinary form. An empty slice reads back as nil, as it
// did with gob. TestCodecFields fails when one of the structs gains a field
// that is not written here.

// encoder writes the encoding of a header to w, or, with w nil, only
// counts its bytes: the header is written straight to the file after a
// counting pass gives its length, never held whole in memory (at 1,000
// articles, growing one buffer was a third of writing the state).
type encoder struct {
	w   *bufio.Writer
	n   int // bytes written or counted
	tmp [binary.MaxVarintLen64]byte
}

func (e *encoder) raw(b []byte) {
	e.n += len(b)
	if e.w != nil {
		e.w.Write(b) // a bufio.Writer's error sticks: Flush reports it
	}
}

func (e *encoder) uvarint(v int) { e.raw(binary.AppendUvarint(e.tmp[:0], uint64(v))) }
func (e *encoder) int(v int)     { e.raw(binary.AppendVarint(e.tmp[:0], int64(v))) }
func (e *encoder) int64(v int64) { e.raw(binary.AppendVarint(e.tmp[:0], v)) }

func (e *encoder) str(s string) {
	e.uvarint(len(s))
	e.n += len(s)
	if e.w != nil {
		e.w.WriteString(s)
	}
}

func (e *encoder) strs(ss []string) {
	e.uvarint(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) int32s(v []int32) {
	e.uvarint(len(v))
	if e.w == nil {
		e.n += 4 * len(v)
		return
	}
	for _, x := range v {
		e.raw(binary.LittleEndian.AppendUint32(e.tmp[:0], uint32(x)))
	}
}

func (e *encoder) float(f float64) {
	e.raw(binary.LittleEndian.AppendUint64(e.tmp[:0], math.Float64bits(f)))
}

func (e *encoder) header(h *header) error {
	e.str(h.Key)
	e.str(h.Version)
	e.uvarint(len(h.Files))
	for _, f := range h.Files {
		e.str(f.Name)
		e.str(f.Hash)
		e.int(f.Article)
		e.str(f.Err)
		e.str(f.Sum)
		e.int64(f.Size)
		e.int64(f.ModTime)
	}
	e.uvarint(len(h.Articles))
	for _, a := range h.Articles {
		for _, s := range []string{a.ID, a.File, a.Title, a.Outlet, a.URL, a.Author, a.Text} {
			e.str(s)
		}
		t, err := a.Published.MarshalBinary()
		if err != nil {
			return fmt.Errorf("article %s: %w", a.ID, err)
		}
		e.str(string(t))
		e.int32s(a.ParaLens)
		e.strs(a.Paragraphs)
		e.strs(a.Headings)
	}
	ix := &h.Index
	e.str(ix.Model)
	e.int(ix.Dim)
	e.uvarint(len(ix.Passages))
	for _, p := range ix.Passages {
		e.str(p.ID)
		e.str(p.Article)
		e.int(p.Seq)
		e.str(p.Text)
		e.int32s(p.SentenceLens)
		e.strs(p.Sentences)
	}
	e.strs(ix.Vocab)
	for _, v := range [][]int32{ix.PostStart, ix.PostDoc, ix.PostTF, ix.Lens} {
		e.int32s(v)
	}
	e.uvarint(len(h.Reverse))
	for _, r := range h.Reverse {
		e.str(r.Term)
		e.uvarint(len(r.Alts))
		for _, a := range r.Alts {
			e.str(a.Term)
			e.float(a.Weight)
		}
	}
	return nil
}

// decoder reads a header from b. The first error sticks; reads after it
// return zero values. Strings and int32 slices are copied out of b rather
// than sharing it (b may be a mapped file, and shared strings would keep
// all of b alive), into chunks of memory advised for huge pages: fresh
// memory costs a page fault per page touched, and at 5,000 articles the
// 4 KB page faults of copying strings one allocation each were a third of
// a warm call.
type decoder struct {
	b     []byte
	at    int
	err   error
	chars arena[byte]
	ints  arena[int32]
	// pinned: b stays as long as the process (a file mapped for good, the
	// binary's bytes), so strings share it rather than being copied.
	pinned bool
	// files, when not nil, is told the version and file records once they
	// are decoded (see decodeBytes).
	files func(version string, recorded []fileInfo)
}

func newDecoder(b []byte) *decoder { return &decoder{b: b} }

// arenaChunk is the size of the chunks an arena hands memory out of: big
// enough to hold whole huge pages (2 MB), small enough that a string kept
// for long (a quote a front end remembers) keeps little else alive.
const arenaChunk = 8 << 20

// arena hands out slices of chunks of arenaChunk bytes, each advised for
// huge pages. Its slices are ordinary Go memory: a chunk lives as long as
// any slice of it.
type arena[T any] struct {
	chunk []T
}

// alloc returns a slice of n elements, zero or not (its caller fills it);
// most bounds the elements that will ever be asked for, this call's
// included, so that a small header takes a small chunk.
func (a *arena[T]) alloc(n, most int) []T {
	if n > cap(a.chunk)-len(a.chunk) {
		var zero T
		size := int(unsafe.Sizeof(zero))
		a.chunk = make([]T, 0, max(n, min(arenaChunk/size, most)))
		adviseHuge(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(a.chunk))), cap(a.chunk)*size))
	}
	at := len(a.chunk)
	a.chunk = a.chunk[:at+n]
	return a.chunk[at : at+n : at+n]
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("malformed prepared state: %s at byte %d", what, d.at)
	}
	d.at = len(d.b)
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b[d.at:])
	if n <= 0 || int64(int(v)) != v {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return int(v)
}

func (d *decoder) int64() int64 {
	v, n := binary.Varint(d.b[d.at:])
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return v
}

// count reads the length of something whose elements take at least size
// bytes each, refusing lengths the rest of the header cannot hold.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.at)/uint64(size) {
		d.fail("length past the end")
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1)
	if n == 0 {
		return ""
	}
	if d.pinned {
		s := unsafe.String(&d.b[d.at], n)
		d.at += n
		return s
	}
	b := d.chars.alloc(n, len(d.b)-d.at) // the rest of the header bounds its strings
	copy(b, d.b[d.at:d.at+n])
	d.at += n
	return unsafe.String(&b[0], n)
}

func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) int32s() []int32 {
	n := d.count(4)
	if n == 0 {
		return nil
	}
	out := d.ints.alloc(n, (len(d.b)-d.at)/4)
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(d.b[d.at:]))
		d.at += 4
	}
	return out
}

func (d *decoder) float() float64 {
	if len(d.b)-d.at < 8 {
		d.fail("short number")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.at:]))
	d.at += 8
	return f
}

func (d *decoder) header() (*header, error) {
	h := &header{Key: d.str(), Version: d.str()}
	if n := d.count(4); n > 0 {
		h.Files = make([]fileInfo, n)
	}
	for i := range h.Files {
		h.Files[i] = fileInfo{Name: d.str(), Hash: d.str(), Article: d.int(), Err: d.str(),
			Sum: d.str(), Size: d.int64(), ModTime: d.int64()}
	}
	if d.files != nil && d.err == nil {
		d.files(h.Version, h.Files)
	}
	if n := d.count(8); n > 0 {
		h.Articles = make([]article, n)
	}
	for i := range h.Articles {
		a := &h.Articles[i]
		a.ID, a.File, a.Title, a.Outlet, a.URL, a.Author, a.Text = d.str(), d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		if t := d.str(); d.err == nil {
			if err := a.Published.UnmarshalBinary([]byte(t)); err != nil {
				d.fail("bad time")
			}
		}
		a.ParaLens, a.Paragraphs, a.Headings = d.int32s(), d.strs(), d.strs()
	}
	ix := &h.Index
	ix.Model, ix.Dim = d.str(), d.int()
	if n := d.count(6); n > 0 {
		ix.Passages = make([]retrieval.PassageState, n)
	}
	for i := range ix.Passages {
		p := &ix.Passages[i]
		p.ID, p.Article, p.Seq, p.Text = d.str(), d.str(), d.int(), d.str()
		p.SentenceLens, p.Sentences = d.int32s(), d.strs()
	}
	ix.Vocab = d.strs()
	ix.PostStart, ix.PostDoc, ix.PostTF, ix.Lens = d.int32s(), d.int32s(), d.int32s(), d.int32s()
	if n := d.count(2); n > 0 {
		h.Reverse = make([]reverseEntry, n)
	}
	for i := range h.Reverse {
		r := &h.Reverse[i]
		r.Term = d.str()
		if n := d.count(9); n > 0 {
			r.Alts = make([]retrieval.ReverseAlt, n)
		}
		for j := range r.Alts {
			r.Alts[j] = retrieval.ReverseAlt{Term: d.str(), Weight: d.float()}
		}
	}
	if d.err == nil && d.at != len(d.b) {
		d.fail("bytes after the header")
	}
	if d.err != nil {
		return nil, d.err
	}
	return h, nil
}
