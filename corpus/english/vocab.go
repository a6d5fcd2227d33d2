package english

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// The grammar words and patterns of news English that more than one part
// of the engine reads by: citation markers, months and weekdays, pronouns,
// job titles, verbs of speech. Content words come from WordNet
// (package wordnet), never from lists typed here.

// MarkerPattern matches a citation marker as models write them: "[1]",
// "[1, 3]", "[2-4]", "[1 and 2]", with the white space before it.
const MarkerPattern = `\s*\[\s*\d+(?:\s*(?:[,;]|[-–]|and)\s*\d+)*\s*\]`

// Markers is MarkerPattern compiled.
var Markers = regexp.MustCompile(MarkerPattern)

// markerSep separates the numbers of one marker.
var markerSep = regexp.MustCompile(`\s*(?:[,;]|and)\s*`)

// MarkerNumbers returns the numbers of one marker: "[1, 3]" -> 1, 3;
// "[2-4]" -> 2, 3, 4 (ranges of at most 10).
func MarkerNumbers(m string) []int {
	m = strings.Trim(strings.TrimSpace(m), "[]")
	var out []int
	for _, part := range markerSep.Split(m, -1) {
		part = strings.TrimSpace(part)
		if a, b, ok := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-"); ok {
			lo, err1 := strconv.Atoi(strings.TrimSpace(a))
			hi, err2 := strconv.Atoi(strings.TrimSpace(b))
			if err1 == nil && err2 == nil && lo <= hi && hi-lo < 10 {
				for n := lo; n <= hi; n++ {
					out = append(out, n)
				}
			}
			continue
		}
		if n, err := strconv.Atoi(part); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// MonthPattern matches a month name, whole or abbreviated ("Feb.", "Sept"),
// as a whole word: not the "Mar" of "Marco".
const MonthPattern = `(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)`

// WeekdayPattern matches a weekday name.
const WeekdayPattern = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`

// Month returns the month a name or its abbreviation names ("feb.",
// "February", "Sept").
func Month(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || s == name[:3] || s == "sept" && m == time.September {
			return m, true
		}
	}
	return 0, false
}

// Weekday returns the weekday a name names ("tuesday", "Tuesday").
func Weekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == s {
			return d, true
		}
	}
	return 0, false
}

// IsCalendarWord reports whether w names a month or a weekday.
func IsCalendarWord(w string) bool {
	_, month := Month(w)
	_, day := Weekday(w)
	return month || day
}

// PronounPerson returns the grammatical person of w (lower case) if it is
// a personal pronoun of the first or the second person, in any case or as
// a possessive or reflexive ("we", "us", "our", "myself": 1; "you",
// "yours": 2), and 0 for any other word. A writer speaks in the first
// person, and to the reader in the second.
func PronounPerson(w string) int {
	switch w {
	case "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves":
		return 1
	case "you", "your", "yours", "yourself", "yourselves":
		return 2
	}
	return 0
}

// NameParticle reports whether w (lower case) is a particle that stands
// inside a person's name between capitalised words: "Mohammed bin Salman",
// "Ursula von der Leyen", "Faisal bin Farhan Al Saud".
func NameParticle(w string) bool {
	switch w {
	case "bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "del", "der", "la", "le", "von", "van":
		return true
	}
	return false
}

// PersonPronoun reports whether w (lower case) is a third-person pronoun
// that stands for people: he, she, they and their other cases.
func PersonPronoun(w string) bool {
	switch w {
	case "he", "she", "him", "his", "her", "hers", "they", "them", "their", "theirs":
		return true
	}
	return false
}

// SubjectPronoun reports whether w (lower case) is a third-person subject
// pronoun: the subject of a sentence that leans on the one before.
func SubjectPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it":
		return true
	}
	return false
}

// Determiner reports whether w (lower case) opens a noun phrase as its
// determiner: an article ("the", "a", "an"), a demonstrative ("this",
// "those") or a possessive ([Possessive]). A word after one is no verb:
// "the offer", "their demand".
func Determiner(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "these", "those":
		return true
	}
	return Possessive(w)
}

// Possessive reports whether w (lower case) is a possessive determiner:
// "my", "your", "his", "her", "its", "our", "their".
func Possessive(w string) bool {
	switch w {
	case "my", "your", "his", "her", "its", "our", "their":
		return true
	}
	return false
}

// Auxiliary returns the verb of which w (lower case) is a form that may
// stand as an auxiliary: "be" ("is", "were", "been"), "have" ("has",
// "had"), "do" ("did"), or "modal" for a modal verb ("will", "could",
// "must"); "" for any other word. A verb follows one ("has come", "will
// fear"); a be-form may stand before a noun too ("the mood was relief").
func Auxiliary(w string) string {
	switch w {
	case "be", "am", "is", "are", "was", "were", "been", "being":
		return "be"
	case "have", "has", "had", "having":
		return "have"
	case "do", "does", "did":
		return "do"
	case "will", "would", "shall", "should", "can", "could", "may", "might", "must":
		return "modal"
	}
	return ""
}

// Anaphor reports whether w (lower case), opening a sentence, refers back
// to something the sentence before named: a pronoun or a demonstrative.
func Anaphor(w string) bool {
	switch w {
	case "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its":
		return true
	}
	return false
}

// TitlePattern matches a job title that stands before a name or for a
// person ("Secretary", "foreign minister", "spokeswoman").
const TitlePattern = `(?:[Ss]ecretary|[Mm]inister|[Pp]resident|[Cc]hancellor|[Aa]mbassador|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|[Aa]dvis[eo]r|[Aa]ide|[Pp]remier|[Kk]ing|[Pp]rince|[Ll]eader|[Cc]hief|[Dd]iplomat|[Dd]irector|[Gg]overnor|[Gg]eneral|[Aa]dmiral|[Cc]ommissioner|[Mm]ayor|[Ss]enator|[Oo]fficial|[Nn]egotiator|[Hh]ead|[Cc]hair(?:man|woman|person)?)`

// IsTitle reports whether the word w, as written, is a job title of
// TitlePattern ("Minister", "minister"; not "MINISTER", which the pattern
// does not spell). The answerer, the fact check and the question rewrite
// read titles by it.
func IsTitle(w string) bool { return titleRE().MatchString(w) }

var titleRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^` + TitlePattern + `$`) })

