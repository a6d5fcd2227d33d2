package extractive

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/retrieval"
)

// Selections for the kinds of question that want sentences from more
// than one place: a summary, a comparison, a change between reports.

// sameOverlap is the term overlap (Jaccard) from which a sentence tells
// what a sentence already in a summary tells. (A second threshold, 0.15,
// for two reports telling the same thing, was declared and never read.)
const sameOverlap = 0.2

// Summaries. News puts the gist first: a summary is made of the opening
// sentences of the articles (their ledes) and of the passages retrieved,
// the ones most other articles report too.
const (
	// maxArticlesRead bounds the articles one question reads through
	// rather than searches, so that its cost does not grow with the
	// corpus: the ledes a summary of the whole corpus reads ("tl;dr?"),
	// the revisions a change question looks for and the sources the
	// articles cite (of the latest articles), and the articles a word of
	// the question names, read whole ("the Courier's reports": a word that
	// names more names too many to read). The last had a bound of its own
	// until the seventy-fourth session, maxNamedArticles, 3: no answer of
	// the 108 sets moves at either value.
	maxArticlesRead = 50
	// summaryMinWords: a shorter sentence ("Marchenko was more guarded.")
	// tells too little on its own.
	summaryMinWords = 12
)

// summary picks up to summarySentences central sentences from different
// articles: those that most other articles report too (the sentences most
// like theirs), weighed by how much of the question they cover and by how
// early in their article they stand (news puts the gist first); the most
// reported first. The candidates are the retrieved sentences and the
// ledes of their articles, or, for a question that names nothing ("tl;dr?",
// "what happened?"), the ledes of the latest articles. An opinion piece's
// and a live blog's sentences weigh half (asides); a question that names
// articles ("tl;dr of the Chronicle's editorial") is summed up from them
// alone.
func (e *Answerer) summary(q *query, cands []*candidate) []*candidate {
	pool := e.withLedes(q, cands)
	whole := true // of what the articles tell: a sentence of each
	if named := q.namedArticles(); len(named) > 0 && slices.ContainsFunc(pool, func(c *candidate) bool { return slices.Contains(named, c.s.article.ID) }) {
		// "tl;dr of the Chronicle's editorial": a summary of it, from
		// its sentences alone, more than one of an article.
		pool = slices.DeleteFunc(pool, func(c *candidate) bool { return !slices.Contains(named, c.s.article.ID) })
		whole = false
	}
	idf := poolIDF(pool)
	sents := make([]*sentence, len(pool))
	for i, c := range pool {
		sents[i] = c.s
	}
	figures := sharedFigures(sents)
	type scored struct {
		c     *candidate
		value float64
		figs  int
	}
	var ss []scored
	side := q.sideTopic()
	asides := e.asides(q)
	for _, c := range pool {
		if !tellsAlone(c.s) || side && c.match == 0 {
			continue // a summary of a side topic is of the sentences that tell of it
		}
		// How much the other articles report it: for each, its sentence
		// most like this one.
		best := map[string]float64{}
		for _, o := range pool {
			if o.s.article.ID != c.s.article.ID {
				best[o.s.article.ID] = max(best[o.s.article.ID], similarity(c.s, o.s, idf))
			}
		}
		reports := 0.0
		for _, v := range best {
			reports += v
		}
		lede := 1 / (1 + float64(c.s.pos)/2)
		figs := figuresIn(c.s, figures)
		if figs >= minSharedFigures {
			// The figures of what was agreed are the gist wherever
			// they stand: such a sentence counts as if it stood third
			// in its article (a lede weight of 1/(1+2/2), which is
			// discount).
			lede = max(lede, discount)
		}
		// Who did what: a sentence naming the actors tells more of what
		// happened than one about its significance.
		actors := 1 + 0.2*float64(min(3, len(e.peopleOf(c.s))))
		// What happened, not what was to happen: a preview counts half.
		done := 1.0
		if c.s.has(fPlan) { // a preview says what is to happen ("will meet", "is set to")
			done = 0.5
		}
		// The event before the reactions to it.
		if c.s.has(fReaction) {
			done *= mildDiscount
		}
		// The reports' account before an argument or an hour's entry,
		// but for a live blog's own recap.
		if asides[c.s.article.ID] && !recaps(c.s.text) {
			done *= discount
		}
		// "the outcome", "the result": what was agreed or decided, the
		// later reports first (a deal replaces the drafts before it); a
		// sentence that tells no outcome may tell less surely.
		if q.outcome {
			if !tellsOutcome(c.s.text) {
				done *= mildDiscount
			}
			done *= 1 + finalRecency*recencyWeight*e.ageDays(c.s.article)
		}
		ss = append(ss, scored{c, reports * (0.5 + c.match) * lede * actors * done, figs})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].value > ss[j].value })
	var out []*candidate
	used := map[string]bool{}
	words, figured := 0, false
	take := func(s scored, ratio float64) bool {
		if len(out) == summarySentences || whole && used[s.c.s.article.ID] || words+s.c.s.words > maxAnswerWords+maxThenWords ||
			len(out) > 0 && s.value < ratio*ss[0].value {
			return false
		}
		for _, o := range out {
			// A summary tells different things: not the same report twice.
			if termOverlap(s.c.s, o.s) >= sameOverlap {
				return false
			}
		}
		used[s.c.s.article.ID] = true
		words += s.c.s.words
		figured = figured || s.figs >= minSharedFigures
		out = append(out, s.c)
		return true
	}
	for i, s := range ss {
		// A sentence joins a summary only if it is discount as
		// central as the first: an aside that no other article reports
		// does not.
		if take(s, discount) && i == 0 && !figured {
			// What happened, then what it came to: the best sentence
			// with the figures several reports give, if the first
			// lacks them.
			for _, f := range ss[1:] {
				if f.figs >= minSharedFigures && take(f, 0) {
					break
				}
			}
		}
	}
	if len(out) == 1 {
		// One sentence tells what happened, not where it stands: the
		// latest report's most central sentence that tells an outcome
		// or a figure, when that report is later than the first.
		var latest scored
		for _, s := range ss {
			if (tellsOutcome(s.c.s.text) || len(figuresOf(s.c.s)) > 0) && s.c.s.article.Published.After(out[0].s.article.Published) &&
				(latest.c == nil || s.c.s.article.Published.After(latest.c.s.article.Published)) {
				latest = s
			}
		}
		if latest.c != nil {
			take(latest, 0)
		}
	}
	return out
}

