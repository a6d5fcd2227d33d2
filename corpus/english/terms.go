package english

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

// Terms returns the normalised, stemmed terms of text, stop words removed,
// in text order. It is the analysis chain of the whole engine: the index,
// the answerers, the check and the timeline all read text through it, so
// that a fix here reaches every one of them.
//
// Normalisation: lower case; diacritics folded ("Baños" -> "banos"); curly
// quotes read as straight ones; possessives and contractions dropped
// ("Russia’s" -> "russia"); dotted acronyms joined ("U.S." -> "us"); numbers
// keep their decimal point ("4.5"); hyphenated words give their parts
// ("4.5-hour" -> "4.5", "hour"). Each word of five letters or more is then
// folded for transliteration (final "yy" -> "y", final "ey" -> "ei") and
// stemmed with the Snowball English stemmer, so Zelensky, Zelenskyy and
// Zelenski give one term, as do Sergei and Sergey, and Yuri and Yury.
func Terms(text string) []string {
	var out []string
	for _, w := range Words(text) {
		if t := Term(w); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Term turns one word, as Words returns it, into its term; "" for a stop
// word. Terms are remembered (see stems).
func Term(w string) string {
	stems.mu.RLock()
	t, ok := stems.m[w]
	stems.mu.RUnlock()
	if ok {
		return t
	}
	t = term(w)
	stems.mu.Lock()
	if len(stems.m) >= maxStems {
		clear(stems.m) // a corpus past the bound: start over rather than grow
	}
	stems.m[w] = t
	stems.mu.Unlock()
	return t
}

// IsStopWord reports whether w, a lower-case word, carries no topic.
func IsStopWord(w string) bool { return stopWords[w] }

// term turns one lower-case word into its term, or "" for a stop word.
func term(w string) string {
	if stopWords[w] {
		return ""
	}
	if base, ok := irregular[w]; ok {
		w = base
	} else if base := singularMan(w); base != "" {
		w = base
	} else if base := wordnet.Irregular(w); base != "" && !strings.Contains(base, " ") {
		w = base // "sank": "sink", "children": "child"
	}
	w = FoldTranslit(w)
	return english.Stem(w, true)
}

// stems remembers the term of every word seen, for every caller at once:
// stemming was a third of a whole-process answer when the index, the
// answerer and the timeline each stemmed the corpus again. It is the one
// piece of mutable package state of the engine, a cache that changes no
// result; safe for concurrent use, bounded by maxStems words.
var stems = struct {
	mu sync.RWMutex
	m  map[string]string
}{m: make(map[string]string)}

// maxStems bounds the stem cache (a few MB).
const maxStems = 1 << 18

// FoldTranslit folds common variants of transliterated (mostly Slavic)
// names onto one spelling, by general rules on word endings rather than a
// list of names:
//   - a final "yy" becomes "y" (Zelenskyy -> Zelensky);
//   - a final "ey" becomes "ei" (Sergey -> Sergei, Alexey -> Alexei).
//
// Together with the stemmer, which turns a final consonant+"y" into "i",
// Zelensky, Zelenskyy and Zelenski meet, as do Yuri and Yury. Only words of
// five letters or more are folded, so short words ("key", "they") keep
// their form; the folding is applied to queries and documents alike, so an
// English word it touches ("money" -> "monei") still matches itself.
// Variants inside a word (Volodymyr / Volodymir) are left to the
// character n-grams of the embedder.
func FoldTranslit(w string) string {
	if len(w) < 5 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "yy"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ey"):
		return w[:len(w)-1] + "i"
	}
	return w
}

// Words returns the lower-case, diacritic-folded words of text: runs of
// letters and digits, with "4.5" and "u.s." kept together and apostrophe
// suffixes dropped.
func Words(text string) []string {
	var out []string
	var b strings.Builder
	seg, singles := 0, true // runes since the word start or last acronym period; all segments one letter
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
		seg, singles = 0, true
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			writeFolded(&b, r)
			seg++
			if seg > 1 || !unicode.IsLetter(r) {
				singles = false
			}
			i += n
		case r == '.' && b.Len() > 0:
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, nn := utf8.DecodeRuneInString(text[i+n:])
			switch {
			case unicode.IsDigit(prev) && unicode.IsDigit(next):
				// "4.5": a decimal point between digits.
				b.WriteByte('.')
				seg, singles = 0, false
			case singles && seg == 1 && unicode.IsLetter(next) && i+n+nn < len(text) && text[i+n+nn] == '.':
				// "U.S.": single letters separated by periods are joined.
				seg = 0
			default:
				flush()
			}
			i += n
		case (r == '\'' || r == '’' || r == '‘') && b.Len() > 0:
			// "Russia's", "we're", "don't": drop the suffix.
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			suffix := text[i+n : j]
			if strings.EqualFold(suffix, "t") && strings.HasSuffix(b.String(), "n") {
				// "couldn't" -> "could", a stop word like the others.
				w := b.String()
				b.Reset()
				b.WriteString(w[:len(w)-1])
			}
			flush()
			if isContraction(suffix) {
				i = j
			} else {
				i += n
			}
		default:
			flush()
			i += n
		}
	}
	flush()
	return out
}

