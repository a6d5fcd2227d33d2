// Package wordnet is Princeton's WordNet 3.0, embedded, for meeting words by
// meaning: "headed" is a form of "head", whose verb sense is a synonym of
// "lead"; "U.S." and "America" name one country; Cairo is part of Egypt;
// "American" pertains to "America"; "talks" are "negotiations".
//
// [Lemmas] reduces a word to its base forms with WordNet's own rules (the
// irregular forms of the exception lists, then its suffix detachment
// rules), [Known] says whether WordNet has a word in any form, [Related]
// lists what WordNet links to each sense of it, most frequent senses first,
// and [Antonyms] its opposites. Words are matched case-insensitively;
// lemmas come back lower case, multiword lemmas with spaces ("united states",
// "go with"). Glosses, verb frames, hyponyms and the rarer pointers are not
// kept, but for the links three kinds of gloss make: a verb's "cause to
// go" (Cause; WordNet's own cause pointers are kept reversed too, as
// CausedBy: "die" is caused by "kill"), an idiom ending with a preposition ("be in charge of"), and
// the body a name stands for (StandsFor: the Pentagon's gloss names the
// Department of Defense).
//
// # Data
//
// The data is WordNet 3.0 as Debian's wordnet-base package ships it, turned
// by the program in internal/gen into wordnet.bin (7.6 MB), which is
// embedded in the binary and read in place: nothing needs installing to
// build or use the package. To rebuild the file:
//
//	apt-get install wordnet-base
//	go generate ./corpus/english/wordnet
//
// (internal/gen's -dict flag names another WordNet 3.0 dict directory.)
// WordNet is © 2006 Princeton University, used under the WordNet 3.0
// licence, whose text is in the LICENSE file beside this package.
//
// # Cost
//
// The embedded file adds 7.8 MB to a binary. Loading reads a header of a
// few dozen bytes; a lookup is a binary search over a small table of keys,
// then over a block of 64 words, then a read of the records of the word's
// synsets and of their pointers' targets. In a running process a lookup
// takes 1-2 µs (Lemmas, Known) to 40-80 µs (Related of a word with 30
// senses). The first lookups of a process cost more, because each page of
// the embedded file touched for the first time is a page fault: measured by
// BenchmarkFirstUse on the shared 2-core development VM, where page faults
// are dear, Related of "headed" costs about 1.2 ms in a fresh process
// (0.5 ms at best), of "Riyadh" 0.4 ms, of five question words 2 ms. So
// expand the few words of a question, not every word of every article.
// See README.md for the figures and how they were taken.
package wordnet

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

//go:generate go run ./internal/gen -o wordnet.bin

//go:embed wordnet.bin
var data string

// POS is a part of speech.
type POS uint8

// The parts of speech of WordNet.
const (
	Noun POS = iota
	Verb
	Adj // adjectives, satellites included
	Adv
)

var posNames = [...]string{"noun", "verb", "adj", "adv"}

// String names the part of speech: "noun", "verb", "adj", "adv".
func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return fmt.Sprintf("POS(%d)", p)
}

// Kind is how a related lemma relates to a sense of the word looked up.
type Kind uint8

// The kinds of relation. All but Synonym are stored in the embedded file,
// with these values (internal/format).
const (
	Synonym   Kind = iota // in the same synset
	Derived               // derivationally related form: "lead" / "leader"
	Pertainym             // pertains to: "American" / "America"; adverbs: derived from the adjective
	Similar               // adjective similar to: "realistic" / "pragmatic"
	AlsoSee               // see also: "likely" / "possible"
	Antonym               // opposite: "likely" / "unlikely"
	Hypernym              // a kind or an instance of: "negotiation" / "discussion", "Cairo" / "national capital"
	Holonym               // part of: "Cairo" / "Egypt"
	Meronym               // has as part or member: "Egypt" / "Cairo"
	Cause                 // causes: "kill" / "die", "send" / "go, travel" (from the gloss "cause to go somewhere")
	StandsFor             // the body a name stands for: "Pentagon" / "Department of Defense", "White House" / "United States government" (from the gloss)
	CausedBy              // is caused by: "die" / "kill", "fall" / "drop" (WordNet's own cause pointers, reversed)
	Attribute             // the attribute an adjective is a value of, and back: "tall" / "height", "height" / "tall"
	MemberOf              // member of: "juror" / "jury", "France" / "NATO"
)

