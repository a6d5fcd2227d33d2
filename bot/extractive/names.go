package extractive

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/retrieval"
)

// places tells which names are places, by WordNet: a place is a noun that
// is part of another place (Riyadh of Saudi Arabia, Poland of Europe) or a
// kind of region ("country", "city", "state"). Answers to "where" and
// "which countries" name places. Looked up on first need and remembered.
type places struct {
	known sync.Map // lower-case word -> whether it is a place
	words sync.Map // lower-case word -> whether WordNet has it
	kinds sync.Map // lower-case word -> its hypernyms up to hypernymDepth (map[string]bool)
}

// hypernymDepth is how far up WordNet's hypernyms the kind of a noun is
// read, for every kind asked of it: "palace" is a residence, a house, a
// building; "vehicle" is four above "car"; "location", "monetary unit" and
// "currency" sit within four of the nouns that name them. Further up are
// "instrumentality" and "artifact", which count nothing a reader asks
// about. (A person and a feeling have their own depths.)
const hypernymDepth = 4

// commonSenses is how many of a word's senses, commonest first, stand for
// what it names when the text gives nothing to choose by: "bank" is a
// financial institution in its second sense, a slope in its first.
const commonSenses = 2

// kindsOf returns the lemmas a lower-case word is a kind (or instance) of,
// through its commonSenses, up to hypernymDepth levels.
func (p *places) kindsOf(w string) map[string]bool {
	if v, ok := p.kinds.Load(w); ok {
		return v.(map[string]bool)
	}
	out := map[string]bool{}
	walkHypernyms(w, hypernymDepth, commonSenses, func(lemma string) bool {
		out[lemma] = true
		return false
	})
	p.kinds.Store(w, out)
	return out
}

// typedCount counts the names of s, not given by the question, that are
// instances of the noun a "which X" question asks for: a name whose
// WordNet kinds include it ("Poland" is a country), a name whose head noun
// is one ("Diriyah Palace": a palace is a building), a name the articles
// call one (isCalled: "the port city of Samsun"), or a name in apposition
// with the noun ("its contractor, Verrant Process Services"). (The noun
// before "of" and a name, counted in the sentence by reTypeOf until the
// sixty-seventh session, made "the members of the Council" named
// members; isCalled takes it only of a place.)
func (e *Answerer) typedCount(q *query, s *sentence) int {
	n := 0
	for _, name := range s.f().names {
		if !q.given[name] && (e.places.kindsOf(name)[q.typ] || e.isCalled(q, s.article, name, q.typ)) {
			n++
		}
	}
	if typ := english.Term(q.typ); s.terms[typ] > 0 { // else no "city of" can match
		n += apposedCount(q, s, typ)
	}
	return n
}

// isCalled reports whether an article retrieved for q (or a's own) calls
// the lower-case name a typ, or a kind of one: "the village of Oskel"
// makes Oskel a village and a settlement for "which villages", though
// WordNet knows no Oskel. (Only the articles retrieved are read, so that
// a question reads a handful of articles at any size of corpus.)
func (e *Answerer) isCalled(q *query, a *corpus.Article, name, typ string) bool {
	calls := func(id string) bool {
		as := e.sentencesOf(id)
		if as == nil {
			return false
		}
		as.calledOnce.Do(func() { as.called = calledBy(as.sents) })
		return slices.ContainsFunc(as.called[name], func(noun string) bool {
			return noun == typ || e.places.kindsOf(noun)[typ]
		})
	}
	return calls(a.ID) || slices.ContainsFunc(q.retrieved, calls)
}

// calledBy reads, from an article's sentences, the common nouns it calls
// each name by (lower-case, by the name's first word): the noun before
// "of" and the name or names ("the port of Ostmere", "the ports of Odesa,
// Chornomorsk and Pivdennyi"), the noun before the name
// ("the contractor Verrant"), and the noun of an apposition after it
// ("Kolbrin, a town of 6,000"). WordNet knows the kinds of real places
// and bodies; the articles' own names it learns from the articles.
func calledBy(sents []*sentence) map[string][]string {
	out := map[string][]string{}
	add := func(name, noun string, of bool) {
		name, noun = strings.ToLower(name), lemmaNoun(strings.ToLower(strings.Trim(noun, ",.;:")))
		if wordnet.Known(name) {
			return // WordNet knows the kinds of a name it has
		}
		// A place, a body or a made thing: "the mayor of Santelva" is
		// of it, not it; after "of", a place only ("the village of
		// Oskel", not "the ministry of Varenia").
		thing := slices.ContainsFunc(wordnet.Classes(noun, wordnet.Noun, commonSenses), func(c string) bool {
			return c == "noun.location" || !of && (c == "noun.group" || c == "noun.artifact" || c == "noun.object")
		})
		if thing && !english.IsStopWord(noun) && !slices.Contains(out[name], noun) {
			out[name] = append(out[name], noun)
		}
	}
	det := func(w string) bool { return english.Determiner(strings.ToLower(w)) }
	// modified reports whether ws ends with a determiner and at most two
	// words that qualify the noun after them ("the Melorian", "a small").
	modified := func(ws []string) bool {
		for k := len(ws) - 1; k >= 0 && k >= len(ws)-3; k-- {
			if det(ws[k]) {
				return true
			}
			if strings.ContainsAny(ws[k], ",.;:") || !unicode.IsLetter([]rune(ws[k])[0]) {
				return false
			}
		}
		return false
	}
	isName := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	for _, s := range sents {
		ws := strings.Fields(s.text)
		for i := 1; i < len(ws); i++ {
			w := strings.Trim(ws[i], ",.;:()\"'“”’")
			if !isName(w) {
				continue
			}
			j := i - 1
			if ws[j] == "the" && j > 0 && ws[j-1] == "of" {
				j--
			}
			switch {
			case ws[j] == "of" && j >= 2 && modified(ws[:j-1]):
				// "the port of Ostmere", "the Melorian town of Vennick";
				// not "24 km north of Orlen", nor "the Foreign Ministry
				// of Varenia". Each name of a list is one too: "the
				// ports of Odesa, Chornomorsk and Pivdennyi".
				add(w, ws[j-1], true)
				for k := i + 1; k < len(ws) && !strings.ContainsAny(ws[k-1], ".;:"); k++ {
					sep := strings.HasSuffix(ws[k-1], ",")
					if (ws[k] == "and" || ws[k] == "or") && k+1 < len(ws) {
						k, sep = k+1, true
					}
					v := strings.Trim(ws[k], ",.;:()\"'“”’")
					if !isName(v) {
						break
					}
					if sep {
						add(v, ws[j-1], true)
					}
				}
			case ws[j] != "of" && j >= 1 && det(ws[j-1]) && !strings.ContainsAny(ws[j], ",.;:"):
				add(w, ws[j], false) // "the contractor Verrant"
			}
			if strings.HasSuffix(ws[i], ",") && i+2 < len(ws) && (ws[i+1] == "a" || ws[i+1] == "an") {
				// "Kolbrin, a town of 6,000", "Kolbrin, a small town"
				// (not "..., the ministry said", a clause of its own).
				add(w, ws[i+2], false)
				if i+3 < len(ws) {
					add(w, ws[i+3], false)
				}
			}
		}
	}
	return out
}

