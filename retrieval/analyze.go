package retrieval

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// How a question's words meet the corpus's. A question in a reader's own
// words rarely uses the articles' words: "Who headed the American team?"
// against "Rubio led the U.S. delegation". Each content word of a query
// therefore brings alternatives, corpus terms that may stand for it, each
// earning a share of the word's weight when it matches:
//
//   - its own term (Exact, the whole weight);
//   - a corpus term one or two edits away, when the corpus lacks the word's
//     own ("lavorv" -> lavrov, "negotations" -> negotiations): Spelling;
//   - a term of a word WordNet relates to one of its commonest senses: a
//     synonym, a derived form, the noun an adjective pertains to, a place it
//     is part of ("headed" -> lead, "American" -> America -> U.S.,
//     "talks" -> negotiation, "Cairo" -> Egypt): Related; a more general
//     word (a hypernym) earns less: Broader.
//
// A word with no alternative in the corpus is unknown: the articles never
// use it, nor any word WordNet relates to it.
const (
	// SpellingWeight is the share of a word's weight a corrected spelling
	// earns.
	SpellingWeight = 0.8
	// RelatedWeight is the share a synonym, a derived form, a pertainym or a
	// holonym earns.
	RelatedWeight = 0.6
	// BroaderWeight is the share a hypernym earns.
	BroaderWeight = 0.4
	// relatedSenses is how many of a word's commonest senses (per part of
	// speech) bring related words; rarer senses bring noise ("head" as a
	// ship's toilet).
	relatedSenses = 2
	// broaderSenses is the same for hypernyms, which drift further.
	broaderSenses = 1
	// rareSynonymSense is the rank among its own senses from which a
	// synonym's shared sense is a rare one (see analyzeWord): "lead" is
	// "head" in its seventh sense and stays related, "pass" is "die" in
	// its twenty-fourth and earns the broader weight. Chosen on all the
	// sets: from 9 to 12 the same answers, 16 and 20 gain less, 6 loses.
	rareSynonymSense = 12
)

// Match is how an alternative meets a query word.
type Match uint8

// The ways a corpus term may stand for a query word, closest first.
const (
	Exact Match = iota
	Spelling
	Related
	Broader
)

// Alternative is corpus text that may stand for a query word.
type Alternative struct {
	// Terms are the corpus terms that must all occur: one, or several for
	// a multiword lemma ("go with").
	Terms  []string
	Weight float64 // the share of the word's weight a match earns
	Match  Match
}

// QueryWord is one content word of a query.
type QueryWord struct {
	Word string  // as written, lower case, diacritics folded
	Term string  // its own term (see english.Terms)
	IDF  float64 // its weight: the IDF of its closest alternative, or the highest IDF when it has none
	// Alts are the corpus's alternatives for the word, closest first;
	// empty when the corpus has nothing for it.
	Alts []Alternative
	// Person is true of the name of a person the articles name, whole
	// ("Ilsa Marovec") or by the surname ("marovec"): see buildPeople.
	Person bool
}

// Known reports whether the corpus has anything for the word.
func (w QueryWord) Known() bool { return len(w.Alts) > 0 }

// Knownness is how far the corpus has the word: the weight of its closest
// alternative that is not merely broader (a hypernym says the corpus talks
// of something of the same kind, not of it: "population" -> people,
// "Sevastopol" -> city); 0 when it has nothing closer.
func (w QueryWord) Knownness() float64 {
	for _, a := range w.Alts {
		if a.Match != Broader {
			return a.Weight
		}
	}
	return 0
}

// Query is a question analysed against the corpus.
type Query struct {
	Text  string
	Words []QueryWord
}

// Analyze reads a question's content words (stop words and chat filler
// left out) and finds, for each, the corpus terms that may stand for it. A
// multiword expression WordNet has ("get under way", "shoot down", "carry
// out") is one word of the query: particles and prepositions are stop
// words, so phrases are looked up on the words as written.
func (ix *Index) Analyze(text string) Query {
	ix.analyzed.mu.Lock()
	q, ok := ix.analyzed.m[text]
	ix.analyzed.mu.Unlock()
	if ok {
		return q // retrieval and the answerer read the same question
	}
	q = ix.analyze(text)
	ix.analyzed.mu.Lock()
	if ix.analyzed.m == nil || len(ix.analyzed.m) >= maxAnalyzed {
		ix.analyzed.m = map[string]Query{}
	}
	ix.analyzed.m[text] = q
	ix.analyzed.mu.Unlock()
	return q
}

// maxAnalyzed bounds the memo of analysed queries: enough for the questions
// in flight, each analysed by retrieval and then by the answerer.
const maxAnalyzed = 16

