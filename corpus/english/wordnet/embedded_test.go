package wordnet

import (
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

// TestEmbeddedTables checks the invariants the reader relies on, over every
// table of the embedded file. (That the file is what the generator makes of
// WordNet 3.0 needs Debian's wordnet-base: `go generate` and `git diff`.)
func TestEmbeddedTables(t *testing.T) {
	lx, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if lx.nLemma < 140000 || lx.nSyn < 110000 || lx.nExc < 4000 {
		t.Fatalf("tables too small: %d lemmas, %d synsets, %d irregular forms", lx.nLemma, lx.nSyn, lx.nExc)
	}
	for i := 1; i < len(lx.bounds); i++ {
		if lx.bounds[i] < lx.bounds[i-1] {
			t.Fatalf("part-of-speech bounds out of order: %v", lx.bounds)
		}
	}
	monotone := func(name string, sec, n, limit int) {
		t.Helper()
		prev := 0
		for i := 0; i <= n; i++ {
			v := lx.u24(sec, i)
			if v < prev || v > limit {
				t.Fatalf("%s[%d] = %d after %d, limit %d", name, i, v, prev, limit)
			}
			prev = v
		}
		if prev != limit {
			t.Fatalf("%s ends at %d, want %d", name, prev, limit)
		}
	}
	nSenses := len(lx.sec[format.SecSenses]) / 3
	nPtrs := len(lx.sec[format.SecPtrs]) / format.PtrSize
	nBases := len(lx.sec[format.SecExcBases]) / format.ExcSize
	monotone("lemma offsets", format.SecLemmaOff, lx.nLemma, len(lx.sec[format.SecLemmaStr]))
	monotone("lemma senses", format.SecLemmaSense, lx.nLemma, nSenses)
	monotone("synset members", format.SecSynMember, lx.nSyn, len(lx.sec[format.SecMembers])/3)
	monotone("synset pointers", format.SecSynPtr, lx.nSyn, nPtrs)
	monotone("irregular offsets", format.SecExcOff, lx.nExc, len(lx.sec[format.SecExcStr]))
	monotone("irregular bases", format.SecExcBase, lx.nExc, nBases)
	if m := len(lx.sec[format.SecMembers]) / 3; m != nSenses {
		t.Fatalf("%d senses but %d synset members", nSenses, m)
	}

	for i := range lx.nLemma {
		l := lx.lemma(i)
		if l == "" || l != normalize(l) {
			t.Fatalf("lemma %d %q is not normalized", i, l)
		}
		if i > 0 && lx.lemma(i-1) >= l {
			t.Fatalf("lemmas %q and %q out of order", lx.lemma(i-1), l)
		}
		prev := -1
		for j := lx.u24(format.SecLemmaSense, i); j < lx.u24(format.SecLemmaSense, i+1); j++ {
			s := lx.u24(format.SecSenses, j)
			if s >= lx.nSyn {
				t.Fatalf("lemma %q: synset %d out of range", l, s)
			}
			if prev >= 0 && lx.pos(s) < lx.pos(prev) {
				t.Fatalf("lemma %q: senses not grouped by part of speech", l)
			}
			prev = s
			found := false
			for _, m := range lx.members(s) {
				found = found || m == i
			}
			if !found {
				t.Fatalf("lemma %q: not a member of its synset %d", l, s)
			}
		}
	}
	for s := range lx.nSyn {
		ms := lx.members(s)
		if len(ms) == 0 {
			t.Fatalf("synset %d has no members", s)
		}
		for _, m := range ms {
			if m >= lx.nLemma {
				t.Fatalf("synset %d: member %d out of range", s, m)
			}
		}
		for _, p := range lx.pointers(s) {
			if p.target >= lx.nSyn || p.kind < Derived || p.kind > Meronym {
				t.Fatalf("synset %d: bad pointer %+v", s, p)
			}
			if (p.src == 0) != (p.dst == 0) || p.src > len(ms) || p.dst > len(lx.members(p.target)) {
				t.Fatalf("synset %d: pointer %+v: bad word numbers", s, p)
			}
		}
	}
	for i := range lx.nExc {
		str := lx.sec[format.SecExcStr]
		form := str[lx.u24(format.SecExcOff, i):lx.u24(format.SecExcOff, i+1)]
		if i > 0 && str[lx.u24(format.SecExcOff, i-1):lx.u24(format.SecExcOff, i)] >= form {
			t.Fatalf("irregular form %q out of order", form)
		}
		for j := lx.u24(format.SecExcBase, i); j < lx.u24(format.SecExcBase, i+1); j++ {
			b := lx.sec[format.SecExcBases][j*format.ExcSize:][:format.ExcSize]
			if id, pos := format.U24(b, 0), POS(b[3]); id >= lx.nLemma || pos > Adv || !lx.has(id, pos) {
				t.Fatalf("irregular form %q: bad base %d %v", form, id, pos)
			}
		}
	}
}

// TestKinds checks that the public kinds are the stored ones.
func TestKinds(t *testing.T) {
	for k, want := range map[Kind]int{
		Derived: format.Derived, Pertainym: format.Pertainym, Similar: format.Similar, AlsoSee: format.AlsoSee,
		Antonym: format.Antonym, Hypernym: format.Hypernym, Holonym: format.Holonym, Meronym: format.Meronym,
	} {
		if int(k) != want {
			t.Errorf("%v = %d, stored as %d", k, k, want)
		}
	}
	if Synonym != 0 || Noun != format.Noun || Verb != format.Verb || Adj != format.Adj || Adv != format.Adv {
		t.Error("Synonym or the parts of speech differ from the stored values")
	}
}

func TestParseRejects(t *testing.T) {
	for name, d := range map[string]string{
		"empty":        "",
		"bad magic":    strings.Repeat("x", format.HeaderSize+10),
		"header only":  format.Magic,
		"truncated":    data[:format.HeaderSize+100],
		"wrong layout": "WordNet\x02" + data[len(format.Magic):],
	} {
		if _, err := parse(d); err == nil {
			t.Errorf("parse(%s) succeeded", name)
		}
	}
}
