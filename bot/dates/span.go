package dates

import (
	"strconv"
	"strings"
	"time"
)

// The rules for parts of a month, week or year ("the second half of April",
// "late April", "at the start of the month", "by the end of the week"), and
// for a day of the month without its month ("on the 14th").
var (
	partRule = rule{
		name: "part",
		need: []string{"half", "start", "beginning", "end", "middle", "close", "early", "mid", "late"},
		re: lazyRE(`(?i)\b(?:(at|in|by|before|until|till|from|since|toward|towards|around|during|on|for)\s+)?` +
			`(?:(?:the\s+)?(first|second|latter|1st|2nd)\s+half\s+of\s+|(?:the\s+)?(start|beginning|end|middle|close)\s+of\s+|(early|mid|late)[\s-]+)` +
			`(?:(the|this|next|last)\s+(week|month|year)\b|` + monthRE + `(?:,?\s+` + yearRE + `)?|` + yearRE + `)`),
		resolve:  resolvePart,
		calendar: needUnit | needMonth | needDigit,
		part:     partOf,
		keys:     []string{"half", "start", "beginning", "end", "middle", "close", "early", "mid", "late"},
		reach:    [2]int{3, 3}, // "in the first half of April 2025"
		// the week, month or year, a month or a year it is a part of
		also: []string{"relative-week", "relative-month", "relative-year", "month-day", "year"},
	}
	ordinalDayRule = around(plain("ordinal-day", digitWords,
		lazyRE(`(?i)\b(on|by|until|till|since|from|before|after)\s+the\s+(\d{1,2})(st|nd|rd|th)\b`), resolveOrdinalDay),
		2, 0, keyOrdinal)
)

// resolvePart resolves the whole that a part names: a week, month or year
// counted from the publication date ("the end of next week"), a month
// whose year the tense gives ("late April"), or a year.
func resolvePart(m []string, pub time.Time, dir Direction) (Date, bool) {
	switch {
	case m[6] != "":
		n := shift(m[5])
		switch strings.ToLower(m[6]) {
		case "week":
			return InWeek(pub.AddDate(0, 0, 7*n)), true
		case "month":
			t := time.Date(pub.Year(), pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
			return InMonth(t.Year(), t.Month()), true
		}
		return InYear(pub.Year() + n), true
	case m[7] != "":
		if m[8] != "" {
			return resolveMonthYear([]string{m[0], m[7], m[8]}, pub, dir)
		}
		return resolveMonth([]string{m[0], "", m[7]}, pub, dir)
	}
	return resolveYear([]string{m[0], m[9]}, pub, dir)
}

// partOf returns the days of d that match m names, and the name of the part.
// Early, the start and the beginning are the first third of d (days 1 to 10
// of a month, January to April of a year, Monday and Tuesday of a week);
// mid and the middle the second; late and the end the last; halves are
// halves. After "by", "before", "until" the part is a deadline (no From);
// after "since" and "from" a start (no To).
func partOf(m []string, d Date) (from, to time.Time, name string) {
	var i, n int // part i of n
	switch {
	case m[2] != "":
		n, name = 2, "first half of"
		if w := strings.ToLower(m[2]); w != "first" && w != "1st" {
			i, name = 1, "second half of"
		}
	case m[3] != "":
		n, name = 3, strings.ToLower(m[3])+" of"
		switch name {
		case "middle of":
			i = 1
		case "end of", "close of":
			i = 2
		}
	default:
		n, name = 3, strings.ToLower(m[4])
		switch name {
		case "mid":
			i = 1
		case "late":
			i = 2
		}
	}
	from, to = part(d, i, n)
	switch prep := strings.ToLower(m[1]); prep {
	case "by", "before", "until", "till":
		from = time.Time{}
		name = prep + " " + the(name)
	case "since", "from":
		to = time.Time{}
		name = prep + " " + the(name)
	}
	return from, to, name
}

// the puts "the" before a part that takes it: "the end of", not "the late".
func the(part string) string {
	if strings.HasSuffix(part, " of") {
		return "the " + part
	}
	return part
}

// part returns the first and last day of part i of n (n is 2 or 3) of d.
func part(d Date, i, n int) (from, to time.Time) {
	switch d.Precision {
	case Month:
		last := d.End().Day()
		bounds := map[int][]int{2: {1, 16, last + 1}, 3: {1, 11, 21, last + 1}}[n]
		return d.Start.AddDate(0, 0, bounds[i]-1), d.Start.AddDate(0, 0, bounds[i+1]-2)
	case Year:
		bounds := map[int][]int{2: {0, 6, 12}, 3: {0, 4, 8, 12}}[n]
		return d.Start.AddDate(0, bounds[i], 0), d.Start.AddDate(0, bounds[i+1], -1)
	case Week:
		bounds := map[int][]int{2: {0, 3, 7}, 3: {0, 2, 4, 7}}[n]
		return d.Start.AddDate(0, 0, bounds[i]), d.Start.AddDate(0, 0, bounds[i+1]-1)
	}
	return d.Start, d.End()
}

// resolveOrdinalDay resolves "on the 14th": that day of the publication
// month, or of the month before or after as the tense says.
func resolveOrdinalDay(m []string, pub time.Time, dir Direction) (Date, bool) {
	day, err := strconv.Atoi(m[2])
	if err != nil || day < 1 || day > 31 || !ordinalSuffix(day, m[3]) {
		return Date{}, false
	}
	var cands []Date
	for k := -1; k <= 1; k++ {
		t := time.Date(pub.Year(), pub.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		if day <= daysIn(t.Year(), t.Month()) {
			cands = append(cands, OnDay(t.AddDate(0, 0, day-1)))
		}
	}
	return pick(cands, pub, dir)
}

// ordinalSuffix reports whether suf is the English suffix of day: 1st,
// 2nd, 3rd, 4th, 11th, 21st.
func ordinalSuffix(day int, suf string) bool {
	want := "th"
	if day%100 < 11 || day%100 > 13 {
		switch day % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return strings.EqualFold(suf, want)
}

// ordinalFollowers are the words that may follow "on the 14th" when it is a
// date and not a rank ("on the 14th floor", "the 14th round").
var ordinalFollowers = set("", "and", "or", "but", "at", "in", "when", "as", "with", "to", "the", "a", "after",
	"before", "until", "if", "while", "of")
