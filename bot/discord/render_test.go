package discord

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRender(t *testing.T) {
	ans := cited("Marco Rubio led the U.S. delegation [1]; the talks lasted four and a half hours [2].")(bot.Question{Text: "Who led it?"})
	noted := cited("Rubio [1].")(bot.Question{})
	noted.Note = "The LLM failed; this is the offline answer."
	weird := &bot.Answer{Answer: "See [1].", Citations: []bot.Citation{
		{N: 1, Outlet: "", Published: "", Title: "A [bracketed] title", URL: "https://x.example/a b>c(d)"}}}
	for _, tc := range []struct {
		name string
		got  string
	}{
		// An /ask answer: the question quoted, the answer, the sources.
		{"ask.md", renderAnswer("Who led\nit?", ans, true)},
		// A reply to a mention: no quote.
		{"reply.md", renderAnswer("Who led it?", ans, false)},
		// An abstention has no sources.
		{"abstained.md", renderAnswer("Q", &bot.Answer{Answer: "The articles don't say.", Abstained: true}, false)},
		// A note is shown in italics before the sources.
		{"note.md", renderAnswer("Q", noted, false)},
		// Brackets in titles and odd URLs cannot break the link.
		{"escape.md", renderAnswer("Q", weird, false)},
		{"quotes.md", renderQuotes(ans.Citations)},
		{"sources.md", renderSources((&fakeEngine{}).Sources())},
		{"timeline.md", renderTimeline([]bot.Event{
			{Date: "2025-02-17", Text: "Rubio arrives.", Citations: ans.Citations[:1]},
			{Date: "2025-02-18", Text: "The talks  are held.", Citations: []bot.Citation{ans.Citations[1], ans.Citations[0], ans.Citations[1]}},
		}, bot.TimelineFilter{From: time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC), About: "talks"})},
		{"timeline-fallback.md", timelineFallback((&fakeEngine{}).Sources(), bot.TimelineFilter{})},
	} {
		t.Run(tc.name, func(t *testing.T) { golden(t, filepath.Join("render", tc.name), tc.got) })
	}
}

func TestParseAnswer(t *testing.T) {
	for _, tc := range []struct {
		name, content, q, a string
	}{
		// An /ask answer quotes its question on the first line.
		{"ask", "> Who led?\nRubio [1].\n\n**Sources**\n1. X", "Who led?", "Rubio [1]."},
		// A reply to a mention does not.
		{"reply", "Rubio [1].\n\n**Sources**\n1. X", "", "Rubio [1]."},
		// A streaming partial answer ends with an ellipsis.
		{"partial", "> Q\nRubio led …", "Q", "Rubio led"},
		// A part of a split answer that is only sources has no answer.
		{"sources only", "**Sources**\n1. X", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, a := parseAnswer(tc.content)
			if q != tc.q || a != tc.a {
				t.Errorf("parseAnswer = %q, %q; want %q, %q", q, a, tc.q, tc.a)
			}
		})
	}
}

