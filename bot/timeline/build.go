package timeline

import (
	"cmp"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// Timeline tuning, determined on the seed articles (see README, "Timeline").
const (
	// maxEventWords is the longest event text, in words.
	maxEventWords = 30
	// minClauseWords is the shortest clause worth showing; shorter ones
	// ("On Monday") take in their neighbours.
	minClauseWords = 8
	// minOtherWords is how many words a sentence needs besides its date
	// to report an event (a dateline "February 18, 2025" reports none).
	minOtherWords = 4
	// sameEvent is the least weighted term overlap (Jaccard, terms weighted
	// by their rarity among all candidates) of two reports of the same
	// date for them to be one event.
	sameEvent = 0.25
	// sameEventCoarse is the overlap a coarse report ("this week") needs
	// with a finer one inside its span ("on Tuesday") to join it.
	sameEventCoarse = 0.35
	// sameKind is the overlap enough for two reports that name the same
	// kind of event (a meeting, a trip; see eventKinds) on the same date:
	// reports of one meeting word it differently ("will meet", "held
	// talks", "negotiations scheduled for").
	sameKind = 0.05
	// sameKindCoarse is sameKind for a coarse report joining a finer one.
	sameKindCoarse = 0.10
	// maxCitations caps the citations of one event.
	maxCitations = 6
)

// textTools are the text functions the timeline is built with: the sentence
// splitter and the term normaliser of package retrieval, or fakes in tests.
type textTools struct {
	split func(string) []string
	terms func(string) []string
}

// report is one sentence of one article that dates an event.
type report struct {
	date  dates.Date
	text  string // the clause that carries the event
	quote string // the sentence (or two), an exact substring of the article text
	// sentence is the text of the sentence the clause comes from, without
	// a dateline.
	sentence string
	article  *corpus.Article
	seq      int // position of the sentence in its article
	mood     dates.Mood
	// from and to are the days of date the text names, when it names a
	// part of it ("the second half of April"), and human says so for people.
	from, to time.Time
	human    string
	// refers says that the date belongs to a thing the clause names
	// ("Thursday's agreement"), not to what the clause reports.
	refers bool
	terms  map[string]bool
	// kinds of event the clause names (see eventKinds)
	kinds eventKindSets
}

// dated is an event of the built timeline with its date as a span.
type dated struct {
	Event
	date dates.Date
	// terms of the event text and its quotes, for the About filter.
	terms map[string]bool
	// textTerms are the terms of the clauses of its reports, with the kinds
	// of event all of them name as happening or planned, not as a mere
	// possibility (kindTerm), for answering time questions.
	textTerms map[string]bool
}

// kindTerm is the term that stands for a kind of event (see eventKinds).
func kindTerm(kind string) string { return "#" + kind }

// buildTimeline extracts the dated events of arts: every sentence with a
// date expression is a report; reports of the same date that share their
// terms are one event citing them all.
func buildTimeline(arts []corpus.Article, tools textTools, cite func(n int, id, quote string) answer.Citation) []dated {
	events, _, _ := buildCached(arts, tools, cite, Cache{}, nil)
	return events
}

// eventsOf clusters the reports of the articles (each article's its own,
// see reportsOf) into events, in date order.
func eventsOf(per [][]report, tools textTools, cite func(n int, id, quote string) answer.Citation) []dated {
	n := 0
	for _, rs := range per {
		n += len(rs)
	}
	reports := make([]report, 0, n)
	for _, rs := range per {
		reports = append(reports, rs...)
	}
	clusters := cluster(reports)
	// Each event is made from its own reports: on every core.
	out := make([]dated, len(clusters))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(runtime.GOMAXPROCS(0), max(1, len(clusters))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(clusters); i = int(next.Add(1) - 1) {
				out[i] = toEvent(clusters[i], tools, cite)
			}
		}()
	}
	wg.Wait()
	// The time of day a text gives, read once an event (see below).
	clocks := make(map[*dated]int, len(out))
	clock := func(d *dated) int {
		c, ok := clocks[d]
		if !ok {
			c = clockOf(d.Text)
			clocks[d] = c
		}
		return c
	}
	order := make([]*dated, len(out))
	for i := range out {
		order[i] = &out[i]
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i].date, order[j].date
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		if a.Precision != b.Precision {
			return a.Precision < b.Precision // finer first
		}
		// The same day: by the time of day the texts give, as a live
		// blog's entries do ("12:30 GMT - The talks opened"), which it
		// lists latest first.
		if ci, cj := clock(order[i]), clock(order[j]); ci >= 0 && cj >= 0 && ci != cj {
			return ci < cj
		}
		return order[i].Citations[0].Published < order[j].Citations[0].Published
	})
	sorted := make([]dated, len(out))
	for i, d := range order {
		sorted[i] = *d
	}
	out = sorted
	return out
}

// reClockTime finds a time of day: "12:30 GMT", "18:40", "10 a.m.",
// "2:15 p.m.".
var reClockTime = lazyRE(`\b([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|CET\b|EST\b|ET\b|local time\b)|\b([01]?\d|2[0-3]):([0-5]\d)\b`)

