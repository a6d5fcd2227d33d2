package timeline

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestEventsWaitsNoLongerThanContext: a caller whose context ends while the
// timeline is being built gets its error at once, and the build goes on
// for the next caller.
func TestEventsWaitsNoLongerThanContext(t *testing.T) {
	tl := New(nil, newsCorpus(t, 300))
	tl.Start(t.Context())
	ctx, cancel := context.WithTimeout(t.Context(), time.Microsecond)
	defer cancel()
	if _, err := tl.Events(ctx, Filter{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Events with an expired context: err %v, want DeadlineExceeded", err)
	}
	select {
	case <-tl.done:
		t.Skip("the build finished before the deadline could be tested")
	default:
	}
	if ans := tl.Answer(ctx, "When did the talks take place?"); ans != nil {
		t.Errorf("Answer with an expired context: %q, want none", ans.Answer)
	}
	evs, err := tl.Events(t.Context(), Filter{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("Events after the build: %d events, err %v", len(evs), err)
	}
}
