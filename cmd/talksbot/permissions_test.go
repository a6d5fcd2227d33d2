package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/discord"
)

func TestAccessConfig(t *testing.T) {
	const llmcordStyle = `
allow_dms: false
permissions:
  users:
    admin_ids: [111111111111111111]
    allowed_ids: []
    blocked_ids: ["222222222222222222"]
  roles:
    allowed_ids: [333]
    blocked_ids:
  channels:
    allowed_ids: [444, 555]
    blocked_ids: []
`
	tests := []struct {
		name    string
		file    string // "" : no --config
		args    []string
		want    discord.Permissions
		wantErr string
	}{
		{"no file, no flags: everyone, everywhere", "", nil, discord.DefaultPermissions(), ""},
		{"llmcord's shape, IDs as numbers or strings", llmcordStyle, nil, discord.Permissions{
			AdminUsers: []string{"111111111111111111"}, BlockedUsers: []string{"222222222222222222"},
			AllowedRoles: []string{"333"}, AllowedChannels: []string{"444", "555"}}, ""},
		{"a flag wins over the file", llmcordStyle, []string{"--allowed-channels", "666", "--allow-dms"}, discord.Permissions{
			AllowDMs: true, AdminUsers: []string{"111111111111111111"}, BlockedUsers: []string{"222222222222222222"},
			AllowedRoles: []string{"333"}, AllowedChannels: []string{"666"}}, ""},
		{"flags alone", "", []string{"--blocked-roles=7,8", "--allow-dms=false"}, discord.Permissions{BlockedRoles: []string{"7", "8"}}, ""},
		{"an empty file", "\n", nil, discord.DefaultPermissions(), ""},
		{"a misspelt key is an error", "permissions:\n  channels:\n    alowed_ids: [1]\n", nil, discord.Permissions{}, "alowed_ids"},
		{"a name is not an ID", "permissions:\n  users:\n    blocked_ids: [troll]\n", nil, discord.Permissions{}, `"troll" is not a Discord ID`},
		{"a single ID, not a list", "permissions:\n  users:\n    blocked_ids: 123\n", nil, discord.Permissions{}, "want a list of IDs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("discord", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var a accessFlags
			a.register(fs, func(string) string { return "" })
			args := tt.args
			if tt.file != "" {
				path := filepath.Join(t.TempDir(), "talksbot.yaml")
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append([]string{"--config", path}, args...)
			}
			if err := fs.Parse(args); err != nil {
				t.Fatal(err)
			}
			got, err := a.permissions()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	// A bad ID in a flag is a usage error.
	fs := flag.NewFlagSet("discord", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a accessFlags
	a.register(fs, func(string) string { return "" })
	if err := fs.Parse([]string{"--blocked-users", "troll"}); err == nil {
		t.Errorf("--blocked-users troll was taken")
	}
}
