package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/talksbot/talksbot/corpus/english"
)

// A cited sentence of an answer is a claim, and it is kept only when the
// passages it cites state it. In the order they run, the checks are:
//
//   - support: at least SupportThreshold of the claim's content words
//     (english.Terms; speech verbs and words about the passages aside)
//     occur, as written or as a variant (see match.go), in one or two
//     consecutive sentences of a cited passage: the window that supports it.
//     A claim that borrows a passage's words for a claim of its own ("Bruce
//     said Trump wants an immediate ceasefire") finds no such window;
//   - numbers: every quantity it states, in digits or words ("4.5-hour",
//     "four and a half hours", ranges), is one its window states, or the
//     cited article's date; a hedged one ("about four hours") may be
//     ApproxTolerance off;
//   - polarity: each clause of the claim says what the window's clause with
//     the same words says, not its opposite: the parity of its negations
//     ("not", "no", "never", "n't", "declined") plus the words whose WordNet
//     antonym the window uses instead ("realistic" for "unrealistic") is
//     the window clause's;
//   - speaker: a claim that someone said something ("Trump said ...") is
//     kept only when its speaker is one who speaks in the window, a "he
//     said" there read as a name of the passage's sentences before;
//   - names: every name of the claim (a capitalised word or run, titles
//     and the first word of the sentence aside) is in the passages it
//     cites, its variants as one;
//   - list: a list of three or more names is one list of the window, not
//     names gathered from across it.
//
// A cited passage that shares no content word with the claim is dropped
// from its citations (Check.IrrelevantMarkers).

// SupportThreshold is the share of a claim's content words that its
// supporting window must carry. Measured on the scripted answers of
// testdata/answers.jsonl (see TestScriptedAnswers and README).
const SupportThreshold = 0.65

// evPassage is a cited passage as the checks read it.
type evPassage struct {
	sents [][]tok // its sentences
	all   *bag    // its words and its title's
	date  []number
}

// content is a content word of a claim.
type content struct {
	word, term string
	cap        bool
}

// support is how one cited passage supports a claim.
type support struct {
	hit     int
	from    int // first sentence of the window
	n       int // sentences in the window (1 or 2)
	at      int // the sentence quoted
	matched map[string]bool
	quote   string
}

// judgement is the verdict on one claim.
type judgement struct {
	cites      []support // the cited passages that support it, best first
	irrelevant int
	passed     []string
	failed     string
}

// judgeClaim applies the checks to a claim citing the passages valid.
func (c *checker) judgeClaim(bare string, valid []int) judgement {
	var j judgement
	ct := tokens(bare)
	words := contentWords(ct)
	if len(words) == 0 {
		j.failed = "support: no content words"
		return j
	}
	var sups []support
	found := map[string]bool{}
	for _, h := range valid {
		s := c.window(h, words)
		if len(s.matched) == 0 {
			j.irrelevant++
			continue
		}
		sups = append(sups, s)
		for t := range s.matched {
			found[t] = true
		}
	}
	sort.SliceStable(sups, func(a, b int) bool { return len(sups[a].matched) > len(sups[b].matched) })
	j.cites = sups
	if len(sups) == 0 || float64(len(found)) < SupportThreshold*float64(len(words)) {
		j.failed = fmt.Sprintf("support: %d of %d content words in the cited passages", len(found), len(words))
		return j
	}
	j.passed = append(j.passed, "cited", "support")
	best := sups[0]
	win := c.windowToks(best)

	var have []number
	for _, s := range sups {
		have = append(have, numbersOf(c.windowToks(s))...)
		have = append(have, c.ev[s.hit].date...)
	}
	for _, nb := range numbersOf(ct) {
		if !supportedNumber(nb, have) {
			j.failed = fmt.Sprintf("numbers: %s is not in the cited passages", numberText(nb))
			return j
		}
	}
	j.passed = append(j.passed, "numbers")

	if !c.polarity(ct, win) {
		j.failed = "polarity: the cited passage says the opposite"
		return j
	}
	j.passed = append(j.passed, "polarity")

	if who := claimSpeaker(ct); len(who) > 0 {
		speaks := false
		for _, s := range sups {
			speaks = speaks || c.speaks(who, s)
		}
		if !speaks {
			j.failed = "speaker: " + strings.Join(rawOf(who), " ") + " does not say it in the cited passage"
			return j
		}
		j.passed = append(j.passed, "speaker")
	}

	cited := newBag(nil)
	for _, h := range valid {
		cited.add(c.article(h).toks)
	}
	for _, name := range namesOf(ct) {
		if !c.m.findName(cited, c.shown(), name) {
			j.failed = "names: " + strings.Join(rawOf(name), " ") + " is not in the cited passages"
			return j
		}
	}
	j.passed = append(j.passed, "names")

	if items := listOf(ct); len(items) >= 3 {
		if missing := c.oneList(items, win); missing != "" {
			j.failed = "list: " + missing + " is not in the cited passage's list"
			return j
		}
		j.passed = append(j.passed, "list")
	}
	return j
}

