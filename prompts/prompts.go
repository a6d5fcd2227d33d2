// Package prompts holds the prompt templates of the bot (embedded from
// *.tmpl files) and renders them: the system prompt that confines the model
// to numbered passages, the user prompt with the passages and the question,
// and the prompts that rewrite a follow-up into a standalone question.
package prompts

import (
	"embed"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

//go:embed *.tmpl
var files embed.FS

// templates are parsed once, on first use (only LLM answers render them,
// so other processes do not pay for parsing at start); a broken template is
// a bug the tests catch.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("prompts").ParseFS(files, "*.tmpl"))
})

// Limits that keep prompts lean.
const (
	// MaxHistory is how many earlier turns a rewrite prompt shows.
	MaxHistory = 3
	// MaxTurnAnswer is the longest earlier answer shown, in characters.
	MaxTurnAnswer = 400
)

// Passage is one numbered passage as the model sees it.
type Passage struct {
	N         int
	Outlet    string
	Published string // YYYY-MM-DD
	Title     string
	Text      string
}

// Turn is one earlier exchange of a conversation.
type Turn struct {
	Question string
	Answer   string
}

// System returns the system prompt of an answer.
func System() string { return render("system.tmpl", nil) }

// User returns the user prompt of an answer: the numbered passages and the
// question. standalone, when not empty, is the question rewritten with the
// conversation.
func User(question, standalone string, passages []Passage) string {
	question = oneLine(question)
	standalone = oneLine(standalone)
	if standalone == question {
		standalone = ""
	}
	ps := make([]Passage, len(passages))
	for i, p := range passages {
		ps[i] = Passage{N: p.N, Outlet: oneLine(p.Outlet), Published: p.Published, Title: oneLine(p.Title), Text: oneLine(p.Text)}
	}
	return render("answer.tmpl", struct {
		Question, Standalone string
		Passages             []Passage
	}{question, standalone, ps})
}

// RewriteSystem returns the system prompt that rewrites a follow-up question.
func RewriteSystem() string { return render("rewrite_system.tmpl", nil) }

// Rewrite returns the user prompt that rewrites question, the last of a
// conversation, into a standalone question. It shows the last MaxHistory
// turns, their answers shortened and stripped of citation markers.
func Rewrite(history []Turn, question string) string {
	if len(history) > MaxHistory {
		history = history[len(history)-MaxHistory:]
	}
	hs := make([]Turn, len(history))
	for i, t := range history {
		hs[i] = Turn{Question: oneLine(t.Question), Answer: clip(oneLine(markers.ReplaceAllString(t.Answer, "")), MaxTurnAnswer)}
	}
	return render("rewrite.tmpl", struct {
		History  []Turn
		Question string
	}{hs, oneLine(question)})
}

// Tokens estimates the tokens of s the way OpenAI suggests for English
// text: about four characters a token.
func Tokens(s string) int { return (utf8.RuneCountInString(s) + 3) / 4 }

// markers are citation markers in passage text, which the prompt removes
// so that the model's own numbering is the only one it sees.
var markers = english.Markers

func render(name string, data any) string {
	var b strings.Builder
	if err := templates().ExecuteTemplate(&b, name, data); err != nil {
		// The templates and their data are ours: this is a bug, caught by the tests.
		panic("prompts: render " + name + ": " + err.Error())
	}
	return b.String()
}

// oneLine collapses all white space, newlines included, so that text from a
// user or an article cannot forge a passage header or a new section.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	return strings.TrimRight(string(r), " ") + "…"
}
