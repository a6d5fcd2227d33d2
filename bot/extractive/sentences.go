package extractive

import (
	"cmp"

	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// sentence is one sentence of an article, with what the answerer needs to
// score it. Sentences are made once, when the answerer is built.
type sentence struct {
	article *corpus.Article
	pos     int         // index among the article's sentences
	all     []*sentence // the article's sentences
	para    int         // index of the paragraph it is in
	start   int         // byte offset in article.Text
	end     int
	text    string
	terms   map[string]int // stemmed term -> count
	words   int
	// context holds the terms of the previous sentence of the article when
	// this one leans on it (starts with a pronoun or a quotation: "“The
	// conversation was very useful,” he said").
	context map[string]bool
	// asked holds, for a sentence of a paragraph that answers the
	// question standing alone in the paragraph before it (an explainer's
	// "Who can go home?"), the terms of that question.
	asked map[string]bool
	// inQuote and quoteGoesOn say whether a quotation of several
	// sentences is open where the sentence starts and where it ends
	// ("“Two pilots on the big ones? About time. I've said it for years,”
	// he said.": the second starts and ends inside it).
	inQuote, quoteGoesOn bool
	// prev is the sentence before it in its article, and leans whether it
	// leans on it (see leansOnPrevious).
	prev  *sentence
	leans bool
	// people is what the article says its people are, shared by its
	// sentences and read on first need (see described).
	people *people
	// about holds, in an interview, the terms of its introduction, which
	// its questions and answers are about; interviewee the terms of the
	// name of whoever speaks its answers (see frameInterview).
	about, interviewee map[string]bool
	// turn is 'Q' or 'A' for the sentence that opens an interview's
	// question or answer ("Q: ...", or "HALLORAN: ...?" and "ODENWALD:
	// ..." in an interview labelled with names; see turnLabels), else 0.
	turn byte
	// introducesInterview is true of the sentence that introduces an
	// interview ("Odesa port director Olena Kravets spoke to ..."): it
	// tells who speaks, not what happened.
	introducesInterview bool

	// What is read with regular expressions is read on first need, for
	// the few sentences of the passages a question retrieves: reading it
	// for every sentence was most of building the answerer.
	once, spkOnce, figOnce sync.Once
	// speakers are the terms of whoever the sentence reports as speaking
	// ("X said", "said X", "according to X", a quotation closed by "he
	// said" with the person named before); nil when it reports no speech.
	speakers map[string]bool
	// feats are its numbers and names (see features).
	feats features
	// cnts are its numbers that may count something (see counts).
	cnts       []string
	countsOnce sync.Once
	// figs are its quantities (see figuresOf).
	figs []string

	// The features read so far (see has): known says which, set which
	// the sentence has.
	mu         sync.Mutex
	known, set uint16

	// Where its measures and its plans stand (see measureLocs,
	// planLocs), read on first need: a question of either kind read
	// them for every candidate, and again at each question.
	measureOnce, planOnce sync.Once
	measures, plans       [][]int
	// Its agents ("mediated by the African Union": union) and whether it
	// tells a feeling, read on first need as well.
	feelOnce sync.Once
	feeling  bool
}

// feels reports whether s tells a feeling (see feels).
func (s *sentence) feels() bool {
	s.feelOnce.Do(func() { s.feeling = feels(s.text) })
	return s.feeling
}

// measureLocs returns where s gives a measure (measureSpans).
func (s *sentence) measureLocs() [][]int {
	s.measureOnce.Do(func() { s.measures = measureSpans(s.text) })
	return s.measures
}

// planLocs returns where s announces a plan (rePlan).
func (s *sentence) planLocs() [][]int {
	s.planOnce.Do(func() { s.plans = rePlan().FindAllStringIndex(s.text, -1) })
	return s.plans
}

// has reports whether the sentence carries feature f, reading it on first
// need.
func (s *sentence) has(f feature) bool {
	bit := uint16(1) << f
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known&bit == 0 {
		s.known |= bit
		var has bool
		switch f {
		case fDuration:
			has = hasDuration(s.text) // not a rate ("40 ships a week")
		case fFrequency:
			has = hasFrequency(s.text)
		case fQuote:
			has = strings.ContainsAny(s.text, "“”\"")
		case fDate:
			has = len(dates.Find(s.text, s.pubDate())) > 0 // the timeline's reader: not "2000 homes"
		case fCalendar:
			has = slices.ContainsFunc(dates.Find(s.text, s.pubDate()), dates.Mention.Explicit)
		case fGreeting:
			has = greets(s.text)
		default:
			has = featurePatterns[f]().MatchString(s.text)
		}
		if has {
			s.set |= bit
		}
	}
	return s.set&bit != 0
}

// f returns the sentence's numbers and names, read once.
func (s *sentence) f() *features {
	s.once.Do(func() { s.feats = featuresOf(s.text) })
	return &s.feats
}

// counts returns the numbers of s that may count something (see
// countsOf), read once, on first need: only a how-many question asks.
func (s *sentence) counts() []string {
	s.countsOnce.Do(func() { s.cnts = countsOf(s.text) })
	return s.cnts
}

// spk returns the sentence's speakers, read once.
func (s *sentence) spk() map[string]bool {
	s.spkOnce.Do(func() {
		if s.introducesInterview {
			return // "She spoke to Rosa Kimani": who talks to whom, no statement
		}
		if s.inQuote {
			// Inside a quotation only what follows its close says who
			// speaks ("Brask told me it cost too much," he said).
			if i := strings.IndexAny(s.text, "”\""); i >= 0 && !s.quoteGoesOn {
				s.speakers = speakersOf(s.text[i:], quoteStart(s).prev, true)
			}
		} else {
			// In a transcript's turn "she said" is the labelled speaker's
			// account of another ("CESK: She said she understood ..."),
			// not her statement: a pronoun there names no speaker.
			s.speakers = speakersOf(s.text, s.prev, s.leans && s.labelled() == nil)
			if len(s.speakers) == 0 {
				s.speakers = nil // no one named: who else may speak is read below
			}
		}
		if s.speakers == nil && s.quoteGoesOn {
			// "“Two pilots on the big ones? About time. I've said it
			// for years,” he said.": whoever says the quotation says
			// each of its sentences.
			for n := s.sibling(1); n != nil && n.para == s.para && n.inQuote; n = n.sibling(1) {
				if !n.quoteGoesOn {
					s.speakers = n.spk()
					break
				}
			}
		}
		if st := quoteStart(s); s.speakers == nil && st != s {
			// "Anselm Drey said: "For three days ... Corvane had been
			// warned ...": the speaker the quotation opened with, named
			// before it opened (not st.spk(), which may look forward to
			// this sentence).
			if i := strings.IndexAny(st.text, "“\""); i > 0 {
				s.speakers = speakersOf(st.text[:i], st.prev, st.leans)
			}
		}
		if s.speakers == nil {
			s.speakers = s.introducedQuote()
		}
		if s.speakers == nil {
			s.speakers = s.labelled()
		}
		if s.speakers == nil && s.turn == 0 && s.people.columnist(s) {
			// A column's own sentences are its author's views: "What
			// does the economics professor think was missing?" is
			// answered by the column of "By Elena Varga".
			s.speakers = termSet(cmp.Or(s.article.Author, s.article.Outlet)) // an unsigned editorial is its paper's
		}
		if s.interviewee != nil {
			if s.speakers == nil {
				s.speakers = map[string]bool{}
			}
			for t := range s.interviewee {
				s.speakers[t] = true
			}
		}
	})
	return s.speakers
}

// people holds what an article says its people are: the terms of their
// titles and appositions by the term of their surname. With it, the other
// things read once for the whole article on first need.
type people struct {
	once sync.Once
	of   peopleOfArticle
	// title holds the terms of the article's title, read on first need
	// (see titled).
	titleOnce sync.Once
	title     map[string]bool
	outlet    map[string]bool // the terms of the article's outlet, read with title
	// column is whether the article is written in its author's own voice
	// (see columnist).
	columnOnce sync.Once
	column     bool
	// withdrawn holds the figures the article's corrections take back,
	// and the correction of each (see correctedBy).
	withdrawnOnce sync.Once
	withdrawn     map[string]*sentence
	// fullNames holds, by the lower-case first and last word of each
	// name of two words or more that the article gives, the terms of the
	// first such name (see fullName), read on first need.
	fullNamesOnce sync.Once
	fullNames     map[string][]string
}

// articleSentences is the sentences of one article, made on first need:
// only the articles of the passages retrieved for a question are ever
// split, so building the answerer costs nothing per article (it was most
// of a warm start at 5,000 articles).
type articleSentences struct {
	once   sync.Once
	sents  []*sentence
	byText map[string]int // sentence text -> index in sents

	calledOnce sync.Once
	called     map[string][]string // the nouns the article calls each name by (see calledBy)
}

// splitArticle splits an article into sentences, with their terms.
func splitArticle(a *corpus.Article) ([]*sentence, map[string]int) {
	var out []*sentence
	byText := make(map[string]int)
	pos, offset := 0, 0
	// prev crosses paragraphs: news paragraphs are short, and a quote
	// often leans on the paragraph before it.
	var prev *sentence
	ppl := &people{}
	roles := turnLabels(a.Paragraphs)
	var asked map[string]bool // the terms of a question standing alone in the paragraph before
	for pi, p := range a.Paragraphs {
		split := english.Split(p)
		answers := asked
		asked = nil
		if len(split) == 1 && loneQuestion(split[0]) {
			asked = make(map[string]bool)
			for _, t := range english.Terms(split[0]) {
				asked[t] = true
			}
		}
		for _, x := range split {
			if reTabledQuestion().MatchString(x) {
				// A written question tabled in parliament ("To ask the
				// Minister of Health how many people fell ill"): the
				// paragraph after it answers it.
				asked = make(map[string]bool)
				for _, t := range english.Terms(x) {
					asked[t] = true
				}
			}
		}
		open := false // a quotation open at this point of the paragraph
		for si, s := range split {
			st := strings.Index(a.Text[offset:], s)
			if st < 0 {
				continue // cannot happen for a well-formed article; skip rather than cite wrongly
			}
			st += offset
			offset = st + len(s)
			sn := &sentence{article: a, pos: pos, para: pi, start: st, end: st + len(s), text: s,
				terms: make(map[string]int), words: len(strings.Fields(s))}
			for _, t := range english.Terms(s) {
				sn.terms[t]++
			}
			turn := interviewTurn(s)
			if reTabledQuestion().MatchString(s) {
				turn = 'Q' // it asks, and answers nothing
			}
			if m := speakerLabel(s); turn == 0 && si == 0 && m != nil {
				turn = roles[m[1]]
			} else if turn == 0 && si == 0 && len(roles) > 0 {
				if m := nameLabel(s); m != nil {
					turn = roles[m[1]] // "Brask: Because ..."
				}
			}
			leans := prev != nil && (turn == 'A' || leansOnPrevious(s))
			if leans {
				sn.context = make(map[string]bool, len(prev.terms))
				for t := range prev.terms {
					sn.context[t] = true
				}
				// An interview's answer answers the whole of the question's
				// paragraph, what it says before it asks too ("Q: On 3
				// March the minister said the outbreak was contained. Was
				// that wrong?", "Q. You kept them apart for a long time.
				// Why?").
				if turn == 'A' {
					for q := prev.prev; q != nil && q.para == prev.para; q = q.prev {
						for t := range q.terms {
							sn.context[t] = true
						}
					}
				}
			}
			sn.prev, sn.leans, sn.people, sn.turn, sn.asked = prev, leans, ppl, turn, answers
			sn.inQuote = open
			open = quoteOpenAfter(s, open)
			sn.quoteGoesOn = open
			if _, dup := byText[s]; !dup {
				byText[s] = len(out)
			}
			out = append(out, sn)
			prev = sn
			pos++
		}
	}
	for _, sn := range out {
		sn.all = out
	}
	frameInterview(out)
	return out, byText
}

// reTabledQuestion finds a written question tabled in a parliament, which
// asks without a question mark: "To ask the Minister of Health how many
// people fell ill", "To ask the Secretary of State whether ...".
var reTabledQuestion = lazy(`^(?:[^:]*:\s*)?To ask (?:the|her|his|whether|if|what|how|why|when|which|who)\b`)

// loneQuestion reports whether s, a paragraph of one sentence, is a
// question that the paragraph after it answers, as in an explainer written
// as questions and answers ("Who can go home?"): a short question, neither
// an interview's turn nor a quotation.
func loneQuestion(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, `"”’' `), "?") && !opensQuote(s) && interviewTurn(s) == 0 &&
		speakerLabel(s) == nil
}