func (ix *Index) analyze(text string) Query {
	q := Query{Text: text}
	text = english.UnshortenText(text) // "govt", "wat", "bout"
	ws := english.Words(text)
	for i, w := range ws {
		// Chat drops the g of "-ing" ("how many cops were out lookin for
		// her", "nothin"): a word neither English nor the articles' is
		// the "-ing" form when that one is English.
		if stem, ok := strings.CutSuffix(w, "in"); ok && len(stem) >= 2 && !wordnet.Known(w) && ix.lex.DF(english.Term(w)) == 0 && wordnet.Known(w+"g") {
			ws[i] = stem + "ing"
		}
	}
	lower := strings.ToLower(text)
	names := ix.abbreviated(text)
	var designated map[string]string // "horizon" -> "3" for "Horizon-3"
	if strings.Contains(lower, "-") {
		for _, m := range reDesignation.FindAllStringSubmatch(lower, -1) {
			if designated == nil {
				designated = map[string]string{}
			}
			designated[m[1]] = m[2]
		}
	}
	seen := map[string]bool{}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w == "there" && i == len(ws)-1 && slices.ContainsFunc(ws[:i], func(w string) bool { return english.Auxiliary(w) == "be" }) && !slices.Contains(ws[:i], "many") && !slices.Contains(ws[:i], "much") {
			// "was Zelensky there", "why wasn't Ukraine there": being at
			// the occasion asked about, which the articles tell as
			// presence or absence ("No Ukrainian officials were present",
			// "the absence of Ukrainian officials"). Not "how many were
			// there", which counts.
			p := "present"
			if negated(lower) {
				p = "absent"
			}
			if ts := english.Terms(p); !seen[ts[0]] {
				seen[ts[0]] = true
				q.Words = append(q.Words, ix.analyzeWord(p, ts))
			}
			continue
		}
		if english.IsStopWord(w) || pronounOne(ws, i) {
			continue
		}
		if (w == "deal" || w == "story") && i >= 2 && (ws[i-2] == "what" || ws[i-2] == "whats") && ws[i-1] == "the" && i+1 < len(ws) && ws[i+1] == "with" {
			// "what's the deal with the embassies", "what's the story
			// with the barrier": chat for "what about", which asks about
			// what follows, not about a deal or a story.
			continue
		}
		if d, ok := designated[w]; ok && i+1 < len(ws) && ws[i+1] == d {
			// "Horizon-3", "Vela-2": one name, which "Horizon-4" is not,
			// nor any "three" of another sentence.
			if qw := ix.analyzeDesignation(w, d); !seen[qw.Term] {
				seen[qw.Term] = true
				q.Words = append(q.Words, qw)
			}
			i++
			continue
		}
		if run := startsRun(ws, i, names); run != nil {
			// "the Northern Ridge Movement", which the articles call
			// "the NRM" too: one name, not three words (see
			// analyzeName).
			if qw := ix.analyzeName(run); !seen[qw.Term] {
				seen[qw.Term] = true
				q.Words = append(q.Words, qw)
			}
			i += len(run) - 1
			continue
		}
		if n := ix.personRun(ws, i); n > 1 {
			// "Ilsa Marovec", "captain erik sandor": one person, whom the
			// articles call "Marovec" after the first mention.
			if qw := ix.analyzePerson(ws[i : i+n]); !seen[qw.Term] {
				seen[qw.Term] = true
				q.Words = append(q.Words, qw)
			}
			i += n - 1
			continue
		}
		// "going to" before a verb says when, as "gonna" does ("what's
		// the committee going to do"), not where anyone goes.
		if w == "going" && i+2 < len(ws) && ws[i+1] == "to" && isBareVerb(ws[i+2]) {
			i++
			continue
		}
		if w == "part" && i > 0 && english.IsStopWord(ws[i-1]) && ws[i-1] != "which" && i+1 < len(ws) && ws[i+1] == "of" && slices.ContainsFunc(ws[:i], func(w string) bool { return w == "who" || w == "which" }) {
			// "who was part of the U.S. delegation", "which countries are
			// part of the pact": the members of what follows, which the
			// answer names ("Leading the U.S. delegation will be Rubio")
			// without the word "part" ("as part of efforts" is another
			// thing). A yes/no question keeps it: "was the codex part of
			// the deal" is settled by "never part of the package", and
			// "in which part of the plant" asks for the part.
			i++
			continue
		}
		if i > 0 && ws[i-1] == "how" && (w == "long" || w == "often" || w == "far") {
			// "how long" asks for a duration (see answerCues), not about
			// length; nor is it WordNet's "long time" in a learner's
			// "how long time did it take".
			continue
		}
		// After "which" or "what" stands the noun asked for ("in which
		// building in Riyadh"), not a verb and its particle ("build in").
		// After "to" stands a verb and its object ("able to fire
		// engines"), not a noun of WordNet's ("fire engine").
		if p, n := phrase(ws, i, lower); n > 1 && !(i > 0 && (ws[i-1] == "which" || ws[i-1] == "what") && english.IsStopWord(ws[i+n-1])) && !(i > 0 && english.Possessive(ws[i-1]) && !hasNoun(p)) &&
			!(i > 0 && ws[i-1] == "to" && !hasPOS(p, wordnet.Verb) && hasPOS(ws[i], wordnet.Verb)) {
			ts := english.Terms(p)
			key := strings.Join(ts, "+")
			qw := ix.analyzeWord(p, ts)
			if len(ts) == 1 && slices.ContainsFunc(wordnet.RelatedIn(p, 1, nil), func(r wordnet.Relation) bool {
				return r.Kind == wordnet.Synonym && r.POS == wordnet.Verb && r.From.POS == wordnet.Verb && !strings.Contains(r.Lemma, " ") && english.Term(r.Lemma) == ts[0]
			}) {
				// "who's heading up the inquiry": WordNet's "head up" is
				// the verb "head" in its sense of leading; the verb's
				// related words ("led by") are the phrase's too.
				for _, a := range ix.analyzeWord(ws[i], ts).Alts {
					if !slices.ContainsFunc(qw.Alts, func(b Alternative) bool { return slices.Equal(a.Terms, b.Terms) }) {
						qw.Alts = append(qw.Alts, a)
					}
				}
				slices.SortStableFunc(qw.Alts, func(a, b Alternative) int { return cmp.Compare(b.Weight, a.Weight) })
			}
			if len(ts) > 0 && !seen[key] {
				seen[key] = true
				q.Words = append(q.Words, qw)
				if len(ts) > 1 && !slices.ContainsFunc(qw.Alts, func(a Alternative) bool { return a.Match != Broader }) {
					// "basketball team": a compound the articles have
					// neither whole nor by a synonym, only its head; a
					// modifier they never use counts against the answer
					// too, as a word of its own.
					q.Words = append(q.Words, ix.strangeModifiers(ws[i:i+n], seen)...)
				}
			}
			i += n - 1
			continue
		}
		if english.IsFiller(w) || i+1 < len(ws) && english.IsDegree(w, ws[i+1]) || ix.lex.DF(english.Term(w)) == 0 && stopAdverb(w) {
			continue
		}
		if !wordnet.Known(w) && ix.lex.DF(english.Term(w)) == 0 && english.IsMisspeltStopWord(w) {
			continue // "get evryone out": a typo of a word of no topic
		}
		t := english.Term(w)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		qw := ix.analyzeWord(w, []string{t})
		qw.Person = ix.isSurname(w)
		q.Words = append(q.Words, qw)
	}
	return q
}

