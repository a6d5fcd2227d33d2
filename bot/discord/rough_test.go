package discord

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// rawMention is a mention Discord would render as one: "@everyone" or
// "@here" not escaped by a backslash, or "<@…>" with its bracket unescaped.
var rawMention = regexp.MustCompile(`(^|[^\\])(@everyone|@here|<@)`)

// TestQuoteLineEscapesMentions (issue item 11): the question an /ask answer
// repeats shows every mention as plain text, and reads back unchanged for a
// follow-up.
func TestQuoteLineEscapesMentions(t *testing.T) {
	tests := []struct {
		name, q string
	}{
		{"@everyone", "@everyone who led the talks?"},
		{"@here", "who led the talks @here"},
		{"both, glued to words", "x@everyone,@here."},
		{"user and role mentions", "<@123> and <@&456> and <@!789>"},
		{"an escaped mention typed by the user", `\@everyone is not a ping`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := quoteLine(tt.q)
			if m := rawMention.FindString(strings.TrimPrefix(line, questionQuote)); m != "" {
				t.Errorf("quoteLine(%q) = %q keeps the mention %q", tt.q, line, m)
			}
			if got, _ := parseAnswer(line + "\nanswer"); got != tt.q {
				t.Errorf("round trip of %q: %q -> %q", tt.q, line, got)
			}
		})
	}
}

// TestUnknownOutlet (issue item 14): an article without a known outlet is
// "unknown outlet" in every source line (answers, quotes, /sources,
// /timeline), as on the command line.
func TestUnknownOutlet(t *testing.T) {
	tests := []struct {
		name, outlet, date, want string
	}{
		{"recorded as unknown", "unknown", "2025-02-18", "unknown outlet, 2025-02-18: Talks"},
		{"not recorded", "", "2025-02-18", "unknown outlet, 2025-02-18: Talks"},
		{"no date either", "", "", "unknown outlet: Talks"},
		{"a known outlet", "Reuters", "2025-02-18", "Reuters, 2025-02-18: Talks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceLine(tt.outlet, tt.date, "Talks", ""); got != tt.want {
				t.Errorf("sourceLine = %q, want %q", got, tt.want)
			}
		})
	}
	srcs := renderSources([]bot.Source{{Title: "Talks", Outlet: "unknown", Published: "2025-02-18"}})
	if !strings.Contains(srcs, "1. unknown outlet, 2025-02-18: Talks") {
		t.Errorf("/sources: %q", srcs)
	}
}

// manyEvents is a timeline long enough for several messages.
func manyEvents(n int) []bot.Event {
	evs := make([]bot.Event, n)
	for i := range evs {
		evs[i] = bot.Event{Date: fmt.Sprintf("2025-02-%02d", 1+i%28), Precision: "day",
			Text:      fmt.Sprintf("Event %d: the delegations met again in Riyadh and talked for hours about the war.", i),
			Citations: []bot.Citation{{N: 1, Article: "a1", Title: "Talks set", Outlet: "Head Topics", Published: "2025-02-17", URL: "https://example.com/a"}}}
	}
	return evs
}

// timelineWait is how long a test waits for a /timeline's parts: the
// timeline is read from the corpus first, which under the race detector on
// a loaded machine took over five seconds (a wait ends as soon as the
// requests arrive).
const timelineWait = 30 * time.Second

// TestTimelineIncomplete (issue item 12): when a part of a long /timeline
// cannot be delivered, the user is told the list is incomplete: by a
// follow-up, or, when follow-ups fail, under the first part.
func TestTimelineIncomplete(t *testing.T) {
	t.Parallel()
	followups := func(r fakeRequest) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/api/v9/webhooks/")
	}
	tests := []struct {
		name  string
		fail  func(r fakeRequest, n int) bool // answers r with a 500
		check func(t *testing.T, f *fakeDiscord, token string)
	}{
		{"the second part fails: a follow-up says so",
			func(r fakeRequest, n int) bool { return followups(r) && n < 1 },
			func(t *testing.T, f *fakeDiscord, token string) {
				posts := f.wait(followupOf(token), 2, timelineWait)
				if got := decode(t, posts[1]).Content; got != msgTimelineIncomplete {
					t.Errorf("follow-up after the failed part %q, want %q", got, msgTimelineIncomplete)
				}
			}},
		{"every follow-up fails: the first part says so",
			func(r fakeRequest, n int) bool { return followups(r) },
			func(t *testing.T, f *fakeDiscord, token string) {
				edits := f.wait(editOf(token), 2, timelineWait)
				got := decode(t, edits[1]).Content
				if !strings.HasPrefix(got, "**Timeline**") || !strings.HasSuffix(got, "*"+msgTimelineIncomplete+"*") {
					t.Errorf("the first part, edited: %.100q … %q", got, got[max(0, len(got)-120):])
				}
				if n := Length(got); n > MaxContent {
					t.Errorf("the edit is %d long, over %d", n, MaxContent)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, &fakeEngine{answer: cited("Yes [1]."), events: manyEvents(60)}, Options{})
			var failures atomic.Int32
			h.f.mu.Lock()
			h.f.hook = func(r fakeRequest, w http.ResponseWriter) bool {
				if tt.fail(r, int(failures.Load())) {
					failures.Add(1)
					writeJSON(w, 500, map[string]any{"message": "Server Error", "code": 0})
					return true
				}
				return false
			}
			h.f.mu.Unlock()
			h.f.dispatch("INTERACTION_CREATE", slash("2000", "u1", "timeline"))
			tt.check(t, h.f, "tok-2000")
			h.stop()
			h.f.checkNoPings(t)
		})
	}
}