// reInterviewTurn matches the label of a turn of a question-and-answer
// interview: "Q:", "Q.", "A —"; the letter says whose turn.
var reInterviewTurn = lazy(`^([QA])\s*[:.—–-]\s`)

// interviewTurn returns the label letter ('Q' or 'A') a turn of an
// interview opens with, 0 for any other text.
func interviewTurn(text string) byte {
	if m := reInterviewTurn().FindStringSubmatch(text); m != nil {
		return m[1][0]
	}
	return 0
}

// turnLabels reads an interview labelled with its speakers' names
// ("HALLORAN: When did you know you had a deal?" / "ODENWALD: Honestly,
// not until the handshake."): when the paragraphs open with two labels
// only, and one's turns ask (most have a question mark, at the end or
// before what the turn goes on to say: "What about patients' records?
// People are worried.") while the other's do not, the first is the
// interviewer's ('Q') and the second the interviewee's ('A'). Of more labels, those of two turns or more that
// never ask are answers ('A'), when some other label asks. Nil for any
// other article.
func turnLabels(paras []string) map[string]byte {
	turns, asks := map[string]int{}, map[string]int{}
	qTurns := 0
	for _, p := range paras {
		if interviewTurn(p) == 'Q' {
			qTurns++
		}
		m := speakerLabel(p)
		if m == nil {
			// A label in ordinary case ("Ostrand:", "Dornick Post:")
			// counts as one only where it recurs as a turn, as below.
			m = nameLabel(p)
		}
		if m == nil || len(m[1]) == 1 || m[2] != "" {
			continue
		}
		l := m[1]
		turns[l]++
		if strings.Contains(p, "?") {
			asks[l]++
		}
	}
	if len(turns) > 2 {
		// A phone-in, a panel, a hearing: those who never ask answer
		// the turn before theirs ("BRANNAGH: The minister's statement
		// says the industry was consulted at every stage. / MARROW:
		// That's just not true.").
		roles := map[string]byte{}
		asking := false
		for l, n := range turns {
			if asks[l] == 0 && n >= 2 {
				roles[l] = 'A'
			}
			asking = asking || asks[l] > 0
		}
		if !asking {
			return nil
		}
		return roles
	}
	if len(turns) == 1 && qTurns >= minItems {
		// "Q: ... / Ostrand: Relief.": the interviewee's turns carry
		// their name, the interviewer's a Q.
		for l, n := range turns {
			if n >= minItems && asks[l] == 0 {
				return map[string]byte{l: 'A'}
			}
		}
	}
	if len(turns) != 2 {
		return nil
	}
	var q, a string
	for l, n := range turns {
		switch {
		case n >= minItems && 2*asks[l] > n:
			q = l
		case n >= minItems && 4*asks[l] < n:
			a = l
		}
	}
	if q == "" || a == "" {
		return nil
	}
	return map[string]byte{q: 'Q', a: 'A'}
}