// contentWords returns the content words of a claim, each term once.
func contentWords(ts []tok) []content {
	var out []content
	seen := map[string]bool{}
	for i, t := range ts {
		// Numbers and dates are checked as numbers, speakers as speakers.
		if t.punct || speechVerb(t) || metaWord(strings.ToLower(t.raw)) || english.IsCalendarWord(t.raw) || digitsRE().MatchString(t.raw) {
			continue
		}
		if strings.EqualFold(t.raw, "to") && i > 0 && strings.EqualFold(ts[i-1].raw, "according") {
			continue
		}
		for _, w := range t.words {
			term := english.Term(w)
			if _, num := english.NumberWord(w); num || term == "" || seen[term] {
				continue
			}
			seen[term] = true
			out = append(out, content{word: w, term: term, cap: t.cap})
		}
	}
	return out
}

// window finds the sentence, or two consecutive sentences, of passage h
// that carry the most of the claim's words; its quote is the sentence of
// the window that carries the most (names and numbers count double).
func (c *checker) window(h int, words []content) support {
	ev := c.ev[h]
	best := support{hit: h}
	for i := range ev.sents {
		for n := 1; n <= 2 && i+n <= len(ev.sents); n++ {
			b := newBag(nil)
			for k := i; k < i+n; k++ {
				b.add(ev.sents[k])
			}
			matched := map[string]bool{}
			for _, w := range words {
				// An antonym meets the word too: the polarity check
				// then judges which way the claim goes.
				if c.m.find(b, w.word, w.term, w.cap) != "" || !w.cap && c.m.opposite(b, w.word) {
					matched[w.term] = true
				}
			}
			if len(matched) > len(best.matched) {
				best = support{hit: h, from: i, n: n, matched: matched}
			}
		}
	}
	if best.matched == nil {
		return best
	}
	bestScore := -1
	for k := best.from; k < best.from+best.n; k++ {
		b := newBag(ev.sents[k])
		score := 0
		for _, w := range words {
			if c.m.find(b, w.word, w.term, w.cap) != "" {
				score++
				if w.cap {
					score++
				}
			}
		}
		if score > bestScore {
			best.quote, best.at, bestScore = c.hits[h].Passage.Sentences[k], k, score
		}
	}
	return best
}

func (c *checker) windowToks(s support) []tok {
	var out []tok
	for k := s.from; k < s.from+s.n; k++ {
		out = append(out, c.ev[s.hit].sents[k]...)
		out = append(out, tok{raw: ".", punct: true})
	}
	return out
}

// negScope is how many words after a negation it reaches.
const negScope = 4

// polarity reports whether each clause of the claim ct keeps the polarity
// of the window's clause that shares the most words with it. A negation
// counts when it reaches a word the two share (or its antonym): "had not
// been informed" says nothing about "negotiations ... futile" further on.
func (c *checker) polarity(ct, win []tok) bool {
	wcs := clauses(win)
	bags := make([]*bag, len(wcs))
	for i, wc := range wcs {
		bags[i] = newBag(wc)
	}
	for _, cc := range clauses(ct) {
		words := contentWords(cc)
		if len(words) < 2 {
			continue
		}
		// The window's clause that shares the most words with the claim's,
		// an antonym counting double (it is what the clause is about).
		bi, bn := -1, 1
		for i, b := range bags {
			n := 0
			for _, w := range words {
				switch {
				case c.m.find(b, w.word, w.term, w.cap) != "":
					n++
				case !w.cap && c.m.opposite(b, w.word):
					n += 2
				}
			}
			if n > bn {
				bi, bn = i, n
			}
		}
		if bi < 0 {
			continue
		}
		cb := newBag(cc)
		shared := func(t tok, other *bag) bool {
			for _, w := range t.words {
				if tm := english.Term(w); tm != "" && (c.m.find(other, w, tm, t.cap) != "" || c.m.opposite(other, w)) {
					return true
				}
			}
			return false
		}
		flips := negations(cc, func(t tok) bool { return shared(t, bags[bi]) })
		for _, w := range words {
			if w.cap || c.m.find(bags[bi], w.word, w.term, false) != "" {
				continue
			}
			if c.m.opposite(bags[bi], w.word) {
				flips++
			}
		}
		neg := negations(wcs[bi], func(t tok) bool { return shared(t, cb) })
		if flips%2 != neg%2 {
			return false
		}
	}
	return true
}

// negations counts the negations of ts that reach a word for which
// shared holds.
func negations(ts []tok, shared func(tok) bool) int {
	n := 0
	for i, t := range ts {
		if !t.neg {
			continue
		}
		for k := i + 1; k < len(ts) && k <= i+negScope; k++ {
			if shared(ts[k]) {
				n++
				break
			}
		}
	}
	return n
}

func numberText(n number) string {
	if n.lo != n.hi {
		return fmt.Sprintf("%g-%g", n.lo, n.hi)
	}
	return fmt.Sprintf("%g", n.lo)
}

func rawOf(ts []tok) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.raw)
	}
	return out
}

// article returns the words of the article of hit h (title included).
func (c *checker) article(h int) *bag {
	id := c.hits[h].Passage.Article
	if b, ok := c.articles[id]; ok {
		return b
	}
	b := c.ev[h].all
	if a := c.lib[id]; a != nil {
		b = newBag(tokens(a.Title + ". " + a.Text))
	}
	c.articles[id] = b
	return b
}

// shown returns the words of every passage the model was shown.
func (c *checker) shown() *bag {
	if c.all == nil {
		c.all = newBag(nil)
		for _, ev := range c.ev {
			c.all.add(ev.all.toks)
		}
	}
	return c.all
}