// asides returns the articles whose sentences a summary weighs half, for
// a question that names no article: an opinion piece argues rather than
// tells what happened, and a live blog's entries follow the hours, a
// lede of each ("11:45 Rescuers have reached ..."); the reports tell the
// whole. A question that names them ("tl;dr of the editorial") reads
// them alone anyway.
func (e *Answerer) asides(q *query) map[string]bool {
	out := map[string]bool{}
	if len(q.refers) > 0 {
		return out
	}
	for _, g := range []string{"opinion", "live"} {
		for _, id := range e.genres().genres()[g] {
			out[id] = true
		}
	}
	return out
}

// recaps reports whether a sentence calls itself a summary, as a live
// blog's recap does ("Recap: after about 19 hours ...", "A quick recap:
// police have arrested three people"): the words that ask for one
// (reSummary's first group) tell one.
func recaps(text string) bool {
	m := reSummary().FindStringSubmatch(strings.ToLower(text))
	return m != nil && m[1] != ""
}

// tellsAlone reports whether s may stand in a summary: it stands on its
// own and tells what happened. Not a sentence that leans on the one before,
// a short one, a quotation, a transcript's turn ("RENKO: On our side, 118
// homes"), a question, an interview's introduction or words to the reader.
func tellsAlone(s *sentence) bool {
	return s.context == nil && s.words >= summaryMinWords && !opensQuote(s.text) && speakerLabel(s.text) == nil &&
		!strings.HasSuffix(strings.TrimSpace(s.text), "?") && s.turn != 'Q' && !s.introducesInterview && !s.has(fToReader) &&
		!announces(s.text) && !givesContact(s.text)
}

// givesContact reports whether text tells the reader where to turn: a
// telephone number ("call 0800 441 2290": digits that open with a 0, which
// no count or year does), a web address or an e-mail address. Service
// information, not what happened.
func givesContact(text string) bool {
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:()")
		if len(w) >= 3 && w[0] == '0' && strings.Trim(w, "0123456789") == "" ||
			strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.") ||
			strings.Count(w, "@") == 1 && strings.Contains(w[strings.Index(w, "@"):], ".") {
			return true
		}
	}
	return false
}

// announces reports whether text leans on what follows it, as a press
// release's or a statement's opening does ("The Ministry has taken the
// following additional measures:", "NEB confirm the following in relation
// to the examinations."): it ends with a colon, or has "the following" for
// what comes next (a stop word or a stop after it), not before a noun
// ("the following day").
func announces(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, ":") {
		return true
	}
	ws := strings.Fields(strings.ToLower(t))
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "the" || strings.TrimRight(ws[i+1], ".:;,") != "following" {
			continue
		}
		if ws[i+1] != "following" || i+2 == len(ws) || english.IsStopWord(ws[i+2]) {
			return true
		}
	}
	return false
}

// sharedFigures returns the figures (see figuresOf) that sentences of
// more than one article give.
func sharedFigures(sents []*sentence) map[string]bool {
	arts := map[string]map[string]bool{}
	for _, s := range sents {
		for _, n := range figuresOf(s) {
			if arts[n] == nil {
				arts[n] = map[string]bool{}
			}
			arts[n][s.article.ID] = true
		}
	}
	shared := map[string]bool{}
	for n, as := range arts {
		if len(as) > 1 {
			shared[n] = true
		}
	}
	return shared
}

// reFigure finds a quantity written in digits and what follows it: "$318",
// "40 percent", "250 trucks", "€18 million"; group 1 is the number, group 2
// the word after it.
var reFigure = lazy(`(?i)(?:[$€£¥]\s?)?\b(\d[\d,.]*\d|\d)(?:\s?%|\s?(?:-|\s)([a-z]+))?`)

// figuresOf returns the quantities of s, as bare numbers ("318" for "$318"
// and "USD 318"): not its dates, clock times or years, which say when,
// not how much.
func figuresOf(s *sentence) []string {
	s.figOnce.Do(func() { s.figs = readFigures(s) })
	return s.figs
}

// readFigures reads the quantities of s for figuresOf.
func readFigures(s *sentence) []string {
	var out []string
	for _, f := range quantities(s.text) {
		out = append(out, f.n)
	}
	return out
}

// quantity is a number of a text and its unit: "%" or the word after it
// ("hours", "billion"), lower case, or "".
type quantity struct{ n, unit string }

// quantities returns the quantities of text: not its dates, clock times
// or years, which say when, not how much.
func quantities(text string) []quantity {
	var out []quantity
	var ds []dates.Mention // read on the first figure: most texts have none
	for i, m := range reFigure().FindAllStringSubmatchIndex(text, -1) {
		n := text[m[2]:m[3]]
		if i == 0 {
			ds = dates.Find(text, time.Time{})
		}
		if inDates(ds, m[2:4]) {
			continue // a year, a day of a month
		}
		if m[4] >= 0 && english.IsCalendarWord(text[m[4]:m[5]]) {
			continue // "8 May"
		}
		if p := strings.TrimRight(text[:m[0]], " "); clockBefore(p) || english.IsCalendarWord(lastWord(p)) {
			continue // "May 8", "23:40"
		}
		if m[1] < len(text) && text[m[1]] == ':' {
			continue // "23:40"
		}
		q := quantity{n: strings.TrimRight(n, ".,")}
		switch {
		case strings.HasSuffix(text[m[0]:m[1]], "%"):
			q.unit = "%"
		case m[4] >= 0:
			q.unit = strings.ToLower(text[m[4]:m[5]])
		}
		out = append(out, q)
	}
	return out
}

// figureKeys returns the quantities of text with their unit ("40%",
// "68 prisoners", "2.4 billion"): a figure a correction takes back is the
// same figure elsewhere only in the same unit.
func figureKeys(text string) []string {
	var out []string
	for _, q := range quantities(text) {
		switch q.unit {
		case "":
			out = append(out, q.n)
		case "%":
			out = append(out, q.n+"%")
		default:
			out = append(out, q.n+" "+q.unit)
		}
	}
	return out
}

