package dates

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/talksbot/talksbot/corpus/english"
)

// Mention is one date expression of a sentence and the date it resolves to.
type Mention struct {
	Start, End int    // byte offsets of the expression in the sentence
	Text       string // the expression as written, with its preposition ("on Tuesday")
	Date       Date
	// Direction is the tense found around the expression; it decides bare
	// weekdays and dates without a year.
	Direction Direction
	Rule      string // the rule that matched, e.g. "weekday", "month-day"

	// From and To are the days the expression covers when it names a part
	// of Date ("the second half of April": April 16 to 30, "late April":
	// April 21 to 30); zero when it names all of Date. A deadline ("by the
	// end of June") leaves From zero, a start ("since the start of the
	// month") leaves To zero. Date, and so its String, keeps the precision
	// of the whole (2025-04).
	From, To time.Time
	// Part is the part of Date the expression names, as people write it:
	// "early", "mid", "late", "first half of", "second half of", "start
	// of", "middle of", "end of", "by the end of", "before the end of".
	// Empty when it names all of Date. Human writes it.
	Part string

	// Mood is how the sentence states the event: fact, plan, possibility,
	// condition, or what did not or would not happen.
	Mood Mood
	// Hypothetical is true when the event is not stated as happening at
	// all (Mood Unreal or Counterfactual): "a collapse would reverse the
	// gains overnight", "if the talks fail, ... on Monday", "had been due
	// to finish on Wednesday". A timeline drops these.
	Hypothetical bool

	// Anchor is, for an expression that counts from another date of the
	// text ("two days later", "the next day"), the Text of the mention it
	// counts from; empty when it counts from the publication date.
	Anchor string
}

// rule finds one kind of expression and resolves it.
type rule struct {
	name string
	// need lists words of which a sentence must contain one (lower case)
	// for the rule to be tried: a cheap filter before the expression.
	need []string
	// calendar lists the calendar words (needMonth, needWeekday, needUnit,
	// needDigit) of which the sentence must contain one for the rule to be
	// tried; 0 for no such test.
	calendar int
	re       func() *regexp.Regexp
	// keys are the words (lower case, or keyYear or keyOrdinal) of which
	// every match holds one, and reach how many words a match may take
	// before and after it: the expression runs only around them (see
	// windowMatches). No keys: it runs on the whole sentence.
	keys  []string
	reach [2]int
	// digit says that every match holds a digit, and also names rules of
	// which every match holds a key word: a stretch around the key words
	// without them is not searched (see mayHoldMatch).
	digit bool
	also  []string
	// resolve returns the date of match m (submatch strings, m[0] the
	// whole); dir is the tense around the match.
	resolve func(m []string, pub time.Time, dir Direction) (Date, bool)
	// part, if set, returns the part of the resolved date d that match m
	// names (see Mention.From, To and Part).
	part func(m []string, d Date) (from, to time.Time, name string)
	// anchored, if set, replaces resolve: the expression counts from
	// another mention of the text, anchor, the last one before it.
	anchored func(m []string, anchor Mention) (Date, bool)
}

// Calendar words a rule needs in its sentence (rule.calendar): a cheaper
// test than its expression, and a stricter one than its need words ("mar"
// is in "market", "day" in "today").
const (
	needMonth = 1 << iota
	needWeekday
	needUnit  // day, week, month, year and their parts, as words
	needDigit // a digit
)

// calendarWords maps the lower-case names of months (whole and
// abbreviated, as english.Month reads them) and weekdays to needMonth or
// needWeekday.
var calendarWords = func() map[string]int {
	m := map[string]int{}
	for mo := time.January; mo <= time.December; mo++ {
		for _, w := range []string{strings.ToLower(mo.String()), strings.ToLower(mo.String()[:3]), "sept"} {
			if got, ok := english.Month(w); ok && got == mo || w == "sept" {
				m[w] = needMonth
			}
		}
	}
	for _, w := range []string{"day", "days", "week", "weeks", "weekend", "weekends", "month", "months", "year", "years",
		"morning", "afternoon", "evening", "night"} {
		m[w] = needUnit
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w := strings.ToLower(d.String()); english.IsCalendarWord(w) {
			m[w] = needWeekday
		}
	}
	return m
}()

