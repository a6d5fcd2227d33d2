package extractive

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/timeline"
	"github.com/talksbot/talksbot/corpus"
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
	// recencyWeight is the share a sentence gains per day of its article's
	// age over the oldest article: later reporting wins ties.
	recencyWeight = 0.01
	// passageWeight is how much the hybrid retrieval score of the passage
	// a sentence comes from counts beside the sentence's own match: it
	// brings the embedder's view (character n-grams, word pairs).
	passageWeight = 0.3
	// placeWindow is how many words before a place phrase count as next
	// to it.
	placeWindow = 5
	// contextWeight is how much a question term counts when it is found
	// only in the sentence a candidate leans on ("he said").
	contextWeight = 0.5
	// listRatio: for questions that ask for several things (listKind), a
	// second sentence of the right kind joins from this share of the best.
	listRatio = 0.6
	// diversity weighs overlap with the first sentence against score when
	// picking the second for such questions (maximal marginal relevance).
	diversity = 2.0
	// maxAnswerWords bounds the answer; sentences beyond it are left out.
	maxAnswerWords = 75
)

// candidate is a sentence being considered for the answer.
type candidate struct {
	s        *sentence
	idx      int
	bonus    float64 // how much it looks like the kind of answer asked for
	match    float64 // weighted share of question terms in the sentence
	cover    float64 // the same, halved where the sentence is not of the kind asked for
	window   float64 // the same, counting its neighbours' terms
	score    float64
	passRank int
	passage  float64 // fused retrieval score of the best passage it is in
}

// Answerer is the offline answerer: it picks the sentences of the
// retrieved passages that answer the question, and cites each. It is safe
// for concurrent use.
type Answerer struct {
	log      *slog.Logger
	lib      answer.Library
	timeline *timeline.Timeline
	sents    []sentence
	sentIdx  map[string]int // article id + "\x00" + sentence text -> index in sents
	lex      *lexicon
	earliest time.Time // publication date of the oldest article
}

// New returns the offline answerer over arts; tl answers time questions.
func New(log *slog.Logger, arts []corpus.Article, tl *timeline.Timeline) *Answerer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Answerer{log: log, lib: answer.NewLibrary(arts), timeline: tl}
	for _, a := range arts {
		if e.earliest.IsZero() || a.Published.Before(e.earliest) {
			e.earliest = a.Published
		}
	}
	e.sents, e.sentIdx, e.lex = sentenceIndex(arts)
	return e
}

// Answer answers q from hits, the passages retrieved for q.Search, best
// first; it never fails. Sentences the conversation already gave count
// half, so that "What else did he say?" brings something new when there is
// something.
func (e *Answerer) Answer(ctx context.Context, q answer.Query, hits []retrieval.Hit) (*answer.Answer, error) {
	return e.extract(q.Text, q.Search, hits, q.History), nil
}

func (e *Answerer) extract(question, search string, hits []retrieval.Hit, history []answer.Turn) *answer.Answer {
	if e.timeline != nil {
		if a := e.timeline.Answer(context.TODO(), question); a != nil {
			return a
		}
	}
	q := e.analyse(search)
	cands := e.candidates(q, hits, history)
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
		for i, c := range cands[:min(debugCands, len(cands))] {
			e.log.Debug("candidate", "rank", i, "score", c.score, "cover", c.cover, "bonus", c.bonus, "text", c.s.text)
		}
	}
	picked := []*candidate{best}
	earlier := e.superseded(best, cands)
	switch {
	case earlier != nil:
		// The answer is the later report, and the earlier one it corrects.
	case listKind(q):
		if c := e.different(best, cands); c != nil {
			picked = append(picked, c)
		}
	default:
		if c := e.complement(q, best, cands); c != nil {
			picked = append(picked, c)
		}
	}
	ans := e.compose(q, picked)
	if earlier != nil {
		e.addEarlier(ans, earlier)
	}
	return ans
}

