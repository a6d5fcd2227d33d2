package extractive

import (
	"bufio"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/internal/prefilter"
	"github.com/talksbot/talksbot/corpus/english"
)

// TestPrefilteredAsRegexp runs every expression of the package, filtered
// (lazy) and plain, over the built-in articles' sentences, a style corpus
// and the dev questions as the answerer reads them, and checks that the
// filter never changes a result: it only skips texts that cannot match.
func TestPrefilteredAsRegexp(t *testing.T) {
	patterns := packagePatterns(t)
	if len(patterns) < maxExpressions {
		t.Fatalf("read %d expressions of the package, want them all (%d, TestRuleCount's ceiling)", len(patterns), maxExpressions)
	}
	texts := testTexts(t)
	filtered := 0
	for _, p := range patterns {
		plain, pre := regexp.MustCompile(p), prefilter.MustCompile(p)
		if pre.Filtered() {
			filtered++
		}
		for _, s := range texts {
			if got, want := pre.MatchString(s), plain.MatchString(s); got != want {
				t.Fatalf("%s on %q: filtered %v, plain %v", p, s, got, want)
			}
			if got, want := pre.FindAllStringSubmatchIndex(s, -1), plain.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: filtered %v, plain %v", p, s, got, want)
			}
			if got, want := pre.ReplaceAllString(s, "x"), plain.ReplaceAllString(s, "x"); got != want {
				t.Fatalf("%s on %q: filtered %q, plain %q", p, s, got, want)
			}
		}
	}
	// Most of the expressions are alternations of words: if the filter
	// stopped reading them it would pass every text, and this test still.
	t.Logf("%d of %d expressions filtered, on %d texts", filtered, len(patterns), len(texts))
	if filtered < len(patterns)/2 {
		t.Errorf("%d of %d expressions filtered, want most", filtered, len(patterns))
	}
}

// packagePatterns returns the pattern of every lazy(...) call in the
// package's source, its constant parts evaluated.
func packagePatterns(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]ast.Expr{}
	var calls []ast.Expr
	for _, f := range pkgs["extractive"].Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						consts[name.Name] = n.Values[i]
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "lazy" && len(n.Args) == 1 {
					calls = append(calls, n.Args[0])
				}
			}
			return true
		})
	}
	outside := map[string]string{
		"english.TitlePattern":      english.TitlePattern,
		"english.SpeechVerbPattern": english.SpeechVerbPattern,
	}
	var eval func(e ast.Expr) (string, bool)
	eval = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		case *ast.BinaryExpr:
			a, ok1 := eval(e.X)
			b, ok2 := eval(e.Y)
			return a + b, ok1 && ok2 && e.Op == token.ADD
		case *ast.ParenExpr:
			return eval(e.X)
		case *ast.SelectorExpr:
			s, ok := outside[e.X.(*ast.Ident).Name+"."+e.Sel.Name]
			return s, ok
		case *ast.Ident:
			if s, ok := outside[e.Name]; ok {
				return s, true
			}
			if v, ok := consts[e.Name]; ok {
				return eval(v)
			}
		}
		return "", false
	}
	var out []string
	for _, c := range calls {
		p, ok := eval(c)
		if !ok {
			t.Errorf("cannot read the pattern at %s", fset.Position(c.Pos()))
			continue
		}
		out = append(out, p)
	}
	return out
}

// testTexts returns sentences and questions as the answerer reads them:
// as written, in lower case, and folded for the kind rules.
func testTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, glob := range []string{"../../corpus/articles/*.txt", "../testdata/styles/dam/corpus/*"} {
		files, _ := filepath.Glob(glob)
		if len(files) == 0 {
			t.Fatalf("no files %s", glob)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, english.Split(string(b))...)
		}
	}
	for _, gold := range []string{"../testdata/dev.jsonl", "../testdata/dev2.jsonl", "../testdata/styles/dam/gold.jsonl"} {
		f, err := os.Open(gold)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var it struct{ Question string }
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				t.Fatal(err)
			}
			q := it.Question
			texts = append(texts, q, strings.ToLower(q), strings.ToLower(kindFold.Replace(q)))
		}
		f.Close()
	}
	// Texts the filter must read with care: a Kelvin sign and a long s,
	// which Unicode folds to k and s.
	return append(texts, "the \u212aremlin said", "Mo\u017fcow \u017faid so", "")
}
