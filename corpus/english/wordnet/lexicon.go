package wordnet

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

// Lexicon is WordNet read in place from the file the generator wrote: every
// table is a slice of one string and nothing is decoded until asked for.
// It is immutable and safe for concurrent use.
type Lexicon struct {
	sec    [format.NumSections]string
	bounds [6]int // record offset of the first noun, verb, adj, adj satellite, adv synset; end

	nWord, nBlock int
}

// parse checks the header of a file written by the generator and slices its
// sections. It reads a few dozen bytes; the tables are checked by tests.
func parse(data string) (*Lexicon, error) {
	if len(data) < format.HeaderSize || data[:len(format.Magic)] != format.Magic {
		return nil, fmt.Errorf("wordnet data: not a file of layout %q", format.Magic)
	}
	u32 := func(s string, i int) int {
		return int(binary.LittleEndian.Uint32([]byte(s[4*i:][:4])))
	}
	lx := &Lexicon{}
	hdr := data[len(format.Magic):format.HeaderSize]
	for i := range format.NumSections {
		lo, hi := u32(hdr, i), u32(hdr, i+1)
		if lo < format.HeaderSize || lo > hi || hi > len(data) {
			return nil, fmt.Errorf("wordnet data: section %d out of range", i)
		}
		lx.sec[i] = data[lo:hi]
	}
	b := lx.sec[format.SecPOSBounds]
	if len(b) != 4*len(lx.bounds) {
		return nil, fmt.Errorf("wordnet data: %d bytes of part-of-speech bounds", len(b))
	}
	for i := range lx.bounds {
		lx.bounds[i] = u32(b, i)
	}
	lx.nWord = len(lx.sec[format.SecWordOff])/3 - 1
	lx.nBlock = len(lx.sec[format.SecKeyOff])/3 - 1
	if lx.nWord < 0 || lx.nBlock != (lx.nWord+format.BlockSize-1)/format.BlockSize ||
		lx.bounds[5] != len(lx.sec[format.SecSynsets]) {
		return nil, fmt.Errorf("wordnet data: inconsistent table sizes")
	}
	return lx, nil
}

// u24 reads entry i of a table of 3-byte integers.
func (lx *Lexicon) u24(sec, i int) int { return format.U24(lx.sec[sec], 3*i) }

// entry is a word's entry: a lemma with its senses, an irregular form
// with its bases, or both.
type entry struct {
	word   string
	senses string // U24 record offsets
	bases  string // format.ExcSize bytes each
}

func (e entry) nsenses() int    { return len(e.senses) / 3 }
func (e entry) sense(j int) int { return format.U24(e.senses, 3*j) }

// entry returns word number i.
func (lx *Lexicon) entry(i int) entry {
	s := lx.sec[format.SecWords][lx.u24(format.SecWordOff, i):lx.u24(format.SecWordOff, i+1)]
	n := int(s[0])
	e := entry{word: s[1 : 1+n]}
	s = s[1+n:]
	n = 3 * int(s[0])
	e.senses, s = s[1:1+n], s[1+n:]
	e.bases = s[1 : 1+format.ExcSize*int(s[0])]
	return e
}

// word returns the text of word number i.
func (lx *Lexicon) word(i int) string {
	s := lx.sec[format.SecWords][lx.u24(format.SecWordOff, i):]
	return s[1 : 1+int(s[0])]
}

// key returns the first lemma of block b.
func (lx *Lexicon) key(b int) string {
	return lx.sec[format.SecKeys][lx.u24(format.SecKeyOff, b):lx.u24(format.SecKeyOff, b+1)]
}

// find returns word w's entry: the first word not below w (lowerBound),
// if it is w.
func (lx *Lexicon) find(w string) (entry, bool) {
	if i := lx.lowerBound(w); i < lx.nWord {
		if e := lx.entry(i); e.word == w {
			return e, true
		}
	}
	return entry{}, false
}

// lowerBound returns the index of the first word not below s, nWord if
// there is none: a binary search over the keys of the blocks, then over
// the words of one block.
func (lx *Lexicon) lowerBound(s string) int {
	lo, hi := 0, lx.nBlock // the first block whose key is >= s
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lx.key(m) < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	// The block before it holds s's place, or s is that block's key.
	i, hi := (lo-1)*format.BlockSize, min(lo*format.BlockSize, lx.nWord)
	for i < hi {
		m := int(uint(i+hi) >> 1)
		if lx.word(m) < s {
			i = m + 1
		} else {
			hi = m
		}
	}
	return i
}