// correctedBy returns the correction of s's article that takes back a
// figure s gives, or nil: the live blog's "04:10 - bondholders have
// accepted a 40% haircut" is corrected by its "05:02 - CORRECTION: Our
// 04:10 entry reported a 40% haircut, but ... the figure is 38%". A
// correction is corrected by none: it says what is right, too (itself or
// in the sentence after it).
func (s *sentence) correctedBy() *sentence {
	s.people.withdrawnOnce.Do(func() {
		for _, c := range s.all {
			if !c.has(fRetracted) {
				continue
			}
			m := reWithdrawingIndex(c.text)
			if m == nil {
				continue
			}
			// What the correction and the sentence after it give as
			// right is not withdrawn.
			right := map[string]bool{}
			for _, f := range figureKeys(c.text[:m[0]] + " " + c.text[m[1]:]) {
				right[f] = true
			}
			if n := c.sibling(1); n != nil {
				for _, f := range figureKeys(n.text) {
					right[f] = true
				}
			}
			for _, f := range figureKeys(c.text[m[0]:m[1]]) {
				if !right[f] {
					if s.people.withdrawn == nil {
						s.people.withdrawn = map[string]*sentence{}
					}
					s.people.withdrawn[f] = c
				}
			}
		}
	})
	if len(s.people.withdrawn) == 0 || s.has(fRetracted) {
		return nil
	}
	for _, f := range figureKeys(s.text) {
		if c := s.people.withdrawn[f]; c != nil {
			return c
		}
	}
	return nil
}

// setsRight reports whether a correction gives the right figure after
// the one it takes back: "Our 04:10 entry reported a 40% haircut, but the
// ministry has confirmed the figure is 38%" answers what the haircut is.
func (s *sentence) setsRight() bool {
	m := reWithdrawingIndex(s.text)
	return m != nil && len(figureKeys(s.text[m[1]:])) > 0
}

// reWithdrawingIndex returns where, in a correction, what was said wrongly
// stands, or nil: from the words that mark the correction (reRetracted:
// "Our 04:10 entry reported", "An earlier version of this article") to
// "but", a semicolon or the end ("Our 04:10 entry reported a 40% haircut,
// but the ministry has confirmed the figure is 38%").
func reWithdrawingIndex(text string) []int {
	m := reRetracted().FindStringIndex(text)
	if m == nil {
		return nil
	}
	rest := text[m[1]:]
	end := len(rest)
	if i := strings.IndexByte(rest, ';'); i >= 0 {
		end = i
	}
	lower := strings.ToLower(rest[:end])
	for _, but := range []string{" but ", " but,"} {
		if i := strings.Index(lower, but); i >= 0 && i < end {
			end = i
		}
	}
	return []int{m[1], m[1] + len(strings.TrimRight(rest[:end], ","))}
}

// clockBefore reports whether p, the text before a number, ends in the
// hour of a time of day ("23:" of "23:40"), not a label ("Votes in
// favour: 3,412").
func clockBefore(p string) bool {
	h, ok := strings.CutSuffix(p, ":")
	return ok && h != "" && h[len(h)-1] >= '0' && h[len(h)-1] <= '9'
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " (\"“")+1:]
}

// reToReader finds a sentence that speaks to the reader about the
// coverage itself ("Follow our live coverage of ...", "Welcome to our live
// blog", "Good morning from Castelvar", a guest's "Good evening, and thank
// you for having me", "The following is an edited
// transcript of ...", "We'll bring you every development here"): it tells
// nothing of the event.
var reToReader = lazy(`(?i)^(?:[^:]{1,40}: )?(?:and )?(?:good (?:morning|afternoon|evening)|thank you|thanks (?:for|again))\b|\b(follow (our|along)|welcome to|our (live )?(coverage|blog|updates)|this live blog|live updates|good (morning|afternoon|evening) from|the following (statement|update|information)|edited (transcript|for)|has been edited|here(?:'s|’s| is| are) (?:what|how|the answers|our answers|everything|the key)|your questions|(?:we'll|we will) (?:bring|keep) you|stay with us)\b`)

// greets reports whether a sentence opens with a greeting or thanks, as a
// guest's first turn does ("MARANT: Good morning, and thank you for having
// me.", "And thank you for starting with the minute's silence."): the
// first alternative of reToReader. It answers no question.
func greets(text string) bool {
	m := reToReader().FindStringSubmatchIndex(text)
	return m != nil && m[2] < 0
}

// reOutcome finds an outcome: in a question, a word for it (group 1: "the
// outcome of the talks", "the result", "what came of it"), a verb of what
// was settled (group 2: "what did they agree", "what was decided") or
// words that ask how things ended (group 3: "in the end", "finally"); in a
// sentence, what was settled ("agreed", "signed", "a deal", "the accord").
// One expression, as a question and its answer share the verbs.
var reOutcome = lazy(`(?i)\b(?:(outcomes?|results?|upshot|(?:came|come) (?:out )?of|bottom line)|(agree\w*|decid\w*)|(in the end|finally|ultimately|eventually|at the end|in the final|ended up|so far|actually)|signed|reached|resolved|settled|deal|agreement|accord)\b`)

// finalAsked reports whether the lower-case question q asks how things
// ended ("who won in the end", "what was finally agreed"; reOutcome's
// group 3).
func finalAsked(q string) bool {
	for _, m := range reOutcome().FindAllStringSubmatchIndex(q, -1) {
		if m[6] >= 0 {
			return true
		}
	}
	return false
}

// askedOutcome returns the matches of reOutcome in the lower-case question
// q that ask for an outcome: a word for it or a verb of settling, not a
// deal named ("the deal" asks about it, not what came of it).
func askedOutcome(q string) [][]string {
	var out [][]string
	for _, m := range reOutcome().FindAllStringSubmatch(q, -1) {
		if m[1] != "" || m[2] != "" {
			out = append(out, m)
		}
	}
	return out
}

// tellsOutcome reports whether the sentence text tells what was settled,
// not only that there was an outcome ("the results are due", "it finally
// ended").
func tellsOutcome(text string) bool {
	if !reOutcome().MatchString(text) {
		return false // most sentences: the cheaper test first
	}
	for _, m := range reOutcome().FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 && m[6] < 0 {
			return true
		}
	}
	return false
}

