package discord

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

func TestAskIsDeferredThenEdited(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{delay: 1500 * time.Millisecond, answer: cited("Marco Rubio led the U.S. delegation [1]. The talks lasted hours [2].")}
	h := start(t, eng, Options{})
	sent := time.Now()
	h.f.dispatch("INTERACTION_CREATE", slash("100", "u1", "ask", strOpt("question", "Who led the U.S. delegation?")))

	cb := h.f.wait(callbackOf("100"), 1, 3*time.Second)[0]
	if ack := cb.At.Sub(sent); ack > time.Second {
		t.Errorf("acknowledged after %v; want well inside 3 s", ack)
	}
	if p := decode(t, cb); p.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) {
		t.Errorf("callback type %d, want deferred (5)", p.Type)
	}
	edit := h.f.wait(editOf("tok-100"), 1, 5*time.Second)[0]
	if d := edit.At.Sub(sent); d < 1400*time.Millisecond {
		t.Errorf("edited after %v, before the engine answered", d)
	}
	got := decode(t, edit).Content
	for _, want := range []string{
		"> Who led the U.S. delegation?",
		"Marco Rubio led the U.S. delegation [1].",
		"**Sources**",
		"1. Head Topics, 2025-02-17: [Talks set (live)](<https://example.com/a>)",
		"2. Reuters, 2025-02-18: [Talks end](<https://example.com/b>)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("answer lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(string(decode(t, edit).Components), quotesButton) {
		t.Errorf("answer has no Show quotes button: %s", edit.Body)
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestNothingPings(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("@everyone look: <@123> and <@&456> and @here said so [1].")}
	h := start(t, eng, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("200", "u1", "ask", strOpt("question", "@everyone what did <@123> say?")))
	edit := h.f.wait(editOf("tok-200"), 1, 5*time.Second)[0]
	if !strings.Contains(decode(t, edit).Content, "@everyone look: <@123>") {
		t.Errorf("answer not delivered as written: %s", edit.Body)
	}
	// A mention too, and a refusal.
	h.f.dispatch("MESSAGE_CREATE", mention("m1", "u2", "<@"+botUserID+"> @everyone <@123> who led?"))
	h.f.wait(channelPosts, 1, 5*time.Second)
	h.f.dispatch("INTERACTION_CREATE", slash("201", "u3", "ask", strOpt("question", strings.Repeat("@everyone ", 100))))
	h.f.wait(callbackOf("201"), 1, 5*time.Second)
	h.stop()
	h.f.checkNoPings(t)
}

func TestLongAnswersAreSplit(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := 0; i < 90; i++ {
		b.WriteString("The delegations agreed to restore their embassies and to keep talking in Riyadh [1]. ")
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	eng := &fakeEngine{answer: cited(b.String())}
	h := start(t, eng, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("300", "u1", "ask", strOpt("question", "What was agreed?")))
	h.f.wait(editOf("tok-300"), 1, 5*time.Second)
	// The last part carries the button.
	h.f.wait(func(r fakeRequest) bool {
		return followupOf("tok-300")(r) && strings.Contains(string(r.Body), quotesButton)
	}, 1, 5*time.Second)
	fups := h.f.requests(followupOf("tok-300"))
	if len(fups) < 2 {
		t.Errorf("%d follow-ups, want the answer in several parts", len(fups))
	}
	all := append(h.f.requests(editOf("tok-300")), fups...)
	var joined strings.Builder
	for _, r := range all {
		c := decode(t, r).Content
		if n := Length(c); n > MaxContent || n == 0 {
			t.Errorf("part of %d characters", n)
		}
		joined.WriteString(c)
	}
	if !strings.Contains(joined.String(), "2. Reuters, 2025-02-18: [Talks end](<https://example.com/b>)") {
		t.Errorf("the source list was lost in the split")
	}
	if n := strings.Count(joined.String(), "[1]"); n != 90 {
		t.Errorf("%d markers [1] after the split, want all 90", n)
	}
	last := all[len(all)-1]
	if !strings.Contains(string(decode(t, last).Components), quotesButton) {
		t.Errorf("the last part has no Show quotes button")
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestRateLimitFromDiscordIsSurvived(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("An answer [1].")}
	h := start(t, eng, Options{})
	limited := 0
	h.f.mu.Lock()
	h.f.hook = func(r fakeRequest, w http.ResponseWriter) bool {
		if r.Method == "PATCH" && limited < 2 {
			limited++
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset-After", "0.3")
			writeJSON(w, 429, map[string]any{"message": "You are being rate limited.", "retry_after": 0.3, "global": false})
			return true
		}
		return false
	}
	h.f.mu.Unlock()
	h.f.dispatch("INTERACTION_CREATE", slash("400", "u1", "ask", strOpt("question", "What happened?")))
	edits := h.f.wait(editOf("tok-400"), 3, 10*time.Second)
	if gap := edits[2].At.Sub(edits[1].At); gap < 250*time.Millisecond {
		t.Errorf("retried after %v; want the retry_after of 0.3 s honoured", gap)
	}
	if !strings.Contains(decode(t, edits[2]).Content, "An answer [1].") {
		t.Errorf("answer not delivered after 429s: %s", edits[2].Body)
	}
	h.stop()
	if !strings.Contains(h.logs.String(), "rate limited by Discord") {
		t.Errorf("429 not logged")
	}
}

// TestServerErrorIsRetried: one 500 on the final edit does not lose the
// answer; it is retried, logged, and the bot lives on.
func TestServerErrorIsRetried(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("An answer [1].")}
	h := start(t, eng, Options{})
	h.f.mu.Lock()
	failed := false
	h.f.hook = func(r fakeRequest, w http.ResponseWriter) bool {
		if r.Method == "PATCH" && !failed {
			failed = true
			writeJSON(w, 500, map[string]any{"message": "Internal Server Error", "code": 0})
			return true
		}
		return false
	}
	h.f.mu.Unlock()
	h.f.dispatch("INTERACTION_CREATE", slash("500", "u1", "ask", strOpt("question", "First?")))
	edits := h.f.wait(editOf("tok-500"), 2, 5*time.Second)
	if got := decode(t, edits[1]).Content; !strings.Contains(got, "An answer [1].") {
		t.Errorf("the retried edit says %q; want the answer", got)
	}
	// The bot lives on and answers the next question.
	h.f.dispatch("INTERACTION_CREATE", slash("501", "u1", "ask", strOpt("question", "Second?")))
	h.f.wait(editOf("tok-501"), 1, 5*time.Second)
	h.stop()
	logs := h.logs.String()
	if !strings.Contains(logs, "Discord server error; retrying") || !strings.Contains(logs, "status=500") {
		t.Errorf("500 not logged:\n%s", logs)
	}
	if strings.Contains(logs, "tok-500") {
		t.Errorf("interaction token logged:\n%s", logs)
	}
}

// TestServerErrors: which calls are retried after a 5xx, and what people see
// when the answer cannot be delivered.
func TestServerErrors(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("The talks went on for hours. ", 100) + "End [1]."
	for _, tc := range []struct {
		name   string
		answer string
		// fail says whether the fake answers a request with status (and
		// counts it); n is how many times it has so far.
		fail   func(r fakeRequest, n int) bool
		status int
		check  func(t *testing.T, f *fakeDiscord, token string, failures *atomic.Int32)
	}{
		{"502 on the edit is retried", "Short [1].",
			func(r fakeRequest, n int) bool { return r.Method == "PATCH" && n < 1 }, 502,
			func(t *testing.T, f *fakeDiscord, token string, failures *atomic.Int32) {
				edits := f.wait(editOf(token), 2, 5*time.Second)
				if got := decode(t, edits[len(edits)-1]).Content; !strings.Contains(got, "Short [1].") {
					t.Errorf("last edit %q; want the answer", got)
				}
			}},
		{"a failing edit is retried twice, then an apology", "Short [1].",
			func(r fakeRequest, n int) bool {
				return r.Method == "PATCH" && strings.Contains(string(r.Body), "Short")
			}, 503,
			func(t *testing.T, f *fakeDiscord, token string, failures *atomic.Int32) {
				f.wait(func(r fakeRequest) bool { return editOf(token)(r) && strings.Contains(string(r.Body), msgUndelivered) }, 1, 5*time.Second)
				edits := f.requests(editOf(token))
				if n := failures.Load(); n != 3 {
					t.Errorf("the answer's edit was tried %d times; want 3 (2 retries)", n)
				}
				if got := decode(t, edits[len(edits)-1]).Content; got != msgUndelivered {
					t.Errorf("last edit %q; want %q", got, msgUndelivered)
				}
			}},
		{"a follow-up is never retried", long,
			func(r fakeRequest, n int) bool {
				return r.Method == "POST" && strings.HasPrefix(r.Path, "/api/v9/webhooks/") && n < 1
			}, 500,
			func(t *testing.T, f *fakeDiscord, token string, failures *atomic.Int32) {
				f.wait(followupOf(token), 2, 5*time.Second)
				time.Sleep(300 * time.Millisecond) // time for a wrong retry
				posts := f.requests(followupOf(token))
				if len(posts) != 2 {
					t.Fatalf("%d follow-ups; want the failed part once, then the apology:\n%s", len(posts), f.dump())
				}
				if got := decode(t, posts[1]).Content; got != msgUndelivered {
					t.Errorf("second follow-up %q; want %q", got, msgUndelivered)
				}
				if got := decode(t, f.requests(editOf(token))[0]).Content; !strings.Contains(got, "The talks went on") {
					t.Errorf("the first part was replaced: %q", got)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, &fakeEngine{answer: cited(tc.answer)}, Options{})
			var failures atomic.Int32
			h.f.mu.Lock()
			h.f.hook = func(r fakeRequest, w http.ResponseWriter) bool {
				if tc.fail(r, int(failures.Load())) {
					failures.Add(1)
					writeJSON(w, tc.status, map[string]any{"message": "Server Error", "code": 0})
					return true
				}
				return false
			}
			h.f.mu.Unlock()
			h.f.dispatch("INTERACTION_CREATE", slash("1700", "u1", "ask", strOpt("question", "Q?")))
			tc.check(t, h.f, "tok-1700", &failures)
			h.stop()
			h.f.checkNoPings(t)
		})
	}
}

// mention is a MESSAGE_CREATE that mentions the bot.
func mention(id, user, content string) map[string]any {
	return map[string]any{
		"id": id, "channel_id": "c1", "guild_id": "g1", "content": content, "type": 0,
		"author":   map[string]any{"id": user, "username": "user" + user},
		"mentions": []map[string]any{{"id": botUserID, "username": "bot", "bot": true}},
	}
}

func TestMentionIsAnsweredInAReply(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("Rubio led it [1].")}
	h := start(t, eng, Options{})
	h.f.dispatch("MESSAGE_CREATE", mention("m1", "u1", "<@"+botUserID+"> who led the delegation?"))
	post := h.f.wait(channelPosts, 1, 5*time.Second)[0]
	p := decode(t, post)
	if p.Reference == nil || p.Reference.MessageID != "m1" {
		t.Errorf("not a reply to m1: %s", post.Body)
	}
	if !strings.Contains(p.Content, "Rubio led it [1].") || !strings.Contains(p.Content, "**Sources**") {
		t.Errorf("reply lacks the answer: %s", p.Content)
	}
	if q := eng.asked(); len(q) != 1 || q[0].Text != "who led the delegation?" {
		t.Errorf("engine asked %+v, want the question without the mention", q)
	}
	// Messages that neither mention the bot nor reply to it are ignored.
	other := mention("m2", "u1", "chatting")
	other["mentions"] = []map[string]any{}
	h.f.dispatch("MESSAGE_CREATE", other)
	time.Sleep(200 * time.Millisecond)
	if n := len(eng.asked()); n != 1 {
		t.Errorf("engine asked %d questions, want 1", n)
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestReplyChainIsTheConversation(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("It lasted four and a half hours [2].")}
	h := start(t, eng, Options{})
	user := &discordgo.User{ID: "u1", Username: "u1"}
	me := &discordgo.User{ID: botUserID, Username: "bot", Bot: true}
	// An earlier exchange by mention: q1 <- a1 (the bot's reply), then a
	// follow-up q2 <- a2, now the user replies to a2.
	q1 := &discordgo.Message{ID: "q1", ChannelID: "c1", Author: user, Content: "<@" + botUserID + "> who met in Riyadh?"}
	a1 := &discordgo.Message{ID: "a1", ChannelID: "c1", Author: me, Content: "Rubio and Lavrov met [1].\n\n**Sources**\n1. X",
		MessageReference: &discordgo.MessageReference{MessageID: "q1", ChannelID: "c1"}}
	q2 := &discordgo.Message{ID: "q2", ChannelID: "c1", Author: user, Content: "when?",
		MessageReference: &discordgo.MessageReference{MessageID: "a1", ChannelID: "c1"}}
	a2 := &discordgo.Message{ID: "a2", ChannelID: "c1", Author: me, Content: "On February 18 [2].\n\n**Sources**\n2. Y",
		MessageReference: &discordgo.MessageReference{MessageID: "q2", ChannelID: "c1"}}
	for _, m := range []*discordgo.Message{q1, a1, q2, a2} {
		h.f.store(m)
	}
	h.f.dispatch("MESSAGE_CREATE", map[string]any{
		"id": "q3", "channel_id": "c1", "guild_id": "g1", "content": "how long did it last?", "type": 19,
		"author":             map[string]any{"id": "u1", "username": "u1"},
		"mentions":           []any{},
		"message_reference":  map[string]any{"message_id": "a2", "channel_id": "c1"},
		"referenced_message": a2,
	})
	post := h.f.wait(channelPosts, 1, 5*time.Second)[0]
	if p := decode(t, post); p.Reference == nil || p.Reference.MessageID != "q3" {
		t.Errorf("not a reply to q3: %s", post.Body)
	}
	asked := eng.asked()
	if len(asked) != 1 {
		t.Fatalf("engine asked %d questions", len(asked))
	}
	want := []bot.Turn{
		{Question: "who met in Riyadh?", Answer: "Rubio and Lavrov met [1]."},
		{Question: "when?", Answer: "On February 18 [2]."},
	}
	if got := asked[0].History; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("history = %+v\nwant %+v", got, want)
	}
	gets := h.f.requests(func(r fakeRequest) bool { return r.Method == "GET" && strings.Contains(r.Path, "/messages/") })
	if len(gets) != 3 {
		t.Errorf("fetched %d messages of the chain, want 3 (q2, a1, q1)", len(gets))
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestFollowUpToAnAskAnswer(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("Yes [1].")}
	h := start(t, eng, Options{})
	me := &discordgo.User{ID: botUserID, Username: "bot", Bot: true}
	a := &discordgo.Message{ID: "a1", ChannelID: "c1", Author: me, Content: "> Who led the U.S. side?\nRubio did [1].\n\n**Sources**\n1. X"}
	h.f.dispatch("MESSAGE_CREATE", map[string]any{
		"id": "q2", "channel_id": "c1", "guild_id": "g1", "content": "<@" + botUserID + "> was he alone?", "type": 19,
		"author":             map[string]any{"id": "u1", "username": "u1"},
		"mentions":           []map[string]any{{"id": botUserID}},
		"message_reference":  map[string]any{"message_id": "a1", "channel_id": "c1"},
		"referenced_message": a,
	})
	h.f.wait(channelPosts, 1, 5*time.Second)
	asked := eng.asked()
	want := bot.Turn{Question: "Who led the U.S. side?", Answer: "Rubio did [1]."}
	if len(asked) != 1 || len(asked[0].History) != 1 || asked[0].History[0] != want {
		t.Errorf("asked %+v, want one turn %+v", asked, want)
	}
	h.stop()
}

func TestStreamingEditsAtMostOnceASecond(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("word ", 60) + "end [1]."
	eng := &fakeEngine{delay: 3 * time.Second, stream: 30, answer: cited(text)}
	h := start(t, eng, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("600", "u1", "ask", strOpt("question", "Stream?")))
	// Wait for the final edit: the one with sources.
	final := func(r fakeRequest) bool { return editOf("tok-600")(r) && strings.Contains(string(r.Body), "Sources") }
	h.f.wait(final, 1, 10*time.Second)
	edits := h.f.requests(editOf("tok-600"))
	if len(edits) < 3 {
		t.Errorf("%d edits; want the answer to stream (several partial edits, then the final)", len(edits))
	}
	if len(edits) > 5 {
		t.Errorf("%d edits in about 3 s; want at most about one a second", len(edits))
	}
	for i := 1; i < len(edits)-1; i++ {
		if gap := edits[i].At.Sub(edits[i-1].At); gap < 900*time.Millisecond {
			t.Errorf("streaming edits %d and %d %v apart", i-1, i, gap)
		}
	}
	// Every partial edit says it is unfinished and unchecked; the final,
	// checked answer replaces it and is the last edit.
	for i, e := range edits[:len(edits)-1] {
		if c := decode(t, e).Content; !strings.HasSuffix(c, " …\n"+previewNote) || !strings.HasPrefix(c, "> Stream?") {
			t.Errorf("partial edit %d %q", i, c)
		}
	}
	if c := decode(t, edits[len(edits)-1]).Content; strings.Contains(c, previewNote) || !strings.Contains(c, "Sources") {
		t.Errorf("final edit %q; want the checked answer without the preview note", c)
	}
	time.Sleep(1200 * time.Millisecond) // no preview may come after the final answer
	if n := len(h.f.requests(editOf("tok-600"))); n != len(edits) {
		t.Errorf("%d edits after the final answer", n-len(edits))
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("Yes [1].")}
	h := start(t, eng, Options{UserBurst: 1, UserEvery: time.Hour, MaxQuestion: 50})
	for _, tc := range []struct {
		name, id, user, question, want string
	}{
		// The first question of a user is answered (deferred).
		{"first", "700", "u1", "Who?", ""},
		// The second, at once, is refused: slow down.
		{"slow down", "701", "u1", "Who again?", "Slow down a little: you can ask again in"},
		// Too long, refused whatever the rate.
		{"too long", "702", "u2", strings.Repeat("x", 51), "That question is 51 characters long; please keep it under 50."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.f.dispatch("INTERACTION_CREATE", slash(tc.id, tc.user, "ask", strOpt("question", tc.question)))
			p := decode(t, h.f.wait(callbackOf(tc.id), 1, 5*time.Second)[0])
			if tc.want == "" {
				if p.Type != 5 {
					t.Errorf("type %d, want deferred", p.Type)
				}
				return
			}
			if p.Type != 4 || p.Data.Flags != int(discordgo.MessageFlagsEphemeral) || !strings.Contains(p.Data.Content, tc.want) {
				t.Errorf("got type %d flags %d %q; want an ephemeral %q", p.Type, p.Data.Flags, p.Data.Content, tc.want)
			}
		})
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestPrivateAskIsEphemeral(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("Yes [1].")}, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("800", "u1", "ask", strOpt("question", "Who?"), boolOpt("private", true)))
	p := decode(t, h.f.wait(callbackOf("800"), 1, 5*time.Second)[0])
	if p.Type != 5 || p.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
		t.Errorf("callback type %d flags %d; want deferred ephemeral", p.Type, p.Data.Flags)
	}
	h.f.wait(editOf("tok-800"), 1, 5*time.Second)
	h.stop()
}

