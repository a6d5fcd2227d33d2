package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/talksbot/talksbot/bot/discord"
)

// fileConfig is the operator's config file of "talksbot discord"
// (--config): who may ask, and where, in llmcord's shape:
//
//	allow_dms: false
//	permissions:
//	  users:    {admin_ids: [], allowed_ids: [], blocked_ids: []}
//	  roles:    {allowed_ids: [], blocked_ids: []}
//	  channels: {allowed_ids: [], blocked_ids: []}
//
// IDs may be written as numbers or strings. Unknown keys are errors, so a
// misspelt list does not silently let everyone in.
type fileConfig struct {
	AllowDMs    *bool `yaml:"allow_dms"`
	Permissions struct {
		Users struct {
			Admin   ids `yaml:"admin_ids"`
			Allowed ids `yaml:"allowed_ids"`
			Blocked ids `yaml:"blocked_ids"`
		} `yaml:"users"`
		Roles    allowBlock `yaml:"roles"`
		Channels allowBlock `yaml:"channels"`
	} `yaml:"permissions"`
}

type allowBlock struct {
	Allowed ids `yaml:"allowed_ids"`
	Blocked ids `yaml:"blocked_ids"`
}

// ids is a list of Discord IDs (snowflakes), from numbers or strings.
type ids []string

func (l *ids) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.Value == "") {
		*l = nil
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: want a list of IDs, like [123456789012345678]", n.Line)
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || !isID(c.Value) {
			return fmt.Errorf("line %d: %q is not a Discord ID (digits only)", c.Line, c.Value)
		}
		out = append(out, c.Value)
	}
	*l = out
	return nil
}

func isID(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// idFlag is a flag of comma-separated Discord IDs.
type idFlag struct{ ids []string }

func (f *idFlag) String() string { return strings.Join(f.ids, ",") }

func (f *idFlag) Set(v string) error {
	f.ids = nil
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !isID(s) {
			return fmt.Errorf("%q is not a Discord ID (digits only)", s)
		}
		f.ids = append(f.ids, s)
	}
	return nil
}

// accessFlags are the flags of who may ask, and where; each stands for a
// setting of the config file, and wins over it when given.
type accessFlags struct {
	fs       *flag.FlagSet
	config   string
	allowDMs bool
	lists    map[string]*idFlag
}

// The names of the list flags, and where they are in the config file.
var accessLists = []struct{ flag, file, usage string }{
	{"admin-users", "permissions.users.admin_ids", "user IDs that may ask in direct messages even when they are off"},
	{"allowed-users", "permissions.users.allowed_ids", "user IDs that may ask (default: everyone)"},
	{"blocked-users", "permissions.users.blocked_ids", "user IDs that may not ask"},
	{"allowed-roles", "permissions.roles.allowed_ids", "role IDs whose members may ask (default: everyone)"},
	{"blocked-roles", "permissions.roles.blocked_ids", "role IDs whose members may not ask"},
	{"allowed-channels", "permissions.channels.allowed_ids", "channel IDs where the bot answers (default: every channel)"},
	{"blocked-channels", "permissions.channels.blocked_ids", "channel IDs where the bot does not answer"},
}

func (a *accessFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	a.fs = fs
	fs.StringVar(&a.config, "config", getenv("TALKSBOT_CONFIG"), "YAML file of who may ask and where (llmcord's permissions); reloaded with the articles")
	fs.BoolVar(&a.allowDMs, "allow-dms", true, "answer direct messages (config: allow_dms)")
	a.lists = map[string]*idFlag{}
	for _, l := range accessLists {
		f := &idFlag{}
		a.lists[l.flag] = f
		fs.Var(f, l.flag, "comma-separated "+l.usage+" (config: "+l.file+")")
	}
}

// permissions reads the config file (when there is one) and lays the
// flags given on the command line over it.
func (a *accessFlags) permissions() (discord.Permissions, error) {
	p := discord.DefaultPermissions()
	if a.config != "" {
		raw, err := os.ReadFile(a.config)
		if err != nil {
			return p, fmt.Errorf("config file: %w", err)
		}
		var fc fileConfig
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&fc); err != nil && !errors.Is(err, io.EOF) {
			return p, fmt.Errorf("config file %s: %w", a.config, err)
		}
		if fc.AllowDMs != nil {
			p.AllowDMs = *fc.AllowDMs
		}
		pp := fc.Permissions
		p.AdminUsers, p.AllowedUsers, p.BlockedUsers = pp.Users.Admin, pp.Users.Allowed, pp.Users.Blocked
		p.AllowedRoles, p.BlockedRoles = pp.Roles.Allowed, pp.Roles.Blocked
		p.AllowedChannels, p.BlockedChannels = pp.Channels.Allowed, pp.Channels.Blocked
	}
	a.fs.Visit(func(f *flag.Flag) {
		l := a.lists[f.Name]
		switch {
		case f.Name == "allow-dms":
			p.AllowDMs = a.allowDMs
		case l == nil:
		case f.Name == "admin-users":
			p.AdminUsers = l.ids
		case f.Name == "allowed-users":
			p.AllowedUsers = l.ids
		case f.Name == "blocked-users":
			p.BlockedUsers = l.ids
		case f.Name == "allowed-roles":
			p.AllowedRoles = l.ids
		case f.Name == "blocked-roles":
			p.BlockedRoles = l.ids
		case f.Name == "allowed-channels":
			p.AllowedChannels = l.ids
		case f.Name == "blocked-channels":
			p.BlockedChannels = l.ids
		}
	})
	return p, nil
}
