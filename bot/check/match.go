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
// speech) bring related words, as in retrieval's analysis; names take all
// their senses (the country sense of "EU" is its second).
const relatedSenses = 2

// matcher finds the passage words a claim's words stand for. It remembers
// what WordNet gave for each word; one matcher serves one check.
type matcher struct {
	alts map[string][][]string // word -> the terms of its related lemmas
}

func newMatcher() *matcher { return &matcher{alts: map[string][][]string{}} }

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
	for _, r := range wordnet.Related(w) {
		switch r.Kind {
		case wordnet.Synonym, wordnet.Derived, wordnet.Pertainym:
		case wordnet.Similar:
			if name {
				continue
			}
		default:
			continue
		}
		if !name && r.Sense >= relatedSenses {
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
		case n >= 5 && abs(utf8.RuneCountInString(have)-n) <= 1 && editDistance(t, have, 1) <= 1:
			return have
		case name && n >= 4 && len(have) >= 4 && (strings.HasPrefix(have, t) || strings.HasPrefix(t, have)):
			return have
		}
	}
	return ""
}

// findName reports whether the name written as raw (its words ws) is in b:
// by its words, by WordNet's synonyms of the whole ("United States"), or,
// written in capitals, as the initials of a run of b's words.
func (m *matcher) findName(b *bag, raw string, ws []string) bool {
	if len(ws) > 1 {
		phrase := strings.Join(ws, " ")
		if wordnet.Known(phrase) {
			for _, alt := range m.alternatives(phrase, true) {
				all := true
				for _, a := range alt {
					all = all && b.terms[a] > 0
				}
				if all {
					return true
				}
			}
		}
	}
	all := true
	for _, w := range ws {
		t := english.Term(w)
		if t == "" {
			continue
		}
		all = all && m.find(b, w, t, true) != ""
	}
	if all {
		return true
	}
	return len(ws) == 1 && initials(b.toks, raw)
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

// editDistance is the optimal-string-alignment distance of a and b, or
// limit+1 once it is sure to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
