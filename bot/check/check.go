// Package check judges an LLM's answer against the passages it was shown:
// each sentence must carry a valid citation marker and be supported by the
// passages it cites; what fails is dropped and counted, and the citations
// left are renumbered with exact quotes of the articles.
package check

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/retrieval"
)

// The answer is split into sentences, and each is judged on its own:
//   - a marker [n] that points at no passage is removed and counted
//     (Check.InvalidMarkers);
//   - a sentence left without a valid marker is dropped (Check.Uncited),
//     except a plain "The articles don't say ..." which needs none;
//   - a cited sentence must be supported by the passages it cites, by a
//     lexical test: at least SupportThreshold of its distinct content terms
//     (english.Terms: stemmed, stop words removed) occur in those passages
//     (text and title), and every number it states occurs there too (the
//     article's date counts, since the model is shown it). Otherwise it is
//     dropped (Check.Unsupported);
//   - a marker of a supported sentence pointing at a passage that shares no
//     content term with the sentence is removed (Check.IrrelevantMarkers).
//
// The citations left are renumbered 1..n in order of first use; each quotes
// the sentence of its passage that shares the most terms with the sentences
// citing it (passage sentences are exact substrings of the article). An
// answer with no supported, cited sentence is not shown: the engine answers
// offline instead. The test is deliberately strict: a paraphrase that keeps
// the passage's words passes, an invented name, date or number does not.

// SupportThreshold is the share of a sentence's content terms that must occur
// in the passages it cites. Half lets a model rephrase with a few words of
// its own ("led" for "will lead") while an added claim fails.
const SupportThreshold = 0.5

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

// answerSentence is one sentence of an answer with its markers.
type answerSentence struct {
	raw     string // as written, markers included
	bare    string // markers removed
	markers []int  // the numbers of its markers, in order, as written
	newPara bool   // it begins a line
}

var (
	markerAtStart = regexp.MustCompile(`^` + english.MarkerPattern)
	// mentionRE matches what a chat service reads as a mention: @everyone,
	// @here, @name, and Discord's <@123>, <@!123>, <@&123>, <#123>.
	mentionRE = regexp.MustCompile(`<[@#][!&]?\d+>|@(?:everyone|here)\b|@`)
	numberRE  = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	capWordRE = regexp.MustCompile(`\b\p{Lu}[\p{L}’'.-]*`)
	abstain   = regexp.MustCompile(`(?i)^(?:but |however,? )?(?:the )?(?:articles?|passages?|sources?|texts?) (?:do not|don't|does not|doesn't) (?:say|mention|state|answer|tell|specify|report|address)`)
)

// Run checks raw, an answer citing hits as 1..len(hits); lib names the
// articles of the citations.
func Run(raw string, hits []retrieval.Hit, lib answer.Library) Result {
	keep, chk, sawAbstain := judge(raw, hits, lib)
	return assemble(keep, hits, chk, sawAbstain, lib)
}

// kept is a sentence that passed the check, with the hits it cites.
type kept struct {
	s     answerSentence
	cites []int // indexes into hits, in order
}

// judge applies the check to each sentence of raw: it returns the sentences
// kept, what was removed, and whether the model said the articles don't say.
func judge(raw string, hits []retrieval.Hit, lib answer.Library) (keep []kept, chk *answer.Check, sawAbstain bool) {
	chk = &answer.Check{}
	var ev []evidence // computed at the first cited sentence
	for _, s := range answerSentences(raw) {
		var valid []int
		for _, n := range s.markers {
			if n < 1 || n > len(hits) {
				chk.InvalidMarkers++
				continue
			}
			if !containsInt(valid, n-1) {
				valid = append(valid, n-1)
			}
		}
		switch {
		case !hasWord(s.bare):
			continue
		case abstain.MatchString(normQuotes(s.bare)):
			sawAbstain = true
			keep = append(keep, kept{s: s})
			continue
		case len(valid) == 0:
			chk.Uncited++
			chk.DroppedSentence = append(chk.DroppedSentence, strings.TrimSpace(s.raw))
			continue
		}
		if ev == nil {
			ev = evidenceOf(hits, lib)
		}
		cites, irrelevant, ok := supports(s.bare, valid, ev)
		chk.IrrelevantMarkers += irrelevant
		if !ok {
			chk.Unsupported++
			chk.DroppedSentence = append(chk.DroppedSentence, strings.TrimSpace(s.raw))
			continue
		}
		keep = append(keep, kept{s: s, cites: cites})
	}
	return keep, chk, sawAbstain
}