// complement finds a second sentence that carries specific question terms
// the best one lacks ("How many drones ... overnight?": the number in one
// sentence, "overnight" in the one before), or nil.
func (e *Answerer) complement(q query, best *candidate, cands []*candidate) *candidate {
	covered := e.coveredTerms(q, best.s)
	for _, c := range cands {
		if c == best {
			continue
		}
		if c.score < secondRatio*best.score {
			return nil
		}
		if best.s.words+c.s.words > maxAnswerWords || nearDuplicate(c.s, best.s) || c.s.context != nil && c.idx == best.idx+1 {
			continue
		}
		gain, gainMax := 0.0, 0.0
		for t, w := range q.weights {
			if !covered[t] && c.s.terms[t] > 0 {
				gain += w
				gainMax = math.Max(gainMax, w)
			}
		}
		if gain/q.total >= minGain && gainMax >= q.total/float64(len(q.weights)) {
			return c // enough, and not only the question's commonest words
		}
	}
	return nil
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
func (e *Answerer) superseded(best *candidate, cands []*candidate) *candidate {
	if !reChange.MatchString(best.s.text) {
		return nil
	}
	for _, c := range cands {
		if !c.s.article.Published.Before(best.s.article.Published) || c.match < 0.6*best.match {
			continue
		}
		// A plan that can be postponed has a date ("will travel to Riyadh
		// on Wednesday"); a stance ("will not negotiate until ...") does not.
		if reFuture.MatchString(c.s.text) && reDate.MatchString(c.s.text) && !reChange.MatchString(c.s.text) && !nearDuplicate(c.s, best.s) {
			return c
		}
	}
	return nil
}

// latest prefers later reporting: when the best sentence reports a plan,
// or a change of plan, and a later article reports a change, the latest
// such report answers (and superseded then shows the earlier plan).
func (e *Answerer) latest(best *candidate, cands []*candidate) *candidate {
	if !reFuture.MatchString(best.s.text) && !reChange.MatchString(best.s.text) {
		return best
	}
	out := best
	for _, c := range cands {
		if c.s.article.Published.After(out.s.article.Published) && reChange.MatchString(c.s.text) && c.match >= 0.4*best.match {
			out = c
		}
	}
	return out
}

// addEarlier appends the earlier, superseded report to the answer.
func (e *Answerer) addEarlier(ans *answer.Answer, c *candidate) {
	n := len(ans.Citations) + 1
	ans.Citations = append(ans.Citations, e.lib.Cite(n, c.s.article.ID, c.s.text))
	who := c.s.article.Outlet
	if who == "" || who == "unknown" {
		who = "an article"
	}
	ans.Answer += fmt.Sprintf(" Earlier reporting (%s, %s) had said: %s [%d]",
		who, c.s.article.Published.Format("Jan 2"), c.s.text, n)
}

// candidates scores every sentence of the retrieved passages, best first.
func (e *Answerer) candidates(q query, hits []retrieval.Hit, history []answer.Turn) []*candidate {
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
			c := &candidate{s: &e.sents[idx], idx: idx, passRank: rank, passage: h.Score}
			e.score(q, c)
			if given(c.s.text, history) {
				c.score *= givenWeight
			}
			seen[idx] = c
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// score sets a candidate's coverage and score.
func (e *Answerer) score(q query, c *candidate) {
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
			// The answer quotes the sentence it leans on too (see compose),
			// but what that sentence says is not this one's claim.
			cover += w * contextWeight
			window += w
		case (prev != nil && prev.terms[t] > 0) || (next != nil && next.terms[t] > 0):
			window += w
		}
	}
	c.match = cover / q.total
	bonus := kindBonus(q, s.text)
	c.bonus = bonus
	strict := 1.0
	if bonus == 0 && strictKind(q.kind) {
		strict = 0.5
	}
	c.cover = strict * cover / q.total
	c.window = strict * window / q.total
	// Long sentences match more words by chance; damp them a little.
	length := 1.0
	if s.words > 40 {
		length = 1 / (1 + float64(s.words-40)/80)
	}
	// Later reporting is preferred when sentences are otherwise alike.
	recency := recencyWeight * float64(s.article.Published.Sub(e.earliest).Hours()/24)
	c.score = (c.cover*(1+bonus) + 0.1*c.window + passageWeight*c.passage) * strict * length * (1 + recency)
}

