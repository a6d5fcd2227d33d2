package discord

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

func TestClampReset(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	unix := func(d time.Duration) string { return strconv.FormatInt(date.Add(d).Unix(), 10) }
	tr := &transport{maxReset: 10 * time.Second}
	for _, tc := range []struct {
		name      string
		in        map[string]string
		wantAfter string // "" means no Reset-After
	}{
		{"none", nil, ""},
		{"after within", map[string]string{"X-RateLimit-Reset-After": "1.5"}, "1.5"},
		{"after too long", map[string]string{"X-RateLimit-Reset-After": "86400"}, "10.000"},
		{"after bogus", map[string]string{"X-RateLimit-Reset-After": "soon"}, "10.000"},
		{"after NaN", map[string]string{"X-RateLimit-Reset-After": "NaN"}, "10.000"},
		{"after negative", map[string]string{"X-RateLimit-Reset-After": "-3"}, "0.000"},
		{"reset within", map[string]string{"X-RateLimit-Reset": unix(2 * time.Second), "Date": date.Format(http.TimeFormat)}, "2.000"},
		{"reset far", map[string]string{"X-RateLimit-Reset": unix(24 * time.Hour), "Date": date.Format(http.TimeFormat)}, "10.000"},
		{"reset past", map[string]string{"X-RateLimit-Reset": unix(-time.Hour), "Date": date.Format(http.TimeFormat)}, "0.000"},
		{"reset bogus", map[string]string{"X-RateLimit-Reset": "later"}, "10.000"},
		{"reset no date", map[string]string{"X-RateLimit-Reset": "99999999999"}, "10.000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tc.in {
				h.Set(k, v)
			}
			tr.clampReset(h)
			if got := h.Get("X-RateLimit-Reset-After"); got != tc.wantAfter {
				t.Errorf("Reset-After %q, want %q", got, tc.wantAfter)
			}
			if tc.wantAfter != "" && h.Get("X-RateLimit-Reset") != "" {
				t.Errorf("X-RateLimit-Reset %q left for discordgo to sleep on", h.Get("X-RateLimit-Reset"))
			}
		})
	}
}

// TestRateLimitResetIsBounded: a route that says only X-RateLimit-Reset (an
// hour away) with nothing remaining must not stall the next call in its
// bucket for longer than MaxRateWait.
func TestRateLimitResetIsBounded(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("x")}, Options{MaxRateWait: 300 * time.Millisecond})
	h.f.mu.Lock()
	h.f.hook = func(r fakeRequest, w http.ResponseWriter) bool {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
		w.Header().Set("X-RateLimit-Bucket", "b")
		return false
	}
	h.f.mu.Unlock()
	in := &discordgo.Interaction{ID: "1600", AppID: appID, Token: "tok-1600"}
	done := make(chan time.Duration, 1)
	go func() {
		ctx := context.Background()
		if _, err := h.b.editOriginal(ctx, in, "one", 0); err != nil {
			t.Errorf("first edit: %v", err)
		}
		t0 := time.Now()
		if _, err := h.b.editOriginal(ctx, in, "two", 0); err != nil {
			t.Errorf("second edit: %v", err)
		}
		done <- time.Since(t0)
	}()
	// The bound tells a wait of MaxRateWait from one of an hour; it is
	// generous because a loaded machine running the race detector once
	// took 3.4 s over a 300 ms wait.
	select {
	case d := <-done:
		if d > 15*time.Second {
			t.Errorf("the second edit waited %v", d)
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the second edit is still waiting for a reset an hour away")
	}
	h.stop()
}

// TestSilentGatewayTimesOut: a gateway that accepts the websocket and says
// nothing makes Run fail after the connect timeout, with a clear error, and
// the connection is closed rather than left hanging.
func TestSilentGatewayTimesOut(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	closed := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]string{"url": "ws://" + r.Host + "/ws/"})
	})
	mux.HandleFunc("GET /ws/", func(w http.ResponseWriter, r *http.Request) {
		c, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		go func() {
			c.ReadMessage() // returns when the bot closes the connection
			close(closed)
		}()
		<-release
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })

	b, err := New(discardLog(), &fakeEngine{}, Options{Token: "x", APIURL: srv.URL, ConnectTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	t0 := time.Now()
	go func() { errc <- b.Run(context.Background()) }()
	select {
	case err := <-errc:
		if err == nil || !strings.Contains(err.Error(), "did not say HELLO and READY within 300ms") {
			t.Errorf("Run: %v; want a connect timeout", err)
		}
		if d := time.Since(t0); d > 3*time.Second {
			t.Errorf("Run gave up after %v", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("Run still connecting to a silent gateway after 10 s")
	}
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Errorf("the silent gateway's connection was left open")
	}
}
