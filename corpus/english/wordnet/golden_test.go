package wordnet

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// newsWords are words a news question-answering bot meets; the golden file
// shows what WordNet gives for them (the three commonest senses of each
// base form), for people deciding how to use it as much as for the test.
var newsWords = []string{
	"lead", "led", "head", "headed", "talks", "negotiate", "meet", "met", "venue",
	"duration", "last", "long", "American", "US", "U.S.", "Ukrainian", "Ukraine", "Kremlin",
	"react", "response", "say", "state", "representative", "envoy", "shoot down",
	"intercept", "reject", "accept", "Cairo", "Riyadh", "crown prince", "ceasefire",
}

// maxGoldenSense bounds the senses shown per base form.
const maxGoldenSense = 3

func TestNewsWordsGolden(t *testing.T) {
	var b strings.Builder
	for _, w := range newsWords {
		render(&b, w)
	}
	path := filepath.Join("testdata", "news.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("relations of the news words differ from %s (go test -run Golden -update to rewrite it):\n%s", path, b.String())
	}
}

// render writes what WordNet gives for w: its base forms, its antonyms, and
// a line per sense and kind of relation.
func render(b *strings.Builder, w string) {
	fmt.Fprintf(b, "== %s\n", w)
	var lemmas []string
	for _, l := range Lemmas(w) {
		lemmas = append(lemmas, l.Word+" ("+l.POS.String()+")")
	}
	fmt.Fprintf(b, "lemmas: %s\n", strings.Join(lemmas, ", "))
	if a := Antonyms(w); len(a) > 0 {
		fmt.Fprintf(b, "antonyms: %s\n", strings.Join(a, ", "))
	}
	type group struct {
		from  Lemma
		sense int
		kind  Kind
	}
	var order []group
	lemmasOf := map[group][]string{}
	for _, r := range Related(w) {
		if r.Sense >= maxGoldenSense {
			continue
		}
		g := group{r.From, r.Sense, r.Kind}
		if _, ok := lemmasOf[g]; !ok {
			order = append(order, g)
		}
		lemmasOf[g] = append(lemmasOf[g], r.Lemma)
	}
	for _, g := range order {
		ls := lemmasOf[g]
		more := ""
		if len(ls) > 12 {
			ls, more = ls[:12], fmt.Sprintf(" (and %d more)", len(ls)-12)
		}
		fmt.Fprintf(b, "  %s %s #%d %s: %s%s\n", g.from.Word, g.from.POS, g.sense, g.kind, strings.Join(ls, ", "), more)
	}
}
