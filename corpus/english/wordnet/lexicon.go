package wordnet

import (
	"encoding/binary"
	"fmt"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

// Lexicon is WordNet read in place from the file the generator wrote: every
// table is a slice of one string and nothing is decoded until asked for.
// It is immutable and safe for concurrent use.
type Lexicon struct {
	data   string
	sec    [format.NumSections]string
	bounds [6]int // first synset of noun, verb, adj, adj satellite, adv; synset count

	nLemma, nSyn, nExc int
}

// parse checks the header of a file written by the generator and slices its
// sections. It reads a few dozen bytes; the tables are checked by tests.
func parse(data string) (*Lexicon, error) {
	if len(data) < format.HeaderSize || data[:len(format.Magic)] != format.Magic {
		return nil, fmt.Errorf("wordnet data: not a file of layout %q", format.Magic)
	}
	lx := &Lexicon{data: data}
	off := func(i int) int {
		return int(binary.LittleEndian.Uint32([]byte(data[len(format.Magic)+4*i:][:4])))
	}
	for i := range format.NumSections {
		lo, hi := off(i), off(i+1)
		if lo > hi || hi > len(data) {
			return nil, fmt.Errorf("wordnet data: section %d out of range", i)
		}
		lx.sec[i] = data[lo:hi]
	}
	b := lx.sec[format.SecPOSBounds]
	if len(b) != 4*len(lx.bounds) {
		return nil, fmt.Errorf("wordnet data: %d bytes of part-of-speech bounds", len(b))
	}
	for i := range lx.bounds {
		lx.bounds[i] = int(binary.LittleEndian.Uint32([]byte(b[4*i:][:4])))
	}
	lx.nLemma = len(lx.sec[format.SecLemmaOff])/3 - 1
	lx.nSyn = len(lx.sec[format.SecSynMember])/3 - 1
	lx.nExc = len(lx.sec[format.SecExcOff])/3 - 1
	if lx.nLemma < 0 || lx.nSyn < 0 || lx.nExc < 0 || lx.bounds[5] != lx.nSyn {
		return nil, fmt.Errorf("wordnet data: inconsistent table sizes")
	}
	return lx, nil
}

// u24 reads entry i of a table of 3-byte integers.
func (lx *Lexicon) u24(sec, i int) int { return format.U24(lx.sec[sec], 3*i) }

// lemma is the text of lemma number i.
func (lx *Lexicon) lemma(i int) string {
	return lx.sec[format.SecLemmaStr][lx.u24(format.SecLemmaOff, i):lx.u24(format.SecLemmaOff, i+1)]
}

// find returns the number of lemma s, or -1.
func (lx *Lexicon) find(s string) int {
	lo, hi := 0, lx.nLemma
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lx.lemma(m) < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < lx.nLemma && lx.lemma(lo) == s {
		return lo
	}
	return -1
}

// senses returns lemma i's synsets in pos, most frequent first.
func (lx *Lexicon) senses(i int, pos POS) []int {
	var out []int
	for j := lx.u24(format.SecLemmaSense, i); j < lx.u24(format.SecLemmaSense, i+1); j++ {
		if s := lx.u24(format.SecSenses, j); lx.pos(s) == pos {
			out = append(out, s)
		}
	}
	return out
}

// has reports whether lemma i has a sense in pos.
func (lx *Lexicon) has(i int, pos POS) bool {
	for j := lx.u24(format.SecLemmaSense, i); j < lx.u24(format.SecLemmaSense, i+1); j++ {
		if lx.pos(lx.u24(format.SecSenses, j)) == pos {
			return true
		}
	}
	return false
}

// pos is the part of speech of synset s.
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

// satellite reports whether synset s is an adjective satellite.
func (lx *Lexicon) satellite(s int) bool { return s >= lx.bounds[3] && s < lx.bounds[4] }

// members returns the lemma numbers of synset s, most frequent first.
func (lx *Lexicon) members(s int) []int {
	lo, hi := lx.u24(format.SecSynMember, s), lx.u24(format.SecSynMember, s+1)
	out := make([]int, 0, hi-lo)
	for j := lo; j < hi; j++ {
		out = append(out, lx.u24(format.SecMembers, j))
	}
	return out
}

// pointer is one stored pointer of a synset.
type pointer struct {
	target   int
	kind     Kind
	src, dst int // 1-based member positions; 0 for a pointer between synsets
}

// pointers returns the pointers of synset s.
func (lx *Lexicon) pointers(s int) []pointer {
	lo, hi := lx.u24(format.SecSynPtr, s), lx.u24(format.SecSynPtr, s+1)
	p := lx.sec[format.SecPtrs]
	out := make([]pointer, 0, hi-lo)
	for j := lo; j < hi; j++ {
		b := p[j*format.PtrSize:][:format.PtrSize]
		out = append(out, pointer{target: format.U24(b, 0), kind: Kind(b[3]), src: int(b[4]), dst: int(b[5])})
	}
	return out
}

// irregular returns the base forms in pos that the exception lists give for
// form ("went" -> "go"), and whether form is listed in pos at all.
func (lx *Lexicon) irregular(form string, pos POS) (bases []string, listed bool) {
	str := lx.sec[format.SecExcStr]
	at := func(i int) string { return str[lx.u24(format.SecExcOff, i):lx.u24(format.SecExcOff, i+1)] }
	lo, hi := 0, lx.nExc
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if at(m) < form {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == lx.nExc || at(lo) != form {
		return nil, false
	}
	e := lx.sec[format.SecExcBases]
	for j := lx.u24(format.SecExcBase, lo); j < lx.u24(format.SecExcBase, lo+1); j++ {
		b := e[j*format.ExcSize:][:format.ExcSize]
		if POS(b[3]) == pos {
			bases = append(bases, lx.lemma(format.U24(b, 0)))
		}
	}
	return bases, len(bases) > 0
}