// poolIDF returns the inverse document frequency of the terms of pool's
// sentences, an article a document.
func poolIDF(pool []*candidate) map[string]float64 {
	df := map[string]map[string]bool{}
	arts := map[string]bool{}
	for _, c := range pool {
		arts[c.s.article.ID] = true
		for t := range c.s.terms {
			if df[t] == nil {
				df[t] = map[string]bool{}
			}
			df[t][c.s.article.ID] = true
		}
	}
	idf := make(map[string]float64, len(df))
	for t, as := range df {
		idf[t] = math.Log(1 + float64(len(arts))/float64(len(as)))
	}
	return idf
}

// similarity is the cosine of two sentences' term sets, each term weighed
// by its idf.
func similarity(a, b *sentence, idf map[string]float64) float64 {
	var dot, na, nb float64
	for t := range a.terms {
		w := idf[t] * idf[t]
		na += w
		if b.terms[t] > 0 {
			dot += w
		}
	}
	for t := range b.terms {
		nb += idf[t] * idf[t]
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// withLedes returns cands and the opening sentences of their articles,
// scored for q; for a question that names nothing, the opening sentences
// of the latest articles instead.
func (e *Answerer) withLedes(q *query, cands []*candidate) []*candidate {
	var ids []string
	seenID := map[string]bool{}
	if len(q.words) == 0 {
		cands = nil
	}
	for _, c := range cands {
		if id := c.s.article.ID; !seenID[id] {
			seenID[id] = true
			ids = append(ids, id)
		}
	}
	// A question that names nothing, or asks for the outcome (which the
	// latest reports tell), takes the ledes of the latest articles.
	if len(q.words) == 0 || q.outcome {
		for _, a := range e.latestArticles() {
			if !seenID[a.ID] {
				seenID[a.ID] = true
				ids = append(ids, a.ID)
			}
		}
	}
	have := map[*sentence]bool{}
	for _, c := range cands {
		have[c.s] = true
	}
	out := append([]*candidate(nil), cands...)
	for _, id := range ids {
		as := e.sentencesOf(id)
		if as == nil {
			continue
		}
		for _, s := range as.sents[:min(len(as.sents), summarySentences)] {
			if have[s] {
				continue
			}
			have[s] = true
			c := &candidate{s: s}
			e.score(q, c)
			out = append(out, c)
		}
	}
	// The sentences that give the figures several reports give, wherever
	// in their articles they stand: what the event came to is often in a
	// list or a later paragraph ("250 trucks per day", "a 52/48 split").
	var all []*sentence
	for _, id := range ids {
		if as := e.sentencesOf(id); as != nil {
			all = append(all, as.sents...)
		}
	}
	shared := sharedFigures(all)
	for _, s := range all {
		if !have[s] && figuresIn(s, shared) >= minSharedFigures {
			have[s] = true
			c := &candidate{s: s}
			e.score(q, c)
			out = append(out, c)
		}
	}
	return out
}

// minSharedFigures is how many figures other reports give too a sentence
// beyond an article's opening must give to be a candidate for a summary.
const minSharedFigures = 2

// figuresIn counts the figures of s that are in shared.
func figuresIn(s *sentence, shared map[string]bool) int {
	n := 0
	for _, f := range figuresOf(s) {
		if shared[f] {
			n++
		}
	}
	return n
}

// compare picks, for each side of a comparison ("compare how A and B
// described the meeting"), the best sentence that has that side as its
// speaker or, failing that, names it; nil unless both sides are found.
// pairSupports reports whether the best sentence of each side of a
// comparison, together, cover minSupport of the question's weight, as a
// single sentence must ("Contrast the doctor's findings on willingness to
// return with the agency's earlier survey": the doctor's 71 of 300, the
// agency's 18 per cent).
func (q *query) pairSupports(cands []*candidate) bool {
	var picks []*candidate
	for _, side := range q.sides {
		for _, c := range cands {
			if q.sideOf(side, c.s) && (len(picks) == 0 || c != picks[0]) {
				picks = append(picks, c)
				break
			}
		}
	}
	if len(picks) < 2 || q.total == 0 {
		return false
	}
	covered := 0.0
	for i, w := range q.words {
		if picks[0].covered[i] || picks[1].covered[i] {
			covered += w.IDF
		}
	}
	return covered/q.total >= minSupport
}

func (e *Answerer) compare(q *query, cands []*candidate) []*candidate {
	if len(q.sides[0]) == 0 || len(q.sides[1]) == 0 {
		return nil
	}
	if supportOf(cands) < minSupport && slices.ContainsFunc(q.words, func(w retrieval.QueryWord) bool { return !w.Known() }) && !q.pairSupports(cands) {
		// A comparison of something the articles never mention ("tarvania
		// vs meloria football score"), and little else of it: the
		// single answer, which abstains.
		return nil
	}
	if len(cands) > 0 && len(figuresOf(cands[0].s)) > 1 && q.sideOf(q.sides[0], cands[0].s) && q.sideOf(q.sides[1], cands[0].s) {
		// The best sentence has both, and figures for them ("Drevania
		// is paying 28 million, the MRHO 12 million"): it answers alone.
		return nil
	}
	amounts := q.comparesAmounts()
	var out []*candidate
	for _, side := range q.sides {
		var pick *candidate
		best := 0.0
		for _, c := range cands {
			if !q.sideOf(side, c.s) || len(out) > 0 && (c == out[0] || nearDuplicate(c.s, out[0].s)) {
				continue
			}
			// The side speaking comes first: "compare how A and B
			// described X" wants what each said.
			value := c.cover
			if q.asksSaying && q.speaks(side, c.s) {
				value++
			}
			if amounts && q.newAny(figuresOf(c.s)) {
				// "compare the sum the builder claimed with the sum the
				// court found": each side's figure.
				value++
			}
			if pick == nil || value > best {
				pick, best = c, value
			}
		}
		if pick == nil {
			return nil
		}
		out = append(out, pick)
	}
	return out
}

// comparesAmounts reports whether a comparison is of amounts: a word of
// the question outside its two sides is a noun whose commonest senses
// WordNet files as a quantity or a possession ("the number of homes",
// "the price", "the fine", "the allowance"). A comparison of what the
// sides said of an amount is one too: "the number of stuck cars kept
// changing?? what did they say at first vs later" wants the figures
// (leaving questions of speech out lost that one's facts).
func (q *query) comparesAmounts() bool {
	for i, w := range q.words {
		if slices.Contains(q.sides[0], i) || slices.Contains(q.sides[1], i) {
			continue
		}
		for _, c := range wordnet.Classes(w.Word, wordnet.Noun, commonSenses) {
			if c == "noun.quantity" || c == "noun.possession" {
				return true
			}
		}
	}
	return false
}

// sideOf reports whether sentence s speaks for, or names, every word of
// side (indexes into q.words): its speaker first.
func (q *query) sideOf(side []int, s *sentence) bool {
	for _, i := range side {
		in := func(t string) bool { return s.spk()[t] || s.terms[t] > 0 || s.described()[t] }
		if match(q.words[i], in) == 0 {
			return false
		}
	}
	return true
}

// speaks reports whether sentence s has every word of side (indexes into
// q.words) among its speakers.
func (q *query) speaks(side []int, s *sentence) bool {
	for _, i := range side {
		if match(q.words[i], func(t string) bool { return s.spk()[t] || s.described()[t] }) == 0 {
			return false
		}
	}
	return true
}

// minChangeMatch is the share of the question a report must cover to be
// one side of a change between reports: sentences that share only "the
// talks" with "how did the reported length of the talks change" tell no
// change of it. At 0.3 until the sixty-seventh session, which made 5
// answerable questions worded at length abstain; 0.2 answers 4 of them
// (0 all 5, and that question too, with two sentences of no length).
const minChangeMatch = 0.2

// change picks, for "how did X change from before to after", the best
// report of the earliest article and the best of the latest one that cover
// the question: the earlier and the later report, in that order.
func (e *Answerer) change(q *query, cands []*candidate) []*candidate {
	if !slices.ContainsFunc(q.words, func(w retrieval.QueryWord) bool { return w.IDF >= commonIDF || w.Knownness() == 0 }) {
		// "What changed between the early reports and the later ones?"
		// names nothing that changed, nor does "what changed in the
		// deal" in articles all about the deal: the revisions the
		// reports make say what.
		return e.revision()
	}
	// Both reports are about what the question asks: each covers nearly
	// as much of it as the best sentence does, and minChangeMatch of it.
	floor := max(minChangeMatch, mildDiscount*supportOf(cands))
	var eligible []*candidate
	var earliest time.Time
	for _, c := range cands {
		if c.cover < floor {
			continue
		}
		eligible = append(eligible, c)
		if earliest.IsZero() || c.s.article.Published.Before(earliest) {
			earliest = c.s.article.Published
		}
	}
	// What changes between reports is most often a figure ("three wolves
	// were missing", then "two wolves"): where both an earlier and a later
	// report give one, those reports answer.
	var counted []*candidate
	for _, c := range eligible {
		if len(c.s.counts()) > 0 {
			counted = append(counted, c)
		}
	}
	if slices.ContainsFunc(counted, func(c *candidate) bool { return c.s.article.Published.After(earliest) }) &&
		slices.ContainsFunc(counted, func(c *candidate) bool { return c.s.article.Published.Equal(earliest) }) {
		eligible = counted
	}
	// The later report: the best one after the earliest, one that revises
	// a figure if any does ("has been revised to 26", "now put at 168,000
	// records" after "about 120,000"); the earlier: the best one before
	// it.
	var first, last *candidate
	// (revisionStrength: in words, by a figure it says is wrong, or by a
	// figure in a unit the earlier reports counted in and a number they
	// did not give.)
	before := e.earlierFigures()
	revises := func(c *candidate) bool { return revisionStrength(c.s, before(c.s.article)) > 0 }
	for _, c := range eligible {
		if c.s.article.Published.After(earliest) && (last == nil || revises(c) && !revises(last) || revises(c) == revises(last) && c.score > last.score) {
			last = c
		}
	}
	if last == nil {
		return nil
	}
	for _, c := range eligible {
		if c.s.article.Published.Before(last.s.article.Published) && (first == nil || c.score > first.score) {
			first = c
		}
	}
	if first == nil {
		return nil
	}
	return []*candidate{first, last}
}

// revision returns, for a question that asks what changed between the
// reports without naming what, a revision a later report makes ("21, not
// 23 as initially reported", "cut from 180,000 tonnes to 165,000") and the
// earlier report's sentence most like it: the earlier and the later
// report, or only the revision when no earlier article tells of it. Of the
// newest articles' revisions (the first maxArticlesRead), the strongest
// wins (see revisionStrength), then the one with the most figures, then
// the later article.
func (e *Answerer) revision() []*candidate {
	arts := e.latestArticles()
	before := e.earlierFigures()
	var later *sentence
	figures := 0
	for _, a := range arts {
		as := e.sentencesOf(a.ID)
		if as == nil {
			continue
		}
		for _, s := range as.sents {
			strength := revisionStrength(s, before(a))
			if strength == 0 {
				continue
			}
			n := strength*100 + len(s.f().numbers)
			if later == nil || n > figures || n == figures && a.Published.After(later.article.Published) {
				later, figures = s, n
			}
		}
	}
	if later == nil {
		return e.firstAndLast(arts)
	}
	var pool []*candidate
	for _, a := range arts {
		if as := e.sentencesOf(a.ID); as != nil && a.Published.Before(later.article.Published) {
			for _, s := range as.sents {
				pool = append(pool, &candidate{s: s})
			}
		}
	}
	idf := poolIDF(append(pool, &candidate{s: later}))
	// The earlier report is the one with another figure for what the
	// revision counts ("42 weekly flights" for "36 weekly flights"), if
	// any; the most like it among those.
	if counted := slices.DeleteFunc(slices.Clone(pool), func(c *candidate) bool { return !otherCount(later, c.s) }); len(counted) > 0 {
		pool = counted
		// Of those, one with the figure the later article takes back ("The
		// figure of 4,300 cancelled flights ... was wrong"), if any.
		named := map[string]bool{}
		if as := e.sentencesOf(later.article.ID); as != nil {
			for _, x := range as.sents {
				for _, q := range quantities(x.text) {
					named[q.n] = true
				}
			}
		}
		if taken := slices.DeleteFunc(slices.Clone(pool), func(c *candidate) bool {
			return !slices.ContainsFunc(quantities(c.s.text), func(q quantity) bool { return named[q.n] && countsThings(q.unit) })
		}); len(taken) > 0 {
			pool = taken
		}
	}
	var earlier *candidate
	best := 0.0
	for _, c := range pool {
		if v := similarity(later, c.s, idf); v > best {
			earlier, best = c, v
		}
	}
	if earlier == nil {
		return []*candidate{{s: later}}
	}
	return []*candidate{earlier, {s: later}}
}

// otherCount reports whether s gives another number than r of something r
// counts (see countsThings): "42 weekly flights" for "36 weekly flights".
func otherCount(r, s *sentence) bool {
	for _, a := range quantities(r.text) {
		for _, b := range quantities(s.text) {
			if a.unit == b.unit && a.n != b.n && countsThings(a.unit) {
				return true
			}
		}
	}
	return false
}

// firstAndLast returns, when no report revises another, the opening
// sentence of the earliest of arts (newest first) and that of the later
// article whose opening is most like it, the later first among equals: the
// same story as first reported and as reported since ("talks are set to
// take place" / "have agreed to work towards"); nil when all are of a day.
func (e *Answerer) firstAndLast(arts []*corpus.Article) []*candidate {
	if len(arts) < 2 {
		return nil
	}
	first := e.sentencesOf(arts[len(arts)-1].ID)
	if first == nil || len(first.sents) == 0 {
		return nil
	}
	var ledes []*candidate
	for _, a := range arts {
		if as := e.sentencesOf(a.ID); as != nil && len(as.sents) > 0 {
			ledes = append(ledes, &candidate{s: as.sents[0]})
		}
	}
	idf := poolIDF(ledes)
	var last *sentence
	best := 0.0
	for _, c := range ledes { // newest first: a tie keeps the later
		if c.s.article.Published.After(first.sents[0].article.Published) {
			if v := similarity(first.sents[0], c.s, idf); last == nil || v > best {
				last, best = c.s, v
			}
		}
	}
	if last == nil {
		return nil
	}
	return []*candidate{{s: first.sents[0]}, {s: last}}
}

// reportedFigures is what the articles published before one reported:
// each number, and each unit with the numbers given in it ("households":
// "412,000").
type reportedFigures struct {
	numbers map[string]bool
	units   map[string]map[string]bool
}

// earlierFigures returns, for an article, the figures of the articles
// published before it.
func (e *Answerer) earlierFigures() func(*corpus.Article) reportedFigures {
	of := map[string][]quantity{}
	for id := range e.lib {
		if as := e.sentencesOf(id); as != nil {
			for _, s := range as.sents {
				of[id] = append(of[id], quantities(s.text)...)
			}
		}
	}
	return func(a *corpus.Article) reportedFigures {
		r := reportedFigures{numbers: map[string]bool{}, units: map[string]map[string]bool{}}
		for id, o := range e.lib {
			if !o.Published.Before(a.Published) {
				continue
			}
			for _, q := range of[id] {
				r.numbers[q.n] = true
				if q.unit != "" {
					if r.units[q.unit] == nil {
						r.units[q.unit] = map[string]bool{}
					}
					r.units[q.unit][q.n] = true
				}
			}
		}
		return r
	}
}

// revisionStrength says how surely s revises what earlier reports
// (before) said:
//   - 4: it says so, with the figure it takes back ("386,000, not 412,000
//     as it had reported earlier");
//   - 3: a change to a figure the earlier reports did not have yet ("from
//     40 vessels to 34");
//   - 2: a figure no earlier report has, for something they gave another
//     figure of ("36 weekly flights" after "42 weekly flights");
//   - 1: a word of revision ("revised", "correction");
//   - 0: none of these; a change the earlier reports already told ("to
//     rise from 400 MW to 600 MW") is no change between the reports.
func revisionStrength(s *sentence, before reportedFigures) int {
	strength := 0
	for _, m := range reRevision().FindAllStringSubmatchIndex(s.text, -1) {
		switch {
		case m[2] >= 0:
			strength = max(strength, 1)
		case m[4] >= 0:
			strength = 4
		case m[6] >= 0 && english.IsCalendarWord(s.text[m[6]:m[7]]):
			// "from 6 to 15 October": a span of days
		case len(before.numbers) == 0:
			// the first report: no change between reports yet
		default:
			if qs := quantities(s.text[m[0]:m[1]]); len(qs) > 0 && !before.numbers[qs[len(qs)-1].n] {
				strength = max(strength, 3)
			}
		}
	}
	if strength < 2 {
		for _, q := range quantities(s.text) {
			if countsThings(q.unit) && !before.numbers[q.n] && len(before.units[q.unit]) > 0 {
				return 2
			}
		}
	}
	return strength
}

// countsThings reports whether a quantity's unit (see quantity) names what
// it counts ("households", "weekly flights"), not a share, a magnitude
// ("million"), a sum of money or a word that names nothing ("of").
func countsThings(unit string) bool {
	_, magnitude := english.NumberWord(unit)
	return len(unit) > 2 && !magnitude && !english.IsStopWord(unit) && !hasMoney("1 "+unit)
}

// latestArticles returns the newest maxArticlesRead articles, newest
// first.
func (e *Answerer) latestArticles() []*corpus.Article {
	arts := make([]*corpus.Article, 0, len(e.lib))
	for _, a := range e.lib {
		arts = append(arts, a)
	}
	sort.Slice(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.After(arts[j].Published)
		}
		return arts[i].ID < arts[j].ID
	})
	return arts[:min(len(arts), maxArticlesRead)]
}