// clockOf returns the minutes since midnight of the first time of day in
// text, or -1.
func clockOf(text string) int {
	m := reClockTime().FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	h, min := m[1], m[2]
	if h == "" {
		h, min = m[4], m[5]
	}
	hour, _ := strconv.Atoi(h)
	minute, _ := strconv.Atoi(min)
	switch strings.ToLower(m[3]) {
	case "p.m.", "pm":
		if hour < 12 {
			hour += 12
		}
	case "a.m.", "am":
		if hour == 12 {
			hour = 0
		}
	}
	return hour*60 + minute
}

// plainSentence is a sentence of the corpus with its terms, and the kinds of
// event its words name (kindTerm), however they name them.
type plainSentence struct {
	text      string
	published string // YYYY-MM-DD of its article
	terms     map[string]bool
}

// allSentences returns every sentence of arts.
func allSentences(arts []corpus.Article, tools textTools) []plainSentence {
	var out []plainSentence
	for _, a := range arts {
		paragraphs := a.Paragraphs
		if len(paragraphs) == 0 {
			paragraphs = []string{a.Text}
		}
		for _, p := range paragraphs {
			for _, s := range tools.split(p) {
				ts := termSet(tools.terms(s))
				for t := range ts {
					if k, ok := eventKinds[t]; ok {
						ts[kindTerm(k)] = true
					}
				}
				out = append(out, plainSentence{text: s, published: a.Date(), terms: ts})
			}
		}
	}
	return out
}

// articleReports returns the reports of one article, in text order. The
// dates of a paragraph are read together (dates.FindIn), so that "two days
// later" counts from the date of the sentence before; what a sentence
// states as not happening (dates.Mention.Hypothetical: "had been due to
// finish on Wednesday", "would reverse the gains overnight") dates nothing.
// A dateline ("ISTANBUL, March 27 (CPS) -") is never an event's text, and
// dates its sentence only when the sentence has no date of its own, as the
// publication date.
//
// words remembers what the words of clauses name (see wordKinds): one for
// many articles, used by one goroutine at a time.
func articleReports(a *corpus.Article, tools textTools, words *wordKinds) []report {
	var out []report
	seq := 0
	paragraphs := a.Paragraphs
	if len(paragraphs) == 0 {
		paragraphs = []string{a.Text}
	}
	// The dates of every paragraph first: no more reports than dates, so
	// the reports are made in one slice (a report is some 300 bytes).
	sentencesOf, datesOf := make([][]string, len(paragraphs)), make([][][]dates.Mention, len(paragraphs))
	mentions := 0
	for i, p := range paragraphs {
		sentencesOf[i] = tools.split(p)
		datesOf[i] = dates.FindIn(sentencesOf[i], a.Published)
		for _, ms := range datesOf[i] {
			mentions += len(ms)
		}
	}
	before := "" // the sentence before, across paragraphs
	for pi := range paragraphs {
		sentences, found := sentencesOf[pi], datesOf[pi]
		for si, s := range sentences {
			seq++
			prevSentence := before
			before = s
			if len(found[si]) == 0 || !strings.Contains(a.Text, s) {
				continue // no date; a quote must be text of the article
			}
			body, ms := stripDateline(s, found[si], a.Published)
			for mi, m := range ms {
				if m.Hypothetical || !eventful(body, m) || a.Published.IsZero() && !yearGiven(m) {
					continue // (an undated article dates nothing relative)
				}
				r := report{date: m.Date, article: a, seq: seq, quote: s, sentence: body, text: clause(body, ms, mi), mood: m.Mood}
				// "Thursday's agreement": the date is of a thing the clause
				// refers to, not of what the clause reports.
				r.refers = strings.HasSuffix(m.Text, "'s") || strings.HasSuffix(m.Text, "’s")
				if m.Part != "" {
					r.from, r.to = m.Span()
					r.human = m.Human()
				}
				if prev, ok := antecedent(a.Text, sentences, si); ok {
					// "This remark was made ... on Tuesday": the event is
					// in the sentence before.
					r.quote = prev + " " + s
					r.sentence = prev
					r.text = trimWords(strings.TrimSpace(prev), maxEventWords) + " (" + lowerFirst(r.text) + ")"
				} else {
					r.text = namePronoun(r.text, prevSentence)
				}
				r.terms = termSet(tools.terms(r.text))
				r.kinds = kindsOf(r.text, words, m.Date.End().Before(a.Published))
				r.kinds.change = changeDated(body, m, words)
				if out == nil { // nil for none
					out = make([]report, 0, mentions)
				}
				out = append(out, r)
			}
		}
	}
	return out
}

// datelineRE matches the dateline that opens a wire story: a place in
// capitals, a date, an agency in brackets, then a dash ("ISTANBUL, March 27
// (CPS) - ", "CHICAGO/LONDON, March 29 - ", "KYIV, Ukraine (AP) — ",
// "ISTANBUL - "), or a press release's ("ADDIS ABABA, Ethiopia, June 12,
// 2025 /PRNewswire/ -- "). Groups: 1 the place, 2 the date, 3 the agency.
var datelineRE = lazyRE(`^(\p{Lu}[\p{Lu}.'’/ -]*\p{Lu}\.?(?:,\s+\p{Lu}[\p{L}.]*)*)?,?\s*` +
	`(` + english.MonthPattern + `\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(\([^()]{1,40}\)|/[^/\s][^/]{0,40}/)?\s*[-–—]+\s+`)