// listKind reports whether the question asks for several things of a kind
// ("Which officials ...", "How did X react?"), which two sentences may name
// between them.
func listKind(q query) bool {
	return q.kind == kindReaction
}

// different picks, for a question that asks for several things, the
// second sentence by maximal marginal relevance: a good score, the right
// kind, and as little overlap with the first as possible (two reactions,
// not one reaction twice).
func (e *Answerer) different(best *candidate, cands []*candidate) *candidate {
	var pick *candidate
	pickValue := math.Inf(-1)
	for _, c := range cands {
		if c == best || c.bonus == 0 || c.score < listRatio*best.score || best.s.words+c.s.words > maxAnswerWords || nearDuplicate(c.s, best.s) {
			continue
		}
		if v := c.score - diversity*termOverlap(c.s, best.s); v > pickValue {
			pick, pickValue = c, v
		}
	}
	return pick
}

// termOverlap is the Jaccard similarity of two sentences' terms.
func termOverlap(a, b *sentence) float64 {
	inter := 0
	for t := range a.terms {
		if b.terms[t] > 0 {
			inter++
		}
	}
	union := len(a.terms) + len(b.terms) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func (e *Answerer) coveredTerms(q query, s *sentence) map[string]bool {
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
func (e *Answerer) compose(q query, picked []*candidate) *answer.Answer {
	type span struct {
		first, last int // indexes into e.sents
	}
	var spans []span
	words := 0
	for _, c := range picked {
		sp := span{c.idx, c.idx}
		words += c.s.words
		if c.s.context != nil && c.idx > 0 && words+e.sents[c.idx-1].words <= maxAnswerWords {
			sp.first--
			words += e.sents[sp.first].words
		}
		// "What did X say?" wants the words said: a quotation that follows
		// a reported statement ("Trump assured that ... “It could be very
		// soon,” he told reporters") comes along.
		if q.kind == kindStatement && !reQuoteMark.MatchString(c.s.text) && c.idx+1 < len(e.sents) {
			next := &e.sents[c.idx+1]
			if next.article == c.s.article && opensQuote(next.text) && words+next.words <= maxAnswerWords {
				sp.last++
				words += next.words
			}
		}
		// Sentences that touch or overlap in one article are one quote.
		merged := false
		for k := range spans {
			o := &spans[k]
			if e.sents[o.first].article == c.s.article && sp.first <= o.last+1 && o.first <= sp.last+1 {
				o.first, o.last = min(o.first, sp.first), max(o.last, sp.last)
				merged = true
				break
			}
		}
		if !merged {
			spans = append(spans, sp)
		}
	}
	ans := &answer.Answer{Mode: answer.ModeExtractive}
	var parts []string
	for _, sp := range spans {
		a := e.sents[sp.first].article
		quote := a.Text[e.sents[sp.first].start:e.sents[sp.last].end]
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, e.lib.Cite(n, a.ID, quote))
		parts = append(parts, fmt.Sprintf("%s [%d]", strings.Join(strings.Fields(quote), " "), n))
	}
	ans.Answer = strings.Join(parts, " ")
	return ans
}

// abstain is the answer when the articles do not answer the question.
func (e *Answerer) abstain(q query) *answer.Answer {
	return &answer.Answer{
		Mode:      answer.ModeExtractive,
		Abstained: true,
		Answer:    "The articles don't say. They cover the February 2025 US–Russia talks in Riyadh; try asking about who took part, what was agreed, or how others reacted.",
		Citations: []answer.Citation{},
	}
}

// debugCands is how many candidates the debug log shows.
const debugCands = 8

// givenWeight is what a sentence the conversation already gave keeps of
// its score.
const givenWeight = 0.5

// given reports whether an earlier answer of the conversation holds text.
func given(text string, history []answer.Turn) bool {
	t := strings.Join(strings.Fields(text), " ")
	for _, h := range history {
		if strings.Contains(h.Answer, t) {
			return true
		}
	}
	return false
}
