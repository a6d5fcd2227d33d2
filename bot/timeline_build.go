package bot

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
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
	date    dates.Date
	text    string // the clause that carries the event
	quote   string // the sentence (or two), an exact substring of the article text
	article *corpus.Article
	seq     int // position of the sentence in its article
	terms   map[string]bool
}

// dated is an event of the built timeline with its date as a span.
type dated struct {
	Event
	date dates.Date
	// terms of the event text and its quotes, for the About filter and for
	// answering time questions.
	terms map[string]bool
}

// buildTimeline extracts the dated events of arts: every sentence with a
// date expression is a report; reports of the same date that share their
// terms are one event citing them all.
func buildTimeline(arts []corpus.Article, tools textTools, cite func(n int, id, quote string) Citation) []dated {
	var reports []report
	for i := range arts {
		reports = append(reports, articleReports(&arts[i], tools)...)
	}
	clusters := cluster(reports)
	out := make([]dated, 0, len(clusters))
	for _, c := range clusters {
		out = append(out, toEvent(c, tools, cite))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].date, out[j].date
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		if a.Precision != b.Precision {
			return a.Precision < b.Precision // finer first
		}
		return out[i].Citations[0].Published < out[j].Citations[0].Published
	})
	return out
}

// articleReports returns the reports of one article, in text order.
func articleReports(a *corpus.Article, tools textTools) []report {
	var out []report
	seq := 0
	paragraphs := a.Paragraphs
	if len(paragraphs) == 0 {
		paragraphs = []string{a.Text}
	}
	for _, p := range paragraphs {
		sentences := tools.split(p)
		for si, s := range sentences {
			seq++
			if !strings.Contains(a.Text, s) {
				continue // a quote must be text of the article
			}
			ms := dates.Find(s, a.Published)
			for mi, m := range ms {
				if !eventful(s, m) {
					continue
				}
				r := report{date: m.Date, article: a, seq: seq, quote: s, text: clause(s, ms, mi)}
				if prev, ok := antecedent(a.Text, sentences, si); ok {
					// "This remark was made ... on Tuesday": the event is
					// in the sentence before.
					r.quote = prev + " " + s
					r.text = trimWords(strings.TrimSpace(prev), maxEventWords) + " (" + lowerFirst(r.text) + ")"
				}
				r.terms = termSet(tools.terms(r.text))
				out = append(out, r)
			}
		}
	}
	return out
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
func clause(s string, ms []dates.Mention, i int) string {
	if len(ms) == 1 && words(s) <= maxEventWords {
		return tidy(s)
	}
	m := ms[i]
	lo, hi := 0, len(s)
	// Do not cross into another date's clause.
	if i > 0 {
		lo = ms[i-1].End
	}
	if i+1 < len(ms) {
		hi = ms[i+1].Start
	}
	segs := segments(s, lo, hi, m)
	k := 0
	for j, sg := range segs {
		if sg.start <= m.Start && m.End <= sg.end {
			k = j
		}
	}
	// Widen short segments, to the right first (a leading "On Monday,"
	// wants its verb).
	l, r := k, k
	for words(s[segs[l].start:segs[r].end]) < minClauseWords {
		if r+1 < len(segs) {
			r++
		} else if l > 0 {
			l--
		} else {
			break
		}
	}
	a, b := segs[l].start, segs[r].end
	return tidy(trimAround(s[a:b], m.Start-a))
}

type span struct{ start, end int }

// segments splits s[lo:hi] into clauses at punctuation; lo and hi are the
// ends of the neighbouring dates' expressions (or of s), and a conjunction
// ("and", "but", "while") that stands between them and mention m also
// separates ("will fly to Riyadh today and will hold a meeting on
// Tuesday"). No cut falls inside m.
func segments(s string, lo, hi int, m dates.Mention) []span {
	var cuts []span
	add := func(sep string, from, to int) {
		for from < to {
			j := strings.Index(s[from:to], sep)
			if j < 0 {
				break
			}
			c := span{from + j, from + j + len(sep)}
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
		if lo > 0 {
			add(sep, lo, m.Start)
		}
		if hi < len(s) {
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

func words(s string) int { return len(strings.Fields(s)) }

func termSet(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// cluster groups the reports of one event: the same date and enough shared
// terms; then a coarse report joins the finer event inside its span that it
// shares the most terms with, if it shares enough.
func cluster(rs []report) [][]report {
	idf := weights(rs)
	sim := func(a, b map[string]bool) float64 { return weightedJaccard(a, b, idf) }

	// Reports in a stable order: by date, then article and position.
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].date != rs[j].date {
			return rs[i].date.Start.Before(rs[j].date.Start) || rs[i].date.Start.Equal(rs[j].date.Start) && rs[i].date.Precision < rs[j].date.Precision
		}
		if rs[i].article.Published != rs[j].article.Published {
			return rs[i].article.Published.Before(rs[j].article.Published)
		}
		if rs[i].article.ID != rs[j].article.ID {
			return rs[i].article.ID < rs[j].article.ID
		}
		return rs[i].seq < rs[j].seq
	})
	var groups [][]report
	for _, r := range rs {
		best, bestSim := -1, 0.0
		for gi, g := range groups {
			if g[0].date != r.date {
				continue
			}
			if s := avgSim(r, g, sim); s >= sameEvent && s > bestSim {
				best, bestSim = gi, s
			}
		}
		if best < 0 {
			groups = append(groups, []report{r})
		} else {
			groups[best] = append(groups[best], r)
		}
	}
	// Coarse groups into finer ones, week first, so that a year can join a
	// month that has taken in a week.
	for p := dates.Week; p <= dates.Year; p++ {
		merged := make([]bool, len(groups))
		for gi, g := range groups {
			if g[0].date.Precision != p {
				continue
			}
			best, bestSim := -1, 0.0
			for fi, f := range groups {
				if merged[fi] || f[0].date.Precision >= p || !g[0].date.Contains(f[0].date) {
					continue
				}
				if s := groupSim(g, f, sim); s >= sameEventCoarse && s > bestSim {
					best, bestSim = fi, s
				}
			}
			if best >= 0 {
				groups[best] = append(groups[best], g...)
				merged[gi] = true
			}
		}
		var next [][]report
		for gi, g := range groups {
			if !merged[gi] {
				next = append(next, g)
			}
		}
		groups = next
	}
	return groups
}

func avgSim(r report, g []report, sim func(a, b map[string]bool) float64) float64 {
	total := 0.0
	for _, o := range g {
		total += sim(r.terms, o.terms)
	}
	return total / float64(len(g))
}

func groupSim(a, b []report, sim func(a, b map[string]bool) float64) float64 {
	total := 0.0
	for _, r := range a {
		total += avgSim(r, b, sim)
	}
	return total / float64(len(a))
}

// weights returns the rarity (inverse document frequency over reports) of
// every term, so that what every report says ("talks", "Russia") counts
// little.
func weights(rs []report) map[string]float64 {
	df := map[string]int{}
	for _, r := range rs {
		for t := range r.terms {
			df[t]++
		}
	}
	w := make(map[string]float64, len(df))
	n := float64(len(rs))
	for t, d := range df {
		w[t] = math.Log(1 + n/float64(d))
	}
	return w
}

func weightedJaccard(a, b map[string]bool, w map[string]float64) float64 {
	var inter, union float64
	for t := range a {
		union += w[t]
		if b[t] {
			inter += w[t]
		}
	}
	for t := range b {
		if !a[t] {
			union += w[t]
		}
	}
	if union == 0 {
		return 0
	}
	return inter / union
}

// toEvent makes the event of a group of reports: the finest date among
// them, the text of the report most like the others, a citation per quote.
func toEvent(g []report, tools textTools, cite func(n int, id, quote string) Citation) dated {
	fine := g[0].date
	for _, r := range g {
		if r.date.Precision < fine.Precision {
			fine = r.date
		}
	}
	idf := weights(g)
	rep, repScore := 0, -1.0
	for i, r := range g {
		if r.date != fine {
			continue
		}
		score := 0.0
		for _, o := range g {
			score += weightedJaccard(r.terms, o.terms, idf)
		}
		// Ties go to the later report (it knows how things turned out),
		// then to the shorter text.
		if score > repScore+1e-9 || math.Abs(score-repScore) <= 1e-9 && (r.article.Published.After(g[rep].article.Published) || r.article.Published.Equal(g[rep].article.Published) && len(r.text) < len(g[rep].text)) {
			rep, repScore = i, score
		}
	}
	// Citations: the representative first, then the others in article
	// order, one per distinct quote.
	order := append([]report{g[rep]}, append(append([]report{}, g[:rep]...), g[rep+1:]...)...)
	sort.SliceStable(order[1:], func(i, j int) bool {
		a, b := order[1+i], order[1+j]
		if !a.article.Published.Equal(b.article.Published) {
			return a.article.Published.Before(b.article.Published)
		}
		if a.article.ID != b.article.ID {
			return a.article.ID < b.article.ID
		}
		return a.seq < b.seq
	})
	seen := map[string]bool{}
	ev := dated{date: fine, terms: map[string]bool{}}
	ev.Date, ev.Precision, ev.Text = fine.String(), fine.Precision.String(), g[rep].text
	for _, r := range order {
		key := r.article.ID + "\x00" + r.quote
		if seen[key] || len(ev.Citations) == maxCitations {
			continue
		}
		seen[key] = true
		ev.Citations = append(ev.Citations, cite(len(ev.Citations)+1, r.article.ID, r.quote))
		for t := range termSet(tools.terms(r.quote)) {
			ev.terms[t] = true
		}
	}
	return ev
}
