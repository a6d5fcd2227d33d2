package discord

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/feedback"
)

// click is an INTERACTION_CREATE of a button under message msg.
func click(id, user, msg, button string) map[string]any {
	return map[string]any{
		"id": id, "application_id": appID, "type": 3, "token": "tok-" + id, "version": 1,
		"guild_id": "g1", "channel_id": "c1",
		"member":  map[string]any{"user": map[string]any{"id": user}},
		"message": map[string]any{"id": msg, "channel_id": "c1", "content": "..."},
		"data":    map[string]any{"custom_id": button, "component_type": 2},
	}
}

// TestVotes: answers carry 👍 and 👎 beside "Show quotes" (abstentions,
// with no quotes, carry the votes alone); the fake Discord clicks them; each
// vote is acknowledged ephemerally and appended to the file with what was
// answered and a hash for the user; a changed vote appends a record that
// supersedes the first; a vote on an answer the bot no longer has is told
// so; nothing pings.
func TestVotes(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "votes.jsonl")
	votes, err := feedback.NewLog(path, []byte("test salt"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &fakeEngine{answer: func(q bot.Question) *bot.Answer {
		if strings.Contains(q.Text, "weather") {
			return &bot.Answer{Question: q.Text, Answer: "The articles don't say.", Abstained: true, Mode: bot.ModeExtractive}
		}
		return cited("Rubio led [1], for hours [2].")(q)
	}}
	h := start(t, eng, Options{Votes: votes})
	h.f.dispatch("INTERACTION_CREATE", slash("3000", "u1", "ask", strOpt("question", "Who led?")))
	h.f.dispatch("INTERACTION_CREATE", slash("3001", "u1", "ask", strOpt("question", "What was the weather?")))
	comps := string(decode(t, h.f.wait(editOf("tok-3000"), 1, 5*time.Second)[0]).Components)
	for _, want := range []string{quotesButton, voteUpButton, voteDownButton, "👍", "👎"} {
		if !strings.Contains(comps, want) {
			t.Errorf("the answer's buttons lack %q: %s", want, comps)
		}
	}
	comps = string(decode(t, h.f.wait(editOf("tok-3001"), 1, 5*time.Second)[0]).Components)
	if strings.Contains(comps, quotesButton) || !strings.Contains(comps, voteDownButton) {
		t.Errorf("the abstention's buttons: %s; want the votes alone", comps)
	}
	// The answer is kept once the edit's echo is back, a moment after the
	// fake saw the edit.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, ok := h.b.answers.get("orig-tok-3000"); ok || time.Now().After(deadline) {
			break
		}
	}

	ack := func(id string) string {
		t.Helper()
		p := decode(t, h.f.wait(callbackOf(id), 1, 5*time.Second)[0])
		if p.Type != int(discordgo.InteractionResponseChannelMessageWithSource) || p.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("vote %s acknowledged with type %d flags %d; want an ephemeral message", id, p.Type, p.Data.Flags)
		}
		return p.Data.Content
	}
	h.f.dispatch("INTERACTION_CREATE", click("3010", "222222222222222222", "orig-tok-3000", voteDownButton))
	if got := ack("3010"); !strings.Contains(got, "👎 is recorded") {
		t.Errorf("first vote: %q", got)
	}
	h.f.dispatch("INTERACTION_CREATE", click("3011", "222222222222222222", "orig-tok-3000", voteUpButton))
	if got := ack("3011"); !strings.Contains(got, "👎 is now a 👍") {
		t.Errorf("changed vote: %q", got)
	}
	h.f.dispatch("INTERACTION_CREATE", click("3012", "222222222222222222", "orig-tok-3000", voteUpButton))
	if got := ack("3012"); !strings.Contains(got, "already") {
		t.Errorf("the same vote again: %q", got)
	}
	h.f.dispatch("INTERACTION_CREATE", click("3013", "333333333333333333", "orig-tok-3000", voteDownButton))
	ack("3013")
	h.f.dispatch("INTERACTION_CREATE", click("3014", "333333333333333333", "m-unknown", voteDownButton))
	if got := ack("3014"); got != msgVoteUnknown {
		t.Errorf("vote on an unknown answer: %q", got)
	}
	h.stop()
	h.f.checkNoPings(t)

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("\n")); n != 3 {
		t.Errorf("%d records, want 3 (down, up superseding it, another user's down):\n%s", n, raw)
	}
	if bytes.Contains(raw, []byte("222222222222222222")) {
		t.Errorf("a user ID is in the file:\n%s", raw)
	}
	got, _, err := feedback.Read(bytes.NewReader(raw))
	if err != nil || len(got) != 2 {
		t.Fatalf("Read: %v, %d votes, want 2", err, len(got))
	}
	v := got[0]
	if v.Vote != feedback.Up || v.Answer != "orig-tok-3000" || v.Question != "Who led?" || v.Text != "Rubio led [1], for hours [2]." ||
		len(v.Citations) != 2 || v.Mode != bot.ModeExtractive || v.Time.IsZero() || v.User != votes.Hash("222222222222222222") {
		t.Errorf("the kept vote: %+v", v)
	}
}
