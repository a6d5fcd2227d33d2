package extractive

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The answerer's hand-set rules, counted as the issue on offline answers
// counts them: regular expressions (each call of lazy), word lists (a
// literal with three or more quoted words, a wordSet of a quoted list, or
// a switch on a word whose cases name three or more: a list in all but
// form) and constants (but the iota enumerations, which name and set
// nothing).
// The counts may go down, never up: a new rule must replace one (README
// "Quality" keeps the history).
const (
	maxExpressions = 52
	maxWordLists   = 9
	maxConstants   = 38
)

// TestRuleCount counts the rules of the package's source and checks that
// each stays documented: every package-level expression, word list and
// constant has a comment saying which kind of question or sentence it
// serves, and every named expression is exercised by a test by its name.
func TestRuleCount(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var exprs, lists, consts int
	named := map[string]token.Position{} // expression variables by name
	var tests strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			if f != "rules_test.go" {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				tests.Write(b)
			}
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "lazy" {
					exprs++
				}
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "wordSet" && len(n.Args) == 1 {
					if bl, ok := n.Args[0].(*ast.BasicLit); ok && bl.Kind == token.STRING {
						lists++ // wordSet("the a an its")
					}
				}
			case *ast.CompositeLit:
				if quotedWords(n) >= 3 {
					lists++
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && caseWords(n) >= 3 {
					lists++ // switch h { case "linear unit": ... }
				}
			}
			return true
		})
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST && gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if len(vs.Values) == 0 {
					continue
				}
				if _, enum := vs.Values[0].(*ast.Ident); enum && gd.Tok == token.CONST {
					continue // iota
				}
				rule := gd.Tok == token.CONST || isLazy(vs.Values[0]) || quotedWords(vs.Values[0]) >= 3
				if !rule {
					continue
				}
				if gd.Tok == token.CONST {
					consts += len(vs.Names)
				}
				if vs.Doc == nil && vs.Comment == nil && gd.Doc == nil { // a group's comment covers its rules
					t.Errorf("%s: %s has no comment saying what it serves", fset.Position(vs.Pos()), vs.Names[0].Name)
				}
				if isLazy(vs.Values[0]) {
					named[vs.Names[0].Name] = fset.Position(vs.Pos())
				}
			}
		}
	}
	for name, pos := range named {
		if !regexp.MustCompile(`\b` + name + `\b`).MatchString(tests.String()) {
			t.Errorf("%s: no test names %s", pos, name)
		}
	}
	t.Logf("%d regular expressions, %d word lists, %d constants", exprs, lists, consts)
	for _, c := range []struct {
		what     string
		got, max int
	}{
		{"regular expressions", exprs, maxExpressions},
		{"word lists", lists, maxWordLists},
		{"constants", consts, maxConstants},
	} {
		if c.got > c.max {
			t.Errorf("%d %s, at most %d: replace a rule rather than add one", c.got, c.what, c.max)
		}
		if c.got < c.max {
			t.Logf("%d %s, below the ceiling of %d: lower it", c.got, c.what, c.max)
		}
	}
}

// isLazy reports whether e is a call of lazy.
func isLazy(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == "lazy"
}

// caseWords counts the string literals among a switch's case values.
func caseWords(sw *ast.SwitchStmt) int {
	n := 0
	for _, c := range sw.Body.List {
		for _, e := range c.(*ast.CaseClause).List {
			if bl, ok := e.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				n++
			}
		}
	}
	return n
}

// quotedWords counts the string literals among a composite literal's
// elements or keys.
func quotedWords(e ast.Expr) int {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return 0
	}
	n := 0
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Key
		}
		if bl, ok := el.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			n++
		}
	}
	return n
}
