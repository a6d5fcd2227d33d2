package timeline

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// Time-question tuning, determined on the seed articles; conservative on
// purpose: a wrong date is worse than the ordinary extractive answer.
const (
	// whenCoverage is the least share of the question's terms (weighted by
	// rarity among events) that an event must contain to answer it.
	whenCoverage = 0.6
	// whenRunnerUp keeps other events that score at least this share of
	// the best one (sources that disagree, e.g. a trip that moved).
	whenRunnerUp = 0.85
	// laterCoverage: an undated sentence published after the best event's
	// reports that covers this share of the best event's score may say
	// otherwise (a plan cancelled), so the timeline does not answer.
	laterCoverage = 0.9
	// dominantReports is how many reports an event needs to answer a vague
	// question alone (with twice as many as any other that fits).
	dominantReports = 3
	// maxTimeEvents caps the events of one answer.
	maxTimeEvents = 3
	// citesPerEvent caps the citations shown per event in an answer.
	citesPerEvent = 2
)

var (
	// whenQ asks for the date of something.
	whenQ = lazyRE(`(?i)^\s*(?:and |so |but )?(?:when\b|(?:on|to|until|by|from|since|in)?\s*(?:what|which) (?:date|day|year|month|week)\b)`)
	// happenedQ asks what happened at a time the question names.
	happenedQ = lazyRE(`(?i)^\s*(?:and |so )?what (?:else )?(?:happened|took place|occurred|was (?:said|announced|agreed))\b`)
	// pastQ asks when something happened, in the past tense ("in which
	// year was the bridge opened", "when did the talks end"): a plan is no
	// answer to it.
	pastQ = lazyRE(`(?i)\b(?:did|was|were|had)\b`)
	// planQ asks about what is to happen ("when will it reopen", "when is
	// it due to"), whatever else it says in the past.
	planQ = lazyRE(`(?i)\b(?:will|shall|due|expected|scheduled|planned|going to)\b`)
	// willQ asks when something is to happen, in the future tense ("when
	// will the lifts reopen", "when is it going to open"): only a date after
	// the report that gives it answers, a plan.
	willQ = lazyRE(`(?i)\bwhen\b.*\b(?:will|shall|going to|gonna)\b`)
)

// answerTime answers time question q from events; ref is the date that
// dates without a year are read against (the newest article's); sents
// returns the sentences of the corpus published after a day (YYYY-MM-DD),
// in corpus order, or more of them, to check that no later report says
// otherwise. It is called only when an answer is a plan (an event dated
// after its reports): reading every sentence of 5,000 articles for it took
// 1.5 s.
func answerTime(q string, events []dated, sents func(after string) []plainSentence, ref time.Time, terms func(string) []string) *answer.Answer {
	if len(events) == 0 {
		return nil
	}
	var picked []dated
	switch {
	case happenedQ().MatchString(q):
		picked = eventsAt(q, events, ref, terms)
	case whenQ().MatchString(q):
		picked = eventsAbout(q, events, sents, terms)
	}
	if len(picked) == 0 {
		return nil
	}
	return timeAnswer(picked)
}

// eventsAt returns the events at the one date q names, resolved against ref
// (a question has no date of its own): events dated within that span, no
// coarser than it; those that have most of the question's other words
// first ("what happened at the mine on 3 March": the mine's, not another
// of that day's), then those with most sources. Only explicit dates count:
// "on Tuesday" or "last week" would be read against today, not the articles.
func eventsAt(q string, events []dated, ref time.Time, terms func(string) []string) []dated {
	ms := dates.Find(q, ref)
	if len(ms) != 1 {
		return nil
	}
	if !ms[0].Explicit() {
		return nil
	}
	at := ms[0].Date
	skip := termSet(terms(timeWords + " " + ms[0].Text))
	var asked []string
	for _, t := range terms(q) {
		if !skip[t] {
			asked = append(asked, t)
		}
	}
	has := func(ev dated) int {
		n := 0
		for _, t := range asked {
			if ev.textTerms[t] {
				n++
			}
		}
		return n
	}
	var out []dated
	for _, ev := range events {
		if ev.date.Precision <= at.Precision && at.Contains(ev.date) {
			out = append(out, ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := has(out[i]), has(out[j]); a != b {
			return a > b
		}
		return len(out[i].Citations) > len(out[j].Citations)
	})
	if len(out) > 0 && has(out[0]) > 0 {
		// Of what the question names, not the day's other news.
		out = slices.DeleteFunc(out, func(ev dated) bool { return has(ev) == 0 })
	}
	if len(out) > maxTimeEvents {
		out = out[:maxTimeEvents]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].date.Start.Before(out[j].date.Start) })
	return out
}