func TestShowQuotesButton(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("Rubio led [1], for hours [2].")}, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("900", "u1", "ask", strOpt("question", "Who?")))
	h.f.wait(editOf("tok-900"), 1, 5*time.Second)
	// The quotes are kept once the edit's echo is back, a moment after the
	// fake saw the edit.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, ok := h.b.answers.get("orig-tok-900"); ok || time.Now().After(deadline) {
			break
		}
	}
	// The fake names the original response "orig-<token>".
	h.f.dispatch("INTERACTION_CREATE", map[string]any{
		"id": "901", "application_id": appID, "type": 3, "token": "tok-901", "version": 1,
		"guild_id": "g1", "channel_id": "c1",
		"member":  map[string]any{"user": map[string]any{"id": "u2"}},
		"message": map[string]any{"id": "orig-tok-900", "channel_id": "c1", "content": "..."},
		"data":    map[string]any{"custom_id": quotesButton, "component_type": 2},
	})
	p := decode(t, h.f.wait(callbackOf("901"), 1, 5*time.Second)[0])
	if p.Type != 5 || p.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
		t.Errorf("button callback type %d flags %d; want deferred ephemeral", p.Type, p.Data.Flags)
	}
	got := decode(t, h.f.wait(editOf("tok-901"), 1, 5*time.Second)[0]).Content
	for _, want := range []string{"**[1]** Head Topics", "> Rubio will lead the delegation.", "> The talks lasted four and a half hours."} {
		if !strings.Contains(got, want) {
			t.Errorf("quotes lack %q:\n%s", want, got)
		}
	}
	// After a restart (or a day) the quotes are gone: it says so.
	h.f.dispatch("INTERACTION_CREATE", map[string]any{
		"id": "902", "application_id": appID, "type": 3, "token": "tok-902", "version": 1,
		"user":    map[string]any{"id": "u2"},
		"message": map[string]any{"id": "unknown", "channel_id": "c1"},
		"data":    map[string]any{"custom_id": quotesButton, "component_type": 2},
	})
	if got := decode(t, h.f.wait(editOf("tok-902"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "no longer have the quotes") {
		t.Errorf("cache miss says %q", got)
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestSourcesHelpTimeline(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("x")}, Options{})
	for _, tc := range []struct {
		name string
		ev   map[string]any
		want []string
	}{
		{"sources", slash("1001", "u1", "sources"), []string{"1. Reuters, 2025-02-18: [Talks end](<https://example.com/b>)"}},
		{"help", slash("1002", "u1", "help"), []string{"/ask", "/timeline", "reply to one of my answers"}},
		// Until the timeline is built, it says so and lists the articles by date.
		{"timeline", slash("1003", "u1", "timeline", strOpt("from", "2025-02-18")),
			[]string{"timeline is not built", "**2025-02-18** Reuters: [Talks end]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.f.dispatch("INTERACTION_CREATE", tc.ev)
			token := tc.ev["token"].(string)
			got := decode(t, h.f.wait(editOf(token), 1, 5*time.Second)[0]).Content
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %q:\n%s", tc.name, w, got)
				}
			}
		})
	}
	h.stop()
}

