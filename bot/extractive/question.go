package extractive

import (
	"regexp"
	"strings"

	"github.com/talksbot/talksbot/corpus/english"
)

// kind is what a question asks for; it decides which sentences look like an
// answer beyond sharing the question's words.
type kind int

const (
	kindOther     kind = iota
	kindPerson         // who, whom, which officials
	kindPlace          // where, in which building/city, which country
	kindTime           // when, what date, what day
	kindCount          // how many, how much
	kindDuration       // how long
	kindReason         // why
	kindStatement      // what did X say, how did X describe
	kindReaction       // how did X react, what did X do in response
	kindBefore         // what preceded X, what happened before X
)

// query is an analysed question.
type query struct {
	text    string
	kind    kind
	weights map[string]float64 // content term -> idf weight
	total   float64
	unknown float64 // weight of terms the corpus never uses
	// topical is the weight of unknown terms that name what the question is
	// about (nouns and names: "a ceasefire in Gaza", "barrels of oil"), as
	// against unknown verbs that only paraphrase ("react", "preceded").
	topical float64
	words   map[string]bool // lower-case words of the question, for "new" names
}

// scaffold are question words that say what kind of answer is wanted, not
// what it is about; they do not count towards a sentence's match.
var scaffold = map[string]bool{
	"say": true, "said": true, "tell": true, "told": true, "describ": true, "accord": true,
	"mention": true, "happen": true, "ask": true, "answer": true, "explain": true,
	// Generic nouns of questions: "the name of", "how many people", "exactly".
	"name": true, "peopl": true, "person": true, "exact": true, "kind": true, "type": true,
	"thing": true, "someon": true, "anyon": true, "someth": true, "anyth": true,
}

var (
	reWord = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’.-]*`)
	// Question openers that name the kind of answer.
	reHowLong   = regexp.MustCompile(`(?i)\bhow long\b|\bfor how many (hours|days|minutes)\b|\bduration\b`)
	reHowMany   = regexp.MustCompile(`(?i)\bhow (many|much)\b|\bwhat (number|percentage)\b`)
	reWhen      = regexp.MustCompile(`(?i)^(when|on what (date|day)|what (date|day|time))\b|\bwhat date\b|\bwhen\b`)
	reWhere     = regexp.MustCompile(`(?i)^where\b|\b(in|at) (which|what) (building|city|place|country|venue|palace|hotel|capital)\b|\b(which|what) (country|city|countries|cities|building|place|region|town|venue|capital)\b|\bwhere\b`)
	reWho       = regexp.MustCompile(`(?i)^(who|whom)\b|\bwhich (\w+ )?(officials?|people|leaders?|ministers?|diplomats?|delegates?|representatives?|person|advisers?|advisors?)\b|\bwho\b|\bwhose\b`)
	reWhy       = regexp.MustCompile(`(?i)^why\b|\bwhat (was|is) the reason\b`)
	reBefore    = regexp.MustCompile(`(?i)\b(preced\w*|before|prior to|ahead of|led up to|lead up to|in the run-up)\b`)
	reReaction  = regexp.MustCompile(`(?i)\b(react|reacted|reaction|respond|responded|response)\b`)
	reStatement = regexp.MustCompile(`(?i)\b(say|said|tell|told|describe|described|call|called|react|respond|characteri[sz]e)\b`)
)

// analyse turns a question into weighted content terms and a kind.
func (e *Answerer) analyse(text string) query {
	q := query{text: text, weights: make(map[string]float64), words: make(map[string]bool)}
	switch {
	case reHowLong.MatchString(text):
		q.kind = kindDuration
	case reHowMany.MatchString(text):
		q.kind = kindCount
	case reWhy.MatchString(text):
		q.kind = kindReason
	case reWhere.MatchString(text):
		q.kind = kindPlace
	case reWhen.MatchString(text):
		q.kind = kindTime
	case reWho.MatchString(text):
		q.kind = kindPerson
	case reReaction.MatchString(text):
		q.kind = kindReaction
	case reBefore.MatchString(text):
		q.kind = kindBefore
	case reStatement.MatchString(text):
		q.kind = kindStatement
	}
	for _, w := range reWord.FindAllString(text, -1) {
		q.words[strings.ToLower(strings.Trim(w, ".’'"))] = true
	}
	topical := topicalTerms(text)
	for _, t := range english.Terms(text) {
		if scaffold[t] {
			continue
		}
		if _, ok := q.weights[t]; ok {
			continue
		}
		if e.lex.df[t] == 0 {
			if v := e.lex.variant(t); v != "" {
				t = v
			}
		}
		w := e.lex.idf(t)
		if e.lex.df[t] == 0 {
			q.unknown += w
			if topical[t] {
				q.topical += w
			}
			continue // an unknown term cannot be matched; it only counts against answering
		}
		q.weights[t] = w
		q.total += w
	}
	return q
}

// determiners are words after which a question word is a noun.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "any": true, "many": true, "much": true,
	"some": true, "no": true, "their": true, "his": true, "her": true, "its": true, "this": true,
	"that": true, "these": true, "those": true, "about": true, "in": true, "on": true,
}

// topicalTerms returns the terms of the question's nouns and names, by
// position: a capitalised word not opening the question, a word after a
// determiner or preposition, or a word before "of". It needs no tagger and
// errs towards calling a word a noun.
func topicalTerms(text string) map[string]bool {
	words := reWord.FindAllString(text, -1)
	out := make(map[string]bool)
	for i, w := range words {
		lw := strings.ToLower(w)
		capital := i > 0 && w[0] >= 'A' && w[0] <= 'Z'
		afterDet := i > 0 && determiners[strings.ToLower(words[i-1])]
		beforeOf := i+1 < len(words) && strings.ToLower(words[i+1]) == "of"
		if capital || afterDet || beforeOf {
			for _, t := range english.Terms(lw) {
				out[t] = true
			}
		}
	}
	return out
}

// near reports whether one of the question's terms is among the last n
// words of text.
func (q query) near(text string, n int) bool {
	f := strings.Fields(text)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	for _, t := range english.Terms(strings.Join(f, " ")) {
		if _, ok := q.weights[t]; ok {
			return true
		}
	}
	return false
}
