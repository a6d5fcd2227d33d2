package extractive

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/retrieval"
)

// query is an analysed question.
type query struct {
	text string
	kind kind
	// also is the best sentence for the second question a question asks
	// after "and" or a comma (see secondQuestion), where it has support of
	// its own.
	also  *candidate
	words []retrieval.QueryWord // content words that count, scaffold left out
	// total is the weight (IDF) of the question's words, those the corpus
	// has nothing for included (see retrieval.QueryWord.IDF).
	total float64
	given map[string]bool // lower-case words of the question
	// named holds the indexes into words of the people the question
	// names (see retrieval.QueryWord.Person): whom it asks about.
	named []int
	// opposed holds, for each adjective of the question that has an
	// opposite the question does not also name ("smaller", not in "old
	// vs new"), its index into words and its opposites (see opposes).
	opposed []opposite
	// when holds, for "where was X when Y", the indexes into words of the
	// clause that says when (Y): where X was is no place next to Y.
	when map[int]bool
	// occasion holds, for "how did X react when Y", the indexes of the
	// words of Y.
	occasion map[int]bool
	// subject is whom a statement or reaction question asks about ("what
	// did X say"): indexes into words.
	subject []int
	// described holds the indexes into words of the whole phrase that
	// names the subject ("the retired woman waiting outside the bank"),
	// and as the surname term of the person the articles say it
	// describes (see resolveSubject); "" if none.
	described []int
	as        string
	// premiseWord is the index into words of what a who-question asks
	// the doer of: its verb ("led" in "who led the delegation") or the
	// role it names ("judge" in "who was the judge who struck down the
	// charge"); -1 if none.
	premiseWord int
	// act is the term of the verb a question with a subject asks what the
	// subject did ("demand" in "what did the union demand"); "" if none or
	// a verb of speech, which a sentence's speaker answers.
	act string
	// speech is the term of that verb when it is one of speech ("call"
	// in "what does the editorial call for"): an article the question
	// names speaks with it ("This newspaper calls for three things").
	speech string
	// pooled is what the retrieved articles say their people are, by
	// surname, for a question with a subject (see pooledDescriptions).
	pooled map[string]map[string]bool
	// refers holds, for a word that names an article rather than what it
	// says ("the Kestland Chronicle's editorial", "the opinion column"),
	// the ids of the articles it names (see articleRefs).
	refers map[int]map[string]bool
	// unread holds a summary's words the articles never use, left out of
	// words ("tl;dr of the whole strike saga"): one may name an article
	// by its outlet or kind ("tl;dr of the Chronicle's column"), which
	// the articles' text does not say (see articleRefs).
	unread []retrieval.QueryWord
	// outcome is true of a summary that asks what came of something ("the
	// outcome of the talks"): what was agreed or decided leads it.
	outcome bool
	// owners holds, for a noun the question gives an owner ("Orvania's
	// delegation"), the owner's term by the noun's.
	owners map[string]string
	// role is, for "who is the R of X" and "who is X's R", the index into
	// words of the role R asked for; -1 if none. roleOwner is X's index
	// of "the R of X"; -1 if none.
	role, roleOwner int
	// modifiers holds, for a noun of the question after another of its
	// words ("Veltrian delegation"), that word's index into words.
	modifiers map[string]int
	// placeModifiers are the modifiers that are a place's adjective or the
	// articles' own word (see placeAdjective), read once.
	placeModifiers map[int]bool
	// objects holds, for a verb of the question whose object is a place
	// or a name ("represented the United States"), the object's index
	// into words, by the verb's term (see objectOfAnother).
	objects map[string]int
	// sides are the two things a comparison compares: indexes into words.
	sides [2][]int
	// identity: the question asks who someone it names is ("who's X",
	// "what's X's job").
	identity bool
	// focus is what a "how many" question counts ("how many ships"): an
	// index into words, or -1. countVerb is what those counted did or had
	// done to them ("how many firefighters were hurt"): an index into
	// words, or -1.
	focus, countVerb int
	// measured is what a count in a unit measures ("how many tonnes of
	// freight"): an index into words, or -1.
	measured int
	// people: a "how many" question counts people ("how many people",
	// "how many ppl"), which a number of a kind of person answers ("200
	// farmers", "1.3 million Valdorians"); a name question asks a
	// person's name ("the name of the pilot"), which a name of a place
	// does not give.
	people bool
	// asksSaying: the question asks what someone said or would not say
	// ("did Witkoff say if", "what did Kalvane refuse to say"), which a
	// refusal to answer answers.
	asksSaying bool
	// corrects: the question asks about a correction ("which number did
	// the newsletter have to correct", "the column got a number wrong"),
	// which a correction's sentences answer.
	corrects bool
	// money: a "how much" question asks what something cost, was paid or
	// is worth ("how much did the convoy cost"), which only a sum of money
	// answers, not "800 tonnes".
	money bool
	// size: a measure question asks how large or big, which an amount of
	// money answers for a thing of no length ("how large is the fund").
	size bool
	// dimension is what a measure question measures (see dimensions): "how
	// deep" a length, "how fast" a speed; "" for any.
	dimension string
	// clock: the question asks for a time of day ("what time").
	clock bool
	// future: a when-question asks about what is to come ("when will the
	// inquiry report"), which "within six months" answers.
	future bool
	// done is the index into words of what a yes/no question, one of a
	// result or a "how did" asks the outcome of, as done ("did the cabinet
	// approve", "the result of the vote", "how did the chamber vote"),
	// which a sentence that only announces it does not answer; -1 if none.
	done int
	// dated holds the indexes into words of the act a when-question asks
	// the date of ("built" in "when was the Tolvar Dam built"; "permitted"
	// and "return" in "when were residents permitted to return", either
	// of which tells it); none if it asks of none. acts holds, by the
	// same index, such a verb with the alternatives of its verb senses
	// only (see verbSenses).
	dated []int
	acts  map[int]retrieval.QueryWord
	// years are the years the question names ("in 2024", "the September
	// 2024 consultation"): what it asks is of that year.
	years []int
	// doneHow: the question asks how what it names went ("how did the
	// chamber vote"), which a sentence without it does not say.
	doneHow bool
	// final: the question asks how things ended ("in the end").
	final bool
	// amount: the question asks how much, which an amount answers ("$26
	// a tonne", "15 percent"), not any number.
	amount bool
	// percent: the question asks for a share ("what proportion of
	// members", "by what percentage"), which a percentage answers ("64 per
	// cent"), not a sum or a count.
	percent bool
	// asksAny: a yes-or-no question asks whether there is any of something
	// ("did anyone die"), which a sentence that says there is none
	// settles.
	asksAny bool
	// many: the question asks how many, which a count answers, not a sum
	// or a share ("15 percent").
	many bool
	// typ is the noun a "which X" or "what X" question asks for an
	// instance of ("which countries", "in what venue", "which Turkish
	// diplomat"), lower case; "" when it names none.
	typ string
	// retrieved are the ids of the articles of the passages retrieved
	// for the question, in the order of their first passage.
	retrieved []string
	// typIsPerson caches typPerson: 0 unread, 1 no, 2 yes.
	typIsPerson int8
	// kinds caches broaderKinds.
	kinds map[string]bool
	// plural: the question asks for several ("which countries"), not one
	// ("which Turkish diplomat"), so several names count more than one.
	plural bool
	// slot is the weight of the answer the question asks for, for the
	// kinds that ask for a thing a sentence carries or not (see slotted):
	// one average word of the question. 0 for the other kinds.
	slot float64
}

// scaffold are question words that say what kind of answer is wanted, not
// what it is about: they neither match nor count as unknown.
var scaffold = map[string]bool{
	"say": true, "tell": true, "describ": true, "accord": true, "mention": true,
	"happen": true, "answer": true, "explain": true, "think": true,
	"call": true, "name": true, "kind": true, "type": true, "exact": true,
	"react": true, "reaction": true, "respond": true, "respons": true,
	"compar": true, "comparison": true, "contrast": true, "chang": true, "differ": true, "vs": true, "versu": true,
	"summar": true, "summari": true, "recap": true, "overview": true,
	"job": true, "role": true, "titl": true, "peopl": true, "person": true,
	"reason": true, "mean": true, "know": true,
	// The words of a formal request: "Kindly identify the spokesperson
	// quoted in connection with the talks and state the substance of her
	// remarks".
	"identifi": true, "specifi": true, "substanc": true, "connect": true, "regard": true,
	// Words for the articles themselves: "which wire service keeps getting
	// cited in these articles", "who wrote the piece".
	"articl": true, "piec": true, "stori": true,
}

// kindScaffold are the words that only say what kind of answer a question
// of a kind wants, where its rule does not read them (see kindWords): the
// outlets and their verbs, wherever a question names them ("which paper
// ran it"); the reports a change is between; what a person acted as.
var kindScaffold = map[kind]map[string]bool{
	kindSource: {"site": true, "websit": true, "outlet": true, "paper": true, "newspap": true, "public": true, "report": true, "sourc": true, "ran": true, "run": true, "carri": true, "quot": true, "cover": true, "publish": true,
		"wire": true, "agenc": true, "blog": true, "live": true, "newslett": true,
		// Which of an outlet's reports: "the wire agency's first
		// version", "the blog's earlier entry", "the live blog first gave
		// one figure ... later corrected it".
		"version": true, "entri": true, "first": true, "earlier": true, "origin": true, "later": true, "give": true,
		"tv": true, "radio": true, "channel": true, "station": true, "network": true, "broadcast": true, "programm": true, "program": true, "show": true, "air": true, "talk": true, "speak": true, "interview": true},
	// "what changed between the early reports and the later ones": words
	// for the reports and their order, not for what changed.
	kindChange: {"earli": true, "early": true, "later": true, "late": true, "first": true, "initi": true, "origin": true,
		"report": true, "one": true, "latest": true, "last": true, "final": true, "new": true, "newer": true, "updat": true, "subsequ": true, "coverag": true,
		"follow": true, "up": true, "followup": true, // "the follow-up"
		"day": true, "week": true}, // "a few days later"
	kindPerson: {"act": true, "serv": true}, // "who acted as go-between", "who served as mediator": who was
}

