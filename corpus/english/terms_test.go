package english

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Stop words go, the rest is stemmed.
		{"stem", "Who led the delegations?", []string{"lead", "deleg"}},
		{"modal adjectives are stop words", "Was the plant unable to run? Is the link able to carry more?", []string{"plant", "run", "link", "carri"}},
		{"irregular past forms meet their base form", "He met them and took part", []string{"meet", "take", "part"}},
		{"a base's double consonant stays", "add added adding", []string{"add", "add", "add"}},
		{"WordNet's exception lists", "the ship sank, crews fled, children wept", []string{"ship", "sink", "crew", "flee", "child", "weep"}},
		{"a form of two bases is left to the stemmer", "she leaves; the leaves", []string{"leav", "leav"}},
		// Spelling variants of one name meet (001, 002, 003).
		{"zelensky", "Zelensky Zelenskyy Zelenski", []string{"zelenski", "zelenski", "zelenski"}},
		{"sergei", "Sergei Sergey", []string{"sergei", "sergei"}},
		{"yuri", "Yuri Yury", []string{"yuri", "yuri"}},
		// Dotted acronyms join and meet the undotted form.
		{"us", "U.S. US U.S.-Russian", []string{"us", "us", "us", "russian"}},
		// Decimals stay whole, hyphenated words give their parts (004).
		{"decimal", "the 4.5-hour meeting", []string{"4.5", "hour", "meet"}},
		// A negating prefix split off by its hyphen says no more than "not" does.
		{"non-", "penalty notices for non-payment", []string{"penalti", "notic", "payment"}},
		// A sentence-final period after a number is not a decimal point.
		{"number-end", "176 drones. 38 apartments", []string{"176", "drone", "38", "apart"}},
		// Curly apostrophes: possessives and contractions are dropped.
		{"possessive", "Russia’s we’re Trump's couldn't", []string{"russia", "trump"}},
		{"plurals in -men", "fishermen spokeswomen gunmen Yemen specimen", []string{"fisherman", "spokeswoman", "gunman", "yemen", "specimen"}},
		// Diacritics fold (002's byline).
		{"diacritics", "Alejandro Baños", []string{"alejandro", "bano"}},
		// Nothing but stop words and punctuation.
		{"empty", "What is it? -- ...", nil},
		{"pronouns and prepositions of no topic", "did anyone lean towards something", []string{"lean"}},
		{"words of a comparison", "old vs new rate, in 2 steps instead of all at once", []string{"old", "new", "rate", "2", "step"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terms(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzTerms checks that any text gives clean terms.
func FuzzTerms(f *testing.F) {
	for _, s := range []string{"U.S.-Russian 4.5-hour talks", "Zelenskyy’s trip.", "a.b.c. 1.2.3 ’s ''", "\xff\xfe.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, term := range Terms(text) {
			if term == "" || strings.ContainsFunc(term, unicode.IsSpace) {
				t.Fatalf("bad term %q", term)
			}
		}
	})
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"lavrov", "lavrov", 2, 0},     // the same
		{"lavorv", "lavrov", 2, 1},     // two letters swapped: one edit
		{"negot", "negoti", 2, 1},      // one letter missing
		{"meting", "meeting", 2, 1},    // one letter missing inside
		{"zelenksi", "zelenski", 2, 1}, // a swap in a name
		{"abc", "xyz", 1, 2},           // beyond the limit: limit+1
		{"", "ab", 3, 2},               // from nothing
		{"café", "cafe", 1, 1},         // letters, not bytes
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestIsDegree(t *testing.T) {
	tests := []struct {
		w, next string
		want    bool
	}{
		{"right", "before", true},   // "right before Riyadh": how close in time
		{"shortly", "after", true},  // "shortly after the talks"
		{"right", "to", false},      // "the right to self-determination": content
		{"human", "rights", false},  // not a degree adverb
		{"soon", "enough", false},   // not a relation in time
		{"long", "before", true},    // "long before the war"
		{"rights", "before", false}, // a noun
	}
	for _, tt := range tests {
		if got := IsDegree(tt.w, tt.next); got != tt.want {
			t.Errorf("IsDegree(%q, %q) = %v, want %v", tt.w, tt.next, got, tt.want)
		}
	}
}

// TestDeterminer: articles, demonstratives and possessives open a noun
// phrase; pronouns that stand alone, and words that only start like one,
// do not.
func TestDeterminer(t *testing.T) {
	for w, want := range map[string]bool{
		"the": true, "a": true, "an": true, "those": true, "its": true, "their": true, "my": true,
		"it": false, "they": false, "them": false, "theirs": false, "then": false, "and": false, "": false,
	} {
		if got := Determiner(w); got != want {
			t.Errorf("Determiner(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]bool{"your": true, "her": true, "the": false, "hers": false} {
		if got := Possessive(w); got != want {
			t.Errorf("Possessive(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestAuxiliary: the forms of be, have and do, and the modals; not a verb
// that only means the same ("became", "owns"), nor "to".
func TestAuxiliary(t *testing.T) {
	for w, want := range map[string]string{
		"is": "be", "were": "be", "been": "be", "am": "be",
		"has": "have", "had": "have",
		"did": "do", "does": "do",
		"will": "modal", "could": "modal", "must": "modal",
		"became": "", "owns": "", "to": "", "doing": "", "": "",
	} {
		if got := Auxiliary(w); got != want {
			t.Errorf("Auxiliary(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestPronounPerson: the first and second persons of the personal
// pronouns, in every case; nothing else.
func TestPronounPerson(t *testing.T) {
	for w, want := range map[string]int{
		"i": 1, "me": 1, "our": 1, "us": 1, "myself": 1,
		"you": 2, "yours": 2, "yourselves": 2,
		"he": 0, "they": 0, "it": 0, "young": 0, "use": 0, "": 0,
	} {
		if got := PronounPerson(w); got != want {
			t.Errorf("PronounPerson(%q) = %d, want %d", w, got, want)
		}
	}
}
