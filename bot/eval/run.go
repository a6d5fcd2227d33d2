package eval

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Asker answers a question; *bot.Engine is one.
type Asker interface {
	Ask(ctx context.Context, q bot.Question) (*bot.Answer, error)
}

// RunOptions tune Run. Zero values mean the defaults.
type RunOptions struct {
	// Concurrency is how many questions are asked at once (default 1, which
	// makes the latencies those of an idle engine).
	Concurrency int
	// Timeout bounds each answer (default: none beyond ctx).
	Timeout time.Duration
	// Progress, when set, is called after each answer with the number done;
	// calls never overlap.
	Progress func(done, total int)
}

// Run asks every gold question of gold and returns, in gold order, the
// answers (nil where the engine failed), the errors, and each latency.
// It stops early only when ctx ends, returning ctx's error.
func Run(ctx context.Context, a Asker, gold []Item, opts RunOptions) ([]*bot.Answer, []error, []time.Duration, error) {
	n := len(gold)
	answers := make([]*bot.Answer, n)
	errs := make([]error, n)
	lat := make([]time.Duration, n)
	workers := min(max(opts.Concurrency, 1), max(n, 1))
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				qctx, cancel := ctx, context.CancelFunc(func() {})
				if opts.Timeout > 0 {
					qctx, cancel = context.WithTimeout(ctx, opts.Timeout)
				}
				t0 := time.Now()
				answers[i], errs[i] = a.Ask(qctx, bot.Question{Text: gold[i].Question})
				lat[i] = time.Since(t0)
				cancel()
				mu.Lock()
				done++
				if opts.Progress != nil {
					opts.Progress(done, n)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range gold {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	return answers, errs, lat, nil
}

// Timing summarises the latencies of a run, in milliseconds.
type Timing struct {
	// MsPerQuestion is the wall time of the whole run divided by the number
	// of questions, as score.py reports it (its wall time also covers the
	// start of the command, so the eval command times the engine's build too).
	MsPerQuestion float64 `json:"ms_per_question"`
	// P50, P95 and P99 are nearest-rank percentiles of the time to answer
	// one question.
	P50 float64 `json:"ms_p50"`
	P95 float64 `json:"ms_p95"`
	P99 float64 `json:"ms_p99"`
}

// Timings summarises per-question latencies and the wall time of a run.
func Timings(lat []time.Duration, wall time.Duration) Timing {
	if len(lat) == 0 {
		return Timing{}
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return Timing{
		MsPerQuestion: millis(wall) / float64(len(lat)),
		P50:           millis(Percentile(s, 50)),
		P95:           millis(Percentile(s, 95)),
		P99:           millis(Percentile(s, 99)),
	}
}

// Percentile is the nearest-rank p-th percentile of sorted, a non-empty
// ascending slice: the smallest value with at least p% of values at or
// below it.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	r := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(r, 1), len(sorted))-1]
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
