package check

import (
	"strings"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// How a word of a claim meets the words of a passage: its own term (the
// analysis chain already makes Zelensky, Zelenskyy and Zelenski one term,
// and "U.S." and "US" one); or the terms of a word WordNet relates to one
// of its commoner senses (a synonym, a derived form, the noun an adjective
// pertains to, a similar adjective: "headed" meets "lead", "Advisor"
// "adviser", "EU" "European Union", "UK" "Britain"); or, for a longer word,
// a term one edit away (a misspelt name: "Ushkaov"); or, for a name, a term
// that begins with it or that it begins with ("Ukraine", "Ukrainian"); or,
// for a name written in capitals, the initials of a run of words
// ("MBS", "Mohammed bin Salman").

// relatedSenses is how many of a word's commonest senses (per part of
// speech) bring related words, as in retrieval's analysis (the union sense
// of "EU" is its second).
const relatedSenses = 2

// matcher finds the passage words a claim's words stand for. It remembers
// what WordNet gave for each word; one matcher serves one check.
type matcher struct {
	alts map[string][][]string // word -> the terms of its related lemmas
	opp  map[string][][]string // word -> the terms of its antonyms
}

func newMatcher() *matcher {
	return &matcher{alts: map[string][][]string{}, opp: map[string][][]string{}}
}

// antonyms returns the terms of WordNet's antonyms of w.
func (m *matcher) antonyms(w string) [][]string {
	if a, ok := m.opp[w]; ok {
		return a
	}
	var out [][]string
	for _, a := range wordnet.Antonyms(w) {
		if ts := english.Terms(a); len(ts) > 0 {
			out = append(out, ts)
		}
	}
	m.opp[w] = out
	return out
}

// opposite reports whether b holds an antonym of w.
func (m *matcher) opposite(b *bag, w string) bool {
	for _, alt := range m.antonyms(w) {
		all := true
		for _, a := range alt {
			all = all && b.terms[a] > 0
		}
		if all {
			return true
		}
	}
	return false
}

// alternatives returns the terms of the lemmas WordNet relates to w (lower
// case; a phrase's words separated by spaces).
func (m *matcher) alternatives(w string, name bool) [][]string {
	key := w
	if name {
		key = "\x00" + w
	}
	if a, ok := m.alts[key]; ok {
		return a
	}
	var out [][]string
	own := strings.Join(english.Terms(w), " ")
	for _, r := range wordnet.RelatedIn(w, relatedSenses, nil) {
		switch r.Kind {
		case wordnet.Synonym, wordnet.Derived, wordnet.Pertainym:
		case wordnet.Similar:
			if name {
				continue
			}
		default:
			continue
		}
		if r.Sense >= relatedSenses {
			continue
		}
		ts := english.Terms(r.Lemma)
		if len(ts) == 0 || strings.Join(ts, " ") == own {
			continue
		}
		out = append(out, ts)
	}
	m.alts[key] = out
	return out
}

// bag is the words of a stretch of passage text, for matching.
type bag struct {
	terms map[string]int // term -> occurrences
	toks  []tok
}

func newBag(ts []tok) *bag {
	b := &bag{terms: map[string]int{}, toks: ts}
	for _, t := range ts {
		for _, term := range t.terms {
			b.terms[term]++
		}
	}
	return b
}

func (b *bag) add(ts []tok) {
	b.toks = append(b.toks, ts...)
	for _, t := range ts {
		for _, term := range t.terms {
			b.terms[term]++
		}
	}
}

// find returns the passage term that the claim word w (its term t) stands
// for in b, or "".
func (m *matcher) find(b *bag, w, t string, name bool) string {
	if b.terms[t] > 0 {
		return t
	}
	for _, alt := range m.alternatives(w, name) {
		all := true
		for _, a := range alt {
			all = all && b.terms[a] > 0
		}
		if all {
			return alt[0]
		}
	}
	n := utf8.RuneCountInString(t)
	for have := range b.terms {
		switch {
		case n >= 5 && abs(utf8.RuneCountInString(have)-n) <= 1 && english.EditDistance(t, have, 1) <= 1:
			return have
		case name && n >= 5 && len(have) >= 5 && (strings.HasPrefix(have, t) || strings.HasPrefix(t, have)):
			return have
		}
	}
	return ""
}

// findName reports whether the name run ts is stated: by WordNet's
// synonyms of the whole ("United States") or word by word, its last word
// (the head: a surname, a place) in cited, the others (first names,
// titles) in cited or shown. A word written in capitals may be the
// initials of a run of words ("MBS").
func (m *matcher) findName(cited, shown *bag, ts []tok) bool {
	var ws []string
	for _, t := range ts {
		ws = append(ws, t.words...)
	}
	if len(ws) > 1 {
		if phrase := strings.Join(ws, " "); wordnet.Known(phrase) {
			for _, alt := range m.alternatives(phrase, true) {
				all := true
				for _, a := range alt {
					all = all && cited.terms[a] > 0
				}
				if all {
					return true
				}
			}
		}
	}
	for i, t := range ts {
		b := shown
		if i == len(ts)-1 {
			b = cited
		}
		for _, w := range t.words {
			tm := english.Term(w)
			if tm == "" || m.find(b, w, tm, true) != "" || initials(b.toks, t.raw) {
				continue
			}
			return false
		}
	}
	return true
}

// initials reports whether acronym, a word in capitals ("MBS"), spells the
// initials of a run of ts that starts and ends with a capitalised word
// ("Mohammed bin Salman").
func initials(ts []tok, acronym string) bool {
	a := strings.ToLower(strings.ReplaceAll(acronym, ".", ""))
	if len(a) < 2 || len(a) > 6 || strings.ToUpper(acronym) != acronym {
		return false
	}
	for i := range ts {
		if !ts[i].cap || len(ts)-i < len(a) {
			continue
		}
		ok := true
		for k := 0; k < len(a) && ok; k++ {
			t := ts[i+k]
			ok = !t.punct && strings.ToLower(t.raw[:1]) == a[k:k+1]
		}
		if ok && ts[i+len(a)-1].cap {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