func isContraction(s string) bool {
	switch strings.ToLower(s) {
	case "s", "t", "re", "ll", "ve", "d", "m":
		return true
	}
	return false
}

// writeFolded writes r lower-cased with its diacritics removed.
func writeFolded(b *strings.Builder, r rune) {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	r = unicode.ToLower(r)
	if s, ok := diacritics[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(r)
}

// diacritics maps accented Latin letters to their base letters.
var diacritics = func() map[rune]string {
	pairs := []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"æ", "ae"}, {"çćĉċč", "c"}, {"ďđ", "d"},
		{"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"},
		{"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"œ", "oe"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ß", "ss"},
		{"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
		{"þ", "th"}, {"ð", "d"},
	}
	m := make(map[rune]string)
	for _, p := range pairs {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	return m
}()

// stopWords are dropped from terms: the Snowball English list, the
// remainders of contractions, and question and modal words that carry no
// topic ("how many", "would").
var stopWords = setOf(
	"a", "about", "above", "after", "again", "against", "all", "am", "an",
	"and", "any", "are", "as", "at", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "did", "do",
	"does", "doing", "don", "down", "during", "each", "few", "for", "from",
	"further", "had", "has", "have", "having", "he", "her", "here", "hers",
	"herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
	"it", "its", "itself", "just", "me", "more", "most", "my", "myself",
	"no", "non", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
	"other", "our", "ours", "ourselves", "out", "over", "own", "s", "same",
	"she", "should", "so", "some", "such", "t", "than", "that", "the", "their",
	"theirs", "them", "themselves", "then", "there", "these", "they",
	"this", "those", "through", "to", "too", "under", "until", "up",
	"very", "was", "we", "were", "what", "when", "where", "which", "while",
	"who", "whom", "why", "will", "with", "you", "your", "yours", "yourself",
	"yourselves",
	"would", "could", "shall", "might", "must", "also", "many", "much",
	"whose", "yet", "ever", "upon", "onto", "within", "among", "per",
	// Conjunctions that join clauses and carry no topic.
	"whether", "either", "neither", "although", "though", "unless", "whereas",
	// Prepositions and pronouns of no topic ("was state tv biased towards
	// brask", "who was behind the hack", "did anyone get arrested"), which a question would otherwise
	// count against every answer as words the articles lack.
	"towards", "toward", "behind", "beyond", "beside", "besides", "beneath", "throughout", "whatever", "whenever", "anyone", "anybody", "anything", "someone", "somebody", "something",
	"everyone", "everybody", "everything",
	// The words of a comparison or a contrast ("old vs new interest
	// rate", "in 2 steps instead of all at once", "first reports said
	// something else"): the question's kind, not its topic.
	"versus", "vs", "instead", "else",
	// The modal adjectives, "can" and "cannot" in other words ("was the
	// plant unable to run at full output", "will the link be able to
	// carry more"): how, not what.
	"able", "unable",
)

// singularMan returns the singular of a plural in "-men" ("fishermen":
// "fisherman", "spokeswomen": "spokeswoman", "gunmen": "gunman"), which
// the stemmer leaves apart from it, or "". Not a word of five letters or
// fewer ("Yemen", "omen") nor one with a, i, o or u before "men"
// ("specimen", "abdomen", "regimen", "stamen").
func singularMan(w string) string {
	stem, ok := strings.CutSuffix(w, "men")
	if !ok {
		return ""
	}
	if strings.HasSuffix(stem, "wo") || len(w) >= 6 && !strings.ContainsAny(stem[len(stem)-1:], "aiou") {
		return stem + "man"
	}
	return ""
}
