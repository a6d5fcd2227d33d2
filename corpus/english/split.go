package english

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split splits text into sentences. Every sentence returned is a substring of
// text with surrounding white space trimmed, in the order of text, and only
// white space between sentences is dropped.
//
// The splitter is rule based, because the library splitters tried on this
// corpus break "U.S.", "(Feb. 18" and "Mr." (see NOTES.md):
//   - a blank line (paragraph break) always ends a sentence;
//   - '.', '!', '?', '…' and runs of them ("?!", "...") end a sentence when
//     followed, after any closing quotes or brackets, by white space and a
//     plausible sentence start (an upper-case letter, a digit, an opening
//     quote or bracket);
//   - a period after a known abbreviation (titles, months, "e.g.") or an
//     initial ("J.") does not end a sentence; after abbreviations that can
//     end a sentence ("U.S.", "a.m.", "etc.") it does only when the next word
//     is a typical sentence opener ("The", "He", "But" ...);
//   - a period inside a number ("4.5") is never an end, as it has no space.
//
// A single line break is white space: hard-wrapped text stays whole.
func Split(text string) []string {
	var out []string
	for _, sp := range sentenceSpans(text) {
		out = append(out, text[sp[0]:sp[1]])
	}
	return out
}

// span is a half-open byte range [start, end) of a text.
type span [2]int

// sentenceSpans returns the byte ranges of the sentences of text, trimmed.
func sentenceSpans(text string) []span {
	var spans []span
	for _, p := range paragraphSpans(text) {
		start := p[0]
		for _, cut := range sentenceCuts(text[p[0]:p[1]]) {
			spans = appendTrimmed(spans, text, start, p[0]+cut)
			start = p[0] + cut
		}
		spans = appendTrimmed(spans, text, start, p[1])
	}
	return spans
}

// appendTrimmed appends text[start:end] with white space trimmed, unless it
// is empty.
func appendTrimmed(spans []span, text string, start, end int) []span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start < end {
		spans = append(spans, span{start, end})
	}
	return spans
}

// paragraphSpans cuts text at blank lines: a line break, optional horizontal
// white space, and another line break.
func paragraphSpans(text string) []span {
	var spans []span
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			spans = append(spans, span{start, i})
			for j < len(text) && isSpaceByte(text[j]) {
				j++
			}
			start = j
			i = j - 1
		}
	}
	return append(spans, span{start, len(text)})
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' || b == '\f'
}

// sentenceCuts returns the byte offsets in para after which a new sentence
// starts (the offset just after the terminator and its closing quotes).
func sentenceCuts(para string) []int {
	var cuts []int
	for i := 0; i < len(para); {
		r, n := utf8.DecodeRuneInString(para[i:])
		if !isTerminator(r) {
			i += n
			continue
		}
		// Consume the run of terminators, then closing quotes and brackets.
		end := i
		periods, others := 0, 0
		for end < len(para) {
			r2, n2 := utf8.DecodeRuneInString(para[end:])
			if !isTerminator(r2) {
				break
			}
			if r2 == '.' {
				periods++
			} else {
				others++
			}
			end += n2
		}
		for end < len(para) {
			r2, n2 := utf8.DecodeRuneInString(para[end:])
			if !isCloser(r2) {
				break
			}
			end += n2
		}
		if isBoundary(para, i, end, periods == 1 && others == 0) {
			cuts = append(cuts, end)
		}
		i = end
	}
	return cuts
}