// timeWords are question words that say "a time" rather than what happened.
const timeWords = "when date day days year month week time happen happened took take place occur occurred exactly"

// whenMaxUnknown is the largest share of a question's terms that no event has
// (they are then ignored); more, and the timeline does not answer.
const whenMaxUnknown = 1.0 / 3

// eventsAbout returns the events whose clauses contain most of what q asks
// about (its terms, weighted by rarity among the events; words that name a
// kind of event count as the kind, so "invade" finds "invasion", and the
// event must be of every kind the question names), in date order. It returns none when no event covers whenCoverage of the question,
// when more than maxTimeEvents come close (the question is too vague), or
// when an undated sentence published after the best event's reports covers
// as much (plans change: "the mayor will visit on Friday", then "the mayor
// postponed the visit").
func eventsAbout(q string, events []dated, sents func(after string) []plainSentence, terms func(string) []string) []dated {
	skip := termSet(terms(timeWords))
	qt := map[string]bool{}
	for _, t := range terms(q) {
		if skip[t] {
			continue
		}
		if k, ok := eventKinds[t]; ok {
			t = kindTerm(k)
		}
		qt[t] = true
	}
	df := map[string]int{}
	for _, ev := range events {
		for t := range qt {
			if ev.textTerms[t] {
				df[t]++
			}
		}
	}
	unknown := 0
	things := thingsNamed(q)
	var acts []string // the verbs no event has, as written
	for t := range qt {
		if df[t] == 0 {
			if things[t] {
				// "when is Balan's trial": no event is a trial; an event
				// of Balan's is the answer to another question.
				return nil
			}
			unknown++
			delete(qt, t)
		}
	}
	for _, w := range english.Words(q) {
		if ts := terms(w); len(ts) == 1 && !skip[ts[0]] && eventKinds[ts[0]] == "" && df[ts[0]] == 0 && !things[ts[0]] && isVerb(w) {
			acts = append(acts, w)
		}
	}
	if len(qt) == 0 || float64(unknown) > whenMaxUnknown*float64(len(qt)+unknown) {
		return nil
	}
	weight := func(t string) float64 { return 1 / float64(df[t]) }
	// Summed in one order: floating-point sums in a map's order differ in
	// the last bit from run to run, and two events that tie would change
	// places ("when did the fire break out" answered by either).
	asked := slices.Sorted(maps.Keys(qt))
	var total float64
	for _, t := range asked {
		total += weight(t)
	}
	coverage := func(have map[string]bool) (float64, int) {
		var got float64
		n := 0
		for _, t := range asked {
			if have[t] {
				got += weight(t)
				n++
			}
		}
		return got / total, n
	}
	type scored struct {
		ev    dated
		score float64
	}
	past := pastQ().MatchString(q) && !planQ().MatchString(q)
	future := willQ().MatchString(q)
	var ss []scored
	for _, ev := range events {
		c, n := coverage(ev.textTerms)
		if n < min(2, len(qt)) || c < whenCoverage || !sameKinds(qt, ev.textTerms) {
			continue
		}
		if past && ev.date.Start.Format("2006-01-02") > newestReport(ev) {
			continue // "in which year was the bridge opened": not "will open in September 2026"
		}
		if future && ev.date.Start.Format("2006-01-02") <= newestReport(ev) {
			continue // "when will the ship sail again": not "entered service in 2019", nor what its report's day saw
		}
		ss = append(ss, scored{ev, c})
	}
	if len(ss) == 0 {
		return nil
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].score != ss[j].score {
			return ss[i].score > ss[j].score
		}
		return len(ss[i].ev.Citations) > len(ss[j].ev.Citations)
	})
	best := ss[0]
	for _, w := range acts {
		if !saysAct(w, best.ev.textTerms, terms) {
			// "when was the dam built": an event of the dam's that no
			// report says was built, nor in a word for it, is another.
			return nil
		}
	}
	newest, quoted := newestReport(best.ev), map[string]bool{}
	for _, c := range best.ev.Citations {
		quoted[c.Quote] = true
	}
	// Reported after it happened, it is not a plan that may have changed.
	if best.ev.date.Start.Format("2006-01-02") > newest {
		for _, s := range sents(newest) {
			if s.published <= newest || quoted[s.text] {
				continue
			}
			if c, _ := coverage(s.terms); c >= laterCoverage*best.score {
				return nil // a later report may say otherwise; the extractive answer shows both
			}
		}
	}
	var out []dated
	for _, s := range ss {
		if s.score >= whenRunnerUp*best.score {
			out = append(out, s.ev)
		}
	}
	if len(out) > maxTimeEvents {
		// Too vague ("when were the talks?" fits several meetings), unless
		// one event is the story's: reported far more than the others.
		sort.SliceStable(out, func(i, j int) bool { return len(out[i].Citations) > len(out[j].Citations) })
		if n := len(out[0].Citations); n < dominantReports || n < 2*len(out[1].Citations) {
			return nil
		}
		out = out[:1]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].date.Start.Before(out[j].date.Start) })
	return out
}

