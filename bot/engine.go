package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// Defaults, determined on the dev gold set (see README, "Quality").
const (
	// DefaultPassages is how many passages retrieval returns for a question.
	DefaultPassages = 8
	// DefaultMaxQuestion is the longest question accepted, in characters.
	DefaultMaxQuestion = 500
)

// ErrEmptyQuestion and ErrQuestionTooLong are user errors: their text can be
// shown to people as it is.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = errors.New("the question is too long")
)

// Options configure an Engine. Zero values mean the defaults.
type Options struct {
	Passages    int // passages retrieved per question
	MaxQuestion int // characters
	// LLM answers from the passages when set; nil means offline mode.
	LLM LLM
}

// Engine answers questions about the corpus. It is safe for concurrent use.
type Engine struct {
	log      *slog.Logger
	articles []corpus.Article
	byID     map[string]*corpus.Article
	index    *retrieval.Index
	opts     Options
	now      func() time.Time

	// For the extractive answerer, built once in New.
	sents    []sentence
	sentIdx  map[string]int // article id + "\x00" + sentence text -> index in sents
	lex      *lexicon
	earliest time.Time // publication date of the oldest article

	tl timelineCache // the timeline, built on first use (timeline.go)
}

// New returns an engine over articles and their index.
func New(log *slog.Logger, articles []corpus.Article, index *retrieval.Index, opts Options) *Engine {
	if opts.Passages <= 0 {
		opts.Passages = DefaultPassages
	}
	if opts.MaxQuestion <= 0 {
		opts.MaxQuestion = DefaultMaxQuestion
	}
	e := &Engine{log: log, articles: articles, index: index, opts: opts, now: time.Now,
		byID: make(map[string]*corpus.Article, len(articles))}
	for i := range e.articles {
		a := &e.articles[i]
		e.byID[a.ID] = a
		if e.earliest.IsZero() || a.Published.Before(e.earliest) {
			e.earliest = a.Published
		}
	}
	e.sents, e.sentIdx, e.lex = sentenceIndex(e.articles)
	return e
}

// Articles returns the articles of the corpus, in load order.
func (e *Engine) Articles() []corpus.Article { return e.articles }

// Sources lists the articles of the corpus, oldest first.
func (e *Engine) Sources() []Source {
	out := make([]Source, 0, len(e.articles))
	for _, a := range e.articles {
		out = append(out, Source{Article: a.ID, Title: a.Title, Outlet: a.Outlet, Published: a.Date(), URL: a.URL})
	}
	return out
}

// NoteKeywordsOnly is the note of an answer whose passages were ranked by
// BM25 alone because the question could not be embedded.
const NoteKeywordsOnly = "the embedding endpoint failed; passages were found by keywords only"

// joinNotes joins the non-empty notes with "; ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}

// Ask answers a question.
func (e *Engine) Ask(ctx context.Context, q Question) (*Answer, error) {
	return e.AskStream(ctx, q, nil)
}

// AskStream answers a question, calling onDelta with pieces of the answer as
// an LLM produces them (never for offline answers, which come whole). An
// error from onDelta stops the stream.
func (e *Engine) AskStream(ctx context.Context, q Question, onDelta func(string) error) (*Answer, error) {
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return nil, ErrEmptyQuestion
	}
	if utf8.RuneCountInString(text) > e.opts.MaxQuestion {
		return nil, fmt.Errorf("%w (%d characters; the limit is %d)", ErrQuestionTooLong, utf8.RuneCountInString(text), e.opts.MaxQuestion)
	}
	q.Text = text
	search := e.standalone(ctx, q)

	t0 := time.Now()
	res, err := e.index.SearchDetailed(ctx, search, e.opts.Passages)
	if err != nil {
		return nil, fmt.Errorf("search passages: %w", err)
	}
	hits := res.Hits
	retrieveMS := ms(time.Since(t0))

	t1 := time.Now()
	ans := e.extract(q.Text, search, hits, q.History)
	if !ans.Abstained && e.opts.LLM != nil {
		ans = e.generate(ctx, q, search, hits, ans, onDelta)
	}
	if res.Degraded() {
		ans.Note = joinNotes(ans.Note, NoteKeywordsOnly)
	}
	ans.Question = q.Text
	if search != q.Text {
		ans.Rewritten = search
	}
	ans.Passages = e.passageRefs(hits)
	ans.Timings = Timings{Retrieve: retrieveMS, Answer: ms(time.Since(t1))}
	return ans, nil
}

func (e *Engine) passageRefs(hits []retrieval.Hit) []PassageRef {
	refs := make([]PassageRef, 0, len(hits))
	for _, h := range hits {
		refs = append(refs, PassageRef{Article: h.Passage.Article, Score: round3(h.Score), Text: h.Passage.Text})
	}
	return refs
}

// citation builds the citation of quote, which occurs in article id.
func (e *Engine) citation(n int, id, quote string) Citation {
	c := Citation{N: n, Article: id, Quote: quote}
	if a := e.byID[id]; a != nil {
		c.Title, c.Outlet, c.Published, c.URL = a.Title, a.Outlet, a.Date(), a.URL
	}
	return c
}

func ms(d time.Duration) float64 { return round3(float64(d.Microseconds()) / 1000) }

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