// apposedCount counts the nouns of s whose term is typ in apposition with
// a name the question does not give: "its contractor, Verrant Process
// Services", "the contractor Verrant", "Verrant Process Services, the
// contractor that fitted it".
func apposedCount(q *query, s *sentence, typ string) int {
	ws := strings.Fields(s.text)
	name := func(w string) bool {
		w = strings.Trim(w, ",.;:()\"'“”’")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
		l := strings.ToLower(w)
		return slices.Contains(s.f().names, l) && !q.given[l]
	}
	n := 0
	for i, w := range ws {
		if english.Term(strings.Trim(w, ",.;:")) != typ {
			continue
		}
		if i+1 < len(ws) && name(ws[i+1]) || i >= 2 && english.Determiner(strings.ToLower(ws[i-1])) && strings.HasSuffix(ws[i-2], ",") && name(ws[i-2]) {
			n++
		}
	}
	return n
}

// is reports whether the lower-case name w is a place: WordNet files one
// of its commonSenses as a location ("Cairo", "Saudi Arabia") or a
// natural object ("Red Sea", "Strait of Hormuz", "Crimea").
func (p *places) is(w string) bool {
	if v, ok := p.known.Load(w); ok {
		return v.(bool)
	}
	place := slices.ContainsFunc(wordnet.Classes(w, wordnet.Noun, commonSenses), func(c string) bool {
		return c == "noun.location" || c == "noun.object"
	})
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
// runs of capitalised words (reNameRun) with a word WordNet
// does not know as a common word ("Daniel Whitcomb", "Mohammed bin
// Salman"; not "Black Sea", "United States", "ISTANBUL").
func (e *Answerer) peopleOf(s *sentence) []string {
	var out []string
	for _, run := range s.f().persons {
		fs := strings.Fields(run)
		// A run that opens the sentence may open with a word that is no
		// part of a name: "The Kremlin", "In Dolynska".
		for len(fs) > 1 && english.IsStopWord(strings.ToLower(fs[0])) {
			fs = fs[1:]
		}
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
	for _, n := range s.f().names {
		if !e.places.common(n) {
			out = append(out, n)
		}
	}
	return out
}

// placesOf returns the names of s that are places.
func (e *Answerer) placesOf(s *sentence) []string {
	var out []string
	for _, n := range s.f().names {
		if e.places.is(n) {
			out = append(out, n)
		}
	}
	return out
}

// countGoesOn reports whether a number's noun phrase goes on after the
// stop word w: "$120 million in compensation", "90 of the branches",
// "40 of their members" ("in", "of", "the", a possessive), "14 people
// were arrested", "30 had been hurt" (a form of be or have); not "250
// trucks a day" (an indefinite article starts another phrase).
func countGoesOn(w string) bool {
	a := english.Auxiliary(w)
	return w == "in" || w == "of" || w == "the" || english.Possessive(w) || a == "be" || a == "have"
}

// countWindow is how many words after a number may name what it counts
// ("63 vessels", "40 merchant ships").
const countWindow = 3

// countsFocus is how well s counts what the "how many" question counts: 1
// for an exact number followed closely by the word counted or one that
// stands for it ("40 merchant ships" for "how many ships"); half for a
// vague quantity ("dozens of ships") or a number of something broader
// ("63 vessels": WordNet has a ship as a kind of vessel); 0 for no number
// of it (a number of warships is no number of ships).
func (e *Answerer) countsFocus(q *query, s *sentence) float64 {
	return e.countsWord(q, q.focus, q.broaderKinds, s)
}

// countsWord is countsFocus for the question's word at, whose broader
// kinds kinds returns.
func (e *Answerer) countsWord(q *query, at int, kinds func() map[string]bool, s *sentence) float64 {
	w := q.words[at]
	ws := strings.FieldsFunc(s.text[sectionLabel(s.text):], func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	best := 0.0
	numberOf := -1 // where "the number of ships" ends, whose figure follows
	for i, x := range ws {
		x = strings.ToLower(strings.Trim(x, ".,;:()\"“”"))
		if x == "number" && i+2 < len(ws) && ws[i+1] == "of" {
			for j := i + 2; j < len(ws) && j <= i+1+countWindow; j++ {
				if ts := english.Terms(ws[j]); len(ts) == 1 && closeMatch(w, ts[0]) {
					numberOf = j
				}
			}
		}
		if !isNumber(x) || q.given[x] {
			continue
		}
		if numberOf >= 0 && i-numberOf <= clauseWindow && !vague(x) {
			// "revised the number of ships delayed ... to 287"
			best = max(best, 1)
		}
		exact := 1.0
		if vague(x) || x == "one" {
			exact = 0.5 // "one dose for everyone": a determiner as often as a count
		}
		var phrase []string // the terms after the number, for a compound ("14 observation posts")
		for j := i + 1; j < len(ws) && j <= i+countWindow; j++ {
			if x := strings.ToLower(strings.Trim(ws[j], ".,;:()\"“”'’")); english.IsStopWord(x) && !countGoesOn(x) || strings.ContainsAny(ws[j-1], ",;:.") && j > i+1 {
				// What it counts is before a stop word that starts
				// another phrase, or a comma: "600 calls from
				// passengers" counts calls ("$120 million in
				// compensation", "14 people were arrested" go on; see
				// countGoesOn).
				break
			}
			ts := english.Terms(ws[j])
			phrase = append(phrase, ts...)
			if compound := strings.Split(w.Term, "+"); len(compound) > 1 && !slices.ContainsFunc(compound, func(t string) bool { return !slices.Contains(phrase, t) }) {
				best = max(best, exact)
			}
			if len(ts) != 1 {
				continue
			}
			switch {
			case closeMatch(w, ts[0]):
				best = max(best, exact)
			case match(w, func(t string) bool { return t == ts[0] }) > 0:
				best = max(best, exact/2)
			case kinds()[lemmaNoun(strings.ToLower(strings.Trim(ws[j], ".,;:()\"“”'’")))]:
				// "how many cars": "Eleven vehicles, among them a bus":
				// a count of a kind that includes what is asked.
				best = max(best, exact/2)
			}
		}
	}
	return best
}

// broaderKinds returns the kinds the noun a count question counts is a
// kind of, up to hypernymDepth hypernyms up its first sense ("car" -> motor
// vehicle -> ... -> vehicle), and, for a group, the members WordNet gives
// it ("police" -> officer, policeman): read once a question.
func (q *query) broaderKinds() map[string]bool {
	if q.kinds == nil {
		q.kinds = map[string]bool{}
		w := lemmaNoun(strings.ToLower(q.words[q.focus].Word))
		walkHypernyms(w, hypernymDepth, 1, func(h string) bool {
			q.kinds[h] = true
			return false
		})
		if inClass(w, "noun.group") {
			// "how many police": "60 officers" counts the group by
			// its members (WordNet's member meronyms of a group).
			for _, r := range wordnet.RelatedIn(w, 1, nil) {
				if r.Kind == wordnet.Meronym && r.POS == wordnet.Noun {
					q.kinds[r.Lemma] = true
				}
			}
		}
	}
	return q.kinds
}

// countsPeople reports whether s has an exact number of people: a number
// followed closely by "people" or the plural of a kind of person ("200
// protesters", "nine members"), or by a capitalised plural ("1.3 million
// Valdorians").
func (e *Answerer) countsPeople(s *sentence) bool {
	ws := strings.FieldsFunc(s.text[sectionLabel(s.text):], func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	for i, x := range ws {
		if x = strings.ToLower(strings.Trim(x, ".,;:()\"“”")); !isNumber(x) || vague(x) {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+countWindow; j++ {
			w := strings.Trim(ws[j], ".,;:()\"“”'’")
			lw := strings.ToLower(w)
			if lw == "people" || lw == "persons" || pluralPerson(lw) ||
				w != lw && strings.HasSuffix(w, "s") && !e.places.common(w) {
				return true
			}
		}
	}
	return false
}

// pluralPerson reports whether the lower-case w is the plural of a kind
// of person: "protesters", "members", and "men", which WordNet also has as
// a noun of its own.
func pluralPerson(w string) bool {
	return slices.ContainsFunc(wordnet.Lemmas(w), func(l wordnet.Lemma) bool {
		return l.POS == wordnet.Noun && l.Word != w && isPersonNoun(l.Word)
	})
}

// lemmaNoun returns the base form of w as a noun ("farmers": "farmer"), or
// w itself.
func lemmaNoun(w string) string {
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun {
			return l.Word
		}
	}
	return w
}

// namesNear counts the capitalised words of s, not the question's and not
// opening the sentence, near what the question asks the name of (see
// focusWithin): "the Diriyah Palace" for "what's the palace called".
func (e *Answerer) namesNear(q *query, s *sentence) int {
	w := q.words[q.focus]
	ws := strings.Fields(s.text)
	focus := make([]bool, len(ws))
	// A compound ("snow leopard") is named beside its head ("Saska, a
	// snow leopard,"); the sentence's words are read one at a time.
	heads := map[string]bool{}
	for _, a := range w.Alts {
		if len(a.Terms) > 1 && a.Weight >= retrieval.RelatedWeight {
			heads[a.Terms[len(a.Terms)-1]] = true
		}
	}
	for i, x := range ws {
		if ts := english.Terms(x); len(ts) == 1 && (heads[ts[0]] || match(w, func(t string) bool { return t == ts[0] }) >= retrieval.RelatedWeight) {
			focus[i] = true
		}
	}
	n := 0
	for i, x := range ws {
		x = strings.Trim(x, ".,;:()\"“”'’")
		r, _ := utf8.DecodeRuneInString(x)
		if i == 0 || !unicode.IsUpper(r) || focus[i] || q.given[strings.ToLower(x)] || english.IsCalendarWord(x) || english.IsStopWord(strings.ToLower(x)) {
			continue // (and "A" after a dateline: "(KPA) - A container ship")
		}
		if q.people && !inPersonName(ws, i) {
			continue
		}
		if focusWithin(ws, focus, i) {
			n++
		}
	}
	return n
}

// personWords counts the words of people's names in s (see inPersonName)
// that the question does not give.
func personWords(q *query, s *sentence) int {
	ws := strings.Fields(s.text)
	n := 0
	for i, x := range ws {
		x = strings.Trim(x, ".,;:()\"“”'’")
		r, _ := utf8.DecodeRuneInString(x)
		if i == 0 || !unicode.IsUpper(r) || q.given[strings.ToLower(x)] || english.IsCalendarWord(x) {
			continue
		}
		if inPersonName(ws, i) {
			n++
		}
	}
	return n
}

// inPersonName reports whether ws[i] is a word of a person's name as the
// articles write one (see retrieval's buildPeople): a run of capitalised
// words, name particles between them ("Mohammed bin Salman"), that ends
// in a word WordNet does not know ("Mira Holt", "Captain Okonen"; not
// "Corvel Pass", "the Rescue Service (TMRS)", nor "Emil" alone).
func inPersonName(ws []string, i int) bool {
	capital := func(j int) bool {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(ws[j], "(\"“‘'"))
		return unicode.IsUpper(r)
	}
	ends := func(j int) bool { return strings.ContainsAny(ws[j], ",;:.!?)") }
	opens := func(j int) bool { return strings.HasPrefix(ws[j], "(") }
	start, end := i, i
	for start > 0 && !opens(start) && capital(start-1) && !ends(start-1) {
		start--
	}
	for end < len(ws)-1 && !ends(end) && !opens(end+1) {
		if capital(end + 1) {
			end++
		} else if end+2 < len(ws) && english.NameParticle(ws[end+1]) && capital(end+2) {
			end += 2 // "Mohammed bin Salman": the name goes on past "bin"
		} else {
			break
		}
	}
	last := strings.Trim(ws[end], ".,;:!?()\"“”'’")
	last = strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")
	return end > start && strings.ToUpper(last) != last && !wordnet.Known(strings.ToLower(last))
}

// focusWithin reports whether a focus word stands within phraseWindow words
// of ws[i], with no comma, semicolon or colon between ("seen by Harbour
// Wire, ships will sail" names no ship), or just before it with a comma,
// naming it in apposition ("the girl, Mira Holt").
func focusWithin(ws []string, focus []bool, i int) bool {
	if i > 0 && focus[i-1] && strings.HasSuffix(ws[i-1], ",") {
		return true // an apposition: "the ferry's master, Captain Dorran"
	}
	k := i
	if k+1 < len(ws) && isAge(ws[k+1]) {
		k++ // "Hana Kovač, 54, a nurse": the age between
	}
	if strings.HasSuffix(ws[i], ",") && k+1 < len(ws) && english.Determiner(strings.ToLower(ws[k+1])) {
		// The apposition after the name: "Saska, a snow leopard,"
		// (not "seen by Harbour Wire, ships will sail").
		for j := k + 1; j < len(ws) && j <= k+phraseWindow; j++ {
			if focus[j] {
				return true
			}
			if strings.ContainsAny(ws[j], ",;:") {
				break
			}
		}
	}
	for j := i - 1; j >= 0 && j >= i-phraseWindow && !parts(ws[j]); j-- {
		if focus[j] {
			return true
		}
	}
	for j := i; j < len(ws) && j <= i+phraseWindow; j++ {
		if j > i && focus[j] {
			return true
		}
		if parts(ws[j]) {
			break
		}
	}
	return false
}

// parts reports whether the word w of a sentence ends a part of it: a
// comma, semicolon or colon at its end, or a dash of its own (a wire's
// dateline, "PORT ELVENMOUTH, Kestland, April 29 (KPA) - A container ship
// lost ...", names no ship).
func parts(w string) bool {
	return strings.ContainsAny(w, ",;:") || w == "-" || w == "–" || w == "—"
}

// isAge reports whether a word of a sentence is an age set between
// commas after a name: "54," in "Hana Kovač, 54, a nurse".
func isAge(w string) bool {
	n, ok := strings.CutSuffix(w, ",")
	return ok && len(n) <= 3 && strings.Trim(n, "0123456789") == "" && n != ""
}

// vague reports whether the number word x gives no exact number: a
// number word in the plural ("dozens of ships", "hundreds", "millions").
func vague(x string) bool {
	one, plural := strings.CutSuffix(x, "s")
	return plural && numberWords[one]
}

// numberWords are english's words written for numbers ("fourteen times",
// "a dozen ships"), as a set: numberLocs finds them in a sentence,
// isNumber reads one word.
var numberWords = wordSet(strings.Join(english.CountWords(), " "))

// numberLocs returns where text writes a number: a figure in digits
// (reFigure's, "3,412", "1.5"; not one a word runs on from, "10th") or a
// word of numberWords ("Nine members"). The spans are in order.
func numberLocs(text string) [][]int {
	var out [][]int
	for _, m := range reFigure().FindAllStringSubmatchIndex(text, -1) {
		if end := m[3]; end < len(text) && isWordByte(text[end]) {
			continue
		}
		out = append(out, m[2:4])
	}
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if numberWords[strings.ToLower(text[i:j])] {
			out = append(out, []int{i, j})
		}
		i = j
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// sectionLabel returns the length of the label a sentence of a numbered
// document opens with ("3.4 Oiled seabirds have been reported", "5. Late
// notification."): digits with a dot before a capital, which number the
// section and count nothing; 0 if none ("120 Dalmoran boats", "3.4 million
// people").
func sectionLabel(text string) int {
	label, rest, ok := strings.Cut(text, " ")
	if !ok || !strings.Contains(label, ".") || rest == "" || !unicode.IsUpper([]rune(rest)[0]) {
		return 0
	}
	for _, r := range label {
		if r != '.' && (r < '0' || r > '9') {
			return 0
		}
	}
	return len(label)
}

// isNumber reports whether the lower-case word x is a number: digits, or a
// number word (as reNumber has them). A time of day is none: "11:45 The
// Eastmoor Ambulance Service" counts no ambulances, "09:40 Rescuers say"
// no rescuers.
func isNumber(x string) bool {
	if x == "" {
		return false
	}
	if x[0] >= '0' && x[0] <= '9' {
		return !strings.Contains(x, ":")
	}
	return numberWords[x]
}

// durationNear reports whether a duration in s stands within countWindow
// words of a word of the question ("the 4.5-hour meeting" for "how long
// did the meeting last"), or measures what the sentence before told of
// (see refersBack).
func (e *Answerer) durationNear(q *query, s *sentence) bool {
	for _, loc := range durationLocs(s.text) {
		if isRate(s.text, loc) {
			continue // "40 ships a week": how often, not how long
		}
		if by := differenceVerb(s.text, loc); by != "" && !closeToAny(q, by) {
			// "extended by one day": how much longer, not how long,
			// unless the question asks about the extension.
			continue
		}
		// Before it, the words of its clause: what lasts is often the
		// subject of the verb the duration ends ("no inspection would be
		// allowed to take longer than six hours").
		if inClauseOf(q, s.text, loc) || endsWithin(q, s.text, loc) {
			return true
		}
		if refersBack(q, s, loc) {
			return true
		}
	}
	return false
}

// endsWithin reports whether the duration at text[loc[0]:loc[1]] runs to
// what a clause after it tells, and a word of the question is in that
// clause: "burned for 31 hours before it was put out", "took six days to
// clear", "will have gone 14 months by the time it reopens" (up to
// clauseWindow words, not past a comma). The clause opens with a function
// word, one of english's stop words ("before", "until", "to", "by"): a
// conjunction or preposition, where a list of four had been.
func endsWithin(q *query, text string, loc []int) bool {
	after := strings.Fields(text[loc[1]:])
	if len(after) < 2 {
		return false
	}
	if !english.IsStopWord(strings.ToLower(after[0])) {
		return false
	}
	for _, x := range after[1:min(clauseWindow, len(after))] {
		ts := english.Terms(x)
		for _, w := range q.words {
			if len(ts) > 0 && match(w, func(t string) bool { return slices.Contains(ts, t) }) > 0 {
				return true
			}
		}
		if endsClause(x) {
			break
		}
	}
	return false
}

// refersBack reports whether the duration at s.text[loc[0]:loc[1]]
// measures a definite noun ("the 4.5-hour meeting") after a sentence that
// has a word of the question ("Officials held their first direct talks
// on Tuesday." for "how long did they talk"): "the meeting" is the event
// the sentence before told of, in another word.
func refersBack(q *query, s *sentence, loc []int) bool {
	before := strings.Fields(s.text[:loc[0]])
	p := s.sibling(-1)
	if len(before) == 0 || !strings.EqualFold(before[len(before)-1], "the") || p == nil {
		return false
	}
	return slices.ContainsFunc(q.words, func(w retrieval.QueryWord) bool {
		return match(w, func(t string) bool { return p.terms[t] > 0 }) >= 1
	})
}

// inClauseOf reports whether a word of the question stands in the clause
// before text[loc[0]:loc[1]] (up to clauseWindow words back, not past a
// comma) or among the countWindow words after it. Beyond countWindow,
// only the question's own word counts: a related one that far off is
// chance ("gone out ... in five days" for "go on").
func inClauseOf(q *query, text string, loc []int) bool {
	before := strings.Fields(text[:loc[0]])
	from := len(before)
	for from > 0 && from > len(before)-clauseWindow && (from == len(before) || !endsClause(before[from-1])) {
		from--
	}
	after := strings.Fields(text[loc[1]:])
	near := append(before[from:len(before):len(before)], after[:min(countWindow, len(after))]...)
	for i, x := range near {
		least := 0.0
		if i < len(before)-from-countWindow {
			least = 0.99
		}
		ts := english.Terms(x)
		for _, w := range q.words {
			if len(ts) > 0 && match(w, func(t string) bool { return slices.Contains(ts, t) }) > least {
				return true
			}
		}
	}
	return false
}

// differenceVerb returns, for a duration that says by how much
// something changed ("extended them by one day", "delayed by about a
// week"), the word before "by"; "" for any other duration.
func differenceVerb(text string, loc []int) string {
	before := strings.Fields(text[:loc[0]])
	n := len(before)
	if n > 1 && (before[n-1] == "about" || before[n-1] == "roughly" || before[n-1] == "nearly" || before[n-1] == "almost") {
		n--
	}
	if n < 2 || before[n-1] != "by" {
		return ""
	}
	if n > 2 && english.IsStopWord(strings.ToLower(before[n-2])) {
		return strings.ToLower(before[n-3]) // "extended them by"
	}
	return strings.ToLower(before[n-2])
}

// closeToAny reports whether word x is one of the question's words or
// closely related to one.
func closeToAny(q *query, x string) bool {
	return closeTo(q, x, func(retrieval.QueryWord) float64 { return retrieval.BroaderWeight })
}

// closeTo reports whether word x meets one of the question's words w at
// least at share least(w) of its weight.
func closeTo(q *query, x string, least func(w retrieval.QueryWord) float64) bool {
	ts := english.Terms(x)
	if len(ts) != 1 {
		return false
	}
	for _, w := range q.words {
		if match(w, func(t string) bool { return t == ts[0] }) >= least(w) {
			return true
		}
	}
	return false
}

// endsClause reports whether a word closes a clause ("Tuesday,"); a clock
// time ("10:02") does not.
func endsClause(w string) bool {
	return strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":")
}

// closeMatch reports whether term t stands for w more closely than a
// broader word does: a number of ships is no number of warships.
func closeMatch(w retrieval.QueryWord, t string) bool {
	for _, a := range w.Alts {
		if a.Match != retrieval.Broader && len(a.Terms) == 1 && a.Terms[0] == t {
			return true
		}
	}
	return false
}

// reNameRun finds a run of capitalised words that may be a name.
var reNameRun = lazy(nameRun)

// nameRun is a run of capitalised words, with the particles of Arabic,
// Dutch and German names between them ("Faisal bin Farhan").
const nameRun = `\b[A-Z][\p{L}’'-]+(?:\s+(?:(?:bin|al|de|van|von|der)\s+){0,2}[A-Z][\p{L}’'-]+)+`

// reApposition finds what follows a name that says what the person is:
// between commas (group 1), a relative clause or a noun phrase ("Daniel
// Whitcomb, who heads the 12-member U.S. delegation,", "Arkady Tsvetkov,
// Russia's deputy transport minister,", "Dana Koval, leader of the
// opposition Mountain Party,", after an age: "Mirela Kostova, 38, a line
// worker"); after "is" (group 2), a writer's note ("Elena Varga is
// professor of economics at ..."). A full stop ends it unless it ends an
// abbreviation inside it ("the U.S. delegation"); a comma, a colon or a
// quotation ends it.
var reApposition = lazy(`^(?:,\s+(?:\d{1,3},\s+)?((?:who|a|an|the|their|his|her|its|our|[A-Z][\p{L}.-]*(?:'s|’s)|` + english.TitlePattern + `)\b(?:[^,.;:"“”]|\.(?:\S|\s+[a-z0-9]))*)|\s+is\s+((?:a|an|the)?\s*[a-z](?:[^,.;:"“”]|\.(?:\S|\s+[a-z0-9]))*))`)

// descriptions returns, for an article's sentences, what the article says
// each person is, by the term of their surname: the terms of the title
// before the name and of the apposition after it, wherever the article
// names them. A question may name a person by what they are ("the head of
// the U.S. team", "the Kremlin aide") where the sentence that answers names
// them, or says "he".
func descriptions(sents []*sentence) map[string]map[string]bool {
	return describePeople(sents).desc
}

// peopleOfArticle is what an article says of the people it names, by the
// term of their surname: desc, their descriptions (see descriptions);
// personal, those a person's noun or title describes ("the woman, Leila
// Marchetti", "Ilse Varga, 71, a retired schoolteacher", "Dr Emil
// Strand"), not a place or a body ("Port Halsted"); named, the sentences
// that name them by a surname no dictionary has (see describePeople).
type peopleOfArticle struct {
	desc     map[string]map[string]bool
	personal map[string]bool
	named    map[string][]*sentence
}

// describePeople reads an article's sentences for peopleOfArticle.
func describePeople(sents []*sentence) peopleOfArticle {
	out := map[string]map[string]bool{}
	p := peopleOfArticle{desc: out, personal: map[string]bool{}, named: map[string][]*sentence{}}
	for _, s := range sents {
		for _, loc := range reNameRun().FindAllStringIndex(s.text, -1) {
			name := strings.Fields(s.text[loc[0]:loc[1]])
			surname := strings.TrimRight(name[len(name)-1], "’'s,")
			last := english.Terms(surname)
			if len(last) > 1 && strings.Contains(surname, "-") {
				last = last[len(last)-1:] // "Orlov-Benn": by its last part, as its speaker's terms have it
			}
			if len(last) != 1 {
				continue
			}
			d := out[last[0]]
			if d == nil {
				d = map[string]bool{}
				out[last[0]] = d
			}
			if w := strings.TrimRight(name[len(name)-1], "’'s,"); !wordnet.Known(strings.ToLower(w)) && strings.ToUpper(w) != w && !english.IsStopWord(strings.ToLower(name[0])) {
				// A surname no dictionary has ("Liberal Party", "Mr
				// Speaker" are none; "In Brask" is a place), not a
				// transcript's label ("Mr KASSEL (Liberal Party): Will
				// the minister give way?"), whose words are what they
				// say.
				if ns := p.named[last[0]]; len(ns) == 0 || ns[len(ns)-1] != s {
					p.named[last[0]] = append(ns, s)
				}
			}
			var words []string
			words = append(words, name...)
			// The title before the name: the words back to a comma, a
			// colon (a speaker's label: "VELL: Mr Rohde"), a verb of
			// speech or the sentence's start.
			before := strings.Fields(s.text[:loc[0]])
			for i := len(before) - 1; i >= 0 && i >= len(before)-phraseWindow; i-- {
				w := before[i]
				if titleJoint(before, i) {
					continue // "Minister for Foreign Affairs", "Secretary of State"
				}
				if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || english.IsStopWord(strings.ToLower(w)) || reSpeech().MatchString(w) {
					break
				}
				words = append(words, w)
			}
			// A noun phrase before the name, set off by a comma: "a lorry
			// driver, Kevin Marsh,", "the general secretary, Marta Quillan".
			if n := len(before); n > 1 && strings.HasSuffix(before[n-1], ",") {
				for i := n - 2; i >= 0 && i >= n-1-phraseWindow; i-- {
					if english.Determiner(strings.ToLower(before[i])) {
						words = append(words, before[i+1:]...)
						break
					}
					if strings.ContainsAny(before[i], ",.;:") {
						break
					}
				}
			}
			if m := reApposition().FindStringSubmatch(s.text[loc[1]:]); m != nil && m[1] != "" {
				// The description after the name, to its closing comma: "a
				// former air traffic controller who now leads the
				// opposition Civic Union in the Calvenian parliament".
				words = append(words, strings.Fields(m[1])...)
			} else if m != nil && loc[0] == 0 {
				// A writer's note: "Elena Varga is professor of economics
				// at the University of Sarnoc." A noun phrase, not a verb's
				// ("is expected to resign").
				if ws := strings.Fields(m[2]); english.Determiner(ws[0]) || isNoun(ws[0]) {
					words = append(words, ws...)
				}
			}
			for _, t := range english.Terms(strings.Join(words, " ")) {
				d[t] = true
			}
			if !p.personal[last[0]] && slices.ContainsFunc(words[len(name):], func(w string) bool {
				w = strings.Trim(w, ",.;:()\"“”")
				return english.IsTitle(w) || isPersonNoun(strings.ToLower(w))
			}) || slices.ContainsFunc(name[:len(name)-1], func(w string) bool { return english.IsTitle(w) }) {
				p.personal[last[0]] = true
			}
		}
	}
	return p
}

// titleJoint reports whether ws[i] is the "of" or "for" inside a
// capitalised title ("Minister for Foreign Affairs", "Secretary of
// State"): a title word before it, a capitalised word after it (after
// the last of ws comes a name).
func titleJoint(ws []string, i int) bool {
	if w := ws[i]; (w != "of" && w != "for") || i == 0 {
		return false
	}
	if i+1 < len(ws) {
		if r, _ := utf8.DecodeRuneInString(ws[i+1]); !unicode.IsUpper(r) {
			return false
		}
	}
	return english.IsTitle(strings.Trim(ws[i-1], ","))
}

// described returns the terms of what the article says the sentence's
// speakers are (see descriptions); nil when it reports no speech.
func (s *sentence) described() map[string]bool {
	spk := s.spk()
	if len(spk) == 0 {
		return nil
	}
	s.people.once.Do(func() { s.people.of = describePeople(s.all) })
	out := map[string]bool{}
	for t := range spk {
		for d := range s.people.of.desc[t] {
			out[d] = true
		}
	}
	return out
}

// pooledDescriptions returns what the articles of hits say their people
// are, by surname (see descriptions): a live blog's "Halvorsen, speaking
// during the lunch break" is the envoy another article introduces.
func (e *Answerer) pooledDescriptions(hits []retrieval.Hit) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	done := map[string]bool{}
	for _, h := range hits {
		as := e.sentencesOf(h.Passage.Article)
		if as == nil || done[h.Passage.Article] || len(as.sents) == 0 {
			continue
		}
		done[h.Passage.Article] = true
		s := as.sents[0]
		s.people.once.Do(func() { s.people.of = describePeople(s.all) })
		for name, d := range s.people.of.desc {
			if out[name] == nil {
				out[name] = map[string]bool{}
			}
			for t := range d {
				out[name][t] = true
			}
		}
	}
	return out
}

// describedIn reports whether a speaker of s is described, in pool, by a
// term has accepts.
func (s *sentence) describedIn(pool map[string]map[string]bool, has func(map[string]bool) bool) bool {
	for t := range s.spk() {
		if d := pool[t]; d != nil && has(d) {
			return true
		}
	}
	return false
}

// nameGoesOn reports whether ws[i], a capitalised common word, begins a
// name of several capitalised words ("Port Meridian", "Old Customs
// House"), which no common noun is; not a title before a person's name
// ("President Drevic").
func nameGoesOn(ws []string, i int) bool {
	if i+1 >= len(ws) || strings.ContainsAny(ws[i], ",;:.") || english.IsTitle(strings.Trim(ws[i], "\"“”()")) {
		return false
	}
	next := strings.Trim(ws[i+1], ".,;:\"“”()")
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && !english.IsCalendarWord(next)
}

// continuesPlace reports whether the word at i goes on with a place phrase
// ("at the headquarters of the Energy Council (NBEC) in Kessvik"): an
// article, "of", a preposition of place, a name, or the noun after an
// article.
func continuesPlace(ws []string, i int) bool {
	w := strings.Trim(ws[i], ".,;:\"“”'’")
	lw := strings.ToLower(w)
	switch {
	case lw == "the" || lw == "a" || lw == "an" || lw == "of" || rePlacePrep().MatchString(lw):
		return true
	case strings.HasPrefix(w, "("):
		return true
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	prev := strings.ToLower(ws[i-1]) // placeNear puts the preposition in place of "the"
	return prev == "the" || prev == "a" || prev == "an" || rePlacePrep().MatchString(prev)
}

// rePlacePrep matches the prepositions that introduce where something is.
var rePlacePrep = lazy(`^(in|at|to|inside|near|outside)$`)

// placeNear reports whether s names a place the question does not (by
// WordNet, or a capitalised word it does not know) behind "in", "at" or
// "to" within phraseWindow words after a word of the question: "where were
// the talks held" is answered by "held in Riyadh", not by any place.
func (e *Answerer) placeNear(q *query, s *sentence) bool {
	ws := strings.Fields(s.text)
	last := -1 << 30 // index of the last word matching the question
	// exact is the index of the last word that is the question's own, and
	// broken whether a comma has come since: the place of "Zelensky said
	// during a visit in Turkey" is his, in his clause, further off.
	exact, broken := -1<<30, false
	// whenAt is the index of the last word of the when-clause of "where
	// was X when Y": a place right after it is Y's ("criticized the
	// meeting in Saudi Arabia"), not X's.
	whenAt := -1 << 30
	// A sentence whose subject stands for someone the sentence before
	// names ("The Secretary of State was in Jerusalem", "He was in
	// Jerusalem") has that person at its start.
	if s.leans {
		for k, qw := range q.words {
			if !q.when[k] && match(qw, func(t string) bool { return s.context[t] }) >= 1 {
				last, exact = 0, 0
			}
		}
	}
	// chain is the index of the last word of a place phrase begun near a
	// word of the question, which goes on through "the", "of", names and
	// further prepositions: "talks at the headquarters of the Energy
	// Council (NBEC) in Kessvik" are in Kessvik.
	chain := -1 << 30
	for i, raw := range ws {
		w := strings.ToLower(strings.Trim(raw, ".,;:\"“”'’()"))
		near := (i-last <= phraseWindow || i-exact <= clauseWindow && !broken) && whenAt < max(last, exact)
		if i > 0 && chain == i-1 && !strings.ContainsAny(ws[i-1], ",;:") && continuesPlace(ws, i) {
			near = near || rePlacePrep().MatchString(strings.ToLower(ws[i-1]))
			chain = i
		}
		if near && rePlacePrep().MatchString(w) {
			chain = i
		}
		if near && i > 0 && rePlacePrep().MatchString(strings.ToLower(strings.Trim(ws[i-1], ",;:"))) {
			// raw follows a preposition near a word of the question:
			// skip "the", then read a name.
			name := strings.Trim(raw, ".,;:\"“”()")
			if r := []rune(name); len(r) > 0 && unicode.IsUpper(r[0]) && !q.given[w] && !english.IsCalendarWord(name) &&
				(e.places.is(w) || !e.places.common(strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")) || nameGoesOn(ws, i)) {
				return true
			}
		}
		if w == "the" && i > 0 && rePlacePrep().MatchString(strings.ToLower(ws[i-1])) {
			ws[i] = ws[i-1] // "at the Diriyah Palace": the name follows "the"
		}
		if strings.ContainsAny(raw, ",;:") {
			broken = true
		}
		ts := english.Terms(w)
		if len(ts) != 1 {
			continue
		}
		for k, qw := range q.words {
			if q.when[k] {
				// "where was X when Y": where X was, not where Y is.
				if match(qw, func(t string) bool { return t == ts[0] }) >= 1 {
					whenAt = i
				}
				continue
			}
			if m := match(qw, func(t string) bool { return t == ts[0] }); m > 0 {
				last = i
				if m >= 1 {
					exact, broken = i, strings.ContainsAny(raw, ",;:")
				}
				break
			}
		}
	}
	return false
}

// isPerson reports whether the article of s names a person whose surname
// is the lower-case word w ("Quimby" after "Mayor Joe Quimby").
func (s *sentence) isPerson(w string) bool {
	s.people.once.Do(func() { s.people.of = describePeople(s.all) })
	return s.people.of.desc[english.Term(w)] != nil
}

// spokeIn returns the terms of the places s says its statements were made
// in: "said in Brussels", "told reporters in Moscow" (a verb of speech,
// at most one word, "in" and a name); "said in a statement" names none.
func (s *sentence) spokeIn() map[string]bool {
	out := map[string]bool{}
	for _, loc := range reSpeech().FindAllStringIndex(s.text, -1) {
		ws := strings.Fields(s.text[loc[1]:])
		for i := 0; i < len(ws)-1 && i < 2; i++ {
			if ws[i] != "in" {
				continue
			}
			place := strings.TrimRight(ws[i+1], `.,;:!?"”’'`)
			if r, _ := utf8.DecodeRuneInString(place); unicode.IsUpper(r) {
				for _, t := range english.Terms(place) {
					out[t] = true
				}
			}
			break
		}
	}
	return out
}

// wordSet returns the words of a space-separated list as a set.
func wordSet(list string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(list) {
		out[w] = true
	}
	return out
}

// resolveSubject returns the surname term of the person the articles of
// hits say the question's subject is, when the question names them by
// what they are rather than by name ("what did the retired woman waiting
// outside the bank in Brask say": the article introduces "Ilse Varga, 71,
// a retired schoolteacher" among the queue outside the Brask branch); ""
// when it names them, describes no person, or fits no one person better
// than the rest, or fits none by half its words' weight. What a person is,
// is what the sentences around their name say (see introductions).
func (e *Answerer) resolveSubject(q *query, hits []retrieval.Hit) string {
	if q.kind != kindStatement && q.kind != kindReaction || len(q.subject) != 1 || slices.ContainsFunc(q.described, func(i int) bool { return q.words[i].Person || isPersonName(q.words[i]) }) {
		return ""
	}
	// The noun that says what the person is: the subject's head, or the
	// last noun of a person before it, which a participle or a clause
	// goes on from ("that mum stuck at the airport", "the retired woman
	// waiting outside the bank").
	head := -1
	for k, i := range q.described {
		if i == q.subject[0] || i < q.subject[0] && k+1 < len(q.described) && participle(q.words[q.described[k+1]].Word) {
			if isPersonNoun(q.words[i].Word) {
				head = i
			}
		}
	}
	if n := len(q.described); head < 0 && n > 1 && q.described[n-2] == q.subject[0] && isPersonNoun(q.words[q.described[n-1]].Word) {
		// "the transport union boss": a person's noun the articles have
		// no word for, which left the subject to the union (see
		// subjectHead), says what the person is.
		head = q.described[n-1]
	}
	if head < 0 {
		return ""
	}
	// Who is a person: whom an article describes as one, in any of the
	// articles ("Mr KASSEL (Liberal Party)" of a transcript is the
	// spokesman another article quotes), and whom the passages found hear
	// speak (they are read for the answer anyway). Not every sentence's
	// speakers: reading them all doubled an answer's time.
	var firsts []*sentence
	persons := map[string]bool{}
	done := map[string]bool{}
	for _, h := range hits {
		as := e.sentencesOf(h.Passage.Article)
		if as == nil || len(as.sents) == 0 {
			continue
		}
		for _, text := range h.Passage.Sentences {
			if i, ok := as.byText[text]; ok {
				for t := range as.sents[i].spk() {
					persons[t] = true
				}
			}
		}
		if done[h.Passage.Article] {
			continue
		}
		done[h.Passage.Article] = true
		s := as.sents[0]
		s.people.once.Do(func() { s.people.of = describePeople(s.all) })
		for name := range s.people.of.personal {
			persons[name] = true
		}
		firsts = append(firsts, s)
	}
	intro := map[string]map[string]bool{}
	// A head that says only sex or age fits anyone, and an adjective of
	// age fits a person whose age an article gives (read only when the
	// question has one): read once, not for each person.
	// So does a head the articles have no word for, but broader ones
	// ("the transport union boss": their "general secretary"): what
	// comes before it says which one.
	generic := sexOrAge(q.words[head].Word) || q.words[head].Knownness() == 0
	ageWord := map[int]bool{}
	var aged map[string]bool
	for _, i := range q.described {
		if i < head && describesAge(q.words[i].Word) {
			ageWord[i] = true
			if aged == nil {
				aged = map[string]bool{}
			}
		}
	}
	for _, s := range firsts {
		introductions(s, persons, intro, aged)
	}
	var total float64
	for _, i := range q.described {
		total += q.words[i].IDF
	}
	// A tie is broken by what the articles say the person is at their
	// name (a title, an apposition): "the transport union boss" is the
	// "general secretary of the Union of Transport and Industrial
	// Workers", not another union's leader whose sentence names it too.
	own := func(name string) (got float64) {
		for _, i := range q.described {
			if m := match(q.words[i], func(t string) bool {
				return slices.ContainsFunc(firsts, func(s *sentence) bool { return s.people.of.desc[name][t] })
			}); m >= retrieval.RelatedWeight {
				got += q.words[i].IDF * m // its words, or close ones: not "leader" for "boss"
			}
		}
		return got
	}
	best, second, who := 0.0, 0.0, ""
	var tied []string
	for name, terms := range intro {
		var got float64
		fits := true
		for _, i := range q.described {
			m := match(q.words[i], func(t string) bool { return terms[t] })
			if m < discount && (i == head && generic || ageWord[i] && aged[name]) {
				// "the elderly woman": a woman the article gives as 71.
				m = discount
			}
			// The words before the head say what kind of one the
			// person is ("the retired teacher"); the head and what
			// follows may be in words the article does not use ("the
			// 15-year-old girl from Ostrel" for "Lotte Havik is 15").
			fits = fits && (i >= head || m > 0)
			if i == head && strings.Contains(q.words[i].Word, " ") && m > 0 && m < 1 {
				fits = false // "the prime minister": not whichever minister speaks
			}
			got += q.words[i].IDF * m
		}
		if !fits {
			continue
		}
		switch {
		case got > best:
			best, second, who = got, best, name
			tied = []string{name}
		case got == best:
			second = got
			tied = append(tied, name)
		case got > second:
			second = got
		}
	}
	if total == 0 || best < discount*total {
		return ""
	}
	if best == second {
		// Of those tied, the one whose own description says most.
		top, next := -1.0, -1.0
		for _, name := range tied {
			switch o := own(name); {
			case o > top:
				top, next, who = o, top, name
			case o > next:
				next = o
			}
		}
		if top == next {
			return ""
		}
	}
	return who
}

// introductions adds to out, by the term of their surname, what the
// article of s (read: see describePeople) says of each of persons it
// names, or who speaks where it names them: the terms, outside quotations
// (see narration), of the sentences that name them, with the sentence
// before the first and the one after it in its paragraph ("Among those
// who slept on the terminal floor is a mother stranded with two
// children." before "'We got two hours of sleep on a coat,' said the
// woman, Leila Marchetti"). aged gets those of them whose age a sentence
// that names them gives.
func introductions(s *sentence, persons map[string]bool, out map[string]map[string]bool, aged map[string]bool) {
	for name, named := range s.people.of.named {
		if !persons[name] && !slices.ContainsFunc(named, func(n *sentence) bool { return n.spk()[name] }) {
			continue // "Port Halsted": no person's name
		}
		d := out[name]
		if d == nil {
			d = map[string]bool{}
			out[name] = d
		}
		first := named[0]
		read := slices.Clip(named) // the cached slice stays as it is
		if p := first.sibling(-1); p != nil {
			read = append(read, p)
		}
		if n := first.sibling(1); n != nil && n.para == first.para {
			read = append(read, n)
		}
		for _, n := range read {
			for _, t := range english.Terms(narration(n)) {
				d[t] = true
			}
		}
		if aged != nil && slices.ContainsFunc(named, givesAge) {
			aged[name] = true
		}
	}
}

// givesAge reports whether the narration of s gives someone's age (see
// measureSpans): "the pensioner, Zora Pelc, 71,", "a 15-year-old".
func givesAge(s *sentence) bool {
	text := narration(s)
	for _, loc := range measureSpans(text) {
		if measureDimension(text[loc[0]:loc[1]], text[loc[1]:]) == "age" {
			return true
		}
	}
	return false
}

// describesAge reports whether the adjective w says how old a person is:
// "old" or "young", or one WordNet has as similar to them ("elderly",
// "teenage"). An article says it by an age.
func describesAge(w string) bool {
	for _, l := range wordnet.Lemmas(w) {
		if l.POS != wordnet.Adj {
			continue
		}
		if l.Word == "old" || l.Word == "young" {
			return true
		}
		for _, r := range wordnet.RelatedIn(l.Word, 1, nil) {
			if r.Kind == wordnet.Similar && (r.Lemma == "old" || r.Lemma == "young") {
				return true
			}
		}
	}
	return false
}

// sexOrAge reports whether the person noun w says no more of a person than
// their sex or their age ("woman", "guy", "girl", "kid"): its commonest
// sense is a kind of female, male or juvenile person ("lady" is a woman,
// an adult female, a female person). Any person the article describes may
// be one; it tells which by a pronoun or an age, not by the word.
func sexOrAge(w string) bool {
	return walkHypernyms(lemmaNoun(w), hypernymDepth, 1, func(h string) bool {
		return h == "female person" || h == "male person" || h == "juvenile person"
	})
}

// speaksAs reports whether s's speaker is the person the question's
// subject describes (see resolveSubject).
func (q *query) speaksAs(s *sentence) bool {
	return q.as != "" && (s.spk()[q.as] || q.describesSpeaker(s))
}

// describesSpeaker reports whether the question's phrase for its subject
// says what s says of a speaker it does not name: the head and most of
// the rest ("the nurse who went to the march with her daughter": "a nurse
// who marched with her daughter on the day of the general strike told").
func (q *query) describesSpeaker(s *sentence) bool {
	spk := s.spk()
	if len(q.subject) != 1 || len(q.described) < 2 || len(spk) == 0 || match(q.words[q.subject[0]], func(t string) bool { return spk[t] }) < 1 {
		return false
	}
	var has, all float64
	for _, i := range q.described {
		all += q.words[i].IDF
		has += q.words[i].IDF * match(q.words[i], func(t string) bool { return spk[t] })
	}
	return has >= all/2
}

// participle reports whether w is an inflected form of a verb, which
// after a noun says which one it is ("stuck", "waiting", "who runs").
func participle(w string) bool {
	return slices.ContainsFunc(wordnet.Lemmas(w), func(l wordnet.Lemma) bool { return l.POS == wordnet.Verb && l.Word != w })
}

// narration is the text of s outside quotation marks: what the writer
// says, not what a speaker says ("Dr Mirela Tovan, Chief Executive of the
// KFSA, said:" without her "Ashcombe had a warning in March").
func narration(s *sentence) string {
	var b strings.Builder
	open, mark := s.inQuote, false
	for _, r := range s.text {
		if open, mark = quoteStep(open, r); !open && !mark {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// describes reports whether s says what a person the question names is:
// a title or an apposition at their name ("Mirela Danst, 52, who owns the
// Hotel Calder", "hotelier Mirela Danst", "Danst is the owner of"), more
// than the name itself.
func describes(q *query, s *sentence) bool {
	desc := descriptions([]*sentence{s})
	for _, i := range q.named {
		ts := strings.Split(q.words[i].Term, "+")
		for t := range desc[ts[len(ts)-1]] {
			if !slices.Contains(ts, t) {
				return true
			}
		}
	}
	return false
}