// calendarFirst has bit c-'a' set for the first letter c of every calendar
// word: most words are no calendar word by their first letter alone.
var calendarFirst = firstLetters(calendarWords)

// firstLetters returns the first letters a to z of the keys of m, as bits.
func firstLetters[V any](m map[string]V) uint32 {
	var bits uint32
	for w := range m {
		if c := w[0]; c >= 'a' && c <= 'z' {
			bits |= 1 << (c - 'a')
		}
	}
	return bits
}

// calendarIn returns the calendar words (needMonth, needWeekday, needUnit)
// and digits (needDigit) that lower, a lower-case sentence, contains.
func calendarIn(lower string) int {
	cal := 0
	for start := 0; start < len(lower); {
		for start < len(lower) && (lower[start] < 'a' || lower[start] > 'z') {
			if lower[start] >= '0' && lower[start] <= '9' {
				cal |= needDigit
			}
			start++
		}
		end := start
		for end < len(lower) && lower[end] >= 'a' && lower[end] <= 'z' {
			end++
		}
		if n := end - start; n >= 3 && n <= 9 && calendarFirst&(1<<(lower[start]-'a')) != 0 {
			cal |= calendarWords[lower[start:end]]
		}
		start = end
	}
	return cal
}

// onlyWith is plain for a rule that needs calendar words cal.
func onlyWith(cal int, name string, need []string, re func() *regexp.Regexp, resolve func([]string, time.Time, Direction) (Date, bool)) rule {
	r := plain(name, need, re, resolve)
	r.calendar = cal
	return r
}

// around is r run only around its key words keys, reaching before and
// after words before and after them (see rule.keys).
func around(r rule, before, after int, keys ...string) rule {
	r.keys, r.reach = keys, [2]int{before, after}
	return r
}

// withDigit is r, of which every match holds a digit (see rule.digit).
func withDigit(r rule) rule {
	r.digit = true
	return r
}

// plain is a rule that resolves against the publication date alone.
func plain(name string, need []string, re func() *regexp.Regexp, resolve func([]string, time.Time, Direction) (Date, bool)) rule {
	return rule{name: name, need: need, re: re, resolve: resolve}
}

const (
	monthRE   = `((?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))`
	weekdayRE = `(` + english.WeekdayPattern + `)`
	prepRE    = `(?:(?:on|by|until|till|since|from|before|after|in|during|of|through|around|as of)\s+)?`
	dayNumRE  = `(\d{1,2})(?:st|nd|rd|th)?\b`
	yearRE    = `((?:1[89]|20|21)\d{2})\b`
)

var (
	// monthKeys and weekdayKeys are the key words (see rule.keys) of the
	// rules of months and weekdays: the words monthRE and weekdayRE match,
	// in lower case.
	monthKeys = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}
	weekdayKeys = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

	monthWords   = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	digitWords   = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	weekdayWords = []string{"day"}
)

