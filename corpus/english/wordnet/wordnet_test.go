package wordnet

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/format"
)

func TestLemmas(t *testing.T) {
	tests := []struct {
		word string
		want Lemma // among the results
	}{
		{"went", Lemma{"go", Verb}},                          // verb.exc
		{"children", Lemma{"child", Noun}},                   // noun.exc
		{"better", Lemma{"good", Adj}},                       // adj.exc
		{"better", Lemma{"well", Adv}},                       // adv.exc
		{"met", Lemma{"meet", Verb}},                         // verb.exc
		{"headed", Lemma{"head", Verb}},                      // -ed rule
		{"led", Lemma{"lead", Verb}},                         // verb.exc
		{"negotiations", Lemma{"negotiation", Noun}},         // -s rule
		{"talks", Lemma{"talks", Noun}},                      // a lemma of its own ("peace talks")
		{"talks", Lemma{"talk", Verb}},                       // and the verb
		{"U.S.", Lemma{"u.s.", Noun}},                        // dotted acronyms are lemmas as written
		{"US", Lemma{"us", Noun}},                            // not detached to "u": short nouns keep their s
		{"Saudi_Arabia", Lemma{"saudi arabia", Noun}},        // underscores as in WordNet's files
		{"  United   States ", Lemma{"united states", Noun}}, // spaces collapsed
		{"shot down", Lemma{"shoot down", Verb}},             // first word of a phrasal verb
		{"crown princes", Lemma{"crown prince", Noun}},       // last word of a compound noun
		{"going with", Lemma{"go with", Verb}},               // -ing rule inside a phrase
		{"Kremlin’s", Lemma{}},                               // possessives are the caller's job
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := Lemmas(tt.word)
			if tt.want == (Lemma{}) {
				if len(got) > 0 {
					t.Errorf("Lemmas(%q) = %v, want none", tt.word, got)
				}
				return
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("Lemmas(%q) = %v, want %v among them", tt.word, got, tt.want)
			}
		})
	}
}