// stopAdverb reports whether w is only an adverb, whose commonest sense
// WordNet gives a stop word as a synonym of: it says what that word says,
// a relation and no topic ("what did he say afterwards": after;
// "formerly": once; "merely": only). A question's word the articles
// lack counts against every answer, and articles say "after the talks".
func stopAdverb(w string) bool {
	ls := wordnet.Lemmas(w)
	if len(ls) == 0 || slices.ContainsFunc(ls, func(l wordnet.Lemma) bool { return l.POS != wordnet.Adv }) {
		return false
	}
	return slices.ContainsFunc(wordnet.RelatedIn(w, 1, nil), func(r wordnet.Relation) bool {
		return r.Kind == wordnet.Synonym && r.POS == wordnet.Adv && r.Sense == 0 && english.IsStopWord(r.Lemma)
	})
}

// strangeModifiers returns, as query words, the words of a compound
// before its head that the articles have nothing close to (see
// analyzeWord).
func (ix *Index) strangeModifiers(words []string, seen map[string]bool) []QueryWord {
	var out []QueryWord
	for _, w := range words[:len(words)-1] {
		ts := english.Terms(w)
		if len(ts) != 1 || seen[ts[0]] {
			continue
		}
		if qw := ix.analyzeWord(w, ts); qw.Knownness() == 0 {
			seen[ts[0]] = true
			out = append(out, qw)
		}
	}
	return out
}

// isSurname reports whether w, a lower-case word of a question, is the
// surname of a person the articles name, and a word WordNet does not know
// ("zelensky", not "bush" or "rose").
func (ix *Index) isSurname(w string) bool {
	ix.peopleOnce.Do(ix.buildPeople)
	_, ok := ix.surnames[w]
	return ok && !wordnet.Known(w)
}

// abbreviated returns the names of several capitalised words in text
// ("the Northern Ridge Movement") whose initials the articles use as a
// word ("NRM"), each as the words english.Words makes of it. The
// question's opening word and capitalised stop words ("Did", "Which") are
// none of a name.
func (ix *Index) abbreviated(text string) [][]string {
	var out [][]string
	capitalRuns(text, true, "'’", func(run []string) {
		if len(run) > 1 {
			initials := ""
			for _, w := range run {
				r, _ := utf8.DecodeRuneInString(w)
				initials += string(unicode.ToLower(r))
			}
			// As a name: "10 pm" in the articles is no "Prime Minister".
			if ix.lex.DF(english.Term(initials)) > 0 && ix.Named(initials) {
				out = append(out, english.Words(strings.Join(run, " ")))
			}
		}
	})
	return out
}

// capitalRuns calls name with each run of capitalised words of text that
// are not stop words nor hold any of the runes of not; a comma or the end
// of a sentence closes a run. With skipFirst, the text's first word (a
// question's "Did", "Which") is none of a run.
func capitalRuns(text string, skipFirst bool, not string, name func(run []string)) {
	var run []string
	flush := func() {
		if len(run) > 0 {
			name(run)
		}
		run = run[:0]
	}
	for i, f := range strings.Fields(text) {
		w := strings.Trim(f, `"“”‘’'.,;:()[]!?`)
		r, _ := utf8.DecodeRuneInString(w)
		if skipFirst && i == 0 || w == "" || !unicode.IsUpper(r) || english.IsStopWord(strings.ToLower(w)) || strings.ContainsAny(w, not) {
			flush()
			continue
		}
		run = append(run, w)
		if w != strings.Trim(f, `"“”‘’'()[]`) {
			flush() // a comma or the end of a sentence closes the name
		}
	}
	flush()
}

// startsRun returns the name of runs that ws[i:] starts with, or nil.
func startsRun(ws []string, i int, runs [][]string) []string {
	for _, r := range runs {
		if i+len(r) <= len(ws) && slices.Equal(ws[i:i+len(r)], r) {
			return r
		}
	}
	return nil
}

// analyzeName makes one query word of a name of several words that the
// articles abbreviate: its own terms together, or its initials ("NRM"),
// each in full; its last word alone ("the Movement") for RelatedWeight. It
// weighs as its rarest word: a sentence that names it names it whole, so
// its words are not counted one by one.
func (ix *Index) analyzeName(run []string) QueryWord {
	var ts []string
	initials := ""
	for _, w := range run {
		ts = append(ts, english.Term(w))
		r, _ := utf8.DecodeRuneInString(w)
		initials += string(r)
	}
	qw := QueryWord{Word: strings.Join(run, " "), Term: strings.Join(ts, "+")}
	add := func(a Alternative) {
		for _, t := range a.Terms {
			if t == "" || ix.lex.DF(t) == 0 {
				return
			}
		}
		qw.Alts = append(qw.Alts, a)
	}
	add(Alternative{Terms: ts, Weight: 1, Match: Exact})
	add(Alternative{Terms: []string{english.Term(initials)}, Weight: 1, Match: Exact})
	add(Alternative{Terms: ts[len(ts)-1:], Weight: RelatedWeight, Match: Related})
	for _, t := range ts {
		if ix.lex.DF(t) > 0 {
			qw.IDF = max(qw.IDF, ix.lex.IDF(t))
		}
	}
	return qw
}

// reDesignation finds a name and a number joined by a hyphen, lower case:
// a craft's, a model's or a mission's designation ("horizon-3",
// "su-57"); not a year ("mid-2025") nor a single letter's ("g-7").
var reDesignation = regexp.MustCompile(`\b(\pL{2,})-(\d{1,3})\b`)

// analyzeDesignation makes one query word of a designation: its name and
// its number together, weighing as the rarer; the name alone ("Horizon",
// which "Horizon-4" has too) stands for it as a broader word.
func (ix *Index) analyzeDesignation(name, number string) QueryWord {
	ts := []string{english.Term(name), english.Term(number)}
	qw := QueryWord{Word: name + "-" + number, Term: strings.Join(ts, "+")}
	if ts[0] == "" || ts[1] == "" || ix.lex.DF(ts[0]) == 0 || ix.lex.DF(ts[1]) == 0 {
		qw.IDF = ix.lex.IDF("")
		return qw // a name the articles never give
	}
	qw.Alts = []Alternative{{Terms: ts, Weight: 1, Match: Exact}, {Terms: ts[:1], Weight: BroaderWeight, Match: Broader}}
	qw.IDF = max(ix.lex.IDF(ts[0]), ix.lex.IDF(ts[1]))
	return qw
}

