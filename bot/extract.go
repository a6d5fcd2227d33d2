package bot

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/talksbot/talksbot/retrieval"
)

// The extractive answerer's constants, determined on the dev gold set and
// checked on the articles by reading the answers (README, "Quality").
const (
	// minSupport: the answer must rest on a sentence that, with its
	// neighbours, carries at least this share of the question's weighted
	// terms (plus its bonus for looking like the kind of answer asked for);
	// below it the engine abstains.
	minSupport = 0.5
	// maxTopicalUnknown: when nouns or names the corpus never uses carry
	// this share of the question's weight ("a ceasefire in Gaza"), the
	// question is about something the articles do not cover.
	maxTopicalUnknown = 0.25
	// secondRatio and minGain: a second sentence joins the answer only if
	// it scores at least secondRatio of the best one and carries at least
	// minGain of the question's weight that the first lacks.
	secondRatio = 0.8
	minGain     = 0.25
	// listRatio: for questions that ask for several things (listKind), a
	// second sentence of the right kind joins from this share of the best.
	listRatio = 0.6
	// maxAnswerWords bounds the answer; sentences beyond it are left out.
	maxAnswerWords = 75
)

// candidate is a sentence being considered for the answer.
type candidate struct {
	s        *sentence
	idx      int
	bonus    float64 // how much it looks like the kind of answer asked for
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
	if len(cands) == 0 || q.total == 0 || q.unknown > 0 && q.total == 0 {
		return e.abstain(q)
	}
	best := e.latest(cands[0], cands)
	support := 0.0
	for _, c := range cands {
		support = math.Max(support, c.window+c.bonus)
	}
	topical := q.topical / (q.total + q.unknown)
	e.log.Debug("support", "question", question, "support", support, "topical", topical, "unknown", q.unknown/(q.total+q.unknown))
	if support < minSupport || topical >= maxTopicalUnknown {
		return e.abstain(q)
	}
	if e.log.Enabled(context.Background(), slog.LevelDebug) {
		for i, c := range cands[:min(5, len(cands))] {
			e.log.Debug("candidate", "rank", i, "score", round3(c.score), "cover", round3(c.cover), "bonus", c.bonus, "text", c.s.text)
		}
	}
	picked := []*candidate{best}
	words := best.s.words
	covered := e.coveredTerms(q, best.s)
	for _, c := range cands {
		if c == best {
			continue
		}
		if len(picked) >= 2 || c.score < minRatio(q)*best.score {
			break
		}
		if words+c.s.words > maxAnswerWords || nearDuplicate(c.s, best.s) || c.s.context != nil && c.idx == best.idx+1 {
			continue
		}
		if listKind(q) && c.bonus > 0 && c.cover >= 0.7*best.cover && (q.kind != kindPerson || len(newNamesOf(q, c.s.text, best.s.text)) > 0) {
			picked = append(picked, c)
			words += c.s.words
			continue
		}
		gain := 0.0
		for t, w := range q.weights {
			if !covered[t] && c.s.terms[t] > 0 {
				gain += w
			}
		}
		if gain/q.total < minGain {
			continue
		}
		picked = append(picked, c)
		words += c.s.words
	}
	ans := e.compose(q, picked)
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
	for _, c := range cands {
		if !c.s.article.Published.Before(best.s.article.Published) || c.cover < 0.6*best.cover {
			continue
		}
		if reFuture.MatchString(c.s.text) && !reChange.MatchString(c.s.text) && !nearDuplicate(c.s, best.s) {
			return c
		}
	}
	return nil
}

