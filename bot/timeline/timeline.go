// Package timeline builds the dated events of a corpus (every sentence
// with a date expression is a report; reports of one event across articles
// are merged and cite them all), answers time questions from them ("when
// did ...", "what happened on February 17?"), and writes them for people.
// Dates are read by package dates.
package timeline

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// Precision of a resolved date.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Event is one dated event of the timeline; its JSON form is the
// `talksbot timeline --json` contract of DESIGN.md.
type Event struct {
	Date      string            `json:"date"`      // written to its precision: 2025-02-18, 2025-W07, 2025-02, 2018
	Precision string            `json:"precision"` // day, week, month or year
	Text      string            `json:"text"`      // the clause that carries the event
	Citations []answer.Citation `json:"citations"`
	// From and To (YYYY-MM-DD) are the first and last day of the event when
	// the text names a part of Date ("the second half of April": Date
	// 2025-04, From 2025-04-16, To 2025-04-30); empty when it names all of
	// it.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// When writes the date for people when the text names a part of it
	// ("second half of April 2025"); empty otherwise (see Human).
	When string `json:"-"`
}

// Human writes the date of ev for people: the part of it the text names
// ("second half of April 2025", "by the end of June 2025"), or its date
// ("Tuesday, February 18, 2025", "the week of March 24, 2025", "April
// 2025").
func (ev Event) Human() string {
	if ev.When != "" {
		return ev.When
	}
	d, err := dates.Parse(ev.Date)
	if err != nil {
		return ev.Date
	}
	return d.Human()
}

// Filter selects events. Zero fields select everything.
type Filter struct {
	From, To time.Time // inclusive bounds, compared with the event's date span
	About    string    // words the event should be about
	// Expand, when set, gives for each word of About the terms that may
	// stand for it, as questions are read ("phone" -> telephone); nil
	// matches About's own terms only.
	Expand func(about string) [][]string
}

// Timeline is the dated events of a corpus, built on first use (or from
// Start) in the background. It is safe for concurrent use.
type Timeline struct {
	log      *slog.Logger
	articles []corpus.Article
	lib      answer.Library
	newest   time.Time // publication date of the newest article
	cache    Cache

	start  sync.Once
	done   chan struct{} // closed when events is built
	events []dated

	sentMu    sync.Mutex
	sentences map[int][]plainSentence // of article i, made when a time answer needs them
}

// New returns the timeline of arts; nothing is built until it is used.
func New(log *slog.Logger, arts []corpus.Article) *Timeline {
	return NewCached(log, arts, Cache{})
}

// NewCached is New with the reports of the articles kept between processes
// in c.File (see Cache).
func NewCached(log *slog.Logger, arts []corpus.Article, c Cache) *Timeline {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	t := &Timeline{log: log, articles: arts, lib: answer.NewLibrary(arts), done: make(chan struct{}), cache: c}
	for _, a := range arts {
		if a.Published.After(t.newest) {
			t.newest = a.Published
		}
	}
	return t
}

// Start begins building the timeline in the background, if it has not
// begun; long-running front ends call it at start so that the first
// /timeline need not wait. The build does not stop with ctx (its result
// serves every later caller); ctx only bounds how long Start itself takes,
// which is no time.
func (t *Timeline) Start(ctx context.Context) {
	t.start.Do(func() {
		go func() {
			t0 := time.Now()
			tools := textTools{split: english.Split, terms: english.Terms}
			events, read, whole := buildCached(t.articles, tools, t.lib.Cite, t.cache, t.log)
			t.events = events
			t.log.Debug("built timeline", "events", len(t.events), "articles", len(t.articles),
				"articles_read", read, "events_cached", whole, "ms", time.Since(t0).Milliseconds())
			close(t.done)
		}()
	})
}

// built returns the events, starting the build if need be and waiting for
// it no longer than ctx allows.
func (t *Timeline) built(ctx context.Context) ([]dated, error) {
	t.Start(ctx)
	select {
	case <-t.done:
		return t.events, nil
	default:
	}
	select {
	case <-t.done:
		return t.events, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("build timeline: %w", ctx.Err())
	}
}

// Events returns the dated events that pass f, in date order: events whose
// date span meets [f.From, f.To] and, when f.About is set, that share at
// least two thirds of its terms (in their text or quotes; all of them when
// it has one or two). It waits for the timeline to be built no longer than
// ctx allows.
func (t *Timeline) Events(ctx context.Context, f Filter) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	events, err := t.built(ctx)
	if err != nil {
		return nil, err
	}
	return filterTimeline(events, f, english.Terms), nil
}

// Answer answers a question about time ("when did ...", "what happened on
// February 17?") from the resolved dates; nil when q is not such a question,
// the timeline has no answer, or ctx ends before the timeline is built.
// Dates without a year in the question are read against the newest
// article's.
func (t *Timeline) Answer(ctx context.Context, q string) *answer.Answer {
	if !whenQ().MatchString(q) && !happenedQ().MatchString(q) {
		return nil // not a time question: no need to build anything
	}
	events, err := t.built(ctx)
	if err != nil {
		t.log.Warn("time question without a timeline", "err", err)
		return nil
	}
	return answerTime(q, events, t.sentencesAfter, t.newest, english.Terms)
}

// sentencesAfter returns the sentences of the articles published after day
// (YYYY-MM-DD), in article order, splitting each article once.
func (t *Timeline) sentencesAfter(day string) []plainSentence {
	t.sentMu.Lock()
	defer t.sentMu.Unlock()
	if t.sentences == nil {
		t.sentences = map[int][]plainSentence{}
	}
	var out []plainSentence
	for i := range t.articles {
		if t.articles[i].Date() <= day {
			continue
		}
		ss, ok := t.sentences[i]
		if !ok {
			ss = allSentences(t.articles[i:i+1], textTools{split: english.Split, terms: english.Terms})
			t.sentences[i] = ss
		}
		out = append(out, ss...)
	}
	return out
}

// filterTimeline returns copies of the events that pass f.
func filterTimeline(events []dated, f Filter, terms func(string) []string) []Event {
	var about [][]string // each word of f.About, as the terms that may stand for it
	if f.About != "" {
		if f.Expand != nil {
			about = f.Expand(f.About)
		} else {
			for _, t := range terms(f.About) {
				about = append(about, []string{t})
			}
		}
	}
	out := []Event{}
	for _, ev := range events {
		if !ev.date.Overlaps(f.From, f.To) {
			continue
		}
		if f.About != "" && !coversMost(about, ev.terms) {
			continue
		}
		c := ev.Event
		c.Citations = append([]answer.Citation(nil), ev.Citations...)
		out = append(out, c)
	}
	return out
}

// coversMost reports whether have holds one of the terms of at least two
// thirds of the words of want (and of one at least). An About with no
// terms at all (only stop words) matches nothing.
func coversMost(want [][]string, have map[string]bool) bool {
	n := 0
	for _, alts := range want {
		for _, t := range alts {
			if have[t] {
				n++
				break
			}
		}
	}
	return n > 0 && 3*n >= 2*len(want)
}