// nameLabel returns reLabel's match of a turn's label in ordinary case,
// without brackets: "Ostrand: Relief.", "Dornick Post: What would you
// change?"; nil if none.
func nameLabel(text string) []string {
	if m := reLabel().FindStringSubmatch(text); m != nil && m[2] == "" && m[1] != strings.ToUpper(m[1]) {
		return m
	}
	return nil
}

// frameInterview marks, in an interview in question-and-answer form, who
// its questions and answers are about: "you" in "Q: What worries you
// most?" and the speaker of "A: Drone attacks." are the person the
// introduction names ("Odesa port director Olena Kravets spoke to ..."),
// so the introduction's terms are what they are about, and that person
// speaks the answers.
func frameInterview(sents []*sentence) {
	first, answers := -1, 0
	for i, s := range sents {
		if s.turn == 'Q' && first < 0 {
			first = i
		}
		if s.turn == 'A' {
			answers++
		}
	}
	if first < 0 || answers < 2 {
		return
	}
	// The introduction names whom the interview is with: its first
	// sentence with a name, not the interviewer a later sentence names
	// ("She spoke to Rosa Kimani").
	var intro *sentence
	for _, s := range sents[:first] {
		if reNameRun().MatchString(strings.TrimSpace(s.text[min(len(s.text), 1):])) {
			intro = s
			break
		}
	}
	if intro == nil {
		return
	}
	about := make(map[string]bool, len(intro.terms))
	for t := range intro.terms {
		about[t] = true
	}
	intro.introducesInterview = true
	names := map[string]bool{}
	for _, loc := range reNameRun().FindAllStringIndex(intro.text, -1) {
		for _, t := range english.Terms(intro.text[loc[0]:loc[1]]) {
			names[t] = true
		}
	}
	for _, s := range sents[first:] {
		s.about = about
		if s.turn == 'A' {
			s.interviewee = names
		}
	}
}