// SpeechVerbPattern matches a verb that reports speech ("said", "told",
// "according to"), in the present too ("calls the deal", "warns that"):
// features and live blogs tell in the present.
const SpeechVerbPattern = `(?:say|says|said|saying|speak|speaks|spoke|speaking|tell|tells|told|state|states|stated|add|adds|added|stress|stresses|stressed|note|notes|noted|assures?|assured|emphasi[sz](?:es|ed)|announces?|announced|declares?|declared|insists?|insisted|warns?|warned|argues?|argued|claims?|claimed|describes?|described|calls?|called|writes?|wrote|comment|commented|confirms?|confirmed|deny|denies|denied|admits?|admitted|acknowledges?|acknowledged|reply|replies|replied|suggests?|suggested|explains?|explained|urges?|urged|predicts?|predicted|vows?|vowed|pledges?|pledged|according to)`

// numberWords are the English number words and their values.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
}

// NumberWord returns the value of an English number word ("three",
// "dozen"); ok is false for other words. "a" and "an" count as one, for
// "an hour".
func NumberWord(w string) (float64, bool) {
	v, ok := numberWords[strings.ToLower(w)]
	return v, ok
}

// ordinals are the ordinal words that open the items of a list in prose
// ("First, ...", "Secondly, ...").
var ordinals = map[string]int{
	"first": 1, "firstly": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3,
	"fourth": 4, "fourthly": 4, "fifth": 5, "fifthly": 5,
}

// Ordinal returns the place an ordinal word gives ("first" 1, "secondly"
// 2), up to the fifth: the words that open the items of a list told in
// prose ("We ask three things. First, ... Second, ..."). ok is false for
// other words.
func Ordinal(w string) (int, bool) {
	n, ok := ordinals[strings.ToLower(w)]
	return n, ok
}

