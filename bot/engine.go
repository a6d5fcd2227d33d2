package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/check"
	"github.com/talksbot/talksbot/bot/extractive"
	"github.com/talksbot/talksbot/bot/generative"
	"github.com/talksbot/talksbot/bot/timeline"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
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

// Notes that say how an answer was made.
const (
	// NoteLLMFailed: the LLM call failed; the offline answer stands in.
	NoteLLMFailed = "the LLM failed; this is the offline answer"
	// NoteLLMCut: the LLM's answer did not end as the model meant it to
	// (the stream was cut, or the token or size cap stopped it).
	NoteLLMCut = "the LLM's answer was cut off before it ended; this is the offline answer"
	// NoteNoCitation: no sentence of the LLM's answer held up.
	NoteNoCitation = "the LLM's answer had no citation the articles support; this is the offline answer"
	// NoteKeywordsOnly: the question could not be embedded, so passages
	// were ranked by BM25 alone.
	NoteKeywordsOnly = "the embedding endpoint failed; passages were found by keywords only"
	// NoteOfflineEmbedder: the endpoint could not embed the passages (and
	// no cache had them), so the index uses the offline embedder and BM25.
	NoteOfflineEmbedder = "the embedding endpoint failed; passages were found by the offline embedder and keywords"
)

// Options configure an Engine. Zero values mean the defaults.
type Options struct {
	Passages    int // passages retrieved per question
	MaxQuestion int // characters
	// LLM answers from the passages when set; nil means offline mode.
	LLM LLM
	// Note is added to every answer's note: how the engine was built when
	// that was not as configured (see NoteOfflineEmbedder).
	Note string
	// TimelineCache keeps the timeline's reports between processes (see
	// timeline.Cache); the zero value keeps none.
	TimelineCache timeline.Cache
}

// Answerer answers a question from the passages retrieved for it. The
// extractive answerer and the LLM answerer implement it; an LLM answer is
// unchecked until the engine checks it.
type Answerer interface {
	Answer(ctx context.Context, q answer.Query, hits []retrieval.Hit) (*answer.Answer, error)
}

// Engine answers questions about the corpus: the pipeline of rewrite,
// retrieve, answer, check and fall back. It is safe for concurrent use.
type Engine struct {
	log      *slog.Logger
	articles []corpus.Article
	lib      answer.Library
	index    *retrieval.Index
	opts     Options
	timeline *timeline.Timeline
	// offline is the extractive answerer, made on the first answer: its
	// sentence index is most of making an engine on a large corpus, and
	// the timeline and the list of sources never need it.
	offline func() Answerer
	llm     Answerer // nil in offline mode
}

// New returns an engine over articles and their index.
func New(log *slog.Logger, articles []corpus.Article, index *retrieval.Index, opts Options) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Passages <= 0 {
		opts.Passages = DefaultPassages
	}
	if opts.MaxQuestion <= 0 {
		opts.MaxQuestion = DefaultMaxQuestion
	}
	tl := timeline.NewCached(log, articles, opts.TimelineCache)
	e := &Engine{log: log, articles: articles, lib: answer.NewLibrary(articles), index: index, opts: opts,
		timeline: tl}
	e.offline = sync.OnceValue(func() Answerer { return extractive.New(log, articles, index, tl) })
	if opts.LLM != nil {
		e.llm = generative.New(log, opts.LLM, articles)
	}
	return e
}

// Ask answers a question.
func (e *Engine) Ask(ctx context.Context, q Question) (*Answer, error) {
	return e.AskStream(ctx, q, nil)
}

// AskStream answers a question, calling onDelta with pieces of the answer as
// an LLM produces them (never for offline answers, which come whole). An
// error from onDelta stops the stream.
//
// The pipeline: rewrite a follow-up to stand alone; retrieve passages; have
// the LLM answer when one is configured and a passage shares a term with
// the question; check the LLM's citations; fall back to the offline answer
// when there is no LLM answer or nothing of it held up.
func (e *Engine) AskStream(ctx context.Context, q Question, onDelta func(string) error) (*Answer, error) {
	query, err := e.query(q, onDelta)
	if err != nil {
		return nil, err
	}
	if a := e.collection(ctx, query); a != nil {
		// "what sources do you have", "give me the timeline": about the
		// articles, not what they say.
		query.Search = query.Text
		return e.finish(a, query, retrieval.SearchResult{}, 0, 0), nil
	}
	query.Search = e.rewrite(ctx, query)
	t0 := time.Now()
	res, err := e.index.SearchDetailed(ctx, query.Search, e.opts.Passages)
	if err != nil {
		return nil, fmt.Errorf("search passages: %w", err)
	}
	t1 := time.Now()
	ans, err := e.answer(ctx, query, res.Hits)
	if err != nil {
		return nil, err
	}
	return e.finish(ans, query, res, t1.Sub(t0), time.Since(t1)), nil
}