// isScaffold reports whether term (a compound's terms joined by "+": "tv
// channel") is scaffold of a question of kind k: each of its terms is.
func isScaffold(k kind, term string) bool {
	for _, t := range strings.Split(term, "+") {
		if !scaffold[t] && !kindScaffold[k][t] {
			return false
		}
	}
	return true
}

var (
	// reSubject finds whom a statement or reaction question asks about:
	// the words between the auxiliary and the verb ("what did X say",
	// "how did X react", "what's X saying").
	reSubject = lazy(`\b(?:did|does|do|has|have|had|is|are|was|were|will|would|'d|'s)\s+(.+?)\s+(?:` + statementVerbs + `|react|reacted|respond|responded|mean|see|view|make of|take|took|feel|felt)\b`)
	// reAccording finds whose account a question asks for: at its
	// opening, then a comma (group 1 or 2 the source, group 3 the rest:
	// "according to the bulletin, ...", "in the engineer's view, ...",
	// "per the inquiry, ..."), or inside it ("according to X", group 4;
	// "X's response / view", group 5).
	reAccording = lazy(`^(?:(?:according to|in the (?:view|words|opinion) of|per) ([^,?]{1,60})|in ([^,?]{1,40})'s (?:view|words|opinion)), *(.+)$|\baccording to\s+([^,?;:]+)|\b(\S+?)(?:'s|’s)\s+(?:response|reaction|view|position|take|stance|answer)\b`)
)

// onlyPerson reports whether a question is nothing but the name of a
// person the articles name ("ruthven?", "and Lavrov??"): chat for "who is
// X"; with scaffolded, the words that only say what is asked may stand
// beside it ("what is Lavrov's job").
func onlyPerson(analysed retrieval.Query, lower string, scaffolded bool) bool {
	if len(analysed.Words) == 0 {
		return false
	}
	named := map[string]bool{}
	person := false
	for _, w := range analysed.Words {
		if scaffolded && isScaffold(kindOther, w.Term) {
			named[w.Word] = true
			continue
		}
		if !w.Person {
			return false
		}
		person = true
		for _, x := range strings.Fields(strings.ToLower(w.Word)) {
			named[x] = true
		}
	}
	for _, x := range english.Words(lower) {
		if !named[x] && !english.IsStopWord(x) && !english.IsFiller(x) {
			return false
		}
	}
	return person
}

