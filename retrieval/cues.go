package retrieval

import (
	"strings"

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