// maxPersonRun is the most words of a person's name with its title
// ("Deputy Prime Minister Mirko Stanek" is five; names are rarely asked
// with all of them).
const maxPersonRun = 4

// surnameWeight is the share of a person's name that its last word alone
// earns: nearly all, as news names a person in full once; a little less,
// so that where both say the same, the sentence that names them in full
// ("Mirela Danst has stopped answering the telephone") introduces them.
const surnameWeight = 0.9

// personRun returns how many words of ws, from i, name a person the
// articles name (see buildPeople): 0 or 1 when they do not.
func (ix *Index) personRun(ws []string, i int) int {
	ix.peopleOnce.Do(ix.buildPeople)
	for n := min(maxPersonRun, len(ws)-i); n >= 2; n-- {
		if ix.people[strings.Join(ws[i:i+n], " ")] {
			if ix.surnames[ws[i+n-1]] > 1 {
				// "Rosa Aranda" and "Mikel Aranda": "Aranda said" may be
				// either, so the given name must count on its own.
				return 0
			}
			return n
		}
	}
	return 0
}

// buildPeople collects the names of people in the articles: runs of
// capitalised words that end in a word WordNet does not know ("Ilsa
// Marovec", "Captain Erik Sandor"; not "Morrow Square", "Green Party"),
// with each shorter run that ends the same way ("Erik Sandor"), in the
// lower-case words english.Words makes of them.
func (ix *Index) buildPeople() {
	ix.people = map[string]bool{}
	// The words before each surname: its given names, or titles, which
	// stand before a given name too ("Captain Okonen", "Captain Ferris
	// Okonen").
	given := map[string]map[string]bool{}
	titles := map[string]map[string]bool{}
	// Surnames that are English words too ("Owen Pike", "Marta Quell")
	// are people's where the articles put an honorific before them ("Mr
	// Pike said").
	addressed := map[string]bool{}
	var runs [][]string
	for _, p := range ix.passages {
		capitalRuns(p.Text, false, "'’-", func(run []string) {
			ws := english.Words(strings.Join(run, " "))
			if len(ws) != len(run) || len(ws) < 2 {
				return
			}
			for j := 0; j+1 < len(ws); j++ {
				if honorifics[ws[j]] {
					addressed[ws[j+1]] = true
				}
			}
			runs = append(runs, ws)
		})
	}
	for _, ws := range runs {
		n := len(ws)
		if wordnet.Known(ws[n-1]) && !addressed[ws[n-1]] {
			continue
		}
		for j := 0; j+1 < n; j++ {
			ix.people[strings.Join(ws[j:], " ")] = true
		}
		if given[ws[n-1]] == nil {
			given[ws[n-1]] = map[string]bool{}
			titles[ws[n-1]] = map[string]bool{}
		}
		if honorifics[ws[n-2]] {
			// "Mr Pike": a title, not a second person's given name.
			titles[ws[n-1]][ws[n-2]] = true
		}
		given[ws[n-1]][ws[n-2]] = true
		if n > 2 {
			titles[ws[n-1]][ws[n-3]] = true
		}
	}
	ix.surnames = map[string]int{}
	for s, g := range given {
		for w := range g {
			if !titles[s][w] {
				ix.surnames[s]++
			}
		}
	}
}

// honorifics are the words before a surname that say it is a person's
// ("Mr Pike", "Dr Tovan"), as english.Words writes them.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "judge": true, "sir": true, "dame": true}

// analyzePerson makes one query word of a person's name: the articles name
// them whole once and by the last word after that ("Marovec said"), so
// either earns the whole weight, that of the name's rarest word.
func (ix *Index) analyzePerson(ws []string) QueryWord {
	ts := make([]string, len(ws))
	for j, w := range ws {
		ts[j] = english.Term(w)
	}
	qw := QueryWord{Word: strings.Join(ws, " "), Term: strings.Join(ts, "+"), Person: true}
	qw.Alts = append(qw.Alts, Alternative{Terms: ts, Weight: 1, Match: Exact})
	qw.Alts = append(qw.Alts, Alternative{Terms: ts[len(ts)-1:], Weight: surnameWeight, Match: Exact})
	for _, t := range ts {
		if ix.lex.DF(t) > 0 {
			qw.IDF = max(qw.IDF, ix.lex.IDF(t))
		}
	}
	return qw
}

// phrase returns the longest multiword expression of WordNet that starts
// at ws[i], and its length in words; n is 1 when there is none.
func phrase(ws []string, i int, text string) (p string, n int) {
	if i >= len(ws)-1 || !wordnet.StartsPhrase(ws[i]) {
		return ws[i], 1 // most words start no phrase: one lookup, not six
	}
	for n := min(maxPhrase, len(ws)-i); n >= 2; n-- {
		p := strings.Join(ws[i:i+n], " ")
		if wordnet.Known(p) {
			return p, n
		}
		// A hyphenated compound ("go-between", "cease-fire") is one word
		// of WordNet's, which the words of the text split, and which chat
		// writes apart ("one on one"); where WordNet has the words apart
		// too ("sit down", "sit-down"), they say more of a question's
		// meaning (a meeting, not a strike).
		if h := strings.Join(ws[i:i+n], "-"); wordnet.Known(h) {
			return h, n
		}
	}
	return ws[i], 1
}

// hasNoun reports whether WordNet has the word or phrase p as a noun.
func hasNoun(p string) bool { return hasPOS(p, wordnet.Noun) }

// hasPOS reports whether WordNet has the word or phrase p in part of
// speech pos.
func hasPOS(p string, pos wordnet.POS) bool {
	for _, l := range wordnet.Lemmas(p) {
		if l.POS == pos {
			return true
		}
	}
	return false
}

// splits returns the ways w splits into two words of minSplit letters or
// more, as terms.
func splits(w string) [][]string {
	var out [][]string
	for i := minSplit; i+minSplit <= len(w); i++ {
		a, b := english.Term(w[:i]), english.Term(w[i:])
		if a != "" && b != "" && !english.IsStopWord(w[:i]) && !english.IsStopWord(w[i:]) {
			out = append(out, []string{a, b})
		}
	}
	return out
}