// analyse turns a question into weighted words and a kind; ix supplies
// the corpus's statistics and vocabulary.
func analyse(ix Corpus, text string) *query {
	text = BareQuestion(text)
	asked := askedPart(english.UnshortenText(text))
	lower := strings.ToLower(strings.NewReplacer("’", "'", "?", " ").Replace(asked))
	analysed := ix.Analyze(withoutRequest(ownRemarkOff(text)))
	q := &query{text: text, kind: kindOf(respelled(asked, analysed)), given: map[string]bool{}, focus: -1, countVerb: -1, measured: -1}
	for _, w := range english.Words(text) {
		q.given[w] = true
	}
	for _, m := range rePossessive().FindAllStringSubmatch(lower, -1) {
		if owner, noun := english.Term(m[1]), english.Term(m[2]); owner != "" && noun != "" && !english.IsStopWord(m[2]) {
			if q.owners == nil {
				q.owners = map[string]string{}
			}
			q.owners[noun] = owner
		}
	}
	if onlyPerson(analysed, lower, q.kind == kindOther) {
		// "Ruthven?"; and with a word that only says what is asked
		// ("what is Lavrov's job", "lavrov's title?"), in a question
		// of no other kind: who they are.
		q.kind, q.identity = kindPerson, true
	}
	// The words the kind's rule reads the kind by ask for an answer of
	// the kind; they are no words the answer must have: "what prompted
	// it" asks for a cause, as "why" does; "how many days" the unit a
	// duration is asked in ("scheduled to last three days"); "how old"
	// a measure the answer gives as a number ("Imre, 51,"; "a
	// 22-year-old student" is no answer to "how old is Falk").
	kindWords := kindWords(q.kind, lower)
	// "the outcome", "the bottom line", "what came of it": what a
	// summary asks for, and what a topic is when it is the outcome.
	outcome := map[string]bool{}
	for _, m := range askedOutcome(lower) {
		for _, t := range english.Terms(m[0]) {
			outcome[t] = true
		}
		for _, t := range english.Terms(m[1]) {
			if q.kind == kindSummary {
				kindWords[t] = true
			}
		}
	}
	if q.kind == kindMeasure {
		q.dimension, q.size = measureAsked(lower)
	}
	q.corrects = reAsksCorrection().MatchString(lower)
	// "what proportion of readers": the share asked for is answered by a
	// percentage, not by the word; the words it is asked by are scaffold.
	var shareTerms []string
	if w := shareAsked(lower); w != "" && q.kind == kindCount {
		q.percent = true
		shareTerms = english.Terms(w)
	}
	// "how many were injured in the end", "what was finally agreed": the
	// words that ask how things ended ask for the last word of the
	// reports (see query.final), not about an end.
	for _, m := range reOutcome().FindAllStringSubmatch(lower, -1) {
		if m[3] != "" && q.kind != kindSummary {
			shareTerms = append(shareTerms, english.Terms(m[3])...)
		}
	}
	// "what error did the Ledger correct": a correction answers whatever
	// word the question has for the mistake.
	for _, m := range reAsksCorrection().FindAllStringSubmatch(lower, -1) {
		shareTerms = append(shareTerms, english.Terms(m[3])...)
	}
	q.asksAny = q.kind == kindYesNo && asksAny(lower)
	// "in what venue did they meet": a place the articles name in other
	// words ("at the Diriyah Palace") is the venue asked for; the noun
	// asked for, which they never use, is the slot the answer fills.
	askedType, askedUnknown := "", false
	// What a count question counts is what it is about, even where the
	// word elsewhere only says what kind of answer is wanted: "how many
	// jobs will go" counts jobs, "what's her job" asks a role.
	var counted string
	if m := countedWords(lower); q.kind == kindCount && len(m) > 0 && english.Term(m[0]) != english.Term("people") && !isPersonNoun(lemmaNoun(m[0])) {
		counted = m[0] // not "how many people", which the count of people answers (see countsPeople)
	}
	if typ, _ := answerType(lower); q.kind == kindPlace && typ != "" && isLocationNoun(typ) {
		askedType = english.Term(typ)
	}
	for _, w := range analysed.Words {
		if w.Term == askedType && askedType != "" && w.Knownness() == 0 {
			askedUnknown = true
			continue
		}
		if slices.Contains(shareTerms, w.Term) {
			continue
		}
		if w.Word == counted && q.kind == kindCount && strings.Contains(lower, "how much") && moneyVerb(w.Word) {
			// "how much cash did the minister put up": the sum answers
			// the money asked for, as a percentage does a share.
			continue
		}
		// "last" after a determiner is a modifier ("the last session");
		// a noun that asks the length is scaffold after one too ("the
		// duration of the talks").
		if (isScaffold(q.kind, w.Term) || kindWords[w.Term]) && !(q.kind == kindDuration && w.Term == "last" && determined(lower, w.Word)) && w.Word != counted {
			continue
		}
		if q.kind == kindSummary && !w.Known() {
			// "tl;dr of the whole strike saga": a summary is of what the
			// articles tell; a word they never use, nor any word for it,
			// narrows it to nothing.
			q.unread = append(q.unread, w)
			continue
		}
		if q.corrects && (isScaffold(kindSource, w.Term)) {
			// "which figure did the wire agency get wrong in its first
			// version": who reported it, and which version (the words of
			// a source and of a change between reports), say which report
			// corrected itself; its correction answers, whatever word the
			// question has for the mistake.
			continue
		}
		q.words = append(q.words, w)
		q.total += w.IDF
	}
	// "who is the secretary-general of X": the role asked for.
	q.role, q.roleOwner = -1, -1
	if role := roleAsked(lower); role != "" && q.kind == kindPerson && !q.identity {
		if ix := q.head(strings.ReplaceAll(role, "'s ", " ")); len(ix) > 0 {
			q.role = ix[0]
		}
		// "the head of the National Water Agency": whose role it is.
		if _, owner, ok := strings.Cut(role, " of "); ok && q.role >= 0 {
			if ix := q.indexes(owner); len(ix) > 0 && ix[0] != q.role {
				q.roleOwner = ix[0]
			}
		}
	}
	// "the Veltrian delegation": a word of the question before a noun of
	// it says whose the noun is, as a possessive does (see mentionOfAnother).
	ws := english.Words(lower)
	for i := 1; i < len(ws); i++ {
		noun, mod := english.Term(ws[i]), english.Term(ws[i-1])
		if noun == "" || mod == "" || !isNoun(ws[i]) || q.owners[noun] != "" || onlyAdverb(ws[i-1]) {
			continue // (not "almost collapse": an adverb and a verb)
		}
		for j, w := range q.words {
			if w.Term == mod && slices.ContainsFunc(q.words, func(x retrieval.QueryWord) bool { return x.Term == noun }) {
				if q.modifiers == nil {
					q.modifiers = map[string]int{}
				}
				q.modifiers[noun] = j
			}
		}
	}
	// "who represented the United States": a verb of the question and the
	// place or name it acts on (see objectOfAnother).
	for i := 0; i+1 < len(ws); i++ {
		if !isVerb(ws[i]) || isNoun(ws[i]) {
			continue
		}
		k := i + 1
		for k < len(ws) && english.Determiner(ws[k]) {
			k++
		}
		v := slices.IndexFunc(q.words, func(w retrieval.QueryWord) bool { return w.Term == english.Term(ws[i]) })
		o := slices.IndexFunc(q.words, func(w retrieval.QueryWord) bool {
			first, _, _ := strings.Cut(w.Word, " ")
			return k < len(ws) && first == ws[k] && (w.Person || isLocationNoun(w.Word))
		})
		if v >= 0 && o >= 0 {
			if q.objects == nil {
				q.objects = map[string]int{}
			}
			q.objects[q.words[v].Term] = o
		}
	}
	for _, j := range q.modifiers {
		if placeAdjective(q.words[j]) {
			if q.placeModifiers == nil {
				q.placeModifiers = map[int]bool{}
			}
			q.placeModifiers[j] = true
		}
	}
	// "the minister's decision to guarantee all deposits": a noun of an
	// act before "to" and a verb says that the verb was done, which the
	// articles tell by the verb or its noun ("the guarantee"); it weighs
	// half.
	for i := 0; i+2 < len(ws); i++ {
		if ws[i+1] != "to" || !isVerb(ws[i+2]) || !isNoun(ws[i]) || !inClass(lemmaNoun(ws[i]), "noun.act") {
			continue
		}
		for _, j := range q.indexes(ws[i]) {
			q.halve(j)
		}
	}
	// Whom the question asks about as a speaker or actor ("what did X
	// say", "why does X say", "how did X react", "according to X"), in any
	// kind of question.
	if m := reSubject().FindStringSubmatchIndex(lower); m != nil {
		q.subject = q.subjectHead(lower[m[2]:m[3]])
		q.described = q.indexes(lower[m[2]:m[3]])
		if verb := strings.TrimSpace(lower[m[3]:m[1]]); !reSpeech().MatchString(verb) {
			q.act = english.Term(verb) // a verb of speech asks for the speaker (see kindBonus)
		} else if t := english.Term(verb); t != english.Term("say") && t != english.Term("tell") && t != english.Term("told") && t != english.Term("think") {
			// Not "say" or "think", which any of its sentences does.
			q.speech = t
		}
		if phrase := lower[m[2]:m[3]]; len(q.subject) == 1 && (q.kind == kindStatement || q.kind == kindReaction) && qualified(phrase, q.words[q.subject[0]].Word) {
			// "the skipper whose boat got seized": what follows the
			// subject's head says which one; the articles may say it in
			// their own words ("whose trawler was detained"), so those
			// words weigh half.
			for _, i := range q.indexes(phrase) {
				if i > q.subject[0] {
					q.halve(i)
				}
			}
		}
		if phrase := lower[m[2]:m[3]]; len(q.subject) == 1 && (q.kind == kindStatement || q.kind == kindReaction) && isPersonName(q.words[q.subject[0]]) {
			// "the dialysis patient Jonas Felder": the name says who; the
			// words before it describe them, as the articles may once, or
			// not beside what they say ("'The minister came, she shook
			// hands, she left,' Felder said"): they weigh half.
			for _, i := range q.indexes(phrase) {
				if i < q.subject[0] {
					q.halve(i)
				}
			}
		}
	} else if m := reAccording().FindStringSubmatch(lower); m != nil {
		q.subject = q.subjectHead(m[1] + " " + m[2] + " " + m[4] + " " + m[5])
		q.described = q.indexes(m[1] + " " + m[2] + " " + m[4] + " " + m[5])
	}
	for _, i := range q.subject {
		// The subject is a person, whom the articles may call by a
		// synonym of a rarer sense of its word: "what did the head of
		// the railway company say" asks for its "chief executive" ("head"
		// is a chief in WordNet's fourth sense, hidden from the
		// question's analysis by its body-part senses).
		q.words[i] = ix.InClass(q.words[i], "noun.person")
	}
	q.premiseWord = -1
	if q.kind == kindPerson {
		// "who is chairing the inquiry", "who led the delegation": the
		// person does what the verb says; "the minister announced an
		// inquiry" names someone doing something else.
		if verb := whoDoes(lower); verb != "" {
			if ix := q.indexes(verb); len(ix) == 1 && isVerb(q.words[ix[0]].Word) && !isNoun(q.words[ix[0]].Word) && q.words[ix[0]].Knownness() >= 1 {
				q.premiseWord = ix[0]
			}
		}
		if r := q.role; q.premiseWord < 0 && r >= 0 && q.words[r].Knownness() >= 1 {
			// "who was the judge who struck down the charge": the
			// person the articles call a judge; the hosts a podcast's
			// header names are none.
			q.premiseWord = r
		}
	}
	for i, w := range q.words {
		// Not an owner of what the question asks about: "did moravec's
		// govt survive" asks about the government, which a sentence may
		// name without her.
		if w.Person && !slices.ContainsFunc(q.words, func(x retrieval.QueryWord) bool { return q.owners[x.Term] == w.Term }) {
			q.named = append(q.named, i)
		}
	}
	q.opposed = opposites(q.words)
	q.typ, q.plural = answerType(lower)
	if askedUnknown {
		q.typ = "" // any place the articles name answers, not one they call a venue
	}
	if q.typ == "" {
		// "who", "where": one answer unless the question says "all" or
		// asks in the plural ("who were the officials").
		q.plural = true
	}
	if q.kind == kindPlace {
		// "where was Zelensky when he criticised the meeting": the
		// clause that says when.
		if at := indexWord(lower, "where"); at >= 0 {
			if loc := reOccasion().FindStringIndex(lower[at:]); loc != nil {
				q.when = map[int]bool{}
				for i, w := range q.words {
					if j := strings.Index(lower, strings.ToLower(w.Word)); j >= at+loc[0] {
						q.when[i] = true
					}
				}
			}
		}
	}
	if q.kind == kindReaction {
		// "how did the union respond when the minister raised the rate":
		// the occasion, which the report of the reaction may leave to
		// the sentence before it ("Lostrup raised the rate to 4.60
		// crowns. The union was unimpressed.").
		if loc := reOccasion().FindStringIndex(lower); loc != nil {
			q.occasion = map[int]bool{}
			for _, i := range q.indexes(lower[loc[1]:]) {
				if !slices.Contains(q.subject, i) {
					q.occasion[i] = true
				}
			}
		}
	}
	halved := map[int]bool{} // words of an occasion's clause, weighed half
	if q.kind != kindTime && q.kind != kindReaction && q.kind != kindDuration && q.kind != kindYesNo {
		// "What did the transport minister say when he went to the
		// crash site", "who warned about the seal before the launch":
		// the occasion, which the sentence that answers may leave to the
		// report around it ("Lennqvist, who visited the scene in the
		// afternoon, described ..."), weighs half. Not in a when- or
		// how-long question, whose clause is what is asked about, nor in
		// a reaction's (see occasion) or a yes/no question's, whose
		// clause is part of the claim ("was the final played after the
		// crush").
		if loc := reOccasion().FindStringIndex(lower); loc != nil && loc[0] > 0 {
			for _, i := range q.indexes(lower[loc[1]:]) {
				if !slices.Contains(q.subject, i) && !q.words[i].Person {
					q.halve(i)
					halved[i] = true
				}
			}
		}
	}
	if q.kind == kindStatement || q.kind == kindReaction {
		// "What did Marrow say about the minister's claim that ...",
		// "what did kovelin say abt vtc claiming everything worked": a
		// word of speech tells of what the answer replies to, which the
		// reply need not name. It weighs half (once: not again in an
		// occasion's clause). Not the speaker asked about, nor a name.
		for i, w := range q.words {
			if !slices.Contains(q.subject, i) && !slices.Contains(q.described, i) && !w.Person && !halved[i] && speechWord(w.Word) {
				q.halve(i)
			}
		}
	}
	q.clock = q.kind == kindTime && strings.Contains(lower, "what time")
	q.future = q.kind == kindTime && futureAsked(lower)
	q.done = -1
	for _, m := range dates.Find(text, time.Time{}) {
		if y := m.Date.Start.Year(); (m.Date.Precision == dates.Year || m.Date.Precision == dates.Month) && strings.Contains(m.Text, strconv.Itoa(y)) {
			q.years = append(q.years, y) // written, not "last year"
		}
	}
	how := q.kind == kindOther && strings.HasPrefix(strings.TrimSpace(lower), "how did ")
	if w, result := doneEvent(lower); w != "" && (q.kind == kindYesNo || result || how || q.kind == kindTime) {
		if ix := q.indexes(w); len(ix) > 0 {
			q.done, q.doneHow = ix[0], how
		}
	}
	if q.kind == kindTime {
		for _, w := range datedAct(lower) {
			if ix := q.indexes(w); len(ix) > 0 {
				q.dated = append(q.dated, ix[0])
				q.acts = map[int]retrieval.QueryWord{ix[0]: verbSenses(q.words[ix[0]])}
			}
		}
		if w := datedEvent(lower); w != "" && len(q.dated) == 0 {
			// "when is the funeral for the skipper": the event is a noun.
			if ix := q.indexes(w); len(ix) > 0 {
				q.dated = append(q.dated, ix[len(ix)-1])
			}
		}
	}
	q.amount = q.kind == kindCount && (strings.Contains(lower, "how much") || whatAux(lower) && moneyVerb(lower)) // "what did X cost"
	sum := q.kind == kindCount && asksSum(strings.ReplaceAll(lower, "?", " "))                                    // "what was the cost of X"
	q.many = q.kind == kindCount && strings.Contains(lower, "how many")
	q.asksSaying = reSpeech().MatchString(lower) || strings.Contains(lower, "declin") || strings.Contains(lower, "refus")
	q.money = q.amount && moneyVerb(lower) || sum
	q.amount = q.amount || sum
	if q.money {
		// "how much did they pay the mediator": the verb of a sum says
		// what kind of answer is asked, as "how much" does; the sum
		// stands by one in every report ("a supplement of 3 percent is
		// paid"). It weighs half.
		for i, w := range q.words {
			if moneyWords[w.Term] {
				q.halve(i)
			}
		}
	}
	q.final = finalAsked(lower)
	q.outcome = q.kind == kindSummary && askedOutcome(lower) != nil
	if (slotted(q.kind) || q.corrects) && !q.identity && len(q.words) > 0 {
		q.slot = q.total / float64(len(q.words))
	}
	switch q.kind {
	case kindCount:
		if noun := partitiveNoun(lower); noun != "" {
			// "how many of those who died were children": children are
			// counted, among the dead.
			if ix := q.indexes(noun); len(ix) > 0 {
				q.focus = ix[len(ix)-1]
			}
		} else if m := countedWords(lower); len(m) > 0 && isNoun(m[0]) {
			// "how many Russian warships": the second word when it is a
			// noun and no verb, not "how many ships waited", "how many
			// drones hit"; or a plural noun, which no verb after a plural
			// is ("how many vaccine doses").
			words := m[0]
			if len(m) > 1 && isNoun(m[1]) && (!isVerb(m[1]) || strings.HasSuffix(m[1], "s") && lemmaNoun(m[1]) != m[1]) {
				words += " " + m[1]
			}
			if _, rest, ok := strings.Cut(lower, m[0]+" of "); ok && len(m) > 1 && m[1] == "of" && inClass(lemmaNoun(m[0]), "noun.quantity") {
				// "how many tonnes of freight": the unit is counted, and
				// what it measures is freight.
				if f := strings.Fields(rest); len(f) > 0 {
					if ix := q.indexes(strings.Trim(f[0], "?!.,")); len(ix) > 0 && isNoun(strings.Trim(f[0], "?!.,")) {
						q.measured = ix[0]
					}
				}
			}
			ix := q.indexes(words)
			if len(ix) == 0 && len(m) > 1 {
				// A compound the analysis reads as one word ("police
				// officers", whose "officers" is a verb too).
				ix = slices.DeleteFunc(q.indexes(m[0]+" "+m[1]), func(i int) bool { return !strings.Contains(q.words[i].Term, "+") })
			}
			if len(ix) > 0 {
				q.focus = ix[len(ix)-1]
				q.countVerb = q.verbAfter(lower, words)
			} else if english.Term(m[0]) == english.Term("people") || m[0] == "persons" {
				// "how many people got vaccinated": people are scaffold,
				// not a word to find, but what the number must count, and
				// what they did.
				q.people = true
				q.countVerb = q.verbAfter(lower, m[0])
			}
		}
	case kindName:
		// "the name of the first ship": the ship is what is named;
		// "what's the palace called": the palace.
		if m := reNameFocus().FindStringSubmatch(lower); m != nil {
			// The last of the nouns that follow ("the first ship",
			// "the saudi crown prince").
			words, nouns := "", ""
			named := m[1] + m[2] + m[3]
			if i := strings.LastIndex(named, "'s "); i >= 0 && strings.TrimSpace(named[i+len("'s "):]) != "" {
				named = named[i+len("'s "):] // "the rescue team's doctor": the doctor
			}
			for _, w := range strings.Fields(named) {
				if !isNoun(w) {
					if words == "" {
						continue // a modifier before it: "the Corvanian engineer"
					}
					break
				}
				words, nouns = w, strings.TrimSpace(nouns+" "+w)
			}
			// The last noun, or the compound it ends ("the snow
			// leopard", one word of the question).
			if ix := q.indexes(words); len(ix) > 0 {
				q.focus = ix[len(ix)-1]
			} else if ix := q.indexes(nouns); len(ix) > 0 {
				q.focus = ix[len(ix)-1]
			}
			// "the names of the four people who died", "the name of the
			// helicopter pilot": a person's name, not a place's.
			q.people = words != "" && (english.Term(words) == english.Term("people") || isPersonNoun(lemmaNoun(words)))
		}
	case kindCompare:
		q.sides = q.sidesOf(strings.NewReplacer("’", "'", "?", " ").Replace(asked))
	}
	return q
}

