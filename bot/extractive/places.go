package extractive

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// places tells which names are places, by WordNet: a place is a noun that
// is part of another place (Riyadh of Saudi Arabia, Poland of Europe) or a
// kind of region ("country", "city", "state"). Answers to "where" and
// "which countries" name places. Looked up on first need and remembered.
type places struct {
	known sync.Map // lower-case word -> whether it is a place
	words sync.Map // lower-case word -> whether WordNet has it
}

// placeKinds are the WordNet hypernyms that make a name a place.
var placeKinds = map[string]bool{
	"country": true, "city": true, "state": true, "nation": true, "region": true,
	"national capital": true, "state capital": true, "port": true, "town": true,
	"geographical area": true, "geographic area": true, "land": true,
	"european country": true, "european nation": true, "asian country": true,
	"african country": true, "sea": true, "strait": true, "peninsula": true,
	"island": true, "continent": true, "capital": true, "district": true,
}

// is reports whether the lower-case name w is a place.
func (p *places) is(w string) bool {
	if v, ok := p.known.Load(w); ok {
		return v.(bool)
	}
	place := false
	for _, r := range wordnet.Related(w) {
		if r.From.POS != wordnet.Noun || r.Sense > 1 {
			continue
		}
		if r.Kind == wordnet.Hypernym && placeKinds[r.Lemma] {
			place = true
			break
		}
	}
	p.known.Store(w, place)
	return place
}

// common reports whether the capitalised word w is a common word rather
// than a name: WordNet has it (in any form), or it is written in capitals
// throughout (a dateline "ISTANBUL", an acronym "CPS").
func (p *places) common(w string) bool {
	if strings.ToUpper(w) == w {
		return true
	}
	lw := strings.ToLower(w)
	if v, ok := p.words.Load(lw); ok {
		return v.(bool)
	}
	known := wordnet.Known(lw)
	p.words.Store(lw, known)
	return known
}

// peopleOf returns the lower-case last words of the names of people in s:
// runs of capitalised words (or a title and a name) with a word WordNet
// does not know as a common word ("Daniel Whitcomb", "Mohammed bin
// Salman"; not "Black Sea", "United States", "ISTANBUL").
func (e *Answerer) peopleOf(s *sentence) []string {
	var out []string
	for _, run := range s.feats.persons {
		fs := strings.Fields(run)
		name := false
		for _, w := range fs {
			w = strings.TrimRight(w, "’'s,")
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !e.places.common(w) {
				name = true
			}
		}
		if name {
			out = append(out, strings.ToLower(strings.TrimRight(fs[len(fs)-1], "’'s,")))
		}
	}
	return out
}

// unknownNames returns the names of s that WordNet does not know.
func (e *Answerer) unknownNames(s *sentence) []string {
	var out []string
	for _, n := range s.feats.names {
		if !e.places.common(n) {
			out = append(out, n)
		}
	}
	return out
}

// placesOf returns the names of s that are places.
func (e *Answerer) placesOf(s *sentence) []string {
	var out []string
	for _, n := range s.feats.names {
		if e.places.is(n) {
			out = append(out, n)
		}
	}
	return out
}

// countWindow is how many words after a number may name what it counts
// ("63 vessels", "40 merchant ships").
const countWindow = 3

// countsFocus reports whether s has a number followed closely by what the
// "how many" question counts, or by a word related to it.
func (e *Answerer) countsFocus(q *query, s *sentence) bool {
	w := q.words[q.focus]
	ws := strings.Fields(s.text)
	for i, x := range ws {
		if !reNumber.MatchString(x) || q.given[strings.ToLower(strings.Trim(x, ".,;:"))] {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+countWindow; j++ {
			ts := english.Terms(ws[j])
			if len(ts) == 1 && match(w, func(t string) bool { return t == ts[0] }) > 0 {
				return true
			}
		}
	}
	return false
}
