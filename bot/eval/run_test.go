package eval

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fakeAsker answers with the question upper-cased, fails on "fail", and
// counts the questions in flight.
type fakeAsker struct {
	inFlight, most atomic.Int32
}

func (f *fakeAsker) Ask(ctx context.Context, q bot.Question) (*bot.Answer, error) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.most.Load()
		if n <= m || f.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(2 * time.Millisecond)
	if q.Text == "fail" {
		return nil, errors.New("engine failed")
	}
	return &bot.Answer{Question: q.Text, Answer: strings.ToUpper(q.Text), Mode: bot.ModeExtractive}, ctx.Err()
}

func TestRun(t *testing.T) {
	for _, conc := range []int{0, 1, 3, 50} {
		t.Run(fmt.Sprint("concurrency ", conc), func(t *testing.T) {
			gold := []Item{{ID: "1", Question: "a"}, {ID: "2", Question: "fail"}, {ID: "3", Question: "c"}, {ID: "4", Question: "d"}}
			var calls []int
			f := &fakeAsker{}
			answers, errs, lat, err := Run(t.Context(), f, gold, RunOptions{Concurrency: conc, Progress: func(done, total int) {
				if total != len(gold) {
					t.Errorf("progress total %d", total)
				}
				calls = append(calls, done)
			}})
			if err != nil {
				t.Fatal(err)
			}
			for i, q := range gold {
				if q.Question == "fail" {
					if answers[i] != nil || errs[i] == nil {
						t.Errorf("%s: answer %v, err %v; want the error", q.ID, answers[i], errs[i])
					}
					continue
				}
				if answers[i] == nil || answers[i].Answer != strings.ToUpper(q.Question) || errs[i] != nil {
					t.Errorf("%s: answer %+v, err %v; want its own answer, in order", q.ID, answers[i], errs[i])
				}
				if lat[i] < 2*time.Millisecond {
					t.Errorf("%s: latency %v, want at least the 2ms the fake takes", q.ID, lat[i])
				}
			}
			if len(calls) != len(gold) || calls[len(calls)-1] != len(gold) {
				t.Errorf("progress calls %v", calls)
			}
			if want := int32(min(max(conc, 1), len(gold))); f.most.Load() > want {
				t.Errorf("%d questions in flight at once, want at most %d", f.most.Load(), want)
			}
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	gold := []Item{{ID: "1", Question: "a"}, {ID: "2", Question: "b"}}
	if _, _, _, err := Run(ctx, &fakeAsker{}, gold, RunOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context: %v, want context.Canceled", err)
	}
}

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one value", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second (nearest rank)", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p95 of 20 is the 19th", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 95, 19 * time.Millisecond},
		{"p99 of 20 is the largest", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 99, 20 * time.Millisecond},
		{"p0 is the smallest", ms(3, 5), 0, 3 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("Percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
	tm := Timings(ms(30, 10, 20), 90*time.Millisecond)
	if tm.P50 != 20 || tm.P99 != 30 || tm.MsPerQuestion != 30 {
		t.Errorf("Timings = %+v, want p50 20, p99 30, 30 ms a question", tm)
	}
}

func TestBars(t *testing.T) {
	r := &Report{Metrics: Metrics{FactRecall: 0.8, FalseAbstention: 0.1, MeanAnswerWords: 40}, Timing: Timing{P95: 12}}
	tests := []struct {
		bar  string
		fail string // "" when the bar is met
	}{
		{"fact_recall=0.8", ""}, // a minimum met exactly
		{"fact_recall=0.81", "fact_recall=0.8 is below the minimum 0.81"},
		{"false_abstention=0.1", ""}, // a maximum met exactly
		{"false_abstention=0.05", "false_abstention=0.1 is above the maximum 0.05"},
		{"mean_answer_words=60", ""}, // mean_ keys are maxima
		{"ms_p95=10", "ms_p95=12 is above the maximum 10"},
		{" fully_correct = 0 ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.bar, func(t *testing.T) {
			b, err := ParseBar(tt.bar)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(Check(r, []Bar{b}), "; ")
			if got != tt.fail {
				t.Errorf("Check(%s) = %q, want %q", tt.bar, got, tt.fail)
			}
		})
	}
	for _, bad := range []string{"fact_recall", "recall=0.5", "fact_recall=high", "fact_recall=NaN", "=1"} {
		if _, err := ParseBar(bad); err == nil {
			t.Errorf("ParseBar(%q): no error", bad)
		}
	}
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"good, blank lines skipped", `{"id":"a","question":"q?","answerable":true,"facts":[["x"]]}` + "\n\n" + `{"id":"b","question":"r?","answerable":false}`, ""},
		{"not JSON", "{", "line 1"},
		{"no id", `{"question":"q?"}`, "line 1: no id"},
		{"no question", `{"id":"a","question":" "}`, "no question"},
		{"answerable without facts", `{"id":"a","question":"q?","answerable":true}`, "needs facts"},
		{"empty group", `{"id":"a","question":"q?","answerable":true,"facts":[[]]}`, "fact group 1 is empty"},
		{"duplicate id", `{"id":"a","question":"q?"}` + "\n" + `{"id":"a","question":"r?"}`, `line 2: id "a" already on line 1`},
		{"empty file", "\n", "no questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.in))
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("ReadGold: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("ReadGold: %v, want an error with %q", err, tt.err)
			}
		})
	}
}

// TestWriteText renders the report of the fixture answers and compares it
// with testdata/report.golden (go test -update rewrites it).
func TestWriteText(t *testing.T) {
	m, err := Score(readGold(t, "testdata/gold.jsonl"), readAnswers(t, "testdata/answers.jsonl"), nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Failures[0].Error = "the answer took too long; try again"
	r := &Report{Metrics: m, Timing: Timing{MsPerQuestion: 12.3456, P50: 10, P95: 20.5, P99: 31}, Mode: "extractive, llm 2", Errors: 1}
	var b strings.Builder
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/report.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("report differs from %s (go test -update to accept):\n%s", golden, b.String())
	}
}
