package wordnet

import (
	"slices"
	"testing"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/build"
)

// TestBuildMiniDict runs the generator's build on a made-up dict
// (testdata/minidict) and reads the result back: member order from the
// sense counts (satellites' sense keys included), pointers between words
// renumbered to that order, markers stripped, irregular forms kept only
// when their base is a lemma.
func TestBuildMiniDict(t *testing.T) {
	b, st, err := build.File("testdata/minidict")
	if err != nil {
		t.Fatal(err)
	}
	if st != (build.Stats{Lemmas: 13, Synsets: 10, Pointers: 10, Irregular: 4}) {
		t.Errorf("stats %+v", st)
	}
	lx, err := parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	has := func(word, lemma string, kind Kind, sense int) {
		t.Helper()
		rs := lx.Related(word)
		if !slices.ContainsFunc(rs, func(r Relation) bool { return r.Lemma == lemma && r.Kind == kind && r.Sense == sense }) {
			t.Errorf("Related(%q) has no %s %q from sense %d: %v", word, kind, lemma, sense, rs)
		}
	}
	hasNo := func(word, lemma string, kind Kind) {
		t.Helper()
		if slices.ContainsFunc(lx.Related(word), func(r Relation) bool { return r.Lemma == lemma && r.Kind == kind }) {
			t.Errorf("Related(%q) has %s %q", word, kind, lemma)
		}
	}
	has("Cairo", "el qahira", Synonym, 0)
	has("Cairo", "egypt", Holonym, 0)
	has("Cairo", "national capital", Hypernym, 0)
	has("Egypt", "cairo", Meronym, 0)
	has("talks", "negotiation", Synonym, 1)     // the second sense of "talks"
	has("negotiation", "negotiate", Derived, 0) // the pointer's source is "negotiation"...
	hasNo("talks", "negotiate", Derived)        // ...not "talks", though the data file lists it first
	has("negotiate", "negotiation", Derived, 0)
	has("realistically", "realistic", Pertainym, 0)
	has("surreal", "unrealistic", Similar, 0) // "surreal(a)": the marker is dropped

	members := func(word string) []string {
		e, _ := lx.find(word)
		return lx.synset(e.sense(0)).members
	}
	for word, want := range map[string][]string{
		"cairo":      {"el qahira", "cairo"},          // el_qahira has a count of 3
		"talks":      {"talks"},                       // the first sense has one member
		"kafkaesque": {"surreal", "kafkaesque"},       // the satellite's sense key names its head, marker and all
		"capital":    {"national capital", "capital"}, // no counts: the data file's order
	} {
		if got := members(word); !slices.Equal(got, want) {
			t.Errorf("members of %q's first synset: %v, want %v", word, got, want)
		}
	}
	if got := lx.Antonyms("kafkaesque"); !slices.Equal(got, []string{"realistic"}) {
		t.Errorf("Antonyms(kafkaesque) = %v, want the head's antonym", got)
	}
	for word, want := range map[string]Lemma{
		"negotiatin":        {"negotiate", Verb},
		"talkses":           {"talks", Noun},
		"capitals of egypt": {"cairo", Noun},
		"realisticlier":     {"realistically", Adv},
		"negotiations":      {"negotiation", Noun},
	} {
		if got := lx.Lemmas(word); !slices.Contains(got, want) {
			t.Errorf("Lemmas(%q) = %v, want %v among them", word, got, want)
		}
	}
	if lx.Known("nowhere") {
		t.Error(`"nowhere", an irregular base that is no lemma, is known`)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, _, err := build.File(t.TempDir()); err == nil {
		t.Error("build of an empty directory succeeded")
	}
}
