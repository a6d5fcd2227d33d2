package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/bot/discord"
)

// runDiscord implements "talksbot discord": the Discord bot, until SIGINT or
// SIGTERM, then a graceful shutdown.
func runDiscord(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("discord", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.register(fs, a.getenv)
	var rl reloading
	rl.register(fs)
	var access accessFlags
	access.register(fs, a.getenv)
	var o discord.Options
	fs.StringVar(&o.GuildID, "guild", a.getenv("DISCORD_GUILD"), "register the slash commands in this server only, at once (default: globally)")
	fs.StringVar(&o.APIURL, "discord-api", a.getenv("DISCORD_API"), "base URL of a Discord-compatible server or a test fake (default: discord.com)")
	fs.IntVar(&o.ShardID, "shard-id", 0, "gateway shard of this process")
	fs.IntVar(&o.ShardCount, "shard-count", 1, "number of gateway shards")
	fs.BoolVar(&o.MessageContent, "message-content", false, "request the privileged message content intent (to read follow-ups that do not ping the bot)")
	fs.IntVar(&o.UserBurst, "user-burst", discord.DefaultUserBurst, "questions a user may ask at once")
	fs.DurationVar(&o.UserEvery, "user-every", discord.DefaultUserEvery, "after the burst, one more question per user this often")
	fs.IntVar(&o.MaxConcurrent, "max-concurrent", discord.DefaultMaxConcurrent, "answers made at once; more wait, then hear the bot is busy")
	votesPath := fs.String("feedback", a.getenv("TALKSBOT_FEEDBACK"), "file the 👍/👎 votes on answers are appended to (default: feedback.jsonl in the cache directory; off: no vote buttons)")
	fs.DurationVar(&o.ShutdownGrace, "shutdown-grace", discord.DefaultShutdownGrace, "on SIGINT/SIGTERM, how long answers in flight may finish")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot discord [flags]

Runs the Discord bot: /ask, /timeline, /sources, /help, answers to mentions,
and follow-ups by reply. The bot token comes from DISCORD_TOKEN (never a
flag, never logged). Stops gracefully on SIGINT or SIGTERM. Picks up
articles added, changed or removed in --corpus without a restart (--watch),
and on SIGHUP.

Flags:`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q: discord takes none", pos[0]))
	}
	o.Token = a.getenv("DISCORD_TOKEN")
	if o.Token == "" {
		return fmt.Errorf("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and export its token")
	}
	o.MaxQuestion = cfg.maxQuestion
	o.AnswerTimeout = cfg.timeout
	log := cfg.logger(a.stderr).With("component", "discord")
	discord.LogLibraryTo(log.With("lib", "discordgo"))
	votes, err := voteLog(&cfg, *votesPath, a.getenv, log)
	if err != nil {
		return err
	}
	if votes != nil {
		o.Votes = votes
		log.Info("votes on answers are appended to " + votes.Path())
	}
	perms, err := access.permissions()
	if err != nil {
		return err
	}
	o.Permissions = &perms
	eng, err := a.reloader(ctx, &cfg, rl, log, access.config)
	if err != nil {
		return err
	}
	b, err := discord.New(log, eng, o)
	if err != nil {
		return err
	}
	// Who may ask is read again with the articles; a config file that no
	// longer reads leaves the permissions before in force.
	eng.Also(func(context.Context) error {
		p, err := access.permissions()
		if err != nil {
			return fmt.Errorf("%w; the permissions before stay in force", err)
		}
		b.SetPermissions(p)
		log.Info("permissions reloaded", "allow_dms", p.AllowDMs, "allowed_channels", len(p.AllowedChannels),
			"blocked_channels", len(p.BlockedChannels), "allowed_users", len(p.AllowedUsers), "blocked_users", len(p.BlockedUsers),
			"allowed_roles", len(p.AllowedRoles), "blocked_roles", len(p.BlockedRoles))
		return nil
	})
	start := time.Now()
	err = b.Run(ctx)
	log.Info("discord bot stopped", "uptime", time.Since(start).Round(time.Second))
	return err
}
