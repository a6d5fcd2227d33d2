// Package build turns the WordNet 3.0 database into the file that package
// wordnet embeds (the layout is described in ../format). Command ../gen
// writes it; tests build small dictionaries with it.
//
// What is kept: lemmas, synsets with their members ordered by sense counts
// (cntlist.rev), the irregular forms, and the pointers derivationally
// related form, pertainym, similar to, also see, antonym, hypernym and
// instance hypernym, part and member holonym and meronym, and the verb
// glosses that are short idioms (see glossPhrase). The other glosses, verb
// frames and the other pointers are dropped.
package build

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

// Stats counts what a file holds.
type Stats struct {
	Lemmas, Synsets, Pointers, Irregular int
	// Glosses counts the gloss phrases (see glossPhrase), GlossWords those
	// that are no lemma of WordNet's.
	Glosses, GlossWords int
}

// File reads the WordNet 3.0 dict directory dir (data.*, index.*, *.exc,
// cntlist.rev) and returns the bytes of the file package wordnet embeds.
func File(dir string) ([]byte, Stats, error) {
	d, err := read(dir)
	if err != nil {
		return nil, Stats{}, err
	}
	b, err := d.encode()
	if err != nil {
		return nil, Stats{}, err
	}
	newWords := 0
	for g := range d.glosses {
		if d.index[g] == nil && d.exc[g] == nil {
			newWords++
		}
	}
	return b, Stats{len(d.lemmas), len(d.synsets), d.nptrs, len(d.exc), len(d.glosses), newWords}, nil
}

// posFiles are the file suffixes, in format.Noun... order.
var posFiles = [...]string{"noun", "verb", "adj", "adv"}

// key names a synset as the data files do: file and byte offset.
type key struct {
	pos int
	off int
}

type word struct {
	lemma string // lower case, spaces
	raw   string // lower case as in the data file, marker stripped (for sense keys)
	head  string // lower case as in the data file, marker kept (for satellites' sense keys)
	lexID int
	count int // tag count from cntlist.rev
}

type pointer struct {
	kind     byte
	target   key
	src, dst int // 1-based word numbers in the data file, 0 for semantic pointers
}

type synset struct {
	key     key
	sat     bool
	lexFile int
	words   []word
	ptrs    []pointer
	headKey key  // satellites: their cluster head
	proper  bool // its first member is a name ("Pentagon", not "pentagon")

	id    int
	order []int // order[i] is the data-file index of the i-th member after sorting
	newAt []int // newAt[data index] is the 1-based position after sorting and dedup
}

// irregular is a base form of an irregular form ("go" of "went").
type irregular struct {
	pos  int
	base string
}

// causeGloss is a verb synset whose gloss opens "cause to <verb>".
type causeGloss struct {
	from key
	verb string
}

// nameGloss is the synset of a name whose gloss may name the body it
// stands for (see addNames).
type nameGloss struct {
	from  key
	gloss string
}

type db struct {
	// names are the synsets of names of places, buildings and bodies, with
	// their glosses (see addNames).
	names []nameGloss
	// causes are the verb synsets whose gloss says what they cause
	// ("cause to go somewhere"), with the verb caused (see causeOf).
	causes []causeGloss
	// glosses maps a verb phrase that a verb synset's gloss is made of
	// ("be in charge of" -> "charge of") to those synsets (see glossPhrase).
	glosses map[string][]key
	synsets []*synset
	byKey   map[key]*synset
	index   map[string]*[4][]key // lemma -> senses per POS, most frequent first
	lemmas  []string
	exc     map[string][]irregular // form -> its base forms
	nptrs   int
}

var ptrKinds = map[string]byte{
	"+": format.Derived, "\\": format.Pertainym, "&": format.Similar, "^": format.AlsoSee,
	"!": format.Antonym, "@": format.Hypernym, "@i": format.Hypernym,
	"#p": format.Holonym, "#m": format.MemberOf, "%p": format.Meronym, "%m": format.Meronym,
	">": format.Cause, "=": format.Attribute,
}

