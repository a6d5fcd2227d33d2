package dates

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Where a rule's expression runs. Go's regexp tries an unanchored
// expression at every position of its input, and the rules' expressions are
// long case-insensitive alternations: run over whole sentences, they were
// most of the cost of reading dates (42 µs a sentence of the 5,000 articles
// of cmd/scale). Every match of a rule holds one of its key words (a month
// name for the month rules, four digits for "year", "week" for "last week"
// ...) and reaches at most a few words before and after it (rule.reach), so
// the expression runs only on the stretch of words around each key word of
// the sentence (stretches that meet are joined). That gives exactly the
// matches of the whole sentence, in the same order:
//   - a stretch starts at the start of a word and ends at the end of one, so
//     \b, the only thing these expressions test outside what they match,
//     sees at its ends what it sees in the whole sentence;
//   - every match lies inside the stretch of the key word it holds, so no
//     match starts between stretches or crosses from one into the next, and
//     within a stretch the expression finds what it finds there in the
//     whole sentence.
//
// Words are what \b sees: runs of ASCII letters, digits and '_'. Under (?i)
// two other letters match ASCII ones, 'ſ' (s) and 'K' (Kelvin, k); a
// sentence with either is read whole. TestWindowsMatchAsWhole and
// FuzzWindows hold the stretches to the whole sentence's matches.

// span is the byte range [start, end) of a word of a sentence.
type span struct{ start, end int }

// Key words that are not words: a number of four digits (a year) and one
// of one or two digits with an ordinal suffix ("3rd").
const (
	keyYear    = "#year"
	keyOrdinal = "#ordinal"
)

// keyRules maps each key word (lower case) to the rules that it keys, a bit
// per index in rules.
var keyRules = sync.OnceValue(func() map[string]uint32 {
	m := map[string]uint32{}
	for i, r := range rules {
		for _, w := range r.keys {
			m[w] |= 1 << i
		}
	}
	return m
})

// keyFirst has bit c-'a' set for the first letter c of every key word.
var keyFirst = sync.OnceValue(func() uint32 { return firstLetters(keyRules()) })

// words returns the words of s (see span), appended to buf.
func words(s string, buf []span) []span {
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		buf = append(buf, span{i, j})
		i = j
	}
	return buf
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// keyBits returns the rules that w is a key word of in index (see
// keyRules): w stands for a key word in lower case, or for keyYear or
// keyOrdinal. It makes no string of w.
func keyBits(index map[string]uint32, w string) uint32 {
	if len(w) == 0 || len(w) > 9 {
		return 0
	}
	if w[0] >= '0' && w[0] <= '9' {
		digits := 0
		for digits < len(w) && w[digits] >= '0' && w[digits] <= '9' {
			digits++
		}
		switch {
		case digits == 4 && len(w) == 4:
			return index[keyYear]
		case digits <= 2 && len(w) == digits+2 && isOrdinalSuffix(w[digits:]):
			return index[keyOrdinal]
		}
		return 0
	}
	if c := w[0] | 0x20; c < 'a' || c > 'z' || keyFirst()&(1<<(c-'a')) == 0 {
		return 0 // no key word starts so ('_' | 0x20 is past 'z')
	}
	var b [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return index[string(b[:len(w)])]
}

// isOrdinalSuffix reports whether s is st, nd, rd or th in any case.
func isOrdinalSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// sentenceWords is what the rules need to know of the words of a
// sentence. It does not hold the sentence: escape analysis would then keep
// its buffers off the stack, since the sentence goes to the expressions.
type sentenceWords struct {
	ws    []span   // the words of the sentence
	keys  []uint32 // the rules each word is a key word of (see keyRules)
	all   uint32   // the rules any word of s is a key word of
	whole bool     // s is read whole (see readWhole)
}

// wordsOf returns the words of s, appended to wbuf, and their key bits,
// appended to kbuf. It returns a value, not a pointer's target, so that
// buffers on the caller's stack stay there.
func wordsOf(s string, wbuf []span, kbuf []uint32) sentenceWords {
	w := sentenceWords{ws: words(s, wbuf), whole: readWhole(s), keys: kbuf}
	index := keyRules()
	for _, sp := range w.ws {
		bits := keyBits(index, s[sp.start:sp.end])
		w.keys = append(w.keys, bits)
		w.all |= bits
	}
	return w
}

// mayMatch reports whether rule i may match the sentence: it needs no key
// word, or the sentence has one, or it is read whole.
func (w *sentenceWords) mayMatch(i int) bool {
	return rules[i].keys == nil || w.whole || w.all&(1<<i) != 0
}

// windowed reports whether rule i runs around key words of the sentence
// (see matches).
func (w *sentenceWords) windowed(i int) bool {
	return rules[i].keys != nil && !w.whole && w.all&(1<<i) != 0
}

// matches returns the matches of rule i in s, the sentence of w, as
// FindAllStringSubmatchIndex on the whole sentence does; folded is s with
// its ASCII letters in lower case (foldASCII).
func (w *sentenceWords) matches(i int, s, folded string) [][]int {
	r := &rules[i]
	switch {
	case r.keys == nil || w.whole:
		return r.re().FindAllStringSubmatchIndex(s, -1)
	case !w.windowed(i):
		return nil
	}
	return windowMatches(i, s, folded, w.ws, w.keys)
}

// foldedREs holds, for each rule run around key words, its expression for
// text whose ASCII letters are in lower case (see foldedRE), or nil.
var foldedREs = sync.OnceValue(func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(rules))
	for i, r := range rules {
		if r.keys != nil {
			res[i] = foldedRE(r.re())
		}
	}
	return res
})

