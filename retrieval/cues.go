package retrieval

import (
	"regexp"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/corpus/english"
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
	pattern func() *regexp.Regexp
}{
	{[]string{"how", "long"}, reDuration},
	{[]string{"how", "much", "time"}, reDuration},
	{[]string{"how", "many", "days"}, reDuration},
	{[]string{"how", "many", "hours"}, reDuration},
	{[]string{"how", "many", "weeks"}, reDuration},
}

// reDuration finds a length of time: a number and a unit of time.
var reDuration = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)[- ](and[- ]a[- ]half[- ])?(hours?|minutes?|days?|weeks?|months?|years?)\b`)
})

// answerPattern returns the pattern of what question asks for, or nil.
func answerPattern(question string) *regexp.Regexp {
	ws := english.Words(question)
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