// newestReport returns the publication date (YYYY-MM-DD) of the newest
// report of ev.
func newestReport(ev dated) string {
	newest := ""
	for _, c := range ev.Citations {
		newest = max(newest, c.Published)
	}
	return newest
}

// thingsNamed returns the terms of the words of q that WordNet has only as
// nouns ("trial", "summit"): what the question asks the time of. A verb
// no event has ("inked") may be a way of saying what one has ("signed").
func thingsNamed(q string) map[string]bool {
	out := map[string]bool{}
	for _, w := range english.Words(q) {
		noun, verb := false, false
		for _, l := range wordnet.Lemmas(w) {
			noun = noun || l.POS == wordnet.Noun
			verb = verb || l.POS == wordnet.Verb
		}
		if noun && !verb && !english.IsStopWord(w) {
			out[english.Term(w)] = true
		}
	}
	return out
}

// sameKinds reports whether the event has every kind of event the question
// names: "when will they meet" wants a meeting, not a phone call about one.
func sameKinds(q, ev map[string]bool) bool {
	for t := range q {
		if strings.HasPrefix(t, "#") && !ev[t] {
			return false
		}
	}
	return true
}

// timeAnswer writes the events as a short cited answer, a line a date:
// "Tuesday, February 18, 2025: <text> [1][2]; <text> [3]."
func timeAnswer(events []dated) *answer.Answer {
	ans := &answer.Answer{Mode: answer.ModeExtractive}
	var lines []string
	for i := 0; i < len(events); {
		d := events[i].date
		var parts []string
		for ; i < len(events) && events[i].date == d; i++ {
			var marks strings.Builder
			for j, c := range events[i].Citations {
				if j == citesPerEvent {
					break
				}
				c.N = len(ans.Citations) + 1
				ans.Citations = append(ans.Citations, c)
				fmt.Fprintf(&marks, "[%d]", c.N)
			}
			parts = append(parts, strings.TrimRight(events[i].Text, ".…; ")+" "+marks.String())
		}
		lines = append(lines, d.Human()+": "+strings.Join(parts, "; ")+".")
	}
	ans.Answer = strings.Join(lines, "\n")
	return ans
}

// isVerb reports whether WordNet has w as a verb.
func isVerb(w string) bool {
	for _, l := range wordnet.Lemmas(w) {
		if l.POS == wordnet.Verb {
			return true
		}
	}
	return false
}

// saysAct reports whether an event's terms have the verb w in another
// word: a synonym, a derived form or a more general verb of one of its two
// commonest senses as a verb ("inked": signed).
func saysAct(w string, have map[string]bool, terms func(string) []string) bool {
	for _, r := range wordnet.RelatedIn(w, 2, nil) {
		if r.From.POS != wordnet.Verb || r.Kind != wordnet.Synonym && r.Kind != wordnet.Derived && r.Kind != wordnet.Hypernym {
			continue
		}
		for _, t := range terms(r.Lemma) {
			if have[t] {
				return true
			}
		}
	}
	return false
}
