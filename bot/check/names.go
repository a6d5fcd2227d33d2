package check

import (
	"strings"

	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// connector reports whether t may stand inside a name ("Mohammed bin
// Salman", "Secretary of State").
func connector(t tok) bool {
	w := strings.ToLower(t.raw)
	return w == "of" || english.NameParticle(w)
}

// opener reports whether t opens a sentence, quotation or clause, where
// a capital says nothing about a name.
func opener(ts []tok, i int) bool {
	if i == 0 {
		return true
	}
	p := ts[i-1]
	return p.punct && (p.raw == `"` || p.raw == "“" || p.raw == ":" || p.raw == "(" || p.raw == ".")
}

// namesOf returns the names a claim states: runs of capitalised words
// (with the titles in them: "King Salman"), a title alone, calendar words
// and "I" left out. A capitalised word that
// opens the sentence counts only when WordNet does not know it as a word
// or another capitalised word follows it.
func namesOf(ts []tok) [][]tok {
	var out [][]tok
	for i := 0; i < len(ts); i++ {
		if !ts[i].cap || ts[i].punct {
			continue
		}
		j := i
		var run []tok
		for j < len(ts) && !ts[j].punct && (ts[j].cap || connector(ts[j]) && j+1 < len(ts) && ts[j+1].cap) {
			t := ts[j]
			if t.cap && !english.IsCalendarWord(t.raw) && t.raw != "I" && len(t.terms) > 0 {
				run = append(run, t)
			}
			j++
		}
		if opener(ts, i) && j-i == 1 && len(run) == 1 && wordnet.Known(strings.ToLower(run[0].raw)) {
			run = nil
		}
		if len(run) > 0 && !(len(run) == 1 && title(run[0])) {
			out = append(out, run)
		}
		i = j - 1
	}
	return out
}

// speakerBefore returns the capitalised words naming who speaks at the
// verb ts[v] (before it, "Lavrov said", or after it, "said Lavrov"), and
// whether a pronoun or a bare title speaks instead ("he said", "the
// foreign minister said").
func speakerBefore(ts []tok, v int) (names []tok, pronoun bool) {
	sawTitle := false
	for k := v - 1; k >= 0 && k >= v-8; k-- {
		t := ts[k]
		lw := strings.ToLower(t.raw)
		switch {
		case t.punct && t.raw == "," && len(names) == 0 && !sawTitle && k == v-1:
			// "Bruce, a spokeswoman, said": skip the apposition.
			for k--; k >= 0 && k >= v-12 && ts[k].raw != ","; k-- {
			}
		case t.punct:
			k = -1
		case t.cap && !title(t):
			names = append(names, t)
		case title(t) || connector(t):
			sawTitle = true
		case english.PersonPronoun(lw) || english.SubjectPronoun(lw):
			if len(names) == 0 {
				return nil, true
			}
			k = -1
		case strings.HasSuffix(lw, "ly") && len(names) == 0 && !sawTitle:
			// "Hegseth recently stated"
		default:
			k = -1
		}
	}
	if len(names) == 0 && (v == 0 || ts[v-1].punct) {
		// "..., said Lavrov"
		for k := v + 1; k < len(ts) && k <= v+5; k++ {
			t := ts[k]
			if t.punct || !(t.cap || title(t) || connector(t) || strings.EqualFold(t.raw, "to")) {
				break
			}
			if t.cap && !title(t) {
				names = append(names, t)
			}
		}
	}
	if len(names) == 0 && sawTitle {
		pronoun = true
	}
	return names, pronoun
}

// claimSpeaker returns the name a claim says is speaking ("Trump said
// ..."), or nil when it names none (or a pronoun speaks).
func claimSpeaker(ts []tok) []tok {
	for i, t := range ts {
		if speechVerb(t) || strings.EqualFold(t.raw, "according") {
			names, _ := speakerBefore(ts, i)
			return names
		}
	}
	return nil
}

// speaks reports whether who speaks in sentence k of the passage of s:
// one of the names at its verbs of speech, a "he said" read as the
// speaker (or else the first name) of the nearest sentence before that
// has one. A sentence with no verb of speech lets any name it states
// speak.
func (c *checker) speaks(who []tok, s support) bool {
	ev := c.ev[s.hit]
	k := s.at
	speakers := newBag(nil)
	verbs := false
	for i, t := range ev.sents[k] {
		if !speechVerb(t) && !strings.EqualFold(t.raw, "according") {
			continue
		}
		verbs = true
		names, pronoun := speakerBefore(ev.sents[k], i)
		speakers.add(names)
		if !pronoun && len(names) > 0 {
			continue
		}
		if prevTitle(ev.sents[k], i) {
			// "the president saying": one of the names about.
			for _, ns := range namesOf(ev.sents[k]) {
				speakers.add(ns)
			}
		}
		if k == 0 {
			return true // the speaker is named before the passage begins
		}
		for p := k - 1; p >= 0 && p >= k-2; p-- {
			if ns := namedSpeakers(ev.sents[p]); len(ns) > 0 {
				speakers.add(ns)
				break
			}
		}
	}
	if !verbs {
		// No verb of speech: anyone it names, or the speaker of the
		// sentence before ("the secretary of state also sought to temper
		// expectations: ...").
		for _, t := range ev.sents[k] {
			if t.cap {
				speakers.add([]tok{t})
			}
		}
		if k > 0 {
			speakers.add(namedSpeakers(ev.sents[k-1]))
		}
	}
	for _, t := range who {
		for _, w := range t.words {
			if tm := english.Term(w); tm != "" && c.m.find(speakers, w, tm, true) != "" {
				return true
			}
		}
	}
	return false
}

// prevTitle reports whether a title stands just before the verb ts[v].
func prevTitle(ts []tok, v int) bool {
	return v > 0 && title(ts[v-1])
}

// namedSpeakers returns the names speaking at the verbs of speech of ts,
// or else its first name.
func namedSpeakers(ts []tok) []tok {
	var out []tok
	for i, t := range ts {
		if speechVerb(t) {
			if names, pronoun := speakerBefore(ts, i); !pronoun {
				out = append(out, names...)
			}
		}
	}
	if len(out) == 0 {
		if ns := namesOf(ts); len(ns) > 0 {
			out = ns[0]
		}
	}
	return out
}

// listOf returns the items of the longest list of names in a claim
// ("Poland, Finland and the Baltic states"), each item its last
// capitalised word.
func listOf(ts []tok) []tok {
	var best, cur []tok
	i := 0
	for i < len(ts) {
		// an item: "the"? Cap (Cap|connector)*
		k := i
		if strings.EqualFold(ts[k].raw, "the") {
			k++
		}
		if k >= len(ts) || !ts[k].cap || ts[k].punct {
			if len(cur) > len(best) {
				best = cur
			}
			cur = nil
			i++
			continue
		}
		last := k
		for k < len(ts) && !ts[k].punct && (ts[k].cap || connector(ts[k])) {
			if ts[k].cap {
				last = k
			}
			k++
		}
		cur = append(cur, ts[last])
		// a separator: "," | "and" | "or" | ", and" | ", or"
		sep := k
		if sep < len(ts) && ts[sep].raw == "," {
			sep++
		}
		if sep < len(ts) && (strings.EqualFold(ts[sep].raw, "and") || strings.EqualFold(ts[sep].raw, "or")) {
			sep++
		}
		if sep == k {
			if len(cur) > len(best) {
				best = cur
			}
			cur = nil
		}
		i = max(sep, k)
	}
	if len(cur) > len(best) {
		best = cur
	}
	return best
}

// oneList checks that the items of a claim's list are one list of the
// window: each is there, and between two of them in the window stand only
// the words of a list (commas, "and", names and titles). It returns the
// first item that is not, or "".
func (c *checker) oneList(items []tok, win []tok) string {
	pos := make([]int, 0, len(items))
	for _, it := range items {
		p := -1
		for i, t := range win {
			if t.punct || !t.cap {
				continue
			}
			if len(it.words) > 0 && len(it.terms) > 0 && c.m.find(newBag([]tok{t}), it.words[0], it.terms[0], true) != "" {
				p = i
				break
			}
		}
		if p < 0 {
			return it.raw
		}
		pos = append(pos, p)
	}
	order := make([]int, len(pos))
	copy(order, pos)
	for a := 1; a < len(order); a++ {
		for b := a; b > 0 && order[b] < order[b-1]; b-- {
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
	for a := 1; a < len(order); a++ {
		if order[a]-order[a-1] > 12 {
			return itemAt(items, pos, order[a])
		}
		for k := order[a-1] + 1; k < order[a]; k++ {
			t := win[k]
			lw := strings.ToLower(t.raw)
			if t.punct && t.raw == "," || t.cap || title(t) || connector(t) {
				continue
			}
			switch lw {
			case "and", "or", "the", "as", "well", "former", "special", "top":
				continue
			}
			return itemAt(items, pos, order[a])
		}
	}
	return ""
}

func itemAt(items []tok, pos []int, p int) string {
	for i, q := range pos {
		if q == p {
			return items[i].raw
		}
	}
	return ""
}
