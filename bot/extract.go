package bot

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/talksbot/talksbot/retrieval"
)

// The extractive answerer's constants, determined on the dev gold set and
// checked on the articles by reading the answers (README, "Quality").
const (
	// minCoverage: the answer must rest on a sentence (with its neighbours)
	// that carries at least this share of the question's weighted terms;
	// below it the engine abstains.
	minCoverage = 0.5
	// maxUnknown: when terms the corpus never uses carry this share of the
	// question's weight, the question is about something the articles do
	// not cover, and the engine abstains.
	maxUnknown = 0.45
	// secondRatio: a second sentence joins the answer only if it scores at
	// least this share of the best one and adds question terms the first lacks.
	secondRatio = 0.7
	// maxAnswerWords bounds the answer; sentences beyond it are left out.
	maxAnswerWords = 75
)

// candidate is a sentence being considered for the answer.
type candidate struct {
	s        *sentence
	idx      int
	cover    float64 // weighted share of question terms in the sentence
	window   float64 // the same, counting its neighbours' terms
	score    float64
	passRank int
}

// extract is the offline answerer: it picks the sentences of the retrieved
// passages that answer the question, and cites each.
func (e *Engine) extract(question, search string, hits []retrieval.Hit) *Answer {
	if a := e.answerFromTimeline(question); a != nil {
		return a
	}
	q := e.analyse(search)
	cands := e.candidates(q, hits)
	if len(cands) == 0 || q.total == 0 {
		return e.abstain(q)
	}
	best := cands[0]
	bestWindow := 0.0
	for _, c := range cands {
		bestWindow = math.Max(bestWindow, c.window)
	}
	if bestWindow < minCoverage || q.unknown/q.total >= maxUnknown {
		e.log.Debug("abstain", "question", question, "window", bestWindow, "unknown", q.unknown/q.total)
		return e.abstain(q)
	}
	picked := []*candidate{best}
	words := best.s.words
	covered := e.coveredTerms(q, best.s)
	for _, c := range cands[1:] {
		if len(picked) >= 2 || c.score < secondRatio*best.score {
			break
		}
		if words+c.s.words > maxAnswerWords || nearDuplicate(c.s, best.s) {
			continue
		}
		gain := 0.0
		for t, w := range q.weights {
			if !covered[t] && c.s.terms[t] > 0 {
				gain += w
			}
		}
		if gain/q.total < 0.15 {
			continue
		}
		picked = append(picked, c)
		words += c.s.words
	}
	ans := e.compose(picked)
	if c := e.superseded(best, cands); c != nil {
		e.addEarlier(ans, c)
	}
	return ans
}

var (
	// reChange marks reporting that a plan changed.
	reChange = regexp.MustCompile(`(?i)\b(postpon\w*|cancel\w*|delay\w*|reschedul\w*|call(ed|s)? off|no longer|instead|moved|pushed back|scrapped)\b`)
	// reFuture marks reporting of a plan.
	reFuture = regexp.MustCompile(`(?i)\b(will|would|is set to|are set to|scheduled|is to|are to|plans? to|planned|expected to)\b`)
)

// superseded finds where the articles disagree with the answer: an earlier
// article reporting, as a plan, what a later one (the answer's) reports as
// changed ("will travel on Wednesday" on Feb 17; "postponed his trip" on
// Feb 18). Later reporting is preferred, and the earlier one is shown.
func (e *Engine) superseded(best *candidate, cands []*candidate) *candidate {
	if !reChange.MatchString(best.s.text) {
		return nil
	}
	for _, c := range cands[1:] {
		if !c.s.article.Published.Before(best.s.article.Published) || c.cover < 0.6*best.cover {
			continue
		}
		if reFuture.MatchString(c.s.text) && !reChange.MatchString(c.s.text) && !nearDuplicate(c.s, best.s) {
			return c
		}
	}
	return nil
}

// addEarlier appends the earlier, superseded report to the answer.
func (e *Engine) addEarlier(ans *Answer, c *candidate) {
	n := len(ans.Citations) + 1
	ans.Citations = append(ans.Citations, e.citation(n, c.s.article.ID, c.s.text))
	ans.Answer += fmt.Sprintf(" Earlier reporting (%s, %s) differed: %s [%d]",
		c.s.article.Outlet, c.s.article.Published.Format("Jan 2"), c.s.text, n)
}