// sibling returns the sentence d places from s in its article, or nil.
func (s *sentence) sibling(d int) *sentence {
	if i := s.pos + d; i >= 0 && i < len(s.all) {
		return s.all[i]
	}
	return nil
}

// paraTurn returns the interview turn of s's paragraph: its first
// sentence's label ("A: Not much. Our delegation had 14 people": the
// second sentence is the answer's too).
func (s *sentence) paraTurn() byte {
	first := s
	for p := s.sibling(-1); p != nil && p.para == s.para; p = p.sibling(-1) {
		first = p
	}
	return first.turn
}

// columnist reports whether s's article is a column: it has an author
// (a byline), who speaks in the first person outside quotation marks
// ("my colleagues expected", "let us be honest"), as a report's author
// does not.
func (p *people) columnist(s *sentence) bool {
	p.columnOnce.Do(func() {
		if s.article.Author == "" && s.article.Outlet == "" {
			return
		}
		p.column = slices.ContainsFunc(s.all, func(x *sentence) bool {
			return x.paraTurn() == 0 && firstPerson(x.text) && !strings.ContainsAny(x.text, "\"“”") && speakerLabel(x.text) == nil
		})
	})
	return p.column
}

// firstPerson reports whether text has a writer's first person: "I", "my",
// "we", "our", "us"; not a word in capitals throughout, an acronym ("US
// officials", "ME").
func firstPerson(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if english.PronounPerson(strings.ToLower(w)) == 1 && (w == "I" || strings.ToUpper(w) != w) {
			return true
		}
	}
	return false
}

// titled reports whether term t is a term of the title of s's article.
func (s *sentence) titled(t string) bool {
	s.people.titleOnce.Do(s.readTitle)
	return s.people.title[t]
}

// published reports whether term t is a term of the outlet of s's article
// ("what does the Kestland Chronicle's editorial argue").
func (s *sentence) published(t string) bool {
	s.people.titleOnce.Do(s.readTitle)
	return s.people.outlet[t]
}

func (s *sentence) readTitle() {
	s.people.title, s.people.outlet = termSet(s.article.Title), termSet(s.article.Outlet)
}

