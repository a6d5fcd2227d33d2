package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// The bars the check must clear on testdata/answers.jsonl: the share of
// right answers kept whole, and of wrong answers with their wrong sentence
// dropped.
const (
	minRightKept   = 0.95
	minWrongCaught = 0.90
)

// script is one scripted model answer of testdata/answers.jsonl: an answer
// to a dev-set question, written the way gpt-4o-mini or Llama-3-8B write
// them, right (a close or loose paraphrase, a spelling variant) or wrong
// (a number, a negation or antonym, the wrong speaker, an invented name or
// claim, an added list item, a sentence leaning on a wrong one). Its
// citations are written [[a phrase of the supporting sentence]], resolved
// to the number of the passage that holds the phrase among those
// retrieved for the question (the passage is added when retrieval misses
// it), so that changes to retrieval do not break the scripts.
type script struct {
	Label    string `json:"label"` // "right" or "wrong"
	Question string `json:"question"`
	Style    string `json:"style"`
	Kind     string `json:"kind"`
	Answer   string `json:"answer"`
}

var phraseRE = regexp.MustCompile(`\[\[(.+?)\]\]`)

// TestScriptedAnswers measures the check on the scripted answers and fails
// below the bars. go test -run TestScriptedAnswers -v ./bot/check/ prints
// the figures and every misjudged answer.
func TestScriptedAnswers(t *testing.T) {
	f, err := os.Open("testdata/answers.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	passages := retrieval.Chunk(arts, retrieval.Options{})
	ix, err := retrieval.NewIndex(t.Context(), passages, retrieval.NewHashing(0), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lib := answer.NewLibrary(arts)
	count := map[string]int{}
	good := map[string]int{}
	byKind := map[string][2]int{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		var s script
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		name := fmt.Sprintf("%03d-%s-%s", line, s.Label, s.Kind)
		t.Run(name, func(t *testing.T) {
			hits, err := ix.Search(t.Context(), s.Question, 8)
			if err != nil {
				t.Fatal(err)
			}
			raw, hits, err := resolve(s.Answer, hits, passages)
			if err != nil {
				t.Fatal(err)
			}
			res := Run(raw, hits, lib)
			c := res.Check
			kept := res.Text != "" && c.Unsupported+c.Uncited+c.Dependent == 0
			caught := res.Text == "" || c.Unsupported+c.Dependent > 0
			ok := s.Label == "right" && kept || s.Label == "wrong" && caught
			count[s.Label]++
			k := byKind[s.Label+" "+s.Kind]
			k[1]++
			if ok {
				good[s.Label]++
				k[0]++
			} else {
				var why []string
				for _, v := range c.Sentences {
					why = append(why, fmt.Sprintf("%v %s %v", v.Kept, v.Failed, v.Passed))
				}
				t.Logf("misjudged %s answer (%s, %s): %s\n  check: %s", s.Label, s.Style, s.Kind, raw, strings.Join(why, "; "))
			}
			byKind[s.Label+" "+s.Kind] = k
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if count["right"] < 50 || count["wrong"] < 50 {
		t.Fatalf("want at least 50 right and 50 wrong scripted answers, have %d and %d", count["right"], count["wrong"])
	}
	kept := float64(good["right"]) / float64(count["right"])
	caught := float64(good["wrong"]) / float64(count["wrong"])
	for k, v := range byKind {
		t.Logf("%-20s %d/%d", k, v[0], v[1])
	}
	t.Logf("right answers kept %d/%d (%.2f), wrong answers caught %d/%d (%.2f)",
		good["right"], count["right"], kept, good["wrong"], count["wrong"], caught)
	if kept < minRightKept {
		t.Errorf("right answers kept %.2f, below the bar of %.2f", kept, minRightKept)
	}
	if caught < minWrongCaught {
		t.Errorf("wrong answers caught %.2f, below the bar of %.2f", caught, minWrongCaught)
	}
}

// resolve replaces each [[phrase]] of a scripted answer by the marker of
// the hit whose passage holds the phrase, adding the passage to the hits
// when retrieval did not return it.
func resolve(text string, hits []retrieval.Hit, all []retrieval.Passage) (string, []retrieval.Hit, error) {
	var err error
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	out := phraseRE.ReplaceAllStringFunc(text, func(m string) string {
		phrase := norm(phraseRE.FindStringSubmatch(m)[1])
		for i, h := range hits {
			if strings.Contains(norm(h.Passage.Text), phrase) {
				return fmt.Sprintf("[%d]", i+1)
			}
		}
		for i := range all {
			p := &all[i]
			if strings.Contains(norm(p.Text), phrase) {
				hits = append(hits, retrieval.Hit{Passage: p})
				return fmt.Sprintf("[%d]", len(hits))
			}
		}
		err = fmt.Errorf("no passage holds %q", phrase)
		return m
	})
	return out, hits, err
}