// reSides splits a comparison into its two sides (groups 1 and 2, 3 and
// 4, 5 and 6, or 7 and 8): "compare A and B", "compare the club's position
// on X with the account given by the trust", "between A and B", "how does
// Orel's estimate compare with the number in the accord", "A vs B", "how
// did the unions and the employers differ".
var reSides = lazy(`(?i)\b(?:compare|contrast|between)\s+(?:how\s+|what\s+)?(.+?)\s+(?:with|to|against|and|vs\.?|versus)\s+(.+)$|\bhow (?:does|do|did) (.+?) compare (?:with|to) (.+)$|(\S+)\s+(?:vs\.?|versus)\s+(.+)$|\b(?:did|do|does|have|had|are|were)\s+(?:the\s+)?(\S+)\s+and\s+(?:the\s+)?(.+)$`)

// sidesOf returns the two sides of the comparison asked: the question's
// words of each. A side of a word or two stands for itself ("compare paris
// and berlin on the flood plan": paris, berlin); sides that are phrases
// by who each belongs to (see agentSides). None if neither reads.
func (q *query) sidesOf(asked string) [2][]int {
	m := reSides().FindStringSubmatch(asked)
	if m == nil {
		return [2][]int{}
	}
	alt := 1
	for alt+1 < len(m) && m[alt] == "" {
		alt += 2
	}
	a, b := strings.ToLower(m[alt]), strings.ToLower(m[alt+1])
	if n := len(strings.Fields(a)); alt != 3 && n <= 2 {
		// The first word after the second side's opening stands for it.
		first, _, _ := strings.Cut(b, " ")
		if sides := [2][]int{q.indexes(a), q.indexes(first)}; len(sides[0]) > 0 && len(sides[1]) > 0 {
			return sides
		}
	}
	if alt > 3 {
		return [2][]int{}
	}
	return q.agentSides(asked, m[alt], m[alt+1])
}

// reAgent finds who a phrase of a comparison belongs to: a name (a
// capitalised word not opening the question), an owner ("the club's"),
// or whoever gave it ("given by the supporters' trust").
var reAgent = lazy(`\b(\p{Lu}[\p{L}-]*(?: (?:of |the )?\p{Lu}[\p{L}-]*)*)|\b([\p{L}-]+)'s?(?: |$)|\bby (?:the )?([\p{L}-]+(?:' [\p{L}-]+)?)`)

// agentSides returns the sides of a comparison of phrases a and b (see
// sidesOf) by who each belongs to (see reAgent): the question's words
// of the agents of each phrase that the other lacks; none unless both
// phrases have one.
func (q *query) agentSides(asked, a, b string) [2][]int {
	agents := func(phrase string, opening bool) []int {
		var out []int
		for _, g := range reAgent().FindAllStringSubmatchIndex(phrase, -1) {
			for k := 2; k+1 < len(g); k += 2 {
				if g[k] < 0 || k == 2 && opening && g[k] == 0 {
					continue
				}
				out = append(out, q.indexes(phrase[g[k]:g[k+1]])...)
			}
		}
		return out
	}
	// A question opening with its first side ("how does Orel's estimate
	// compare") has it capitalised at the start.
	opening := !strings.HasPrefix(strings.ToLower(asked), "compare") && !strings.HasPrefix(strings.ToLower(asked), "how")
	sa, sb := agents(a, opening), agents(b, false)
	sa, sb = without(sa, sb), without(sb, sa)
	if len(sa) == 0 || len(sb) == 0 {
		return [2][]int{}
	}
	return [2][]int{sa, sb}
}

