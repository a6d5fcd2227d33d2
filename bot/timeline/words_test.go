package timeline

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

// clauseWordRE is what clauseWords reads by hand.
var clauseWordRE = regexp.MustCompile(`\p{L}+`)

var clauseWordTexts = []string{
	"Zelenskyy’s talks in Riyadh — on Tuesday — ended; “we’ll see,” he said.",
	"Baños, İstanbul, Kyïv, Ångström, ǅemal, 東京, ﬁnal, Ⅻ, 3rd, x2y, naïve",
	"\xe2\x80 \xff abc\xc3 d\xc3\xa9f \xef\xbf\xbd g",
	"",
	"   ",
}

// TestClauseWords checks that clauseWords finds what clauseWordRE finds, in
// the texts above and the built-in articles, as written and in lower case.
func TestClauseWords(t *testing.T) {
	texts := append([]string(nil), clauseWordTexts...)
	arts, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	for _, s := range texts {
		checkClauseWords(t, s)
		checkClauseWords(t, strings.ToLower(s))
	}
}

func FuzzClauseWords(f *testing.F) {
	for _, s := range clauseWordTexts {
		f.Add(s)
	}
	f.Fuzz(checkClauseWords)
}

func checkClauseWords(t *testing.T, s string) {
	if got, want := clauseWords(s), clauseWordRE.FindAllString(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("clauseWords(%q) = %q, the expression finds %q", s, got, want)
	}
}
