package extractive

import (
	"fmt"
	"sort"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// Selections for the kinds of question that want sentences from more
// than one place: a summary, a comparison, a change between reports.

// centralOverlap is the term overlap (Jaccard) from which two sentences of
// different articles report the same thing, for a summary's count of
// reports.
const centralOverlap = 0.15

// summaryOverlap is the term overlap (Jaccard) from which a sentence tells
// what a sentence already in a summary tells.
const summaryOverlap = 0.2

// summary picks up to summarySentences central sentences from different
// articles: those that most other articles report too (the sentences most
// like theirs), weighed by how much of the question they cover and by how
// early in their article they stand (news puts the gist first); the most
// reported first.
func (e *Answerer) summary(q *query, cands []*candidate) []*candidate {
	type scored struct {
		c     *candidate
		value float64
	}
	var ss []scored
	for _, c := range cands {
		if c.s.context != nil || c.s.words < 8 {
			continue // a summary sentence stands on its own
		}
		reports := 0.0
		seen := map[string]bool{c.s.article.ID: true}
		for _, o := range cands {
			if seen[o.s.article.ID] {
				continue
			}
			if termOverlap(c.s, o.s) >= centralOverlap {
				seen[o.s.article.ID] = true
				reports++
			}
		}
		lede := 1 / (1 + float64(c.s.pos)/4)
		// Who did what: a sentence naming the actors tells more of what
		// happened than one about its significance.
		actors := 1 + 0.2*float64(min(3, len(e.peopleOf(c.s))))
		ss = append(ss, scored{c, (1 + reports) * (0.5 + c.match) * lede * actors})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].value > ss[j].value })
	var out []*candidate
	used := map[string]bool{}
	words := 0
	for _, s := range ss {
		if len(out) == summarySentences || used[s.c.s.article.ID] || words+s.c.s.words > maxAnswerWords {
			continue
		}
		dup := false
		for _, o := range out {
			// A summary tells different things: not the same report twice.
			dup = dup || termOverlap(s.c.s, o.s) >= summaryOverlap
		}
		if dup {
			continue
		}
		used[s.c.s.article.ID] = true
		words += s.c.s.words
		out = append(out, s.c)
	}
	return out
}

// compare picks, for each side of a comparison ("compare how A and B
// described the meeting"), the best sentence that has that side as its
// speaker or, failing that, names it; nil unless both sides are found.
func (e *Answerer) compare(q *query, cands []*candidate) []*candidate {
	if len(q.sides[0]) == 0 || len(q.sides[1]) == 0 {
		return nil
	}
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
			if q.speaks(side, c.s) {
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
// one side of a change between reports.
const minChangeMatch = 0.3

// changeRatio is the share of the best sentence's cover that each side of
// a change must have: a later report that shares one word with the
// question is no report of the change.
const changeRatio = 0.6

// change picks, for "how did X change from before to after", the best
// report of the earliest article and the best of the latest one that cover
// the question: the earlier and the later report, in that order.
func (e *Answerer) change(q *query, cands []*candidate) []*candidate {
	var first, last *candidate
	// Both reports are about what the question asks: each covers nearly
	// as much of it as the best sentence does.
	floor := max(minChangeMatch, changeRatio*supportOf(cands))
	for _, c := range cands {
		if c.cover < floor {
			continue
		}
		if first == nil || c.s.article.Published.Before(first.s.article.Published) ||
			c.s.article.Published.Equal(first.s.article.Published) && c.score > first.score {
			first = c
		}
		if last == nil || c.s.article.Published.After(last.s.article.Published) ||
			c.s.article.Published.Equal(last.s.article.Published) && c.score > last.score {
			last = c
		}
	}
	if first == nil || last == nil || !first.s.article.Published.Before(last.s.article.Published) {
		return nil
	}
	return []*candidate{first, last}
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