// minSplit is the shortest part of a closed compound splits takes: "auto"
// and "pay", not "a" and "utopay".
const minSplit = 3

// maxPhrase is the longest multiword expression looked up, in words: four
// reach the idioms of chat ("keep an eye on": watch, "take part in").
const maxPhrase = 4

// hopWeight is the share a word earns that WordNet relates only through
// another related word, looked for when a word has nothing closer in the
// corpus ("trashed" -> disparage -> criticize).
const hopWeight = 0.3

// InClass returns w with the synonyms of its noun senses in WordNet's
// class (see [wordnet.InClass]) among its alternatives, at RelatedWeight,
// those the corpus has: a reader that knows the word names a person reads
// its rarer person senses ("head": chief), which its commonest senses hide
// from analyzeWord.
func (ix *Index) InClass(w QueryWord, class string) QueryWord {
	if strings.Contains(w.Word, " ") || !hasNoun(w.Word) {
		return w
	}
	alts := slices.Clone(w.Alts)
	for _, l := range wordnet.InClass(w.Word, class) {
		ts := english.Terms(l)
		if len(ts) == 0 || slices.ContainsFunc(ts, func(t string) bool { return ix.lex.DF(t) == 0 }) ||
			slices.ContainsFunc(alts, func(a Alternative) bool { return slices.Equal(a.Terms, ts) }) {
			continue
		}
		alts = append(alts, Alternative{Terms: ts, Weight: RelatedWeight, Match: Related})
	}
	slices.SortStableFunc(alts, func(a, b Alternative) int { return cmp.Compare(b.Weight, a.Weight) })
	w.Alts = alts
	return w
}

