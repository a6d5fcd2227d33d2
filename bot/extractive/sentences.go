package extractive

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/corpus"
)

// sentence is one sentence of an article, with what the answerer needs to
// score it. Sentences are made once, when the engine is built.
type sentence struct {
	article *corpus.Article
	pos     int // index among the article's sentences
	para    int // index of the paragraph it is in
	start   int // byte offset in article.Text
	end     int
	text    string
	terms   map[string]int // stemmed term -> count
	words   int
	// context holds the terms of the previous sentence of the article when this one leans on it (starts with a pronoun or a
	// quotation: "“The conversation was very useful,” he said").
	context map[string]bool
}

// lexicon is the corpus's sentence-level term statistics.
type lexicon struct {
	df    map[string]int
	n     int
	vocab []string // every term, for matching spelling variants
}

// idf is the inverse document frequency of t over sentences (BM25's form);
// a term the corpus never uses gets the highest weight.
func (l *lexicon) idf(t string) float64 {
	df := float64(l.df[t])
	n := float64(l.n)
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// sentenceIndex splits every article into sentences and counts terms.
func sentenceIndex(articles []corpus.Article) ([]sentence, map[string]int, *lexicon) {
	var out []sentence
	byKey := make(map[string]int)
	lex := &lexicon{df: make(map[string]int)}
	for ai := range articles {
		a := &articles[ai]
		pos, offset := 0, 0
		// prev crosses paragraphs: news paragraphs are short, and a quote
		// often leans on the paragraph before it.
		var prev *sentence
		for pi, p := range a.Paragraphs {
			for _, s := range english.Split(p) {
				st := strings.Index(a.Text[offset:], s)
				if st < 0 {
					continue // cannot happen for a well-formed article; skip rather than cite wrongly
				}
				st += offset
				offset = st + len(s)
				sn := sentence{article: a, pos: pos, para: pi, start: st, end: st + len(s), text: s,
					terms: make(map[string]int), words: len(strings.Fields(s))}
				for _, t := range english.Terms(s) {
					sn.terms[t]++
				}
				if prev != nil && leansOnPrevious(s) {
					sn.context = make(map[string]bool, len(prev.terms))
					for t := range prev.terms {
						sn.context[t] = true
					}
				}
				for t := range sn.terms {
					lex.df[t]++
				}
				byKey[a.ID+"\x00"+s] = len(out)
				out = append(out, sn)
				prev = &out[len(out)-1]
				pos++
			}
		}
	}
	lex.n = len(out)
	for t := range lex.df {
		lex.vocab = append(lex.vocab, t)
	}
	return out, byKey, lex
}

// leansOnPrevious reports whether a sentence needs the one before it to be
// understood: it opens with a pronoun or a quotation, or says "he said".
func leansOnPrevious(s string) bool {
	first := strings.ToLower(strings.Trim(firstWord(s), ",.;:"))
	switch first {
	case "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its":
		return true
	}
	// "The Secretary of State was in Jerusalem ...": a title standing for
	// the person named before.
	if reTitleSubject.MatchString(s) {
		return true
	}
	// "In protest, he postponed ...": a personal pronoun among the first
	// words, before any name, is the subject of the sentence.
	for i, w := range strings.Fields(s) {
		if i >= pronounWindow {
			break
		}
		if i > 0 && unicode.IsUpper([]rune(w)[0]) {
			break // a name comes first
		}
		switch strings.ToLower(strings.Trim(w, ",.;:")) {
		case "he", "she", "they":
			return true
		}
	}
	if !opensQuote(s) {
		return false
	}
	// A sentence that opens with a quotation leans on the one before
	// unless it names its speaker: `“…,” he said` leans, `"…," Kremlin aide
	// Yury Ushakov told …` and `“…,” Bruce said` do not.
	m := reAttribution.FindStringSubmatch(s)
	if m == nil {
		return true
	}
	switch strings.ToLower(m[1]) {
	case "he", "she", "they", "it", "the":
		return true
	}
	return false
}

// reAttribution finds the first word after a quotation's closing mark.
var reAttribution = regexp.MustCompile(`[,.?!…]\s*[”"’]\s*(\p{L}+)`)

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// trigrams returns the character trigrams of a term, padded.
func trigrams(t string) map[string]bool {
	t = " " + t + " "
	r := []rune(t)
	out := make(map[string]bool, len(r))
	for i := 0; i+3 <= len(r); i++ {
		out[string(r[i:i+3])] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// variant finds the corpus term a term the corpus does not know is most
// likely a spelling variant of (Zelenski -> zelenskyy), or "".
func (l *lexicon) variant(t string) string {
	if len([]rune(t)) < 5 {
		return ""
	}
	tg := trigrams(t)
	best, bestSim := "", 0.0
	for _, v := range l.vocab {
		if v[0] != t[0] {
			continue
		}
		if sim := jaccard(tg, trigrams(v)); sim > bestSim {
			best, bestSim = v, sim
		}
	}
	if bestSim >= minVariantSimilarity {
		return best
	}
	return ""
}

// minVariantSimilarity is the trigram Jaccard similarity above which an
// unknown question term is taken for a corpus term spelt differently;
// determined on the corpus's transliterations (Zelensky/Zelenskyy/Zelenski,
// Ushakov/Ushkaov stay apart from unrelated names).
const minVariantSimilarity = 0.5

// opensQuote reports whether s opens with a quotation mark.
func opensQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '‘'
}

// pronounWindow is how many opening words may hold the pronoun subject of
// a sentence that leans on the one before ("In protest, he ...").
const pronounWindow = 6

// reTitleSubject matches a sentence whose subject is a bare title: "The
// Secretary of State was ...", "The Russian foreign minister said ...".
var reTitleSubject = regexp.MustCompile(`^The (?:(?:U\.S\.|[A-Z][a-z]+|[a-z]+) ){0,2}(?:[Ss]ecretary|[Mm]inister|[Pp]resident|[Cc]hancellor|[Aa]mbassador|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|[Aa]dvis[eo]r|[Aa]ide|[Pp]remier|[Kk]ing|[Pp]rince)(?: of(?: [A-Z][a-z]+)+)? [a-z]`)