func TestIrregular(t *testing.T) {
	for word, want := range map[string]string{
		"sank":     "sink",   // verb.exc
		"children": "child",  // noun.exc
		"crises":   "crisis", // noun.exc, which the stemmer misses
		"found":    "",       // a lemma too ("to found")
		"leaves":   "",       // leaf, or the verb leave
		"talks":    "",       // a lemma
		"sinking":  "",       // regular: the suffix rules' business
		"":         "",       // nothing
		"went off": "",       // multiword
		"Zelensky": "",       // unknown
	} {
		if got := Irregular(word); got != want {
			t.Errorf("Irregular(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"zelensky", false},    // not in WordNet
		{"Zelenskyy", false},   // nor any spelling
		{"", false},            // empty
		{"talks", true},        // a lemma
		{"negotiations", true}, // an inflected form
		{"Witkoff", false},     // a name WordNet lacks
		{"Rubio", false},       // likewise
		{"Lavrov", false},      // likewise
		{"Putin", true},        // WordNet 3.0 has him: an instance of "statesman"
		{"Saudi Arabia", true}, // multiword
		{"crown prince", true}, // multiword
		{"the", false},         // grammar words are not in WordNet
		{"Ukraine", true},      // a country
		{"U.S.A.", true},       // dotted
		{"talk's", false},      // possessive
		{"ceasefire", false},   // WordNet writes "cease-fire"
		{"cease-fire", true},   // as here
	}
	for _, tt := range tests {
		if got := Known(tt.word); got != tt.want {
			t.Errorf("Known(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestRelated(t *testing.T) {
	tests := []struct {
		word, lemma string
		kind        Kind
		maxSense    int // the relation must come from a sense ranked at most this
	}{
		{"US", "united states", Synonym, 0},                       // the country is "us"'s only sense
		{"us", "u.s.", Synonym, 0},                                // the caller's normalised "u.s."
		{"U.S.", "united states", Synonym, 0},                     // sense 0 is the government, also "united states"
		{"U.S.", "america", Synonym, 1},                           // sense 1 the country
		{"USA", "america", Synonym, 0},                            // one synset for all the names
		{"America", "us", Synonym, 0},                             // and back
		{"United States", "usa", Synonym, 0},                      // multiword lemma
		{"accompany", "go with", Synonym, 0},                      // a multiword verb
		{"go with", "accompany", Synonym, 0},                      // and back
		{"headed", "lead", Synonym, 1},                            // head (v) sense 1: be in charge of
		{"led", "head", Synonym, 3},                               // lead (v) sense 3
		{"talks", "negotiation", Synonym, 0},                      // the lemma "talks"
		{"negotiations", "talks", Synonym, 0},                     // and back
		{"negotiations", "negotiate", Derived, 0},                 // noun to verb
		{"negotiate", "negotiation", Derived, 0},                  // verb to noun
		{"Cairo", "egypt", Holonym, 1},                            // part of; sense 0 is Cairo, Illinois
		{"Egypt", "cairo", Meronym, 0},                            // has part
		{"Riyadh", "saudi arabia", Holonym, 0},                    // part of
		{"Kremlin", "moscow", Holonym, 0},                         // part of
		{"France", "nato", MemberOf, 0},                           // member of, kept apart from part of
		{"juror", "jury", MemberOf, 0},                            // likewise
		{"police", "policeman", Meronym, 0},                       // has member
		{"Cairo", "national capital", Hypernym, 1},                // instance of
		{"American", "america", Pertainym, 0},                     // adjective pertains to noun
		{"Russian", "russia", Pertainym, 0},                       // likewise
		{"Ukrainian", "ukraine", Pertainym, 0},                    // likewise
		{"duration", "continuance", Synonym, 0},                   // sense 0
		{"kill", "die", Cause, 0},                                 // WordNet's cause pointer
		{"send", "travel", Cause, 0},                              // the gloss "cause to go somewhere"
		{"die", "kill", CausedBy, 0},                              // the cause pointer reversed
		{"fall", "drop", CausedBy, 1},                             // likewise, its second sense ("descend")
		{"Pentagon", "defense", StandsFor, 0},                     // the gloss "... headquarters of the United States Department of Defense"
		{"White House", "united states government", StandsFor, 0}, // "... executive department of the United States government"
		{"Capitol Hill", "congress", StandsFor, 0},                // "... where the Capitol Building sits and Congress meets"
		{"tall", "height", Attribute, 0},                          // the attribute "tall" is a value of
		{"height", "high", Attribute, 0},                          // and back
		{"high", "height", Attribute, 1},                          // its second sense; the first's is a level
		{"charge of", "lead", Synonym, 0},                         // the gloss "be in charge of"
		{"ask for", "request", Synonym, 1},                        // after "ask for"'s own sense (trouble)
		{"duration", "length", Synonym, 2},                        // sense 2
		{"realistic", "unrealistic", Antonym, 0},                  // direct antonym
		{"realistic", "pragmatic", Similar, 0},                    // satellite of the cluster
		{"likely", "possible", AlsoSee, 0},                        // see also
		{"likely", "unlikely", Antonym, 0},                        // direct antonym
		{"crown prince", "prince", Hypernym, 0},                   // multiword lemma's hypernym
		{"react", "respond", Synonym, 0},                          // verb synonyms
		{"react", "reaction", Derived, 0},                         // and the noun
		{"said", "state", Synonym, 0},                             // say (v) sense 0
		{"venue", "locale", Synonym, 0},                           // the place sense
		{"shot down", "down", Synonym, 1},                         // shoot down an aircraft
		{"accept", "reject", Antonym, 0},                          // direct antonym
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.lemma, func(t *testing.T) {
			rs := Related(tt.word)
			i := slices.IndexFunc(rs, func(r Relation) bool { return r.Lemma == tt.lemma && r.Kind == tt.kind })
			if i < 0 {
				t.Fatalf("Related(%q) has no %s %q; it has %v", tt.word, tt.kind, tt.lemma, rs)
			}
			if rs[i].Sense > tt.maxSense {
				t.Errorf("Related(%q): %s %q from sense %d, want at most %d", tt.word, tt.kind, tt.lemma, rs[i].Sense, tt.maxSense)
			}
		})
	}
}

// TestStandsForOnly: a name's gloss links only the bodies it names. A person
// does not stand for his party, and "New York" in a gloss is the city, not
// the House of York its second word would be.
func TestStandsForOnly(t *testing.T) {
	for w, not := range map[string]string{
		"Stalin":      "communist party",
		"Wall Street": "york",
		"Goebbels":    "third reich",
	} {
		for _, r := range Related(w) {
			if r.Kind == StandsFor && r.Lemma == not {
				t.Errorf("Related(%q) has %s %q", w, r.Kind, r.Lemma)
			}
		}
	}
}

func TestRelatedShape(t *testing.T) {
	for _, w := range []string{"headed", "talks", "better", "U.S.", "last", "state"} {
		rs := Related(w)
		if len(rs) == 0 {
			t.Errorf("Related(%q) is empty", w)
		}
		bases := Lemmas(w)
		seen := map[[2]string]bool{}
		for i, r := range rs {
			if i > 0 && r.Sense < rs[i-1].Sense {
				t.Errorf("Related(%q)[%d]: sense %d after %d", w, i, r.Sense, rs[i-1].Sense)
			}
			if !slices.Contains(bases, r.From) {
				t.Errorf("Related(%q)[%d] from %v, not one of %v", w, i, r.From, bases)
			}
			if slices.ContainsFunc(bases, func(l Lemma) bool { return l.Word == r.Lemma }) {
				t.Errorf("Related(%q)[%d] relates a base form to itself: %v", w, i, r)
			}
			k := [2]string{r.Lemma, r.Kind.String()}
			if seen[k] {
				t.Errorf("Related(%q) gives %s %q twice", w, r.Kind, r.Lemma)
			}
			seen[k] = true
		}
	}
}

func TestAntonyms(t *testing.T) {
	tests := []struct {
		word, want string // want comes first
	}{
		{"realistic", "unrealistic"}, // direct
		{"unrealistic", "realistic"}, // and back
		{"likely", "unlikely"},       // direct
		{"unlikely", "likely"},       // and back
		{"accept", "reject"},         // verbs
		{"rejected", "accept"},       // inflected
		{"went", "come"},             // go (v) sense 2
		{"lifelike", "unrealistic"},  // satellite of "realistic": indirect, through the head
		{"probable", "improbable"},   // a head of its own
	}
	for _, tt := range tests {
		got := Antonyms(tt.word)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Antonyms(%q) = %v, want %q first", tt.word, got, tt.want)
		}
	}
	for _, w := range []string{"negotiations", "duration", "zelensky", "", "meet"} {
		if got := Antonyms(w); len(got) > 0 {
			t.Errorf("Antonyms(%q) = %v, want none", w, got)
		}
	}
}

func TestOddInput(t *testing.T) {
	for _, w := range []string{
		"", " ", "_", "\x00", "\xff\xfe", "日本", "ü", "'", "-", ".", "a", "s", "ss", "es", "ies",
		"us's", strings.Repeat("a", 10000), strings.Repeat("a ", 5000), strings.Repeat("s", 129),
		"İstanbul", "\u2019", "zzzzzzzzzz", "~", "\U0010FFFF",
	} {
		ls := Lemmas(w)
		rs := Related(w)
		as := Antonyms(w)
		if Known(w) != (len(ls) > 0) {
			t.Errorf("Known(%q) disagrees with Lemmas = %v", w, ls)
		}
		if len(ls) == 0 && (len(rs) > 0 || len(as) > 0) {
			t.Errorf("%q: no lemmas but relations %v, antonyms %v", w, rs, as)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"headed", "U.S.", "shot down", "children", "", "日本", "going with"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, l := range Lemmas(w) {
			if l.Word == "" || l.Word != strings.ToLower(l.Word) || !utf8.ValidString(l.Word) || l.POS > Adv {
				t.Errorf("Lemmas(%q) gives %v", w, l)
			}
			if !Known(l.Word) {
				t.Errorf("Lemmas(%q) gives %q, which is not Known", w, l.Word)
			}
		}
		for _, r := range Related(w) {
			if r.Lemma == "" || int(r.Kind) >= len(kindNames) || r.Sense < 0 {
				t.Errorf("Related(%q) gives %v", w, r)
			}
		}
		Antonyms(w)
	})
}

// TestRelatedIts: a synonym carries the rank of the shared sense among its
// own senses: "perish" means "die" first, "pass" only far down its list.
func TestRelatedIts(t *testing.T) {
	its := map[string]int{}
	for _, r := range Related("die") {
		if r.Kind == Synonym && r.Sense == 0 {
			its[r.Lemma] = r.Its
		}
	}
	if its["perish"] != 0 || its["pass"] < 10 {
		t.Errorf("die: perish at %d, pass at %d; want 0 and at least 10", its["perish"], its["pass"])
	}
}

// TestClasses: the lexicographer class of a word's first senses, read
// through its base forms; none for a word WordNet lacks or a part of
// speech it does not have the word in.
func TestClasses(t *testing.T) {
	for _, c := range []struct {
		word   string
		pos    POS
		senses int
		want   string
	}{
		{"Riyadh", Noun, 1, "noun.location"},
		{"Red Sea", Noun, 1, "noun.object"},
		{"ministry", Noun, 1, "noun.group"},
		{"company", Noun, 1, "noun.group"},
		{"spokeswoman", Noun, 1, "noun.person"},
		{"fury", Noun, 1, "noun.feeling"},
		{"told", Verb, 1, "verb.communication"},
		{"hours", Noun, 1, "noun.time"},
		{"dollars", Noun, 1, "noun.quantity"},
		{"xqzv", Noun, 1, ""},
		{"quickly", Noun, 1, ""},
		{"", Noun, 1, ""},
	} {
		got := Classes(c.word, c.pos, c.senses)
		if c.want == "" && got != nil || c.want != "" && (len(got) == 0 || got[0] != c.want) {
			t.Errorf("Classes(%q, %v, %d) = %v, want %q first", c.word, c.pos, c.senses, got, c.want)
		}
	}
	if got := Classes("city", Noun, 3); len(got) < 2 || got[0] != "noun.location" {
		t.Errorf("Classes(city, noun, 3) = %v, want noun.location first and more", got)
	}
}

// TestNounHypernymsAsRelated checks the direct hypernym read against the
// hypernyms among all of a word's relations, which WalkHypernyms read
// before.
func TestNounHypernymsAsRelated(t *testing.T) {
	lx := Load()
	for _, w := range []string{"fan", "Cairo", "talks", "delegation", "people", "dollar", "hryvnia", "frustration", "palace", "minister", "negotiations", "shot down", "children", "leaves", "city", "ruble", "relief", "hope", "crown", "point", "body"} {
		for senses := 1; senses <= 8; senses++ {
			var want []string
			ofVerb := map[string]bool{}
			for _, r := range lx.Related(w) {
				if r.Kind == Hypernym && r.From.POS == Noun && r.Sense < senses && !slices.Contains(want, r.Lemma) {
					want = append(want, r.Lemma)
				}
				if r.Kind == Hypernym && r.From.POS == Verb {
					ofVerb[r.Lemma] = true
				}
			}
			// Related gives a lemma once per kind: "aim" is a hypernym of
			// the noun "point" in its seventh sense and of the verb in its
			// first, and Related keeps the verb's. The walk wants the
			// noun's, so it may have such a lemma more.
			got := lx.nounHypernyms(w, senses)
			if kept := slices.DeleteFunc(slices.Clone(got), func(h string) bool { return ofVerb[h] && !slices.Contains(want, h) }); !slices.Equal(kept, want) {
				t.Errorf("nounHypernyms(%q, %d) = %q, want %q", w, senses, got, want)
			}
		}
	}
}

// TestRelatedIn checks RelatedIn against Related: the relations of the
// senses below the bound, the same ones (in any order within a rank), and
// of the rarer senses only the synonyms the caller keeps.
func TestRelatedIn(t *testing.T) {
	lx := Load()
	key := func(r Relation) string {
		return fmt.Sprintf("%s/%v/%v/%d/%s/%v/%d", r.Lemma, r.POS, r.Kind, r.Sense, r.From.Word, r.From.POS, r.Its)
	}
	words := append(slices.Clone(newsWords), "make", "head", "point", "run", "take", "go on", "PM", "ceo", "fatality", "kid")
	for _, w := range words {
		all := lx.Related(w)
		for senses := 1; senses <= 4; senses++ {
			var want, got []string
			for _, r := range all {
				if r.Sense < senses {
					want = append(want, key(r))
				}
			}
			for _, r := range lx.RelatedIn(w, senses, nil) {
				got = append(got, key(r))
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("RelatedIn(%q, %d) = %q, want %q", w, senses, got, want)
			}
		}
	}
	// "PM" is a prime minister in its third sense: kept as a synonym of a
	// rarer sense when the caller asks for it, left out otherwise.
	has := func(rs []Relation) bool {
		return slices.ContainsFunc(rs, func(r Relation) bool { return r.Lemma == "prime minister" && r.Kind == Synonym })
	}
	if !has(lx.Related("PM")) {
		t.Fatal(`Related("PM") lacks "prime minister"`)
	}
	if has(lx.RelatedIn("PM", 1, nil)) {
		t.Error(`RelatedIn("PM", 1, nil) has "prime minister", a rarer sense's synonym`)
	}
	if !has(lx.RelatedIn("PM", 1, func(l string) bool { return l == "prime minister" })) {
		t.Error(`RelatedIn("PM", 1, keep) lacks "prime minister", which keep keeps`)
	}
}

func TestStartsPhrase(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"crown", true},     // "crown prince"
		{"shot", true},      // "shoot down", by its base
		{"went", true},      // "go through", by the exception list
		{"cease", true},     // "cease-fire"
		{"Saudi", true},     // "saudi arabia", any case
		{"zelensky", false}, // no word of WordNet's
		{"negotiations", false},
		{"", true}, // nothing to tell: looked up
	} {
		if got := StartsPhrase(tt.word); got != tt.want {
			t.Errorf("StartsPhrase(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestStartsPhraseNecessary checks StartsPhrase against Known over the
// lexicon: for every multiword entry, its first word and that word's
// regular and listed inflections put before the rest, each phrase Known
// has must start with a word StartsPhrase accepts.
func TestStartsPhraseNecessary(t *testing.T) {
	lx := Load()
	inflected := map[string][]string{} // base -> listed forms
	for i := range lx.nWord {
		e := lx.entry(i)
		for j := 0; j < len(e.bases); j += format.ExcSize {
			b := lx.word(format.U24(e.bases[j:][:format.ExcSize], 0))
			inflected[b] = append(inflected[b], e.word)
		}
	}
	checked := 0
	for i := range lx.nWord {
		w := lx.word(i)
		sep := strings.IndexAny(w, " -")
		if sep <= 0 || testing.Short() && i%16 != 0 {
			continue
		}
		first, rest := w[:sep], w[sep:]
		forms := append([]string{first, first + "s", first + "es", first + "ed", first + "d", first + "ing", first + "er", first + "est"}, inflected[first]...)
		for _, f := range forms {
			if Known(f+rest) && !StartsPhrase(f) {
				t.Errorf("Known(%q), but StartsPhrase(%q) is false", f+rest, f)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no multiword entries checked")
	}
}

// TestInClass: the synonyms of a noun's senses in one class, however rare
// the sense: "head" is a "chief" in its fourth sense, the person in charge,
// and none of its body-part or other senses' words come with it.
func TestInClass(t *testing.T) {
	for _, c := range []struct {
		word, class string
		want, not   []string
	}{
		{"head", "noun.person", []string{"chief", "top dog"}, []string{"head", "mind", "leader", "drug user"}},
		{"heads", "noun.person", []string{"chief"}, nil},
		{"chair", "noun.person", []string{"chairman", "chairwoman"}, []string{"seat", "professorship"}},
		{"boss", "noun.person", []string{"chief", "foreman"}, []string{"knob"}},
		{"said", "noun.person", nil, nil},
		{"xqzv", "noun.person", nil, nil},
	} {
		got := InClass(c.word, c.class)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("InClass(%q, %q) = %v, want %q among them", c.word, c.class, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("InClass(%q, %q) = %v, want no %q", c.word, c.class, got, w)
			}
		}
		if c.want == nil && len(got) > 0 {
			t.Errorf("InClass(%q, %q) = %v, want none", c.word, c.class, got)
		}
	}
}