// latest prefers later reporting: when the best sentence reports a plan
// and a later article reports that the plan changed, the later one answers
// (and superseded then shows the earlier).
func (e *Engine) latest(best *candidate, cands []*candidate) *candidate {
	if !reFuture.MatchString(best.s.text) || reChange.MatchString(best.s.text) {
		return best
	}
	for _, c := range cands {
		if c.s.article.Published.After(best.s.article.Published) && reChange.MatchString(c.s.text) && c.cover >= 0.6*best.cover {
			return c
		}
	}
	return best
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
			// The answer quotes the sentence it leans on too (see compose).
			cover += w
			window += w
		case (prev != nil && prev.terms[t] > 0) || (next != nil && next.terms[t] > 0):
			window += w
		}
	}
	bonus := kindBonus(q, s.text)
	c.bonus = bonus
	if bonus == 0 && strictKind(q.kind) {
		cover /= 2
		window /= 2
	}
	c.cover = cover / q.total
	c.window = window / q.total
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
	reDigits    = regexp.MustCompile(`\b\d[\d,.]*\b`)
	reNumWord   = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b`)
	reDuration  = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ](and[- ]a[- ]half[- ])?(hours?|minutes?|days?|weeks?|months?|years?)\b`)
	reDate      = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|last week|next week|this week|overnight)\b|\b(19|20)\d\d\b`)
	rePlace     = regexp.MustCompile(`\b(in|at|to) (the )?[A-Z][\p{L}-]+`)
	reReason    = regexp.MustCompile(`(?i)\b(because|due to|since|in order to|so that|as a result|in protest|in response)\b`)
	reSpeech    = regexp.MustCompile(`(?i)[“”"]|\b(said|says|told|stated|added|called|described|stressed|noted|assured|emphasi[sz]ed|announced)\b`)
	reReacting  = regexp.MustCompile(`(?i)\b(in (response|protest|reaction)|reacted|responded|critici[sz]\w*|condemn\w*|reject\w*|postpon\w*|cancel\w*|called for|convened|protest\w*|frustrat\w*|skeptic\w*|sceptic\w*|welcomed|warned)\b`)
	reQuoteMark = regexp.MustCompile(`[“”"]`)
	reCapWord   = regexp.MustCompile(`\b[A-Z][\p{L}’'-]+`)
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
	case kindReaction:
		if reReacting.MatchString(text) {
			return 0.3
		}
	}
	return 0
}

// listKind reports whether the question asks for several things of a kind
// ("Which officials ...", "How did X react?"), which two sentences may name
// between them.
func listKind(q query) bool {
	return q.kind == kindReaction || q.kind == kindPerson && q.plural
}

// minRatio is the least score, as a share of the best, of a second sentence.
func minRatio(q query) float64 {
	if listKind(q) {
		return listRatio
	}
	return secondRatio
}

// newNamesOf returns the capitalised words of text that neither the
// question nor other contains.
func newNamesOf(q query, text, other string) []string {
	var out []string
	seen := strings.ToLower(other)
	for i, loc := range reCapWord.FindAllStringIndex(text, -1) {
		if i == 0 && loc[0] == 0 {
			continue
		}
		w := strings.ToLower(text[loc[0]:loc[1]])
		if !q.words[w] && !reDate.MatchString(w) && !strings.Contains(seen, w) {
			out = append(out, w)
		}
	}
	return out
}

// strictKind reports whether a sentence without the kind of answer asked
// for cannot answer at all ("how many" wants a number).
func strictKind(k kind) bool { return k == kindCount || k == kindDuration }

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
func (e *Engine) compose(q query, picked []*candidate) *Answer {
	ans := &Answer{Mode: ModeExtractive}
	var parts []string
	for _, c := range picked {
		start, end := c.s.start, c.s.end
		words := c.s.words
		if c.s.context != nil && c.idx > 0 {
			prev := &e.sents[c.idx-1]
			if prev.words+words <= maxAnswerWords {
				start = prev.start
				words += prev.words
			}
		}
		// "What did X say?" wants the words said: a quotation that follows
		// a reported statement ("Trump assured that ... “It could be very
		// soon,” he told reporters") comes along.
		if q.kind == kindStatement && !reQuoteMark.MatchString(c.s.text) && c.idx+1 < len(e.sents) {
			next := &e.sents[c.idx+1]
			if next.context != nil && next.article == c.s.article && reQuoteMark.MatchString(next.text) && words+next.words <= maxAnswerWords {
				end = next.end
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