func read(dir string) (*db, error) {
	d := &db{byKey: map[key]*synset{}, index: map[string]*[4][]key{}, exc: map[string][]irregular{}, glosses: map[string][]key{}}
	for pos, name := range posFiles {
		if err := eachLine(filepath.Join(dir, "data."+name), func(line string) error {
			return d.addSynset(pos, line)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "index."+name), func(line string) error {
			return d.addIndex(pos, line)
		}); err != nil {
			return nil, err
		}
	}
	counts := map[string]int{}
	if err := eachLine(filepath.Join(dir, "cntlist.rev"), func(line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		n, err := strconv.Atoi(f[2])
		counts[f[0]] = n
		return err
	}); err != nil {
		return nil, err
	}
	for pos, name := range posFiles {
		if err := eachLine(filepath.Join(dir, name+".exc"), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("want 2 or more fields, got %d", len(f))
			}
			form := lemmaOf(f[0])
			for _, b := range f[1:] {
				b = lemmaOf(b)
				if ix := d.index[b]; ix != nil && len(ix[pos]) > 0 {
					d.exc[form] = append(d.exc[form], irregular{pos, b})
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	d.addCausedBy()
	d.addCauses()
	d.addNames()
	if err := d.order(counts); err != nil {
		return nil, err
	}
	return d, nil
}

// eachLine calls fn on every line of the file but the licence header (lines
// that start with two spaces).
func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// lemmaOf turns a WordNet word ("United_States", "galore(ip)") into a lemma
// ("united states", "galore").
func lemmaOf(w string) string {
	return strings.ReplaceAll(strings.ToLower(stripMarker(w)), "_", " ")
}

// stripMarker drops an adjective's syntactic marker: (a), (p) or (ip).
func stripMarker(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		return w[:i]
	}
	return w
}

func posOf(sym string) (int, error) {
	switch sym {
	case "n":
		return format.Noun, nil
	case "v":
		return format.Verb, nil
	case "a", "s":
		return format.Adj, nil
	case "r":
		return format.Adv, nil
	}
	return 0, fmt.Errorf("unknown part of speech %q", sym)
}

func (d *db) addSynset(pos int, line string) error {
	gloss := ""
	if i := strings.Index(line, " | "); i >= 0 {
		line, gloss = line[:i], line[i+3:]
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return errors.New("short synset line")
	}
	off, err1 := strconv.Atoi(f[0])
	lexFile, err2 := strconv.Atoi(f[1])
	nw, err3 := strconv.ParseInt(f[3], 16, 0)
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	s := &synset{key: key{pos, off}, sat: f[2] == "s", lexFile: lexFile, proper: unicode.IsUpper(rune(f[4][0]))}
	i := 4
	for range nw {
		if i+1 >= len(f) {
			return errors.New("short word list")
		}
		id, err := strconv.ParseInt(f[i+1], 16, 0)
		if err != nil {
			return err
		}
		raw := stripMarker(f[i])
		s.words = append(s.words, word{lemma: lemmaOf(raw), raw: strings.ToLower(raw), head: strings.ToLower(f[i]), lexID: int(id)})
		i += 2
	}
	if i >= len(f) {
		return errors.New("no pointer count")
	}
	np, err := strconv.Atoi(f[i])
	if err != nil {
		return err
	}
	i++
	for range np {
		if i+3 >= len(f) {
			return errors.New("short pointer list")
		}
		sym, offs, psym, srcdst := f[i], f[i+1], f[i+2], f[i+3]
		i += 4
		tpos, err := posOf(psym)
		if err != nil {
			return err
		}
		toff, err1 := strconv.Atoi(offs)
		sd, err2 := strconv.ParseUint(srcdst, 16, 16)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		if sym == "&" && s.sat {
			s.headKey = key{tpos, toff}
		}
		kind, ok := ptrKinds[sym]
		if !ok {
			continue
		}
		s.ptrs = append(s.ptrs, pointer{kind: kind, target: key{tpos, toff}, src: int(sd >> 8), dst: int(sd & 0xff)})
	}
	d.synsets = append(d.synsets, s)
	d.byKey[s.key] = s
	if pos == format.Noun && s.proper && nameFiles[lexFile] {
		d.names = append(d.names, nameGloss{s.key, gloss})
	}
	if pos == format.Verb {
		for _, p := range glossPhrases(gloss) {
			d.glosses[p] = append(d.glosses[p], s.key)
		}
		if v := causeOf(gloss); v != "" {
			d.causes = append(d.causes, causeGloss{s.key, v})
		}
	}
	return nil
}

// reCauseGloss finds a gloss that says what a verb causes: "cause to go
// somewhere" (send), "cause to die" (kill).
var reCauseGloss = regexp.MustCompile(`^(?:to )?cause to ([a-z]+)\b`)

// causeOf returns the verb a gloss says its synset causes, or "".
func causeOf(gloss string) string {
	if m := reCauseGloss.FindStringSubmatch(strings.TrimSpace(gloss)); m != nil && !glossStops[m[1]] {
		return m[1]
	}
	return ""
}

// addCausedBy adds to each synset that WordNet's own cause pointers
// point at a caused-by pointer back ("die" < "kill", "fall" < "drop"), so
// that a question's "died" meets a report's "killed". The pointers made
// from glosses ("cause to move", which dozens of verbs have) are not
// reversed: they would relate every common verb to all its causers.
func (d *db) addCausedBy() {
	for _, s := range d.synsets {
		for _, p := range s.ptrs {
			if p.kind != format.Cause {
				continue
			}
			t := d.byKey[p.target]
			back := pointer{kind: format.CausedBy, target: s.key, src: p.dst, dst: p.src}
			if t == nil || t == s || slices.Contains(t.ptrs, back) {
				continue
			}
			t.ptrs = append(t.ptrs, back)
		}
	}
}

// addCauses turns each "cause to <verb>" gloss into a cause pointer to the
// verb's commonest sense ("send" -> "travel, go, move, locomote"), as
// WordNet's own cause pointers ("kill" > "die") are, for the few verbs
// that have them.
func (d *db) addCauses() {
	for _, c := range d.causes {
		ix := d.index[c.verb]
		if ix == nil || len(ix[format.Verb]) == 0 {
			continue
		}
		s := d.byKey[c.from]
		t := ix[format.Verb][0]
		if slices.ContainsFunc(s.ptrs, func(p pointer) bool { return p.kind == format.Cause && p.target == t }) {
			continue
		}
		s.ptrs = append(s.ptrs, pointer{kind: format.Cause, target: t})
	}
}

// The lexicographer files of the nouns whose names may stand for a body:
// artifacts (the Pentagon, a building), groups (the White House, an
// executive department) and locations (Capitol Hill, Foggy Bottom).
// People are left out: "Stalin" does not stand for his party.
const (
	lexArtifact = 6
	lexGroup    = 14
	lexLocation = 15
)

var nameFiles = map[int]bool{lexArtifact: true, lexGroup: true, lexLocation: true}

// maxNameWords is the longest name looked up in a gloss, in words ("United
// States Department of Defense").
const maxNameWords = 6

// addNames turns the gloss of a name into a stands-for pointer to each body
// (an organisation, a government, a department: a proper noun of the group
// file) that it names: news uses the place for the body ("the Pentagon
// said", "the White House announced"), and WordNet links them only in
// words: "Pentagon: a government building ... that serves as the
// headquarters of the United States Department of Defense", "White House:
// the chief executive department of the United States government". Of the
// gloss's first clause, each run of words that opens with a capital is
// read as the longest lemma WordNet has; a lemma that is no body ("New
// York") is passed over whole, not read again from its second word.
func (d *db) addNames() {
	for _, n := range d.names {
		s := d.byKey[n.from]
		def, _, _ := strings.Cut(n.gloss, ";")
		def, _, _ = strings.Cut(def, "(") // "(EXEC)"
		words := strings.FieldsFunc(def, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.' && r != '\''
		})
		for i := 0; i < len(words); i++ {
			if !unicode.IsUpper(rune(words[i][0])) {
				continue
			}
			for j := min(len(words), i+maxNameWords); j > i; j-- {
				ix := d.index[lemmaOf(strings.Join(words[i:j], "_"))]
				if ix == nil || len(ix[format.Noun]) == 0 {
					continue
				}
				t := ix[format.Noun][0]
				if ts := d.byKey[t]; ts.lexFile == lexGroup && ts.proper && t != n.from &&
					!slices.ContainsFunc(s.ptrs, func(p pointer) bool { return p.target == t }) {
					s.ptrs = append(s.ptrs, pointer{kind: format.StandsFor, target: t})
				}
				i = j - 1
				break
			}
		}
	}
}

// glossStops are the words a gloss phrase is stripped of at its start
// ("be in charge of"): a question's analysis skips them before looking
// a phrase up.
var glossStops = map[string]bool{"be": true, "to": true, "in": true, "a": true, "an": true, "the": true}

// glossEnds are the prepositions a gloss phrase ends with: a verb and its
// object or complement that a preposition ties to what follows ("be in
// charge of", "put an end to", "get rid of") is an idiom of its own, which
// readers use in place of the synset's lemmas ("who was in charge of the
// negotiators": "headed by").
var glossEnds = map[string]bool{"of": true, "to": true, "in": true, "on": true, "for": true, "with": true, "from": true, "at": true, "into": true, "about": true}

// glossPhrases returns the idioms a verb gloss is made of: those of its
// clauses that are one (see glossPhrase); examples, in quotes, are not.
// ("express the need or desire for; ask for" gives "ask for", which
// WordNet has only as in "ask for trouble".)
func glossPhrases(gloss string) []string {
	var out []string
	for _, c := range strings.Split(gloss, ";") {
		if p := glossPhrase(c); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// glossPhrase returns the idiom a clause of a verb gloss is, or "": two to
// four words of letters that end with a preposition, stripped of glossStops
// at its start, two or three words left.
func glossPhrase(clause string) string {
	ws := strings.Fields(clause)
	if len(ws) < 2 || len(ws) > 4 || !glossEnds[ws[len(ws)-1]] {
		return ""
	}
	for _, w := range ws {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz'") != "" {
			return ""
		}
	}
	for len(ws) > 0 && glossStops[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) < 2 || len(ws) > 3 {
		return ""
	}
	return strings.Join(ws, " ")
}

func (d *db) addIndex(pos int, line string) error {
	f := strings.Fields(line)
	if len(f) < 6 {
		return errors.New("short index line")
	}
	nsyn, err1 := strconv.Atoi(f[2])
	nptr, err2 := strconv.Atoi(f[3])
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	offs := f[4+nptr+2:]
	if len(offs) != nsyn {
		return fmt.Errorf("want %d synsets, got %d", nsyn, len(offs))
	}
	lemma := lemmaOf(f[0])
	ix := d.index[lemma]
	if ix == nil {
		ix = new([4][]key)
		d.index[lemma] = ix
	}
	for _, o := range offs {
		off, err := strconv.Atoi(o)
		if err != nil {
			return err
		}
		ix[pos] = append(ix[pos], key{pos, off})
	}
	return nil
}

// senseKey is the word's sense key as cntlist.rev writes it
// (lemma%ss_type:lex_filenum:lex_id:head_word:head_id), where the head word
// keeps its adjective marker: "above%5:00:00:preceding(a):00".
func (d *db) senseKey(s *synset, w word) string {
	ssType := s.key.pos + 1
	head := ":"
	if s.sat {
		ssType = 5
		if h := d.byKey[s.headKey]; h != nil && len(h.words) > 0 {
			head = fmt.Sprintf("%s:%02d", h.words[0].head, h.words[0].lexID)
		}
	}
	return fmt.Sprintf("%s%%%d:%02d:%02d:%s", w.raw, ssType, s.lexFile, w.lexID, head)
}

// order sorts the members of every synset by tag count, drops duplicate
// lemmas, numbers the synsets and lists the lemmas.
func (d *db) order(counts map[string]int) error {
	for _, s := range d.synsets {
		for i := range s.words {
			s.words[i].count = counts[d.senseKey(s, s.words[i])]
		}
		idx := make([]int, len(s.words))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(s.words[b].count, s.words[a].count) })
		s.newAt = make([]int, len(s.words))
		seen := map[string]int{}
		for _, i := range idx {
			l := s.words[i].lemma
			if at, ok := seen[l]; ok {
				s.newAt[i] = at
				continue
			}
			s.order = append(s.order, i)
			seen[l] = len(s.order)
			s.newAt[i] = len(s.order)
		}
	}
	// A gloss phrase's senses, commonest synset first (by its members'
	// tag counts), as a lemma's are.
	tags := func(k key) int {
		n := 0
		for _, w := range d.byKey[k].words {
			n += w.count
		}
		return n
	}
	for _, keys := range d.glosses {
		slices.SortStableFunc(keys, func(a, b key) int { return cmp.Compare(tags(b), tags(a)) })
	}
	slices.SortFunc(d.synsets, func(a, b *synset) int {
		return cmp.Or(cmp.Compare(group(a), group(b)), cmp.Compare(a.key.off, b.key.off))
	})
	for i, s := range d.synsets {
		s.id = i
	}
	for l, ix := range d.index {
		for pos := range ix {
			for _, k := range ix[pos] {
				s := d.byKey[k]
				if s == nil {
					return fmt.Errorf("index: %q: no synset %s %08d", l, posFiles[k.pos], k.off)
				}
				if !slices.ContainsFunc(s.words, func(w word) bool { return w.lemma == l }) {
					return fmt.Errorf("index: %q not a member of synset %s %08d", l, posFiles[k.pos], k.off)
				}
			}
		}
		d.lemmas = append(d.lemmas, l)
	}
	for _, s := range d.synsets {
		for _, w := range s.words {
			if d.index[w.lemma] == nil {
				return fmt.Errorf("data: %q in synset %s %08d is not in the index", w.lemma, posFiles[s.key.pos], s.key.off)
			}
		}
	}
	slices.Sort(d.lemmas)
	return nil
}

