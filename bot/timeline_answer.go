package bot

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/retrieval"
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
	// maxTimeEvents caps the events of one answer.
	maxTimeEvents = 3
	// citesPerEvent caps the citations shown per event in an answer.
	citesPerEvent = 2
)

var (
	// whenQ asks for the date of something.
	whenQ = regexp.MustCompile(`(?i)^\s*(?:and |so |but )?(?:when\b|(?:on|to|until|by|from|since|in)?\s*(?:what|which) (?:date|day|year|month|week)\b)`)
	// happenedQ asks what happened at a time the question names.
	happenedQ = regexp.MustCompile(`(?i)^\s*(?:and |so )?what (?:else )?(?:happened|took place|occurred|was (?:said|announced|agreed))\b`)
)

// answerFromTimeline answers a question about time ("when did ...", "what
// happened on February 17?") from the resolved dates; nil when q is not such
// a question or the timeline has no answer.
func (e *Engine) answerFromTimeline(q string) *Answer {
	var ref time.Time
	for _, a := range e.articles {
		if a.Published.After(ref) {
			ref = a.Published
		}
	}
	return answerTime(q, e.timeline(), ref, retrieval.Terms)
}

// answerTime answers time question q from events; ref is the date that
// dates without a year are read against (the newest article's).
func answerTime(q string, events []dated, ref time.Time, terms func(string) []string) *Answer {
	if len(events) == 0 {
		return nil
	}
	var picked []dated
	switch {
	case happenedQ.MatchString(q):
		picked = eventsAt(q, events, ref)
	case whenQ.MatchString(q):
		picked = eventsAbout(q, events, terms)
	}
	if len(picked) == 0 {
		return nil
	}
	return timeAnswer(picked)
}

// eventsAt returns the events at the one date q names, resolved against ref
// (a question has no date of its own): events dated within that span, no
// coarser than it, those with most sources first.
func eventsAt(q string, events []dated, ref time.Time) []dated {
	ms := dates.Find(q, ref)
	if len(ms) != 1 || ms[0].Rule == "weekday" || ms[0].Rule == "relative-day" {
		// Several dates, or one that only means something against an
		// article's date ("on Tuesday", "today"): not answered from here.
		return nil
	}
	at := ms[0].Date
	var out []dated
	for _, ev := range events {
		if ev.date.Precision <= at.Precision && at.Contains(ev.date) {
			out = append(out, ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Citations) > len(out[j].Citations) })
	if len(out) > maxTimeEvents {
		out = out[:maxTimeEvents]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].date.Start.Before(out[j].date.Start) })
	return out
}

// timeWords are question words that say "a time" rather than what happened.
const timeWords = "when date day days year month week time happen happened took take place occur occurred exactly"

// eventsAbout returns the events that contain most of what q asks about
// (its terms, weighted by rarity among the events), the best first; none
// when no event covers whenCoverage of it.
func eventsAbout(q string, events []dated, terms func(string) []string) []dated {
	skip := termSet(terms(timeWords))
	qt := map[string]bool{}
	for _, t := range terms(q) {
		if !skip[t] {
			qt[t] = true
		}
	}
	if len(qt) == 0 {
		return nil
	}
	df := map[string]int{}
	for _, ev := range events {
		for t := range qt {
			if ev.terms[t] {
				df[t]++
			}
		}
	}
	weight := func(t string) float64 { return 1 / float64(1+df[t]) }
	var total float64
	for t := range qt {
		total += weight(t)
	}
	type scored struct {
		ev    dated
		score float64
	}
	var ss []scored
	for _, ev := range events {
		var got float64
		n := 0
		for t := range qt {
			if ev.terms[t] {
				got += weight(t)
				n++
			}
		}
		if n < min(2, len(qt)) || got/total < whenCoverage {
			continue
		}
		ss = append(ss, scored{ev, got / total})
	}
	if len(ss) == 0 {
		return nil
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].score != ss[j].score {
			return ss[i].score > ss[j].score
		}
		return ss[i].ev.date.Precision < ss[j].ev.date.Precision
	})
	var out []dated
	for _, s := range ss {
		if s.score >= whenRunnerUp*ss[0].score && len(out) < maxTimeEvents {
			out = append(out, s.ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].date.Start.Before(out[j].date.Start) })
	return out
}

// timeAnswer writes the events as a short cited answer, one line each:
// "Tuesday, February 18, 2025: <text> [1][2]".
func timeAnswer(events []dated) *Answer {
	ans := &Answer{Mode: ModeExtractive}
	var lines []string
	for _, ev := range events {
		var marks strings.Builder
		for i, c := range ev.Citations {
			if i == citesPerEvent {
				break
			}
			c.N = len(ans.Citations) + 1
			ans.Citations = append(ans.Citations, c)
			fmt.Fprintf(&marks, "[%d]", c.N)
		}
		text := strings.TrimRight(ev.Text, ".…")
		lines = append(lines, fmt.Sprintf("%s: %s %s.", ev.date.Human(), text, marks.String()))
	}
	ans.Answer = strings.Join(lines, "\n")
	return ans
}
