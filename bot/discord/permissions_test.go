package discord

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestDecide(t *testing.T) {
	everyone := DefaultPermissions()
	tests := []struct {
		name string
		p    Permissions
		a    Asker
		want Verdict
	}{
		{"defaults: anyone in a server", everyone, Asker{User: "u", Channels: []string{"c"}}, Allowed},
		{"defaults: anyone in a DM", everyone, Asker{User: "u", DM: true}, Allowed},
		{"the zero value has DMs off", Permissions{}, Asker{User: "u", DM: true}, NotHere},
		{"DMs off, but an admin may", Permissions{AdminUsers: []string{"u"}}, Asker{User: "u", DM: true}, Allowed},
		{"an allowed channel", Permissions{AllowedChannels: []string{"c"}}, Asker{User: "u", Channels: []string{"c"}}, Allowed},
		{"a channel not in the allowed list", Permissions{AllowedChannels: []string{"c"}}, Asker{User: "u", Channels: []string{"d"}}, NotHere},
		{"a thread whose parent is allowed", Permissions{AllowedChannels: []string{"c"}}, Asker{User: "u", Channels: []string{"thread", "c"}}, Allowed},
		{"a blocked channel, even for an admin", Permissions{BlockedChannels: []string{"c"}, AdminUsers: []string{"u"}}, Asker{User: "u", Channels: []string{"c"}}, NotHere},
		{"allowed channels do not apply to DMs", Permissions{AllowDMs: true, AllowedChannels: []string{"c"}}, Asker{User: "u", DM: true}, Allowed},
		{"a blocked user", Permissions{BlockedUsers: []string{"u"}}, Asker{User: "u", Channels: []string{"c"}}, NotYou},
		{"a blocked role", Permissions{BlockedRoles: []string{"r"}}, Asker{User: "u", Roles: []string{"x", "r"}, Channels: []string{"c"}}, NotYou},
		{"an allowed user", Permissions{AllowedUsers: []string{"u"}}, Asker{User: "u", Channels: []string{"c"}}, Allowed},
		{"a user not in the allowed list", Permissions{AllowedUsers: []string{"v"}}, Asker{User: "u", Channels: []string{"c"}}, NotYou},
		{"an allowed role", Permissions{AllowedRoles: []string{"r"}}, Asker{User: "u", Roles: []string{"r"}, Channels: []string{"c"}}, Allowed},
		{"no allowed role", Permissions{AllowedRoles: []string{"r"}}, Asker{User: "u", Roles: []string{"x"}, Channels: []string{"c"}}, NotYou},
		{"allowed roles do not apply in DMs", Permissions{AllowDMs: true, AllowedRoles: []string{"r"}}, Asker{User: "u", DM: true}, Allowed},
		{"allowed users do apply in DMs", Permissions{AllowDMs: true, AllowedUsers: []string{"v"}}, Asker{User: "u", DM: true}, NotYou},
		{"allowed by role, blocked by ID", Permissions{AllowedRoles: []string{"r"}, BlockedUsers: []string{"u"}}, Asker{User: "u", Roles: []string{"r"}, Channels: []string{"c"}}, NotYou},
		{"an admin passes the allowed lists", Permissions{AllowedUsers: []string{"v"}, AdminUsers: []string{"u"}}, Asker{User: "u", Channels: []string{"c"}}, Allowed},
		{"a channel refusal comes first", Permissions{AllowedChannels: []string{"c"}, BlockedUsers: []string{"u"}}, Asker{User: "u", Channels: []string{"d"}}, NotHere},
		{"empty IDs match nothing", Permissions{BlockedUsers: []string{""}}, Asker{User: "", Channels: []string{""}}, Allowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Decide(tt.a); got != tt.want {
				t.Errorf("Decide(%+v) = %d, want %d", tt.a, got, tt.want)
			}
		})
	}
}

// TestPermissionsOnTheWire: in a channel where the bot is not enabled, a
// slash command is answered ephemerally that it is not enabled here and a
// mention is ignored; a blocked role hears, ephemerally, that it may not
// ask; the engine is asked only where it may be; new permissions apply at
// once (a reload); nothing pings.
func TestPermissionsOnTheWire(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answer: cited("Rubio led [1].")}
	h := start(t, eng, Options{Permissions: &Permissions{AllowedChannels: []string{"c1"}, BlockedRoles: []string{"trolls"}}})
	refusal := func(id string) (string, int) {
		t.Helper()
		p := decode(t, h.f.wait(callbackOf(id), 1, 5*time.Second)[0])
		if p.Type != int(discordgo.InteractionResponseChannelMessageWithSource) {
			t.Errorf("interaction %s answered with type %d; want a message at once", id, p.Type)
		}
		return p.Data.Content, p.Data.Flags
	}
	elsewhere := slash("4000", "u1", "ask", strOpt("question", "Who led?"))
	elsewhere["channel_id"] = "c2"
	h.f.dispatch("INTERACTION_CREATE", elsewhere)
	if msg, flags := refusal("4000"); msg != msgNotHere || flags != int(discordgo.MessageFlagsEphemeral) {
		t.Errorf("in a channel not enabled: %q (flags %d)", msg, flags)
	}
	troll := slash("4001", "u2", "ask", strOpt("question", "Who led?"))
	troll["member"].(map[string]any)["roles"] = []string{"trolls"}
	h.f.dispatch("INTERACTION_CREATE", troll)
	if msg, flags := refusal("4001"); msg != msgNotYou || flags != int(discordgo.MessageFlagsEphemeral) {
		t.Errorf("a blocked role: %q (flags %d)", msg, flags)
	}
	m := mention("m4002", "u3", "<@"+botUserID+"> who led?")
	m["channel_id"] = "c2"
	h.f.dispatch("MESSAGE_CREATE", m)
	// Allowed: the channel enabled, no blocked role.
	h.f.dispatch("INTERACTION_CREATE", slash("4003", "u1", "ask", strOpt("question", "Who led?")))
	if got := decode(t, h.f.wait(editOf("tok-4003"), 1, 5*time.Second)[0]).Content; !strings.Contains(got, "Rubio led") {
		t.Errorf("an allowed question: %q", got)
	}
	// A reload opens c2: the same question there is answered.
	h.b.SetPermissions(DefaultPermissions())
	again := slash("4004", "u1", "ask", strOpt("question", "Who led?"))
	again["channel_id"] = "c2"
	h.f.dispatch("INTERACTION_CREATE", again)
	h.f.wait(editOf("tok-4004"), 1, 5*time.Second)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(h.logs.String(), "message ignored by the permissions"); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the mention in a channel not enabled was not seen; logs:\n%s", h.logs.String())
		}
	}
	h.stop()
	if posts := h.f.requests(channelPosts); len(posts) != 0 {
		t.Errorf("the mention in a channel not enabled was answered: %d posts", len(posts))
	}
	if n := len(eng.asked()); n != 2 {
		t.Errorf("the engine was asked %d questions, want 2 (the allowed ones)", n)
	}
	h.f.checkNoPings(t)
}
