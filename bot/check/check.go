// Package check judges an LLM's answer against the passages it was shown:
// each sentence is a claim that must carry a valid citation marker and be
// stated by the passages it cites (see claim.go for the checks); what fails
// is dropped and counted, a sentence that leans on a dropped one goes with
// it, and the citations left are renumbered, each quoting the sentence of
// its article that carries the claim.
package check

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/retrieval"
)

// The answer is split into sentences, and each is judged on its own:
//   - a marker [n] that points at no passage is removed and counted
//     (Check.InvalidMarkers);
//   - a sentence left without a valid marker is dropped (Check.Uncited),
//     except a plain "The articles don't say ..." which needs none;
//   - a cited sentence must pass the claim checks of claim.go (support,
//     numbers, polarity, speaker, names, list), else it is dropped
//     (Check.Unsupported);
//   - a sentence that opens with a pronoun or a demonstrative ("He", "It",
//     "They", "This") after a dropped sentence is dropped with it
//     (Check.Dependent): it would be read as saying something of the
//     wrong subject;
//   - a marker of a kept sentence pointing at a passage that shares no
//     content word with it is removed (Check.IrrelevantMarkers).
//
// The citations left are numbered 1..n in order of first use, one for
// each article and quote: a quote is listed once, even when overlapping
// passages both hold it. Markers stay where the model put them ("According
// to passage [3], ..." reads "According to Outlet [1], ..."), and a
// numbered list keeps its numbers, renumbered over the items kept.

// MaxAnswer is the longest answer checked, in bytes: longer ones are not
// checked but refused, for a cut answer is not the model's whole answer.
// Four short sentences take well under 1 KB; the default token cap of 600
// tokens about 2.5 KB.
const MaxAnswer = 16 << 10

// AbstainText is the answer when the articles do not answer the question.
const AbstainText = "The articles don't say."

// Result is an LLM answer after the check. An empty Text means that no
// sentence held up.
type Result struct {
	Text      string
	Citations []answer.Citation
	Abstained bool // the model said the articles don't say, and nothing else held
	Check     *answer.Check
}

var abstain = lazyRE(`(?i)^(?:but |however,? )?(?:the )?(?:articles?|passages?|sources?|texts?) (?:do not|don't|does not|doesn't) (?:say|mention|state|answer|tell|specify|report|address)`)

// checker holds what one check reads: the passages, prepared once.
type checker struct {
	hits []retrieval.Hit
	lib  answer.Library
	ev   []evPassage
	m    *matcher

	articles map[string]*bag // the cited articles' words, by id
	all      *bag            // the words of every passage shown
}

// Run checks raw, an answer citing hits as 1..len(hits); lib names the
// articles of the citations. An answer longer than MaxAnswer is cut to its
// last sentence within the bound first.
func Run(raw string, hits []retrieval.Hit, lib answer.Library) Result {
	if len(raw) > MaxAnswer {
		raw = raw[:MaxAnswer]
		if i := strings.LastIndexAny(raw, ".!?\n"); i > 0 {
			raw = raw[:i+1]
		}
	}
	c := &checker{hits: hits, lib: lib, m: newMatcher(), articles: map[string]*bag{}}
	keep, chk, sawAbstain := c.judge(raw)
	return c.assemble(keep, chk, sawAbstain)
}

// kept is a sentence that passed the check, with its citations.
type kept struct {
	s       answerSentence
	cites   []support // the passages it keeps citing, best first
	verdict int       // index into Check.Sentences
}

// judge applies the checks to each sentence of raw: it returns the
// sentences kept, what was removed, and whether the model said the
// articles don't say.
func (c *checker) judge(raw string) (keep []kept, chk *answer.Check, sawAbstain bool) {
	chk = &answer.Check{}
	prevDropped := false
	for _, s := range answerSentences(raw) {
		chk.Mentions += s.mentions
		var valid []int
		for _, n := range s.markers {
			if n < 1 || n > len(c.hits) {
				chk.InvalidMarkers++
				continue
			}
			if !containsInt(valid, n-1) {
				valid = append(valid, n-1)
			}
		}
		v := answer.SentenceCheck{Text: strings.TrimSpace(s.raw)}
		drop := func(failed string) {
			v.Failed = failed
			chk.DroppedSentence = append(chk.DroppedSentence, v.Text)
			chk.Sentences = append(chk.Sentences, v)
			prevDropped = true
		}
		switch {
		case !hasWord(s.bare):
			continue
		case abstain().MatchString(normQuotes(s.bare)):
			sawAbstain = true
			v.Kept = true
			chk.Sentences = append(chk.Sentences, v)
			keep = append(keep, kept{s: s, verdict: len(chk.Sentences) - 1})
			prevDropped = false
			continue
		case prevDropped && leans(s.bare):
			chk.Dependent++
			drop("leans on the dropped sentence before it")
			continue
		case len(valid) == 0:
			chk.Uncited++
			drop("cited: no marker points at a passage")
			continue
		}
		if c.ev == nil {
			c.prepare()
		}
		j := c.judgeClaim(s.bare, valid)
		chk.IrrelevantMarkers += j.irrelevant
		v.Passed = j.passed
		if j.failed != "" {
			chk.Unsupported++
			drop(j.failed)
			continue
		}
		v.Kept = true
		chk.Sentences = append(chk.Sentences, v)
		keep = append(keep, kept{s: s, cites: j.cites, verdict: len(chk.Sentences) - 1})
		prevDropped = false
	}
	return keep, chk, sawAbstain
}

