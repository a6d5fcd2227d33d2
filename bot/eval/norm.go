package eval

import (
	"regexp"
	"strings"
	"unicode"
)

// The text matching of score.py (../shared/eval/score.py), reproduced to the
// code point so that Go and Python agree on every answer:
//
//	def norm(s):
//	    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
//	    s = s.replace("\u2013", "-").replace("\u2014", "-")
//	    return re.sub(r"\s+", " ", s)
//
//	def has(text, group):
//	    t = norm(text)
//	    return any(norm(a) in t for a in group)
//
// Python's str.lower, its \s and \d, and str.split differ from Go's defaults
// in a few places (İ, final sigma, U+001C..U+001F, non-ASCII digits); the
// functions below follow Python.

// markerRE matches the citation markers that score.py removes from an answer
// before matching facts and counting words: re.sub(r"\[\d+\]", "", answer).
// Python's \d in a str pattern is any decimal digit (category Nd).
var markerRE = regexp.MustCompile(`\[\p{Nd}+\]`)

// quoteDash is the replacement step of score.py's norm.
var quoteDash = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2013", "-", "\u2014", "-",
)

// StripMarkers removes the [n] citation markers from an answer, as score.py
// does before matching facts and counting words.
func StripMarkers(answer string) string { return markerRE.ReplaceAllString(answer, "") }

// Norm is score.py's norm: lower case, curly quotes and en/em dashes made
// plain, every run of white space made one space (the ends are not trimmed).
func Norm(s string) string {
	s = quoteDash.Replace(pyLower(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isPySpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Has reports whether text contains one of the alternatives of a fact group,
// after Norm on both sides (score.py's has).
func Has(text string, group []string) bool {
	return hasNorm(Norm(text), group)
}

// hasNorm is Has for a text already normalised.
func hasNorm(t string, group []string) bool {
	for _, a := range group {
		if strings.Contains(t, Norm(a)) {
			return true
		}
	}
	return false
}

// Words counts the words of s as Python's str.split() does.
func Words(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if isPySpace(r) {
			in = false
			continue
		}
		if !in {
			n++
		}
		in = true
	}
	return n
}

// isPySpace is Python's str.isspace for one character, which is also what
// \s matches in a str pattern and where str.split() splits: Go's
// unicode.IsSpace plus the separators U+001C..U+001F.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyLower is Python's str.lower: the full lower-case mapping, which differs
// from Go's simple mapping for U+0130 (İ -> i + combining dot above) and for
// capital sigma at the end of a word (Σ -> ς).
func pyLower(s string) string {
	simple := true
	for _, r := range s {
		if r == 'İ' || r == 'Σ' {
			simple = false
			break
		}
	}
	if simple {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	for i, r := range rs {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(rs, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the Σ at rs[i] is in the Final_Sigma context of
// Unicode (and CPython's handle_capital_sigma): a cased letter before it and
// none after it, case-ignorable characters skipped on both sides.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

// cased is the Unicode property Cased.
func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is the Unicode property Case_Ignorable: marks, format
// characters, modifier letters and symbols, and the word-break MidLetter,
// MidNumLet and Single_Quote characters.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xB7, 0x2018, 0x2019, 0x2024, 0x2027,
		0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A, 0x387, 0x55F, 0x5F4:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