// CountWords returns the number words that count things: one and up (not
// "a", "an" or "half"), smallest first, each round one followed by its
// plural ("dozen", "dozens"), for an expression that finds a number written
// out ("fourteen times", "a dozen ships"). The order is the expression's
// too: the small numbers news uses most are tried first (longest first
// cost a whole-process ask 2 % more).
func CountWords() []string {
	var ws []string
	for w, v := range numberWords {
		if v >= 1 && w != "a" && w != "an" {
			ws = append(ws, w)
		}
	}
	slices.SortFunc(ws, func(a, b string) int {
		return cmp.Or(cmp.Compare(numberWords[a], numberWords[b]), strings.Compare(a, b))
	})
	var out []string
	for _, w := range ws {
		out = append(out, w)
		if numberWords[w] >= 100 || w == "dozen" {
			out = append(out, w+"s")
		}
	}
	return out
}

// numberTerms are the terms (see Term) of the number words that are
// nothing else: not "a", "an" or "half".
var numberTerms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for w := range numberWords {
		if w != "a" && w != "an" && w != "half" {
			m[Term(w)] = true
		}
	}
	return m
})

// IsNumberTerm reports whether the term t is a number: digits, or a number
// word's term ("eleven", "dozen").
func IsNumberTerm(t string) bool {
	if t == "" {
		return false
	}
	if strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return true
	}
	return numberTerms()[t]
}

// filler are words of chat that carry no content: interjections, hedges,
// chat abbreviations, the pieces "w/" and "w/o" leave, and pro-forms that
// stand for a noun the way a pronoun does ("hosted the thing", "give stuff
// up"). Questions typed in a chat are full of them; they must neither
// match an article nor count as words the articles lack.
var filler = setOf(
	"lol", "lmao", "rofl", "pls", "plz", "please", "wanna", "gonna", "gotta", "kinda",
	"sorta", "ok", "okay", "hey", "hi", "hello", "um", "uh", "umm", "hmm", "btw", "imo",
	"imho", "tbh", "idk", "basically", "actually", "really", "even", "anyway", "anyways",
	"like", "ya", "yeah", "yes", "yep", "nope", "wait", "u", "ur", "thx", "thanks", "w", "o",
	"tldr", "tl", "dr", "whats", "hows", "wheres", "whos", "abt", "bc", "cuz", "coz", "r", "n", "b4",
	"nah", "yea", "rn", "ngl", "tbf", "tho", "smh", "omg", "idc", "iirc", "afaik", "fyi", "jk", "lmk",
	"huh", "meh", "yo", "dude", "bro", "k", "kk", "wtf",
	"thing", "things", "stuff", "something", "anything", "everything", "someone",
	"anyone", "somebody", "anybody", "everyone", "everybody", "guy", "guys",
	"again", "eventually", "maybe", "perhaps", "whatever", "whoever", "whichever",
	"wherever", "whenever", "actual", "real", "true", "literally", "honestly", "seriously", // "true": "is it true the driver had been drinking" asks whether he had
	// Light verbs, which carry little of their own in a question ("want to
	// go harder on", "get a seat"); as part of a phrase WordNet has ("go
	// on", "get under way") they still count.
	"go", "goes", "going", "went", "gone", "get", "gets", "getting", "got", "gotten",
	"make", "makes", "making", "made", "come", "comes", "coming", "came", "put", "puts",
	"let", "lets", "keep", "keeps", "kept", "seem", "seems", "seemed", "want", "wants",
	"wanted", "done", "doing",
)