// datelineEnd returns the byte offset at which the text of s begins after
// its dateline; 0 when s opens with none.
func datelineEnd(s string) int {
	if !hasDash(s) {
		return 0 // what datelineRE would find nowhere
	}
	m := datelineRE().FindStringSubmatchIndex(s)
	if m == nil || m[2] < 0 && m[4] < 0 {
		return 0 // a dash alone is no dateline
	}
	if m[2] >= 0 && m[4] < 0 && m[6] < 0 && !upperWord(s[m[2]:m[3]]) {
		return 0
	}
	if m[2] < 0 && m[6] < 0 {
		return 0 // "May 7 – the leaders spoke": an entry of a dated list, its date the event's
	}
	return m[1]
}

// hasDash reports whether s holds a hyphen, an en dash or an em dash, one
// of which every dateline ends with.
func hasDash(s string) bool {
	return strings.IndexByte(s, '-') >= 0 || strings.Contains(s, "–") || strings.Contains(s, "—")
}

// upperWord reports whether s, a place of a dateline without a date or an
// agency, is written in capitals ("ISTANBUL"), as datelines are and the
// opening words of a sentence ("US - Russia talks") may not be.
func upperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 3
}

// stripDateline returns the sentence s without its dateline, and its
// mentions with offsets into that text: the dateline's date goes when the
// sentence dates itself, and otherwise stands for the publication day.
func stripDateline(s string, ms []dates.Mention, pub time.Time) (string, []dates.Mention) {
	at := datelineEnd(s)
	if at == 0 {
		return s, ms
	}
	var own, line []dates.Mention
	for _, m := range ms {
		if m.Start < at {
			line = append(line, m)
			continue
		}
		m.Start, m.End = m.Start-at, m.End-at
		own = append(own, m)
	}
	if len(own) == 0 && len(line) > 0 && !pub.IsZero() {
		m := line[0]
		m.Start, m.End, m.Text = 0, 0, ""
		m.Date, m.From, m.To, m.Part = dates.OnDay(pub), time.Time{}, time.Time{}, ""
		own = append(own, m)
	}
	return s[at:], own
}

var (
	// saidRE finds "Zelensky said": a name before a verb of saying.
	saidRE = lazyRE(`\b([A-Z][\p{L}’'-]+) (?:said|says|stated|told|added|announced|stressed|explained)\b`)
	// titleRE finds "President Volodymyr Zelenskyy": a title, then names.
	titleRE = lazyRE(`\b(?:President|Minister|Secretary|[Ss]pokes(?:man|woman)|[Ee]nvoy|[Aa]dvis[eo]r|[Aa]ide|Prince|Chancellor|Premier)(?: [A-Z][\p{L}’'-]+)+`)
	// leadPronounRE finds a subject pronoun among the first words of a clause.
	leadPronounRE = lazyRE(`^(?:[\p{L}]+,? ){0,3}?(he|she|He|She)\b`)
)

// namePronoun marks whom a "he" or "she" among the first words of text means,
// when the sentence before names one person last: "In protest, he
// [Zelenskyy] postponed his visit". Text without such a pronoun, or
// without a name before it, is returned as it is.
func namePronoun(text, prev string) string {
	if prev == "" || !mayLeadPronoun(text) {
		return text
	}
	loc := leadPronounRE().FindStringSubmatchIndex(text)
	if loc == nil {
		return text
	}
	name, at := "", -1
	for _, m := range saidRE().FindAllStringSubmatchIndex(prev, -1) {
		if w := prev[m[2]:m[3]]; m[2] > at && !leansOnContext(w) && w != "The" {
			name, at = w, m[2]
		}
	}
	for _, m := range titleRE().FindAllStringIndex(prev, -1) {
		if m[0] > at {
			ws := strings.Fields(prev[m[0]:m[1]])
			name, at = ws[len(ws)-1], m[0]
		}
	}
	if name == "" {
		return text
	}
	return text[:loc[3]] + " [" + name + "]" + text[loc[3]:]
}