var kindNames = [...]string{"synonym", "derived", "pertainym", "similar", "also-see", "antonym", "hypernym", "holonym", "meronym", "cause", "stands-for", "caused-by", "attribute", "member-of"}

// String names the kind: "synonym", "derived", "also-see" and so on.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Lemma is a base form of a word with its part of speech.
type Lemma struct {
	Word string // lower case, words separated by spaces: "head", "united states"
	POS  POS
}

// Relation is a lemma that WordNet relates to one sense of a word.
type Relation struct {
	Lemma string // the related lemma, lower case, words separated by spaces
	POS   POS    // the related lemma's part of speech
	Kind  Kind
	From  Lemma // the base form, and part of speech, of the sense related
	Sense int   // rank of that sense among From's senses in its POS: 0 is the most frequent
	// Its is the rank of the same sense among Lemma's own senses, for a
	// synonym of one of From's two commonest senses: "pass" is a synonym
	// of "die" only in its twenty-fourth sense. 0 for the other kinds and
	// rarer senses, which callers weight down anyway (reading it for
	// every synonym was 5 % of an answer's time).
	Its int
}

// Load returns the embedded lexicon, reading its header on first use.
func Load() *Lexicon { return load() }

var load = sync.OnceValue(func() *Lexicon {
	lx, err := parse(data)
	if err != nil {
		panic(err) // the embedded file is built with the package; tests check it
	}
	return lx
})

// Lemmas returns the base forms of word in each part of speech, using the
// embedded lexicon: see [Lexicon.Lemmas].
func Lemmas(word string) []Lemma { return Load().Lemmas(word) }

// Known reports whether WordNet has word in any form: see [Lexicon.Known].
func Known(word string) bool { return Load().Known(word) }

// Related returns the lemmas related to every sense of word: see
// [Lexicon.Related].
func Related(word string) []Relation { return Load().Related(word) }

// RelatedIn returns the lemmas related to word's commonest senses: see
// [Lexicon.RelatedIn].
func RelatedIn(word string, senses int, rare func(lemma string) bool) []Relation {
	return Load().RelatedIn(word, senses, rare)
}

// itsSenses is how many of a word's commonest senses have their synonyms'
// Its read: as many as retrieval relates (its relatedSenses).
const itsSenses = 2

// rankOf is the rank of the synset at offset off among w's senses in pos.
func (lx *Lexicon) rankOf(w string, pos POS, off int) int {
	e, ok := lx.find(w)
	if !ok {
		return 0
	}
	rank := 0
	for j := range e.nsenses() {
		s := e.sense(j)
		if s == off {
			return rank
		}
		if lx.pos(s) == pos {
			rank++
		}
	}
	return 0
}

// Antonyms returns the opposites of word: see [Lexicon.Antonyms].
func Antonyms(word string) []string { return Load().Antonyms(word) }

// maxWord bounds the length of a word looked up; WordNet's longest lemma
// has 71 bytes.
const maxWord = 128