// reRevision finds a report revising an earlier one's figure or account:
// "revised", "corrected", "21, not 23 as initially reported", "has grown
// from €40 million to €46 million".
// Group 1 is a word of revision, group 2 a figure said to be wrong ("not
// 23 as initially reported", "not 412,000 as it had reported"); the last
// branch gives both figures, group 3 the word after the new one (a month
// makes it a span of days).
var reRevision = lazy(`(?i)\b(revis\w*|correct(?:ed|s|ion)|amended)\b|\b(not [\d,.]+\b[^.;]{0,30}? as (?:\w+ ){0,3}?(?:reported|stated|announced|said))|\bfrom [€$£]?\d[\d,.]*(?: [a-z]+){0,2}? to [€$£]?\d[\d,.]*(?: ([A-Za-z]+))?`)

// author answers "who wrote the Voz piece" from the articles' bylines: the
// article the question names by its outlet or title, or in a follow-up
// ("who wrote that?") the article the last answer quoted first, or every
// article; each cited by its opening sentence; an abstention when the
// article names no author.
func (e *Answerer) author(question string, history []answer.Turn) *answer.Answer {
	// The question as asked: a follow-up's rewritten search carries the
	// words of the question before it, which may name another article.
	// The words the kind's rule reads an author question by ("wrote",
	// "author", "piece") name neither an outlet nor a title.
	scaffold := kindWords(kindAuthor, strings.ToLower(kindFold.Replace(question)))
	want := map[string]bool{}
	for _, w := range english.Words(question) {
		if !english.IsStopWord(w) && !english.IsFiller(w) {
			for _, t := range english.Terms(w) {
				if !scaffold[t] {
					want[t] = true
				}
			}
		}
	}
	var arts []*corpus.Article
	best := 0
	for _, a := range e.lib {
		n := 0
		// Its outlet, title and headings: "the opinion piece" is the
		// article under "The Northgate Review - Opinion".
		for t := range termSet(a.Outlet + " " + a.Title + " " + strings.Join(a.Headings, " ")) {
			if want[t] {
				n++
			}
		}
		switch {
		case n > best:
			arts, best = []*corpus.Article{a}, n
		case n == best:
			arts = append(arts, a)
		}
	}
	if best == 0 && len(history) > 0 {
		if a := e.quotedIn(history[len(history)-1].Answer); a != nil {
			arts = []*corpus.Article{a}
			best = -1
		}
	}
	if best == 0 && len(want) > 0 {
		// The question names an article ("the press release") that no
		// outlet or title names: whoever wrote the others did not write it.
		a := e.abstain()
		a.Answer = "No article's outlet or title matches that. " + e.about()
		return a
	}
	sort.Slice(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.Before(arts[j].Published)
		}
		return arts[i].ID < arts[j].ID
	})
	ans := &answer.Answer{Mode: answer.ModeExtractive, Citations: []answer.Citation{}}
	var parts []string
	words := 0
	for _, a := range arts {
		as := e.sentencesOf(a.ID)
		if a.Author == "" || as == nil || len(as.sents) == 0 {
			continue
		}
		part := fmt.Sprintf("%s article “%s” (%s) is by %s.", theSource(a), a.Title, a.Published.Format("January 2, 2006"), a.Author)
		if words += len(strings.Fields(part)); words > maxAnswerWords && len(parts) > 0 {
			break
		}
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, e.lib.Cite(n, a.ID, as.sents[0].text))
		parts = append(parts, fmt.Sprintf("%s [%d]", part, n))
	}
	if len(parts) == 0 {
		a := e.abstain()
		a.Answer = "The articles don't name their authors"
		if len(arts) == 1 {
			a.Answer = fmt.Sprintf("%s article “%s” does not name its author", theSource(arts[0]), arts[0].Title)
		}
		a.Answer += ". " + e.about()
		return a
	}
	ans.Answer = strings.Join(parts, " ")
	return ans
}