// mayLeadPronoun reports whether text may hold what leadPronounRE finds:
// its pronoun opens text or follows a space.
func mayLeadPronoun(text string) bool {
	for _, p := range [...]string{"he", "she", "He", "She"} {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	for _, p := range [...]string{" he", " she", " He", " She"} {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

var yearRE = lazyRE(`\b\d{4}\b`)

// yearGiven reports whether m names its year, so that it resolves without
// a publication date.
func yearGiven(m dates.Mention) bool {
	switch m.Rule {
	case "year", "month-year", "month-day", "day-month":
		return yearRE().MatchString(m.Text)
	}
	return false
}

// eventful reports whether mention m of sentence s dates an event: the
// sentence says more than the date, and the date is not denied ("a meeting
// was unlikely next week").
func eventful(s string, m dates.Mention) bool {
	if words(s)-words(m.Text) < minOtherWords {
		return false
	}
	near := strings.ToLower(windowWords(s, m.Start, m.End, 3))
	for _, neg := range []string{"unlikely", "no date", "not before", "no plans"} {
		if strings.Contains(near, neg) {
			return false
		}
	}
	return true
}

// windowWords returns the text of s from n words before [start, end) to n
// words after it.
func windowWords(s string, start, end, n int) string {
	lo := start
	for k := 0; k <= n && lo > 0; {
		lo--
		if s[lo] == ' ' {
			k++
		}
	}
	hi := end
	for k := 0; k <= n && hi < len(s); hi++ {
		if s[hi] == ' ' {
			k++
		}
	}
	return s[lo:hi]
}

// antecedent returns the sentence before sentences[i] when sentences[i]
// only points back at it ("This remark was made by the Russian government
// on Tuesday"), and the two stand together in text.
func antecedent(text string, sentences []string, i int) (string, bool) {
	if i == 0 {
		return "", false
	}
	s := sentences[i]
	for _, p := range []string{"This remark", "This statement", "The remark", "The statement", "These remarks", "This comment", "The comment", "This announcement"} {
		if strings.HasPrefix(s, p+" ") {
			prev := sentences[i-1]
			if strings.Contains(text, prev+" "+s) {
				return prev, true
			}
		}
	}
	return "", false
}

// clause returns the part of sentence s that carries mention ms[i]: the
// whole sentence when it is short and has one date, else the stretch between
// punctuation (or a conjunction before another date) around the mention,
// widened while it is shorter than minClauseWords and cut to maxEventWords.
// A sentence that opens with a quotation keeps its speaker: a date in the
// quotation gets the attribution after it ("..., Peskov stressed"), a date
// in the attribution ("Zelensky said ... on Tuesday") leads, followed by the
// start of the quotation.
func clause(s string, ms []dates.Mention, i int) string {
	if len(ms) == 1 && words(s) <= maxEventWords {
		return tidy(s)
	}
	m := ms[i]
	if q, ok := quotation(s); ok {
		switch {
		case m.Start >= q.after:
			attr := strings.TrimRight(strings.TrimLeft(s[q.after:], ",;: "), ".!? ")
			if room := maxEventWords - words(attr); room >= minClauseWords {
				return tidy(attr) + ": “" + trimWords(strings.TrimRight(s[q.start:q.end], ",;: "), room) + "”"
			}
		case m.End <= q.end:
			inner := clauseIn(s, ms, i, q.start, q.end)
			if attr := attribution(s[q.after:]); attr != "" && words(inner)+words(attr) <= maxEventWords+2 {
				return "“" + strings.TrimRight(inner, ",;: ") + ",” " + attr
			}
			return inner
		}
	}
	c := clauseIn(s, ms, i, 0, len(s))
	switch first := strings.ToLower(firstField(c)); {
	case english.Auxiliary(first) != "":
		// The clause of a second date lost its subject to the first
		// ("Lavrov and Ushakov will fly to Riyadh today | and will hold
		// a meeting on Tuesday"; "The national heat emergency declared
		// on 13 July | will end at 23:59 tonight"): the subject goes
		// before it, or the sentence says it whole.
		if subj := subjectOf(s, ms, i); subj != "" {
			return tidy(subj + " " + lowerFirst(c))
		}
		if words(s) <= 2*maxEventWords {
			return tidy(s[datelineEnd(s):])
		}
	case first == "to" && words(s) <= 2*maxEventWords:
		// The end of a range ("from 2 September | to 30 September").
		return tidy(s[datelineEnd(s):])
	}
	return c
}

// subjectOf returns the subject of sentence s, the words before its first
// auxiliary verb, when the clause of mention i lacks it: without the
// participle that dates the subject by an earlier mention ("The national
// heat emergency [declared on 13 July] will end"), at most maxSubjectWords
// words, opening upper-case; "" otherwise.
func subjectOf(s string, ms []dates.Mention, i int) string {
	at := datelineEnd(s)
	end := -1
	for off := at; off < len(s); {
		f := firstField(s[off:])
		if f == "" {
			break
		}
		j := off + strings.Index(s[off:], f)
		if english.Auxiliary(strings.ToLower(strings.Trim(f, ",;:"))) != "" {
			end = j
			break
		}
		off = j + len(f)
	}
	if end <= at || end > ms[i].Start {
		return ""
	}
	subj := s[at:end]
	if i > 0 && ms[i-1].Start > at && ms[i-1].Start < end {
		subj = s[at:ms[i-1].Start] // the earlier date's, and what follows, are its own
		fs := strings.Fields(subj)
		for len(fs) > 0 && english.IsStopWord(strings.ToLower(fs[len(fs)-1])) {
			fs = fs[:len(fs)-1] // "on", "since"
		}
		if len(fs) > 0 && strings.HasSuffix(fs[len(fs)-1], "ed") {
			fs = fs[:len(fs)-1] // "declared"
		}
		subj = strings.Join(fs, " ")
	}
	subj = strings.TrimRight(strings.TrimSpace(subj), ",;:")
	if n := words(subj); n == 0 || n > maxSubjectWords || !opensUpper(subj) || strings.ContainsAny(subj, ",;:") {
		return ""
	}
	return subj
}

// clauseIn is clause within s[lo:hi].
func clauseIn(s string, ms []dates.Mention, i, lo, hi int) string {
	m := ms[i]
	// Do not cross into another date's clause.
	conjBefore, conjAfter := false, false
	if i > 0 && ms[i-1].End > lo {
		lo, conjBefore = ms[i-1].End, true
	}
	if i+1 < len(ms) && ms[i+1].Start < hi {
		hi, conjAfter = ms[i+1].Start, true
	}
	segs := segments(s, lo, hi, m, conjBefore, conjAfter)
	k := 0
	for j, sg := range segs {
		if sg.start <= m.Start && m.End <= sg.end {
			k = j
		}
	}
	// Widen short segments, to the right first (a leading "On Monday,"
	// wants its verb).
	l, r := k, k
	// A participle set off after its subject ("The notice, issued on
	// Sunday 2 March, was lifted ...") wants the subject, to its left.
	left := k > 0 && strings.HasSuffix(firstField(s[segs[k].start:segs[k].end]), "ed") && strings.HasSuffix(s[:segs[k].start], ", ")
	for words(s[segs[l].start:segs[r].end]) < minClauseWords {
		if left && l > 0 {
			l--
		} else if r+1 < len(segs) {
			r++
		} else if l > 0 {
			l--
		} else {
			break
		}
	}
	a, b := segs[l].start, segs[r].end
	if l > 0 && speechVerbOpens(s[a:b]) {
		// "Helena Vask, the foreign minister, said on Monday that ...":
		// the clause of the date opens with the verb; its subject is the
		// sentence's first words, before the apposition.
		if subj := s[segs[0].start:segs[0].end]; words(subj) <= maxSubjectWords && opensUpper(subj) {
			return tidy(subj + " " + trimAround(s[a:b], m.Start-a))
		}
	}
	return tidy(trimAround(s[a:b], m.Start-a))
}

// opensUpper reports whether text opens with an upper-case letter.
func opensUpper(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// speechVerbOpens reports whether text opens with a verb of speech ("said
// on Monday that ...").
func speechVerbOpens(text string) bool {
	return speechOpenRE().MatchString(text)
}

// speechOpenRE matches a verb of speech at the start of a text.
var speechOpenRE = lazyRE(`^` + english.SpeechVerbPattern + `\b`)

// maxSubjectWords is the most words of a sentence's opening that is taken
// for the subject of a clause that opens with its verb.
const maxSubjectWords = 4

// quote is a quotation that opens a sentence: its text s[start:end], and
// where the text after its closing mark begins.
type quote struct{ start, end, after int }

// quotation finds the quotation that opens s and is followed by more text
// (an attribution).
func quotation(s string) (quote, bool) {
	var closing string
	switch {
	case strings.HasPrefix(s, "“"):
		closing = "”"
	case strings.HasPrefix(s, "\""):
		closing = "\""
	default:
		return quote{}, false
	}
	_, n := utf8.DecodeRuneInString(s)
	end := strings.Index(s[n:], closing)
	if end < 0 {
		return quote{}, false
	}
	q := quote{start: n, end: n + end, after: n + end + len(closing)}
	if words(s[q.after:]) < 2 {
		return quote{}, false
	}
	return q, true
}

// speechVerbs mark an attribution after a quotation.
var speechVerbs = map[string]bool{"said": true, "says": true, "stressed": true, "told": true, "added": true,
	"stated": true, "explained": true, "noted": true, "insisted": true, "warned": true, "wrote": true,
	"declared": true, "announced": true, "according": true, "emphasized": true, "emphasised": true}

// attribution returns the short "Peskov stressed" that follows a quotation
// (rest is the text after its closing mark), or "" if there is none.
func attribution(rest string) string {
	rest = strings.TrimLeft(rest, ",;: ")
	if i := strings.IndexAny(rest, ",.;:!?"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	if words(rest) > 10 {
		return ""
	}
	for _, w := range strings.Fields(rest) {
		if speechVerbs[strings.ToLower(w)] {
			return rest
		}
	}
	return ""
}

type span struct{ start, end int }

// in returns the text of sp in s.
func (sp span) in(s string) string { return s[sp.start:sp.end] }

// segments splits s[lo:hi] into clauses at punctuation; lo and hi are the
// ends of the neighbouring dates' expressions (or of s), and a conjunction
// ("and", "but", "while") that stands between them and mention m also
// separates ("will fly to Riyadh today and will hold a meeting on
// Tuesday"). No cut falls inside m.
func segments(s string, lo, hi int, m dates.Mention, conjBefore, conjAfter bool) []span {
	var cuts []span
	add := func(sep string, from, to int) {
		for from < to {
			j := strings.Index(s[from:to], sep)
			if j < 0 {
				break
			}
			c := span{from + j, from + j + len(sep)}
			if sep == ", " && listComma(s, c.start) || (sep == " (" || sep == ") ") && shortAside(s, c.start) {
				from = c.end
				continue
			}
			if c.end <= m.Start || c.start >= m.End {
				cuts = append(cuts, c)
			}
			from = c.end
		}
	}
	for _, sep := range []string{", ", "; ", ": ", " — ", " – ", " - ", " (", ") "} {
		add(sep, lo, hi)
	}
	for _, sep := range []string{" and ", " but ", " while "} {
		if conjBefore {
			add(sep, lo, m.Start)
		}
		if conjAfter {
			add(sep, m.End, hi)
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var segs []span
	at := lo
	for _, c := range cuts {
		if c.start < at {
			continue // overlapping separators
		}
		segs = append(segs, span{at, c.start})
		at = c.end
	}
	return append(segs, span{at, hi})
}

// shortAside reports whether the parenthesis at or after s[at] (" (" or
// ") ") encloses a short aside that belongs to the words before it, an
// acronym or a place of at most shortAsideWords words ("the United Relief
// Office (URO) said", "Riyadh (Saudi Arabia)"): no cut between a subject
// and its verb.
func shortAside(s string, at int) bool {
	open := strings.LastIndexByte(s[:at+2], '(')
	if open < 0 {
		return false
	}
	end := strings.IndexByte(s[open:], ')')
	if end < 0 {
		return false
	}
	return len(strings.Fields(s[open+1:open+end])) <= shortAsideWords
}

// shortAsideWords is the most words of an aside that stays with its
// phrase.
const shortAsideWords = 3

// listComma reports whether the comma at s[at] separates names of a list
// ("The United States, Russia and Ukraine agreed"): a capitalised word on
// each side, and "and" or "or" before the next punctuation.
func listComma(s string, at int) bool {
	prev := lastField(s[:at])
	rest := s[at+1:]
	if end := strings.IndexAny(rest, ",;:.!?()—–"); end >= 0 {
		rest = rest[:end]
	}
	next := firstField(rest)
	if prev == "" || next == "" {
		return false
	}
	capital := func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return unicode.IsUpper(r) }
	return capital(prev) && capital(next) && (strings.Contains(rest, " and ") || strings.Contains(rest, " or ")) &&
		!english.IsCalendarWord(prev) // the dearest test last
}

// lastField returns the last field of s, as strings.Fields splits s; ""
// when it has none.
func lastField(s string) string {
	start, end := -1, -1 // of the last field
	in := false
	for i, r := range s {
		switch sp := unicode.IsSpace(r); {
		case !sp && !in:
			start, end, in = i, len(s), true
		case sp && in:
			end, in = i, false
		}
	}
	if start < 0 {
		return ""
	}
	return s[start:end]
}

// trimAround cuts s to maxEventWords words centred on the word at byte
// offset start.
func trimAround(s string, start int) string {
	ws := strings.Fields(s)
	if len(ws) <= maxEventWords {
		return s
	}
	at := len(strings.Fields(s[:start]))
	lo := max(0, at-maxEventWords/2)
	hi := min(len(ws), lo+maxEventWords)
	lo = max(0, hi-maxEventWords)
	out := strings.Join(ws[lo:hi], " ")
	if lo > 0 {
		out = "… " + out
	}
	if hi < len(ws) {
		out += " …"
	}
	return out
}

func trimWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return s
	}
	return strings.Join(ws[:n], " ") + " …"
}

// tidy trims a clause for display: spaces, dangling punctuation and
// unbalanced quotation marks at its ends; a capital first letter.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",;:—– ")
	s = strings.TrimLeft(s, ",;:—–) ")
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		if strings.Count(s, q[0])+strings.Count(s, q[1]) == 1 || q[0] == q[1] && strings.Count(s, q[0])%2 == 1 {
			if strings.HasPrefix(s, q[0]) {
				s = strings.TrimPrefix(s, q[0])
			} else if strings.HasSuffix(s, q[1]) {
				s = strings.TrimSuffix(s, q[1])
			}
		}
	}
	s = strings.TrimSpace(s)
	// Connectives that tie the clause to a cut-off neighbour.
	for _, p := range []string{"and ", "but ", "however, ", "meanwhile, ", "particularly ", "especially ", "notably "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) && !(n < len(s) && unicode.IsUpper(rune(s[n]))) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// opensSentence reports whether text begins as its sentence (quote) does.
func opensSentence(text, quote string) bool {
	w, q := firstField(text), firstField(strings.TrimLeft(quote, "“\" "))
	if w == "" || q == "" {
		return false
	}
	return strings.EqualFold(strings.Trim(w, "“\""), q)
}

// firstField returns the first field of s, as strings.Fields splits s; ""
// when it has none.
func firstField(s string) string {
	start := -1
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			return s[start:i]
		}
	}
	if start < 0 {
		return ""
	}
	return s[start:]
}

// leansOnContext reports whether text opens with a word that points at the
// sentence before it (a pronoun, "who") or is cut off ("…").
func leansOnContext(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	var buf [16]byte
	switch lowerInto(strings.Trim(w, "“\""), buf[:0]) {
	case "he", "she", "they", "it", "his", "her", "their", "its", "who", "which", "this", "that", "these", "those", "…":
		return true
	}
	return false
}

// lowerInto returns strings.ToLower(s), in buf when it fits: the string
// shares buf's memory.
func lowerInto(s string, buf []byte) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		// What strings.Map does: an invalid byte becomes U+FFFD.
		r, size := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += size
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// words returns how many words s has: len(strings.Fields(s)), counted.
func words(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if sp := unicode.IsSpace(r); sp == in {
			in = !sp
			if in {
				n++
			}
		}
	}
	return n
}