// query validates a question.
func (e *Engine) query(q Question, onDelta func(string) error) (answer.Query, error) {
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return answer.Query{}, ErrEmptyQuestion
	}
	if n := utf8.RuneCountInString(text); n > e.opts.MaxQuestion {
		return answer.Query{}, fmt.Errorf("%w (%d characters; the limit is %d)", ErrQuestionTooLong, n, e.opts.MaxQuestion)
	}
	return answer.Query{Text: text, History: q.History, Stream: onDelta}, nil
}

// answer answers q from hits: the LLM answers when one is configured and
// a passage relates to the question; its answer is checked; the offline
// answer stands in when there is no LLM answer or nothing of it held up,
// with a note that says why. It fails only when ctx was canceled: an
// interrupted question has no answer to fall back to.
func (e *Engine) answer(ctx context.Context, q answer.Query, hits []retrieval.Hit) (*Answer, error) {
	var note string
	var chk *Check
	if e.llm != nil && related(q.Search, hits) {
		draft, err := e.llm.Answer(ctx, q, hits)
		switch {
		case errors.Is(ctx.Err(), context.Canceled):
			return nil, ctx.Err()
		case generative.Incomplete(err) || err == nil && len(draft.Answer) > check.MaxAnswer:
			e.log.Warn("the LLM's answer was cut off; answering offline", "err", err)
			note = NoteLLMCut
		case err != nil:
			e.log.Warn("the LLM failed; answering offline", "err", err)
			note = NoteLLMFailed
		default:
			c := check.Run(draft.Answer, hits, e.lib)
			if c.Text != "" {
				return &Answer{Mode: ModeLLM, Answer: c.Text, Abstained: c.Abstained, Citations: c.Citations, Check: c.Check}, nil
			}
			e.log.Info("no sentence of the LLM's answer held up; answering offline", "raw", draft.Answer)
			note, chk = NoteNoCitation, c.Check
		}
	}
	ans, err := e.offline().Answer(ctx, q, hits)
	if err != nil {
		return nil, err
	}
	ans.Note, ans.Check = note, chk
	return ans, nil
}

// related reports whether a passage shares a content term with the
// question: only then can the articles answer it, and is the model asked.
func related(question string, hits []retrieval.Hit) bool {
	want := map[string]bool{}
	for _, t := range english.Terms(question) {
		want[t] = true
	}
	for _, h := range hits {
		for _, t := range english.Terms(h.Passage.Text) {
			if want[t] {
				return true
			}
		}
	}
	return false
}

// finish fills in what every answer reports besides its text.
func (e *Engine) finish(ans *Answer, q answer.Query, res retrieval.SearchResult, retrieve, answering time.Duration) *Answer {
	if res.Degraded() {
		ans.Note = joinNotes(ans.Note, NoteKeywordsOnly)
	}
	ans.Note = joinNotes(ans.Note, e.opts.Note)
	if ans.Citations == nil {
		ans.Citations = []Citation{}
	}
	ans.Question = q.Text
	if q.Search != q.Text {
		ans.Rewritten = q.Search
	}
	ans.Passages = make([]PassageRef, 0, len(res.Hits))
	for _, h := range res.Hits {
		ans.Passages = append(ans.Passages, PassageRef{Article: h.Passage.Article, Score: round3(h.Score), Text: h.Passage.Text})
	}
	ans.Timings = Timings{Retrieve: ms(retrieve), Answer: ms(answering)}
	return ans
}

// About describes the corpus in a sentence, for people: how many
// articles, when published, one of their titles, and what to ask.
func (e *Engine) About() string { return extractive.About(e.articles) }

// Articles returns the articles of the corpus, in load order.
func (e *Engine) Articles() []corpus.Article { return e.articles }

// Sources lists the articles of the corpus, in load order.
func (e *Engine) Sources() []Source {
	out := make([]Source, 0, len(e.articles))
	for _, a := range e.articles {
		out = append(out, Source{Article: a.ID, Title: a.Title, Outlet: a.Outlet, Published: a.Date(), URL: a.URL, Author: a.Author})
	}
	return out
}

// Timeline returns the dated events of the corpus that pass f, in date
// order (see timeline.Timeline.Events).
func (e *Engine) Timeline(ctx context.Context, f TimelineFilter) ([]Event, error) {
	if f.Expand == nil && e.index != nil {
		f.Expand = e.expand
	}
	return e.timeline.Events(ctx, f)
}

// expand reads text as retrieval reads a question: for each content word,
// the corpus terms that may stand for it (its own, a corrected spelling,
// WordNet's related words of one term).
func (e *Engine) expand(text string) [][]string {
	var out [][]string
	for _, w := range e.index.Analyze(text).Words {
		alts := []string{w.Term}
		for _, a := range w.Alts {
			if len(a.Terms) == 1 && a.Match != retrieval.Broader {
				alts = append(alts, a.Terms[0])
			}
		}
		out = append(out, alts)
	}
	return out
}

// Prepare builds, in the background, what the engine otherwise builds on
// first use (the timeline), so that the first question of a long-running
// front end does not wait for it; ctx bounds the work.
func (e *Engine) Prepare(ctx context.Context) { e.timeline.Start(ctx) }

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

func ms(d time.Duration) float64 { return round3(float64(d.Microseconds()) / 1000) }

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
