package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

// tok is one written word or punctuation mark of a sentence, read through
// the engine's analysis chain (english.Words, english.Term).
type tok struct {
	raw   string   // as written
	words []string // english.Words of raw: "4.5-hour" gives "4.5", "hour"
	terms []string // the terms of words, stop words left out
	cap   bool     // written with a capital
	neg   bool     // a negation: "not", "no", "never", "didn't", "declined" ...
	punct bool     // a punctuation mark
}

var tokRE = lazyRE(`(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[.,'’\-–][\p{L}\p{N}]+)*|[,;:()\[\]—–"“”!?.]`)

// tokens reads s into tokens.
func tokens(s string) []tok {
	var out []tok
	quoted := false
	for _, raw := range tokRE().FindAllString(s, -1) {
		r, _ := utf8.DecodeRuneInString(raw)
		t := tok{raw: raw}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			t.punct = true
			switch raw {
			case `"`:
				quoted = !quoted
			case "“":
				quoted = true
			case "”":
				quoted = false
			}
			out = append(out, t)
			continue
		}
		// "1,000" is one number; a comma between letters is two words.
		if strings.Contains(raw, ",") && !groupedRE().MatchString(raw) {
			parts := strings.Split(raw, ",")
			for i, p := range parts {
				out = append(out, tokens(p)...)
				if i < len(parts)-1 {
					out = append(out, tok{raw: ",", punct: true})
				}
			}
			continue
		}
		t.cap = unicode.IsUpper(r)
		t.words = english.Words(raw)
		for _, w := range t.words {
			if term := english.Term(w); term != "" {
				t.terms = append(t.terms, term)
			}
		}
		// A negation inside a quotation is the speaker's wording, which
		// the claim must quote as it stands.
		t.neg = !quoted && negation(strings.ToLower(raw))
		out = append(out, t)
	}
	return out
}

// negation reports whether w, a lower-case word, negates what follows it.
// Grammar words, kept here with the verbs that report a refusal.
func negation(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	if strings.HasSuffix(w, "n't") {
		return true
	}
	switch w {
	case "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
		"declined", "declines", "refused", "refuses", "refrained", "refrains", "failed", "fails":
		return true
	}
	return false
}

// clauseBreak reports whether t ends a clause: a clause is where a
// negation's reach ends.
func clauseBreak(t tok) bool {
	if t.punct {
		switch t.raw {
		case ",", ";", ":", "—", "–", "(", ")", ".", "!", "?":
			return true
		}
		return false
	}
	switch strings.ToLower(t.raw) {
	case "but", "while", "although", "though", "whereas", "however", "despite":
		return true
	}
	return false
}

// clauses splits ts at clause breaks.
func clauses(ts []tok) [][]tok {
	var out [][]tok
	start := 0
	for i, t := range ts {
		if clauseBreak(t) {
			if i > start {
				out = append(out, ts[start:i])
			}
			start = i + 1
		}
	}
	if start < len(ts) {
		out = append(out, ts[start:])
	}
	return out
}

// groupedRE matches a number whose thousands are grouped with commas.
var groupedRE = lazyRE(`^\d{1,3}(?:,\d{3})+$`)

var (
	speechRE = lazyRE(`^` + english.SpeechVerbPattern + `$`)
)

// speechVerb reports whether t is a verb that reports speech.
func speechVerb(t tok) bool {
	return !t.cap && !t.punct && speechRE().MatchString(strings.ToLower(t.raw))
}

// title reports whether t is a job title ("Secretary", "envoy").
func title(t tok) bool {
	if t.punct {
		return false
	}
	if english.IsTitle(t.raw) {
		return true
	}
	one, plural := strings.CutSuffix(t.raw, "s") // "ministers"
	return plural && english.IsTitle(one)
}

// metaWord reports whether w is a word about the passages themselves
// ("according to passage [2]"), not about the world.
func metaWord(w string) bool {
	switch w {
	case "passage", "passages", "source", "sources", "article", "articles", "according", "report", "reports", "reported", "reporting":
		return true
	}
	return false
}