func termSet(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// eventKinds maps the stems of words that name an event to its kind, so
// that differently worded reports of one event meet: "will meet", "held
// talks", "negotiations". The stems are those of english.Terms (Snowball).
var eventKinds = map[string]string{
	"meet": "meeting", "met": "meeting", "talk": "meeting", "negoti": "meeting", "discuss": "meeting", "summit": "meeting", "dialogu": "meeting",
	"phone": "call", "telephon": "call", "convers": "call",
	"trip": "trip", "visit": "trip", "travel": "trip", "fly": "trip", "flew": "trip", "journey": "trip",
	"attack": "attack", "strike": "attack", "drone": "attack", "missil": "attack", "shell": "attack", "bomb": "attack",
	"invas": "invasion", "invad": "invasion",
	"kill": "killing", "murder": "killing", "assassin": "killing",
	"agre": "agreement", "agreement": "agreement", "deal": "agreement", "accord": "agreement", "pact": "agreement", "treati": "agreement",
}

// changeStems are the stems of words that report a change to a plan
// ("extended", "postponed", "called off"): such a report is an event of its
// own, not the plan it changes, however much it names the same kind of
// event ("the talks were extended on Wednesday evening" is not "the talks
// are scheduled to run until Wednesday").
var changeStems = map[string]bool{"extend": true, "extens": true, "postpon": true, "delay": true, "cancel": true,
	"reschedul": true, "suspend": true, "prolong": true, "halt": true}

// changeWindow is how many words on each side of a date are searched for
// the word it dates (see changeDated).
const changeWindow = 6

// changeDated reports whether the date m of sentence s dates a change to a
// plan: the nearest word before it that names an event or a change is a
// change ("the talks were extended on Wednesday evening"), or, with none
// before, the nearest after it ("on Wednesday the talks were called off").
// In "postponed a planned trip on Wednesday" the date is the trip's.
func changeDated(s string, m dates.Mention, words *wordKinds) bool {
	var lbuf [512]byte
	var wbuf [96]span
	text := lowerInto(s[:m.Start], lbuf[:0])
	before := clauseWords(wbuf[:0], text)
	for i := len(before) - 1; i >= max(0, len(before)-changeWindow); i-- {
		if k := words.of(before[i].in(text)); k.change || k.kind != 0 {
			return k.change
		}
	}
	text = lowerInto(s[m.End:], lbuf[:0]) // before is done with
	after := clauseWords(wbuf[:0], text)
	for i := 0; i < min(len(after), changeWindow); i++ {
		if k := words.of(after[i].in(text)); k.change || k.kind != 0 {
			return k.change
		}
	}
	return false
}

// wordKinds remembers, for words of clauses in lower case, the kind of
// event each names and whether it names a change to a plan, through the
// terms function: kindsOf and changeDated ask it of every word of every
// report, mostly of the same few thousand words. Not safe for concurrent
// use.
type wordKinds struct {
	terms func(string) []string
	m     map[string]wordKind
}

// wordKind is what a word names, by its term (when it has exactly one).
type wordKind struct {
	kind   kindSet // the kind of event (see eventKinds), alone; 0 for none
	change bool    // a change to a plan (see changeStems)
}

// maxWordKinds bounds the words a wordKinds remembers.
const maxWordKinds = 1 << 16

func newWordKinds(terms func(string) []string) *wordKinds {
	return &wordKinds{terms: terms, m: map[string]wordKind{}}
}

// of returns what w names.
func (wk *wordKinds) of(w string) wordKind {
	if k, ok := wk.m[w]; ok {
		return k
	}
	own := strings.Clone(w) // w may be in a buffer of the caller's
	var k wordKind
	if ts := wk.terms(own); len(ts) == 1 {
		k.kind, _ = kindOf(eventKinds[ts[0]])
		k.change = changeStems[ts[0]]
	}
	if len(wk.m) >= maxWordKinds {
		clear(wk.m)
	}
	wk.m[own] = k
	return k
}

// referenceWords before an event word make it a point of reference or a
// topic, not the event reported: "after the talks", "not informed about the
// talks".
var referenceWords = map[string]bool{
	"after": true, "before": true, "following": true, "since": true, "ahead": true, "despite": true,
	"about": true, "regarding": true, "concerning": true, "from": true, "without": true, "against": true,
}

// hypotheticalWords before an event word make it a mere possibility:
// "prepared to meet", "a possible summit", "the expected meeting".
var hypotheticalWords = map[string]bool{
	"prepared": true, "ready": true, "willing": true, "possible": true, "potential": true, "could": true,
	"might": true, "may": true, "expected": true, "future": true, "unlikely": true, "no": true, "not": true,
}

// referenceWindow is how many words before an event word are searched for
// referenceWords and hypotheticalWords.
const referenceWindow = 4

// clauseWords returns where the words of s are, appended to out: its runs
// of letters, as `\p{L}+` finds them (TestClauseWords), read by hand, as
// the expression was a tenth of the cost of the first timeline. (Spans, not
// strings: s may then be in a buffer on its caller's stack.)
func clauseWords(out []span, s string) []span {
	start := -1 // of the run of letters being read
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, span{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// eventKindSets are the kinds of event a clause names, read three ways.
type eventKindSets struct {
	reported kindSet // neither referred to nor hypothetical: the clause's own event
	actual   kindSet // not hypothetical ("following its invasion" counts)
	all      kindSet // every kind named
	change   bool    // the date is of a change to a plan (see changeDated)
}

// kindSet is a set of kinds of event (the values of eventKinds), a bit
// each: bit i for the i-th kind in sorted order (see kindNames).
type kindSet uint64

// kindNames are the kinds of event, sorted; there are fewer than 64.
var kindNames = sync.OnceValue(func() []string {
	return slices.Compact(slices.Sorted(maps.Values(eventKinds)))
})

// kindOf returns the set of kind k alone; 0 and false for no kind of
// event.
func kindOf(k string) (kindSet, bool) {
	if i, ok := slices.BinarySearch(kindNames(), k); ok {
		return 1 << i, true
	}
	return 0, false
}

// names returns the kinds of s, sorted.
func (s kindSet) names() []string {
	var out []string
	for i, k := range kindNames() {
		if s&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// futureWords before an event word make it a later event, not the one a
// past date dates: "the upcoming talks follow a breakthrough last week".
var futureWords = map[string]bool{"upcoming": true, "planned": true, "scheduled": true, "next": true,
	"will": true, "forthcoming": true, "coming": true}

// kindsOf returns the kinds of event that clause names; past says that the
// clause's date lies before the article's, so that events it announces for
// later are not counted as the one dated.
func kindsOf(clause string, words *wordKinds, past bool) eventKindSets {
	var lbuf [512]byte
	var wbuf [96]span
	text := lowerInto(clause, lbuf[:0])
	ws := clauseWords(wbuf[:0], text)
	var ks eventKindSets
	for i, w := range ws {
		k := words.of(w.in(text)).kind
		if k == 0 {
			continue
		}
		ks.all |= k
		ref, hyp := false, false
		for j := max(0, i-referenceWindow); j < i; j++ {
			w := ws[j].in(text)
			ref = ref || referenceWords[w]
			hyp = hyp || hypotheticalWords[w] || past && futureWords[w]
		}
		if !hyp {
			ks.actual |= k
		}
		if !hyp && !ref {
			ks.reported |= k
		}
	}
	return ks
}

// toEvent makes the event of a group of reports: the finest date among
// them, the text of the report most like the others, a citation per quote.
func toEvent(g []report, tools textTools, cite func(n int, id, quote string) answer.Citation) dated {
	fine := g[0].date
	for _, r := range g {
		if r.date.Precision < fine.Precision {
			fine = r.date
		}
	}
	// A report's likeness to the others (the first maxCompare of them),
	// worked out only when the rules before it tie, with the vocabulary of
	// the group, made when first needed.
	var v *vocab
	vecs := make([]termVec, len(g))
	vec := func(i int) termVec {
		if vecs[i] == nil {
			vecs[i] = v.vec(g[i].terms)
		}
		return vecs[i]
	}
	scores := make([]float64, len(g))
	scored := make([]bool, len(g))
	score := func(i int) float64 {
		if !scored[i] {
			if v == nil {
				v = newVocab(g)
			}
			for j := range min(len(g), maxCompare) {
				if j != i {
					scores[i] += v.sim(vec(i), vec(j))
				}
			}
			scored[i] = true
		}
		return scores[i]
	}
	rep, repLeans, repOpens, repRefers := -1, false, false, false
	for i, r := range g {
		if r.date != fine {
			continue
		}
		leans := leansOnContext(r.text)
		opens := opensSentence(r.text, r.sentence)
		// A text that names its subject beats one that needs the sentence
		// before, and one that opens its sentence beats a fragment; then the
		// text most like the others; ties go to the later report (it knows
		// how things turned out), then to the shorter text.
		// A report dated by its own verb beats one whose date belongs to a
		// thing it names ("Thursday's agreement").
		better := rep < 0 || repRefers && !r.refers
		same := r.refers == repRefers
		better = better || same && (repLeans && !leans || leans == repLeans && opens && !repOpens)
		if !better && same && leans == repLeans && opens == repOpens {
			score, repScore := score(i), score(rep)
			better = score > repScore+1e-9 || math.Abs(score-repScore) <= 1e-9 &&
				(r.article.Published.After(g[rep].article.Published) ||
					r.article.Published.Equal(g[rep].article.Published) && len(r.text) < len(g[rep].text))
		}
		if better {
			rep, repLeans, repOpens, repRefers = i, leans, opens, r.refers
		}
	}
	// Citations: the representative first, then the others in article
	// order, one per distinct quote.
	order := make([]*report, 0, len(g))
	order = append(order, &g[rep])
	for i := range g {
		if i != rep {
			order = append(order, &g[i])
		}
	}
	slices.SortStableFunc(order[1:], func(a, b *report) int {
		if !a.article.Published.Equal(b.article.Published) {
			return a.article.Published.Compare(b.article.Published)
		}
		return cmp.Or(strings.Compare(a.article.ID, b.article.ID), cmp.Compare(a.seq, b.seq))
	})
	type citation struct{ id, quote string }
	seen := map[citation]bool{}
	ev := dated{date: fine, terms: map[string]bool{}, textTerms: map[string]bool{}}
	ev.Date, ev.Precision, ev.Text = fine.String(), fine.Precision.String(), g[rep].text
	// The narrowest part of the date that a report names ("the second
	// half of April") bounds the event.
	var from, to time.Time
	for _, r := range g {
		if r.date == fine && r.human != "" && (from.IsZero() || r.to.Sub(r.from) < to.Sub(from)) {
			from, to, ev.When = r.from, r.to, r.human
		}
	}
	if !from.IsZero() {
		ev.From, ev.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
	}
	// The text may name whom a leading "he" means ("he [Zelenskyy]"): that
	// name is what the event is about too.
	for _, t := range tools.terms(ev.Text) {
		ev.terms[t] = true
	}
	for _, r := range g {
		for t := range r.terms {
			ev.textTerms[t] = true
		}
	}
	// The kinds of event every report names (as happening, not as a mere
	// possibility): what the reports agree the event is.
	every := g[rep].kinds.actual
	for _, r := range g {
		every &= r.kinds.actual
	}
	for _, k := range every.names() {
		ev.textTerms[kindTerm(k)] = true
	}
	for _, r := range order {
		if len(ev.Citations) == maxCitations {
			break
		}
		key := citation{r.article.ID, r.quote}
		if seen[key] {
			continue
		}
		seen[key] = true
		ev.Citations = append(ev.Citations, cite(len(ev.Citations)+1, r.article.ID, r.quote))
		for _, t := range tools.terms(r.quote) {
			ev.terms[t] = true
		}
	}
	return ev
}
