package dates

import (
	"strings"
	"time"
)

// The rules for dates counted from another date of the text: "two days
// later", "six months later", "a day earlier", "the next day", "the
// following week", "the day before", "later that day". Each counts from the
// last date before it in its sentence, or else in the sentence before (see
// FindIn), never from the publication date.
var (
	countNumRE = `(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`
	laterRule  = rule{
		name:     "later",
		need:     []string{"later", "earlier", "before", "after", " on"},
		calendar: needUnit,
		re:       lazyRE(`(?i)\b` + countNumRE + `\s+(day|week|month|year)s?\s+(later|earlier|on|before|after)\b`),
		anchored: resolveLater,
		keys:     []string{"day", "days", "week", "weeks", "month", "months", "year", "years"},
		reach:    [2]int{1, 1},
	}
	nextDayRule = rule{
		name:     "next-day",
		need:     []string{"next", "following", "previous", "preceding", "same", "before", "after", "that"},
		calendar: needUnit,
		re: lazyRE(`(?i)\b(?:the\s+(next|following|previous|preceding|same)\s+(day|morning|afternoon|evening|night)|` +
			`the\s+(following|previous|preceding|same)\s+(week|weekend|month|year)|` +
			`the\s+(day|night|week|month|year)\s+(before|after)|` +
			`(later|earlier)\s+that\s+(day|morning|afternoon|evening|night|week|month|year)|` +
			`that\s+(?:same\s+)?(day|morning|afternoon|evening|night))\b`),
		anchored: resolveNextDay,
		keys:     []string{"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year"},
		reach:    [2]int{2, 1}, // "later that same day", "the day before"
	}
)

// resolveLater resolves "two days later" and "a day earlier" from anchor.
func resolveLater(m []string, anchor Mention) (Date, bool) {
	n, ok := count(m[1])
	if !ok {
		return Date{}, false
	}
	switch strings.ToLower(m[3]) {
	case "earlier", "before":
		n = -n
	}
	return shiftFrom(anchor.Date, n, m[2])
}

// resolveNextDay resolves "the next day", "the following week", "the day
// before", "later that day" from anchor.
func resolveNextDay(m []string, anchor Mention) (Date, bool) {
	step := func(w string) int {
		switch strings.ToLower(w) {
		case "next", "following", "after":
			return 1
		case "previous", "preceding", "before":
			return -1
		}
		return 0 // same, later that, earlier that
	}
	switch {
	case m[2] != "":
		return shiftFrom(anchor.Date, step(m[1]), m[2])
	case m[4] != "":
		return shiftFrom(anchor.Date, step(m[3]), m[4])
	case m[5] != "":
		return shiftFrom(anchor.Date, step(m[6]), m[5])
	case m[8] != "":
		return shiftFrom(anchor.Date, 0, m[8])
	}
	return shiftFrom(anchor.Date, 0, m[9])
}

// shiftFrom returns the date n units after a: days need a day, weeks a day
// or a week, months and years a month or finer (a year from a day is the
// month a year later: "a year later" says the month, seldom the day).
func shiftFrom(a Date, n int, unit string) (Date, bool) {
	switch strings.ToLower(unit) {
	case "day", "morning", "afternoon", "evening", "night":
		if a.Precision != Day {
			return Date{}, false
		}
		return OnDay(a.Start.AddDate(0, 0, n)), true
	case "week", "weekend":
		if a.Precision > Week {
			return Date{}, false
		}
		return InWeek(a.Start.AddDate(0, 0, 7*n)), true
	case "month":
		if a.Precision > Month {
			return Date{}, false
		}
		t := time.Date(a.Start.Year(), a.Start.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return InMonth(t.Year(), t.Month()), true
	}
	if a.Precision == Year {
		return InYear(a.Start.Year() + n), true
	}
	if a.Precision == Week {
		return Date{}, false
	}
	t := time.Date(a.Start.Year()+n, a.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	return InMonth(t.Year(), t.Month()), true
}

// count reads a small count: "a", "two", "12".
func count(s string) (int, bool) {
	if n, ok := numbers[strings.ToLower(s)]; ok {
		return n, true
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = 10*n + int(r-'0')
	}
	return n, n > 0
}