func TestBusy(t *testing.T) {
	t.Parallel()
	// The first answer runs until the second has heard the bot is busy.
	eng := &fakeEngine{hold: make(chan struct{}), answer: cited("Yes [1].")}
	h := start(t, eng, Options{MaxConcurrent: 1, QueueWait: 200 * time.Millisecond})
	h.f.dispatch("INTERACTION_CREATE", slash("1100", "u1", "ask", strOpt("question", "First?")))
	h.f.wait(callbackOf("1100"), 1, 5*time.Second)
	h.f.dispatch("INTERACTION_CREATE", slash("1101", "u2", "ask", strOpt("question", "Second?")))
	// The second waits for a slot, in vain, and hears the bot is busy.
	got := decode(t, h.f.wait(editOf("tok-1101"), 1, 5*time.Second)[0]).Content
	if got != msgBusy {
		t.Errorf("second answer %q, want %q", got, msgBusy)
	}
	close(eng.hold)
	h.f.wait(editOf("tok-1100"), 1, 5*time.Second)
	h.stop()
	h.f.checkNoPings(t)
}

func TestReconnect(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("Yes [1].")}, Options{})
	h.f.drop()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if conns, resumes := h.f.gatewayState(); conns >= 2 && resumes >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bot did not reconnect and resume")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // let the RESUMED frame be read
	h.f.dispatch("INTERACTION_CREATE", slash("1200", "u1", "ask", strOpt("question", "Still there?")))
	if got := decode(t, h.f.wait(editOf("tok-1200"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "Yes [1].") {
		t.Errorf("answer after reconnect %q", got)
	}
	h.stop()
}

func TestMentionStreams(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{delay: 2500 * time.Millisecond, stream: 25, answer: cited(strings.Repeat("word ", 50) + "end [1].")}
	h := start(t, eng, Options{})
	h.f.dispatch("MESSAGE_CREATE", mention("m1", "u1", "<@"+botUserID+"> stream please"))
	final := func(r fakeRequest) bool {
		return r.Method == "PATCH" && strings.HasPrefix(r.Path, "/api/v9/channels/c1/messages/") && strings.Contains(string(r.Body), "Sources")
	}
	h.f.wait(final, 1, 10*time.Second)
	posts := h.f.requests(channelPosts)
	if len(posts) != 1 {
		t.Fatalf("%d messages posted, want one reply then edits", len(posts))
	}
	if p := decode(t, posts[0]); !strings.HasSuffix(p.Content, " …\n"+previewNote) || p.Reference == nil || p.Reference.MessageID != "m1" {
		t.Errorf("first reply %s; want a partial answer replying to m1", posts[0].Body)
	}
	h.stop()
	h.f.checkNoPings(t)
}

func TestEmptyAnswerStillEdits(t *testing.T) {
	t.Parallel()
	empty := func(bot.Question) *bot.Answer { return &bot.Answer{Mode: bot.ModeLLM} }
	h := start(t, &fakeEngine{answer: empty}, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("1300", "u1", "ask", strOpt("question", "Hm?")))
	got := decode(t, h.f.wait(editOf("tok-1300"), 1, 5*time.Second)[0]).Content
	if got != "> Hm?\n"+msgNoAnswer {
		t.Errorf("edit %q", got)
	}
	h.stop()
}

func TestPanicIsContained(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: func(q bot.Question) *bot.Answer {
		if q.Text == "boom" {
			panic("engine bug")
		}
		return cited("Fine [1].")(q)
	}}
	h := start(t, eng, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("1400", "u1", "ask", strOpt("question", "boom")))
	h.f.wait(callbackOf("1400"), 1, 5*time.Second)
	h.f.dispatch("INTERACTION_CREATE", slash("1401", "u2", "ask", strOpt("question", "fine?")))
	h.f.wait(editOf("tok-1401"), 1, 5*time.Second)
	h.stop()
	if !strings.Contains(h.logs.String(), "panic handling a Discord event") {
		t.Errorf("panic not logged")
	}
}

