package extractive

import (
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/bot/internal/prefilter"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/retrieval"
)

// kind is what a question asks for. It decides what a sentence must carry
// beyond the question's words (a number, a date, a name, a quotation), and
// how many sentences answer, from where.
type kind int

const (
	kindOther     kind = iota
	kindPerson         // who, which officials
	kindPlace          // where, which country or city
	kindTime           // when, what date
	kindCount          // how many, how much
	kindDuration       // how long
	kindReason         // why
	kindStatement      // what did X say
	kindReaction       // how did X react
	kindYesNo          // is, did, was ... ?
	kindSummary        // summarize, tl;dr, what happened
	kindCompare        // compare A and B
	kindChange         // what changed between the reports
	kindName           // what is X called
	kindHowTo          // how do I ...
	kindAuthor         // who wrote the article
	kindCited          // which news agency the articles cite
	kindFrequency      // how often
	kindFate           // what became of X
	kindMeasure        // how old, how tall, the population of X
	kindSource         // which outlet reported X
	kindNext           // what happens next
)

// kindRules decide a question's kind: the first rule that matches the
// question (lower case, chat filler left in) wins, so the more specific
// kinds come first. Each rule is written for a way people ask for that
// kind of answer, never for one question (kinds_test.go has a row each).
var kindRules = []kindRule{
	// "who wrote the Voz piece", "the author of the article": the
	// articles' own bylines answer, not their text (not "who wrote the
	// peace plan"). A pronoun names the piece only last ("who wrote
	// that?", after an answer); "who reported that the tunnel flooded"
	// asks for a person.
	{kindAuthor, lazy(`(\b(?:who|that) (wrote|writes|authored|penned|reported|filed)\b|\b(author|writer|byline)s?\b).*(?:\b(piece|article|articles|story|stories|report|reports|blog|post|column|interview|release|coverage|feature|dispatch|explainer|analysis|editorial|op-ed)\b|\b(?:it|this|that|these|those|them)\W*$)`), ""},
	// "which site had Ushakov saying it was not bad", "what paper reported
	// the walkout", "which tv channel talked to the fisherman": the outlet
	// of the article that says it.
	{kindSource, reOutlet, "source"},
	// "which wire service keeps getting cited", "what news agencies do
	// the articles quote": the sources the articles themselves cite.
	{kindCited, reOutlet, "cited"},
	// "what happens next", "whats next after the deal", "the next
	// steps": what is to happen, with its date.
	{kindNext, reHappen, "next"},
	// A summary (reSummary): asked for in so many words, even of what
	// became of a thing ("tl;dr what happened to the aster belle"), or in
	// other words unless the question asks what became of a thing.
	{kindSummary, reSummary, ""},
	// "what became of X", "what happened to X", "the fate of X": what
	// came of a thing, told where it is the subject, and what follows.
	{kindFate, reHappen, "fate"},
	// "compare A and B", "difference between A and B", "A vs B", "how
	// did A and B differ", "how did A and B react differently".
	{kindCompare, reDiffer, "compare"},
	// "how did X change from ... to ...", "what changed", "how did X
	// change".
	{kindChange, reDiffer, "change"},
	// "how do I plant tomatoes", "a good recipe for sea bream":
	// instructions, which news does not give; nor a recommendation ("best
	// bait for carp fishing?", "what's the best hotel in X": all nineteen
	// such questions of the gold sets are unanswerable).
	{kindHowTo, lazy(`^(?:\w+ ){0,2}how (do|can|should|would|could) (i|you|we|one)\b|^(?:\w+ ){0,2}how to\b|\bhow (?:to|do i|can i) \w+(?: it| this| that)?\W*$|\brecipes?\b|\bbest (?:\w+ ){0,2}to (buy|get|go|eat|visit|stay|see|do|invest|use|book|watch|read|try)\b|\b(can|could|would) (you|u) recommend\b|^(?:\w+ ){0,2}how (long|much|many|often|far) (should|do|can) (i|you|we)\b|^(?:\w+ ){0,2}where (can|do|should) (i|you|we) (buy|get|find)\b|\bshould (?:i|we|u) (?:buy|sell|invest|book|pack)\b|\bdo (i|you|we) need\b|\bwhat (?:should|do|can|must) (?:i|we) (?:do|keep|pack|bring|take|buy|use)\b|^(?:\w+ )?(?:what'?s|what is|whats|which is|which are) the best\b|^best\b`), ""},
	// "what's the palace called", "what is the name of".
	{kindName, reNameFocus, ""},
	// "how old is X", "how tall is the dam", "the population of X": a
	// measure, which a sentence gives as a number with its unit ("Imre,
	// 51,", "145 metres high", "1.2 million people") or does not give.
	{kindMeasure, nil, ""},
	// "how long", "the duration", "how much time", "for how many days",
	// "what is the longest a ship can be held", "for what period".
	{kindDuration, reHowLong, "duration"},
	// "how often", "how frequently": a rate ("every month", "weekly").
	{kindFrequency, reHowLong, "frequency"},
	// "how many", "how much", "what number", "what transit fee", "what
	// ticket prices", "by what margin": a figure.
	{kindCount, reCount, ""},
	// "where", "which country", "in what venue".
	{kindPlace, lazy(`^(?:\w+ ){0,3}where\b|\b(?:which|what) (?:\w+ )?(?:country|countries|city|cities|place|places|venue|building|palace|hotel|capital|region|town|location|port|ports)\b`), ""},
	// "why", "what was the reason", "for what reason", "how come", "what
	// set this off", "what prompted the talks" (a verb of the causes a
	// sentence gives, its group; see analyse), "on what grounds", "what
	// justification", "to what cause does X attribute it".
	{kindReason, lazy(`\bwhy\b|\bthe reasons?\b|\bwhat reasons?\b|^(?:\w+ ){0,2}how come\b|\bwhat (set|caused|led|` + causes + `)\b|\b(?:what|which|on what) (?:\w+ )?(justifications?|grounds|rationale|basis)\b|\bto what (cause|reason|factor)s?\b`), ""},
	// "when", "on what date", "what day", "first flight - when?" (the
	// question word last, as chat puts it); not "was X already there when
	// Y".
	{kindTime, reWhen, ""},
	// "how did X react", "X's response", "the view of X on the deal",
	// "X's take on it".
	{kindReaction, lazy(`\b(views?|stance|opinion|verdict) (?:of|on)\b|'s (views?|take|stance|position|opinion|verdict)(?: on\b| in\b|\W*$)|\b(react|reacted|reaction|respond|responded|response)\b|\bhow (did|do|does|will|would) .+ (take|took|feel|felt|receive|greet|welcome) (?:it|this|that|the (?:\w+ )?(?:(news)|\w+))\b|\bhow (did|do|does) .+ (feel)\b`), ""},
	// "what did X say", "what's X saying", "how did X describe", "according
	// to X", "what did X propose".
	{kindStatement, reStatementVerb, ""},
	// "who", "whom", "which minister", "which saudi royal".
	{kindPerson, reWho, ""},
	// Questions that open with an auxiliary verb want yes or no (see
	// reYesNo). Not after a question word (see kindOf): "how did X sum up"
	// asks how.
	{kindYesNo, reYesNo, ""},
}

// reYesNo finds a question for yes or no: one that opens with an
// auxiliary verb ("did the talks fail"), or whose part after a dash, a
// colon or a full stop does ("the music teacher who got them singing - was
// he hurt?"), or a claim that ends asking whether it holds ("I read that
// Corvane was paying 120 million. Is that true?", "the bus fell 100 metres,
// is that right"), whose groups (the claim's "I heard", "somewhere" and
// its "true") say only that the claim is asked about.
var reYesNo = lazy(`(?:^(?:\w+ ){0,2}|[-–—:.] )(?:is|are|was|were|did|does|do|can|could|will|would|has|have|had|should)\b|^(?:i (read|heard|saw)(?: (somewhere|online|earlier))?(?: that)? )?.*\b(?:is|was) (?:that|this|it) (true|right|correct|accurate|so)\W*$`)

// reSummary finds a question for a summary: in so many words (group 1:
// "summarize", "tl;dr", "recap", "the short version"; "tl;dr of the whole
// ...", whose "whole" asks for all of it, not for something whole); "what happened"
// ("what actually happened") or "outline" (after the empty group 2) among
// the question's first four words (see summaryMatches); "the main
// points", "the outcome of", "what came out of" (after the empty group 5).
var reSummary = lazy(`\b((?:summar\w*|tl;? ?dr)(?: (?:of |on |about )?(?:the )?(?:whole|entire)\b)?|recap|overview|gist|in a nutshell|(?:the )?short version|in brief)\b|()\b(?:what (?:\w+ly )?(happened|went on)|(outline))\b|()(?:\b(main|key|principal) (points|provisions|terms)\b|\bwhat (came) out of\b|\bthe (outcome|upshot) of\b)`)