var rules = []rule{
	// Parts first: "late April 2025" is a part of a month before it is a
	// month.
	partRule,
	// The reach of each rule (see rule.keys) is the most words its
	// expression allows before and after its key word: "as of March 3,
	// 2025" takes two before the month and two after.
	withDigit(around(onlyWith(needMonth, "month-day", monthWords, lazyRE(`(?i)\b`+prepRE+monthRE+`\s+`+dayNumRE+`(?:,?\s+`+yearRE+`)?`), resolveMonthDay(1, 2, 3)),
		2, 2, monthKeys...)),
	withDigit(around(onlyWith(needMonth, "day-month", monthWords, lazyRE(`(?i)\b`+prepRE+`(?:the\s+)?`+dayNumRE+`\s+(?:of\s+)?`+monthRE+`(?:,?\s+`+yearRE+`)?`), resolveMonthDay(2, 1, 3)),
		5, 1, monthKeys...)),
	withDigit(around(onlyWith(needMonth, "month-year", monthWords, lazyRE(`(?i)\b`+prepRE+`(?:(?:early|mid|late)[\s-]+)?`+monthRE+`,?\s+`+yearRE), resolveMonthYear),
		3, 1, monthKeys...)),
	around(onlyWith(needMonth, "month", monthWords, lazyRE(`(?i)\b(?:(?:in|since|by|until|till|before|after|from|during|through)\s+|(?:early|mid|late)[\s-]+|((?:earlier |later )?(?:last|next|this))\s+)`+monthRE), resolveMonth),
		2, 0, monthKeys...),
	around(plain("year", digitWords, lazyRE(`(?i)\b(?:(?:in|since|by|until|till|before|after|from|of|during|around|early|late|mid)[\s-]+)?`+yearRE), resolveYear),
		1, 0, keyYear),
	around(onlyWith(needWeekday, "weekday", weekdayWords, lazyRE(`(?i)\b(?:(last|next|this|this past|past|coming|on|earlier on|later on|early on|late on|by|until|since)\s+)?`+weekdayRE+`(?:'s|’s)?\b(?:\s+(?:morning|afternoon|evening|night))?`), resolveWeekday),
		2, 2, weekdayKeys...),
	around(plain("relative-day", []string{"today", "tonight", "yesterday", "tomorrow", "overnight", "night", "morning", "afternoon", "evening"}, lazyRE(`(?i)\b(today|tonight|yesterday|tomorrow|overnight|last night|this morning|this afternoon|this evening|earlier today|later today)\b(?:'s|’s)?`), resolveRelativeDay),
		1, 1, "today", "tonight", "yesterday", "tomorrow", "overnight", "night", "morning", "afternoon", "evening"),
	around(plain("relative-week", []string{"week"}, lazyRE(`(?i)\b(?:(?:earlier|later)\s+)?(last|this|next)\s+(week|weekend)\b(?:'s|’s)?`), resolveRelativeWeek),
		2, 1, "week", "weekend"),
	around(plain("relative-month", []string{"month"}, lazyRE(`(?i)\b(?:(?:earlier|later)\s+)?(last|this|next)\s+month\b(?:'s|’s)?`), resolveRelativeMonth),
		2, 1, "month"),
	around(plain("relative-year", []string{"year"}, lazyRE(`(?i)\b(?:(?:earlier|later)\s+)?(last|this|next)\s+year\b(?:'s|’s)?`), resolveRelativeYear),
		2, 1, "year"),
	around(plain("ago", []string{"ago"}, lazyRE(`(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month|year)s?\s+ago\b`), resolveAgo),
		2, 0, "ago"),
	ordinalDayRule,
	laterRule,
	nextDayRule,
	clockRule,
}

// Find returns the date expressions of sentence, resolved against pub, the
// publication date of the article it comes from, in text order.
// Expressions that overlap are resolved once, the longest winning. An
// expression that counts from another date ("two days later") counts from
// the last date before it in the sentence, and is left out when there is
// none; FindIn also looks in the sentence before.
func Find(sentence string, pub time.Time) []Mention {
	var fold []byte
	return find(sentence, midnight(pub), nil, &fold)
}

// FindIn returns the date expressions of each of sentences, consecutive
// sentences of one article published on pub: out[i] holds those of
// sentences[i], as Find returns them. Unlike Find, an expression that
// counts from another date ("two days later", "the next day", "a day
// earlier", "the following week") finds that date in the sentence before
// when its own sentence has none before it.
func FindIn(sentences []string, pub time.Time) [][]Mention {
	pub = midnight(pub)
	out := make([][]Mention, len(sentences))
	var prev []Mention
	var fold []byte // room for a folded sentence, for all of them
	for i, s := range sentences {
		out[i] = find(s, pub, prev, &fold)
		prev = out[i]
	}
	return out
}

// cand is a match of a rule in a sentence.
type cand struct {
	start, end, order int
	m                 []string
}