// hasPrefix reports whether some entry's word (a lemma or a listed form)
// starts with s.
func (lx *Lexicon) hasPrefix(s string) bool {
	i := lx.lowerBound(s)
	return i < lx.nWord && strings.HasPrefix(lx.word(i), s)
}

// senses returns the record offsets of e's synsets in pos, most frequent first.
func (lx *Lexicon) senses(e entry, pos POS) []int {
	var out []int
	for j := range e.nsenses() {
		if s := e.sense(j); lx.pos(s) == pos {
			out = append(out, s)
		}
	}
	return out
}

// lookups remembers the last few words found for one call of the
// package's functions: a word's base forms in each part of speech look up
// the word itself, its exception-list entry and its candidates once per
// part of speech, the same few words over and over (the binary search
// was a tenth of an offline answer).
type lookups struct {
	lx   *Lexicon
	n    int
	word [8]string
	e    [8]entry
	ok   [8]bool
}

// find is lx.find, remembered.
func (lk *lookups) find(w string) (entry, bool) {
	for i := range min(lk.n, len(lk.word)) {
		if lk.word[i] == w {
			return lk.e[i], lk.ok[i]
		}
	}
	e, ok := lk.lx.find(w)
	i := lk.n % len(lk.word)
	lk.word[i], lk.e[i], lk.ok[i] = w, e, ok
	lk.n++
	return e, ok
}

// has reports whether w is a lemma with a sense in pos.
func (lx *Lexicon) has(w string, pos POS, lk *lookups) bool {
	e, ok := lk.find(w)
	if !ok {
		return false
	}
	for j := range e.nsenses() {
		if lx.pos(e.sense(j)) == pos {
			return true
		}
	}
	return false
}

// pos is the part of speech of the synset at record offset s.
func (lx *Lexicon) pos(s int) POS {
	switch {
	case s < lx.bounds[1]:
		return Noun
	case s < lx.bounds[2]:
		return Verb
	case s < lx.bounds[4]:
		return Adj
	}
	return Adv
}

// satellite reports whether the synset at record offset s is an adjective
// satellite.
func (lx *Lexicon) satellite(s int) bool { return s >= lx.bounds[3] && s < lx.bounds[4] }

// synset is one record: a synset's members and its pointers.
type synset struct {
	members []string // most frequent first
	lexFile int      // index of format.LexFiles
	ptrs    string   // format.PtrSize bytes each
}

// pointer is one stored pointer of a synset.
type pointer struct {
	target   int // record offset
	kind     Kind
	src, dst int // 1-based member positions; 0 for a pointer between synsets
}

func (s synset) npointers() int { return len(s.ptrs) / format.PtrSize }

func (s synset) pointer(j int) pointer {
	b := s.ptrs[j*format.PtrSize:][:format.PtrSize]
	return pointer{target: format.U24(b, 0), kind: Kind(b[3]), src: int(b[4]), dst: int(b[5])}
}

// at returns the 1-based position of w among the members, 0 if absent.
func (s synset) at(w string) int {
	for i, m := range s.members {
		if m == w {
			return i + 1
		}
	}
	return 0
}

// synset reads the record at offset off.
func (lx *Lexicon) synset(off int) synset {
	r := lx.sec[format.SecSynsets][off:]
	n := int(r[0])
	s := synset{members: make([]string, 0, n)}
	i := 1
	for range n {
		l := int(r[i])
		s.members = append(s.members, r[i+1:i+1+l])
		i += 1 + l
	}
	s.lexFile = int(r[i])
	np := int(r[i+1]) | int(r[i+2])<<8
	s.ptrs = r[i+3 : i+3+np*format.PtrSize]
	return s
}

// irregular returns the base forms in pos that the exception lists give for
// form ("went" -> "go"), and whether form is listed in pos at all.
func (lx *Lexicon) irregular(form string, pos POS, lk *lookups) (bases []string, listed bool) {
	e, _ := lk.find(form)
	for j := 0; j < len(e.bases); j += format.ExcSize {
		if b := e.bases[j:][:format.ExcSize]; POS(b[3]) == pos {
			bases = append(bases, lx.word(format.U24(b, 0)))
		}
	}
	return bases, len(bases) > 0
}