// chatShort are the shortened words of chat and headlines, by the word
// they stand for: "govt" is "government" to a reader, and to WordNet.
var chatShort = map[string]string{
	"govt": "government", "gov": "government", "dept": "department", "intl": "international",
	"natl": "national", "admin": "administration", "pres": "president", "mgmt": "management",
	"mins": "minutes", "hrs": "hours", "yrs": "years", "wks": "weeks", "info": "information",
	"convo": "conversation", "approx": "approximately", "ppl": "people",
	"abt": "about", "bc": "because", "w/": "with", "w/o": "without", "b/c": "because",
	"wheres": "where is", "whens": "when is", "hows": "how is", "wat": "what", "wut": "what", "wot": "what", "wht": "what", "wher": "where", "whr": "where", "whn": "when", "hw": "how", "bout": "about", "wen": "when", "wich": "which",
	"y": "why", "dat": "that", "dis": "this", "thru": "through", "tmrw": "tomorrow", "tmr": "tomorrow",
	"yday": "yesterday", "n": "and", "&": "and", "smth": "something", "sth": "something", "rly": "really", "prolly": "probably",
	"heli": "helicopter", "helo": "helicopter", "evac": "evacuation", "uni": "university", "unis": "universities",
	"tix": "tickets", "vid": "video", "pic": "picture", "pics": "pictures", "biz": "business", "mgr": "manager",
	"wud": "would", "im": "i'm", "every1": "everyone", "some1": "someone", "any1": "anyone",
	"compo": "compensation", "diff": "different", "acc": "according", "ops": "operations", "mum": "mother", "mom": "mother", "dad": "father",
	"where'd": "where did", "what'd": "what did", "how'd": "how did", "when'd": "when did", "why'd": "why did", "r": "are", "ur": "your", "cuz": "because", "coz": "because", "tho": "though",
	// Negations typed without the apostrophe ("why didnt the inspections
	// catch it"): otherwise a word the articles never use, against the
	// answer at full weight.
	"didnt": "didn't", "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't",
	"arent": "aren't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "hasnt": "hasn't",
	"havent": "haven't", "hadnt": "hadn't", "cant": "can't", "wont": "won't", "aint": "isn't",
	// So are the other contractions ("ive seen diff numbers").
	"ive": "i've", "youve": "you've", "weve": "we've", "theyve": "they've", "youre": "you're", "theyre": "they're",
	"thats": "that's", "theres": "there's", "shes": "she's", "itll": "it'll",
}

// UnshortenText returns text with its chat shortenings written out
// ("wat did the port boss say bout it": "what did the port boss say about
// it"), for reading what kind of question it is.
func UnshortenText(text string) string {
	fields := strings.Fields(text)
	changed := false
	for i, f := range fields {
		core := strings.TrimRight(f, "?!.,;:")
		if stem, ok := strings.CutSuffix(core, "'s"); ok && chatShort[stem] != "" && !strings.Contains(chatShort[stem], " ") {
			core = stem // "ppl's flats": the shortening's possessive
		}
		// Only as typed in lower case: "Wen", "Bout" may be names.
		if full, ok := chatShort[core]; ok {
			fields[i] = full + f[len(core):]
			changed = true
		} else if full, ok := chatShort[strings.TrimSuffix(core, "s")]; ok && strings.HasSuffix(core, "s") && len(core) > 3 && !strings.ContainsAny(full, " '") && !strings.HasSuffix(full, "s") && !wordnet.Known(core) {
			// The plural of a shortened noun: "helis", "vids"; not a word
			// of its own ("press" is no plural of "pres").
			fields[i] = full + "s" + f[len(core):]
			changed = true
		} else if full := unshortenNumber(core); full != "" {
			fields[i] = full + f[len(core):]
			changed = true
		}
	}
	if changed {
		text = strings.Join(fields, " ")
	}
	return simplePrepositions(text)
}

// complexPrepositions are prepositions of several words, by the one word
// that says the same: "how many doses over the course of the drive" asks
// nothing about a course, "what happened in the wake of the vote" nothing
// about a wake. Their nouns would count as words the answer must have.
var complexPrepositions = []struct{ phrase, simple string }{
	{"over the course of", "during"}, {"in the course of", "during"},
	{"in the wake of", "after"}, {"in the aftermath of", "after"},
	{"in the run-up to", "before"}, {"in the run up to", "before"},
	{"in the lead-up to", "before"}, {"in the lead up to", "before"}, {"prior to", "before"},
	{"on behalf of", "for"}, {"as a result of", "because of"}, {"by means of", "by"},
	{"with regard to", "about"}, {"in regard to", "about"}, {"with respect to", "about"},
	{"in relation to", "about"}, {"in terms of", "in"},
}

// simplePrepositions returns text with its complex prepositions written as
// the one word they stand for (see complexPrepositions).
func simplePrepositions(text string) string {
	lower := strings.ToLower(text)
	for _, p := range complexPrepositions {
		for from := 0; ; {
			i := strings.Index(lower[from:], p.phrase)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p.phrase)
			if i > 0 && isWordByte(lower[i-1]) || end < len(lower) && isWordByte(lower[end]) {
				from = end
				continue
			}
			text = text[:i] + p.simple + text[end:]
			lower = lower[:i] + p.simple + lower[end:]
			from = i + len(p.simple)
		}
	}
	return text
}

// isWordByte reports whether b is a letter or digit of ASCII, or part of
// a multibyte letter: what a phrase must not run on into.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 || b == '-'
}