// find is Find with the mentions of the sentence before, prev, as anchors;
// fold is room for the sentence folded (see foldedRE), kept for the next.
func find(sentence string, pub time.Time, prev []Mention, fold *[]byte) []Mention {
	var cands []cand
	var wbuf [64]span
	var kbuf [64]uint32
	ws := wordsOf(sentence, wbuf[:0], kbuf[:0])
	if ws.all == 0 && !ws.whole && !strings.ContainsAny(sentence, "0123456789") {
		// Without a key word, only the rules without any may match, and
		// each needs a digit (TestKeylessRulesNeedADigit): most sentences
		// end here.
		return nil
	}
	var lbuf [512]byte
	lower := asciiLower(sentence, lbuf[:0])
	cal := calendarIn(lower)
	// The sentence with its ASCII letters in lower case, byte for byte
	// where they are, for the windowed expressions (see foldedRE); made
	// when one first runs, in memory of fold's (the expressions keep their
	// text, so lbuf would leave the stack).
	folded := ""
	for i, r := range rules {
		if !ws.mayMatch(i) || r.calendar != 0 && r.calendar&cal == 0 || !containsAny(lower, r.need) {
			continue
		}
		if folded == "" && ws.windowed(i) {
			*fold = append((*fold)[:0], sentence...)
			folded = foldASCII(sentence, *fold)
		}
		for _, loc := range ws.matches(i, sentence, folded) {
			m := make([]string, len(loc)/2)
			for j := range m {
				if loc[2*j] >= 0 {
					m[j] = sentence[loc[2*j]:loc[2*j+1]]
				}
			}
			cands = append(cands, cand{loc[0], loc[1], i, m})
		}
	}
	// Longest first among overlapping candidates; then in text order, the
	// longer first, then in the order of the rules.
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(
			cmp.Compare(b.end-b.start, a.end-a.start),
			cmp.Compare(a.start, b.start),
			cmp.Compare(b.end, a.end),
			cmp.Compare(a.order, b.order))
	})
	var out []Mention
	var later []cand // anchored expressions, resolved once the others are
	taken := func(s, e int) bool {
		for _, o := range out {
			if s < o.End && o.Start < e {
				return true
			}
		}
		for _, o := range later {
			if s < o.end && o.start < e {
				return true
			}
		}
		return false
	}
	for _, c := range cands {
		r := &rules[c.order]
		if taken(c.start, c.end) || !plausible(sentence, c.start, c.end, r.name, c.m) {
			continue
		}
		if r.anchored != nil {
			later = append(later, c)
			continue
		}
		dir := tense(sentence, c.start, c.end, r.name == "month" || r.name == "part")
		d, ok := r.resolve(c.m, pub, dir)
		if !ok {
			continue
		}
		out = append(out, mention(sentence, pub, c, d, dir, fold)) // (done with folded)
	}
	// (No two mentions start together: they do not overlap.)
	slices.SortFunc(out, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	out = resolveAnchored(sentence, pub, later, out, prev, fold)
	return dropClock(dropAppositiveWeekday(sentence, out))
}

// dropAppositiveWeekday drops a weekday that only names the day of the
// date after it ("Thursday, 10 April: talks open", "on Thursday, March 20"):
// one day, which the date says. Resolved on its own, the weekday would be
// the nearest Thursday to the article's day, another day.
func dropAppositiveWeekday(sentence string, ms []Mention) []Mention {
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.Rule == "weekday" && (b.Rule == "month-day" || b.Rule == "day-month") && strings.Trim(sentence[a.End:b.Start], ", ") == "" {
			ms[i+1].Date = onWeekday(b, a)
			ms = slices.Delete(ms, i, i+1)
			i--
		}
	}
	return ms
}

// onWeekday returns the date of day, a date without its year, in the year
// next to the one read whose calendar has it on the weekday wd names, if
// the year read does not ("until at least Saturday 19 July", read forward
// from 21 July 2025, is 19 July 2025, not 2026); day's own date otherwise.
func onWeekday(day, wd Mention) Date {
	d := day.Date.Start
	w, ok := english.Weekday(strings.TrimSuffix(strings.TrimSuffix(strings.Trim(lastWord(strings.TrimSpace(wd.Text)), ",.;:()"), "'s"), "’s"))
	if !ok || d.Weekday() == w || hasYear(day.Text) || day.Date.Precision != Day {
		return day.Date
	}
	for _, y := range []int{d.Year() - 1, d.Year() + 1} {
		if o := time.Date(y, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC); o.Day() == d.Day() && o.Weekday() == w {
			return OnDay(o)
		}
	}
	return day.Date
}

// hasYear reports whether s writes a year: four digits in a row.
func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			run = 0
			continue
		}
		if run++; run == 4 {
			return true
		}
	}
	return false
}