// without returns the indexes of xs not in ys.
func without(xs, ys []int) []int {
	var out []int
	for _, x := range xs {
		if !slices.Contains(ys, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// whatAux reports whether a lower-case question opens with "what" and an
// auxiliary ("what did the walkout cost"), not a noun ("what interest
// rate do banks charge", which asks for a rate).
func whatAux(lower string) bool {
	f := strings.Fields(lower)
	return len(f) > 2 && f[0] == "what" && english.IsStopWord(f[1])
}

// withoutRequest returns text without the words of a formal request that
// opens it ("Kindly indicate", "Could you please state"): they ask for
// nothing the articles must have.
func withoutRequest(text string) string {
	if loc := rePoliteRequest().FindStringIndex(strings.ToLower(text)); loc != nil && len(strings.ToLower(text)) == len(text) {
		return text[loc[1]:]
	}
	return text
}

// respelled returns the asked part of a question with the words the
// analysis corrected the spelling of written as corrected ("how much
// tiem": "how much time"), so that a misspelt word of a kind's pattern
// still says the kind.
func respelled(asked string, a retrieval.Query) string {
	fields := strings.Fields(asked)
	changed := false
	for _, w := range a.Words {
		if len(w.Alts) == 0 || w.Alts[0].Match != retrieval.Spelling || len(w.Alts[0].Terms) != 1 {
			continue
		}
		for i, f := range fields {
			if strings.EqualFold(strings.Trim(f, ".,;:?!"), w.Word) {
				fields[i] = w.Alts[0].Terms[0]
				changed = true
			}
		}
	}
	if !changed {
		return asked
	}
	return strings.Join(fields, " ")
}

// reNameFocus finds what a question asks the name of: "the name of the
// (first) ship", "the name of the rescue team's doctor", "the names of
// the four people", "what's the palace called", "what's the night guard's
// name"; it is the pattern of the kind too.
var reNameFocus = lazy(`\bnames? of (?:the |a |an |its |their |his |her )?((?:\w+(?:'s)? ?){1,3})|\bwhat(?:'s| is| was| are| were|s)? (?:the )?((?:\w+ ){1,3})(?:called|named)\b|\b((?:\w+ ){0,2}\w+)'s names?\b`)

// reWho finds a question for a person, the rule of kindPerson: "who",
// "whom", "which minister", "which saudi royal"; and of a who-question's
// opening, an auxiliary (group 1 or 2) and what follows it (group 3), after
// a "the" of it: "who is the secretary-general of the council" asks for
// the holder of a role; "who is chairing", "who led", "who will sign" for
// the doer of the verb. A "who" further in is a relative pronoun ("the
// minister who led"), no opening.
var reWho = lazy(`^(?:\w+ )?who(?:('s)|\s+(is|was|are|were|will|would|has|had|have))?\s+(?:been\s+)?(?:the\s+)?((?:\w+'s\s+)?[\w -]+)|\bwho(?:m|se|'s|s)?\b|\bwhich (?:\w+ )?(?:officials?|people|leaders?|ministers?|diplomats?|person|royal|officers?|envoys?|negotiators?)\b`)

// roleAsked returns, for a question for the holder of a role ("who is
// the mayor of the flooded town", "who is kasmenia's foreign minister",
// "so who's the chief negotiator"), the role with what follows it; "" for
// another question ("who led the strike").
func roleAsked(lower string) string {
	m := reWho().FindStringSubmatch(lower)
	if m == nil || m[1] == "" && english.Auxiliary(m[2]) != "be" || strings.Contains(m[0], " been ") {
		return ""
	}
	return m[3]
}

// whoDoes returns the verb of a who-question ("chairing" in "who is
// chairing the inquiry", "led" in "who led the delegation"); "" if none.
func whoDoes(lower string) string {
	m := reWho().FindStringSubmatch(lower)
	if m == nil || m[3] == "" {
		// "which judge presided over the appeal", "which contractor
		// had serviced the pump": the first verb after the noun.
		ws := strings.Fields(lower)
		if i := slices.Index(ws, "which"); i >= 0 && i < 2 {
			for _, w := range ws[i+1 : min(len(ws), i+6)] {
				w = strings.Trim(w, "?!.,")
				if english.Auxiliary(w) == "" && isVerb(w) && !isNoun(w) {
					return w
				}
			}
		}
		return ""
	}
	w, _, _ := strings.Cut(m[3], " ")
	return strings.TrimSuffix(w, "'s")
}

// reAsksCorrection finds a question about a correction: its words for
// one, or a figure "got wrong" (not "what went wrong", a problem).
var reAsksCorrection = lazy(`\b(correct(ed|ion|ions)?|(mistakes?|errors?))\b|\b(got|get|gets|was|were|is) (\w+ ){0,3}wrong\b|\bwrong (number|figure|date|name)s?\b`)

// indexWord returns where the word w first stands in text as a word of
// its own ("where" in "where's", not in "somewhere"), or -1.
func indexWord(text, w string) int {
	for at := 0; ; {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return -1
		}
		i += at
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return i
		}
		at = i + len(w)
	}
}

// reOccasion finds a clause of time in a question: where a reaction
// question names what was reacted to ("how did the union respond when
// the minister raised the rate"), where a where-question says when
// ("where was Zelensky when he criticised the meeting").
var reOccasion = lazy(`\b(?:when|while|after|before|during|once)\b`)

// reAsked finds the words that may name what a question asks for (groups
// 2 to 4) after what asks it (group 1): "which russian officials", "in
// what venue"; what a count counts: "how many russian warships", "the
// number of homes".
var reAsked = lazy(`\b(which|what|how (?:many|much)|number of)\s+(\w+)(?:\s+(\w+))?(?:\s+(\w+))?`)

// askedWords returns the words after the first "which" or "what" of the
// lower-case question (for "how many", "how much" and "number of": the
// counted ones, two at most); "what number of X" counts X.
func askedWords(lower string, count bool) []string {
	for at := 0; at < len(lower); {
		loc := reAsked().FindStringSubmatchIndex(lower[at:])
		if loc == nil {
			break
		}
		opener := lower[at+loc[2] : at+loc[3]]
		which := opener == "which" || opener == "what"
		var words []string
		for k := 4; k+1 < len(loc); k += 2 {
			if loc[k] >= 0 {
				words = append(words, lower[at+loc[k]:at+loc[k+1]])
			}
		}
		switch {
		case which && count && len(words) == 3 && words[0] == "number" && words[1] == "of":
			return words[2:]
		case which && !count:
			return words
		case !which && count:
			return words[:min(len(words), 2)]
		}
		at += loc[3] // the words of one may hold the opener of another
	}
	return nil
}

// partitiveNoun returns, for a count of a part ("how many of those who
// died were children", "how many of the ppl who got sick were kids"), the
// noun after the last "were" or "are" that says which part; "" for any
// other question.
func partitiveNoun(lower string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(lower), "how many of ")
	if !ok {
		return ""
	}
	ws := strings.Fields(rest)
	for k := len(ws) - 2; k >= 1; k-- {
		if w := ws[k]; w != "were" && w != "are" && w != "was" && w != "is" {
			continue
		}
		// The noun after it, past its adjectives: "were foreign
		// nationals".
		for _, noun := range ws[k+1 : min(len(ws), k+1+phraseWindow)] {
			noun = strings.Trim(noun, "?!.,")
			if isNoun(noun) && (!isVerb(noun) || strings.HasSuffix(noun, "s") && lemmaNoun(noun) != noun) {
				return noun
			}
			if !isAdjective(noun) || isNoun(noun) {
				break
			}
		}
		return ""
	}
	return ""
}

// verbAfter returns the index into q.words of the verb that follows the
// counted words in the lower-case question, past its auxiliaries ("hurt"
// in "how many firefighters were hurt tackling the blaze", "hit" in "how
// many drones hit the port"); -1 if a verb does not follow.
func (q *query) verbAfter(lower, counted string) int {
	_, rest, ok := strings.Cut(lower, counted+" ")
	if !ok {
		return -1
	}
	for _, w := range strings.Fields(rest) {
		w = strings.Trim(w, "?!.,")
		if english.Auxiliary(w) != "" || w == "been" || w == "got" || w == "get" {
			continue
		}
		if !isVerb(w) || slices.Contains(wordnet.Classes(w, wordnet.Verb, 1), "verb.stative") {
			return -1 // not "were involved", "resulting from": a state, no act
		}
		if ix := q.indexes(w); len(ix) == 1 {
			return ix[0]
		}
		return -1
	}
	return -1
}

// countedWords returns the words of what a count question counts (see
// askedWords).
func countedWords(lower string) []string { return askedWords(lower, true) }

// whichWords returns the words after "which" or "what" in the lower-case
// question, up to a stop word: those that may name the type of the answer
// ("which russian officials").
func whichWords(lower string) []string {
	var out []string
	for _, w := range askedWords(lower, false) {
		if english.IsStopWord(w) || english.IsFiller(w) {
			break
		}
		out = append(out, w)
	}
	return out
}

// isNoun reports whether WordNet has w as a noun (and w is no stop word).
func isNoun(w string) bool {
	if english.IsStopWord(w) {
		return false
	}
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun {
			return true
		}
	}
	return false
}

