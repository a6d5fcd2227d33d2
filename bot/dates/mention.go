package dates

import (
	"strings"
	"time"
)

// Mood is how a sentence states the event that a date expression dates: as
// a fact, a plan, a possibility, under a condition, or as something that
// did not or would not happen. The timeline keeps the first four and drops
// what Hypothetical reports.
type Mood int

// The moods, from the most to the least certain.
const (
	// Factual: stated as happening or having happened ("met on Monday").
	Factual Mood = iota
	// Planned: a future or planned event ("will meet on Tuesday", "is due
	// to open on March 24", "is scheduled to", "plans to", "is set to",
	// "is expected to", "said it would").
	Planned
	// Possible: a possibility ("could take place as early as Wednesday",
	// "may", "might").
	Possible
	// Conditional: an event under an open condition that the text expects
	// to hold ("if the weather holds, on Monday ...", "... on Monday
	// unless talks fail").
	Conditional
	// Unreal: a scenario the text does not expect, an alternative or a
	// hypothesis ("if the talks fail, sanctions return on Monday", "a
	// collapse would reverse the gains overnight").
	Unreal
	// Counterfactual: a plan or possibility that did not happen ("had been
	// due to finish on Wednesday", "would have met on Monday").
	Counterfactual
)

// String returns "factual", "planned", "possible", "conditional", "unreal"
// or "counterfactual".
func (m Mood) String() string {
	switch m {
	case Planned:
		return "planned"
	case Possible:
		return "possible"
	case Conditional:
		return "conditional"
	case Unreal:
		return "unreal"
	case Counterfactual:
		return "counterfactual"
	}
	return "factual"
}

// Span returns the days that m covers: From and To where the expression
// names a part of its Date ("late April"), else the whole of Date. A bound
// the text leaves open ("by the end of June" has no start) is the bound of
// Date.
func (m Mention) Span() (from, to time.Time) {
	from, to = m.Date.Start, m.Date.End()
	if !m.From.IsZero() {
		from = m.From
	}
	if !m.To.IsZero() {
		to = m.To
	}
	return from, to
}

// Human writes the date of m for people, with the part of it that the text
// names: "late April 2025", "second half of April 2025", "by the end of
// June 2025", "end of the week of March 24, 2025"; without a part, as
// Date.Human.
func (m Mention) Human() string {
	switch {
	case m.Part == "":
		return m.Date.Human()
	case strings.HasSuffix(m.Part, "mid"):
		return m.Part + "-" + m.Date.Human() // "mid-May 2025", "by mid-May 2025"
	}
	return m.Part + " " + m.Date.Human()
}

// Explicit reports whether the expression gives its date itself, not only
// with the day of the article: a day and a month ("14 March", "Oct. 16"),
// a month and a year ("March 2023", "late April 2025") or a year ("in
// 2019"); not a weekday, "yesterday", "last week", "the 14th" or "three
// days ago", which count from the article's day.
func (m Mention) Explicit() bool {
	switch m.Rule {
	case "month-day", "day-month", "month-year", "year":
		return true
	case "part":
		return strings.ContainsAny(m.Text, "0123456789")
	}
	return false
}