// labelled returns, for a sentence of a transcript's turn ("BREL: Our own
// count is 172 ...", "REPORTER (AOIFE BRENNAN): ..."), the terms of the
// label that opens its paragraph: who speaks. A label that is no person
// ("CORRECTION:", "UPDATE:") is none; "Q:" and "A:" are an interview's
// (see frameInterview).
func (s *sentence) labelled() map[string]bool {
	first := s
	for p := first.sibling(-1); p != nil && p.para == s.para; p = first.sibling(-1) {
		first = p
	}
	m := speakerLabel(first.text)
	if m == nil || len(m[1]) == 1 {
		return nil
	}
	if ws := strings.Fields(m[1]); m[2] == "" && len(ws) == 1 && wordnet.Known(strings.ToLower(ws[0])) && !isPersonNoun(strings.ToLower(ws[0])) && first.turn == 0 {
		// "NOTE:", "UPDATE:": no speaker; but a surname that is a word
		// too ("MARROW:") is, where the transcript gives it turns.
		return nil
	}
	out := map[string]bool{}
	for _, t := range english.Terms(strings.ToLower(m[1] + " " + m[2])) {
		out[t] = true
	}
	if ws := strings.Fields(m[1]); len(ws) == 1 && m[2] == "" {
		// "NADIA: In 2023 we flew eleven hours to Meridia": a label of
		// one name speaks for the person the article names in full
		// ("we have with us Nadia Orlov-Benn"), whom a question may
		// name so.
		for _, t := range s.fullName(ws[0]) {
			out[t] = true
		}
	}
	return out
}

// fullName returns the terms of the first name of two words or more in
// s's article whose first or last word is w ("Nadia Orlov-Benn" for
// "NADIA", "Halvard Oberlund" for "OBERLUND"); nil if none.
func (s *sentence) fullName(w string) []string {
	p := s.people
	p.fullNamesOnce.Do(func() {
		p.fullNames = map[string][]string{}
		for _, x := range s.all {
			for _, loc := range reNameRun().FindAllStringIndex(x.text, -1) {
				ws := strings.Fields(x.text[loc[0]:loc[1]])
				if speakerLabel(x.text[loc[0]:]) != nil {
					continue // another label ("ANIKA SOREL:"), no name given in full
				}
				for _, end := range []string{ws[0], ws[len(ws)-1]} {
					end = strings.ToLower(strings.TrimRight(end, "’'s,"))
					if _, ok := p.fullNames[end]; !ok {
						p.fullNames[end] = english.Terms(strings.ToLower(strings.Join(ws, " ")))
					}
				}
			}
		}
	})
	return p.fullNames[strings.ToLower(w)]
}

// reLabel finds a turn's label: one to four capitalised words, maybe a
// name or a description in brackets, and a colon ("CHAIR (Ms Agnes
// Toivola):", "MR PAVEL OSTRANDER (Chief Executive, Merevian Rail
// Cargo):", "Ostrand:"); group 1 the label, group 2 what the brackets say.
var reLabel = lazy(`^((?:[A-Z][\p{L}'’.-]*\s){0,3}[A-Z][\p{L}'’.-]*)(?: \(([A-Z][^()]{0,80})\))?:\s`)

// speakerLabel returns reLabel's match of a transcript's speaker label,
// a label in capitals ("CHAIR (Ms Agnes Toivola):", "MARA VELDEN:"); nil if
// none.
func speakerLabel(text string) []string {
	if m := reLabel().FindStringSubmatch(text); m != nil && m[1] == strings.ToUpper(m[1]) {
		return m
	}
	return nil
}

// isPersonNoun reports whether WordNet files w, a common noun, as a person
// ("reporter", "host", "spokesperson").
func isPersonNoun(w string) bool { return inClass(w, "noun.person") }

// isSpokesperson reports whether the noun w names one who speaks for
// another: "spokesperson", or a word whose commonest sense is one or a
// kind of one ("spokesman", "spokeswoman").
func isSpokesperson(w string) bool {
	return w == "spokesperson" || slices.ContainsFunc(wordnet.RelatedIn(w, 1, nil), func(r wordnet.Relation) bool {
		return r.POS == wordnet.Noun && r.Lemma == "spokesperson" && (r.Kind == wordnet.Synonym || r.Kind == wordnet.Hypernym)
	})
}

// namesPerson reports whether the common noun w is "person" or one of its
// synonyms ("individual", "someone") or a kind of person.
func namesPerson(w string) bool {
	return w == "person" || isPersonNoun(w) || slices.ContainsFunc(wordnet.RelatedIn(w, 1, nil), func(r wordnet.Relation) bool {
		return r.Kind == wordnet.Synonym && r.Sense == 0 && r.POS == wordnet.Noun && r.Lemma == "person"
	})
}

// introducedQuote returns, for a sentence of a paragraph that is a
// quotation, the speakers of the sentence that introduces it at the end
// of the paragraph before ("Minister Elin Brask said:" / "\"Today, 96
// people are going home. ...\""); nil for any other sentence.
func (s *sentence) introducedQuote() map[string]bool {
	first := s
	for p := first.sibling(-1); p != nil && p.para == s.para; p = first.sibling(-1) {
		first = p
	}
	intro := first.sibling(-1)
	if !opensQuote(first.text) || intro == nil || !strings.HasSuffix(strings.TrimSpace(intro.text), ":") {
		return nil
	}
	return speakersOf(intro.text, intro.prev, intro.leans)
}