// mention is the Mention of candidate c resolved to d; a plan dated
// before the publication day is told as a fact. buf is room for moodOf.
func mention(sentence string, pub time.Time, c cand, d Date, dir Direction, buf *[]byte) Mention {
	r := &rules[c.order]
	m := Mention{Start: c.start, End: c.end, Text: sentence[c.start:c.end], Date: d, Direction: dir, Rule: r.name}
	if r.part != nil {
		m.From, m.To, m.Part = r.part(c.m, d)
	}
	m.Mood = moodOf(sentence, c.start, c.end, dir, buf)
	if m.Mood == Planned && d.End().Before(pub) {
		m.Mood = Factual // "the upcoming talks follow a breakthrough last week"
	}
	m.Hypothetical = m.Mood == Unreal || m.Mood == Counterfactual
	return m
}

// resolveAnchored resolves the anchored candidates cs, in text order, each
// from the last mention before it in out (which it joins, so that "the next
// day" can count from "two days later"), else from the last of prev, and
// returns out with them in text order. buf is room for moodOf.
func resolveAnchored(sentence string, pub time.Time, cs []cand, out, prev []Mention, buf *[]byte) []Mention {
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	for _, c := range cs {
		var anchor *Mention
		for i := range out {
			if out[i].End <= c.start {
				anchor = &out[i]
			}
		}
		if anchor == nil && len(prev) > 0 {
			anchor = &prev[len(prev)-1]
		}
		if anchor == nil {
			continue
		}
		if anchor.End <= c.start && strings.TrimSpace(sentence[anchor.End:c.start]) == "," && rules[c.order].name == laterRule.name {
			// "lifted on Tuesday 11 March, nine days later": the
			// interval since an earlier date, said of the date before
			// it, not a date of its own.
			continue
		}
		d, ok := rules[c.order].anchored(c.m, *anchor)
		if !ok {
			continue
		}
		m := mention(sentence, pub, c, d, Tense(sentence, c.start, c.end), buf)
		m.Anchor = anchor.Text
		out = append(out, m)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// asciiLower returns s with its ASCII letters in lower case, in buf when
// it fits: what strings.ToLower(s) gives for a search of ASCII words (the
// rules' need words, calendarIn), without making a string of every
// sentence. The only other letters that lower to ASCII ones, 'İ' (i) and
// 'K' (Kelvin, k), send s to strings.ToLower; any other byte of s is not
// ASCII before or after lowering, so it matches no ASCII word either way.
func asciiLower(s string, buf []byte) string {
	if lowersToASCII(s) {
		return strings.ToLower(s)
	}
	return foldASCII(s, buf)
}

// lowersToASCII reports whether s holds a letter besides the ASCII ones
// that strings.ToLower makes ASCII: 'İ' or 'K' (Kelvin).
func lowersToASCII(s string) bool {
	return strings.Contains(s, "İ") || strings.Contains(s, "\u212a")
}

// foldASCII returns s with its ASCII letters, and only them, in lower
// case, in buf when it fits. The string shares buf's memory: it lives as
// long as buf is not written again.
func foldASCII(s string, buf []byte) string {
	buf = append(buf[:0], s...)
	for i, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// plausible rejects matches that are not dates in context: "may" the verb,
// a bare year that counts things ("2000 troops") or closes a byline
// ("Verified by 17 de febrero, 2025"), holidays named after weekdays.
func plausible(s string, start, end int, name string, m []string) bool {
	for _, g := range m[1:] {
		if g == "may" || g == "may." {
			return false // the verb, not the month
		}
	}
	before := strings.TrimRight(s[:start], " ")
	after := s[end:]
	switch name {
	case "year":
		if strings.HasSuffix(before, ",") || strings.HasSuffix(before, "$") || strings.HasSuffix(before, "#") {
			return false
		}
		if len(after) > 0 && strings.ContainsAny(after[:1], "%-/.,:") && len(after) > 1 && after[1] >= '0' && after[1] <= '9' {
			return false
		}
		if strings.HasPrefix(after, "%") || strings.HasPrefix(strings.TrimSpace(after), "percent") {
			return false
		}
		if next := firstWord(after); len(next) > 2 && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") && !strings.Contains(m[0], " ") {
			return false // "2000 troops"
		}
		if len(after) > 0 && after[0] >= '0' && after[0] <= '9' {
			return false
		}
	case "ordinal-day":
		return ordinalFollowers[strings.ToLower(firstWord(after))] && !strings.EqualFold(firstWord(after), "of")
	case "later":
		switch strings.ToLower(m[3]) {
		case "before", "after", "on":
			return endsPhrase(after) // "two days before the vote" counts from the vote
		}
	case "next-day":
		if m[6] != "" && !endsPhrase(after) {
			return false // "the day before the vote"
		}
		switch strings.ToLower(lastWord(before)) {
		case "over", "within", "throughout", "for":
			return false // a length of time, not a date
		}
	case "clock":
		a := strings.TrimLeft(after, " ")
		if a == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(a)
		return strings.ContainsRune("—–-:|,", r) || a != after && unicode.IsUpper(r)
	case "weekday":
		switch lastWord(before) {
		case "Super", "Black", "Good", "Cyber", "Ash", "Bloody", "Holy", "Palm", "Maundy", "Easter":
			return false
		}
	}
	return true
}

// endsPhrase reports whether the text after an expression ends its phrase:
// punctuation, the end, or a conjunction.
func endsPhrase(after string) bool {
	a := strings.TrimLeft(after, " ")
	if a == "" || strings.ContainsAny(a[:1], ",.;:!?)") || strings.HasPrefix(a, "—") || strings.HasPrefix(a, "–") {
		return true
	}
	switch strings.ToLower(firstWord(a)) {
	case "and", "but", "when", "as", "while":
		return true
	}
	return false
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if i < 0 {
		return s
	}
	return s[:i]
}

func lastWord(s string) string {
	i := strings.LastIndexAny(s, " \t\n(\"“")
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:]) // "“" is three bytes
	return s[i+size:]
}