// assemble writes the kept sentences with their citations renumbered 1..n
// in order of first use, and quotes for them.
func assemble(keep []kept, hits []retrieval.Hit, chk *answer.Check, sawAbstain bool, lib answer.Library) Result {
	number := map[int]int{} // hit index -> new n
	var order []int
	for _, k := range keep {
		for _, h := range k.cites {
			if _, ok := number[h]; !ok {
				order = append(order, h)
				number[h] = len(order)
			}
		}
	}
	if len(order) == 0 {
		if sawAbstain {
			return Result{Text: AbstainText, Abstained: true, Check: chk}
		}
		return Result{Check: chk}
	}

	var b strings.Builder
	citing := map[int][]string{} // hit index -> terms of the sentences citing it
	for i, k := range keep {
		if i > 0 {
			if k.s.newPara {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		var ms []int
		for _, h := range k.cites {
			ms = append(ms, number[h])
			citing[h] = append(citing[h], contentTerms(k.s.bare)...)
		}
		b.WriteString(withMarkers(k.s.bare, ms))
	}
	cits := make([]answer.Citation, 0, len(order))
	for _, h := range order {
		p := hits[h].Passage
		cits = append(cits, lib.Cite(number[h], p.Article, bestSentence(p, citing[h])))
	}
	return Result{Text: b.String(), Citations: cits, Check: chk}
}

// evidence is what a passage offers the support test: its content terms
// (title included) and the numbers of its text and date.
type evidence struct {
	terms   map[string]bool
	numbers map[string]bool
}

func evidenceOf(hits []retrieval.Hit, lib answer.Library) []evidence {
	ev := make([]evidence, len(hits))
	for i, h := range hits {
		p := h.Passage
		ev[i] = evidence{terms: map[string]bool{}, numbers: map[string]bool{}}
		for _, t := range contentTerms(p.Text + " " + titleOf(lib, p.Article)) {
			ev[i].terms[t] = true
		}
		for _, n := range numbersOf(p.Text + " " + dateOf(lib, p.Article)) {
			ev[i].numbers[n] = true
		}
	}
	return ev
}

// supports applies the support test to a sentence citing the hits valid. It
// returns the cited hits worth keeping (those sharing a content term with
// the sentence), how many were not, and whether the sentence is supported.
func supports(sent string, valid []int, ev []evidence) (cites []int, irrelevant int, ok bool) {
	terms := uniq(contentTerms(sent))
	if len(terms) == 0 {
		return nil, 0, false
	}
	found := map[string]bool{}
	for _, h := range valid {
		shared := false
		for _, t := range terms {
			if ev[h].terms[t] {
				found[t] = true
				shared = true
			}
		}
		if !shared {
			irrelevant++
			continue
		}
		cites = append(cites, h)
	}
	if len(cites) == 0 || float64(len(found)) < SupportThreshold*float64(len(terms)) {
		return nil, irrelevant, false
	}
	for _, n := range numbersOf(sent) {
		held := false
		for _, h := range cites {
			held = held || ev[h].numbers[n]
		}
		if !held {
			return nil, irrelevant, false
		}
	}
	// Names are claims too: "The talks were held on the Moon [7]" shares
	// most of its words with a passage about the talks, but no passage the
	// model was shown names the Moon. (A name from another of the passages
	// shown is let through: models set the scene with them.)
	for _, t := range namesOf(sent) {
		held := false
		for h := range ev {
			held = held || ev[h].terms[t]
		}
		if !held {
			return nil, irrelevant, false
		}
	}
	return cites, irrelevant, true
}

// namesOf returns the terms of the capitalised words of s that do not open
// it (or a quotation in it): the names it states.
func namesOf(s string) []string {
	var out []string
	for i, loc := range capWordRE.FindAllStringIndex(s, -1) {
		if i == 0 && strings.TrimLeft(s[:loc[0]], " \t\"“‘'(") == "" {
			continue // the sentence's first word
		}
		if before := strings.TrimRight(s[:loc[0]], " "); strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“") || strings.HasSuffix(before, ":") {
			continue // a quotation's or a clause's first word
		}
		if w := s[loc[0]:loc[1]]; !english.IsCalendarWord(w) {
			out = append(out, english.Terms(w)...) // dates are checked as numbers
		}
	}
	return out
}

func titleOf(lib answer.Library, id string) string {
	if a := lib[id]; a != nil {
		return a.Title
	}
	return ""
}

// dateOf is the article's date written so that its numbers can be matched:
// "2025 02 2 18".
func dateOf(lib answer.Library, id string) string {
	if a := lib[id]; a != nil && !a.Published.IsZero() {
		d := a.Published
		return strconv.Itoa(d.Year()) + " " + d.Format("01") + " " + strconv.Itoa(int(d.Month())) + " " + strconv.Itoa(d.Day())
	}
	return ""
}

// numbersOf returns the numbers written in digits in s, thousands separators
// removed and leading zeros dropped ("1,000" -> "1000", "07" -> "7").
func numbersOf(s string) []string {
	var out []string
	for _, n := range numberRE.FindAllString(s, -1) {
		n = strings.ReplaceAll(n, ",", "")
		n = strings.TrimSuffix(n, ".")
		if t := strings.TrimLeft(n, "0"); t != "" && !strings.HasPrefix(t, ".") {
			n = t
		}
		out = append(out, n)
	}
	return out
}

// bestSentence is the sentence of p sharing the most of terms (the first on
// a tie), or its text when it has no sentences.
func bestSentence(p *retrieval.Passage, terms []string) string {
	if len(p.Sentences) == 0 {
		return p.Text
	}
	want := map[string]bool{}
	for _, t := range terms {
		want[t] = true
	}
	best, bestScore := p.Sentences[0], -1
	for _, s := range p.Sentences {
		score := 0
		for _, t := range uniq(contentTerms(s)) {
			if want[t] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// withMarkers writes the markers ms at the end of s, before its final full
// stop, question or exclamation mark: "Rubio led it [1]."
func withMarkers(s string, ms []int) string {
	s = strings.TrimSpace(s)
	if len(ms) == 0 {
		return s
	}
	var m strings.Builder
	for _, n := range ms {
		m.WriteString("[" + strconv.Itoa(n) + "]")
	}
	if last, size := utf8.DecodeLastRuneInString(s); last == '.' || last == '!' || last == '?' {
		return strings.TrimRight(s[:len(s)-size], " ") + " " + m.String() + string(last)
	}
	return s + " " + m.String()
}

// answerSentences splits an answer into sentences. Each line is a
// paragraph (list bullets removed); within a line, a sentence ends at a full
// stop, question or exclamation mark followed (after closing quotes and any
// citation markers) by white space and a capital letter, a digit or an
// opening quote, unless the word before the stop is an abbreviation
// ("U.S.", "Mr.", "Feb.") and no marker follows it.
func answerSentences(text string) []answerSentence {
	var out []answerSentence
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "-*•> ")
		line = strings.Trim(line, " ")
		first := true
		for _, raw := range splitLine(line) {
			s := answerSentence{raw: raw, newPara: first}
			for _, m := range english.Markers.FindAllString(raw, -1) {
				s.markers = append(s.markers, english.MarkerNumbers(m)...)
			}
			s.bare = strings.TrimSpace(english.Markers.ReplaceAllString(raw, ""))
			s.bare = strings.ReplaceAll(strings.ReplaceAll(s.bare, "**", ""), "__", "")
			// No mention survives, whatever the question asked for.
			s.bare = strings.Join(strings.Fields(mentionRE.ReplaceAllString(s.bare, "")), " ")
			out = append(out, s)
			first = false
		}
	}
	return out
}

func splitLine(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(line) && strings.ContainsRune(`)"'`, rune(line[j])) {
			j++
		}
		for strings.HasPrefix(line[j:], "”") || strings.HasPrefix(line[j:], "’") {
			j += len("”")
		}
		marked := false
		if loc := markerAtStart.FindStringIndex(line[j:]); loc != nil {
			for loc != nil {
				j += loc[1]
				marked = true
				loc = markerAtStart.FindStringIndex(line[j:])
			}
			// "[1]." after a stop: take the second stop too.
			if j < len(line) && (line[j] == '.' || line[j] == '!' || line[j] == '?') {
				j++
			}
		}
		if j >= len(line) {
			break
		}
		if line[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[j:], " "))
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“'‘(`, next)) {
			continue
		}
		if c == '.' && !marked && !english.PeriodEndsSentence(line[start:i], line[j:]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:j]))
		start = j
		i = j - 1
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// contentTerms returns the content terms of s, as retrieval indexes them.
func contentTerms(s string) []string { return english.Terms(s) }

func uniq(ts []string) []string {
	seen := map[string]bool{}
	out := ts[:0:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
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