// reSpeech finds a verb of speech ("said", "told", "added"): the sentences
// a statement question is answered from, and the words a question uses
// to ask for one.
var reSpeech = lazy(`(?i)\b` + english.SpeechVerbPattern + `\b`)

// speakersOf returns the terms of the names near the verbs of speech of s:
// capitalised words (not opening the sentence unless followed by the verb)
// and titles. A pronoun subject brings the names of prev, the sentence s
// leans on. Nil when s reports no speech.
func speakersOf(s string, prev *sentence, leans bool) map[string]bool {
	locs := reSpeech().FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return nil
	}
	out := map[string]bool{}
	add := func(w string) bool { // reports whether w is part of a name or title
		switch {
		case english.SubjectPronoun(strings.ToLower(w)):
			if leans && prev != nil {
				for t := range referent(prev).names() {
					out[t] = true
				}
			}
			return false
		case english.IsTitle(w):
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !english.IsCalendarWord(w) {
			for _, t := range english.Terms(w) {
				out[t] = true
			}
			return true
		}
		return false
	}
	for _, loc := range locs {
		if nounUse(s[:loc[0]]) {
			continue // "wants a say", "his statement": a noun, not a verb of speech
		}
		if strings.HasPrefix(s[loc[1]:], "-") {
			continue // "Karesia's state-owned Karpetrol": a part of a compound
		}
		// Before the verb: the subject, which may stand a few words back
		// behind an apposition ("Egypt, the largest importer, said").
		before := strings.Fields(s[:loc[0]])
		// "Arkady Tsvetkov, Russia's deputy transport minister, said":
		// the speaker is named before the apposition.
		if n := len(before); n > 1 && strings.HasSuffix(before[n-1], ",") {
			for j := n - 2; j >= 0; j-- {
				if strings.HasSuffix(before[j], ",") {
					switch {
					case isNameRun(before[j+1:]):
						// "Trump's envoy, Steve Witkoff, said": the
						// apposition is the name.
						before = before[j+1:]
					case !strings.ContainsAny(strings.Join(before[j:], " "), "\"“”"):
						before = before[:j+1]
					}
					break
				}
			}
		}
		named := false
		for i := len(before) - 1; i >= 0 && i >= len(before)-clauseWindow; i-- {
			w := strings.Trim(before[i], "\"“”‘’'.,;:()")
			if w == "" || titleJoint(before, i) {
				continue
			}
			if named && i > 0 && (w == "of" || w == "the" && before[i-1] == "of") {
				continue // "Aksel Rohde of the Citizens' Party said": the person too
			}
			if !named && (w == "and" || w == "but" || strings.ContainsAny(before[i], "\"“”")) {
				// "X says A was "a bad bargain" and says ...": the
				// second verb's subject is X's, not a name inside A.
				break
			}
			if add(w) {
				named = true
			} else if named || english.SubjectPronoun(strings.ToLower(w)) {
				break // the name before the verb is whole
			} else if i > 0 && prev != nil && (before[i-1] == "the" || before[i-1] == "its") && (i == 1 || strings.ContainsAny(before[i-2], ",;:.\"“”")) && isOrganisation(strings.ToLower(w)) {
				// "The seals are made by Varro Dynamics. In a statement,
				// the company said it accepts the findings": a body named
				// by what it is, opening its clause (not "a spokeswoman
				// for the union"), speaks for the one the sentence before
				// names.
				for t := range referent(prev).names() {
					out[t] = true
				}
				break
			}
		}
		if len(out) == 0 {
			// "In Velmora, a nurse who marched with her daughter ... told
			// the Courier": a speaker the sentence describes and does not
			// name is what it says of them.
			terms, head := unnamedSpeaker(before)
			for _, t := range terms {
				out[t] = true
			}
			if prev != nil && head >= 0 && head == len(before)-1 && isSpokesperson(strings.ToLower(strings.Trim(before[head], "\"“”‘’'.,;:()"))) {
				// "Clearline Integrity ... has given us its first
				// estimate. A spokesperson said ...": one who speaks for
				// another, and is not said whom for, speaks for the body
				// the sentence before names, or for whom the spokesperson
				// there spoke ("... the spokesperson said").
				for t := range referent(prev).names() {
					out[t] = true
				}
				for t := range prev.spk() {
					out[t] = true
				}
			}
		}
		// After the verb, only a name that follows it at once: "said
		// Kremlin aide Yury Ushakov", not "said that Lavrov and Rubio";
		// or after what the speaker is, set off by a comma: "said the
		// woman, Leila Marchetti,".
		after := strings.Fields(s[loc[1]:])
		if j := describedName(after); j > 0 {
			after = after[j:] // "said the retired nurse Marta Oslin, 68."
		} else if len(after) > 2 && english.Determiner(strings.ToLower(after[0])) {
			for j := 1; j < len(after)-1 && j <= phraseWindow; j++ {
				if strings.HasSuffix(after[j], ",") {
					if end := slices.IndexFunc(after[j+1:], func(w string) bool { return strings.ContainsAny(w, ",.;:") }); end >= 0 && isNameRun(after[j+1:j+2+end]) {
						after = after[j+1:]
					}
					break
				}
				if strings.ContainsAny(after[j], ".;:\"“”") {
					break
				}
			}
		}
		if len(after) > 1 && after[0] == "the" && leans && prev != nil && isPersonNoun(strings.Trim(after[1], ".,;:")) {
			// "'I just want to hear from a person that it's safe,' said
			// the pensioner": the one the sentence before names.
			for t := range referent(prev).names() {
				out[t] = true
			}
		}
		for _, w := range after {
			t := strings.Trim(w, "\"“”‘’'.,;:()")
			if t == "" || !add(t) {
				break
			}
			if t != w {
				break // "said Lavrov, adding": the name ends at the comma
			}
		}
	}
	return out
}