// month returns the month a name or its abbreviation names (see
// english.Month).
func month(s string) (time.Month, bool) { return english.Month(s) }

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// resolveMonthDay resolves "February 16" and "16 February", with or without
// a year; submatches mi, di, yi hold month, day and year.
func resolveMonthDay(mi, di, yi int) func([]string, time.Time, Direction) (Date, bool) {
	return func(m []string, pub time.Time, dir Direction) (Date, bool) {
		mo, ok := month(m[mi])
		if !ok {
			return Date{}, false
		}
		day, _ := strconv.Atoi(m[di])
		if day < 1 {
			return Date{}, false
		}
		if m[yi] != "" {
			y, _ := strconv.Atoi(m[yi])
			if day > daysIn(y, mo) {
				return Date{}, false
			}
			return OnDay(time.Date(y, mo, day, 0, 0, 0, 0, time.UTC)), true
		}
		var cands []Date
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			if day <= daysIn(y, mo) {
				cands = append(cands, OnDay(time.Date(y, mo, day, 0, 0, 0, 0, time.UTC)))
			}
		}
		return pick(cands, pub, dir)
	}
}

// pick chooses among candidate dates of an expression that lacks its year:
// looking back, the latest that begins on or before pub; looking forward,
// the earliest that ends on or after pub; otherwise the nearest to pub.
func pick(cands []Date, pub time.Time, dir Direction) (Date, bool) {
	if len(cands) == 0 {
		return Date{}, false
	}
	switch dir {
	case Past:
		for i := len(cands) - 1; i >= 0; i-- {
			if !cands[i].Start.After(pub) {
				return cands[i], true
			}
		}
	case Future:
		for _, c := range cands {
			if !c.End().Before(pub) {
				return c, true
			}
		}
	}
	best, bestDist := cands[0], distance(cands[0], pub)
	for _, c := range cands[1:] {
		if d := distance(c, pub); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, true
}

// distance is how far pub lies from the span of d.
func distance(d Date, pub time.Time) time.Duration {
	switch {
	case pub.Before(d.Start):
		return d.Start.Sub(pub)
	case pub.After(d.End()):
		return pub.Sub(d.End())
	}
	return 0
}

func resolveMonthYear(m []string, _ time.Time, _ Direction) (Date, bool) {
	mo, ok := month(m[1])
	if !ok {
		return Date{}, false
	}
	y, _ := strconv.Atoi(m[2])
	return InMonth(y, mo), true
}

func resolveMonth(m []string, pub time.Time, dir Direction) (Date, bool) {
	mo, ok := month(m[2])
	if !ok {
		return Date{}, false
	}
	cur := InMonth(pub.Year(), pub.Month())
	var cands []Date
	for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
		cands = append(cands, InMonth(y, mo))
	}
	switch mod := strings.ToLower(m[1]); {
	case strings.HasSuffix(mod, "last"): // the latest such month before this one
		for i := len(cands) - 1; i >= 0; i-- {
			if cands[i].Start.Before(cur.Start) {
				return cands[i], true
			}
		}
	case strings.HasSuffix(mod, "next"): // the earliest after this one
		for _, c := range cands {
			if c.Start.After(cur.Start) {
				return c, true
			}
		}
	case strings.HasSuffix(mod, "this"):
		return InMonth(pub.Year(), mo), true
	}
	return pick(cands, pub, dir)
}