// isBoundary reports whether the terminator run at para[i:end] ends a
// sentence. singlePeriod is true when the run is one '.'.
func isBoundary(para string, i, end int, singlePeriod bool) bool {
	// White space must follow; a terminator at the very end is handled by
	// the paragraph end.
	if end >= len(para) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(para[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	next := nextWord(para[end:])
	if !startsSentence(next) {
		return false
	}
	if !singlePeriod {
		return true // "?", "!", "...", "…": the next word decides
	}
	return periodEnds(prevWord(para[:i]), next)
}

// PeriodEndsSentence reports whether a full stop ends a sentence, given the
// text before it and the text after it, when the word after it could begin
// a sentence (an upper-case letter or a digit). It is the abbreviation rule
// of Split, for other sentence splitters: a title, month or "e.g." never
// ends one ("Mr. Rubio", "Feb. 18"); "U.S.", "etc." or "a.m." end one only
// before a typical opener ("... the U.S. The talks"); "No." only before a
// word that is not a number.
func PeriodEndsSentence(before, after string) bool {
	return periodEnds(prevWord(before), nextWord(after))
}

// IsAbbreviation reports whether w, a word ending in a period (closing
// quotes or brackets may follow), is an abbreviation ("U.S.", "Mr.",
// "Feb.", an initial "J.") rather than a word that ends a sentence.
func IsAbbreviation(w string) bool {
	w = strings.TrimRightFunc(w, isCloser)
	if !strings.HasSuffix(w, ".") {
		return false
	}
	w = strings.TrimLeftFunc(strings.TrimSuffix(w, "."), isOpenQuote)
	return abbreviationKind(w) != abbrNone
}

// periodEnds is PeriodEndsSentence on the words either side of the period.
func periodEnds(word, next string) bool {
	switch abbreviationKind(word) {
	case abbrNever:
		return false
	case abbrNumber:
		// "No. 10": an abbreviation before a number only.
		nr, _ := utf8.DecodeRuneInString(next)
		return !unicode.IsDigit(nr)
	case abbrMayEnd:
		return isOpener(next)
	}
	return true
}

// nextWord returns the text after leading white space up to the next white
// space.
func nextWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if j := strings.IndexFunc(s, unicode.IsSpace); j >= 0 {
		s = s[:j]
	}
	return s
}

// prevWord returns the word that ends where s ends, without opening
// punctuation, e.g. "(Feb" for "... on (Feb".
func prevWord(s string) string {
	w := s
	if j := strings.LastIndexFunc(s, unicode.IsSpace); j >= 0 {
		_, size := utf8.DecodeRuneInString(s[j:]) // a no-break space is two bytes
		w = s[j+size:]
	}
	return strings.TrimLeftFunc(w, func(r rune) bool { return isOpenQuote(r) || r == '(' || r == '[' || r == '—' || r == '–' })
}

// startsSentence reports whether w can begin a sentence: an upper-case
// letter or digit, possibly after opening quotes or brackets.
func startsSentence(w string) bool {
	for _, r := range w {
		switch {
		case isOpenQuote(r) || r == '(' || r == '[' || r == '\'' || r == '"':
			continue
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		default:
			return false
		}
	}
	return false
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpenQuote(r rune) bool {
	switch r {
	case '“', '‘', '«', '"', '\'':
		return true
	}
	return false
}

type abbrKind int

const (
	abbrNone   abbrKind = iota
	abbrNever           // never ends a sentence: titles, months, "e.g."
	abbrMayEnd          // ends one only before a sentence opener: "U.S."
	abbrNumber          // abbreviation before a number: "No. 5"
)

// neverEnd are abbreviations that precede what they qualify (lower case,
// without the final period).
var neverEnd = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "lt",
	"col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "pres", "rev", "hon",
	"supt", "insp", "amb", "sec", "atty", "mt", "ft", "fr",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"e.g", "i.e", "cf", "vs", "v", "approx", "est", "dept", "fig", "ca",
	"ave", "blvd", "rd", "gens", "sens", "reps", "messrs",
)

// mayEnd are abbreviations that often close a sentence too.
var mayEnd = setOf("etc", "inc", "corp", "ltd", "co", "bros", "a.m", "p.m", "jr", "sr", "al")

// openers are words that typically begin a sentence, used to decide whether
// "U.S." or "etc." closes one.
var openers = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that",
	"these", "those", "there", "their", "his", "her", "its", "our", "but", "and",
	"or", "so", "yet", "however", "meanwhile", "moreover", "in", "on", "at", "as",
	"after", "before", "while", "when", "if", "although", "despite", "still",
	"then", "now", "earlier", "later", "also", "since", "both", "some", "many",
	"most", "other", "another", "one", "such", "according", "what", "who", "why",
	"how", "where", "for", "with", "by", "from", "to", "no", "not", "all",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// abbreviationKind classifies the word before a period.
func abbreviationKind(word string) abbrKind {
	lw := strings.ToLower(word)
	switch {
	case lw == "":
		return abbrNone
	case neverEnd[lw]:
		return abbrNever
	case mayEnd[lw]:
		return abbrMayEnd
	case lw == "no" || lw == "nos" || lw == "art" || lw == "vol" || lw == "p" || lw == "pp":
		return abbrNumber
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return abbrNever // an initial: "J. Smith"
		}
	}
	if isDottedAcronym(word) {
		return abbrMayEnd // "U.S", "U.N", "D.C"
	}
	return abbrNone
}

// isDottedAcronym reports whether w is letters separated by single periods,
// as "U.S" (the final period is not part of w).
func isDottedAcronym(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isOpener reports whether the word w (with any leading quotes) is a
// typical sentence opener.
func isOpener(w string) bool {
	w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return openers[strings.ToLower(w)]
}