// unnamedSpeaker returns the terms of the words before a verb of speech
// (before) that describe a speaker they do not name: from a determiner and
// a person's noun ("a nurse", "the 31-year-old mother") that open the
// clause to the verb ("a nurse who marched with her daughter on the day of
// the general strike"); nil if the clause opens otherwise. head is the
// index in before of the person's noun, -1 if none.
func unnamedSpeaker(before []string) (terms []string, head int) {
	start := len(before)
	for start > 0 && !strings.ContainsAny(before[start-1], ",;:.?!\"“”") {
		start--
	}
	clause := before[start:]
	if len(clause) < 2 || !english.Determiner(strings.ToLower(clause[0])) {
		return nil, -1
	}
	for j := 1; j < len(clause) && j <= phraseWindow; j++ {
		w := strings.ToLower(clause[j])
		if english.IsStopWord(w) {
			return nil, -1 // "the minister's office", "a spokesman for": the head came before
		}
		if r, _ := utf8.DecodeRuneInString(clause[j]); unicode.IsUpper(r) {
			return nil, -1 // a name, read elsewhere
		}
		if isPersonNoun(w) {
			var out []string
			for _, x := range clause {
				if x := strings.ToLower(strings.Trim(x, ".,;:()'’")); !english.IsStopWord(x) {
					out = append(out, english.Terms(x)...)
				}
			}
			return out, start + j
		}
	}
	return nil, -1
}

// describedName returns where the name begins in the words after a verb
// of speech that say what the speaker is and then name them ("the retired
// nurse Marta Oslin, 68."): a determiner, words of no capital and no stop
// word ending in a person's noun, then a name; 0 for other words ("the
// minister in Varden").
func describedName(after []string) int {
	if len(after) < 3 || !english.Determiner(strings.ToLower(after[0])) {
		return 0
	}
	for j := 1; j < len(after) && j <= phraseWindow; j++ {
		w := after[j]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			if j > 1 && isPersonNoun(after[j-1]) && isNameRun(after[j:j+1]) {
				return j
			}
			return 0
		}
		if english.IsStopWord(w) || strings.ContainsAny(w, ",.;:\"“”") {
			return 0
		}
	}
	return 0
}

// nounUse reports whether a word of speech that follows before is a noun:
// after a determiner (english.Determiner), "no" or a possessive ("a say",
// "the call", "its comment", "those remarks", "Egypt's state grain buyer").
func nounUse(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	if english.Determiner(last) || last == "no" { // "no comment"
		return true
	}
	return strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s")
}

// names returns the terms of the capitalised words of s but its first.
func (s *sentence) names() map[string]bool {
	out := map[string]bool{}
	ws := strings.Fields(s.text)
	for i, w := range ws {
		w = strings.Trim(w, "\"“”‘’'.,;:()")
		if w == "" || i == 0 && !(len(ws) > 1 && !english.IsStopWord(strings.ToLower(w)) && isNameRun(ws[:2])) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !english.IsCalendarWord(w) {
			for _, t := range english.Terms(w) {
				out[t] = true
			}
		}
	}
	return out
}

// isNameRun reports whether ws are capitalised words, a name ("Steve",
// "Witkoff,").
func isNameRun(ws []string) bool {
	for _, w := range ws {
		w = strings.Trim(w, ",")
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsUpper(r) || english.IsTitle(w) {
			return false
		}
	}
	return len(ws) > 0
}

// leansOnPrevious reports whether a sentence needs the one before it to be
// understood: it opens with a pronoun or a quotation, or says "he said".
func leansOnPrevious(s string) bool {
	// An interview's answer ("A: Drone attacks.") answers the question
	// before it ("Q: What worries you most?").
	if interviewTurn(s) == 'A' {
		return true
	}
	if english.Anaphor(strings.ToLower(strings.Trim(firstWord(s), ",.;:"))) {
		return true
	}
	// "I don't know what else I would do," said Kostova: a quotation
	// that closes without opening here opened in the sentence before.
	if closesQuote(s) {
		return true
	}
	// "The Secretary of State was in Jerusalem ...": a title standing for
	// the person named before.
	if reTitleSubject().MatchString(s) {
		return true
	}
	if pronounSubject(s) {
		return true
	}
	if !opensQuote(s) {
		return false
	}
	// A sentence that opens with a quotation leans on the one before
	// unless it names its speaker: `“…,” he said` leans, `"…," Kremlin aide
	// Yury Ushakov told …` and `“…,” Bruce said` do not.
	m := reAttribution().FindStringSubmatch(s)
	if m == nil {
		return true
	}
	w := strings.ToLower(m[1])
	if reSpeech().MatchString(w) && m[2] != "" {
		w = strings.ToLower(m[2]) // `“…,” said the pensioner`
	}
	return english.SubjectPronoun(w) || w == "the"
}

