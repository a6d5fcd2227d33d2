package discord

import (
	"slices"

	"github.com/bwmarrin/discordgo"
)

// Permissions say who may ask the bot, and where, as llmcord's
// `permissions` do (github.com/jakobdylanc/llmcord, config-example.yaml):
// lists of allowed and blocked user, role and channel IDs, admin users, and
// direct messages on or off. Empty allowed lists allow everyone; a blocked
// ID always refuses. The zero value allows everyone everywhere except in
// direct messages; DefaultPermissions allows those too.
type Permissions struct {
	AllowDMs bool

	AdminUsers      []string // may ask in direct messages even when they are off
	AllowedUsers    []string
	BlockedUsers    []string
	AllowedRoles    []string
	BlockedRoles    []string
	AllowedChannels []string
	BlockedChannels []string
}

// DefaultPermissions let everyone ask everywhere, direct messages included.
func DefaultPermissions() Permissions { return Permissions{AllowDMs: true} }

// Asker is who asks, and where, as Permissions read it.
type Asker struct {
	User     string
	Roles    []string // the member's roles; none in direct messages
	Channels []string // the channel (and its parent, when known)
	DM       bool     // a direct message: no server, no roles
}

// Verdict is what the permissions decide about an asker.
type Verdict int

const (
	// Allowed: the bot answers.
	Allowed Verdict = iota
	// NotHere: the bot does not speak in this channel (or in direct
	// messages): slash commands are told so, mentions are ignored.
	NotHere
	// NotYou: this user (or one of their roles) may not ask.
	NotYou
)

// Decide decides as llmcord does. A user is good when they are an admin,
// when no allowed list applies (in direct messages the allowed users; in a
// server the allowed users and roles), or when they or one of their roles
// is allowed; and refused when not good, or blocked by ID or role. A
// channel is good in direct messages when they are on or the user is an
// admin; in a server when no channel is listed as allowed or one of its
// IDs is; and refused when not good or one of its IDs is blocked. The
// channel is decided first: where the bot does not speak, it says nothing
// about the user.
func (p Permissions) Decide(a Asker) Verdict {
	in := func(list []string, ids ...string) bool {
		for _, id := range ids {
			if id != "" && slices.Contains(list, id) {
				return true
			}
		}
		return false
	}
	admin := in(p.AdminUsers, a.User)

	var goodChannel bool
	if a.DM {
		goodChannel = admin || p.AllowDMs
	} else {
		goodChannel = len(p.AllowedChannels) == 0 || in(p.AllowedChannels, a.Channels...)
	}
	if !goodChannel || in(p.BlockedChannels, a.Channels...) {
		return NotHere
	}

	allowAll := len(p.AllowedUsers) == 0 && (a.DM || len(p.AllowedRoles) == 0)
	goodUser := admin || allowAll || in(p.AllowedUsers, a.User) || in(p.AllowedRoles, a.Roles...)
	if !goodUser || in(p.BlockedUsers, a.User) || in(p.BlockedRoles, a.Roles...) {
		return NotYou
	}
	return Allowed
}

// What people are told when the permissions refuse them, ephemerally.
const (
	msgNotHere = "I'm not enabled here; ask me in a channel where I am."
	msgNotYou  = "Sorry, you are not among the people who may ask me questions here."
)

// SetPermissions replaces who may ask, and where; the next interaction or
// message is decided by p. Safe to call while the bot runs (a reload).
func (b *Bot) SetPermissions(p Permissions) {
	b.perms.Store(&p)
}

// permissions are the ones in force.
func (b *Bot) permissions() Permissions {
	if p := b.perms.Load(); p != nil {
		return *p
	}
	return DefaultPermissions()
}

// interactionAsker is who sent an interaction, and where.
func interactionAsker(in *discordgo.Interaction) Asker {
	a := Asker{User: userOf(in), Channels: []string{in.ChannelID}, DM: in.GuildID == ""}
	if in.Member != nil {
		a.Roles = in.Member.Roles
	}
	return a
}

// messageAsker is who sent a message, and where.
func messageAsker(m *discordgo.Message) Asker {
	a := Asker{Channels: []string{m.ChannelID}, DM: m.GuildID == ""}
	if m.Author != nil {
		a.User = m.Author.ID
	}
	if m.Member != nil {
		a.Roles = m.Member.Roles
	}
	return a
}
