// Package prefilter wraps a regular expression with the literal strings
// every match of it contains, read from its syntax tree, and answers "no
// match" without running the expression on a text that has none of them.
//
// Go's regexp has no such filter (RE2's C++ and Rust's regex have one; the
// one Go port, codesearch's trigram query, is not served by this project's
// module proxy). The answerer runs a hundred expressions, most of them
// alternations of words, over every question and many candidate sentences,
// and most of those texts have none of their words: the backtracker then
// clears and walks a bitmap of program × text for nothing. A scan for a few
// literals costs a fraction of that.
//
// The filter is only ever a necessary condition: a text the expression
// matches always passes it (FuzzNeverRejectsAMatch). An expression with no
// literal every match needs ("\d+", "a*") is run as is.
package prefilter

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Regexp is a compiled expression with its filter. The methods below are
// the expression's own, answered without running it when the text cannot
// match; every other method of regexp.Regexp is the expression's, unfiltered.
type Regexp struct {
	*regexp.Regexp
	need []literal // a match contains one of these; nil: no filter
	// foldKS: a case-folded literal has a k or an s, which Unicode also
	// folds to the Kelvin sign and the long s; a text with either is run.
	foldKS bool
}

// literal is a string a match may need, compared ignoring ASCII case when
// fold is set (then it is lower case ASCII).
type literal struct {
	s    string
	fold bool
}

// maxLiterals bounds a filter: with more alternatives than this, scanning
// for each would cost about what running the expression does, so the
// expression is run unfiltered.
const maxLiterals = 48

// MustCompile is regexp.MustCompile with the filter read from the pattern.
func MustCompile(pattern string) *Regexp {
	re := &Regexp{Regexp: regexp.MustCompile(pattern)}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return re // MustCompile accepted it; no filter then
	}
	need, ok := required(tree.Simplify())
	if !ok || len(need) == 0 || len(need) > maxLiterals {
		return re
	}
	re.need = need
	for _, l := range need {
		if l.fold && strings.ContainsAny(l.s, "ks") {
			re.foldKS = true
		}
	}
	return re
}

// Filtered reports whether re has a filter: a literal every match needs.
func (re *Regexp) Filtered() bool { return re.need != nil }

// mayMatch reports whether s has one of the literals a match needs (always
// true when there is no filter).
func (re *Regexp) mayMatch(s string) bool {
	if re.need == nil {
		return true
	}
	if re.foldKS && (strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")) {
		return true
	}
	for _, l := range re.need {
		if l.fold {
			if containsFold(s, l.s) {
				return true
			}
		} else if strings.Contains(s, l.s) {
			return true
		}
	}
	return false
}

// required returns the literals one of which every match of re contains;
// ok is false when no such set is known (a match may be any text).
func required(re *syntax.Regexp) (need []literal, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		fold := re.Flags&syntax.FoldCase != 0
		s := string(re.Rune)
		if fold {
			for _, r := range re.Rune {
				if r >= utf8.RuneSelf {
					return nil, false // a non-ASCII letter folds in ways containsFold does not read
				}
			}
			s = strings.ToLower(s)
		}
		return []literal{{s, fold}}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpAlternate:
		// A match matches one of the alternatives: it needs one literal of
		// any of them, and nothing if one of them needs nothing.
		var all []literal
		for _, sub := range re.Sub {
			n, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, n...)
		}
		return all, true
	case syntax.OpConcat:
		// A match matches every part in turn: any part's literals are
		// needed. Adjacent literals are one longer literal; of the parts,
		// the one whose shortest literal is longest is the best filter.
		var best []literal
		for _, part := range joinLiterals(re.Sub) {
			n, ok := required(part)
			if ok && better(n, best) {
				best = n
			}
		}
		return best, best != nil
	}
	// Character classes, any character, empty-width assertions, empty
	// matches, stars and question marks need no literal.
	return nil, false
}

// joinLiterals merges runs of adjacent literals with the same case flag.
func joinLiterals(subs []*syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	for _, s := range subs {
		if n := len(out); n > 0 && s.Op == syntax.OpLiteral && out[n-1].Op == syntax.OpLiteral &&
			(s.Flags&syntax.FoldCase) == (out[n-1].Flags&syntax.FoldCase) {
			joined := *out[n-1]
			joined.Rune = append(append([]rune(nil), out[n-1].Rune...), s.Rune...)
			out[n-1] = &joined
			continue
		}
		out = append(out, s)
	}
	return out
}

// better reports whether literals a filter better than b: a longer
// shortest literal (rarer in text), then fewer literals to scan for.
func better(a, b []literal) bool {
	if b == nil {
		return true
	}
	if sa, sb := shortest(a), shortest(b); sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

func shortest(ls []literal) int {
	n := -1
	for _, l := range ls {
		if n < 0 || len(l.s) < n {
			n = len(l.s)
		}
	}
	return n
}

// containsFold reports whether s contains lit, a lower-case ASCII string,
// ignoring ASCII case.
func containsFold(s, lit string) bool {
	if lit == "" {
		return true
	}
	lo := lit[0]
	up := lo
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	for i := 0; i+len(lit) <= len(s); {
		j := indexEither(s[i:len(s)-len(lit)+1], lo, up)
		if j < 0 {
			return false
		}
		i += j
		if equalFoldASCII(s[i+1:i+len(lit)], lit[1:]) {
			return true
		}
		i++
	}
	return false
}

// indexEither is the first index of byte a or b in s, or -1.
func indexEither(s string, a, b byte) int {
	i := strings.IndexByte(s, a)
	if a == b {
		return i
	}
	if i >= 0 {
		s = s[:i] // b only counts before the first a
	}
	if j := strings.IndexByte(s, b); j >= 0 {
		return j
	}
	return i
}

// equalFoldASCII compares s with lower-case lit ignoring ASCII case.
func equalFoldASCII(s, lit string) bool {
	for i := 0; i < len(lit); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

// MatchString is regexp's MatchString, false at once for a text without
// the literals a match needs.
func (re *Regexp) MatchString(s string) bool {
	return re.mayMatch(s) && re.Regexp.MatchString(s)
}

// FindString is regexp's FindString.
func (re *Regexp) FindString(s string) string {
	if !re.mayMatch(s) {
		return ""
	}
	return re.Regexp.FindString(s)
}

// FindStringIndex is regexp's FindStringIndex.
func (re *Regexp) FindStringIndex(s string) []int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp's FindStringSubmatch.
func (re *Regexp) FindStringSubmatch(s string) []string {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp's FindStringSubmatchIndex.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp's FindAllString.
func (re *Regexp) FindAllString(s string, n int) []string {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp's FindAllStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp's FindAllStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !re.mayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp's ReplaceAllString: s itself when nothing
// can match.
func (re *Regexp) ReplaceAllString(s, repl string) string {
	if !re.mayMatch(s) {
		return s
	}
	return re.Regexp.ReplaceAllString(s, repl)
}
