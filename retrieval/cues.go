package retrieval

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// cueWeight is the share of a cue term's BM25 weight (see answerCues).
const cueWeight = 0.5

// cueRules map a question's phrasing to words that the answer to such a
// question usually contains: a duration question ("How long did the
// meeting last?") is answered by "4.5-hour", which shares no word with it.
// The rules name kinds of question, never topics; cue words count half
// (cueWeight) in BM25 and are not embedded.
var cueRules = []struct {
	phrase []string // consecutive lower-case words of the question
	cues   string
}{
	{[]string{"how", "long"}, "hours minutes days weeks months years"},
	{[]string{"how", "much", "time"}, "hours minutes days weeks months years"},
	{[]string{"duration"}, "hours minutes days weeks months years"}, // "what was the duration of the talks"
}

// answerCues returns the terms cued by the phrasing of question.
func answerCues(question string) []string {
	ws := english.Words(question)
	var out []string
	for _, r := range cueRules {
		for i := 0; i+len(r.phrase) <= len(ws); i++ {
			if equalWords(ws[i:i+len(r.phrase)], r.phrase) {
				out = append(out, english.Terms(r.cues)...)
				break
			}
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// patternBoost is the factor by which a passage's fused score grows when
// it has the kind of thing the question asks for (see answerPattern).
const patternBoost = 1.2

// patternRules map a question's phrasing to a pattern that text answering
// such a question has: a duration question is answered by "4.5-hour" or
// "four days", which the cue words alone ("hours", "days") find in every
// passage that says "last week". Kinds of question, never topics.
var patternRules = []struct {
	phrase  []string
	pattern func() matcher
}{
	{[]string{"how", "long"}, reDuration},
	{[]string{"how", "much", "time"}, reDuration},
	{[]string{"duration"}, reDuration},
	{[]string{"how", "many", "days"}, reDuration},
	{[]string{"how", "many", "hours"}, reDuration},
	{[]string{"how", "many", "weeks"}, reDuration},
	{[]string{"where"}, rePlaced},
	// "did anyone die": a passage that says nobody did settles it.
	{[]string{"anyone"}, reNone},
	{[]string{"anybody"}, reNone},
}

// reNone finds a sentence saying there was none: "nobody died", "no one
// was hurt".
var reNone = sync.OnceValue(func() matcher {
	return regexp.MustCompile(`(?i)\b(?:nobody|no one|no-one|none)\b`)
})

// reDuration finds a length of time: a number and a unit of time
// ("4.5-hour", "four days", "two and a half hours"). durationPattern is
// the expression; durationScan reads the same from each unit of time back
// (see its MatchString).
var reDuration = sync.OnceValue(func() matcher { return durationScan{} })

// durationPattern is what durationScan finds, as an expression; the test
// checks the two agree.
const durationPattern = `(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)[- ](and[- ]a[- ]half[- ])?(hours?|minutes?|days?|weeks?|months?|years?)\b`

// durationScan finds durationPattern's matches by their units of time,
// reading back from each to its number: run as an expression, the
// alternation of number words was tried at every position of every
// passage retrieved for a duration question (three fifths of such an
// answer, about 3 ms).
type durationScan struct{}

// durationNumbers are durationPattern's number words.
var durationNumbers = map[string]bool{"a": true, "an": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "several": true, "few": true}

// durationUnits are its units of time, with their plurals.
var durationUnits = map[string]bool{"hour": true, "hours": true, "minute": true, "minutes": true, "day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true}

func (durationScan) MatchString(text string) bool {
	if strings.ContainsAny(text, "\u212a\u017f") {
		// The Kelvin sign and the long s fold to "k" and "s" under (?i);
		// the scan reads ASCII.
		return durationRE().MatchString(text)
	}
	for u := 0; u < len(text); {
		// The next run of ASCII word characters: a unit must be one,
		// whole (\b after it; before it stands a separator).
		for u < len(text) && !isWordByte(text[u]) {
			u++
		}
		e := u
		for e < len(text) && isWordByte(text[e]) {
			e++
		}
		if n := e - u; n >= len("day") && n <= len("minutes") && u > 0 && durationUnits[strings.ToLower(text[u:e])] && numberBefore(text, u) {
			return true
		}
		u = e
	}
	return false
}

// numberBefore reports whether text before the unit at u is a number and
// a separator, with "and a half" between them or not.
func numberBefore(text string, u int) bool {
	if text[u-1] != ' ' && text[u-1] != '-' {
		return false
	}
	if numberEndsAt(text, u-1) {
		return true
	}
	const half = len("and a half ")
	if u < half+2 {
		return false
	}
	h := text[u-half : u]
	for _, i := range []int{3, 5, 10} { // the separators of "and a half "
		if h[i] != ' ' && h[i] != '-' {
			return false
		}
	}
	return strings.EqualFold(h[:3], "and") && strings.EqualFold(h[4:5], "a") && strings.EqualFold(h[6:10], "half") &&
		(text[u-half-1] == ' ' || text[u-half-1] == '-') && numberEndsAt(text, u-half-1)
}

// numberEndsAt reports whether a number of durationPattern ends at p, at
// a word boundary: digits (after a point too: "4.5"), or a number word.
func numberEndsAt(text string, p int) bool {
	s := p
	for s > 0 && isWordByte(text[s-1]) {
		s--
	}
	if s == p {
		return false
	}
	if durationNumbers[strings.ToLower(text[s:p])] {
		return true
	}
	// Digits, the last run of the word: "4.5" ends in "5", after a point,
	// which is a boundary; "A5" has none before its digits.
	d := p
	for d > s && text[d-1] >= '0' && text[d-1] <= '9' {
		d--
	}
	return d == s && d < p
}

// isWordByte reports whether b is a word character of \b: ASCII letters,
// digits and the underscore.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// durationRE is durationPattern compiled, for the texts the scan does not
// read.
var durationRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(durationPattern) })

// rePlaced finds a place named after "at" or "in" ("at the Diriyah
// Palace", "in Rensburg"), which answers a where-question: the question's
// words are in every passage about the talks, the place in few.
var rePlaced = sync.OnceValue(func() matcher {
	return regexp.MustCompile(`\b(?:at|in) (?:the )?\p{Lu}\p{Ll}`)
})

// answerPattern returns the pattern of what question asks for, or nil.
func answerPattern(question string) matcher {
	ws := english.Words(question)
	if m := countPattern(english.Words(english.UnshortenText(question))); m != nil {
		return m
	}
	for _, r := range patternRules {
		for i := 0; i+len(r.phrase) <= len(ws); i++ {
			if equalWords(ws[i:i+len(r.phrase)], r.phrase) {
				return r.pattern()
			}
		}
	}
	return nil
}

// introduction returns, for a question that is only the name of a person
// the articles name ("who is Ruthven", "ruthven?"), the pattern of a
// passage that says who they are: the name after a title or a first name
// ("Deputy Prime Minister Anselm Ruthven"), or before an apposition
// ("Ruthven, the deputy prime minister"); not a transcript's speaker
// label ("Mr RUTHVEN: ..."), which only says that they spoke. Nil for any
// other question.
func introduction(q Query) *regexp.Regexp {
	if len(q.Words) != 1 || !q.Words[0].Person {
		return nil
	}
	f := strings.Fields(q.Words[0].Word)
	name := regexp.QuoteMeta(f[len(f)-1])
	return regexp.MustCompile(`\p{Lu}[\p{L}.'’-]* (?i:` + name + `)\b(?:[^:\p{L}]|$)|\b(?i:` + name + `), (?:the |a |an )?\p{Ll}|\b(?i:` + name + `) \(`)
}

// countPattern returns, for a question that counts a noun ("how many
// hostages", "how many ppl died"), what passages that count it have: a
// number before that noun ("21 hostages", "three people have died"), a
// few words apart at most ("14 remaining hostages"), or "the number of"
// it; for a kind of person ("fans", "people"), a number before "people"
// or "persons" too ("about 3,900 people were in the stand"). Nil for any
// other question.
func countPattern(ws []string) matcher {
	for i := 0; i+2 < len(ws); i++ {
		if !strings.EqualFold(ws[i], "how") || !strings.EqualFold(ws[i+1], "many") {
			continue
		}
		noun := strings.ToLower(ws[i+2])
		if english.IsStopWord(noun) || !hasNoun(noun) || i+3 < len(ws) && strings.EqualFold(ws[i+3], "of") {
			return nil // "how many tonnes of grain": a unit, not what is counted
		}
		stem := english.Term(noun)
		if stem == "" {
			return nil
		}
		return counted{stem: stem, people: isPersonWord(noun)}
	}
	return nil
}

// matcher is what a passage that answers a question has (see
// answerPattern): a *regexp.Regexp, or a scan of its words.
type matcher interface{ MatchString(string) bool }

// counted finds a number before a noun, as countPattern says: a scan of
// the words, not an expression, which with every number word in it
// backtracked over every passage retrieved.
type counted struct {
	stem   string // the counted noun's term, a prefix of its forms
	people bool   // "people", "persons" and "person" count too
}

// countWindow is how many words after a number, or after "the number
// of", the counted noun may stand ("14 remaining hostages").
const countWindow = 3

func (c counted) MatchString(text string) bool {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	for i, w := range ws {
		w = strings.Trim(w, ".,;:()\"“”'’")
		from := i + 1
		switch {
		case w == "number" && i+1 < len(ws) && ws[i+1] == "of":
			from = i + 2
		case isCount(w):
		default:
			continue
		}
		for j := from; j < len(ws) && j < from+countWindow; j++ {
			x := strings.Trim(ws[j], ".,;:()\"“”'’")
			if strings.HasPrefix(x, c.stem) || c.people && (x == "people" || x == "persons" || x == "person") {
				return true
			}
		}
	}
	return false
}

// isCount reports whether the lower-case word w is a number: digits, a
// number word ("three", "dozen"; not "a" or "half"), or an ordinal ("a
// third person had died" says that three have).
func isCount(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if _, ok := english.NumberWord(w); ok && w != "a" && w != "an" && w != "half" {
		return true
	}
	return ordinals[w]
}

// ordinals are the ordinal words isCount takes for a count.
var ordinals = map[string]bool{"second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true}

// isPersonWord reports whether WordNet has the noun w, in one of its two
// commonest senses, as a kind of person ("residents"; "fans", whose
// first sense is the machine), a few levels up.
func isPersonWord(w string) bool {
	lemma := w
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Noun {
			lemma = l.Word
			break
		}
	}
	return lemma == "people" || lemma == "person" || wordnet.WalkHypernyms(lemma, personDepth, personSenses, func(x string) bool { return x == "person" })
}

// personDepth is how many hypernyms up isPersonWord looks, as the
// answerer's test for a kind of person does.
const personDepth = 6

// personSenses is how many of a noun's commonest senses isPersonWord reads.
const personSenses = 2