// unshortenNumber writes out chat's round numbers and units glued to a
// number: "175k" is "175,000", "2bn" "2 billion", "10km" "10 km", "72hrs"
// "72 hours", "$85m" "$85 million", "210m" "210 m"; "" for any other word.
func unshortenNumber(w string) string {
	sign := ""
	for _, c := range []string{"$", "€", "£"} {
		if rest, ok := strings.CutPrefix(w, c); ok {
			sign, w = c, rest
		}
	}
	if n, ok := strings.CutSuffix(w, "m"); ok && n != "" && strings.Trim(n, "0123456789.") == "" {
		if sign != "" {
			return sign + n + " million" // "$85m"
		}
		return n + " m" // "210m": metres, or a million of something; the number is what counts
	}
	for _, u := range [...]struct{ short, full string }{{"k", ",000"}, {"bn", " billion"}, {"mn", " million"}, {"km", " km"}, {"kg", " kg"}, {"hrs", " hours"}, {"mins", " minutes"}} {
		n, ok := strings.CutSuffix(w, u.short)
		if ok && n != "" && strings.Trim(n, "0123456789.") == "" {
			return sign + n + u.full
		}
	}
	return ""
}

// degree are adverbs that only say how close in time a relation holds
// ("right before Riyadh", "shortly after the talks", "soon after").
var degree = setOf("right", "just", "shortly", "immediately", "soon", "straight", "directly", "long", "well", "only", "even")

// timeRelations are the words a degree adverb modifies.
var timeRelations = setOf("before", "after", "since", "now", "then", "away", "afterwards", "beforehand")

// IsDegree reports whether w, a lower-case word followed by next, is a
// degree adverb of a relation in time ("right" in "right before"): no
// content of its own.
func IsDegree(w, next string) bool { return degree[w] && timeRelations[next] }

// IsFiller reports whether w, a lower-case word, is chat filler: a word
// with no content of its own (see filler).
func IsFiller(w string) bool { return filler[w] }

// IsMisspeltStopWord reports whether w, a lower-case word of five letters
// or more that is no stop word or filler itself, is one edit from one
// ("evryone", "becuase", "abuot", "thier"): a typo of a word with no
// topic, which a question would otherwise count against every answer as
// a word the articles lack. The caller makes sure that w is no English
// word and no word of the corpus.
func IsMisspeltStopWord(w string) bool {
	if stopWords[w] || filler[w] {
		return false
	}
	if len(w) < minMisspeltStop {
		// A short word only for a doubled letter typed once ("wil",
		// "shal") or two letters typed the wrong way round ("teh",
		// "hwo"): any other edit makes another word too easily.
		for _, set := range []map[string]bool{stopWords, filler} {
			for s := range set {
				if len(s) == len(w)+1 && undoubled(s, w) || len(s) == len(w) && len(w) >= 3 && EditDistance(w, s, 1) == 1 && swapped(w, s) {
					return true
				}
			}
		}
		return false
	}
	for _, set := range []map[string]bool{stopWords, filler} {
		for s := range set {
			if len(s) >= minMisspeltStop-1 && len(s) <= len(w)+1 && len(s)+1 >= len(w) && EditDistance(w, s, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// undoubled reports whether w is s with one of its doubled letters once:
// "wil" for "will".
func undoubled(s, w string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] && s[:i]+s[i+1:] == w {
			return true
		}
	}
	return false
}

// swapped reports whether w is s with two neighbouring letters swapped:
// "teh" for "the".
func swapped(w, s string) bool {
	for i := 1; i < len(s); i++ {
		if s[:i-1]+s[i:i+1]+s[i-1:i]+s[i+1:] == w {
			return true
		}
	}
	return false
}

// minMisspeltStop is the fewest letters of a word IsMisspeltStopWord
// takes for a typo: one edit from a shorter word makes another word too
// easily ("ther", "wen").
const minMisspeltStop = 5

// EditDistance is the optimal-string-alignment distance of a and b (edits:
// insert, delete, substitute, swap two neighbours), or limit+1 once it is
// sure to exceed limit. Written here because the Levenshtein libraries the
// module proxy serves do not count a swap of neighbours as one edit, the
// commonest typo ("lavorv", "zelenksy").
func EditDistance(a, b string, limit int) int {
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
