// Package dates finds the date expressions of a sentence of news text and
// resolves them against the article's publication date: explicit dates
// ("February 16", "March 10", "February 2022", "in 2018"), weekdays ("on
// Tuesday", "last Sunday"), and relative phrases ("last week", "today",
// "overnight", "earlier this month"). The direction of a bare weekday or a
// date without its year comes from the tense around it ("will meet on
// Tuesday" looks forward, "said on Monday" looks back). Each resolved date
// carries a precision (day, ISO week, month or year) that never claims more
// than the text gives.
//
// A mention also says which part of its date the text names ("late April",
// "the second half of April", "by the end of the week": Mention.From, To,
// Part, Human), how the sentence states the event (Mention.Mood: a fact, a
// plan, a possibility, a condition, or what did not or would not happen,
// Mention.Hypothetical), and, for "two days later" or "the next day", the
// date it counts from (Mention.Anchor; FindIn looks for it in the sentence
// before as well). Modals and conditions look ahead ("could take place as
// early as Wednesday"); a plan that had been made looks back ("had been due
// to finish on Wednesday"). A live blog's time stamps ("11:40 —") are of its
// day.
//
// The package is pure: no clock, no I/O, no state.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how much of a date the text gives, from finest to coarsest.
type Precision int

// The precisions, finest first.
const (
	Day Precision = iota
	Week
	Month
	Year
)

// String returns "day", "week", "month" or "year".
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return fmt.Sprintf("Precision(%d)", int(p))
}

// Date is a span of days named by its first day and its precision: a day, an
// ISO week (Monday to Sunday), a month or a year.
type Date struct {
	Start     time.Time // first day of the span, UTC midnight
	Precision Precision
}

// OnDay returns the day of t.
func OnDay(t time.Time) Date { return Date{Start: midnight(t), Precision: Day} }

// InWeek returns the ISO week (Monday to Sunday) that contains t.
func InWeek(t time.Time) Date {
	t = midnight(t)
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return Date{Start: t.AddDate(0, 0, -back), Precision: Week}
}

// InMonth returns the month of year y.
func InMonth(y int, m time.Month) Date {
	return Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: Month}
}

// InYear returns the year y.
func InYear(y int) Date {
	return Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.Start.IsZero() }

// End returns the last day of the span (UTC midnight).
func (d Date) End() time.Time {
	switch d.Precision {
	case Week:
		return d.Start.AddDate(0, 0, 6)
	case Month:
		return d.Start.AddDate(0, 1, -1)
	case Year:
		return d.Start.AddDate(1, 0, -1)
	}
	return d.Start
}

// Contains reports whether the span of o lies within the span of d.
func (d Date) Contains(o Date) bool {
	return !o.Start.Before(d.Start) && !o.End().After(d.End())
}

// Overlaps reports whether the span of d meets [from, to]; a zero bound is
// open.
func (d Date) Overlaps(from, to time.Time) bool {
	if !from.IsZero() && d.End().Before(midnight(from)) {
		return false
	}
	if !to.IsZero() && d.Start.After(midnight(to)) {
		return false
	}
	return true
}

// String writes d to its precision: 2025-02-18 (day), 2025-W07 (ISO week),
// 2025-02 (month), 2018 (year).
func (d Date) String() string {
	switch d.Precision {
	case Week:
		y, w := d.Start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return d.Start.Format("2006-01")
	case Year:
		return d.Start.Format("2006")
	}
	return d.Start.Format("2006-01-02")
}

// Human writes d for people: "Tuesday, February 18, 2025", "the week of
// February 10, 2025", "February 2022", "2018".
func (d Date) Human() string {
	switch d.Precision {
	case Week:
		return "the week of " + d.Start.Format("January 2, 2006")
	case Month:
		return d.Start.Format("January 2006")
	case Year:
		return d.Start.Format("2006")
	}
	return d.Start.Format("Monday, January 2, 2006")
}

// Parse reads a date written as String writes it: 2025-02-18, 2025-W07,
// 2025-02 or 2018.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return OnDay(t), nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return InMonth(t.Year(), t.Month()), nil
	}
	if y, w, ok := strings.Cut(strings.ToUpper(s), "-W"); ok {
		year, err1 := strconv.Atoi(y)
		week, err2 := strconv.Atoi(w)
		if err1 == nil && err2 == nil && len(y) == 4 && len(w) == 2 && week >= 1 && week <= 53 {
			if d, ok := isoWeek(year, week); ok {
				return d, nil
			}
		}
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y > 0 {
			return InYear(y), nil
		}
	}
	return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY", s)
}

// isoWeek returns ISO week w of ISO year y, if it exists.
func isoWeek(y, w int) (Date, bool) {
	// January 4 is always in week 1.
	d := InWeek(time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC))
	d.Start = d.Start.AddDate(0, 0, 7*(w-1))
	if yy, ww := d.Start.ISOWeek(); yy != y || ww != w {
		return Date{}, false
	}
	return d, true
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
