package discord

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
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
		if _, err := h.b.editOriginal(ctx, in, "one", false); err != nil {
			t.Errorf("first edit: %v", err)
		}
		t0 := time.Now()
		if _, err := h.b.editOriginal(ctx, in, "two", false); err != nil {
			t.Errorf("second edit: %v", err)
		}
		done <- time.Since(t0)
	}()
	select {
	case d := <-done:
		if d > 2*time.Second {
			t.Errorf("the second edit waited %v", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the second edit is still waiting for a reset an hour away")
	}
	h.stop()
}