// analyzeWord finds the alternatives of one word (or phrase) w, whose own
// terms are ts.
func (ix *Index) analyzeWord(w string, ts []string) QueryWord {
	qw := QueryWord{Word: w, Term: strings.Join(ts, "+")}
	number := len(ts) == 1 && english.IsNumberTerm(ts[0])
	add := func(a Alternative) {
		for _, term := range a.Terms {
			if ix.lex.DF(term) == 0 {
				return
			}
		}
		if len(a.Terms) == 1 && english.IsNumberTerm(a.Terms[0]) != number && a.Weight != NarrowerWeight {
			// A number in the news is a number: WordNet's "eleven" (a
			// football team) or "nine" (a baseball club) stand for no
			// word of a question, nor such words for a number. A number
			// is narrower than a "figure" or a "digit", though, and
			// stands for those.
			return
		}
		for i, b := range qw.Alts {
			if slices.Equal(a.Terms, b.Terms) {
				if a.Weight > b.Weight {
					qw.Alts[i] = a
				}
				return
			}
		}
		qw.Alts = append(qw.Alts, a)
	}
	// A light verb's phrasal verb ("go on", "get into") says more than
	// the light verb its terms reduce to ("go"): that counts as related.
	if first, _, compound := strings.Cut(w, "-"); compound && len(ts) == 1 && english.IsFiller(first) {
		// A compound of a light verb and a particle ("go-between") is
		// none of its parts: only its synonyms stand for it.
	} else if first, _, phrasal := strings.Cut(w, " "); phrasal && len(ts) == 1 && english.IsFiller(first) {
		add(Alternative{Terms: ts, Weight: RelatedWeight, Match: Related})
	} else {
		add(Alternative{Terms: ts, Weight: 1, Match: Exact})
	}
	if len(ts) > 1 {
		// The articles may write a compound closed: "head teacher" is
		// their "headteacher", "cease fire" their "ceasefire".
		if closed := english.Term(strings.NewReplacer("-", "", " ", "").Replace(w)); closed != "" && ix.lex.DF(closed) > 0 {
			add(Alternative{Terms: []string{closed}, Weight: 1, Match: Exact})
		}
	}
	if len(ts) > 1 && !english.IsStopWord(ws(w)) {
		// A compound's head is a broader word for it: "travel plans" are
		// plans, the "Black Sea" a sea.
		add(Alternative{Terms: ts[len(ts)-1:], Weight: BroaderWeight, Match: Broader})
	}
	if groups := thousandGroups(w); groups != nil {
		// "3600": the articles write "3,600", whose comma parts it.
		add(Alternative{Terms: groups, Weight: 1, Match: Exact})
	}
	for _, c := range ix.fromCorpus(qw.Term) {
		add(Alternative{Terms: []string{c.Term}, Weight: c.Weight, Match: Related})
	}
	if len(ts) == 1 {
		// The words of negotiations WordNet does not link (see
		// negotiationWords).
		for _, o := range negotiationWords[ts[0]] {
			add(Alternative{Terms: []string{o}, Weight: RelatedWeight, Match: Related})
		}
	}
	// Only a word that is no English word is taken for a misspelling: the
	// corpus lacking "restaurants" or "minerals" says that it does not
	// talk of them, not that the reader mistyped "restore" or "Mike".
	if len(qw.Alts) == 0 && len(ts) == 1 && !strings.Contains(w, " ") && !wordnet.Known(w) {
		c := ix.spelling(ts[0], utf8.RuneCountInString(w))
		if bare, plural := strings.CutSuffix(ts[0], "s"); c == "" && plural {
			// The stemmer leaves the plural of a misspelt word
			// ("flghts": no vowel, no stem): the word without it.
			c = ix.spelling(bare, utf8.RuneCountInString(w)-1)
		}
		if c == "" {
			c = ix.englishVariant(w)
		}
		if c == "" {
			c = ix.clipped(ts[0])
		}
		if c != "" {
			add(Alternative{Terms: []string{c}, Weight: SpellingWeight, Match: Spelling})
		}
		if len(qw.Alts) == 0 {
			// "autopay" for the articles' "auto-pay", "livestream" for
			// "live stream": a compound written closed; both of its
			// words must be there.
			for _, parts := range splits(w) {
				add(Alternative{Terms: parts, Weight: SpellingWeight, Match: Spelling})
			}
		}
	}
	var hops []string // related lemmas, for a second hop
	// Only the senses weighed below are read, and of the rarer ones the
	// synonyms an abbreviation spells.
	for _, r := range wordnet.RelatedIn(w, max(relatedSenses, broaderSenses+1), func(l string) bool { return spells(w, l) }) {
		weight, match, senses := RelatedWeight, Related, relatedSenses
		// A part stands for its whole ("Cairo" for "Egypt", here and in
		// the reverse index below); a member does not speak for its body
		// ("France" is not "NATO", a "staffer" not the "staff"), so
		// WordNet's member-of links match nothing. (The answerer reads
		// them the other way, to count a group by its members: "how many
		// police", "60 officers".)
		switch r.Kind {
		case wordnet.Synonym, wordnet.Derived, wordnet.Pertainym, wordnet.Holonym, wordnet.Similar, wordnet.Cause, wordnet.CausedBy, wordnet.StandsFor:
		case wordnet.Hypernym:
			weight, match, senses = BroaderWeight, Broader, broaderSenses+1
		default:
			continue
		}
		if r.Kind == wordnet.Synonym && spells(r.Lemma, w) && !ix.Named(r.Lemma) {
			// An abbreviation stands for the words it abbreviates where
			// the articles write it as a name: "PM" for "prime minister",
			// not the "pm" of "10 pm".
			continue
		}
		if r.Sense >= senses && !(r.Kind == wordnet.Synonym && spells(w, r.Lemma)) || english.IsFiller(r.Lemma) {
			// A rarer sense brings noise, but for an abbreviation's
			// expansion ("PM": prime minister is its third sense); a
			// light verb ("keep" for "go on") says nothing.
			continue
		}
		if lightPhrase(r.Lemma) || r.Kind == wordnet.Synonym && r.Its >= rareSynonymSense {
			// A light verb's phrase ("go into" for "get into", "make
			// up" for "cook up") is only the light verb to the corpus,
			// whose particle is a stop word: "going to have to" is no
			// joining. It says the reader's word is a common one, no
			// more. So does a synonym in a sense it rarely has: "pass"
			// means "die" in its twenty-fourth sense, and "tankers
			// passing through" are not about a death.
			weight = min(weight, BroaderWeight)
		}
		if r.Kind == wordnet.CausedBy && (strings.Contains(r.Lemma, " ") || r.Sense > 0) {
			// "pension off" for "retired": a phrase says less than
			// "kill" for "died"; and only the word's commonest sense is
			// caused ("spark" and "trip" cause "go off", not "take place").
			continue
		}
		if r.From.POS != wordnet.Noun && r.Kind != wordnet.CausedBy {
			// A verb's or an adjective's second hop finds a paraphrase
			// ("trashed" -> disparage -> criticize); a noun's finds what
			// the thing is a kind of ("fondue" -> dish -> supply).
			hops = append(hops, r.Lemma)
		}
		if r.Kind == wordnet.Pertainym && slices.Contains(wordnet.Classes(r.Lemma, wordnet.Noun, 1), "noun.location") {
			// A place's adjective is of the place by any of its names:
			// "American" of "the U.S.", "the United States" (WordNet's
			// synonyms of "America").
			for _, p := range wordnet.RelatedIn(r.Lemma, 1, nil) {
				if pts := english.Terms(p.Lemma); p.Kind == wordnet.Synonym && p.POS == wordnet.Noun && len(pts) > 0 && !slices.Equal(pts, ts) {
					add(Alternative{Terms: pts, Weight: weight, Match: match})
				}
			}
		}
		if r.Kind == wordnet.Hypernym && r.Sense >= broaderSenses {
			continue // only a way to a second hop
		}
		if rts := english.Terms(r.Lemma); len(rts) > 0 && !slices.Equal(rts, ts) {
			if number && r.Kind == wordnet.Synonym && len(rts) == 1 && english.IsNumberTerm(rts[0]) ||
				r.Kind == wordnet.Synonym && len(rts) == 1 && len(ts) == 1 && (ordinalDigits(rts[0]) || ordinalDigits(ts[0])) {
				// "5" and "five" are one number, written two ways;
				// "19th" and "nineteenth" one place.
				weight, match = 1, Exact
			}
			add(Alternative{Terms: rts, Weight: weight, Match: match})
			if r.Kind == wordnet.Synonym && spells(w, r.Lemma) && len(rts) > 2 {
				// "CEO": the articles write "chief executive" as often as
				// "chief executive officer"; the expansion's last word
				// may go unsaid.
				add(Alternative{Terms: rts[:len(rts)-1], Weight: weight, Match: match})
			}
		}
		if strings.ContainsAny(r.Lemma, "- ") {
			// WordNet's "cease-fire" is the articles' "ceasefire",
			// its "web site" their "website": the closed compound too.
			closed := english.Term(strings.ReplaceAll(strings.ReplaceAll(r.Lemma, "-", ""), " ", ""))
			if closed != "" && ix.lex.DF(closed) > 0 && !(len(ts) == 1 && ts[0] == closed) {
				add(Alternative{Terms: []string{closed}, Weight: weight, Match: match})
			}
		}
	}
	if qw.Knownness() == 0 {
		for _, h := range hops {
			for _, r := range wordnet.RelatedIn(h, 1, nil) {
				if r.Sense > 0 || r.Kind != wordnet.Synonym && r.Kind != wordnet.Hypernym {
					continue
				}
				if rts := english.Terms(r.Lemma); len(rts) > 0 && !slices.Equal(rts, ts) {
					add(Alternative{Terms: rts, Weight: hopWeight, Match: Broader})
				}
			}
		}
	}
	slices.SortStableFunc(qw.Alts, func(a, b Alternative) int { return cmp.Compare(b.Weight, a.Weight) })
	// The weight of a word is the IDF of its closest alternative; a word
	// the corpus has nothing close to weighs as a term no passage has.
	qw.IDF = ix.lex.IDF("")
	if qw.Knownness() > 0 {
		qw.IDF = 0
		for _, term := range qw.Alts[0].Terms {
			qw.IDF = max(qw.IDF, ix.lex.IDF(term))
		}
	}
	return qw
}