// leans reports whether a sentence opens with a word that refers back to
// the sentence before ("He", "It", "They", "This", "Their").
func leans(s string) bool {
	ws := english.Words(s)
	return len(ws) > 0 && english.Anaphor(ws[0])
}

// prepare reads the passages.
func (c *checker) prepare() {
	c.ev = make([]evPassage, len(c.hits))
	for i, h := range c.hits {
		p := h.Passage
		ev := evPassage{all: newBag(nil)}
		sents := p.Sentences
		if len(sents) == 0 {
			sents = []string{p.Text}
		}
		for _, s := range sents {
			ts := tokens(s)
			ev.sents = append(ev.sents, ts)
			ev.all.add(ts)
		}
		if a := c.lib[p.Article]; a != nil {
			ev.all.add(tokens(a.Title))
			if !a.Published.IsZero() {
				d := a.Published
				for _, v := range []int{d.Year(), int(d.Month()), d.Day()} {
					ev.date = append(ev.date, number{lo: float64(v), hi: float64(v)})
				}
			}
		}
		c.ev[i] = ev
	}
}

// citeKey names a citation: an article and the quote from it.
type citeKey struct{ article, quote string }

// assemble writes the kept sentences with their citations numbered 1..n
// in order of first use, one for each article and quote.
func (c *checker) assemble(keep []kept, chk *answer.Check, sawAbstain bool) Result {
	number := map[citeKey]int{}
	var order []citeKey
	for _, k := range keep {
		for _, s := range k.cites {
			key := citeKey{c.hits[s.hit].Passage.Article, s.quote}
			if _, ok := number[key]; !ok {
				order = append(order, key)
				number[key] = len(order)
			}
		}
	}
	if len(order) == 0 {
		if sawAbstain {
			return Result{Text: AbstainText, Abstained: true, Check: chk}
		}
		return Result{Check: chk}
	}
	outlet := func(n int) string {
		if n < 1 || n > len(order) {
			return ""
		}
		if a := c.lib[order[n-1].article]; a != nil && a.Outlet != "" && !strings.EqualFold(a.Outlet, "unknown") {
			return a.Outlet
		}
		return ""
	}
	var b strings.Builder
	item, prevBullet := 0, false
	for i, k := range keep {
		byHit := map[int]int{}
		var ns []int
		for _, s := range k.cites {
			n := number[citeKey{c.hits[s.hit].Passage.Article, s.quote}]
			byHit[s.hit] = n
			ns = append(ns, n)
		}
		text := renumber(k.s.text, func(old int) []int {
			if n, ok := byHit[old-1]; ok {
				return []int{n}
			}
			return nil
		}, outlet)
		if len(k.cites) > 0 && !english.Markers.MatchString(text) {
			text = withMarkers(text, markersOf(ns))
		}
		if k.s.bullet != "" {
			if !prevBullet {
				item = 0
			}
			item++
			bullet := k.s.bullet
			if unicode.IsDigit(rune(bullet[0])) {
				bullet = strconv.Itoa(item) + bullet[len(bullet)-1:]
			}
			text = bullet + " " + text
		}
		if i > 0 {
			switch {
			case k.s.bullet != "" && prevBullet:
				b.WriteString("\n")
			case k.s.newPara:
				b.WriteString("\n\n")
			default:
				b.WriteString(" ")
			}
		}
		if k.s.newPara {
			prevBullet = k.s.bullet != ""
		}
		b.WriteString(text)
		v := &chk.Sentences[k.verdict]
		v.Citations = uniqInts(ns)
		if len(k.cites) > 0 {
			v.Quote = k.cites[0].quote
		}
	}
	cits := make([]answer.Citation, 0, len(order))
	for i, key := range order {
		cits = append(cits, c.lib.Cite(i+1, key.article, key.quote))
	}
	return Result{Text: b.String(), Citations: cits, Check: chk}
}

func markersOf(ns []int) string {
	var b strings.Builder
	for _, n := range uniqInts(ns) {
		b.WriteString("[" + strconv.Itoa(n) + "]")
	}
	return b.String()
}

func uniqInts(xs []int) []int {
	var out []int
	for _, x := range xs {
		if !containsInt(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func normQuotes(s string) string { return strings.NewReplacer("’", "'", "‘", "'").Replace(s) }

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