// BareQuestion reads a question that is a noun phrase alone ("fee?",
// "observers?", "tractors at the protest?") as the question its head noun
// asks: how much, for a sum of money (see isMoneyNoun: "fee", "tariff",
// "loan"); how many, for a plural ("observers"); who, for a kind of
// person ("mediator"); where, for a kind of location ("venue"); when, for
// a date or a point in time ("deadline"; not "time", which may be a
// duration: "visa decision time?"). A noun phrase is at most phraseWindow
// words ("tractors at the protest"); any other
// text, a noun of none of these sorts included ("quota?", "lavrov's
// take?"), is returned as it is.
func BareQuestion(text string) string {
	if len(strings.Fields(text)) > 2*phraseWindow || kindOf(text) != kindOther {
		return text // a sentence, filler and all, or a question of a kind
	}
	var ws []string
	for _, w := range strings.Fields(strings.ToLower(strings.Trim(text, " ?!."))) {
		if !english.IsFiller(w) {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || len(ws) > phraseWindow {
		return text
	}
	// The head is the last word before a preposition or an article:
	// "tractors" in "tractors at the protest".
	head := len(ws)
	for i, w := range ws {
		if english.IsStopWord(w) {
			head = i
			break
		}
	}
	if head == 0 {
		return text
	}
	for i, w := range ws[:head] {
		if wordnet.Known(w) && (!isNoun(w) || i < head-1 && isAdjective(w)) {
			return text // "tell me a joke": a verb; "best restaurants": an adjective
		}
	}
	phrase := strings.Join(ws, " ")
	h := ws[head-1]
	lemma := lemmaNoun(h)
	// A keyword query need not end on its head: a word for a sum or a
	// date before it says what is asked ("recount cost total",
	// "deadline constituency boundaries"), before a plural's "how many".
	asks := func(is func(string) bool) bool {
		return is(lemma) || head == len(ws) && slices.ContainsFunc(ws[:head-1], func(w string) bool { return isNoun(w) && is(lemmaNoun(w)) })
	}
	switch {
	case asks(isMoneyNoun):
		return "how much is the " + phrase + "?"
	case asks(isTimeNoun):
		return "when is the " + phrase + "?" // "deadline?", "ratification date?"
	case head == len(ws) && head > 1 && hasDimension(lemma):
		// "harrowmere district population?": the measure of what the
		// words before it name.
		return "what is the " + h + " of the " + strings.Join(ws[:head-1], " ") + "?"
	case lemma != h && isNoun(h):
		return "how many " + phrase + "?"
	case isPersonNoun(lemma):
		return "who is the " + phrase + "?" // "mediator?", "mission chief?"
	case head == len(ws) && len(ws) == 1 && isLocationNoun(lemma):
		// "venue?", "location?": where the talks the articles report
		// were held; the word itself is seldom in them ("held at
		// Hallam Abbey").
		return "where were the talks held?"
	}
	return text
}

// isTimeNoun reports whether the noun w names a point in time, which a
// when-question asks: "date", "deadline", or, a hypernym up, a kind of
// point in time ("anniversary"); not "time", which may be a duration.
func isTimeNoun(w string) bool {
	return w == "date" || w == "deadline" || kindOfNoun(w, 1, func(x string) bool { return x == "point in time" })
}

// isLocationNoun reports whether WordNet files the noun w, in its
// commonest sense, as a location ("venue", "city", "region").
func isLocationNoun(w string) bool { return inClass(w, "noun.location") }

// isAdjective reports whether WordNet has w as an adjective.
func isAdjective(w string) bool { return hasPOS(w, wordnet.Adj) }

// isMoneyNoun reports whether WordNet has the noun w, in its commonest
// sense, as a sum of money, a few hypernyms up: a charge ("fee", "toll",
// "tariff"), a cost or payment ("compensation", "wage"), money or a fund
// ("budget"), a value ("price") or a debt ("loan").
func isMoneyNoun(w string) bool {
	return moneyKind(w) || kindOfNoun(w, hypernymDepth, moneyKind)
}

// moneyKind reports whether the noun w is one of the kinds of sum
// isMoneyNoun finds others under: "value", "cost", "payment"; a word that
// says only that a sum is asked ("the value of the grant"), not which.
func moneyKind(w string) bool {
	switch w {
	case "charge", "cost", "payment", "money", "fund", "value", "debt":
		return true
	}
	return false
}

// kindOfNoun reports whether one of the hypernyms of the noun w, in their
// commonest senses up to depth levels, is one that is says.
func kindOfNoun(w string, depth int, is func(string) bool) bool {
	return walkHypernyms(w, depth, 1, is)
}

// inClass reports whether WordNet's lexicographers filed the commonest
// sense of the noun w (of each of its base forms) in class: "noun.person"
// for "minister" and "spokeswoman", "noun.location" for "venue",
// "noun.feeling" for "anger". The class is read, not walked to up the
// hypernyms, which drift across senses and need a depth for each kind.
func inClass(w, class string) bool {
	return slices.Contains(wordnet.Classes(w, wordnet.Noun, 1), class)
}

// walkHypernyms is wordnet.WalkHypernyms.
func walkHypernyms(w string, depth, senses int, visit func(lemma string) bool) bool {
	return wordnet.WalkHypernyms(w, depth, senses, visit)
}

// isVerb reports whether WordNet has w as a verb, in any form ("waited",
// "hit").
func isVerb(w string) bool { return hasPOS(w, wordnet.Verb) }

// hasPOS reports whether WordNet has w, in any form, as a word of pos.
func hasPOS(w string, pos wordnet.POS) bool {
	return slices.ContainsFunc(wordnet.Lemmas(w), func(l wordnet.Lemma) bool { return l.POS == pos })
}

// answerType returns the noun a "which X" question asks for: the last of
// the words after "which" that WordNet has as a noun, before a stop word
// ("which Russian officials" -> officials, "what venue" -> venue).
func answerType(lower string) (typ string, plural bool) {
	for _, w := range whichWords(lower) {
		for _, l := range wordnet.Lemmas(w) {
			if l.POS == wordnet.Noun {
				typ, plural = l.Word, l.Word != w
				break
			}
		}
	}
	return typ, plural
}

// typPerson reports whether typ is "person", a synonym or a kind of person
// (see namesPerson), read once a question, when first asked.
func (q *query) typPerson() bool {
	if q.typIsPerson == 0 {
		q.typIsPerson = 1
		if namesPerson(q.typ) {
			q.typIsPerson = 2
		}
	}
	return q.typIsPerson == 2
}

// head returns, as indexes into words, the head of a noun phrase of the
// question: its last content word, which names whom it means ("Kremlin
// spokesman Dmitry Peskov" -> Peskov, "the Chinese delegation" ->
// delegation), or the last before a preposition or a relative pronoun
// ("the head of the team" -> head, "the truck driver on the radio" ->
// truck driver, "the skipper whose boat got seized" -> skipper), nor the
// verb of an infinitive ("did Kalvane refuse to say" -> Kalvane); an adverb
// after it is none ("did the union initially demand" -> union).
func (q *query) head(phrase string) []int {
	if f := strings.Fields(phrase); len(f) > 2 && f[len(f)-1] == "to" {
		// "did the spokesperson decline to say": the verb before "to"
		// goes with the infinitive, not with the subject.
		phrase = strings.Join(f[:len(f)-2], " ")
	}
	if f := strings.Fields(phrase); len(f) > 1 {
		for k := 1; k < len(f)-1; k++ {
			if before := strings.Join(f[:k], " "); headEnds(f[k]) && len(q.indexes(before)) > 0 {
				phrase = before
				break
			}
		}
	}
	ix := slices.DeleteFunc(q.indexes(phrase), q.modifier)
	for len(ix) > 1 && onlyAdverb(q.words[ix[len(ix)-1]].Word) {
		ix = ix[:len(ix)-1]
	}
	if len(ix) == 0 {
		return nil
	}
	return ix[len(ix)-1:]
}

// modifier reports whether word i is the modifier of a compound that the
// analysis also gives as a word of its own ("prime" of "prime minister",
// when the articles have neither): the compound names whom it means.
func (q *query) modifier(i int) bool {
	return slices.ContainsFunc(q.words, func(w retrieval.QueryWord) bool {
		ts := strings.Split(w.Term, "+")
		return len(ts) > 1 && slices.Contains(ts[:len(ts)-1], q.words[i].Term)
	})
}

// subjectHead is head for whom a question asks about as speaker or actor:
// where the articles never use the head but use the word before it
// ("industry groups" in articles that say "the Union of Industrial Gas
// Consumers"), that word, which says more of whom the question means.
func (q *query) subjectHead(phrase string) []int {
	h := q.head(phrase)
	ix := q.indexes(phrase)
	if len(h) == 1 && len(ix) > 1 && ix[len(ix)-1] == h[0] && q.words[h[0]].Knownness() < 1 && q.words[ix[len(ix)-2]].Knownness() == 1 &&
		!strings.Contains(q.words[h[0]].Word, " ") {
		return ix[len(ix)-2 : len(ix)-1]
	}
	return h
}

// halve makes word i of q weigh half (discount), in the question's total
// too: a word that says something of what is asked about, which the
// answer may leave to the report around it.
func (q *query) halve(i int) {
	q.total -= q.words[i].IDF * (1 - discount)
	q.words[i].IDF *= discount
}

// speechWord reports whether a word of a question, or a base form of it,
// is a verb of speech ("claiming", "warned"; english.SpeechVerbPattern),
// or a noun of one that WordNet files, in its commonest senses, as
// communication ("claim"; not "state", "stress").
func speechWord(w string) bool {
	speech := reSpeech().FindString(w) == w
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun && !slices.Contains(wordnet.Classes(l.Word, wordnet.Noun, commonSenses), "noun.communication") {
			// A noun of something else ("the state budget", "stress"),
			// which may be what the question asks about.
			return false
		}
		speech = speech || reSpeech().FindString(l.Word) == l.Word
	}
	return speech
}

// isPersonName reports whether w is a person's name the articles give
// (one word of several: see retrieval's analyzePerson), not a common noun
// or a name of one word.
func isPersonName(w retrieval.QueryWord) bool {
	return strings.Contains(w.Word, " ") && !wordnet.Known(w.Word)
}

// onlyAdverb reports whether WordNet knows w only as an adverb
// ("initially", "actually"): no noun phrase's head.
func onlyAdverb(w string) bool {
	ls := wordnet.Lemmas(w)
	for _, l := range ls {
		if l.POS != wordnet.Adv {
			return false
		}
	}
	return len(ls) > 0
}

// indexes returns the indexes of the words of q whose term occurs in text.
func (q *query) indexes(text string) []int {
	ts := map[string]bool{}
	for _, t := range english.Terms(text) {
		ts[t] = true
	}
	var out []int
	for i, w := range q.words {
		all := true // a phrase's terms ("foreign+minist") all occur
		for _, t := range strings.Split(w.Term, "+") {
			all = all && ts[t]
		}
		if all {
			out = append(out, i)
		}
	}
	return out
}

// newAny reports whether one of xs (lower-case words) is not in the
// question: a number, name or place the answer brings.
func (q *query) newAny(xs []string) bool {
	for _, x := range xs {
		if !q.given[x] {
			return true
		}
	}
	return false
}

// newCount counts the words of xs (lower case) that the question does not
// give.
func (q *query) newCount(xs []string) int {
	n := 0
	for _, x := range xs {
		if !q.given[x] {
			n++
		}
	}
	return n
}

// bySubject reports whether terms hold one of the alternatives of every
// subject word of the question (true when it names none).
func (q *query) bySubject(has func(string) bool) bool {
	for _, i := range q.subject {
		if match(q.words[i], has) == 0 {
			return false
		}
	}
	return true
}

// closelyBySubject is bySubject by the words themselves or words related
// to them, not broader ones: "the prime minister" is not whichever
// minister speaks (see saidByName).
func (q *query) closelyBySubject(has func(string) bool) bool {
	for _, i := range q.subject {
		if match(q.words[i], has) < retrieval.RelatedWeight {
			return false
		}
	}
	return true
}

// spokenBySubject reports whether the question asks about someone who is
// s's speaker, by name or by what the articles say they are.
func (q *query) spokenBySubject(s *sentence) bool {
	if len(q.subject) == 0 || s.spk() == nil {
		return false
	}
	// A transcript's label says who speaks and what they are: "MR PAVEL
	// OSTRANDER (Chief Executive, Merevian Rail Cargo): ...".
	labelled := speakerLabel(s.text) != nil && q.bySubject(func(t string) bool { return s.terms[t] > 0 })
	return labelled || q.speaksAs(s) || q.bySubject(func(t string) bool { return s.spk()[t] }) || q.bySubject(func(t string) bool { return s.described()[t] })
}

// match is the share of a word's weight that text, given by has, earns:
// that of its closest alternative whose terms all occur.
func match(w retrieval.QueryWord, has func(string) bool) float64 {
	m, _ := matchTerms(w, has)
	return m
}

// matchTerms is match, with the terms of the alternative that matched.
func matchTerms(w retrieval.QueryWord, has func(string) bool) (float64, []string) {
	for _, a := range w.Alts {
		ok := true
		for _, t := range a.Terms {
			ok = ok && has(t)
		}
		if ok {
			return a.Weight, a.Terms
		}
	}
	return 0, nil
}

// moneyWords are the terms of the verbs with which a "how much" question
// asks for a sum of money ("how much did it cost"), and of money itself
// ("how much money is in the fund"); not nouns such as "price" or "fee",
// which may rise by a share ("how much did fees rise").
var moneyWords = map[string]bool{}

func init() {
	for _, w := range []string{"cost", "costs", "spend", "spent", "pay", "paid", "worth", "charge", "charged", "earn", "earned", "owe", "owed", "money", "cash"} {
		moneyWords[english.Term(w)] = true
	}
}

// moneyVerb reports whether the lower-case question asks for a sum by a
// word of moneyWords ("how much did they pay", "what did it cost", "the
// cost of the repairs"); between a determiner and a noun the word
// modifies the noun ("how much is the pay rise": a share, perhaps).
func moneyVerb(lower string) bool {
	ws := english.Words(lower)
	for i, w := range ws {
		modifier := i > 0 && english.Determiner(ws[i-1]) && i+1 < len(ws) && !english.IsStopWord(ws[i+1]) && isNoun(ws[i+1])
		if moneyWords[english.Term(w)] && !modifier {
			return true
		}
	}
	return false
}

// whatCost is a question for a sum by its verb: "what did the walkout
// end up costing the carriers", "what did Sorvenia spend on hosting". Its
// subject is a noun phrase of a few words: further on, the verb is in
// another clause ("what did the union boss say when the real tour cost
// came out").
const whatCost = `\bwhat (?:did|does|do|will|would|has|have) (?:[\w']+ ){1,5}(?:cost|costing|pay|paying|paid|spend|spending|spent|earn|owe)\b`

// rePossessive finds an owner and what it owns ("orvania's delegation").
var rePossessive = lazy(`\b(\w+)'s (\w+)`)

// mentionOfAnother reports whether every mention of st in s belongs to
// another owner than the question gives its term qt: "her country's
// delegation" and "Ketania's delegation" are not "Orvania's delegation". A
// mention without an owner, or with "its" or "their", may be the
// question's. The question's term may be the sentence's other word for it
// ("Kastrana's team": "the Veldorian delegation").
func mentionOfAnother(q *query, s *sentence, qt, st string) bool {
	owner, ok := q.owners[qt]
	if !ok {
		if j, ok := q.modifiers[qt]; ok {
			// Only the word itself: a modifier of the question's
			// ("negotiating team") is no owner of another word. But
			// a place's ("the Russian team") owns the sentence's other
			// word for it too: "the U.S. delegation" is another's.
			if st != qt && q.placeModifiers[j] && modifiedByAnother(q.words[j], s, st) {
				return true
			}
			return modifiedByAnother(q.words[j], s, qt)
		}
		return false
	}
	// "Kastrana's team": "the Veldorian delegation" is another's too.
	var other func(word, prev, before string, prevOpens bool) bool
	if i := slices.IndexFunc(q.words, func(w retrieval.QueryWord) bool { return w.Term == owner }); i >= 0 {
		other = modifierOther(q.words[i], s)
	}
	return everyMention(s, st, func(word, prev, before string, prevOpens bool) bool {
		lower := strings.ToLower(prev)
		base, possessive := strings.CutSuffix(strings.ReplaceAll(lower, "’", "'"), "'s")
		if possessive {
			return english.Term(base) != owner
		}
		return lower == "her" || lower == "his" || other != nil && other(word, prev, before, prevOpens)
	})
}

// objectOfAnother reports whether every mention of the question's verb qt
// (the sentence's word st for it) in s acts on another name than the
// question's object: "Lavrov represented Moscow" is not who "represented
// the United States". A mention followed by no name (after a determiner),
// or by one the object matches, even by a related word ("represented
// Washington"), may be the question's.
func objectOfAnother(q *query, s *sentence, qt, st string) bool {
	o, ok := q.objects[qt]
	if !ok {
		return false
	}
	ws := strings.Fields(s.text)
	seen := false
	for i, x := range ws {
		if english.Term(strings.ToLower(strings.Trim(x, ".,;:()\"“”'’"))) != st {
			continue
		}
		if strings.ContainsAny(x, ",;:.") {
			return false // the clause ends with the verb
		}
		k := i + 1
		for k < len(ws) && english.Determiner(strings.ToLower(ws[k])) {
			k++
		}
		// The name after the verb, as its words' terms and their pairs
		// ("united states" is one term of two words).
		terms := map[string]bool{}
		prev := ""
		for ; k < len(ws); k++ {
			w := strings.Trim(ws[k], "\"“”(")
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				break
			}
			t := english.Term(strings.ToLower(strings.Trim(w, ".,;:()\"“”'’")))
			terms[t] = true
			if prev != "" {
				terms[prev+"+"+t] = true
			}
			prev = t
			if strings.ContainsAny(w, ",;:") || strings.HasSuffix(w, ".") && len(w) > 2 && !strings.Contains(w[:len(w)-1], ".") {
				break
			}
		}
		if len(terms) == 0 || match(q.words[o], func(t string) bool { return terms[t] }) > 0 {
			return false
		}
		seen = true
	}
	return seen
}