func resolveYear(m []string, _ time.Time, _ Direction) (Date, bool) {
	y, _ := strconv.Atoi(m[1])
	return InYear(y), true
}

func resolveWeekday(m []string, pub time.Time, dir Direction) (Date, bool) {
	wd, ok := english.Weekday(m[2])
	if !ok {
		return Date{}, false
	}
	ahead := (int(wd) - int(pub.Weekday()) + 7) % 7 // 0..6 days to the next such day
	back := (7 - ahead) % 7                         // 0..6 days since the last such day
	day := func(n int) (Date, bool) { return OnDay(pub.AddDate(0, 0, n)), true }
	switch strings.ToLower(m[1]) {
	case "last", "past", "this past":
		if back == 0 {
			back = 7
		}
		return day(-back)
	case "next":
		// The named day of the next ISO week.
		week := InWeek(pub).Start.AddDate(0, 0, 7)
		return OnDay(week.AddDate(0, 0, (int(wd)+6)%7)), true
	case "this":
		return OnDay(InWeek(pub).Start.AddDate(0, 0, (int(wd)+6)%7)), true
	case "coming":
		if ahead == 0 {
			ahead = 7
		}
		return day(ahead)
	}
	if ahead == 0 {
		return day(0) // the publication day itself, whatever the tense
	}
	switch dir {
	case Past:
		return day(-back)
	case Future:
		return day(ahead)
	}
	if back < ahead {
		return day(-back)
	}
	return day(ahead)
}

func resolveRelativeDay(m []string, pub time.Time, _ Direction) (Date, bool) {
	switch strings.ToLower(m[1]) {
	case "yesterday", "last night":
		return OnDay(pub.AddDate(0, 0, -1)), true
	case "tomorrow":
		return OnDay(pub.AddDate(0, 0, 1)), true
	}
	// today, tonight, this morning, and "overnight": the night that ends on
	// the publication day, as morning news reports it.
	return OnDay(pub), true
}

func shift(mod string) int {
	switch strings.ToLower(mod) {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

func resolveRelativeWeek(m []string, pub time.Time, _ Direction) (Date, bool) {
	n := shift(m[1])
	if strings.EqualFold(m[2], "weekend") && n == -1 {
		// The last Saturday before the publication day.
		back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
		if back == 0 {
			back = 7
		}
		return InWeek(pub.AddDate(0, 0, -back)), true
	}
	return InWeek(pub.AddDate(0, 0, 7*n)), true
}

func resolveRelativeMonth(m []string, pub time.Time, _ Direction) (Date, bool) {
	t := time.Date(pub.Year(), pub.Month()+time.Month(shift(m[1])), 1, 0, 0, 0, 0, time.UTC)
	return InMonth(t.Year(), t.Month()), true
}

func resolveRelativeYear(m []string, pub time.Time, _ Direction) (Date, bool) {
	return InYear(pub.Year() + shift(m[1])), true
}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func resolveAgo(m []string, pub time.Time, _ Direction) (Date, bool) {
	n, ok := numbers[strings.ToLower(m[1])]
	if !ok {
		var err error
		if n, err = strconv.Atoi(m[1]); err != nil || n < 1 {
			return Date{}, false
		}
	}
	switch strings.ToLower(m[2]) {
	case "day":
		return OnDay(pub.AddDate(0, 0, -n)), true
	case "year":
		if n == 1 {
			// "a year ago" names the month a year back: news writes it
			// of an anniversary, not of any day of that year.
			return InMonth(pub.Year()-1, pub.Month()), true
		}
	case "week":
		return InWeek(pub.AddDate(0, 0, -7*n)), true
	case "month":
		t := time.Date(pub.Year(), pub.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return InMonth(t.Year(), t.Month()), true
	}
	return InYear(pub.Year() - n), true
}
