// Package answer holds what the parts of the engine hand each other and
// the front ends: a question with its conversation, an answer with numbered
// citations of the articles, and the citations themselves. It has no logic
// beyond building a citation; the answerers, the check and the timeline
// import it, and package bot re-exports its types.
package answer

import (
	"github.com/talksbot/talksbot/corpus"
)

// Mode names which answerer produced an answer.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// Turn is one earlier exchange of a conversation, oldest first.
type Turn struct {
	Question string
	Answer   string
}

// Question is what a user asked, with the conversation so far (for follow-ups).
type Question struct {
	Text    string
	History []Turn
}

// Query is a question as an answerer receives it.
type Query struct {
	// Text is the question as asked.
	Text string
	// Search is the question as retrieval read it: Text, or the follow-up
	// rewritten to stand alone.
	Search string
	// History is the conversation so far, oldest first.
	History []Turn
	// Stream, when set, receives the answer piece by piece as a model
	// writes it; an error from it stops the stream. Offline answers come
	// whole and never call it.
	Stream func(delta string) error
}

// Citation is a numbered source of an answer. Quote is text that occurs in the
// cited article.
type Citation struct {
	N         int    `json:"n"`
	Article   string `json:"article"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Quote     string `json:"quote"`
}

// PassageRef is a retrieved passage as reported in an answer.
type PassageRef struct {
	Article string  `json:"article"`
	Score   float64 `json:"score"`
	Text    string  `json:"text"`
}

// Answer is the engine's reply to a question; its JSON form is the
// `talksbot ask --json` contract of DESIGN.md.
type Answer struct {
	Question  string       `json:"question"`
	Answer    string       `json:"answer"`
	Abstained bool         `json:"abstained"`
	Mode      string       `json:"mode"`
	Citations []Citation   `json:"citations"`
	Passages  []PassageRef `json:"passages"`
	Timings   Timings      `json:"timings_ms"`
	// Note says, in one line, anything the user should know about how the
	// answer was made (e.g. "the LLM failed; this is the offline answer").
	Note string `json:"note,omitempty"`
	// Check reports what the citation checker removed from an LLM answer.
	Check *Check `json:"check,omitempty"`
	// Rewritten is the standalone question used for retrieval when a
	// follow-up was rewritten with the conversation.
	Rewritten string `json:"rewritten,omitempty"`
}

// Timings are the milliseconds spent in each stage.
type Timings struct {
	Retrieve float64 `json:"retrieve"`
	Answer   float64 `json:"answer"`
}

// Check is what the citation checker did to an LLM answer.
type Check struct {
	InvalidMarkers  int      `json:"invalid_markers"`   // [n] pointing at no passage, removed
	Unsupported     int      `json:"unsupported"`       // cited sentences the passage does not support, dropped
	Uncited         int      `json:"uncited"`           // sentences without any marker, dropped
	DroppedSentence []string `json:"dropped,omitempty"` // the text dropped

	// IrrelevantMarkers counts markers of kept sentences that pointed at a
	// passage that does not support the sentence, removed.
	IrrelevantMarkers int `json:"irrelevant_markers"`
	// Dependent counts sentences dropped because they lean on a dropped
	// one ("He was accompanied by ..." after a dropped "Rubio led ...").
	Dependent int `json:"dependent,omitempty"`
	// Mentions counts the mentions (@everyone, @here, <@id>) stripped.
	Mentions int `json:"mentions,omitempty"`
	// Sentences is the verdict on each sentence of the answer, in order.
	Sentences []SentenceCheck `json:"sentences,omitempty"`
}

// SentenceCheck is the check's verdict on one sentence of an LLM answer.
type SentenceCheck struct {
	Text string `json:"text"` // as the model wrote it, markers included
	Kept bool   `json:"kept"`
	// Citations are the numbers of the answer's citations the kept
	// sentence carries; Quote is the sentence of an article that supports
	// it best.
	Citations []int  `json:"citations,omitempty"`
	Quote     string `json:"quote,omitempty"`
	// Passed names the checks the sentence passed, in the order they ran
	// ("cited", "support", "numbers", "polarity", "speaker", "names",
	// "list"); Failed names the one that dropped it, with why.
	Passed []string `json:"passed,omitempty"`
	Failed string   `json:"failed,omitempty"`
}

// Library is the corpus's articles by id: what a citation needs to name
// its source.
type Library map[string]*corpus.Article

// NewLibrary indexes arts by id; the articles are not copied.
func NewLibrary(arts []corpus.Article) Library {
	l := make(Library, len(arts))
	for i := range arts {
		l[arts[i].ID] = &arts[i]
	}
	return l
}

// Cite builds citation n of quote, text of the article id.
func (l Library) Cite(n int, id, quote string) Citation {
	c := Citation{N: n, Article: id, Quote: quote}
	if a := l[id]; a != nil {
		c.Title, c.Outlet, c.Published, c.URL = a.Title, a.Outlet, a.Date(), a.URL
	}
	return c
}
