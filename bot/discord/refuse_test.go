package discord

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

// running is a bot whose Run the test watches end.
type running struct {
	f      *fakeDiscord
	logs   *syncBuffer
	done   chan error
	cancel context.CancelFunc
}

// runBot runs a bot against f without waiting for anything.
func runBot(t *testing.T, f *fakeDiscord) *running {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(log, &fakeEngine{answer: cited("Yes [1].")}, Options{Token: "secret-token", APIURL: f.srv.URL, ConnectTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{f: f, logs: logs, done: make(chan error, 1), cancel: cancel}
	go func() { r.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(30 * time.Second):
			t.Errorf("Run did not return 30 s after cancel")
		}
		if strings.Contains(logs.String(), "secret-token") {
			t.Errorf("the token was logged")
		}
	})
	return r
}

// exit waits for Run to end by itself.
func (r *running) exit(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		return err
	case <-time.After(20 * time.Second):
		t.Fatalf("Run is still running; logs:\n%s", r.logs.String())
		return nil
	}
}

func unauthorized(match func(fakeRequest) bool) func(fakeRequest, http.ResponseWriter) bool {
	return func(r fakeRequest, w http.ResponseWriter) bool {
		if !match(r) {
			return false
		}
		writeJSON(w, 401, map[string]any{"message": "401: Unauthorized", "code": 0})
		return true
	}
}

// TestRefusedStops (issue item 10): when Discord refuses the bot for good
// (the token revoked: REST 401 or gateway close 4004; close codes 4010 to
// 4014), Run logs one clear line and returns ErrRefused, instead of
// reconnecting for ever.
func TestRefusedStops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// atStart sets the fake up before the bot connects; otherwise midway
		// runs once the bot has registered its commands.
		atStart func(f *fakeDiscord)
		midway  func(f *fakeDiscord)
		want    string // in the error
	}{
		{"token revoked mid-session: close 4004, and 4004 on RESUME", nil,
			func(f *fakeDiscord) { f.closeWith(4004, 4004) }, "code 4004, authentication failed"},
		{"token revoked mid-session: REST 401 on a bot call", nil,
			func(f *fakeDiscord) {
				f.mu.Lock()
				f.hook = unauthorized(channelPosts)
				f.mu.Unlock()
				f.dispatch("MESSAGE_CREATE", mention("m1", "u1", "<@"+botUserID+"> Who led?"))
			}, "POST /api/v9/channels/c1/messages answered 401"},
		{"wrong token at start: 401 on GET /gateway", func(f *fakeDiscord) {
			f.hook = unauthorized(func(r fakeRequest) bool { return r.Path == "/api/v9/gateway" })
		}, nil, "GET /api/v9/gateway answered 401"},
		{"wrong token at start: 4004 on IDENTIFY", func(f *fakeDiscord) { f.refuseWith = 4004 }, nil, "code 4004"},
		{"invalid shard: 4010", func(f *fakeDiscord) { f.refuseWith = 4010 }, nil, "code 4010, invalid shard"},
		{"sharding required: 4011", func(f *fakeDiscord) { f.refuseWith = 4011 }, nil, "code 4011, sharding required"},
		{"invalid API version: 4012", func(f *fakeDiscord) { f.refuseWith = 4012 }, nil, "code 4012"},
		{"invalid intents: 4013", func(f *fakeDiscord) { f.refuseWith = 4013 }, nil, "code 4013"},
		{"disallowed intents: 4014", func(f *fakeDiscord) { f.refuseWith = 4014 }, nil, "code 4014, disallowed intents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeDiscord(t)
			if tt.atStart != nil {
				f.mu.Lock()
				f.wsMu.Lock()
				tt.atStart(f)
				f.wsMu.Unlock()
				f.mu.Unlock()
			}
			r := runBot(t, f)
			if tt.midway != nil {
				f.wait(func(r fakeRequest) bool { return r.Method == "PUT" }, 1, 5*time.Second)
				tt.midway(f)
			}
			err := r.exit(t)
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run: %v; want ErrRefused saying %q", err, tt.want)
			}
			if n := strings.Count(r.logs.String(), "Discord refused the bot; stopping"); n != 1 {
				t.Errorf("%d log lines say the bot stops, want 1:\n%s", n, r.logs.String())
			}
			f.wsMu.Lock()
			refusals := f.refusals
			f.wsMu.Unlock()
			if refusals > 1 {
				t.Errorf("the gateway refused %d connections: the bot kept trying", refusals)
			}
		})
	}
}

// TestNotRefused: what Discord may take back, the bot survives: a close
// code that allows resuming, and a 401 about one interaction (its token
// expires after 15 minutes), which says nothing of the bot's token.
func TestNotRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		before func(f *fakeDiscord)
	}{
		{"close 4000 (unknown error) is resumed", func(f *fakeDiscord) {
			f.closeWith(4000, 0)
			deadline := time.Now().Add(10 * time.Second)
			for conns, resumes := f.gatewayState(); conns < 2 || resumes < 1; conns, resumes = f.gatewayState() {
				if time.Now().After(deadline) {
					f.t.Fatalf("the bot did not resume")
				}
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(100 * time.Millisecond) // let the RESUMED frame be read
		}},
		{"401 on an expired interaction's edit", func(f *fakeDiscord) {
			f.mu.Lock()
			f.hook = unauthorized(editOf("tok-1900"))
			f.mu.Unlock()
			f.dispatch("INTERACTION_CREATE", slash("1900", "u1", "ask", strOpt("question", "Old?")))
			f.wait(editOf("tok-1900"), 1, 5*time.Second)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeDiscord(t)
			r := runBot(t, f)
			f.wait(func(r fakeRequest) bool { return r.Method == "PUT" }, 1, 5*time.Second)
			tt.before(f)
			f.dispatch("INTERACTION_CREATE", slash("1901", "u2", "ask", strOpt("question", "Still there?")))
			if got := decode(t, f.wait(editOf("tok-1901"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "Yes [1].") {
				t.Errorf("answer %q", got)
			}
			select {
			case err := <-r.done:
				r.done <- err
				t.Errorf("Run ended: %v", err)
			default:
			}
		})
	}
}
