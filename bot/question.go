package bot

import (
	"regexp"
	"strings"

	"github.com/talksbot/talksbot/retrieval"
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
)

// query is an analysed question.
type query struct {
	text    string
	kind    kind
	weights map[string]float64 // content term -> idf weight
	total   float64
	unknown float64         // weight of terms the corpus never uses
	words   map[string]bool // lower-case words of the question, for "new" names
}

// scaffold are question words that say what kind of answer is wanted, not
// what it is about; they do not count towards a sentence's match.
var scaffold = map[string]bool{
	"say": true, "said": true, "tell": true, "told": true, "describ": true, "accord": true,
	"mention": true, "happen": true, "ask": true, "answer": true, "explain": true,
}

var (
	reWord = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’.-]*`)
	// Question openers that name the kind of answer.
	reHowLong   = regexp.MustCompile(`(?i)\bhow long\b|\bfor how many (hours|days|minutes)\b|\bduration\b`)
	reHowMany   = regexp.MustCompile(`(?i)\bhow (many|much)\b|\bwhat (number|percentage)\b`)
	reWhen      = regexp.MustCompile(`(?i)^(when|on what (date|day)|what (date|day|time))\b|\bwhat date\b|\bwhen\b`)
	reWhere     = regexp.MustCompile(`(?i)^where\b|\b(in|at) (which|what) (building|city|place|country|venue|palace|hotel|capital)\b|\bwhich (country|city|countries|cities|building|place)\b|\bwhere\b`)
	reWho       = regexp.MustCompile(`(?i)^(who|whom)\b|\bwhich (\w+ )?(officials?|people|leaders?|ministers?|diplomats?|delegates?|representatives?|person|advisers?|advisors?)\b|\bwho\b|\bwhose\b`)
	reWhy       = regexp.MustCompile(`(?i)^why\b|\bwhat (was|is) the reason\b`)
	reStatement = regexp.MustCompile(`(?i)\b(say|said|tell|told|describe|described|call|called|react|respond|characteri[sz]e)\b`)
)

// analyse turns a question into weighted content terms and a kind.
func (e *Engine) analyse(text string) query {
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
	case reStatement.MatchString(text):
		q.kind = kindStatement
	}
	for _, w := range reWord.FindAllString(text, -1) {
		q.words[strings.ToLower(strings.Trim(w, ".’'"))] = true
	}
	for _, t := range retrieval.Terms(text) {
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
		q.weights[t] = w
		q.total += w
		if e.lex.df[t] == 0 {
			q.unknown += w
		}
	}
	return q
}