// reCites finds the source a sentence cites: "according to AFP", "told
// Newsweek", "as Bloomberg had earlier reported", "Reuters reported".
var reCites = lazy(`\baccording to (?:the )?(` + citedName + `)|\btold (` + citedName + `)|(` + citedName + `) (?:had )?(?:earlier |first )?reported\b`)

// citedName is a name a source is cited by: capitalised words, with the
// stops of abbreviations ("AFP", "Newsweek", "U.S. National Weather
// Service").
const citedName = `[A-Z][\w&]*(?:\.[A-Z][\w&]*)*\.?(?:[ -][A-Z][\w&]*(?:\.[A-Z][\w&]*)*\.?)*`

// cited answers "which wire service keeps getting cited": the names the
// articles cite their facts to ("according to AFP", "told Newsweek"), not
// people, counted over the articles, the most cited named with the
// sentences that cite it; an abstention when the articles cite none.
func (e *Answerer) cited(q *query) *answer.Answer {
	type mention struct {
		s    *sentence
		name string
	}
	var ms []mention
	count := map[string]int{}
	ids := make([]string, 0, len(e.lib))
	for id := range e.lib {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids[:min(len(ids), maxArticlesRead)] {
		as := e.sentencesOf(id)
		if as == nil {
			continue
		}
		for _, s := range as.sents {
			people := map[string]bool{}
			for _, p := range e.peopleOf(s) {
				people[p] = true
			}
			for _, m := range reCites().FindAllStringSubmatch(s.text, -1) {
				name := strings.TrimRight(m[1]+m[2]+m[3], ".-")
				words := strings.Fields(name)
				last := strings.ToLower(words[len(words)-1])
				if people[last] || s.isPerson(last) || q.given[last] || english.IsCalendarWord(name) || english.IsStopWord(last) || e.places.is(last) {
					continue // a person, a place, a day: not a source
				}
				if len(words) == 1 && strings.ToUpper(name) != name && e.places.common(name) {
					continue // one word WordNet knows: not the name of a source
				}
				ms = append(ms, mention{s, name})
				count[name]++
			}
		}
	}
	best := ""
	for _, m := range ms {
		if best == "" || count[m.name] > count[best] {
			best = m.name
		}
	}
	if best == "" {
		return e.abstain()
	}
	var picked []*candidate
	for _, m := range ms {
		if m.name == best && len(picked) < summarySentences { // as many as a summary quotes (citedShown, 2, until the sixty-seventh session: no answer of the sets changed)
			picked = append(picked, &candidate{s: m.s})
		}
	}
	ans := e.compose(q, picked)
	times := "once"
	if n := count[best]; n > 1 {
		times = fmt.Sprintf("%d times", n)
	}
	ans.Answer = fmt.Sprintf("%s is cited most, %s: %s", best, times, ans.Answer)
	return ans
}

// quotedIn returns the article an answer quotes first: the one whose text
// holds the answer's words up to its first citation marker; nil if none.
func (e *Answerer) quotedIn(ans string) *corpus.Article {
	i := strings.Index(ans, " [")
	if i <= 0 {
		return nil
	}
	quote := ans[:i]
	if j := strings.Index(quote, ": "); j >= 0 && j < 60 {
		quote = quote[j+2:] // "Earlier (Voz, Feb 17): ..."
	}
	quote = strings.Join(strings.Fields(quote), " ")
	if len(quote) > 80 {
		quote = quote[:80]
	}
	for _, a := range e.lib {
		if strings.Contains(strings.Join(strings.Fields(a.Text), " "), quote) {
			return a
		}
	}
	return nil
}

// theSource names an article's outlet with "the" before it ("The Voz",
// "The Moscow Times", "The" for an unknown outlet), to open a sentence
// that goes on "article".
func theSource(a *corpus.Article) string {
	switch name := sourceName(a); {
	case name == "an article":
		return "The"
	case strings.HasPrefix(name, "The "):
		return name
	default:
		return "The " + name
	}
}

// About describes a corpus in a sentence, for answers that decline: how
// many articles, when they were published, and the title most like the
// others.
func About(arts []corpus.Article) string {
	if len(arts) == 0 {
		return "There are no articles loaded."
	}
	lo, hi := arts[0].Published, arts[0].Published
	for _, a := range arts {
		if a.Published.Before(lo) {
			lo = a.Published
		}
		if a.Published.After(hi) {
			hi = a.Published
		}
	}
	// The central title: the one whose terms the other titles use most.
	titles := map[string]int{} // term -> titles that have it
	for _, a := range arts {
		for t := range termSet(a.Title) {
			titles[t]++
		}
	}
	central, best := "", -1
	for _, a := range arts {
		n := 0
		for t := range termSet(a.Title) {
			n += titles[t] - 1
		}
		if n > best && a.Title != "" {
			central, best = a.Title, n
		}
	}
	when := lo.Format("January 2, 2006")
	if !hi.Equal(lo) {
		when = fmt.Sprintf("between %s and %s", lo.Format("January 2"), hi.Format("January 2, 2006"))
		if lo.Year() != hi.Year() {
			when = fmt.Sprintf("between %s and %s", lo.Format("January 2, 2006"), hi.Format("January 2, 2006"))
		}
	} else {
		when = "on " + when
	}
	articles := "articles"
	if len(arts) == 1 {
		articles = "article"
	}
	s := fmt.Sprintf("The %d %s were published %s", len(arts), articles, when)
	if len(arts) == 1 {
		s = fmt.Sprintf("The article was published %s", when)
	}
	if central != "" {
		s += fmt.Sprintf(", such as “%s”", central)
	}
	return s + "; try asking about who took part, what was agreed, or how others reacted."
}

// termSet returns the distinct terms of text.
func termSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range english.Terms(text) {
		out[t] = true
	}
	return out
}

