package bot

import (
	"context"
	"errors"
	"time"
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

// Timeline returns the dated events of the corpus that pass f, in date order.
func (e *Engine) Timeline(ctx context.Context, f TimelineFilter) ([]Event, error) {
	return nil, errors.New("the timeline is not built yet") // TODO(timeline)
}

// answerFromTimeline answers a question about time ("when did ...", "what
// happened on February 17?") from the resolved dates; nil when q is not such
// a question or the timeline has no answer.
func (e *Engine) answerFromTimeline(q string) *Answer {
	return nil // TODO(timeline)
}
