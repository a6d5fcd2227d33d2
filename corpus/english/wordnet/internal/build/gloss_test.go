package build

import "testing"

// TestGlossPhrase: which verb glosses are idioms a reader uses in place of
// the synset's lemmas.
func TestGlossPhrase(t *testing.T) {
	for _, tt := range []struct{ gloss, want string }{
		{"be in charge of", "charge of"},           // leading "be", "in" stripped
		{"come up with", "come up with"},           // three words kept
		{"act physically on", "act physically on"}, // ends with a preposition
		{"make smaller", ""},                       // no preposition at the end: no idiom
		{"put an end to", ""},                      // four words left
		{"get rid of, silence, or suppress", ""},   // a list, not one phrase
		{"take (something) into account", ""},      // not letters only
		{"be of", ""},                              // one word left
	} {
		if got := glossPhrase(tt.gloss); got != tt.want {
			t.Errorf("glossPhrase(%q) = %q, want %q", tt.gloss, got, tt.want)
		}
	}
	// Every clause but an example: "ask for" from the gloss of "call for".
	if got := glossPhrases(`express the need or desire for; ask for; "She called for room service"`); len(got) != 1 || got[0] != "ask for" {
		t.Errorf("glossPhrases: %q, want [ask for]", got)
	}
}

// TestCauseOf: a gloss that says what its verb causes.
func TestCauseOf(t *testing.T) {
	for gloss, want := range map[string]string{
		"cause to go somewhere":          "go",  // send
		"to cause to die":                "die", // a leading "to"
		"cause to be taken":              "",    // "be" says nothing
		"express the need or desire for": "",    // no cause
	} {
		if got := causeOf(gloss); got != want {
			t.Errorf("causeOf(%q) = %q, want %q", gloss, got, want)
		}
	}
}