// spells reports whether short word w is the initials of phrase p: "pm"
// of "prime minister", "ceo" of "chief executive officer". Which of an
// abbreviation's expansions is meant the articles say: those they lack
// match nothing.
func spells(w, p string) bool {
	ws := strings.Fields(strings.ReplaceAll(p, "-", " "))
	if len(ws) < 2 || len(ws) != len(w) {
		return false
	}
	for i, x := range ws {
		if x[0] != w[i] {
			return false
		}
	}
	return true
}

// isBareVerb reports whether w is a verb in its base form ("do", "sign"),
// not a name or an article ("going to Riyadh", "going to the talks").
func isBareVerb(w string) bool {
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Verb && l.Word == w {
			return true
		}
	}
	return false
}

// lightPhrase reports whether the multiword lemma p is a light verb and
// stop words ("go into", "get on with"), whose terms are the light verb's
// alone.
func lightPhrase(p string) bool {
	first, rest, ok := strings.Cut(p, " ")
	return ok && english.IsFiller(first) && len(english.Terms(rest)) == 0
}

// ws returns the last word of a phrase.
func ws(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }

// fromCorpus returns the corpus terms that WordNet relates to term t from
// their side, with the share of t's weight they earn: the adjective of a
// place ("Russian" for russia), a place that is part of it ("Moscow" for
// russia), a derived form, and a kind of it ("ship" for vessel, "diplomat"
// for official, "palace" for building). WordNet links the adjective to the
// country and the kind to its hypernym, not the other way, and keeps no
// hyponyms; so the links are read from the corpus's words, once.
func (ix *Index) fromCorpus(t string) []ReverseAlt {
	ix.reverseOnce.Do(ix.buildReverse)
	return ix.reverse[t]
}

// ReverseAlt is a corpus term that stands for a query term it is related
// to (see fromCorpus).
type ReverseAlt struct {
	Term   string
	Weight float64
}

// CorpusSenseWeight is the share of a word's weight that a corpus word
// earns whose first sense has the word as a synonym (see buildReverse).
const CorpusSenseWeight = BroaderWeight

// NarrowerWeight is the share of a word's weight that a corpus word which
// is a kind of it earns ("ship" for "vessel").
const NarrowerWeight = 0.5

// buildReverse reads every word of the passages and files it under the
// terms of the lemmas WordNet relates to its commonest senses: pertainyms,
// holonyms and derived forms of names (capitalised words), hypernyms of
// every word, and their hypernyms in turn.
func (ix *Index) buildReverse() {
	ix.reverse = map[string][]ReverseAlt{}
	seen := map[string]bool{}
	above := map[string][]string{} // a hypernym's own hypernyms, as terms
	// Where a term is filed under a target is kept: searching the
	// target's list was quadratic in a large corpus, whose words share
	// their broad hypernyms.
	filed := map[[2]string]int{} // {target, own} -> index in the target's list
	add := func(target, own string, weight float64) {
		if i, ok := filed[[2]string{target, own}]; ok {
			ix.reverse[target][i].Weight = max(ix.reverse[target][i].Weight, weight)
			return
		}
		filed[[2]string{target, own}] = len(ix.reverse[target])
		ix.reverse[target] = append(ix.reverse[target], ReverseAlt{own, weight})
	}
	for _, p := range ix.passages {
		for _, w := range strings.Fields(p.Text) {
			w = strings.Trim(w, `"“”‘’'.,;:()[]!?`)
			r, _ := utf8.DecodeRuneInString(w)
			name := unicode.IsUpper(r)
			ws := english.Words(w)
			if len(ws) != 1 || english.IsStopWord(ws[0]) || seen[ws[0]] {
				continue
			}
			seen[ws[0]] = true
			own := english.Term(ws[0])
			if own == "" {
				continue
			}
			rels := wordnet.Related(ws[0])
			oneSense := true
			for _, rel := range rels {
				oneSense = oneSense && rel.Sense == 0
			}
			for _, rel := range rels {
				weight := 0.0
				switch {
				case rel.Kind == wordnet.Hypernym && rel.Sense < broaderSenses && rel.From.POS == wordnet.Noun:
					weight = NarrowerWeight
					// A kind of a kind of it stands for it too, at the
					// weight squared: "director" (an administrator, a
					// kind of head) for "who heads the orchestra".
					hs, ok := above[rel.Lemma]
					if !ok { // many words share a hypernym: walk from each once
						wordnet.WalkHypernyms(rel.Lemma, 1, broaderSenses, func(h string) bool {
							if ts := english.Terms(h); len(ts) > 0 {
								hs = append(hs, strings.Join(ts, "+"))
							}
							return false
						})
						above[rel.Lemma] = hs
					}
					for _, h := range hs {
						if h != own {
							add(h, own, NarrowerWeight*NarrowerWeight)
						}
					}
				case name && rel.Sense < relatedSenses && (rel.Kind == wordnet.Pertainym || rel.Kind == wordnet.Holonym || rel.Kind == wordnet.Derived):
					weight = RelatedWeight
				case rel.Kind == wordnet.Synonym && oneSense:
					// A corpus word of one sense says which sense of its
					// synonyms the corpus uses: "Chairperson" is the
					// chair of a meeting, the third sense of "chair",
					// which a reader's "chair" does not reach.
					weight = CorpusSenseWeight
				default:
					continue
				}
				ts := english.Terms(rel.Lemma)
				if len(ts) == 0 || len(ts) == 1 && ts[0] == own {
					continue
				}
				// A lemma of several words is filed under its terms
				// joined, as a query word's Term is ("educational
				// institution" for "school").
				add(strings.Join(ts, "+"), own, weight)
			}
		}
	}
}

// negotiationWords are words for the parties to talks that news uses
// for one another and WordNet does not link: a country's "negotiating
// team" is its "delegation", its "side". (Every corpus here reports talks;
// "who led X's team" is among the commonest questions, and its articles
// say "delegation". "Side" was tried too, and changed nothing.)
var negotiationWords = map[string][]string{
	"team":  {"deleg"},
	"deleg": {"team"},
}