// placeAdjective reports whether w is a place's adjective ("russian",
// "american": WordNet says it pertains to a place) or a word of the
// articles that WordNet lacks (their own names: "veltrian").
func placeAdjective(w retrieval.QueryWord) bool {
	if !wordnet.Known(w.Word) {
		// As the articles write it, not a misspelling ("negotating").
		return len(w.Alts) > 0 && w.Alts[0].Match == retrieval.Exact
	}
	return slices.ContainsFunc(wordnet.Related(w.Word), func(r wordnet.Relation) bool {
		return r.Kind == wordnet.Pertainym && slices.Contains(wordnet.Classes(r.Lemma, wordnet.Noun, commonSenses), "noun.location")
	})
}

// modifiedByAnother reports whether every mention of term t in s follows a
// capitalised word that is not mod nor a word related to it: "the
// Kasmenian delegation" is not "the Veltrian delegation", "the U.S. team"
// may be "the American team".
func modifiedByAnother(mod retrieval.QueryWord, s *sentence, t string) bool {
	return everyMention(s, t, modifierOther(mod, s))
}

// modifierOther says of a mention in s, given the word as written and the
// word before it, whether that word makes it another's than mod's (see
// modifiedByAnother).
func modifierOther(mod retrieval.QueryWord, s *sentence) func(word, prev, before string, prevOpens bool) bool {
	return func(word, prev, before string, prevOpens bool) bool {
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
			return false // a name ("Vladimir Putin")
		}
		if p := strings.ToLower(prev); (p == "our" || p == "my") && !s.has(fQuote) && s.paraTurn() == 0 && s.people.columnist(s) {
			// "our delegation" in a column or an editorial is its
			// writer's: Kestland's in the Kestland Chronicle (in an
			// interview's answer it is the one answering's).
			for _, w := range strings.Fields(cmp.Or(s.article.Author, s.article.Outlet)) {
				if sameRoot(mod.Word, w) || match(mod, func(u string) bool { return slices.Contains(english.Terms(w), u) }) > 0 {
					return false
				}
			}
			return true
		}
		if r, _ := utf8.DecodeRuneInString(prev); !unicode.IsUpper(r) || prevOpens {
			// "the delegation", or a sentence's first word; but "the
			// government side" is not "the union side": a common noun
			// between "the" and it, other than the question's.
			lp := strings.ToLower(strings.Trim(prev, ".,;:()\"“”'’"))
			return !prevOpens && english.Determiner(before) && commonNoun(lp) && isNoun(strings.ToLower(mod.Word)) &&
				match(mod, func(u string) bool { return slices.Contains(english.Terms(lp), u) }) == 0
		}
		if sameRoot(mod.Word, strings.TrimSuffix(strings.TrimSuffix(prev, "'s"), "’s")) {
			return false // "Varenia's team" is the Varenian team
		}
		return match(mod, func(u string) bool { return slices.Contains(english.Terms(prev), u) }) == 0
	}
}

// commonNoun reports whether the lower-case word w is a noun and nothing
// else WordNet has: not a stop word, an adjective or a verb ("union",
// "government"; not "foreign", "negotiating").
func commonNoun(w string) bool {
	return !english.IsStopWord(w) && isNoun(w) && !isAdjective(w) && !isVerb(w)
}

// sameRoot reports whether a name and a word made from it may be one
// ("Varenia", "Varenian"): one, of five letters or more, begins the other,
// which WordNet does not know of names it lacks.
func sameRoot(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && strings.HasPrefix(b, a)
}

// everyMention reports whether s mentions term t and another says of every
// mention that it is another's, given the word as written, the word before
// it, the one before that (lower case), and whether the word before it
// opens the sentence. A mention that opens the
// sentence is nobody else's.
func everyMention(s *sentence, t string, another func(word, prev, before string, prevOpens bool) bool) bool {
	ws := strings.Fields(s.text)
	seen := false
	for i, x := range ws {
		if english.Term(strings.ToLower(strings.Trim(x, ".,;:()\"“”'’"))) != t {
			continue
		}
		if i == 0 {
			return false
		}
		// Its owner may stand before a lower-case modifier: "Kastrana's
		// government spokesperson", "Osvenia's transport minister".
		j := i - 1
		if i >= 2 && isModifier(ws[j]) && ownerLike(ws[j-1]) {
			j--
		}
		before := ""
		if j > 0 {
			before = strings.ToLower(ws[j-1])
		}
		if !another(x, strings.Trim(ws[j], "\"“”("), before, j == 0) {
			return false
		}
		seen = true
	}
	return seen
}

// isModifier reports whether w is a lower-case content word, which may
// stand between a noun and its owner.
func isModifier(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && !english.IsStopWord(w) && !strings.ContainsAny(w, ",;:")
}