func TestTurns(t *testing.T) {
	me := &discordgo.User{ID: "1"}
	u := &discordgo.User{ID: "2"}
	msg := func(a *discordgo.User, c string) *discordgo.Message { return &discordgo.Message{Author: a, Content: c} }
	for _, tc := range []struct {
		name  string
		chain []*discordgo.Message // newest first
		want  []bot.Turn
	}{
		{"empty", nil, nil},
		// A mention and its answer.
		{"mention", []*discordgo.Message{msg(me, "A1"), msg(u, "<@1> Q1")}, []bot.Turn{{Question: "Q1", Answer: "A1"}}},
		// An /ask answer carries its question; the chain starts there.
		{"ask", []*discordgo.Message{msg(me, "A2"), msg(u, "Q2"), msg(me, "> Q1\nA1")}, []bot.Turn{{Question: "Q1", Answer: "A1"}, {Question: "Q2", Answer: "A2"}}},
		// A chain cut at a bot message (depth): its question is unknown.
		{"cut", []*discordgo.Message{msg(me, "A1")}, []bot.Turn{{Answer: "A1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := turns(tc.chain, "1")
			if len(got) != len(tc.want) {
				t.Fatalf("turns = %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("turn %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestStripMentions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<@1> who led?", "who led?"},
		{"<@!1>   who\nled? <@1>", "who led?"},
		{"did <@2> go?", "did <@2> go?"}, // others' mentions stay (and cannot ping: allowed mentions)
		{"<@1>", ""},
	} {
		if got := stripMentions(tc.in, "1"); got != tc.want {
			t.Errorf("stripMentions(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	l := newLimiter(2, 10*time.Second, func() time.Time { return now })
	for i, step := range []struct {
		advance  time.Duration
		user     string
		ok, tell bool
	}{
		{0, "a", true, false},               // burst
		{0, "a", true, false},               // burst
		{0, "a", false, true},               // over: told
		{time.Second, "a", false, false},    // still over: not told twice
		{0, "b", true, false},               // others unaffected
		{9 * time.Second, "a", true, false}, // one token back after 10 s
		{0, "a", false, true},               // over again: told again
	} {
		now = now.Add(step.advance)
		ok, _, tell := l.allow(step.user)
		if ok != step.ok || tell != step.tell {
			t.Errorf("step %d: allow(%s) = %v, tell %v; want %v, %v", i, step.user, ok, tell, step.ok, step.tell)
		}
	}
}

func TestTransport(t *testing.T) {
	var gotPath, gotHost string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotHost = r.URL.Path, r.Host
		w.Header().Set("X-RateLimit-Reset-After", r.URL.Query().Get("reset"))
	}))
	defer srv.Close()
	for _, tc := range []struct {
		name, api, reset, wantPath, wantReset string
	}{
		// Scheme and host rewritten, path kept.
		{"host", srv.URL, "0.5", "/api/v9/gateway", "0.5"},
		// A base path is prefixed.
		{"prefix", srv.URL + "/discord/", "1", "/discord/api/v9/gateway", "1"},
		// A reset past the bound is clamped, so discordgo's sleep is bounded.
		{"clamp", srv.URL, "86400", "/api/v9/gateway", "10.000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(discardLog(), &fakeEngine{}, Options{Token: "x", APIURL: tc.api})
			if err != nil {
				t.Fatal(err)
			}
			resp, err := b.client.Get(discordgo.EndpointGateway + "?reset=" + tc.reset)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if gotPath != tc.wantPath || !strings.HasPrefix(gotHost, "127.0.0.1") {
				t.Errorf("request went to %s%s, want %s", gotHost, gotPath, tc.wantPath)
			}
			if got := resp.Header.Get("X-RateLimit-Reset-After"); got != tc.wantReset {
				t.Errorf("reset %q, want %q", got, tc.wantReset)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	err := redact(&testError{`Patch "https://discord.com/api/v9/webhooks/123/aW50ZXJhY3Rpb24.tok/messages/@original": timeout`})
	if strings.Contains(err.Error(), "aW50ZXJhY3Rpb24") || !strings.Contains(err.Error(), "webhooks/123/<token>/messages") {
		t.Errorf("redact = %q", err)
	}
	err = redact(&testError{`Post "https://discord.com/api/v9/interactions/9/tok-9/callback": EOF`})
	if strings.Contains(err.Error(), "tok-9") {
		t.Errorf("redact = %q", err)
	}
}

type testError struct{ s string }

func (e *testError) Error() string { return e.s }

func TestNewRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    Options
	}{
		{"no token", Options{}},
		{"bad url", Options{Token: "x", APIURL: "localhost:1234"}},
		{"bad shard", Options{Token: "x", ShardID: 2, ShardCount: 2}},
	} {
		if _, err := New(discardLog(), &fakeEngine{}, tc.o); err == nil {
			t.Errorf("%s: New succeeded", tc.name)
		}
	}
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, q := range []string{
		"Who led the U.S. delegation?",
		"[click](https://evil.example) *bold* <@123> # not a heading",
		`back\slash \* and ` + "`code`",
	} {
		line := quoteLine(q)
		if strings.Contains(line, "[click](") {
			t.Errorf("quoteLine(%q) = %q keeps a masked link", q, line)
		}
		if got, _ := parseAnswer(line + "\nanswer"); got != q {
			t.Errorf("round trip of %q: %q -> %q", q, line, got)
		}
	}
}

func TestPreview(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text, wantStart string
	}{
		{"short", "Rubio led", "Rubio led …\n"},
		{"long", strings.Repeat("word ", 1000), "word word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := preview(tc.text)
			if !strings.HasPrefix(got, tc.wantStart) || !strings.HasSuffix(got, " …\n"+previewNote) {
				t.Errorf("preview %.80q … %q", got, got[max(0, len(got)-80):])
			}
			if n := Length(got); n > MaxContent {
				t.Errorf("preview is %d long, over %d", n, MaxContent)
			}
		})
	}
}