// pronounSubject reports whether a personal pronoun among the first words
// of s, before any name, is its subject: "In protest, he postponed ...",
// "On 15 July he was the pilot".
func pronounSubject(s string) bool {
	for i, w := range strings.Fields(s) {
		if i >= clauseWindow {
			break
		}
		if i > 0 && unicode.IsUpper([]rune(w)[0]) && !english.IsCalendarWord(strings.Trim(w, ",.;:")) {
			break // a name comes first
		}
		if w := strings.ToLower(strings.Trim(w, ",.;:")); w != "it" && english.SubjectPronoun(w) {
			return true
		}
	}
	return false
}

// quoteStart returns the sentence that opens the quotation s is inside,
// s itself when it opens one or is in none: the sentence before that is
// what a closing "he said" leans on.
func quoteStart(s *sentence) *sentence {
	for s.inQuote && s.prev != nil && s.prev.para == s.para {
		s = s.prev
	}
	return s
}

// isOrganisation reports whether a common noun names a body that issues
// statements: "the company said", "the agency said". WordNet files one of
// its commonSenses as a group ("ministry"; "bank" in its second sense),
// and its commonest is no person ("minister", "owner"): a person is
// named, not referred to by the noun of a body.
func isOrganisation(w string) bool {
	return slices.Contains(wordnet.Classes(w, wordnet.Noun, commonSenses), "noun.group") && !isPersonNoun(w)
}

// referent returns the sentence that names whom a pronoun after prev
// stands for: prev, unless prev's own subject is a pronoun ("Captain Erik
// Sandor has flown ... On 15 July he was the pilot of the aircraft that
// Vulin saw turn round. "... like it's a wall," he said": Sandor, not
// Vulin); then the sentence that one leans on, and so on back to the
// sentence whose subject is no pronoun: a run of "he" is one person's.
func referent(prev *sentence) *sentence {
	r := prev
	for r.prev != nil && pronounSubject(r.text) {
		r = r.prev
	}
	return r
}

// reAttribution finds the first word after a quotation's closing mark,
// and the second.
var reAttribution = lazy(`[,.?!…]\s*[”"’]\s*(\p{L}+)(?:\s+(\p{L}+))?`)

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// quoteOpenAfter reports whether a quotation is open at the end of s,
// given whether one was open at its start: curly quotes open and close,
// a straight one closes an open quotation and opens one otherwise.
func quoteOpenAfter(s string, open bool) bool {
	for _, r := range s {
		open, _ = quoteStep(open, r)
	}
	return open
}

// quoteStep returns whether a quotation is open after r, given whether
// one was open before it (see quoteOpenAfter), and whether r is a
// quotation mark.
func quoteStep(open bool, r rune) (after, mark bool) {
	switch r {
	case '“':
		return true, true
	case '”':
		return false, true
	case '"':
		return !open, true
	}
	return open, false
}

// opensQuote reports whether s opens with a quotation mark.
func opensQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '‘'
}

// closesQuote reports whether s ends a quotation it does not open: a
// closing quote mark (after a word, before the attribution) with no
// opening one before it.
func closesQuote(s string) bool {
	for i, r := range s {
		switch r {
		case '“':
			return false
		case '”':
			return true
		case '"':
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			return i > 0 && !unicode.IsSpace(p)
		}
	}
	return false
}

// reTitleSubject matches a sentence whose subject is a bare title: "The
// Secretary of State was ...", "The Russian foreign minister said ...".
var reTitleSubject = lazy(`^The (?:(?:U\.S\.|[A-Z][a-z]+|[a-z]+) ){0,2}` + english.TitlePattern + `(?: of(?: [A-Z][a-z]+)+)? [a-z]`)

// pubDate is the publication date of s's article; zero for a sentence of
// none (a test's).
func (s *sentence) pubDate() time.Time {
	if s.article == nil {
		return time.Time{}
	}
	return s.article.Published
}

// namesNear returns whether a term is named by s, what it leans on or
// answers (its context and asked terms), the sentence before it in its
// paragraph or, with titled, its article's title: where a sentence that
// gives a figure or a kind may name whose it is ("Tarsair's chief spoke
// on Monday. The airline lost 3 million crowns").
func (s *sentence) namesNear(titled bool) func(string) bool {
	p := s.paraBefore()
	return func(t string) bool {
		return s.terms[t] > 0 || s.context[t] || s.asked[t] || p != nil && p.terms[t] > 0 || titled && s.titled(t)
	}
}

// paraBefore returns the sentence before s in its paragraph, or nil.
func (s *sentence) paraBefore() *sentence {
	if p := s.sibling(-1); p != nil && p.para == s.para {
		return p
	}
	return nil
}
