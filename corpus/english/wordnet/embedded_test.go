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
	if lx.nWord < 140000 {
		t.Fatalf("tables too small: %d words", lx.nWord)
	}
	if lx.bounds[0] != 0 {
		t.Fatalf("nouns start at %d", lx.bounds[0])
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
	monotone("key offsets", format.SecKeyOff, lx.nBlock, len(lx.sec[format.SecKeys]))
	monotone("lemma offsets", format.SecWordOff, lx.nWord, len(lx.sec[format.SecWords]))

	// The synset records, one after the other.
	records := map[int]synset{}
	members := 0
	for off, end := 0, len(lx.sec[format.SecSynsets]); off < end; {
		r := lx.sec[format.SecSynsets][off:]
		if len(r) < 4 || int(r[0]) == 0 {
			t.Fatalf("record at %d: truncated or no members", off)
		}
		syn := lx.synset(off)
		for _, m := range syn.members {
			if m == "" || m != normalize(m) {
				t.Fatalf("record at %d: member %q not normalized", off, m)
			}
		}
		if syn.lexFile >= len(format.LexFiles) {
			t.Fatalf("record at %d: lexicographer file %d", off, syn.lexFile)
		}
		records[off] = syn
		members += len(syn.members)
		size := 1 + 1 + 2 + len(syn.ptrs)
		for _, m := range syn.members {
			size += 1 + len(m)
		}
		off += size
	}
	for off, syn := range records {
		for j := range syn.npointers() {
			p := syn.pointer(j)
			target, ok := records[p.target]
			if !ok || p.kind < Derived || p.kind > MemberOf {
				t.Fatalf("record at %d: bad pointer %+v", off, p)
			}
			if (p.src == 0) != (p.dst == 0) || p.src > len(syn.members) || p.dst > len(target.members) {
				t.Fatalf("record at %d: pointer %+v: bad word numbers", off, p)
			}
		}
	}

	senses, irregular := 0, 0
	glosses := map[string]bool{}
	for i := range lx.nWord {
		e := lx.entry(i)
		size := 1 + len(e.word) + 1 + len(e.senses) + 1 + len(e.bases)
		if e.word == "" || e.word != normalize(e.word) || size != lx.u24(format.SecWordOff, i+1)-lx.u24(format.SecWordOff, i) {
			t.Fatalf("word %d %q: bad entry", i, e.word)
		}
		if e.nsenses() == 0 && len(e.bases) == 0 {
			t.Fatalf("word %q: neither senses nor bases", e.word)
		}
		for j := 0; j < len(e.bases); j += format.ExcSize {
			b := e.bases[j:][:format.ExcSize]
			if id, pos := format.U24(b, 0), POS(b[3]); id >= lx.nWord || pos > Adv || !lx.has(lx.word(id), pos, &lookups{lx: lx}) {
				t.Fatalf("irregular form %q: bad base %d %v", e.word, id, pos)
			}
			irregular++
		}
		if i > 0 && lx.word(i-1) >= e.word {
			t.Fatalf("lemmas %q and %q out of order", lx.word(i-1), e.word)
		}
		if i%format.BlockSize == 0 && lx.key(i/format.BlockSize) != e.word {
			t.Fatalf("block %d: key %q, first lemma %q", i/format.BlockSize, lx.key(i/format.BlockSize), e.word)
		}
		if got, ok := lx.find(e.word); !ok || got != e {
			t.Fatalf("find(%q) does not find it", e.word)
		}
		for j := range e.nsenses() {
			s := e.sense(j)
			syn, ok := records[s]
			if !ok {
				t.Fatalf("lemma %q: sense %d is no record", e.word, s)
			}
			if j > 0 && lx.pos(s) < lx.pos(e.sense(j-1)) {
				t.Fatalf("lemma %q: senses not grouped by part of speech", e.word)
			}
			if syn.at(e.word) == 0 {
				// A gloss phrase ("charge of", from "be in charge of")
				// names the synsets it defines, of which it is no member.
				if lx.pos(s) != Verb || len(strings.Fields(e.word)) < 2 {
					t.Fatalf("lemma %q: not a member of its synset %v", e.word, syn.members)
				}
				glosses[e.word] = true
				continue
			}
			senses++
		}
	}
	if senses != members {
		t.Fatalf("%d senses but %d synset members", senses, members)
	}
	if irregular < 4500 {
		t.Fatalf("only %d irregular bases", irregular)
	}
	if len(glosses) < 250 || !glosses["charge of"] || !glosses["come up with"] {
		t.Fatalf("%d gloss phrases; want 250 or more, \"charge of\" and \"come up with\" among them", len(glosses))
	}

}

// TestKinds checks that the public kinds are the stored ones.
func TestKinds(t *testing.T) {
	for k, want := range map[Kind]int{
		Derived: format.Derived, Pertainym: format.Pertainym, Similar: format.Similar, AlsoSee: format.AlsoSee,
		Antonym: format.Antonym, Hypernym: format.Hypernym, Holonym: format.Holonym, Meronym: format.Meronym,
		Cause: format.Cause, StandsFor: format.StandsFor, CausedBy: format.CausedBy, Attribute: format.Attribute,
		MemberOf: format.MemberOf,
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