// foldedRE returns re, a case-insensitive expression, as an expression
// that matches text whose ASCII letters are in lower case (foldASCII) where
// re matches the text as written, at the same offsets: its literals in
// lower case and matched as they are. Go's regexp compares every letter of
// a case-insensitive literal through unicode.SimpleFold; this one compares
// bytes. Classes keep both cases, as (?i) made them. It holds for a
// stretch of text that re would not read whole (see readWhole: (?i) also
// matches 's' with 'ſ' and 'k' with 'K'). Nil when re is not all
// case-insensitive, or folds a letter that is not ASCII.
func foldedRE(re *regexp.Regexp) *regexp.Regexp {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	ok := true
	var lower func(t *syntax.Regexp)
	lower = func(t *syntax.Regexp) {
		switch t.Op {
		case syntax.OpLiteral:
			if t.Flags&syntax.FoldCase == 0 {
				// A literal matched as written: fine unless it has a letter.
				for _, c := range t.Rune {
					ok = ok && unicode.SimpleFold(c) == c
				}
				break
			}
			for k, c := range t.Rune {
				switch {
				case 'A' <= c && c <= 'Z':
					t.Rune[k] = c + 'a' - 'A'
				case c >= utf8.RuneSelf && unicode.SimpleFold(c) != c:
					ok = false
				}
			}
			t.Flags &^= syntax.FoldCase
		case syntax.OpCharClass:
			// (?i) made the class hold both cases of its letters; one
			// without would miss the text's upper-case ones in s, and
			// find nothing different in folded only if it has no letters.
			if t.Flags&syntax.FoldCase == 0 {
				for k := 0; k+1 < len(t.Rune); k += 2 {
					lo, hi := t.Rune[k], t.Rune[k+1]
					ok = ok && (hi < 'A' || lo > 'z' || hi < 'a' && lo > 'Z')
				}
			}
		}
		for _, sub := range t.Sub {
			lower(sub)
		}
	}
	lower(tree)
	if !ok {
		return nil
	}
	folded, err := regexp.Compile(tree.String())
	if err != nil {
		return nil
	}
	return folded
}

// readWhole reports whether s must be read whole: it holds a letter that
// (?i) matches with an ASCII one.
func readWhole(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

// alsoRules maps each rule's also to the bits of the rules it names.
var alsoRules = sync.OnceValue(func() []uint32 {
	bits := make([]uint32, len(rules))
	for i, r := range rules {
		for _, name := range r.also {
			n := slices.IndexFunc(rules, func(o rule) bool { return o.name == name })
			if n < 0 {
				panic("dates: rule " + r.name + " names no rule " + name)
			}
			bits[i] |= 1 << n
		}
	}
	return bits
})

// mayHoldMatch reports whether text, a stretch of a sentence whose words
// have the key bits keys, may hold a match of rule i: a digit, if every
// match holds one, and a key word of a rule of its also.
func mayHoldMatch(i int, text string, keys []uint32) bool {
	r := &rules[i]
	if r.digit && !strings.ContainsAny(text, "0123456789") {
		return false
	}
	if also := alsoRules()[i]; also != 0 {
		var any uint32
		for _, k := range keys {
			any |= k
		}
		return any&also != 0
	}
	return true
}

// windowMatches returns the matches of rule i in s, as
// FindAllStringSubmatchIndex on the whole of s would: its expression run on
// the stretches around its key words (ws the words of s, keys their bits
// from keyed) that may hold one (see mayHoldMatch), in folded, s with its
// ASCII letters in lower case, when the rule has a foldedRE.
func windowMatches(i int, s, folded string, ws []span, keys []uint32) [][]int {
	r := &rules[i]
	bit := uint32(1) << i
	re, text := foldedREs()[i], folded
	if re == nil {
		re, text = r.re(), s
	}
	var out [][]int
	lo, hi := -1, -1
	wlo, whi := 0, 0 // the words of s[lo:hi], ws[wlo:whi]
	flush := func() {
		if !mayHoldMatch(i, s[lo:hi], keys[wlo:whi]) {
			return
		}
		for _, loc := range re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += lo
				}
			}
			out = append(out, loc)
		}
	}
	for j := range ws {
		if keys[j]&bit == 0 {
			continue
		}
		first := max(0, j-r.reach[0])
		a := ws[first].start
		// One word more than the reach: a match may end on what follows its
		// last word ("Feb.", "Tuesday’s").
		b, last := len(s), len(ws)
		if k := j + r.reach[1] + 1; k < len(ws) {
			b, last = ws[k].end, k+1
		}
		if lo >= 0 && a <= hi {
			hi, whi = max(hi, b), max(whi, last)
			continue
		}
		if lo >= 0 {
			flush()
		}
		lo, hi, wlo, whi = a, b, first, last
	}
	if lo >= 0 {
		flush()
	}
	return out
}