// ownerLike reports whether w may own what follows it: a possessive or a
// capitalised word.
func ownerLike(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// qualified reports whether the words after head in a subject's phrase
// say which one it is: they open with a preposition or a relative pronoun
// ("the skipper whose boat got seized", "the driver on the radio").
func qualified(phrase, head string) bool {
	_, rest, ok := strings.Cut(phrase, head+" ")
	first, _, _ := strings.Cut(rest, " ")
	return ok && headEnds(first)
}

// headEnds reports whether the lower-case word w, after a noun, ends the
// head of its phrase: a function word (one of english's stop words) that
// is no article and no auxiliary. What follows a preposition says where
// the thing is or what it belongs to ("the head of the team"), a relative
// pronoun which one it is ("the skipper whose boat got seized", "the deal
// that was signed"), a conjunction another one ("the prosecutor and ...").
// (This was a list of twelve prepositions and pronouns.)
func headEnds(w string) bool {
	return english.IsStopWord(w) && english.Auxiliary(w) == "" && (!english.Determiner(w) || w == "that")
}

// commonIDF is the idf below which a word is the corpus's own topic: a
// word of about one passage in five or more (BM25's idf of a fifth is
// log(1 + 4) = 1.6).
const commonIDF = 1.7

// askedPart returns the question of a message that goes on with a remark
// after it ("is he still going on wed?? one article said he was"): the
// remark says why one asks, not what. A message of several questions, or
// of none, is whole.
func askedPart(text string) string {
	i := strings.IndexByte(text, '?')
	if i < 0 {
		return text
	}
	j := i
	for j < len(text) && text[j] == '?' {
		j++
	}
	rest := strings.ToLower(strings.TrimSpace(text[j:]))
	if rest == "" || strings.Contains(rest, "?") || reWhOpen().MatchString(rest) || asksKind(kindYesNo, rest) {
		return text // "what'd rubio say", "like which building": a question too
	}
	return text[:j]
}

// ownRemarkOff returns text without a remark after its question that speaks
// of the asker ("how many tubs were recalled? ive seen diff numbers"):
// why one asks, whose words are none of the question's. A remark about
// the news ("first they said 48k") says what is asked.
func ownRemarkOff(text string) string {
	asked := askedPart(text)
	rest := english.Words(english.UnshortenText(text[len(asked):]))
	if len(asked) < len(text) && len(rest) > 0 && english.PronounPerson(rest[0]) == 1 {
		return asked
	}
	return text
}

// reDone finds a question about something as done: the words after "did"
// or "has" ("did the Duvenland cabinet approve", "has parliament
// ratified"), or after "the result of" ("the result of the union ballot").
// A question that asks what will happen is none.
var reDone = lazy(`\b(?:(did|didn't|has|hasn't|have|haven't)|(?:results?|outcomes?) of)\s+((?:\S+\s+){0,6}\S+)`)

// doneEvent returns the word of what a question asks the outcome of, as
// done: the first verb after "did" or "has" past its subject ("approve"
// in "did the cabinet approve the text"), or the head noun after "the
// result of" ("vote" in "the result of the parliament's vote on the
// accord", result true); "" for none, or for a question of what someone
// said or will do.
func doneEvent(lower string) (word string, result bool) {
	m := reDone().FindStringSubmatch(lower)
	if m == nil || strings.Contains(lower, " will ") {
		return "", false
	}
	ws := strings.Fields(strings.Trim(m[2], " ?!."))
	if m[1] != "" {
		return firstVerb(ws, strings.HasPrefix(m[1], "did")), false
	}
	head := ""
	for _, w := range ws {
		w = strings.Trim(w, "?!.,")
		if english.IsStopWord(w) && head != "" {
			break
		}
		if !english.IsStopWord(w) {
			head = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		}
	}
	return head, true
}

// verbSenses returns w with only the alternatives its senses as a verb
// give: its own forms, and the lemmas WordNet relates to its verb senses
// ("shut", "closure" for "close"), not those of its other parts of speech
// ("last", "final", "end" for the noun "close"). "When did the hospital
// close" is told by a sentence of its closing, not of the last of
// something.
func verbSenses(w retrieval.QueryWord) retrieval.QueryWord {
	verb := map[string]bool{}
	for _, r := range wordnet.RelatedIn(w.Word, math.MaxInt, nil) {
		if r.From.POS == wordnet.Verb {
			verb[strings.Join(english.Terms(r.Lemma), " ")] = true
		}
	}
	out := w
	out.Alts = slices.DeleteFunc(slices.Clone(w.Alts), func(a retrieval.Alternative) bool {
		return a.Match != retrieval.Exact && a.Match != retrieval.Spelling && !verb[strings.Join(a.Terms, " ")]
	})
	return out
}

// datedAct returns the verb of what a when-question asks the date of:
// the first verb after its auxiliary, past the subject ("built" in "when
// was the Tolvar Dam built", "reopen" in "when will the lifts reopen"),
// and the verb after it and "to", which may be the act instead ("permitted"
// and "return" in "when were residents permitted to return"; "closed" and
// "traffic" in "when was the bridge closed to traffic"); none if it has no
// verb ("when is the funeral"), for a word of time itself ("when did it
// happen") and for a phrasal verb, whose words do not say what it does
// ("when do the quotas kick in").
func datedAct(lower string) []string {
	ws := strings.Fields(lower)
	for i, w := range ws {
		ws[i] = strings.Trim(w, "?!.,;:\"“”")
	}
	at := slices.IndexFunc(ws, func(w string) bool { return english.Auxiliary(w) != "" })
	if at < 0 {
		return nil
	}
	aux := english.Auxiliary(ws[at])
	ws = ws[at+1:]
	w := firstVerb(ws, aux == "do" || aux == "modal")
	if w == "" || saysWhen(w) {
		return nil
	}
	i := slices.Index(ws, w)
	if i+2 < len(ws) && ws[i+1] == "to" && isVerb(ws[i+2]) {
		return []string{w, ws[i+2]}
	}
	if i+1 < len(ws) && isVerb(w+" "+ws[i+1]) || i > 0 && isVerb(ws[i-1]+" "+w) {
		return nil // "kick in", "take place"
	}
	if aux == "be" && isNoun(w) && isTimeNoun(lemmaNoun(w)) {
		return nil // "when is the ratification date": the date asked, no act
	}
	return []string{w}
}

// datedEvent returns, for a when-question that asks the date of a thing
// and no act ("when is the funeral for the skipper", "when is the next
// council election", "when is Balan's trial"), the noun that heads the
// phrase after its "is" or "was"; "" if a verb follows, or no noun heads
// it, or the question asks with "did" (whose act may be a phrasal verb:
// "step down", "take place").
func datedEvent(lower string) string {
	ws := strings.Fields(lower)
	at := slices.IndexFunc(ws, func(w string) bool { return english.Auxiliary(strings.Trim(w, "?!.,")) != "" })
	if at < 0 || english.Auxiliary(strings.Trim(ws[at], "?!.,")) != "be" {
		return "" // "when did the head of Folkspar step down": an act
	}
	head := ""
	for _, w := range ws[at+1:] {
		w = strings.Trim(w, "?!.,;:\"“”")
		if english.Determiner(w) || english.IsFiller(w) || w == "next" || w == "first" || w == "last" {
			continue
		}
		if english.IsStopWord(w) {
			break
		}
		if isVerb(w) && (!isNoun(w) || head != "") {
			return "" // "when did the talks start": an act after all
		}
		head = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	if !isNoun(head) {
		return ""
	}
	return head
}

// firstVerb returns the first of ws that is a verb past the subject
// ("approve" in "the cabinet approve the text"); "" if none, or if it is
// a verb of speech ("did X say": what was said, not an act). After "do"
// or a modal (base) the verb is in its base form: "when will the lifts in
// Santelva reopen" asks of the reopening, not the lifts.
func firstVerb(ws []string, base bool) string {
	for i, w := range ws {
		w = strings.Trim(w, "?!.,")
		if english.Auxiliary(w) == "be" || english.Auxiliary(w) == "have" {
			base = false // "will the final be replayed": a participle
		}
		if english.IsStopWord(w) || !isVerb(w) || i > 0 && english.Determiner(ws[i-1]) {
			continue // "did the affected hospitals begin": "affected" says which
		}
		if base && !slices.ContainsFunc(wordnet.Lemmas(w), func(l wordnet.Lemma) bool { return l.POS == wordnet.Verb && l.Word == w }) {
			continue
		}
		if i+1 < len(ws) && isNoun(w) && (isVerb(strings.Trim(ws[i+1], "?!.,")) || ws[i+1] == "of") {
			continue // "did the minister say", "did the chamber of deputies vote": the subject
		}
		if reSpeech().MatchString(w) {
			return "" // "did X say": what was said, not an outcome
		}
		return w
	}
	return ""
}

// saysWhen reports whether the verb w is one with which a when-question
// asks when, not what: "happen" or "begin" or, in its first sense, a word
// for either ("occur", "start", "commence"): "when did it happen", "when
// did the strike start" ask the date of what their subject names.
func saysWhen(w string) bool {
	is := func(l string) bool { return l == "happen" || l == "begin" }
	return slices.ContainsFunc(wordnet.Lemmas(w), func(l wordnet.Lemma) bool { return l.POS == wordnet.Verb && is(l.Word) }) ||
		slices.ContainsFunc(wordnet.RelatedIn(w, 1, nil), func(r wordnet.Relation) bool {
			return r.Kind == wordnet.Synonym && r.POS == wordnet.Verb && r.From.POS == wordnet.Verb && is(r.Lemma)
		})
}

// onlyAnnounced reports whether s has what the question asks the outcome
// of (see doneEvent) only as announced ("will vote", "is due to approve"),
// which does not say how it went.
func onlyAnnounced(q *query, s *sentence) bool {
	if q.done < 0 {
		return false
	}
	w := q.words[q.done]
	announced := 0
	for _, loc := range s.planLocs() {
		// The verb after "will", "is due to" ("is due to approve the
		// text"), past an adverb and "be".
		for _, x := range strings.Fields(s.text[loc[1]:]) {
			if x = strings.ToLower(strings.Trim(x, ".,;:\"“”")); strings.HasSuffix(x, "ly") || x == "be" {
				continue
			}
			if closeMatch(w, english.Term(x)) {
				announced++
			}
			break
		}
	}
	if announced == 0 {
		return false
	}
	all := 0
	for _, x := range english.Words(s.text) {
		if closeMatch(w, english.Term(x)) {
			all++
		}
	}
	return all <= announced
}

// determined reports whether word w of the question lower stands after a
// determiner or a possessive ("the last session", "their final round"): a
// modifier, not the verb of a duration question ("how long did it last").
func determined(lower, w string) bool {
	ws := english.Words(lower)
	for i := 1; i < len(ws); i++ {
		if ws[i] == w && english.Determiner(ws[i-1]) {
			return true
		}
	}
	return false
}

// otherYear reports whether s tells of another year than the one the
// question names: neither it nor what it leans on (premise) names that
// year, and it names another or its report is of another year ("how many
// cars did Solvara sell in 2024": "150,000 cars can enter each year").
func (q *query) otherYear(s *sentence, premise func(string) bool) bool {
	if len(q.years) == 0 {
		return false
	}
	for _, y := range q.years {
		if t := strconv.Itoa(y); s.terms[t] > 0 || premise(t) {
			return false
		}
	}
	if s.article != nil && slices.Contains(q.years, s.article.Published.Year()) {
		for _, m := range dates.Find(s.text, s.article.Published) {
			if m.Explicit() && m.Date.Start.Year() != s.article.Published.Year() {
				return true // "in 2019", in a report of the year asked
			}
		}
		return false // of its report's year, unless it says another
	}
	return true
}
