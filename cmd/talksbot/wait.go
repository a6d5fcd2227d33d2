package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// waitQuiet is how long an answer may go without a token on a terminal
// before the user is shown that the bot is waiting for the model.
const waitQuiet = 2 * time.Second

// waiter writes an answer's tokens to a terminal and, between them, once
// waitQuiet has passed without one, a note that the bot is waiting for the
// model with the time elapsed, rewritten at each tick and erased when the
// next token comes. The note is written after the cursor (saved and
// restored with ANSI escapes), so the text streamed so far stays.
type waiter struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	start time.Time // when the question was asked
	last  time.Time // the last token, or the start
	shown bool
}

func newWaiter(w io.Writer, now func() time.Time) *waiter {
	t := now()
	return &waiter{w: w, now: now, start: t, last: t}
}

// write writes a token, erasing the note first.
func (wt *waiter) write(s string) error {
	wt.mu.Lock()
	defer wt.mu.Unlock()
	wt.eraseLocked()
	wt.last = wt.now()
	_, err := io.WriteString(wt.w, s)
	return err
}

// tick shows or updates the note when the answer has gone quiet.
func (wt *waiter) tick() {
	wt.mu.Lock()
	defer wt.mu.Unlock()
	now := wt.now()
	if now.Sub(wt.last) < waitQuiet {
		return
	}
	msg := fmt.Sprintf(" (waiting for the model: %ds)", int(now.Sub(wt.start).Seconds()))
	if wt.shown {
		io.WriteString(wt.w, "\0338\033[K"+msg)
	} else {
		io.WriteString(wt.w, "\0337"+msg)
	}
	wt.shown = true
}

// stop erases the note.
func (wt *waiter) stop() {
	wt.mu.Lock()
	defer wt.mu.Unlock()
	wt.eraseLocked()
}

func (wt *waiter) eraseLocked() {
	if wt.shown {
		io.WriteString(wt.w, "\0338\033[K")
		wt.shown = false
	}
}

// run ticks wt at each value of ticks until done is closed.
func (wt *waiter) run(ticks <-chan time.Time, done <-chan struct{}) {
	for {
		select {
		case <-ticks:
			wt.tick()
		case <-done:
			return
		}
	}
}

// isTerminalWriter reports whether w is a terminal, where the waiting note
// can be written and erased.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
