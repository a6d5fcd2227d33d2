package main

import (
	"strings"
	"testing"
	"time"
)

// TestWaiter drives the waiting note with a fake clock and a fake terminal
// (a buffer): nothing before waitQuiet, then the note with the time since
// the question, rewritten in place, erased by the next token.
func TestWaiter(t *testing.T) {
	type step struct {
		after time.Duration // since the question
		token string        // "" means a tick
		want  string        // what the terminal receives at this step
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{name: "quick answer: no note", steps: []step{
			{after: time.Second, want: ""},
			{after: 1500 * time.Millisecond, token: "Rubio", want: "Rubio"},
			{after: 3 * time.Second, want: ""}, // 1.5 s since the token
		}},
		{name: "slow first token", steps: []step{
			{after: time.Second, want: ""},
			{after: 2 * time.Second, want: "\0337 (waiting for the model: 2s)"},
			{after: 3 * time.Second, want: "\0338\033[K (waiting for the model: 3s)"},
			{after: 3500 * time.Millisecond, token: "Rubio", want: "\0338\033[KRubio"},
		}},
		{name: "quiet between tokens", steps: []step{
			{after: time.Second, token: "Rubio", want: "Rubio"},
			{after: 2 * time.Second, want: ""},
			{after: 4 * time.Second, want: "\0337 (waiting for the model: 4s)"},
			{after: 5 * time.Second, token: " led it.", want: "\0338\033[K led it."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t0 := time.Date(2025, 2, 18, 12, 0, 0, 0, time.UTC)
			now := t0
			var term strings.Builder
			wt := newWaiter(&term, func() time.Time { return now })
			for _, s := range tt.steps {
				now = t0.Add(s.after)
				before := term.Len()
				if s.token != "" {
					if err := wt.write(s.token); err != nil {
						t.Fatal(err)
					}
				} else {
					wt.tick()
				}
				if got := term.String()[before:]; got != s.want {
					t.Errorf("at %v: terminal got %q, want %q", s.after, got, s.want)
				}
			}
			before := term.Len()
			wt.stop()
			if got := term.String()[before:]; strings.Contains(got, "waiting") {
				t.Errorf("stop wrote %q", got)
			}
		})
	}
}

// TestWaiterRun: the ticker drives the note until done.
func TestWaiterRun(t *testing.T) {
	t0 := time.Date(2025, 2, 18, 12, 0, 0, 0, time.UTC)
	var term syncBuffer
	now := t0
	wt := newWaiter(&term, func() time.Time { return now })
	now = t0.Add(5 * time.Second) // set before the goroutine starts
	ticks := make(chan time.Time)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() { wt.run(ticks, done); close(finished) }()
	ticks <- t0
	close(done)
	<-finished
	if !strings.Contains(term.String(), "waiting for the model: 5s") {
		t.Errorf("terminal got %q", term.String())
	}
}
