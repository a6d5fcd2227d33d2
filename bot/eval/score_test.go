package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

func TestNorm(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower case", "Marco RUBIO", "marco rubio"},
		{"curly quotes", "\u201cRussia\u2019s\u201d \u2018x\u2019", `"russia's" 'x'`},
		{"dashes", "4.5\u2013hour \u2014 talks", "4.5-hour - talks"},
		{"runs of white space, ends kept", "\t a \u00a0\n b  ", " a b "},
		{"python white space U+001C..U+001F and NEL", "a\x1cb\x1fc\u0085d", "a b c d"},
		{"zero-width space is not white space", "a\u200bb", "a\u200bb"},
		{"dotted capital I lowers to i + combining dot", "\u0130STANBUL", "i\u0307stanbul"},
		{"final sigma", "\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2"},
		{"sigma inside a word", "\u03a3\u039f\u03a6\u0399\u0391", "\u03c3\u03bf\u03c6\u03b9\u03b1"},
		{"lone sigma", "\u03a3", "\u03c3"},
		{"final sigma before an apostrophe", "\u039f\u0394\u039f\u03a3'", "\u03bf\u03b4\u03bf\u03c2'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Norm(tt.in); got != tt.want {
				t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHas(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		group []string
		want  bool
	}{
		{"one alternative", "Lavrov spoke", []string{"lavrov"}, true},
		{"second alternative", "a 4.5-hour meeting", []string{"four and a half", "4.5-hour"}, true},
		{"none", "Lavrov spoke", []string{"Ushakov"}, false},
		{"alternative normalised too", "Russia's position", []string{"Russia\u2019s  position"}, true},
		{"trailing space in a fact needs white space", "met Rubio.", []string{"Rubio "}, false},
		{"i without the dot does not match İ", "\u0130stanbul", []string{"istanbul"}, false},
		{"empty group", "anything", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Has(tt.text, tt.group); got != tt.want {
				t.Errorf("Has(%q, %q) = %v, want %v", tt.text, tt.group, got, tt.want)
			}
		})
	}
}

func TestStripMarkersAndWords(t *testing.T) {
	tests := []struct {
		name, in, stripped string
		words              int
	}{
		{"markers go", "Rubio led it [1][12].", "Rubio led it .", 4},
		{"marker inside a word", "4.5[3]-hour", "4.5-hour", 1},
		{"not markers", "[ 1 ] [a] [] [1a]", "[ 1 ] [a] [] [1a]", 6},
		{"non-ASCII digits are digits", "Diri[\u0661\u0662]yah", "Diriyah", 1},
		{"empty", "", "", 0},
		{"python separators split words", "a\x1cb\u00a0c", "a\x1cb\u00a0c", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StripMarkers(tt.in)
			if got != tt.stripped {
				t.Errorf("StripMarkers(%q) = %q, want %q", tt.in, got, tt.stripped)
			}
			if n := Words(got); n != tt.words {
				t.Errorf("Words(%q) = %d, want %d", got, n, tt.words)
			}
		})
	}
}

func TestScoreCounts(t *testing.T) {
	gold := []Item{
		{ID: "a", Question: "q", Answerable: true, Facts: [][]string{{"x"}, {"y"}}},
		{ID: "b", Question: "q", Answerable: true, Facts: [][]string{{"z"}}},
		{ID: "c", Question: "q"},
	}
	answers := []*bot.Answer{
		{Answer: "x [1]", Citations: []bot.Citation{{N: 1, Quote: "x"}, {N: 2, Quote: "w"}},
			Passages: []bot.PassageRef{{Text: "x y"}}},
		{Abstained: true, Passages: []bot.PassageRef{{Text: "z"}}},
		nil, // an engine error counts as an answer that did not abstain
	}
	m, err := Score(gold, answers, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Metrics{RetrievalRecall5: 1, FactRecall: 0.25, FullyCorrect: 0, CitationPrecision: 0.5,
		AnswersWithCitation: 1, FalseAbstention: 0.5, AbstentionOnUnanswerable: 0, MeanAnswerWords: 1,
		Questions: 3, Answerable: 2, Unanswerable: 1, Answered: 1, Citations: 2}
	got := m
	got.Misses, got.Failures, got.Imprecise = nil, nil, nil
	if !equalMetrics(got, want) {
		t.Errorf("Score = %+v\nwant    %+v", got, want)
	}
	if s := strings.Join(m.Misses, ","); s != "a missed,b abstained,c answered" {
		t.Errorf("misses = %q", s)
	}
	if f := m.Failures[0]; len(f.Missing) != 1 || f.Missing[0][0] != "y" || len(f.NotRetrieved) != 0 {
		t.Errorf("failure of a = %+v, want y missing and everything retrieved", f)
	}
	if len(m.Imprecise) != 1 || m.Imprecise[0] != (CitationMiss{ID: "a", N: 2, Quote: "w"}) {
		t.Errorf("imprecise citations %+v, want a [2] \"w\"", m.Imprecise)
	}
	if _, err := Score(gold, answers[:1], nil); err == nil {
		t.Error("Score with too few answers: no error")
	}
}

func equalMetrics(a, b Metrics) bool {
	const eps = 1e-12
	fa, fb := floats(a), floats(b)
	for i := range fa {
		if math.Abs(fa[i]-fb[i]) > eps {
			return false
		}
	}
	return a.Questions == b.Questions && a.Answerable == b.Answerable && a.Unanswerable == b.Unanswerable &&
		a.Answered == b.Answered && a.Citations == b.Citations
}

func floats(m Metrics) []float64 {
	return []float64{m.RetrievalRecall5, m.FactRecall, m.FullyCorrect, m.CitationPrecision,
		m.AnswersWithCitation, m.FalseAbstention, m.AbstentionOnUnanswerable, m.MeanAnswerWords}
}

// scorePy is the reference scorer, copied from ../shared/eval/score.py so that
// a fresh clone can run the agreement tests. Refresh the copy when it changes.
const scorePy = "testdata/score.py"

// python returns the path of python3, skipping the test when there is none.
func python(t *testing.T) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; the agreement with score.py is not checked")
	}
	return py
}