// summaryMatches returns the matches of reSummary in the lower-case
// question q that ask for a summary: "what happened" and "outline" only
// among its first four words ("could you outline the principal
// provisions"; not "was anyone hurt when what happened"), the others
// anywhere.
func summaryMatches(q string) [][]int {
	if !reSummary().MatchString(q) {
		return nil // most questions: the cheaper test first
	}
	var out [][]int
	for _, m := range reSummary().FindAllStringSubmatchIndex(q, -1) {
		if m[4] >= 0 && !openingWords(q[:m[0]]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// openingWords reports whether prefix is at most three words, each of
// letters, digits or underscores and followed by one space: the words
// before a question's own.
func openingWords(prefix string) bool {
	if prefix == "" {
		return true
	}
	words, ok := strings.CutSuffix(prefix, " ")
	if !ok {
		return false
	}
	ws := strings.Split(words, " ")
	return len(ws) <= 3 && !slices.ContainsFunc(ws, func(w string) bool {
		return w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
	})
}

// kindRule is a rule of kindRules: the kind, its expression, and the
// empty group that marks the kind's part of an expression two kinds share
// ("" for an expression of its own).
type kindRule struct {
	kind kind
	re   func() *prefilter.Regexp // nil for a measure, read from WordNet (measureMatches)
	part string
}

// matches returns r's matches in the lower-case question q, those of its
// part if it has one.
func (r kindRule) matches(q string) [][]int {
	if r.re == nil {
		return measureMatches(q)
	}
	if r.part == "" {
		return r.re().FindAllStringSubmatchIndex(q, -1)
	}
	i, u := r.re().SubexpIndex(r.part), r.re().SubexpIndex("unit")
	var out [][]int
	for _, m := range sharedMatches(r.re(), q) {
		// A length of time asked in a unit is asked in one of time
		// (timeUnit, WordNet's): "how many days", "how many nights";
		// "how many ships" asks a count.
		if m[2*i] >= 0 && (u < 0 || m[2*u] < 0 || timeUnit(q[m[2*u]:m[2*u+1]])) {
			out = append(out, m)
		}
	}
	return out
}

// shared remembers the matches of the expressions kinds share in the
// question last read: each is read once a question, not once for each
// kind and each reader of its groups (they were a fifth of an answer's
// time).
var shared struct {
	mu sync.Mutex
	q  string
	ms map[*prefilter.Regexp][][]int
}

// sharedMatches returns re's matches in q, read once (see shared). The
// result is shared: not to be changed.
func sharedMatches(re *prefilter.Regexp, q string) [][]int {
	shared.mu.Lock()
	ms, ok := shared.ms[re]
	ok = ok && shared.q == q
	shared.mu.Unlock()
	if ok {
		return ms
	}
	ms = nil
	if re.MatchString(q) { // most questions match none: the cheaper test first
		ms = re.FindAllStringSubmatchIndex(q, -1)
	}
	shared.mu.Lock()
	if shared.q != q || shared.ms == nil {
		shared.q, shared.ms = q, map[*prefilter.Regexp][][]int{}
	}
	shared.ms[re] = ms
	shared.mu.Unlock()
	return ms
}

// reOutlet is the rule of kindSource and kindCited, which share the
// words for outlets: "which site had Ushakov saying it was not bad", "what
// paper reported the walkout", "which tv channel talked to the fisherman"
// (the outlet of the article that says it); "which wire service keeps
// getting cited", "what news agencies do the articles quote" (the sources
// the articles themselves cite).
var reOutlet = lazy(`(?P<source>)\b(which|what) (news |tv |radio )?(site|website|outlet|paper|newspaper|publication|article|story|report|source|channel|station|network|broadcaster|programme|program|show)s? (had|has|reported|reports|report|said|says|say|ran|run|published|carried|quoted|quotes|mentioned|covered|aired|broadcast|talked to|spoke to|interviewed)\b|(?P<cited>)(?:\b(wire|agency|agencies|outlets?|newspapers?|publications?|media|sources)\b.*\b(cit(?:e|es|ed|ing|ations?)|quot(?:e|es|ed|ing|ations?))\b|\b(cit(?:e|es|ed|ing|ations?)|quot(?:e|es|ed|ing|ations?))\b.*\b(wire|agency|agencies|outlets?|newspapers?|publications?|media)\b)`)

// reHappen is the rule of kindNext and kindFate, which share "what
// happens": "what happens next", "whats next after the deal", "the next
// steps" (what is to happen, with its date); "what became of X", "what
// happened to X", "the fate of X" (what came of a thing, told where it is
// the subject, and what follows).
var reHappen = lazy(`(?P<next>)(?:\bwhat(?:'s| is|s)? (?:comes? )?next\b|\bwhat (?:happens|comes|will happen|is going to happen|'s going to happen) (?:next|now)\b|\bnext steps?\b|^(?:\w+ )?what now\b)|(?P<fate>)(?:\bwhat (?:\w+ly )?(became|has become|happened|has happened|will happen|happens) (of|to|with)\b|\bwhat (came) of\b|\bthe (fate|status) of\b)`)

// reDiffer is the rule of kindCompare and kindChange, questions of a
// difference: between sides ("compare A and B", "difference between A
// and B", "A vs B", "how did A and B differ", "how did A and B react
// differently"), or over time ("how did X change from ... to ...", "what
// changed", "how did X change").
var reDiffer = lazy(`(?P<compare>)(?:\b(compare|comparison|contrast|difference between|versus|vs|differ|differed|differently)\b)|(?P<change>)(?:\bchang(e|ed|es)\b.*\b(from|between|before|since|after)\b|\bwhat (has )?changed\b|^(?:\w+ )?how (did|has|have|do|does) .+ chang(e|ed)$)`)

// reHowLong is the rule of kindDuration and kindFrequency, questions of
// how long or how often: "how long", "the duration", "how much time",
// "for how many days" (any unit of time, see matches), "what is the longest a ship can be held", "for
// what period"; "how often", "how frequently" (a rate: "every month",
// "weekly").
var reHowLong = lazy(`(?P<duration>)(?:\bhow long\b(?:.*\b(last|lasted|lasts|take|took|takes)\b)?|\b(duration)\b|\b(length) of\b|\bhow much (?:(time)|sleep)\b|\bhow many (?P<unit>\w+)\b|\bthe (longest|shortest)\b|\b(?:for|over|within) what (period|span|stretch|timeframe|time frame)\b)|(?P<frequency>)\bhow (often|frequently|regularly)\b`)

// rePoliteRequest finds a request put as a question ("could you please
// state", "would you kindly tell me", "would you be able to tell me",
// "could you let me know", "can u give", "I would be grateful if you
// could tell me", "I was wondering whether you could tell me", "I would
// like to know"), and its verb, which asks for nothing itself (see
// analyse). "Could you outline" only before a question word, which it
// keeps (group wh: "could you outline which matters were left open");
// before a noun it asks for a summary (reSummary).
var rePoliteRequest = lazy(`^(?:(?:i would be|i'd be|i am|i'm|i was|i) (?:grateful|wondering|wonder) (?:if|whether) (?:you )?(?:could|can|would|might) (?:please |kindly )?|(?:could|would|can|will) (?:you|u) (?:be able to )?(?:please |kindly )?|please |kindly )(?:state|tell (?:me|us)|let (?:me|us) know|give|explain|identify|specify|list|indicate|confirm|provide|describe|outline (?P<wh>which|what|who|when|where|why|how))\s+|^(?:i would|i'd) like to know\s+`)

// statementVerbs are the verbs with which a question asks what someone
// said, claimed or put forward.
const statementVerbs = `sum up|summed up|characteri[sz]ed?|say|says|said|saying|tell|told|write|writes|wrote|written|describe|described|call|called|think|thinks|propose|proposed|suggest|suggested|announce|announced|offer|offered|demand|demanded|ask|asked|claim|claimed|promise|promised|warn|warned|argue|argued|insist|insisted|advise|advised|urge|urged`

// reNounUse finds a statement word used as a noun, after a possessive or
// an article ("Russia's demand", "the offer", "its claim"), after a
// possessive and a noun of action ("Halcyon Live's cancellation claim";
// not "did the delegation offer") or an ordinal ("the hotline's first
// call"); a phrasal verb of no speech ("called off"); and
// a speech verb in the passive after an auxiliary, which asks whether
// something was done to someone ("had Corvane been warned", "was the
// captain told"): a report of it answers, not a quotation.
var reNounUse = lazy(`\b(\w+'s|the|a|an|its|their|his|her|this|that)\s+(` + statementVerbs + `)\b|\b(\w+'s|its|their|his|her)\s+\w+(?:tion|sion|ance|ence)\s+(` + statementVerbs + `)\b|\b(?:first|second|third|last|latest|final|new|initial|original|earlier|later)\s+(` + statementVerbs + `)\b|\bcall(?:s|ed)? off\b|^(?:\w+ ){0,2}(?:(?:was|were|is|are)\s+(?:\w+\s+){1,4}?|(?:had|has|have)\s+(?:\w+\s+){1,4}?been\s+)(?:warned|told|asked|advised|urged|promised|offered)\b`)

// reStatementVerb finds a verb of speech, or "according to".
var reStatementVerb = lazy(`\b(?:` + statementVerbs + `|according to)\b`)

// reWhOpen finds a question word among a question's first words (group
// 2): a question that opens "how did", "what was" asks for more than yes
// or no; one that opens "how many", "how much" (group 3) asks for a count;
// one that opens "who" asks for a person, whatever reaction it mentions.
var reWhOpen = lazy(`^(\w+ ){0,2}?((how (?:many|much))|how|what|who|whom|whose|which|where|when|why)\b`)

// kindOf returns the kind of question q.
func kindOf(q string) kind {
	if m := reAccording().FindStringSubmatch(strings.ToLower(q)); m != nil && m[3] != "" {
		// "According to the press release, when is first power
		// expected?": the attribution says whose words answer (see
		// reAccording); the kind is what the rest asks, if it asks more
		// than what was said.
		if k := kindOf(m[3]); k != kindOther && k != kindYesNo {
			return k
		}
	}
	q = strings.ToLower(kindFold.Replace(q))
	// "Could you please state the date on which ...": a request, whose
	// kind is what it asks for, not yes or no.
	if m := rePoliteRequest().FindStringSubmatchIndex(q); m != nil {
		wh := ""
		if i := 2 * rePoliteRequest().SubexpIndex("wh"); m[i] >= 0 {
			wh = q[m[i]:m[i+1]] + " "
		}
		q = q[:m[0]] + "what is " + wh + q[m[1]:]
	}
	kindRead.mu.Lock()
	last, k := kindRead.q, kindRead.k
	kindRead.mu.Unlock()
	if last == q {
		return k // the rewrite and the answerer read the same question
	}
	k = readKind(q)
	kindRead.mu.Lock()
	kindRead.q, kindRead.k = q, k
	kindRead.mu.Unlock()
	return k
}

// kindRead remembers the kind of the last question read: a question's
// kind is read by the rewrite of a bare noun phrase and then by the
// answerer.
var kindRead struct {
	mu sync.Mutex
	q  string
	k  kind
}

// readKind is kindOf for a question in lower case, its request read.
func readKind(q string) kind {
	// Each rule's pattern is run once and its exceptions only where it
	// matches: they were a fifth of an answer's time when every
	// exception ran for every rule.
	wh := reWhOpen().FindStringSubmatch(q)
	for _, r := range kindRules {
		var loc []int
		switch {
		case r.kind == kindSummary:
			ms := summaryMatches(q)
			if len(ms) == 0 {
				continue
			}
			if !slices.ContainsFunc(ms, func(m []int) bool { return m[2] >= 0 }) && asksKind(kindFate, q) {
				// Not "what happened to the aster belle" but in so many
				// words ("tl;dr"): what became of it.
				continue
			}
			loc = ms[0][:2]
		case r.re == nil:
			if ms := r.matches(q); len(ms) > 0 {
				loc = ms[0][:2]
			}
		case r.part == "":
			loc = r.re().FindStringIndex(q)
		default:
			if ms := r.matches(q); len(ms) > 0 {
				loc = ms[0][:2]
			}
		}
		if loc == nil {
			continue
		}
		if r.kind == kindYesNo && wh != nil {
			continue
		}
		if r.kind == kindDuration && thingLength(q) {
			continue // "the length of the pipeline": a measure, not a time
		}
		if (r.kind == kindMeasure || r.kind == kindDuration) && wh != nil && wh[3] != "" && loc[0] >= len(wh[0]) {
			// "how many stations ran dry at the height of the shortage":
			// the count its opening asks, not a measure named later (but
			// "how many people live in Sarn", which opens with it); "how
			// many enumerators were employed, and over what period": the
			// count first, not the duration its second part asks.
			continue
		}
		if r.kind == kindMeasure && wh != nil && loc[0] >= len(wh[0]) && strings.HasPrefix(q[loc[0]:], "how") {
			continue // "where was it coldest, and how cold did it get": the place first
		}
		if r.kind == kindCompare && wh != nil && wh[3] != "" {
			continue // "how many voted yes vs no": two numbers, a count
		}
		if r.kind == kindName && wh == nil && asksKind(kindYesNo, q) {
			continue // "did Lusmark publish the names of the people": yes or no
		}
		if r.kind == kindReaction && wh != nil && strings.HasPrefix(wh[2], "who") {
			continue // "who commanded the fire service's response": a person
		}
		if r.kind == kindStatement && wh != nil && strings.HasPrefix(wh[2], "who") && !strings.ContainsAny(q, `"“”`) {
			// "who warned about the seal", "who proposed scrapping the
			// shift": a person, whom the answer names; not "who said
			// 'a better result'", which the quotation's speaker answers.
			continue
		}
		if r.kind == kindStatement && asksThing(q, wh) {
			continue // "what interim support did the government offer": a deed, which a report tells
		}
		if r.kind == kindStatement && wh == nil && yesNoNotDo(q) {
			// "had the regulator ever warned airports about drones",
			// "was the school able to reopen on the date first
			// announced": whether it was so, which a report settles
			// as well as a statement. ("Did the minister warn the
			// farmers" asks what was said.)
			continue
		}
		if r.kind == kindStatement && !reStatementVerb().MatchString(withoutDocumentSource(reNounUse().ReplaceAllString(q, ""))) {
			continue // "what became of Russia's demand": a noun, not a verb of speech
		}
		if (slotted(r.kind) || r.kind == kindPerson || r.kind == kindReason) && asksKind(kindYesNo, q) && reStatementVerb().MatchString(q[:loc[0]]) {
			// "did Brennick say how much they wanted": the question word
			// is inside what was said; yes or no (a refusal) answers.
			continue
		}
		if r.kind == kindPerson && onlyRelativeWho(q) {
			continue // "the final number of ppl who got sick": who got sick is no question
		}
		return r.kind
	}
	if asksSum(q) {
		return kindCount
	}
	if asksPerson(q) {
		return kindPerson
	}
	return kindOther
}

// yesNoNotDo reports whether the lower-case question q asks for yes or no
// (see reYesNo) with an auxiliary other than "do": "had the regulator
// warned", "has Estmark demanded", "- is that still the number".
func yesNoNotDo(q string) bool {
	m := reYesNo().FindStringIndex(q)
	if m == nil {
		return false
	}
	f := strings.Fields(strings.TrimLeft(q[m[0]:m[1]], "-–—:. "))
	if len(f) == 0 {
		return false
	}
	aux := f[len(f)-1]
	return aux != "did" && aux != "does" && aux != "do"
}

// withoutDocumentSource returns the lower-case question q without its
// "according to" if what follows is a document, not a speaker: "according
// to the preliminary results", "according to official figures"; what the
// question asks is the figure, not what was said. The head of the source
// (its last word before a stop word) is a document when WordNet files it
// as a communication, a piece of knowledge or a quantity ("figures",
// "data", "count"), and not as a person ("the union leader"); a name
// WordNet does not know is a speaker.
func withoutDocumentSource(q string) string {
	const according = "according to "
	i := strings.Index(q, according)
	if i < 0 {
		return q
	}
	head := ""
	for _, w := range strings.Fields(q[i+len(according):]) {
		w = strings.Trim(w, `.,;:!?"“”`)
		if english.IsStopWord(w) {
			if head != "" {
				break
			}
			continue // "the", "its"
		}
		head = w
	}
	classes := wordnet.Classes(head, wordnet.Noun, commonSenses)
	if slices.Contains(classes, "noun.person") || !slices.ContainsFunc(classes, func(c string) bool {
		return c == "noun.communication" || c == "noun.cognition" || c == "noun.quantity"
	}) {
		return q
	}
	return q[:i] + q[i+len(according):]
}

// asksThing reports whether the lower-case question q, whose question
// word wh found, asks "what" or "which" of a thing named by its noun:
// "what interim support did the government offer", "which concessions has
// the employer offered". It asks for the thing, which a report gives ("the
// government will advance interim payments of $1,500"), not for words
// said; "what did the government offer" names no thing.
func asksThing(q string, wh []string) bool {
	if wh == nil || wh[2] != "what" && wh[2] != "which" {
		return false
	}
	m := askedWords(q[len(wh[0])-len(wh[2]):], false)
	return len(m) > 0 && isNoun(m[0])
}

// kindFold makes a question's apostrophes plain and its question marks
// and commas spaces, for the kind rules.
var kindFold = strings.NewReplacer("’", "'", "?", " ", ",", " ")

// onlyRelativeWho reports whether every "who" of the lower-case question
// q opens a relative clause, after a content word ("ppl who got sick"),
// and no "which official" asks for a person either.
func onlyRelativeWho(q string) bool {
	ws := strings.Fields(q)
	found := false
	for i, w := range ws {
		w = strings.Trim(w, ".,;:!\"“”")
		if w != "who" && w != "whom" {
			if strings.HasPrefix(w, "who") || w == "which" {
				return false // "whose", "who's", "which minister"
			}
			continue
		}
		found = true
		if i == 0 {
			return false
		}
		prev := strings.Trim(ws[i-1], ".,;:!\"“”")
		if prev != ws[i-1] || english.IsStopWord(prev) || english.IsFiller(prev) || !isNoun(prev) {
			return false // "so who signed", "lol who met", "- who is she"
		}
	}
	return found
}

// asksSum reports whether the lower-case question asks for a thing that
// is a sum of money (see isMoneyNoun) by the noun that heads it: "what was
// the estimated cost of the repairs", "what is the fine", "what was Tomas
// Halvik's annual salary", "whats the starting salary for a new teacher",
// which only a sum answers, as "how much" would. The noun phrase follows
// "what" and a "be" among the question's first words, opens with a
// determiner or a possessor, and ends the question or takes "of" ("the
// fine imposed on the union": a verb's, no noun, heads it); a possessor's
// noun ("Halvik's annual salary") is not its head.
func asksSum(q string) bool {
	ws := strings.Fields(q)
	for i, w := range ws {
		ws[i] = strings.Trim(w, "?!.,;:\"“”")
	}
	at := slices.IndexFunc(ws, func(w string) bool { return w == "what" || w == "what's" || w == "whats" })
	if at < 0 || at > phraseWindow {
		return false
	}
	j := at + 1
	if ws[at] == "what" {
		if j+1 < len(ws) && english.Auxiliary(ws[j]) == "modal" && ws[j+1] == "be" {
			j++ // "what will be the total bill"
		}
		if j >= len(ws) || english.Auxiliary(ws[j]) != "be" {
			return false // "what did the strike cost": a verb's question
		}
		j++
	}
	if j >= len(ws) {
		return false
	}
	var phrase []string
	owned := false
	for k := j; k < len(ws); k++ {
		switch w := ws[k]; {
		case strings.HasSuffix(w, "'s"):
			phrase, owned = phrase[:0], true // "a Brenmouth docker's": whose it is
		case len(phrase) == 0 && english.Determiner(w):
		case w == "of":
			ws = ws[:k] // "the cost of the repairs"
		case english.IsStopWord(w) || len(phrase) == phraseWindow:
			return false // "the death toll now", "the interest rate in Orvania": a rate, as often as a sum
		default:
			phrase = append(phrase, w)
		}
	}
	if len(phrase) == 0 || !owned && !english.Determiner(ws[j]) {
		return false // "what is left": no noun phrase
	}
	head := phrase[len(phrase)-1]
	if n := len(phrase); n > 1 && isNoun(phrase[n-2]+" "+head) {
		head = phrase[n-2] + " " + head // "the death toll": no toll paid
	}
	return isNoun(head) && isMoneyNoun(lemmaNoun(head))
}

// thingLength reports whether the lower-case question asks the length of
// a thing, not of a time: "the length of the pipeline", whose head noun
// WordNet files, in one of its commonSenses, as an artifact, an object or
// a location; not "the length of the suspension" (a state, a time), "the
// length of time".
func thingLength(q string) bool {
	_, rest, ok := strings.Cut(q, "length of ")
	if !ok {
		return false
	}
	head := ""
	for _, w := range strings.Fields(rest) {
		w = strings.Trim(w, "?!.,;:")
		if english.Determiner(w) && head == "" {
			continue
		}
		if english.IsStopWord(w) || !isNoun(w) {
			break
		}
		head = w
	}
	if head == "" {
		return false
	}
	return slices.ContainsFunc(wordnet.Classes(lemmaNoun(head), wordnet.Noun, commonSenses), func(c string) bool {
		return c == "noun.artifact" || c == "noun.object" || c == "noun.location"
	})
}

// asksPerson reports whether the lower-case question q asks "which" or
// "what" of a noun WordNet files as a person, the words of the rule of
// kindPerson aside: "which judge presided", "what performer was on
// stage", "which crew members are still missing", "which cabinet member
// is in charge".
func asksPerson(q string) bool {
	return slices.ContainsFunc(whichWords(q), func(w string) bool { return isNoun(w) && namesPerson(lemmaNoun(w)) })
}

// asksKind reports whether the lower-case question q matches a rule of
// kind k.
func asksKind(k kind, q string) bool {
	return slices.ContainsFunc(kindRules, func(r kindRule) bool {
		if r.kind != k {
			return false
		}
		if r.part == "" && r.re != nil {
			return r.re().MatchString(q) // no groups to read: the cheaper test
		}
		return len(r.matches(q)) > 0
	})
}

// kindWords returns the terms of the groups of kind k's rules that the
// lower-case question q matches: the words the rules read the kind by
// ("last" of "how long did it last", "prompted" of "what prompted it",
// "days" of "how many days", "became" of "what became of"). A name
// question's groups are the name asked for (reNameFocus), not its kind.
func kindWords(k kind, q string) map[string]bool {
	out := map[string]bool{}
	for _, r := range kindRules {
		if r.kind != k || k == kindName || k == kindPerson {
			continue
		}
		ms := r.matches(q)
		if k == kindSummary {
			ms = summaryMatches(q)
		}
		for _, m := range ms {
			for i := 2; i < len(m); i += 2 {
				if m[i] >= 0 {
					for _, t := range english.Terms(q[m[i]:m[i+1]]) {
						out[t] = true
					}
				}
			}
		}
	}
	return out
}

// features are what a sentence carries that several kinds of answer
// look for: its numbers and names.
type features struct {
	numbers []string // numbers, in digits or words
	persons []string // runs of capitalised words that may name people ("Daniel Whitcomb", "adviser Ushakov")
	names   []string // lower-case capitalised words but the first: candidate places
}

// feature is a kind of answer a sentence may carry, read by one pattern
// on first need (see sentence.has): a question of one kind asks after one
// or two of them, and reading them all for every candidate was most of a
// first answer.
type feature uint8

// The features.
const (
	fDuration  feature = iota // a length of time ("4.5-hour", "four days")
	fDate                     // a date or a weekday
	fReason                   // a cause ("because", "due to", "in protest")
	fReaction                 // a reaction ("criticized", "in response")
	fQuote                    // a quotation
	fSpeech                   // a verb of speech
	fChange                   // a change of plan ("postponed", "instead")
	fPlan                     // a plan ("will", "is set to")
	fFrequency                // how often something happens ("every month", "weekly")
	fRetracted                // what an earlier report said wrongly ("An earlier version of this article said")
	fCalendar                 // a date that says itself ("14 March", "2026"), not only with the article's day
	fGreeting                 // a greeting or thanks that opens a turn (greets)
	fToReader                 // words to the reader about the coverage (reToReader)
	nFeatures
)

// featurePatterns are the patterns of the features.
var featurePatterns = [nFeatures]func() *prefilter.Regexp{
	fReason: reReason, fReaction: reReaction,
	fSpeech: reSpeech,
	fChange: reChange, fPlan: rePlan,
	fRetracted: reRetracted, fToReader: reToReader,
}

// reRetracted finds a correction's account of what an earlier report said
// ("An earlier version of this article said that ... 16 trains",
// "CORRECTION: A Continental Wire report on Oct. 16 said 96 ...", "Last
// Friday we told you ... 32", a live blog's "15:20 — Correction: In an
// entry at 10:12 we said ... 40 minutes"): the figure it gives is the
// wrong one.
var reRetracted = lazy(`(?i)\ban earlier version of this\b|^(\d{1,2}[:.]\d\d\s*(?:[—–-]\s*)?)?correction\b|\bwe (told you|said|reported)\b|\bour (?:\S+ ){0,3}(?:entry|report|story|article|edition|post|update) (?:said|stated|reported)\b`)

// marketWords are the terms of those whose reaction is a price that
// moves: "how did the markets (investors, traders) take it".
var marketWords = map[string]bool{"market": true, "investor": true, "trader": true, "share": true, "stock": true, "bond": true, "price": true}

// reMarketMove finds a market's reaction: a price that moves ("shares in
// Solvara closed up 6.2%", "wholesale gas prices fell 6 percent").
var reMarketMove = lazy(`(?i)\b(?:shares|stocks?|bonds?|prices?|yields?|markets?|index)\b[^.;]{0,60}?\b(?:rose|fell|jumped|climbed|dropped|slid|rallied|surged|tumbled|gained|lost|closed (?:up|down|higher|lower))\b`)

// planWords are the words of a plan: what is to happen, not what happened
// ("will meet", "is due to approve", "is set to").
const planWords = `will|would|shall|is set to|are set to|scheduled(?: to)?|is to|are to|plans? to|planned|intends? to|(?:is|are|was|were) due to|(?:is |are )?expected to|hoped? to|hopes to`

// The patterns of the features, each for a kind of sentence.
var (
	reReason   = lazy(`(?i)\b((` + strongReason + `)|since|amid|after|over|follows?|followed|following|came after|breakthrough)\b`)
	reReaction = lazy(`(?i)\b(in (response|protest|reaction|retaliation)|react(?:s|ed)|respond(?:s|ed)|critici[sz]\w*|condemn\w*|reject\w*|postpon\w*|cancel\w*|call(?:s|ed) for|convened|protest\w*|welcom(?:es|ed)|a (?:\w+ )?welcome|warn(?:s|ed)|prais(?:es|ed)|dismiss(?:es|ed)|slam(?:s|med))\b`)
	reClock    = lazy(`(?i)\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|local time|o'clock)|\b(?:noon|midnight)\b|\b(?:[01]?\d|2[0-3]):[0-5]\d\b`)
	reName     = lazy(`\b[A-Z][\p{L}-]+`)
	reChange   = lazy(`(?i)\b(postpon\w*|cancel\w*|delay\w*|reschedul\w*|call(ed|s)? off|no longer|instead|moved|pushed back (?:to|until|by|a)|scrapped|in a change from|changed|switched|reversed)\b`)
	rePlan     = lazy(`(?i)\b(` + planWords + `)\b`)
)

// durationLocs returns where text gives a length of time, in order: a
// number, "a", "an", "several" or "few", then a space or a hyphen, maybe
// "and a half", and a unit of time ("the 4.5-hour meeting", "three
// days", "a year-and-a-half", "two decades", "a fortnight"). Each loc is
// the duration's start and end, then its number's. The unit is read from
// WordNet (see timeUnit), not listed.
func durationLocs(text string) [][]int {
	var locs [][]int
	ws := wordSpans(text)
	for i := 0; i+1 < len(ws); i++ {
		n := ws[i]
		x := strings.ToLower(text[n[0]:n[1]])
		if !(x == "a" || x == "an" || x == "several" || x == "few" || isNumber(x) && !strings.ContainsAny(x, ",")) {
			continue
		}
		j := i + 1
		if !joined(text, n, ws[j]) {
			continue
		}
		if j+3 < len(ws) {
			if and := strings.ToLower(text[ws[j][0]:ws[j+2][1]]); and == "and a half" || and == "and-a-half" {
				j += 3 // "two and a half hours", "a year-and-a-half"
			}
		}
		if !joined(text, ws[j-1], ws[j]) || !timeUnit(strings.ToLower(text[ws[j][0]:ws[j][1]])) {
			continue
		}
		locs = append(locs, []int{n[0], ws[j][1], n[0], n[1]})
		i = j
	}
	return locs
}

// wordSpans returns where text's words are: runs of letters and digits,
// with a point or a comma between digits ("4.5", "1,000").
func wordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(text); i++ {
		in := i < len(text) && (isWordByte(text[i]) || (text[i] == '.' || text[i] == ',') && start >= 0 && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' && text[i-1] >= '0' && text[i-1] <= '9')
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

// isWordByte reports whether b is a letter or a digit of ASCII, or a byte
// of a rune beyond it (a letter of another alphabet).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// joined reports whether the words at a and b stand one space or one
// hyphen apart ("4.5-hour", "three days").
func joined(text string, a, b [2]int) bool {
	return b[0] == a[1]+1 && (text[a[1]] == ' ' || text[a[1]] == '-')
}

// timeUnits remembers which words are units of time (see timeUnit).
var timeUnits sync.Map

// timeUnit reports whether the lower-case word w is a unit of time: a noun
// WordNet files as time in its commonest sense, whose hypernym is a time
// unit or a time period ("hours", "weeks", "decades", "fortnight"; not
// "Monday", a day of the week, nor "noon", an hour of the day).
func timeUnit(w string) bool {
	if v, ok := timeUnits.Load(w); ok {
		return v.(bool)
	}
	// A plural is read as its singular: "times" is also a noun of its
	// own ("the times", an era), but "three times" counts occasions,
	// as "time" does in its commonest sense.
	base := lemmaNoun(w)
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun && l.Word != w {
			base = l.Word
			break
		}
	}
	is := !english.IsStopWord(w) && inClass(base, "noun.time") &&
		walkHypernyms(base, 1, 1, func(h string) bool { return h == "time unit" || h == "time period" })
	timeUnits.Store(w, is)
	return is
}

// isRate reports whether the duration durationLocs found at text[loc[0]:
// loc[1]] is a rate: "a week" after what it counts, a number before it
// ("up to 40 ships a week", "40 merchant ships a week", "$26 a tonne"),
// or after "once", "twice", "three times". A rate says how often, not
// how long ("the 4.5-hour meeting", "for a week", "a day of talks").
func isRate(text string, loc []int) bool {
	m := strings.ToLower(text[loc[0]:loc[1]])
	if !strings.HasPrefix(m, "a ") && !strings.HasPrefix(m, "an ") {
		return false
	}
	before := strings.Fields(strings.ToLower(text[:loc[0]]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-3; i-- {
		w := strings.Trim(before[i], `"“”,;:()`)
		if w == "once" || w == "twice" || w == "times" || w != "" && (isNumber(w) || isCurrency(w)) {
			return true
		}
	}
	return false
}

// isCurrency reports whether w opens with a currency sign ("€90", "$26"):
// its first rune, not its first byte ("€" is three).
func isCurrency(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune("$€£¥", r)
}

// hasDuration reports whether text has a length of time that is no rate
// (see isRate).
func hasDuration(text string) bool {
	for _, loc := range durationLocs(text) {
		if !isRate(text, loc) {
			return true
		}
	}
	return false
}

// durationFilled is how far s fills the slot of a how-long question: 1
// for a duration of what was asked about ("the 4.5-hour meeting" for "how
// long did the meeting last"), 0.5 for a duration of something else, 0
// for none; half that for a duration no number counts ("a day of talks",
// see preciseDuration).
func (e *Answerer) durationFilled(q *query, s *sentence) float64 {
	if !s.has(fDuration) {
		return 0
	}
	f := 0.5
	if e.durationNear(q, s) {
		f = 1
	}
	if !preciseDuration(s.text) {
		f /= 2
	}
	return f
}

// preciseDuration reports whether text has a duration counted by a
// number ("the 4.5-hour meeting", "four days"), not only by an article or
// "several" ("a day of talks", "several weeks"): "how long did they talk"
// is answered by the one, loosely by the other, which fills the slot of a
// how-long question half (as a date only with the article's day fills a
// when-question's).
func preciseDuration(text string) bool {
	for _, m := range durationLocs(text) {
		if isRate(text, m[:2]) {
			continue
		}
		if isNumber(strings.ToLower(text[m[2]:m[3]])) {
			return true
		}
	}
	return false
}

// hasFrequency reports whether text says how often something happens: a
// word WordNet has as periodic ("weekly", "nightly", "annually"), "every"
// or "each" before a word of time, maybe after one more ("every month",
// "every other day", "each Monday", "every 20 minutes"), "per" before a
// unit of time ("per day"), or a rate ("twice a week", "40 ships a week").
// Not "every resident", nor "once the water receded".
func hasFrequency(text string) bool {
	ws := wordSpans(text)
	word := func(i int) string { return strings.ToLower(text[ws[i][0]:ws[i][1]]) }
	for i := range ws {
		w := word(i)
		switch {
		case periodic(w):
			return true
		case (w == "every" || w == "each") && i+1 < len(ws):
			if inClass(lemmaNoun(word(i+1)), "noun.time") || i+2 < len(ws) && inClass(lemmaNoun(word(i+2)), "noun.time") {
				return true
			}
		case w == "per" && i+1 < len(ws) && timeUnit(word(i+1)):
			return true
		}
	}
	for _, loc := range durationLocs(text) {
		if isRate(text, loc) {
			return true
		}
	}
	return false
}

// periodics remembers which words are periodic (see periodic).
var periodics sync.Map

// periodic reports whether the lower-case word w is an adjective or
// adverb of how often that WordNet has as similar to "periodic" ("daily",
// "weekly", "fortnightly"), or an adverb of such an adjective
// ("annually": "annual").
func periodic(w string) bool {
	if !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "al") {
		return false
	}
	if v, ok := periodics.Load(w); ok {
		return v.(bool)
	}
	similar := func(x string) bool {
		return slices.ContainsFunc(wordnet.Related(x), func(r wordnet.Relation) bool { return r.Kind == wordnet.Similar && r.Lemma == "periodic" })
	}
	is := similar(w) || slices.ContainsFunc(wordnet.Related(w), func(r wordnet.Relation) bool {
		return r.Kind == wordnet.Pertainym && r.POS == wordnet.Adj && similar(r.Lemma)
	})
	periodics.Store(w, is)
	return is
}

// opensWith reports whether one of the question's words is among the
// first phraseWindow words of s: what the sentence is about, its subject
// ("The Russian demand ... was not resolved"), not a thing it mentions
// ("talks were extended after disputes over Russia's banking demands").
func opensWith(q *query, s *sentence) bool {
	ws := strings.Fields(s.text)
	for _, x := range ws[:min(phraseWindow, len(ws))] {
		ts := english.Terms(x)
		for _, w := range q.words {
			if len(ts) == 1 && match(w, func(t string) bool { return t == ts[0] }) > 0 {
				return true
			}
		}
	}
	return false
}

// reasonFor reports whether s gives a reason for what the question asks
// about, not for something else: "the talks follow a breakthrough" and "a
// call prompted the talks" explain the talks; "speaking after the talks"
// and "the talks have sparked reactions" do not.
func reasonFor(q *query, s *sentence) bool {
	for _, loc := range reReason().FindAllStringIndex(s.text, -1) {
		if afterDuration(s.text[:loc[0]]) {
			continue // "declared over 42 days after the last case": when, not why
		}
		after := strings.Fields(s.text[loc[1]:])
		own := false
		for _, x := range after[:min(phraseWindow, len(after))] {
			ts := english.Terms(x)
			for _, w := range q.words {
				if len(ts) == 1 && match(w, func(t string) bool { return t == ts[0] }) >= 1 {
					own = true
				}
			}
		}
		// "A sparked B", "A prompted B": B is what A explains.
		forward := slices.Contains(strings.Split(causes, "|"), strings.ToLower(s.text[loc[0]:loc[1]]))
		if own == forward {
			return true
		}
	}
	return false
}

// afterDuration reports whether text ends with a length of time ("42
// days"), which makes the "after" or "since" that follows it a time, not a
// cause.
func afterDuration(text string) bool {
	text = strings.TrimRight(text, " ")
	locs := durationLocs(text)
	return len(locs) > 0 && locs[len(locs)-1][1] == len(text)
}

// featuresOf finds the numbers and names of a sentence.
func featuresOf(s string) features {
	var f features
	body := s[sectionLabel(s):]
	for _, loc := range numberLocs(body) {
		f.numbers = append(f.numbers, strings.ToLower(body[loc[0]:loc[1]]))
	}
	for _, m := range reNameRun().FindAllString(s, -1) {
		if !slices.ContainsFunc(strings.Fields(m), english.IsCalendarWord) {
			f.persons = append(f.persons, m)
		}
	}
	for i, m := range reName().FindAllStringIndex(s, -1) {
		if w := s[m[0]:m[1]]; (i > 0 || m[0] > 0) && !english.IsCalendarWord(w) {
			f.names = append(f.names, strings.ToLower(w))
		}
	}
	return f
}

// kindBonus is how much a sentence looks like the kind of answer q wants,
// beyond sharing its words: something the question does not already give
// (a number for "how many", a duration for "how long", a date for
// "when", names for "who", places for "where", a reason for "why"), and
// the person the question asks about as the one who speaks or acts.
func (e *Answerer) kindBonus(q *query, s *sentence) float64 {
	bonus := 0.0
	// (A name question is answered by a name: a speaker its sentence
	// does not name, "a flight controller can be heard saying", is none.)
	if len(q.subject) > 0 && (q.kind != kindName || q.newCount(s.f().names) > 0) {
		switch {
		case s.spk() != nil && (q.speaksAs(s) || q.closelyBySubject(func(t string) bool { return s.spk()[t] })):
			bonus += 0.3 // "what did X say": X speaks here
		case s.spk() != nil && q.closelyBySubject(func(t string) bool { return s.described()[t] }):
			bonus += 0.3 // "what did the Kremlin aide say": the aide speaks here
		case s.spk() != nil && s.describedIn(q.pooled, func(d map[string]bool) bool { return q.bySubject(func(t string) bool { return d[t] }) }):
			bonus += 0.3 // the same, the aide introduced in another article
		case q.kind == kindReaction && (s.has(fReaction) || s.feels()) && q.bySubject(func(t string) bool { return s.terms[t] > 0 || s.context[t] }):
			bonus += 0.3 // "how did X react": X acts here
		case q.kind == kindReaction && slices.ContainsFunc(q.subject, func(i int) bool { return marketWords[q.words[i].Term] }) && reMarketMove().MatchString(s.text):
			bonus += 0.3 // "how did the markets take the news": "shares closed up 6.2%"
		case (q.kind == kindStatement || q.kind == kindOther) && q.act != "" && s.terms[q.act] > 0 && q.bySubject(func(t string) bool { return s.terms[t] > 0 }):
			bonus += 0.3 // "what did the union demand": "the union is demanding"; X does here what was asked
		case e.placeSubject(q) && q.bySubject(func(t string) bool { return s.spokeIn()[t] }):
			bonus += 0.3 // "what did Brussels say": a statement made in Brussels
		case q.speech != "" && s.terms[q.speech] > 0 && slices.ContainsFunc(q.subject, func(i int) bool { return q.refersTo(i, s) }):
			bonus += 0.3 // "what does the editorial call for": "This newspaper calls for three things"
		}
	}
	typed := q.typ != "" && q.kind != kindCount
	if typed {
		// "which countries": Poland, Finland; "which building": Diriyah
		// Palace. Each instance of what the question asks for counts.
		bonus += min(q.most(), 0.15*float64(e.typedCount(q, s)))
	}
	switch q.kind {
	case kindCount:
		switch {
		case q.percent:
			if hasPercent(s.text) {
				bonus += 0.4 // "what proportion of members voted": "64 per cent"
			}
		case q.money:
			if hasMoney(s.text) {
				bonus += 0.4 // "how much did it cost": a sum of money, not "800 tonnes"
			}
		case q.focus >= 0:
			// "how many ships": "63 vessels"; a number of something else
			// is no answer.
			bonus += 0.6 * e.countsFocus(q, s)
			if q.amount && bonus == 0 && match(q.words[q.focus], func(t string) bool { return s.terms[t] > 0 }) >= 1 && hasAmount(s.text) {
				// "how much water did Ketania want": "... fresh water
				// from the Maret, wants ... 38 billion cubic metres a
				// year": an amount of what is named, in its unit.
				bonus += 0.3
			}
		case q.people && e.countsPeople(s):
			bonus += 0.6 // "how many people": "812,000 people", "200 farmers"
		case q.many && hasCount(s.text):
			bonus += 0.4 // "how many people sit on it": "nine members"
		case !q.many && hasAmount(s.text):
			bonus += 0.4 // "how much will it cost": "$26 a tonne", "15 percent"
		case q.newAny(s.f().numbers):
			bonus += 0.2
		}
	case kindDuration:
		// A duration, 0.3; of what was asked about ("the 4.5-hour
		// meeting"), 0.6.
		bonus += 0.6 * e.durationFilled(q, s)
	case kindFrequency:
		if s.has(fFrequency) {
			bonus += 0.3 // "how often": "every month", "monthly", "twice a week"
		}
	case kindMeasure:
		if measureNear(q, s) {
			bonus += 0.3 // "how old": "Imre, 51,"; "how tall": "145 metres"
		}
	case kindTime:
		switch {
		case q.clock:
			if reClock().MatchString(s.text) {
				bonus += 0.3 // "what time": a time of day
			}
		case (s.has(fDate) || reClock().MatchString(s.text)) && !(q.future && onlyPast(s)):
			// A date, or the time of day of the day the articles tell
			// ("At 13:00 it raised the slopes to level 4"); for "when
			// will", a date to come.
			bonus += 0.3
			if dateNear(q, s) {
				bonus += 0.3 // "signed an agreement late on Friday": the date of what was asked about
			}
		case q.future && len(fromNow(s.text)) > 0:
			bonus += 0.3 // "when will it report": "a final report within six months"
			for _, loc := range fromNow(s.text) {
				if inClauseOf(q, s.text, loc) {
					bonus += 0.3 // of what was asked about
					break
				}
			}
		}
	case kindPlace:
		// Each place the question does not name: "countries such as
		// Poland, Finland and the Baltic states"; a name WordNet does not
		// know may be a place too ("the ports of Chornomorsk and
		// Pivdennyi"), and counts half.
		places := q.newCount(e.placesOf(s))
		names := q.newCount(e.unknownNames(s))
		if places == 0 && names == 0 && e.placeNear(q, s) {
			places = 1 // "talks in Castle Rock": a name of common words where the place should be
		}
		bonus += min(q.most(), 0.15*float64(places)+0.075*float64(names))
	case kindPerson:
		if q.identity {
			if describes(q, s) {
				bonus += 0.3 // "who is Mirela Danst": "Danst, who owns the Hotel Calder"
			}
			break
		}
		people := q.newCount(e.peopleOf(s))
		bonus += min(q.most(), 0.15*float64(people))
	case kindFate:
		if opensWith(q, s) {
			bonus += 0.3 // "The Russian demand ... was not resolved": it is the subject
		}
	case kindReason:
		if s.has(fReason) && reasonFor(q, s) {
			bonus += 0.3
		}
	case kindName:
		if q.focus >= 0 {
			// "the name of the first ship": a name next to a ship, not
			// any name ("seen by Meridian Wire").
			bonus += min(0.45, 0.15*float64(e.namesNear(q, s)))
			break
		}
		if q.people {
			// "the names of the four people who died": people's names.
			bonus += min(0.45, 0.15*float64(personWords(q, s)))
			break
		}
		bonus += min(0.45, 0.15*float64(q.newCount(s.f().names)))
	case kindYesNo:
		if q.asksAny && saysNone(s.text) {
			bonus += 0.3 // "have any humans become infected": "no human infections have been reported"
		}
	case kindStatement:
		// "What did X say": a quotation by somebody else is no answer.
		if len(q.subject) == 0 && (s.has(fSpeech) || s.has(fQuote)) {
			bonus += 0.2
		}
	case kindReaction:
		// "How did X react": a reaction by someone else is no answer (the
		// subject's own earns its bonus above).
		if (s.has(fReaction) || s.feels()) && len(q.subject) == 0 {
			bonus += 0.3
		}
	}
	return bonus
}

// slotted reports whether questions of kind k ask for a thing a sentence
// carries or not: a number, a duration, a date. (Not a place or a person:
// nearly every news sentence names one.)
func slotted(k kind) bool {
	switch k {
	case kindCount, kindDuration, kindFrequency, kindTime, kindPlace, kindMeasure:
		return true
	}
	return false
}

// otherFigure is how far a number that may count something else ("212
// runners" treated, for "how many runners took part"; "42.195 kilometres"
// for "how many officers") fills a how-many question: less than a broader
// word meets a question word. Numbers are everywhere in news, and most
// count something the question does not ask about. Chosen on all the sets
// developed on (summed over them, against 0.5): 0.45 abstains on one more
// unanswerable count, 0.4 on two (and gains a fact), 0.35 and 0.3 on
// three, 0.25 loses an answer. A duration is less often of something
// else: for it the same change loses answers. A date's half is mostly a
// date that is only less precise ("on Tuesday"), so it keeps 0.5.
const otherFigure = 0.35

// filled is how far sentence s carries the answer q asks for (see
// slotted): 1 for the thing itself where the question wants it ("63
// vessels" for "how many ships", "the 4.5-hour meeting" for "how long did
// the meeting last", a date for "when"), 0.5 for something of the kind
// that may be of something else (a duration of something else, a date of
// something else), otherFigure for a number that may count something
// else, 0 for nothing.
func (e *Answerer) filled(q *query, s *sentence) float64 {
	if q.corrects {
		switch {
		case s.has(fRetracted):
			return 1 // "which number did they correct": "we told you 32"
		case reRevision().MatchString(s.text):
			return 0.5 // a revision, which may be of something else
		}
	}
	switch q.kind {
	case kindCount:
		switch {
		case q.percent:
			if hasPercent(s.text) {
				return 1 // "what proportion": "64 per cent"
			}
			if q.newAny(s.counts()) {
				return otherFigure // "35 of the 204": a share, told as two counts
			}
		case q.money:
			if locs := moneyLocs(s.text); len(locs) > 0 {
				if !nearAny(q, s.text, locs) && !q.spokenBySubject(s) {
					// A sum of something the question does not name,
					// unless whom it asks about says it ("what did the
					// boss say the dispute cost them": "our direct
					// losses are around €31 million").
					return otherFigure
				}
				return 1 // "how much did it cost": "$26 a tonne"
			}
		case q.focus >= 0:
			if f := e.countsFocus(q, s); f > 0 {
				if v := q.countVerb; v >= 0 && match(q.words[v], func(t string) bool { return s.terms[t] > 0 }) == 0 {
					// "how many firefighters were hurt": "180
					// firefighters are at the site" counts others.
					return otherFigure
				}
				return f
			}
			if nounIn(q.words[q.focus], s) {
				// "how many drones": "14 observation posts ... on
				// drones" names what is counted and counts something
				// else.
				return 0
			}
			if q.newAny(s.counts()) {
				return otherFigure
			}
		case q.people && e.countsPeople(s):
			if v := q.countVerb; v >= 0 && q.words[v].Knownness() > 0 && match(q.words[v], func(t string) bool { return s.terms[t] > 0 }) == 0 {
				// "how many people work at the mine": "the collapse
				// killed 11 people" counts others. (A verb the articles
				// never use, "got vaccinated" where they say "had a
				// dose", they cannot be asked to say.)
				return otherFigure
			}
			return 1 // "how many people": "812,000 people", "200 farmers"
		case q.people && hasCount(s.text):
			return otherFigure // a number of something else: "900,000 doses"
		case q.many && hasCount(s.text):
			return 1 // "how many people sit on it": "nine members"
		case !q.many && hasAmount(s.text):
			return 1 // "how much will it cost": "$26 a tonne", "15 percent"
		case !q.amount && q.newAny(s.counts()):
			return otherFigure // "how many": a number; "how much" wants an amount
		}
	case kindDuration:
		return e.durationFilled(q, s)
	case kindFrequency:
		if s.has(fFrequency) {
			return 1
		}
	case kindMeasure:
		if measureNear(q, s) {
			return 1
		}
	case kindTime:
		switch {
		case q.clock && reClock().MatchString(s.text):
			return 1
		case !q.clock && s.has(fDate) && !(q.future && onlyPast(s)):
			if !s.has(fCalendar) {
				return 0.5 // "yesterday", "on Tuesday": a date only with the article's
			}
			return 1
		case q.future && len(fromNow(s.text)) > 0:
			return 0.5 // "within six months": a time only from the article's day
		}
	case kindPlace:
		// "where were the talks held": "held in Riyadh"; "which
		// countries": countries.
		if q.typ != "" {
			// "which ports": ports; it asks for several, so one names
			// half of it.
			n := float64(e.typedCount(q, s))
			if q.plural {
				n /= 2
			}
			return min(1, n)
		}
		if e.placeNear(q, s) {
			return 1
		}
	}
	return 0
}

// measureSpans returns where text gives a measure, in order: an age
// ("Captain Radek Imre, 51, a pilot", "aged 51", "a 51-year-old"), a
// magnitude ("magnitude 6.1", "a 4.8-magnitude aftershock"), or a number
// before a unit WordNet has (see unitDimension), maybe through "million"
// and one word more ("145 metres", "2,000 square kilometres", "40
// centimetres", "1.2 million inhabitants", "104km").
func measureSpans(text string) [][]int {
	ws := wordSpans(text)
	word := func(i int) string { return strings.ToLower(text[ws[i][0]:ws[i][1]]) }
	age := func(i int) bool { // one to three digits
		w := word(i)
		return len(w) <= 3 && strings.Trim(w, "0123456789") == ""
	}
	spelt := func(i int) bool { // "four" of "a four-year-old": a number word below a hundred
		v, ok := english.NumberWord(word(i))
		return ok && v >= 1 && v < 100 && word(i) != "a" && word(i) != "an"
	}
	decimal := func(i int) bool { return strings.Trim(word(i), "0123456789.") == "" }
	var locs [][]int
	for i := 0; i < len(ws); i++ {
		w, start := word(i), ws[i][0]
		next := i+1 < len(ws) && joined(text, ws[i], ws[i+1])
		switch {
		case age(i) && start >= 2 && text[start-2:start] == ", " && strings.HasPrefix(text[ws[i][1]:], ","):
			locs = append(locs, []int{start - 2, ws[i][1] + 1}) // ", 51,"
			continue
		case w == "aged" && next && age(i+1):
			locs = append(locs, []int{start, ws[i+1][1]})
			i++
			continue
		case w == "magnitude" && next:
			j := i + 1
			if word(j) == "of" && j+1 < len(ws) && joined(text, ws[j], ws[j+1]) {
				j++
			}
			if decimal(j) && unicode.IsDigit(rune(word(j)[0])) {
				locs = append(locs, []int{start, ws[j][1]})
				i = j
			}
			continue
		}
		if !isNumber(w) {
			continue
		}
		if digits := len(w) - len(strings.TrimLeft(w, "0123456789.,")); digits > 0 && digits < len(w) && unitDimension(w[digits:]) != "" {
			locs = append(locs, []int{start, ws[i][1]}) // "104km"
			continue
		}
		j := i + 1
		if !next {
			continue
		}
		if _, magnitude := english.NumberWord(word(j)); magnitude && j+1 < len(ws) && joined(text, ws[j], ws[j+1]) {
			j++ // "1.2 million inhabitants"
		}
		switch {
		case word(j) == "magnitude" && decimal(i):
			locs = append(locs, []int{start, ws[j][1]})
		case (age(i) || spelt(i)) && (word(j) == "year" || word(j) == "years") && j+1 < len(ws) && joined(text, ws[j], ws[j+1]) && word(j+1) == "old":
			locs = append(locs, []int{start, ws[j+1][1]}) // "a 51-year-old"
			j++
		case unitDimension(word(j)) != "":
			locs = append(locs, []int{start, ws[j][1]})
		case j+1 < len(ws) && joined(text, ws[j], ws[j+1]) && !english.IsStopWord(word(j)) && unitDimension(word(j+1)) != "":
			locs = append(locs, []int{start, ws[j+1][1]}) // "2,000 square kilometres"
			j++
		default:
			continue
		}
		i = j
	}
	return locs
}

// units remembers what the words of units measure (see unitDimension).
var units sync.Map

// unitDimension returns what the lower-case word w measures when it
// follows a number, as WordNet files the unit a step or two up its
// hypernyms, "" for no unit: "length" ("metres", "km"), "area"
// ("hectares", "square kilometres"), "volume" ("litres", "cubic
// metres"), "weight" for a weight or mass
// unit ("tonnes", "kg"), "temperature" ("degrees"), "speed" for a rate
// ("mph") or a nautical unit ("knots", which WordNet files as a length
// and news gives as a ship's or a wind's speed), "people" for a kind of
// inhabitant ("residents", "villagers") or people. A sum of money or a
// length of time is no measure ("dollars", "hours").
func unitDimension(w string) string {
	if v, ok := units.Load(w); ok {
		return v.(string)
	}
	d, l := "", lemmaNoun(w)
	if l == "people" || l == "inhabitant" {
		d = "people"
	}
	if d == "" && !english.IsStopWord(w) && isNoun(w) {
		walkHypernyms(l, 2, currencySenses, func(h string) bool {
			switch h {
			case "linear unit":
				d = "length"
			case "area unit":
				d = "area"
			case "volume unit", "capacity unit":
				d = "volume"
			case "weight unit", "mass unit":
				d = "weight"
			case "temperature unit":
				d = "temperature"
			case "rate", "nautical linear unit":
				d = "speed"
			case "inhabitant":
				d = "people"
			case "monetary unit", "time unit":
				d = "-"
			}
			return d != ""
		})
	}
	if d == "-" {
		d = ""
	}
	units.Store(w, d)
	return d
}

// measureAsk is a question's ask for a measure (measureAsks): where it
// is, the phrase and the word asked by, and the noun of what is measured.
type measureAsk struct {
	loc  []int  // the phrase and, as its group, the word
	noun string // "height" for "how tall", "population" for "how many people live"
}

// measureAsks finds a question for a measure, by what WordNet says its
// word is: "how" before an adjective whose commonest attribute with a
// dimension is no length of time ("how tall": height, "how far":
// distance, "how big": size; not "how long", whose first attribute is a
// duration, nor "how bad", whose is quality), "the" before a noun with a
// dimension and "of" ("the population of", "the height of"), "what" or
// "which" before an attribute with one ("what distance", "what age"; not
// "which area", a place), and "how many" before a noun and a verb one of
// whose synonyms derives such a noun ("how many people live in X": live is
// populate, whose noun is population).
func measureAsks(q string) []measureAsk {
	ws := wordSpans(q)
	word := func(i int) string {
		if i >= len(ws) {
			return ""
		}
		return q[ws[i][0]:ws[i][1]]
	}
	var out []measureAsk
	for i := range ws {
		at, n, ok := i+1, "", false
		switch w, next := word(i), word(i+1); {
		case w == "how" && next == "many":
			// "how many people live": a population; not "how many
			// refugees live", a count of them.
			at = i + 3
			n, ok = verbNoun(word(at))
			ok = ok && unitDimension(english.UnshortenText(word(i+2))) == "people"
		case w == "how":
			n, ok = adjectiveAttribute(next)
		case w == "the" && word(i+2) == "of", w == "what" || w == "which":
			n = lemmaNoun(next)
			_, ok = dimensionOf(n, w != "the")
			ok = ok && isNoun(next) && !durationAlike(n)
		}
		if ok {
			out = append(out, measureAsk{[]int{ws[i][0], ws[at][1], ws[at][0], ws[at][1]}, n})
		}
	}
	return out
}

// measureMatches returns the places of measureAsks, as a kind rule's.
func measureMatches(q string) [][]int {
	var out [][]int
	for _, a := range measureAsks(q) {
		out = append(out, a.loc)
	}
	return out
}

// measureAsked returns what the lower-case measure question q asks to
// measure (measureAsks): a dimension as unitDimension names a unit's,
// several where the word is ambiguous ("how strong": a wind's speed or an
// earthquake's magnitude), none for a size of any kind; and whether it
// asks a size by an adjective ("how big": a sum of money may answer; "the
// size of the budget" asks a measure of it).
func measureAsked(q string) (dimension string, size bool) {
	as := measureAsks(q)
	if len(as) == 0 {
		return "", false
	}
	d, _ := dimensionOf(as[0].noun, false)
	return d, as[0].noun == "size" && strings.HasPrefix(q[as[0].loc[0]:], "how")
}

// dimensionNames are the attributes WordNet has whose measure a unit
// gives, each with the dimension unitDimension names the unit's by (a
// size, or an area, is any of them; a strength a wind's speed or a quake's
// magnitude), and whether a kind of it measures alike ("stature" is a
// height, a dimension; any magnitude is not a quake's).
var dimensionNames = map[string]struct {
	dimension string
	kinds     bool
}{
	"age": {"age", false}, "weight": {"weight", true}, "temperature": {"temperature", true},
	"speed": {"speed", true}, "magnitude": {"magnitude", false}, "people": {"people", true},
	"length": {"length", true}, "distance": {"length", true}, "dimension": {"length", true}, "depth": {"length", false},
	"size": {"", true}, "area": {"", false}, "strength": {"speed magnitude", false},
}

// dimensionOf returns the dimension of the noun n's measure and whether
// it has one (dimensionNames): n's own, or that of one of its hypernyms
// two levels up ("height" is a dimension, "population" people). An
// attribute only, if attribute: "what distance" asks a measure, "what
// area" a place.
func dimensionOf(n string, attribute bool) (string, bool) {
	if attribute && !inClass(n, "noun.attribute") {
		return "", false
	}
	if d, ok := dimensionNames[n]; ok {
		return d.dimension, true
	}
	var d string
	found := walkHypernyms(n, 2, 1, func(h string) bool {
		v, ok := dimensionNames[h]
		if ok && v.kinds {
			d = v.dimension
		}
		return ok && v.kinds
	})
	return d, found
}

// adjectiveAttribute returns the attribute with a dimension (dimensionOf)
// of which the adjective a is a value, in its commonest senses: "height"
// for "tall" and for "high" (whose first sense's is a level), "size" for
// "big"; none for an adjective of a length of time ("long": a duration
// and a length; "fast" is a speed, a time's attribute with a unit).
func adjectiveAttribute(a string) (string, bool) {
	if !isAdjective(a) {
		return "", false
	}
	sense := -1
	var found []string
	for _, r := range wordnet.RelatedIn(a, commonSenses, nil) {
		if r.Kind != wordnet.Attribute || r.From.POS != wordnet.Adj {
			continue
		}
		if r.Sense != sense {
			if len(found) > 0 {
				break
			}
			sense = r.Sense
		}
		if isDuration(r.Lemma) {
			return "", false // "long": a duration as well
		}
		if _, ok := dimensionOf(r.Lemma, false); ok {
			found = append(found, r.Lemma)
		}
	}
	if len(found) == 0 {
		return "", false
	}
	return found[0], true
}

// isDuration reports whether the noun n is a length of time, which has no
// unit of dimensionNames: "duration", not "speed" (WordNet files both
// under time).
func isDuration(n string) bool {
	_, ok := dimensionOf(n, false)
	return !ok && inClass(n, "noun.time")
}

// durationAlike reports whether the attribute noun n is what one sense of
// an adjective's commonest senses measures together with a duration
// (isDuration): "length",
// as "long" says of a length and of a duration alike, is asked by "the
// length of the suspension" as well as by "the length of the pipeline";
// not "height", although another sense of "short" is a duration's.
func durationAlike(n string) bool {
	for _, a := range wordnet.RelatedIn(n, commonSenses, nil) {
		if a.Kind != wordnet.Attribute || a.From.POS != wordnet.Noun {
			continue
		}
		senses := map[int][]string{}
		for _, r := range wordnet.RelatedIn(a.Lemma, math.MaxInt, nil) {
			if r.Kind == wordnet.Attribute && r.From.POS == wordnet.Adj && r.Sense < commonSenses {
				senses[r.Sense] = append(senses[r.Sense], r.Lemma)
			}
		}
		for _, attrs := range senses {
			if slices.Contains(attrs, n) && slices.ContainsFunc(attrs, isDuration) {
				return true
			}
		}
	}
	return false
}

// verbNoun returns the noun with a dimension that a synonym of the verb v
// derives, in its commonest sense: "population" for "live", whose synset
// holds "populate".
func verbNoun(v string) (string, bool) {
	if !isVerb(v) {
		return "", false
	}
	for _, r := range wordnet.RelatedIn(v, 1, nil) {
		if r.Kind != wordnet.Synonym || r.From.POS != wordnet.Verb {
			continue
		}
		for _, d := range wordnet.RelatedIn(r.Lemma, 1, nil) {
			if d.Kind == wordnet.Derived && d.POS == wordnet.Noun && d.From.POS == wordnet.Verb {
				if _, ok := dimensionOf(d.Lemma, false); ok {
					return d.Lemma, true
				}
			}
		}
	}
	return "", false
}

// measureDimension returns what a measure found by measureSpans
// measures, given the text after it: "51" in ", 51," an age, "104 km"
// before "/h" or "40 metres a day" a speed, "84-metre" a length, and otherwise what its unit
// measures (unitDimension). "How big" asks for no one of them.
func measureDimension(m, after string) string {
	lower := strings.ToLower(m)
	ws := strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == '-' })
	last := ""
	if len(ws) > 0 {
		last = strings.TrimLeft(ws[len(ws)-1], "0123456789.,")
	}
	if len(ws) > 1 && unitDimension(ws[len(ws)-2]+" "+last) != "" {
		last = ws[len(ws)-2] + " " + last // "square kilometres": an area
	}
	switch {
	case strings.Contains(lower, "magnitude"):
		return "magnitude"
	case strings.HasPrefix(lower, ",") || strings.HasPrefix(lower, "aged") || last == "old":
		return "age"
	}
	d := unitDimension(last)
	if (d == "" || d == "length") && perTime(after) {
		return "speed" // a length in a unit of time: not "cubic metres a year"
	}
	if d != "" {
		return d
	}
	return "length"
}

// perTime reports whether the text after a length says it is covered in a
// unit of time (timeUnit): "/h" of "104 km/h", "per second", "an hour", "a
// day".
func perTime(after string) bool {
	if strings.HasPrefix(after, "/") {
		return true
	}
	ws := strings.Fields(strings.ToLower(after))
	if len(ws) < 2 || ws[0] != "per" && ws[0] != "an" && ws[0] != "a" {
		return false
	}
	return timeUnit(strings.Trim(ws[1], ".,;:"))
}

// measureNear reports whether s gives a measure (measureSpans) of what the
// question names: a word of the question among the phraseWindow words
// before it ("Captain Radek Imre, 51," for "how old is Imre"; not "Teodor,
// a 22-year-old student" for "how old is Falk"), or after a magnitude, a
// length or a speed ("about 2.3 kilometres from the zoo").
func measureNear(q *query, s *sentence) bool {
	locs := s.measureLocs()
	measures := len(locs)
	if q.size {
		// "how large is the fund": the size of a thing of no length is
		// a sum of money ("a fund of €40 million"). (Clipped: the
		// sentence's own list stays as it is.)
		locs = append(slices.Clip(locs), moneyLocs(s.text)...)
	}
	for i, loc := range locs {
		d := measureDimension(s.text[loc[0]:loc[1]], s.text[loc[1]:])
		if q.dimension != "" && !slices.Contains(strings.Fields(q.dimension), d) {
			continue // "how deep is the channel": not "a speed limit of 8 knots"
		}
		before := strings.Fields(s.text[:loc[0]])
		near := before[max(0, len(before)-phraseWindow):]
		if i < measures && (d == "magnitude" || d == "length" || d == "speed") {
			// What a magnitude measures follows it ("the magnitude 6.1
			// earthquake"), as what a length or a speed is of may ("about
			// 2.3 kilometres from the zoo"); an age is a person's before
			// it, "four people died at the clinic" counts no one living
			// there, and a sum is of what comes before it.
			after := strings.Fields(s.text[loc[1]:])
			near = append(near, after[:min(len(after), phraseWindow)]...)
		}
		for _, x := range near {
			if closeToAny(q, strings.Trim(x, ".,;:()\"“”'’")) {
				return true
			}
		}
	}
	return false
}

// nearAny reports whether a word of the question stands within
// phraseWindow words before or after one of locs in text ("the cost to
// carriers at 185 million crowns" for "what did the walkout cost the
// carriers").
func nearAny(q *query, text string, locs [][]int) bool {
	bullet := func(x string) bool { return x == "-" || x == "–" || x == "*" || x == "•" }
	for _, loc := range locs {
		before, after := strings.Fields(text[:loc[0]]), strings.Fields(text[loc[1]:])
		before = before[max(0, len(before)-phraseWindow):]
		for i := len(before) - 1; i >= 0; i-- {
			if bullet(before[i]) {
				before = before[i+1:] // another item of a list: "- Tugs used: 11 - Toll revenue: 1.9 billion crowns"
				break
			}
		}
		after = after[:min(len(after), phraseWindow)]
		if i := slices.IndexFunc(after, bullet); i >= 0 {
			after = after[:i]
		}
		for _, x := range append(before, after...) {
			if x = strings.Trim(x, ".,;:()\"“”'’"); !moneyWords[english.Term(x)] && closeToSumOf(q, x) {
				return true // not "cost" or "paid": every sum stands by one
			}
		}
	}
	return false
}

// closeToSumOf is closeToAny, but a word of q that names a kind of sum
// (moneyKind) stands only by itself: "how much will rebuilding the road
// cost" is not answered by "payments totalling 628,000 crowns", though a
// payment is close to a cost, as every sum is to the other; "how much is
// in the fund" by "a fund of 75,000 crowns".
func closeToSumOf(q *query, x string) bool {
	return closeTo(q, x, func(w retrieval.QueryWord) float64 {
		if moneyKind(lemmaNoun(w.Word)) {
			return 1
		}
		return retrieval.BroaderWeight
	})
}

// hasCount reports whether text counts something: a quantity that is no
// sum of money, no share ("15 percent"), no length of time and no date,
// year or time of day ("nine members", "3,412 votes"), for "how many"
// without a noun.
func hasCount(text string) bool {
	for _, loc := range slices.Backward(percentLocs(text)) {
		text = text[:loc[0]] + text[loc[1]:]
	}
	for _, loc := range slices.Backward(moneyLocs(text)) {
		// The whole sum after a currency sign: "€12 million".
		end := loc[1] + len(text[loc[1]:]) - len(strings.TrimLeft(text[loc[1]:], "0123456789,."))
		if next := strings.Fields(text[end:]); len(next) > 0 {
			if _, magnitude := english.NumberWord(strings.ToLower(next[0])); magnitude {
				end += strings.Index(text[end:], next[0]) + len(next[0])
			}
		}
		text = text[:loc[0]] + text[end:]
	}
	for _, loc := range slices.Backward(durationLocs(text)) {
		text = text[:loc[0]] + text[loc[1]:] // "the 19-day strike"
	}
	return len(quantities(text)) > 0 || countsInWords(text)
}

// reAny finds the words of whether there is any of something: in a
// yes-or-no question, "any" (group 1: "have any humans", "did anyone
// die"); in a sentence that settles it, "no" (group 2: "no human
// infections", "nobody was hurt", "none of the crew").
var reAny = lazy(`(?i)\b(any|anyone|anybody|anything)\b|\b(no|nobody|none|no-one|nothing|no one)\b`)

// asksAny reports whether the lower-case question asks whether there is
// any of something.
func asksAny(lower string) bool {
	return slices.ContainsFunc(reAny().FindAllStringSubmatch(lower, -1), func(m []string) bool { return m[1] != "" })
}

// saysNone reports whether text says there is none of something.
func saysNone(text string) bool {
	return slices.ContainsFunc(reAny().FindAllStringSubmatchIndex(text, -1), func(m []int) bool {
		return m[4] >= 0 && !numberSign(text[m[4]:m[5]], text[m[5]:])
	})
}

// numberSign reports whether the word w, followed by rest, is "No." for
// "number" ("Situation Report No. 1", "No 10"): no "no".
func numberSign(w, rest string) bool {
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "."), " ")
	return strings.EqualFold(w, "no") && rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// percentLocs returns where text gives percentages, in order: "38%", "64
// per cent", "12 percent" (see reFigure).
func percentLocs(text string) [][]int {
	var locs [][]int
	for _, m := range reFigure().FindAllStringSubmatchIndex(text, -1) {
		switch {
		case strings.HasSuffix(text[m[0]:m[1]], "%"):
			locs = append(locs, []int{m[0], m[1]})
		case m[4] < 0:
		case strings.EqualFold(text[m[4]:m[5]], "percent"):
			locs = append(locs, []int{m[0], m[5]})
		case strings.EqualFold(text[m[4]:m[5]], "per"):
			if rest := strings.TrimLeft(text[m[5]:], " "); len(rest) >= 4 && strings.EqualFold(rest[:4], "cent") && (len(rest) == 4 || !unicode.IsLetter(rune(rest[4]))) {
				locs = append(locs, []int{m[0], len(text) - len(rest) + 4})
			}
		}
	}
	return locs
}

// hasPercent reports whether text gives a percentage (see percentLocs).
func hasPercent(text string) bool { return len(percentLocs(text)) > 0 }

// countsInWords reports whether text writes a count in words before what
// it counts ("nine members", "twenty people", "hundreds of homes"): a
// number word of two or more, the plural of a round one, and a word in
// lower case after it. Not "one" ("one of the reasons", "one day").
func countsInWords(text string) bool {
	ws := strings.Fields(text)
	for i, w := range ws[:max(0, len(ws)-1)] {
		w = strings.ToLower(strings.Trim(w, ".,;:()\"“”"))
		v, ok := english.NumberWord(w)
		if !ok && strings.HasSuffix(w, "s") {
			v, ok = english.NumberWord(strings.TrimSuffix(w, "s")) // "dozens", "hundreds"
		}
		if r, _ := utf8.DecodeRuneInString(ws[i+1]); ok && v >= 2 && unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// reCount finds a question for a figure: "how many", "how much", "what
// number", "what transit fee", "what ticket prices", "by what margin"; and
// for a share (groups 2 to 4 the word it is asked by): "what proportion",
// "what % of wagons", "by what percentage", "how many per cent".
var reCount = lazy(`\bhow (many|much)\b(?: (percent|per cent)\b)?|\b(?:what|which|wat) (?:\w+ )?(%|(?:percentage|percent|per cent|proportion|share|fraction)\b)|\bby what (percentage|percent)\b|\bwhat (?:\w+ )?(?:number|percentage|proportion|fraction|share|amount|price|fee|rate|tariff|sum|salary|wage|margin)s?\b|\bby how much\b|\bwhat %|\bwhat(?:'s| is| was)? the (?:\w+ )?number of\b|^(?:the )?(?:\w+ )?number of\b|` + whatCost + `|` + fromWhatToWhat)

// shareAsked returns the word a question for a share is asked by
// ("proportion" of "what proportion of readers", reCount's groups 2 to
// 4), "" for any other question.
func shareAsked(q string) string {
	for _, m := range reCount().FindAllStringSubmatch(q, -1) {
		if w := m[2] + m[3] + m[4]; w != "" {
			return w
		}
	}
	return ""
}

// fromWhatToWhat is a question for a figure's change: "export tax going
// from what to what".
const fromWhatToWhat = `\bfrom (?:what|how much|how many) to (?:what|how much|how many)\b`

// reWhen finds a question for a time: "when" among its first words,
// "first flight - when?" (the question word last, as chat puts it), "on
// what date", "what day"; not "was X already there when Y". Its empty
// group 1 marks a question about what is to come: "when will the inquiry
// report", "when is the panel due to rule", and "when is the
// by-election", an event in the present tense, which a past one was not
// asked as ("when was the election").
var reWhen = lazy(`^(?:\w+ ){0,3}when\b(?:()(?: (?:will|would|shall)\b| (?:is|are)\b.+\b(?:due|expected|scheduled|set|going) to\b|(?:'s| is| are|s) (?:the|a|an|their|its|his|her) [\w-]+(?: [\w-]+)?$|(?:'s| is| are|s) (?:the )?next\b))?|\bwhen\W*$|\b(?:what|which) (?:(date|day|time)|year|month|week)\b|\bthe (date|day|time)(?: and (?:the )?(date|day|time))? (?:on|by|at) which\b`)

// futureAsked reports whether the lower-case when-question q asks about
// what is to come (reWhen's group 1).
func futureAsked(q string) bool {
	m := reWhen().FindStringSubmatchIndex(q)
	return m != nil && m[2] >= 0
}

// onlyPast reports whether every date s gives is over by the day its
// article was published: "entered service in 2019" says nothing of when
// the ship will sail again, nor does a dateline's "March 9".
func onlyPast(s *sentence) bool {
	ms := dates.Find(s.text, s.article.Published)
	if len(ms) == 0 {
		return false
	}
	pub := s.article.Published.Truncate(24 * time.Hour)
	for _, m := range ms {
		if m.Date.End().After(pub) {
			return false
		}
	}
	return true
}

// fromNow returns where text gives a time to come counted from the
// article's day: a duration (durationLocs) after "within" or "in", maybe
// with "the next" or "the coming" between ("within six months", "in two
// weeks", "in the next 30 days", "in a few days").
func fromNow(text string) [][]int {
	var out [][]int
	for _, loc := range durationLocs(text) {
		before := strings.Fields(strings.ToLower(text[:loc[0]]))
		if n := len(before); n > 0 && before[n-1] == "a" && strings.HasPrefix(strings.ToLower(text[loc[0]:]), "few") {
			before = before[:n-1] // "in a few days"
		}
		if n := len(before); n >= 2 && before[n-2] == "the" && (before[n-1] == "next" || before[n-1] == "coming") {
			before = before[:n-2]
		}
		if n := len(before); n > 0 && (before[n-1] == "in" || before[n-1] == "within") {
			out = append(out, loc)
		}
	}
	return out
}

// countsOf returns the numbers of text that may count something: not
// those inside its dates ("in 2019", "14 March"), as the timeline's date
// reader finds them ("2000 homes" counts homes).
func countsOf(text string) []string {
	ds := dates.Find(text, time.Time{}) // the spans of its dates; the day they resolve to does not matter
	var out []string
	for _, loc := range numberLocs(text) {
		if !inDates(ds, loc) {
			out = append(out, strings.ToLower(strings.TrimRight(text[loc[0]:loc[1]], ".,")))
		}
	}
	return out
}

// inDates reports whether text[loc[0]:loc[1]] lies inside one of the
// date expressions ms of the text.
func inDates(ms []dates.Mention, loc []int) bool {
	return slices.ContainsFunc(ms, func(m dates.Mention) bool { return m.Start <= loc[0] && loc[1] <= m.End })
}

// placeSubject reports whether the question's subject is a place, which
// stands for its government or whoever speaks there ("what did Brussels
// say", "how did Cairo react").
func (e *Answerer) placeSubject(q *query) bool {
	for _, i := range q.subject {
		if !e.places.is(q.words[i].Word) {
			return false
		}
	}
	return len(q.subject) > 0
}

// most is the most that names of the kind asked for add to a sentence's
// bonus: 0.15 a name, up to three for a question that asks for several,
// one for a question that asks for one.
func (q *query) most() float64 {
	if q.plural {
		return 0.45
	}
	return 0.15
}

// lacking returns the share of its score a sentence keeps when it lacks
// the kind of answer a question of kind k asks for (kindBonus finds none).
// Such a sentence can hardly answer "how many" (a number), "who" (a name)
// or "where" (a place): it counts half. Nor "what was the name of the girl
// they rescued" without a name by the girl, however much of the question
// it has: nothing. What someone said or how they took something is told in
// more ways than kindBonus reads (what they say they will do, "the players'
// association says the two will appeal", for "what was the association's
// reaction"; an editorial's own sentences for "what was the editorial's
// view"; a reply whose speaker the sentence describes but does not name as
// the one asked about), so such a sentence keeps mildDiscount. Other kinds
// ask for nothing a sentence must carry: all of it.
func lacking(k kind) float64 {
	switch k {
	case kindName:
		return 0
	case kindStatement, kindReaction:
		return mildDiscount
	case kindCount, kindDuration, kindFrequency, kindPlace, kindPerson, kindTime, kindHowTo, kindMeasure:
		return discount
	}
	return 1
}

// lazy returns a function that compiles pattern on its first call: the
// package's expressions then cost nothing at process start (they were
// 14 ms of every command's start, help included), only when a question is
// answered.
//
// Each is filtered (prefilter): a text without a literal every match needs
// is not run through the expression.
func lazy(pattern string) func() *prefilter.Regexp {
	return sync.OnceValue(func() *prefilter.Regexp { return prefilter.MustCompile(pattern) })
}

// nounIn reports whether s has the question's word w as the same noun
// ("drones" for "how many drones"; not "delayed" for "how many delays").
func nounIn(w retrieval.QueryWord, s *sentence) bool {
	nouns := func(x string) []string {
		var out []string
		for _, l := range wordnet.Lemmas(x) {
			if l.POS == wordnet.Noun {
				out = append(out, l.Word)
			}
		}
		return out
	}
	want := nouns(strings.ToLower(w.Word))
	if len(want) == 0 || !closeMatchIn(w, s) {
		return false
	}
	for _, x := range english.Words(s.text) {
		if closeMatch(w, english.Term(x)) && slices.ContainsFunc(nouns(x), func(n string) bool { return slices.Contains(want, n) }) {
			return true
		}
	}
	return false
}

// closeMatchIn reports whether s has w itself or a close form of it.
func closeMatchIn(w retrieval.QueryWord, s *sentence) bool {
	return slices.ContainsFunc(w.Alts, func(a retrieval.Alternative) bool {
		return a.Match != retrieval.Broader && len(a.Terms) == 1 && s.terms[a.Terms[0]] > 0
	})
}

// moneyLocs returns where text gives sums of money, in order: a number
// after a currency sign ("$318", "€18 million"), or before a currency
// WordNet knows ("12 dollars", "185 million crowns", "250 francs") or a
// word no dictionary has that stands for one (see unknownUnit).
func moneyLocs(text string) [][]int {
	var locs [][]int
	for _, m := range reFigure().FindAllStringSubmatchIndex(text, -1) {
		if isCurrency(text[m[0]:m[1]]) {
			locs = append(locs, []int{m[0], m[3]})
			continue
		}
		if m[4] < 0 {
			continue
		}
		// The word after the number, or after its "million" ("185
		// million crowns", "a 250-crown payment").
		raw, end := text[m[4]:m[5]], m[5]
		if _, magnitude := english.NumberWord(strings.ToLower(raw)); magnitude {
			if next := strings.Fields(text[end:]); len(next) > 0 {
				raw = strings.Trim(next[0], ".,;:()\"“”")
				end += strings.Index(text[end:], next[0]) + len(next[0])
			}
		}
		if unit := strings.ToLower(raw); !english.IsStopWord(unit) && isCurrencyWord(unit) || unknownUnit(raw) {
			// Not "2 at": WordNet's "at" is also a coin of Laos.
			locs = append(locs, []int{m[0], end})
		}
	}
	return locs
}

// unknownUnit reports whether the word after a number is one no
// dictionary has, written as a common noun: the currency of a country the
// articles' world has and WordNet does not ("9 dalers", "48 million
// dorins"). Not a name ("the 2025 Kalvenna marathon"), nor an
// abbreviation of a few letters.
func unknownUnit(w string) bool {
	if len(w) < minUnitLetters || strings.ToLower(w) != w || wordnet.Known(w) || english.IsStopWord(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// minUnitLetters is the shortest word unknownUnit takes for a unit: "km",
// "bn", "pc" are abbreviations, not currencies.
const minUnitLetters = 4

// hasAmount reports whether text gives an amount, for "how much" (not
// "how many"): a sum of money in any currency WordNet knows or a word no
// dictionary has (moneyLocs: "3.80 crowns", "48 million dorins"), a share
// (percentLocs) or a figure in millions ("38 billion"). A unit of weight
// or length (WordNet's noun.quantity: "800 tonnes") is left to the
// measure questions: with it, lake t21 lost its answer to "210 metres".
func hasAmount(text string) bool {
	if hasMoney(text) || hasPercent(text) {
		return true
	}
	for _, m := range reFigure().FindAllStringSubmatchIndex(text, -1) {
		if m[4] < 0 {
			continue
		}
		w := strings.ToLower(text[m[4]:m[5]])
		if _, magnitude := english.NumberWord(w); magnitude {
			return true
		}
	}
	return false
}

// hasMoney reports whether text gives a sum of money (see moneyLocs).
func hasMoney(text string) bool { return len(moneyLocs(text)) > 0 }

// currencies remembers which words are currencies (see isCurrencyWord).
var currencies sync.Map

// isCurrencyWord reports whether WordNet has the lower-case word w, in some
// sense, as a monetary unit a few hypernyms up ("crowns", "francs",
// "marks"). A unit is filed as a quantity, a coin as a possession: a word
// with no such sense is none, read without walking its hypernyms (which,
// for every word after every number, cost 8 % of a how-many answer's
// process).
func isCurrencyWord(w string) bool {
	if v, ok := currencies.Load(w); ok {
		return v.(bool)
	}
	is := false
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun && slices.ContainsFunc(wordnet.Classes(l.Word, wordnet.Noun, currencySenses), isMoneyClass) &&
			walkHypernyms(l.Word, hypernymDepth, currencySenses, func(x string) bool { return x == "monetary unit" }) {
			is = true
			break
		}
	}
	currencies.Store(w, is)
	return is
}

// isMoneyClass reports whether a lexicographer class may hold a monetary
// unit: quantities (units) and possessions (coins, money).
func isMoneyClass(c string) bool { return c == "noun.quantity" || c == "noun.possession" }

// currencySenses is through how many senses isCurrencyWord looks: a crown
// is a monetary unit in its fourth sense. A point is none
// (TestIsCurrencyWord).
const currencySenses = 8

// feels reports whether text tells a feeling: a form of "feel" ("parents
// will feel enormous relief"), or a word WordNet has as a kind of feeling
// (see isFeeling): how people took the news ("anger in Eastbank", "tired and
// happy") answers "how did X react" as "X welcomed it" does.
func feels(text string) bool {
	ws := english.Words(text)
	for i, w := range ws {
		if w == "feel" || w == "feels" || w == "felt" || w == "feeling" {
			return true
		}
		if isFeeling(w) && (i == 0 || !verbAfter(ws[i-1])) {
			return true // not a verb: "has come down" is no "come"
		}
	}
	return false
}

// verbAfter reports whether the word after w is a verb, not the noun of a
// feeling: after "to" or an auxiliary other than a be-form ("has come",
// "will fear", "to fear"; not "the mood was relief").
func verbAfter(w string) bool {
	a := english.Auxiliary(w)
	return w == "to" || a != "" && a != "be"
}

// feelingDepth is how many hypernyms up isFeeling looks: "fury" is anger,
// an emotion, a feeling. One more lets nouns of news ("take the news")
// pass for feelings.
const feelingDepth = 3

// feelingWords caches isFeeling, by word.
var feelingWords sync.Map

// isFeeling reports whether WordNet has the lower-case word w, as a noun in
// its commonest sense, or an adjective through the noun it is derived from
// ("angry": "anger"), as a kind of feeling ("anger", "joy", "grief",
// "shock").
func isFeeling(w string) bool {
	if v, ok := feelingWords.Load(w); ok {
		return v.(bool)
	}
	feeling := func(x string) bool { return x == "feeling" }
	is := false
	if !english.IsStopWord(w) && wordnet.Known(w) {
		is = walkHypernyms(lemmaNoun(w), feelingDepth, 1, feeling)
		for _, r := range wordnet.RelatedIn(w, 1, nil) { // the commonest sense's
			if is {
				break
			}
			if r.Kind == wordnet.Derived && r.From.POS == wordnet.Adj && r.POS == wordnet.Noun && r.Sense == 0 {
				is = walkHypernyms(r.Lemma, feelingDepth, 1, feeling)
			}
		}
	}
	feelingWords.Store(w, is)
	return is
}

// dateNear reports whether a date of s stands in the clause of a word of
// the question (see inClauseOf): "signed an agreement late on Friday" for
// "when was the agreement signed", not "310 new cases in the week to May 4,
// shortly after the agreement was signed".
func dateNear(q *query, s *sentence) bool {
	locs := reClock().FindAllStringIndex(s.text, -1)
	for _, m := range dates.Find(s.text, s.article.Published) {
		locs = append(locs, []int{m.Start, m.End})
	}
	for _, loc := range locs {
		if inClauseOf(q, s.text, loc) {
			return true
		}
	}
	return false
}

// The word windows: how far from a word of the question, or from what
// answers it, the rest of an answer may stand. A phrase is the few words
// around a head: the subject opening a sentence, what a reason word gives
// ("after the collapse of"), the place behind "in" or "at", the name of
// what is named ("the first ship to sail was the Aegean Star"), what a
// measure or an amount measures ("the dam is 145 metres high"). A clause
// is the words a statement or a figure may be spread over: the speaker of
// a verb of speech ("said Kremlin aide Yuri Ushakov"), the pronoun subject
// of a sentence that leans on the one before ("In protest, he ..."), what
// a duration measures, the figure of "the number of X" ("revised the
// number of ships delayed by the grounding to 287"). One window for each,
// swept together over the 57 developed gold sets (README "Quality").
const (
	phraseWindow = 5
	clauseWindow = 8
)

// hasDimension reports whether the noun n is an attribute whose measure
// has one dimension ("population", "height"; not "size").
func hasDimension(n string) bool {
	d, ok := dimensionOf(n, false)
	return ok && d != "" && isNoun(n)
}
