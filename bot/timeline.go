package bot

import (
	"context"
	"sync"
	"time"

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
	Date      string     `json:"date"`      // written to its precision: 2025-02-18, 2025-W07, 2025-02, 2018
	Precision string     `json:"precision"` // day, week, month or year
	Text      string     `json:"text"`      // the clause that carries the event
	Citations []Citation `json:"citations"`
}

// TimelineFilter selects events. Zero fields select everything.
type TimelineFilter struct {
	From, To time.Time // inclusive bounds, compared with the event's date span
	About    string    // words the event should be about
}

// timelineCache holds the timeline of an engine, built on first use.
type timelineCache struct {
	once      sync.Once
	events    []dated
	sentences []plainSentence // every sentence, for checking time answers
}

// timeline returns the engine's timeline, building it once.
func (e *Engine) timeline() []dated {
	e.tl.once.Do(func() {
		t0 := time.Now()
		tools := textTools{split: english.Split, terms: english.Terms}
		e.tl.events = buildTimeline(e.articles, tools, e.citation)
		e.tl.sentences = allSentences(e.articles, tools)
		if e.log != nil {
			e.log.Debug("built timeline", "events", len(e.tl.events), "ms", ms(time.Since(t0)))
		}
	})
	return e.tl.events
}

// Timeline returns the dated events of the corpus that pass f, in date
// order: events whose date span meets [f.From, f.To] and, when f.About is
// set, that share at least two thirds of its terms (in their text or
// quotes; all of them when it has one or two).
func (e *Engine) Timeline(ctx context.Context, f TimelineFilter) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return filterTimeline(e.timeline(), f, english.Terms), nil
}

// filterTimeline returns copies of the events that pass f.
func filterTimeline(events []dated, f TimelineFilter, terms func(string) []string) []Event {
	var about map[string]bool
	if f.About != "" {
		about = termSet(terms(f.About))
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
		c.Citations = append([]Citation(nil), ev.Citations...)
		out = append(out, c)
	}
	return out
}

// coversMost reports whether have holds at least two thirds of want (and
// one at least). An About with no terms at all (only stop words) matches
// nothing.
func coversMost(want, have map[string]bool) bool {
	n := 0
	for t := range want {
		if have[t] {
			n++
		}
	}
	return n > 0 && 3*n >= 2*len(want)
}