// normalize lower-cases word, turns underscores into spaces and collapses
// runs of space; "" for a word too long to be in WordNet.
func normalize(word string) string {
	if len(word) > 4*maxWord {
		return ""
	}
	word = strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	word = strings.Join(strings.FieldsFunc(word, func(r rune) bool {
		return r == '_' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
	if len(word) > maxWord {
		return ""
	}
	return word
}

// Lemmas returns the base forms of word that WordNet has, in the order noun,
// verb, adjective, adverb, each with its part of speech: the word itself
// where WordNet has it, then the base forms of the exception lists
// ("went" -> "go", "children" -> "child", "better" -> "good" and "well"), or
// for a word not listed there, the forms its suffix rules give ("headed" ->
// "head", "negotiations" -> "negotiation"). In a multiword expression each
// word in turn is reduced ("shot down" -> "shoot down"). Nil for a word
// WordNet does not have in any form.
func (lx *Lexicon) Lemmas(word string) []Lemma {
	w := normalize(word)
	if w == "" {
		return nil
	}
	return lx.lemmas(w, &lookups{lx: lx})
}

// lemmas is Lemmas of the normalized word w.
func (lx *Lexicon) lemmas(w string, lk *lookups) []Lemma {
	var out []Lemma
	for pos := Noun; pos <= Adv; pos++ {
		for _, b := range lx.bases(w, pos, lk) {
			out = append(out, Lemma{b, pos})
		}
	}
	return out
}

// Known reports whether WordNet has word in any form: whether [Lemmas]
// finds a base form. It stops at the first part of speech that has one
// (a question's analysis asks it of every span that may be a phrase).
func (lx *Lexicon) Known(word string) bool {
	w := normalize(word)
	if w == "" {
		return false
	}
	lk := &lookups{lx: lx}
	for pos := Noun; pos <= Adv; pos++ {
		if len(lx.bases(w, pos, lk)) > 0 {
			return true
		}
	}
	return false
}

// StartsPhrase reports whether a phrase of WordNet's may start with word:
// whether some multiword lemma or listed form begins with word, or with
// one of its base forms, followed by a space or a hyphen. It is a
// necessary condition of [Known] for "word w2 ..." and "word-w2-...": a
// caller looking up the phrases that start at a word (longest first, each
// with its own morphology) skips them all on a word that starts none,
// which most words do.
func StartsPhrase(word string) bool { return Load().StartsPhrase(word) }

// StartsPhrase is the package's [StartsPhrase] on lx.
func (lx *Lexicon) StartsPhrase(word string) bool {
	w := normalize(word)
	if w == "" || strings.Contains(w, " ") {
		return true // a phrase already, or a text normalize changes: look it up
	}
	lk := &lookups{lx: lx}
	forms := []string{w}
	for pos := Noun; pos <= Adv; pos++ {
		forms = append(forms, lx.candidates(w, pos, lk)...)
	}
	for _, f := range forms {
		if lx.hasPrefix(f+" ") || lx.hasPrefix(f+"-") {
			return true
		}
	}
	return false
}

// Irregular returns the base form WordNet's exception lists give an
// inflected form that is no word of its own ("sank": "sink", "fled":
// "flee", "children": "child", "crises": "crisis"); "" for any other word,
// for a form that is a lemma too ("found", "saw"), which the lists cannot
// tell from the lemma, and for a form of two bases ("leaves": leaf or
// leave).
func Irregular(word string) string { return Load().Irregular(word) }

// Irregular is the package's [Irregular] on lx.
func (lx *Lexicon) Irregular(word string) string {
	w := normalize(word)
	if w == "" || strings.Contains(w, " ") {
		return ""
	}
	lk := &lookups{lx: lx}
	if e, _ := lk.find(w); len(e.bases) == 0 {
		return "" // in no exception list: most words, looked up once
	}
	base := ""
	for _, l := range lx.lemmas(w, lk) {
		if l.Word == w || base != "" && l.Word != base {
			return "" // a word of its own, or a form of two ("leaves": leaf, leave)
		}
		if _, listed := lx.irregular(w, l.POS, lk); !listed {
			return ""
		}
		base = l.Word
	}
	return base
}

// detach holds WordNet's suffix rules (morph.c): suffix, replacement.
var detach = [Adv + 1][][2]string{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// candidates are the possible base forms of one word in pos, found in
// WordNet or not: its irregular bases if it has any, else what the suffix
// rules give.
func (lx *Lexicon) candidates(w string, pos POS, lk *lookups) []string {
	if b, ok := lx.irregular(w, pos, lk); ok {
		return b
	}
	if pos == Noun && (strings.HasSuffix(w, "ss") || len(w) <= 2) {
		return nil
	}
	var out []string
	for _, r := range detach[pos] {
		if len(w) > len(r[0]) && strings.HasSuffix(w, r[0]) {
			out = append(out, w[:len(w)-len(r[0])]+r[1])
		}
	}
	return out
}

// bases returns the base forms of the normalized word w that WordNet has in pos.
func (lx *Lexicon) bases(w string, pos POS, lk *lookups) []string {
	var out []string
	add := func(c string) {
		for _, o := range out {
			if o == c {
				return
			}
		}
		if lx.has(c, pos, lk) {
			out = append(out, c)
		}
	}
	add(w)
	for _, c := range lx.candidates(w, pos, lk) {
		add(c)
	}
	if len(out) > 0 || !strings.Contains(w, " ") {
		return out
	}
	words := strings.Split(w, " ")
	for i, x := range words {
		for _, c := range lx.candidates(x, pos, lk) {
			words[i] = c
			add(strings.Join(words, " "))
		}
		words[i] = x
	}
	return out
}

// Related returns, for every base form of word ([Lemmas]) and each of its
// senses, the lemmas WordNet relates to that sense: the other members of
// its synset (Synonym) and the targets of its pointers (the other kinds).
// Each related lemma comes once per kind, with the most frequent sense that
// gave it; the list is ordered by that sense's rank, so that the relations
// of the commonest senses come first and a caller can weight rare senses
// down. The base forms themselves are left out. Nil for a word WordNet
// does not have.
func (lx *Lexicon) Related(word string) []Relation { return lx.RelatedIn(word, math.MaxInt, nil) }

// RelatedIn is [Lexicon.Related] for the senses of word of rank below
// senses (per base form and part of speech), and of its rarer senses only
// the synonyms that rare keeps (nil keeps none): a caller that weighs only
// the commonest senses need not read the others' pointers ("make" has 49
// senses as a verb). What it returns is what Related returns, less the
// relations of the rarer senses.
func (lx *Lexicon) RelatedIn(word string, senses int, rare func(lemma string) bool) []Relation {
	var out []Relation
	type lemmaKind struct {
		lemma string
		kind  Kind
	}
	seen := map[lemmaKind]int{} // index in out
	add := func(r Relation) {
		k := lemmaKind{r.Lemma, r.Kind}
		if i, ok := seen[k]; ok {
			if r.Sense < out[i].Sense {
				out[i] = r
			}
			return
		}
		seen[k] = len(out)
		out = append(out, r)
	}
	lemmas, self, lk := lx.selfLemmas(word)
	for _, l := range lemmas {
		e, _ := lk.find(l.Word)
		for rank, off := range lx.senses(e, l.POS) {
			syn := lx.synset(off)
			if rank >= senses {
				if rare != nil {
					for _, m := range syn.members {
						if !self[m] && rare(m) {
							add(Relation{Lemma: m, POS: l.POS, Kind: Synonym, From: l, Sense: rank})
						}
					}
				}
				continue
			}
			for _, m := range syn.members {
				if !self[m] {
					r := Relation{Lemma: m, POS: l.POS, Kind: Synonym, From: l, Sense: rank}
					if rank < itsSenses {
						r.Its = lx.rankOf(m, l.POS, off)
					}
					add(r)
				}
			}
			at := syn.at(l.Word)
			for j := range syn.npointers() {
				p := syn.pointer(j)
				if p.src != 0 && p.src != at {
					continue
				}
				tpos := lx.pos(p.target)
				for i, m := range lx.synset(p.target).members {
					if (p.dst == 0 || p.dst == i+1) && !self[m] {
						add(Relation{Lemma: m, POS: tpos, Kind: p.kind, From: l, Sense: rank})
					}
				}
			}
		}
	}
	// Stable: within a rank, base forms and kinds keep WordNet's order.
	slices.SortStableFunc(out, func(a, b Relation) int { return cmp.Compare(a.Sense, b.Sense) })
	return out
}

// Antonyms returns the opposites of word's senses, most frequent sense
// first: WordNet's direct antonyms ("likely" -> "unlikely", "accept" ->
// "reject"). Only for a word that has none, and is only an adjective, does
// it fall back on indirect antonyms, those of the heads of the clusters of
// its satellite senses ("lifelike" -> "unrealistic", through "realistic"):
// they are loose ("meet", as an adjective "fitting", would get "unjust"
// through "just"), so a word with a direct antonym or a noun or verb sense
// does not get them.
func (lx *Lexicon) Antonyms(word string) []string {
	lemmas := lx.Lemmas(word)
	if out := lx.antonyms(lemmas, false); len(out) > 0 {
		return out
	}
	for _, l := range lemmas {
		if l.POS == Noun || l.POS == Verb {
			return nil
		}
	}
	return lx.antonyms(lemmas, true)
}

// antonyms returns the direct antonyms of the senses of lemmas, or with
// indirect, those of the heads of their satellite senses.
func (lx *Lexicon) antonyms(lemmas []Lemma, indirect bool) []string {
	type ranked struct {
		w    string
		rank int
	}
	var found []ranked
	for _, l := range lemmas {
		e, _ := lx.find(l.Word)
		for rank, off := range lx.senses(e, l.POS) {
			syn := lx.synset(off)
			if !indirect {
				for _, w := range lx.antonymsOf(syn, syn.at(l.Word)) {
					found = append(found, ranked{w, rank})
				}
				continue
			}
			if !lx.satellite(off) {
				continue
			}
			for j := range syn.npointers() {
				if p := syn.pointer(j); p.kind == Similar {
					for _, w := range lx.antonymsOf(lx.synset(p.target), -1) {
						found = append(found, ranked{w, rank})
					}
				}
			}
		}
	}
	slices.SortStableFunc(found, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	var out []string
	for _, f := range found {
		if !slices.Contains(out, f.w) {
			out = append(out, f.w)
		}
	}
	return out
}

// antonymsOf returns the antonyms of member at (1-based) of syn, or of
// any member for at == -1.
func (lx *Lexicon) antonymsOf(syn synset, at int) []string {
	var out []string
	for j := range syn.npointers() {
		p := syn.pointer(j)
		if p.kind != Antonym || (at >= 0 && p.src != 0 && p.src != at) {
			continue
		}
		for i, m := range lx.synset(p.target).members {
			if p.dst == 0 || p.dst == i+1 {
				out = append(out, m)
			}
		}
	}
	return out
}

// Classes returns the lexicographer classes of the first senses senses of
// word in pos, through its base forms ([Lemmas]), most frequent sense
// first and each class once: "noun.person" for "minister",
// "noun.location" then "noun.group" for "city", "verb.communication" for
// "said". WordNet's lexicographers filed every synset in one such class
// (lexnames(5WN)); the class is the broad kind a word names, read without
// walking hypernyms. Nil for a word WordNet does not have in pos.
func Classes(word string, pos POS, senses int) []string { return Load().Classes(word, pos, senses) }

// Classes is the package's [Classes] on lx.
func (lx *Lexicon) Classes(word string, pos POS, senses int) []string {
	w := normalize(word)
	if w == "" {
		return nil
	}
	var out []string
	lk := &lookups{lx: lx}
	for _, b := range lx.bases(w, pos, lk) {
		e, _ := lk.find(b)
		for rank, off := range lx.senses(e, pos) {
			if rank >= senses {
				break
			}
			if c := format.LexFiles[lx.synset(off).lexFile]; !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// WalkHypernyms visits the hypernyms of the noun w through its first
// senses senses, level by level up to depth, each once, until visit
// returns true; it reports whether one did. "fan", depth 3, senses 1:
// "enthusiast", "person", ...
func WalkHypernyms(w string, depth, senses int, visit func(lemma string) bool) bool {
	lx := Load()
	level, seen := []string{w}, map[string]bool{}
	for d := 0; d < depth && len(level) > 0; d++ {
		var next []string
		for _, x := range level {
			for _, h := range lx.nounHypernyms(x, senses) {
				if seen[h] {
					continue
				}
				if visit(h) {
					return true
				}
				seen[h] = true
				next = append(next, h)
			}
		}
		level = next
	}
	return false
}

// selfLemmas returns the base forms of word, as a set too (a word's
// relations leave them out), and the lookups that found them.
func (lx *Lexicon) selfLemmas(word string) ([]Lemma, map[string]bool, *lookups) {
	lk := &lookups{lx: lx}
	w := normalize(word)
	if w == "" {
		return nil, nil, lk
	}
	lemmas := lx.lemmas(w, lk)
	self := make(map[string]bool, len(lemmas))
	for _, l := range lemmas {
		self[l.Word] = true
	}
	return lemmas, self, lk
}

// nounHypernyms returns the lemmas of the hypernyms of the noun senses of
// word below rank senses, in the order of [Lexicon.Related] (commonest
// sense first): those of its relations that are hypernyms of a noun. It
// reads the hypernym pointers only; building all of a word's relations
// for each step of a walk was a tenth of an offline answer.
func (lx *Lexicon) nounHypernyms(word string, senses int) []string {
	lemmas, self, lk := lx.selfLemmas(word)
	type found struct {
		lemma string
		sense int
	}
	var out []found
	for _, l := range lemmas {
		if l.POS != Noun {
			continue
		}
		e, _ := lk.find(l.Word)
		for rank, off := range lx.senses(e, Noun) {
			if rank >= senses {
				break
			}
			syn := lx.synset(off)
			at := syn.at(l.Word)
			for j := range syn.npointers() {
				p := syn.pointer(j)
				if p.kind != Hypernym || p.src != 0 && p.src != at {
					continue
				}
				for i, m := range lx.synset(p.target).members {
					if (p.dst == 0 || p.dst == i+1) && !self[m] && !slices.ContainsFunc(out, func(f found) bool { return f.lemma == m }) {
						out = append(out, found{m, rank})
					}
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b found) int { return cmp.Compare(a.sense, b.sense) })
	lemmasOut := make([]string, len(out))
	for i, f := range out {
		lemmasOut[i] = f.lemma
	}
	return lemmasOut
}

// InClass returns the synonyms of those senses of the noun word, of any
// rank, that WordNet's lexicographers filed in class, commonest sense
// first: in "noun.person", "head" is "chief" and "top dog" (its fourth
// sense, the person in charge). A reader that knows a word names a person
// ("the head of the railway company") reads its rarer person senses, which
// the commonest ("head" as a body part) would hide.
func InClass(word, class string) []string { return Load().InClass(word, class) }

// InClass is the package's [InClass] on lx.
func (lx *Lexicon) InClass(word, class string) []string {
	lemmas, self, lk := lx.selfLemmas(word)
	var out []string
	for _, l := range lemmas {
		if l.POS != Noun {
			continue
		}
		e, _ := lk.find(l.Word)
		for _, off := range lx.senses(e, Noun) {
			syn := lx.synset(off)
			if format.LexFiles[syn.lexFile] != class {
				continue
			}
			for _, m := range syn.members {
				if !self[m] && !slices.Contains(out, m) {
					out = append(out, m)
				}
			}
		}
	}
	return out
}