// TestWrongOptionTypes: options of an unexpected type (from a stale or forged
// command) are ignored, not a panic.
func TestWrongOptionTypes(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("Fine [1].")}, Options{})
	intOpt := func(name string, v int) map[string]any { return map[string]any{"name": name, "type": 4, "value": v} }
	h.f.dispatch("INTERACTION_CREATE", slash("1500", "u1", "timeline", intOpt("from", 5), strOpt("about", "Rubio")))
	if got := decode(t, h.f.wait(editOf("tok-1500"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "timeline is not built") {
		t.Errorf("timeline with an integer option: %q", got)
	}
	h.f.dispatch("INTERACTION_CREATE", slash("1501", "u1", "ask", strOpt("question", "Who?"), strOpt("private", "yes")))
	if got := decode(t, h.f.wait(editOf("tok-1501"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "Fine [1].") {
		t.Errorf("ask with a string 'private': %q", got)
	}
	h.stop()
	if strings.Contains(h.logs.String(), "panic") {
		t.Errorf("a wrong option type panicked:\n%s", h.logs.String())
	}
}

// TestTimelinePicture: /timeline shows its events drawn above the text: the
// first message is a multipart edit with the PNG attached (as the only
// attachment, so a retried edit cannot add a second), the text follows, and
// every payload, the multipart one included, pings no one.
func TestTimelinePicture(t *testing.T) {
	t.Parallel()
	h := start(t, &fakeEngine{answer: cited("x"), events: manyEvents(5)}, Options{})
	h.f.dispatch("INTERACTION_CREATE", slash("2100", "u1", "timeline", strOpt("about", "talks")))
	edit := h.f.wait(editOf("tok-2100"), 1, timelineWait)[0]
	if !strings.HasPrefix(edit.ContentType, "multipart/form-data") {
		t.Fatalf("the first message is %q, want multipart/form-data with the picture", edit.ContentType)
	}
	files := edit.files()
	png, ok := files["files[0]"]
	if !ok || len(files) != 1 {
		t.Fatalf("files sent: %v; want files[0] alone", files)
	}
	if png.Name != "timeline.png" || png.ContentType != "image/png" || !bytes.HasPrefix(png.Data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the file is %q (%s, %d bytes), want a PNG named timeline.png", png.Name, png.ContentType, len(png.Data))
	}
	var p struct {
		Content     string `json:"content"`
		Attachments []struct {
			ID       string `json:"id"`
			Filename string `json:"filename"`
		} `json:"attachments"`
	}
	if err := json.Unmarshal(edit.jsonBody(), &p); err != nil {
		t.Fatalf("payload_json: %v", err)
	}
	if !strings.HasPrefix(p.Content, "**Timeline**") || len(p.Attachments) != 1 || p.Attachments[0].ID != "0" || p.Attachments[0].Filename != "timeline.png" {
		t.Errorf("payload_json %s: want the caption and attachments [{id 0, timeline.png}]", edit.jsonBody())
	}
	text := decode(t, h.f.wait(followupOf("tok-2100"), 1, timelineWait)[0]).Content
	if !strings.Contains(text, "Event 0: the delegations met again") || !strings.Contains(text, "**Sources**") {
		t.Errorf("the text after the picture:\n%s", text)
	}
	h.stop()
	h.f.checkNoPings(t)
}