func (d *db) encode() ([]byte, error) {
	var sec [format.NumSections][]byte
	var errs []error
	put := func(s int, v int) {
		if v < 0 || v > format.MaxU24 {
			errs = append(errs, fmt.Errorf("section %d: value %d does not fit 3 bytes", s, v))
			return
		}
		var b [3]byte
		format.PutU24(b[:], v)
		sec[s] = append(sec[s], b[:]...)
	}
	short := func(what, s string, n int) {
		if n > 255 {
			errs = append(errs, fmt.Errorf("%s %q: %d does not fit a byte", what, s, n))
		}
	}

	// Synset records: first their offsets, then their bytes.
	recOff := make([]int, len(d.synsets)+1)
	for i, s := range d.synsets {
		n := 1 + 1 + 2 + format.PtrSize*len(s.ptrs)
		for _, j := range s.order {
			n += 1 + len(s.words[j].lemma)
		}
		recOff[i+1] = recOff[i] + n
	}
	for _, s := range d.synsets {
		short("members of synset", s.words[0].lemma, len(s.order))
		rec := []byte{byte(len(s.order))}
		for _, j := range s.order {
			l := s.words[j].lemma
			short("length of lemma", l, len(l))
			rec = append(rec, byte(len(l)))
			rec = append(rec, l...)
		}
		if len(s.ptrs) > 0xffff {
			return nil, fmt.Errorf("synset %08d: %d pointers", s.key.off, len(s.ptrs))
		}
		if s.lexFile < 0 || s.lexFile >= len(format.LexFiles) {
			return nil, fmt.Errorf("synset %08d: lexicographer file %d", s.key.off, s.lexFile)
		}
		rec = append(rec, byte(s.lexFile))
		rec = binary.LittleEndian.AppendUint16(rec, uint16(len(s.ptrs)))
		sec[format.SecSynsets] = append(sec[format.SecSynsets], rec...)
		for _, p := range s.ptrs {
			t := d.byKey[p.target]
			if t == nil {
				return nil, fmt.Errorf("synset %s %08d: pointer to missing synset %08d", posFiles[s.key.pos], s.key.off, p.target.off)
			}
			src, dst := 0, 0
			if p.src != 0 || p.dst != 0 {
				if p.src > len(s.newAt) || p.dst > len(t.newAt) || p.src == 0 || p.dst == 0 {
					return nil, fmt.Errorf("synset %s %08d: bad word numbers %d/%d", posFiles[s.key.pos], s.key.off, p.src, p.dst)
				}
				src, dst = s.newAt[p.src-1], t.newAt[p.dst-1]
			}
			put(format.SecSynsets, recOff[t.id])
			sec[format.SecSynsets] = append(sec[format.SecSynsets], p.kind, byte(src), byte(dst))
			d.nptrs++
		}
	}
	if len(sec[format.SecSynsets]) != recOff[len(d.synsets)] {
		return nil, fmt.Errorf("synset records take %d bytes, not %d", len(sec[format.SecSynsets]), recOff[len(d.synsets)])
	}

	// Entries of the lemmas and irregular forms, with the keys of their blocks.
	words := slices.Clone(d.lemmas)
	for f := range d.exc {
		if d.index[f] == nil {
			words = append(words, f)
		}
	}
	// A gloss phrase WordNet has no lemma for is a word whose senses are
	// the synsets it defines, of which it is no member (see glossPhrase).
	for g := range d.glosses {
		if d.index[g] == nil && d.exc[g] == nil {
			words = append(words, g)
		}
	}
	slices.Sort(words)
	wordID := make(map[string]int, len(words))
	for i, w := range words {
		wordID[w] = i
	}
	for i, w := range words {
		if i%format.BlockSize == 0 {
			put(format.SecKeyOff, len(sec[format.SecKeys]))
			sec[format.SecKeys] = append(sec[format.SecKeys], w...)
		}
		put(format.SecWordOff, len(sec[format.SecWords]))
		// A word's senses, by part of speech; after a verb's own senses,
		// those of the glosses it is (see glossPhrase), commonest first.
		var senses []int
		var own [4][]key
		if ix := d.index[w]; ix != nil {
			own = *ix
		}
		for pos, keys := range own {
			for _, k := range keys {
				senses = append(senses, recOff[d.byKey[k].id])
			}
			if pos == format.Verb {
				for _, k := range d.glosses[w] {
					if !slices.Contains(keys, k) {
						senses = append(senses, recOff[d.byKey[k].id])
					}
				}
			}
		}
		short("length of word", w, len(w))
		short("senses of word", w, len(senses))
		short("irregular bases of word", w, len(d.exc[w]))
		sec[format.SecWords] = append(append(append(sec[format.SecWords], byte(len(w))), w...), byte(len(senses)))
		for _, o := range senses {
			put(format.SecWords, o)
		}
		sec[format.SecWords] = append(sec[format.SecWords], byte(len(d.exc[w])))
		for _, b := range d.exc[w] {
			put(format.SecWords, wordID[b.base])
			sec[format.SecWords] = append(sec[format.SecWords], byte(b.pos))
		}
	}
	put(format.SecKeyOff, len(sec[format.SecKeys]))
	put(format.SecWordOff, len(sec[format.SecWords]))

	var bounds [6]int
	for i := range bounds {
		bounds[i] = recOff[len(d.synsets)]
	}
	for i := len(d.synsets) - 1; i >= 0; i-- {
		for g := 0; g <= group(d.synsets[i]); g++ {
			bounds[g] = recOff[i]
		}
	}
	for _, b := range bounds {
		sec[format.SecPOSBounds] = binary.LittleEndian.AppendUint32(sec[format.SecPOSBounds], uint32(b))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	out := []byte(format.Magic)
	off := format.HeaderSize
	for _, s := range sec {
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		off += len(s)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(off))
	for _, s := range sec {
		out = append(out, s...)
	}
	return out, nil
}

// group is the rank of a synset's part of speech in the file: noun, verb,
// adjective head, adjective satellite, adverb.
func group(s *synset) int {
	switch {
	case s.key.pos == format.Adv:
		return 4
	case s.key.pos == format.Adj && s.sat:
		return 3
	}
	return s.key.pos
}