// candidates scores every sentence of the retrieved passages, best first.
func (e *Engine) candidates(q query, hits []retrieval.Hit) []*candidate {
	seen := make(map[int]*candidate)
	var out []*candidate
	for rank, h := range hits {
		for _, text := range h.Passage.Sentences {
			idx, ok := e.sentIdx[h.Passage.Article+"\x00"+text]
			if !ok {
				continue
			}
			if c := seen[idx]; c != nil {
				continue
			}
			c := &candidate{s: &e.sents[idx], idx: idx, passRank: rank}
			e.score(q, c)
			seen[idx] = c
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// score sets a candidate's coverage and score.
func (e *Engine) score(q query, c *candidate) {
	s := c.s
	var cover, window float64
	var prev, next *sentence
	if c.idx > 0 && e.sents[c.idx-1].article == s.article && e.sents[c.idx-1].para == s.para {
		prev = &e.sents[c.idx-1]
	}
	if c.idx+1 < len(e.sents) && e.sents[c.idx+1].article == s.article && e.sents[c.idx+1].para == s.para {
		next = &e.sents[c.idx+1]
	}
	for t, w := range q.weights {
		switch {
		case s.terms[t] > 0:
			cover += w
			window += w
		case s.context[t]:
			cover += w / 2
			window += w
		case (prev != nil && prev.terms[t] > 0) || (next != nil && next.terms[t] > 0):
			window += w
		}
	}
	c.cover = cover / q.total
	c.window = window / q.total
	bonus := kindBonus(q, s.text)
	// Long sentences match more words by chance; damp them a little.
	length := 1.0
	if s.words > 40 {
		length = 1 / (1 + float64(s.words-40)/80)
	}
	// Later reporting is preferred when sentences are otherwise alike.
	recency := 0.02 * float64(s.article.Published.Sub(e.earliest).Hours()/24)
	c.score = (c.cover*(1+bonus) + 0.1*c.window) * length * (1 + recency) * (1 - 0.01*float64(c.passRank))
}

var (
	reDigits   = regexp.MustCompile(`\b\d[\d,.]*\b`)
	reNumWord  = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b`)
	reDuration = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ](and[- ]a[- ]half[- ])?(hours?|minutes?|days?|weeks?|months?|years?)\b`)
	reDate     = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|last week|next week|this week|overnight)\b|\b(19|20)\d\d\b`)
	rePlace    = regexp.MustCompile(`\b(in|at|to) (the )?[A-Z][\p{L}-]+`)
	reReason   = regexp.MustCompile(`(?i)\b(because|due to|since|in order to|so that|as a result|in protest|in response)\b`)
	reSpeech   = regexp.MustCompile(`(?i)[“”"]|\b(said|says|told|stated|added|called|described|stressed|noted|assured|emphasi[sz]ed|announced)\b`)
	reCapWord  = regexp.MustCompile(`\b[A-Z][\p{L}’'-]+`)
)

// kindBonus is how much a sentence looks like the kind of answer the
// question wants, beyond sharing its words: a number for "how many", a
// duration for "how long", names the question does not already give for
// "who", and so on.
func kindBonus(q query, text string) float64 {
	switch q.kind {
	case kindCount:
		for _, n := range append(reDigits.FindAllString(text, -1), reNumWord.FindAllString(text, -1)...) {
			if !q.words[strings.ToLower(n)] {
				return 0.4
			}
		}
	case kindDuration:
		if reDuration.MatchString(text) {
			return 0.5
		}
	case kindTime:
		for _, d := range reDate.FindAllString(text, -1) {
			if !q.words[strings.ToLower(d)] {
				return 0.3
			}
		}
	case kindPlace:
		if m := rePlace.FindAllString(text, -1); len(m) > 0 {
			for _, p := range m {
				f := strings.Fields(p)
				if !q.words[strings.ToLower(f[len(f)-1])] {
					return 0.3
				}
			}
		}
	case kindPerson:
		n := newNames(q, text)
		return math.Min(0.3, 0.1*float64(n))
	case kindReason:
		if reReason.MatchString(text) {
			return 0.3
		}
	case kindStatement:
		if reSpeech.MatchString(text) {
			return 0.2
		}
	}
	return 0
}

// newNames counts capitalised words of text, not at its start, that the
// question does not contain: names a "who" answer brings.
func newNames(q query, text string) int {
	n := 0
	for i, loc := range reCapWord.FindAllStringIndex(text, -1) {
		if i == 0 && loc[0] == 0 {
			continue
		}
		w := strings.ToLower(text[loc[0]:loc[1]])
		if !q.words[w] && !reDate.MatchString(w) {
			n++
		}
	}
	return n
}

func (e *Engine) coveredTerms(q query, s *sentence) map[string]bool {
	out := make(map[string]bool)
	for t := range q.weights {
		if s.terms[t] > 0 || s.context[t] {
			out[t] = true
		}
	}
	return out
}

// nearDuplicate reports whether two sentences say much the same (the same
// fact from two articles, say).
func nearDuplicate(a, b *sentence) bool {
	inter, union := 0, len(b.terms)
	for t := range a.terms {
		if b.terms[t] > 0 {
			inter++
		} else {
			union++
		}
	}
	return union > 0 && float64(inter)/float64(union) >= 0.5
}

// compose writes the answer from the picked sentences, in the order picked,
// each cited. A sentence that leans on the one before it ("he said") brings
// that one along, and the two are cited as one quote.
func (e *Engine) compose(picked []*candidate) *Answer {
	ans := &Answer{Mode: ModeExtractive}
	var parts []string
	for _, c := range picked {
		start, end := c.s.start, c.s.end
		if c.s.context != nil && c.idx > 0 {
			prev := &e.sents[c.idx-1]
			if prev.words+c.s.words <= maxAnswerWords {
				start = prev.start
			}
		}
		quote := c.s.article.Text[start:end]
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, e.citation(n, c.s.article.ID, quote))
		parts = append(parts, fmt.Sprintf("%s [%d]", quote, n))
	}
	ans.Answer = strings.Join(parts, " ")
	return ans
}

// abstain is the answer when the articles do not answer the question.
func (e *Engine) abstain(q query) *Answer {
	return &Answer{
		Mode:      ModeExtractive,
		Abstained: true,
		Answer:    "The articles don't say. They cover the February 2025 US–Russia talks in Riyadh; try asking about who took part, what was agreed, or how others reacted.",
		Citations: []Citation{},
	}
}