// TestAgreesWithScorePy scores a fixed set of answers, built to exercise
// every edge of the metrics (markers, curly quotes, dashes, Unicode white
// space and case, abstentions, missing and null fields), with Score and with
// score.py, and compares every metric and the list of misses.
func TestAgreesWithScorePy(t *testing.T) {
	compareWithScorePy(t, "testdata/gold.jsonl", "testdata/answers.jsonl")
}

// compareWithScorePy runs score.py --json on gold with answers as the output
// of its command and checks that Score gives the same metrics.
func compareWithScorePy(t *testing.T, goldPath, answersPath string) {
	t.Helper()
	py := python(t)
	abs, err := filepath.Abs(answersPath)
	if err != nil {
		t.Fatal(err)
	}
	// score.py writes the questions to the command's stdin; read them, then
	// print the fixed answers.
	cmd := exec.CommandContext(t.Context(), py, scorePy, "--json", goldPath, "--",
		"sh", "-c", `cat >/dev/null; cat "$1"`, "sh", abs)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, out)
	}
	var want map[string]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, out)
	}

	gold := readGold(t, goldPath)
	answers := readAnswers(t, answersPath)
	m, err := Score(gold, answers, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Metrics: m}
	for _, k := range Keys {
		if strings.HasPrefix(k, "ms_") {
			continue // time, not agreement
		}
		got, _ := r.Value(k)
		w, ok := want[k].(float64)
		if !ok {
			t.Errorf("score.py gave no %s", k)
			continue
		}
		if math.Abs(got-w) > 1e-12 {
			t.Errorf("%s: Go %v, score.py %v", k, got, w)
		}
	}
	var wantMisses []string
	for _, s := range want["misses"].([]any) {
		wantMisses = append(wantMisses, s.(string))
	}
	if g, w := strings.Join(m.Misses, ", "), strings.Join(wantMisses, ", "); g != w {
		t.Errorf("misses:\nGo       %s\nscore.py %s", g, w)
	}
}

func readGold(t *testing.T, path string) []Item {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return gold
}

// readAnswers reads answers as score.py does: the lines that start with "{"
// after trimming, one JSON object each.
func readAnswers(t *testing.T, path string) []*bot.Answer {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []*bot.Answer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var a bot.Answer
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, &a)
	}
	return out
}

// TestNormAgreesWithPython compares Norm, StripMarkers and Words with the
// Python of score.py (its own norm, the marker regexp and str.split) on
// random strings drawn from the characters where Go and Python differ.
func TestNormAgreesWithPython(t *testing.T) {
	py := python(t)
	src, err := os.ReadFile(scorePy)
	if err != nil {
		t.Fatal(err)
	}
	defs, _, ok := strings.Cut(string(src), "def main")
	if !ok {
		t.Fatal("score.py has no main")
	}
	alphabet := []rune("aZ İıΣσςΟΔ'.:·\u00ad\u0301[]0١9 \t\n\u00a0\u0085\u2003\u200b\x1c\x1f\u2018\u2019\u201c\u201d\u2013\u2014-ǅẞß")
	rng := rand.New(rand.NewPCG(1, 2))
	inputs := make([]string, 3000)
	for i := range inputs {
		rs := make([]rune, rng.IntN(12))
		for j := range rs {
			rs[j] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs[i] = string(rs)
	}
	script := defs + `
import json, sys
print(json.dumps([[norm(s), re.sub(r"\[\d+\]", "", s), len(s.split())] for s in json.load(sys.stdin)]))
`
	in, _ := json.Marshal(inputs)
	cmd := exec.CommandContext(t.Context(), py, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var want [][]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, s := range inputs {
		if got := Norm(s); got != want[i][0].(string) {
			t.Errorf("Norm(%q) = %q, python %q", s, got, want[i][0])
		}
		if got := StripMarkers(s); got != want[i][1].(string) {
			t.Errorf("StripMarkers(%q) = %q, python %q", s, got, want[i][1])
		}
		if got := Words(s); got != int(want[i][2].(float64)) {
			t.Errorf("Words(%q) = %d, python %v", s, got, want[i][2])
		}
	}
}

func FuzzNorm(f *testing.F) {
	for _, s := range []string{"", "Rubio [1]", "\u0130\u03a3", "a\u2019b\u2014c  d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Norm(s)
		if strings.Contains(n, "  ") {
			t.Errorf("Norm(%q) = %q keeps a double space", s, n)
		}
		if !Has(s, []string{s}) {
			t.Errorf("Has(%q, itself) = false", s)
		}
		if Words(StripMarkers(s)) > Words(s)+strings.Count(s, "]") {
			t.Errorf("StripMarkers(%q) made words appear", s)
		}
	})
}