// spelling returns the corpus term closest to t, a term the corpus lacks,
// within maxEdits of the letters of the word it stems from ("meting" ->
// mete -> meet) (a transposition counts one), and not the start or the
// continuation of it by two letters or more, or "". Among
// equally close terms the most frequent wins. Short terms are not
// corrected: at three or four letters too many words are one edit apart.
// clipped returns the corpus term that term t, no word of English nor of
// the corpus, is the clipped start of, as chat clips ("desal" for
// "desalination", "infra" for "infrastructure"): the most frequent term
// that begins with t and goes on for two letters or more (terms are
// stems: "desalin"); "" if none, or if t is shorter than minClipped.
func (ix *Index) clipped(t string) string {
	if len(t) < minClipped || strings.ContainsAny(t, "0123456789") {
		return ""
	}
	ix.peopleOnce.Do(ix.buildPeople)
	best, bestDF := "", 0
	for _, v := range ix.vocab {
		if _, person := ix.surnames[v]; person || ix.people[v] {
			continue // "dmitri" is no clipped "Dmitriev"
		}
		if len(v) >= len(t)+2 && strings.HasPrefix(v, t) {
			if df := ix.lex.DF(v); df > bestDF {
				best, bestDF = v, df
			}
		}
	}
	return best
}

// minClipped is the fewest letters a clipped word keeps: "desal", not
// "des" or "vax".
const minClipped = 5

func (ix *Index) spelling(t string, letters int) string {
	n := utf8.RuneCountInString(t)
	limit := maxEdits(letters)
	if strings.ContainsAny(t, "0123456789") {
		return ""
	}
	if limit == 0 {
		// A short word is corrected only for two letters typed the
		// wrong way round ("tiem", "teh"): any other edit of a word of
		// four letters makes another word too easily.
		for i := 0; i+1 < len(t); i++ {
			if b := []byte(t); b[i] != b[i+1] {
				b[i], b[i+1] = b[i+1], b[i]
				if ix.lex.DF(string(b)) > 0 {
					return string(b)
				}
			}
		}
		return ""
	}
	best, bestD, bestDF := "", limit+1, 0
	for _, v := range ix.vocab {
		m := utf8.RuneCountInString(v)
		if m < n-limit || m > n+limit || strings.ContainsAny(v, "0123456789") {
			continue
		}
		if (m <= n-2 && strings.HasPrefix(t, v)) || (n <= m-2 && strings.HasPrefix(v, t)) {
			// Letters added at the end make another word, not a slip of
			// the keys: "Dmitriev" is no misspelt "Dmitri".
			continue
		}
		d := english.EditDistance(t, v, limit)
		if df := ix.lex.DF(v); d < bestD || d == bestD && df > bestDF {
			best, bestD, bestDF = v, d, df
		}
	}
	if bestD > limit {
		return ""
	}
	return best
}

// englishVariant returns the term of the English word one edit from w (a
// letter left out, added or changed, or two swapped) that the corpus uses
// most, or "": "detecton" is "detection", whose stem "detect" spelling
// cannot reach, because a stem that starts a word and leaves letters over
// is as often the start of another word ("Dmitri" of "Dmitriev"). An
// English word one edit away says the letters over are a slip in the
// ending. Only for words of the length spelling corrects.
func (ix *Index) englishVariant(w string) string {
	if maxEdits(utf8.RuneCountInString(w)) == 0 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	best, bestDF := "", 0
	try := func(v string) {
		t := english.Term(v)
		if df := ix.lex.DF(t); df > bestDF && wordnet.Known(v) {
			best, bestDF = t, df
		}
	}
	for i := 0; i <= len(w); i++ {
		if i < len(w) {
			try(w[:i] + w[i+1:]) // a letter too many
			if i+1 < len(w) {
				try(w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]) // two swapped
			}
		}
		for c := byte('a'); c <= 'z'; c++ {
			try(w[:i] + string(c) + w[i:]) // a letter left out
			if i < len(w) && w[i] != c {
				try(w[:i] + string(c) + w[i+1:]) // a letter changed
			}
		}
	}
	return best
}

// maxEdits is how many edits a term of n letters may be from its
// correction: none below five letters, one up to seven, two from eight.
func maxEdits(n int) int {
	switch {
	case n < 5:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// Weights returns, for BM25, each term of the query's alternatives with the
// greatest share any word gives it.
func (q Query) Weights() map[string]float64 {
	out := map[string]float64{}
	for _, w := range q.Words {
		for _, a := range w.Alts {
			for _, t := range a.Terms {
				out[t] = max(out[t], a.Weight)
			}
		}
	}
	return out
}

// pronounOne reports whether ws[i] is "one" standing for a noun the
// question does not repeat, after a determiner and before no noun of its
// own: "the one pushing the pension thing", "which ones signed", "that one
// who spoke". It is no number ("one ship", "one of the two unions").
func pronounOne(ws []string, i int) bool {
	if ws[i] != "one" && ws[i] != "ones" || i == 0 || !english.Determiner(ws[i-1]) && ws[i-1] != "which" {
		return false
	}
	return i+1 == len(ws) || english.IsStopWord(ws[i+1]) && ws[i+1] != "of" || strings.HasSuffix(ws[i+1], "ing") || !hasNoun(ws[i+1])
}

// thousandGroups returns the groups of three digits, from the right, that
// a number of four digits or more is written in with thousands separators
// ("3600": "3", "600"; the articles' "3,600" is those two words); nil for
// any other word.
func thousandGroups(w string) []string {
	if len(w) < 4 || len(w) > 12 || strings.TrimLeft(w, "0123456789") != "" || w[0] == '0' {
		return nil
	}
	var out []string
	for len(w) > 3 {
		out = append([]string{w[len(w)-3:]}, out...)
		w = w[:len(w)-3]
	}
	return append([]string{w}, out...)
}

// ordinalDigits reports whether t is an ordinal in digits: "19th", "1st",
// "22nd", "3rd".
func ordinalDigits(t string) bool {
	n := len(t) - len(strings.TrimLeft(t, "0123456789"))
	if n == 0 {
		return false
	}
	switch t[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// negated reports whether the lower-case text says "not" or "n't".
func negated(text string) bool {
	return slices.ContainsFunc(strings.Fields(text), func(w string) bool {
		return w == "not" || strings.Contains(w, "n't") || strings.Contains(w, "n’t")
	})
}