// nextSteps picks, for "what happens next", the sentences that give dates
// after their article's own ("signing is pencilled in for 30 June" in a
// report of 13 May): the one with the most such dates, of the latest
// articles first, and one of another article that adds a date. Of a
// question that names something the corpus is not all about ("what happens
// next with the codex"), only the sentences that name it.
func (e *Answerer) nextSteps(q *query) []*candidate {
	// What the question names ("with the codex"), but the corpus's
	// topic and the event it comes after ("after the deal").
	lower := strings.ToLower(q.text)
	after := strings.Index(lower, "after ")
	var named []retrieval.QueryWord
	for _, w := range q.words {
		if at := strings.Index(lower, w.Word); w.IDF >= commonIDF && w.Knownness() > 0 && (after < 0 || at < after) {
			named = append(named, w)
		}
	}
	var pool []*sentence
	latest := e.latestArticles()
	for _, a := range latest {
		if as := e.sentencesOf(a.ID); as != nil {
			for _, s := range as.sents {
				if len(named) == 0 || slices.ContainsFunc(named, func(w retrieval.QueryWord) bool { return match(w, func(t string) bool { return s.terms[t] > 0 }) > 0 }) {
					pool = append(pool, s)
				}
			}
		}
	}
	type scored struct {
		s     *sentence
		dates map[string]bool
		value float64
	}
	var ss []scored
	for _, s := range pool {
		if s.turn == 'Q' || strings.HasSuffix(strings.TrimSpace(s.text), "?") || s.has(fRetracted) {
			continue
		}
		// Still to come for the latest report, not only for the one
		// that says it: a plan "for Tuesday" that a later report tells
		// happened is not a next step.
		after := latest[0].Published.AddDate(0, 0, 1)
		ds := map[string]bool{}
		for _, m := range dates.Find(s.text, s.article.Published) {
			if !m.Date.Start.Before(after) {
				ds[m.Date.String()] = true
			}
		}
		if len(ds) == 0 {
			continue
		}
		v := float64(min(len(ds), 3))
		if s.has(fPlan) {
			v += 0.5 // "will be signed", "is scheduled"
		}
		// The latest reports know best what is still to come.
		v *= 1 + recencyWeight*e.ageDays(s.article)
		ss = append(ss, scored{s, ds, v})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].value > ss[j].value })
	if len(ss) == 0 {
		return nil
	}
	out := []*candidate{{s: ss[0].s}}
	for _, x := range ss[1:] {
		if x.s.article.ID == ss[0].s.article.ID || ss[0].s.words+x.s.words > maxAnswerWords {
			continue
		}
		for d := range x.dates {
			if !ss[0].dates[d] {
				return append(out, &candidate{s: x.s})
			}
		}
	}
	return out
}

// sideTopic reports whether a summary question names something beside the
// event the articles report: all its words are rare in them (commonIDF).
// "what happened in dolynska" asks about a drone strike one article tells
// of, not for the talks' summary; "tl;dr of the whole harbour deal", whose
// words every report uses, for the summary.
func (q *query) sideTopic() bool {
	return len(q.words) > 0 && !slices.ContainsFunc(q.words, func(w retrieval.QueryWord) bool { return w.IDF < commonIDF })
}
