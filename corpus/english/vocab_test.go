package english

import (
	"slices"
	"testing"
)

// TestUnshortenText: chat shortenings typed in lower case are written out;
// a capitalised one may be a name.
func TestUnshortenText(t *testing.T) {
	for in, want := range map[string]string{
		"wat did the port boss say bout the offer?": "what did the port boss say about the offer?",
		"what did the govt say":                     "what did the government say",
		"did smth rly change":                       "did something really change",
		"y did Wen leave?":                          "why did Wen leave?",
		"Bout was jailed":                           "Bout was jailed",
		"nothing to change":                         "nothing to change",
		"who did castellan call n how long":         "who did castellan call and how long", // "n" joins two asks
		"was the quota 175k or 150k??":              "was the quota 175,000 or 150,000??",  // round numbers
		"a $2bn fund, 3 kg":                         "a $2 billion fund, 3 kg",
		"was it 10km or 8km, 72hrs?":                "was it 10 km or 8 km, 72 hours?",
		"a $85m fund, a 4.5mn loan":                 "a $85 million fund, a 4.5 million loan",
		"what if the lake goes below 210m":          "what if the lake goes below 210 m", // metres or millions: the number counts
		"m is a letter, 5mm a size":                 "m is a letter, 5mm a size",
		"how many ppl got displaced":                "how many people got displaced", // a word, not filler
		"how much did firms lose acc to the union":  "how much did firms lose according to the union",
		"how many sick ppl r they gonna fly out":    "how many sick people are they gonna fly out",
		"early reports had a diff total":            "early reports had a different total",
		"how big is the compo fund":                 "how big is the compensation fund",
		"where'd they sign the deal":                "where did they sign the deal",
		"why didnt the inspections catch it":        "why didn't the inspections catch it", // a negation without its apostrophe
		"ive seen diff numbers":                     "i've seen different numbers",         // a contraction without its apostrophe
		"how many ops got postponed":                "how many operations got postponed",
		"what did his mum say":                      "what did his mother say",
		"how many helis did they use":               "how many helicopters did they use", // a shortened noun's plural
		"did the govts agree":                       "did the governments agree",
		"how cold did it get in ppl's flats":        "how cold did it get in people's flats", // the possessive
		"did every1 get out, wud they say":          "did everyone get out, would they say",
		"what did the press release say":            "what did the press release say",     // a word of its own, no plural of "pres"
		"wheres the appeal gonna be heard":          "where is the appeal gonna be heard", // "where's" without its apostrophe
		// A complex preposition is the one word it stands for.
		"How many doses over the course of the drive?": "How many doses during the drive?",
		"what did they do In the wake of the vote":     "what did they do after the vote",
		"who spoke on behalf of the union":             "who spoke for the union",
		"the course of the river":                      "the course of the river",
		"a hard-won terms of trade":                    "a hard-won terms of trade",
	} {
		if got := UnshortenText(in); got != want {
			t.Errorf("UnshortenText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsMisspeltStopWord(t *testing.T) {
	for w, want := range map[string]bool{
		"evryone": true, "becuase": true, "thier": true, "abuot": true, "whcih": true,
		"everyone":   false, // the stop word itself
		"zorbleflax": false, "stadium": false,
		"thre": false, // too short to tell
		"wil":  true,  // a doubled letter typed once
		"teh":  true,  // two letters the wrong way round
		"wen":  false, // one letter off makes another word too easily
	} {
		if got := IsMisspeltStopWord(w); got != want {
			t.Errorf("IsMisspeltStopWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCountWords: the words that count things, with the round ones'
// plurals; not "a", "an", "half" or "zero".
func TestCountWords(t *testing.T) {
	got := CountWords()
	for _, w := range []string{"one", "twelve", "twenty", "ninety", "dozen", "dozens", "hundreds", "billions"} {
		if !slices.Contains(got, w) {
			t.Errorf("CountWords() lacks %q", w)
		}
	}
	for _, w := range []string{"a", "an", "half", "zero", "twentys", "ones"} {
		if slices.Contains(got, w) {
			t.Errorf("CountWords() has %q", w)
		}
	}
	if got[0] != "one" || got[len(got)-1] != "billions" {
		t.Errorf("CountWords() not smallest first: %q ... %q", got[0], got[len(got)-1])
	}
}

// TestOrdinal: the words that open a list's items in prose, in any case,
// with their place; other words, cardinals and days of the month are none.
func TestOrdinal(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want int
		ok   bool
	}{
		{"First", 1, true}, {"firstly", 1, true}, {"Second", 2, true}, {"secondly", 2, true},
		{"Third", 3, true}, {"fourth", 4, true}, {"Fifthly", 5, true},
		{"three", 0, false}, {"1st", 0, false}, {"Finally", 0, false}, {"sixth", 0, false}, {"", 0, false},
	} {
		if got, ok := Ordinal(tt.w); got != tt.want || ok != tt.ok {
			t.Errorf("Ordinal(%q) = %d, %v; want %d, %v", tt.w, got, ok, tt.want, tt.ok)
		}
	}
}

// TestIsTitle: a title word, which may stand inside a speaker's name
// ("Kremlin aide Yury Ushakov"): one word, whole, as written.
func TestIsTitle(t *testing.T) {
	for _, w := range []string{"minister", "Spokeswoman", "aide", "Governor", "Secretary"} {
		if !IsTitle(w) {
			t.Errorf("IsTitle(%q) = false, want a title", w)
		}
	}
	for _, w := range []string{
		"ministers",      // a plural
		"Ministry",       // a body, no person
		"Eastvale",       // a name
		"MINISTER",       // not as the pattern spells it
		"prime minister", // two words
		"",
	} {
		if IsTitle(w) {
			t.Errorf("IsTitle(%q) = true, want no title", w)
		}
	}
}
