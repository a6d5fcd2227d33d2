// Package discord is the Discord front end of the bot: slash commands (/ask,
// /timeline, /sources, /help), answers to mentions, and follow-ups asked by
// replying to an answer. It is the only package that imports discordgo.
//
// Every interaction is acknowledged at once (deferred) and then edited with
// the answer; an LLM answer streams by editing about once a second, each
// partial edit marked as unfinished with its sources not yet checked, until
// the checked answer replaces it. Every
// message, edit and follow-up carries allowed mentions with an empty parse
// list, so nothing the articles, a user or an LLM writes can ping anyone.
// Per-user rate limits, a cap on concurrent answers and a cap on question
// length protect the bot; people see one plain sentence when something goes
// wrong, and the details go to the log.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/feedback"
)

// Engine is what the Discord front end needs of the bot. *bot.Engine
// satisfies it; tests use a fake.
type Engine interface {
	// AskStream answers a question, calling onDelta with pieces of an LLM
	// answer as they come; an error from onDelta stops the stream.
	AskStream(ctx context.Context, q bot.Question, onDelta func(string) error) (*bot.Answer, error)
	// Sources lists the articles answers come from.
	Sources() []bot.Source
	// Timeline returns the dated events that pass the filter.
	Timeline(ctx context.Context, f bot.TimelineFilter) ([]bot.Event, error)
}

// Defaults for Options, chosen for a bot in a handful of busy servers on
// Discord's own limits (3 s to acknowledge, 15 minutes per interaction token,
// about 5 edits per 5 s per message).
const (
	DefaultUserBurst      = 3                // questions a user may ask at once
	DefaultUserEvery      = 20 * time.Second // then one more per this long
	DefaultMaxConcurrent  = 8                // answers being made at once
	DefaultQueueWait      = 60 * time.Second // longest wait for a free slot before "busy"
	DefaultAnswerTimeout  = 90 * time.Second // deadline of one answer, LLM included
	DefaultRESTTimeout    = 10 * time.Second // deadline of one call to Discord
	DefaultStreamEvery    = time.Second      // least time between two edits of a streaming answer
	DefaultShutdownGrace  = 10 * time.Second // how long answers in flight may finish on shutdown
	DefaultChainDepth     = 6                // messages of a reply chain read for a follow-up
	DefaultMaxRateWait    = 10 * time.Second // longest 429 wait honoured before giving up
	DefaultConnectTimeout = 30 * time.Second // longest wait for the gateway to say HELLO and READY
	DefaultMaxReconnect   = 2 * time.Minute  // longest wait between two attempts to reconnect
	DefaultMaxQuestion    = bot.DefaultMaxQuestion
)

// Options configure a Bot. Zero values mean the defaults.
type Options struct {
	// Token is the bot token (with or without its "Bot " prefix). Required.
	Token string
	// GuildID registers the commands in that server only (at once);
	// empty registers them globally.
	GuildID string
	// APIURL points the bot at a Discord-compatible server, or a test fake:
	// every REST call goes to its scheme and host instead of discord.com's,
	// and the gateway URL is what that server's /api/v9/gateway says.
	APIURL string
	// ShardID and ShardCount shard the gateway connection; one process per
	// shard. Commands are registered by shard 0 only.
	ShardID, ShardCount int
	// MessageContent asks for the privileged message content intent, needed
	// to read replies to the bot that do not ping it. Mentions and direct
	// messages carry their content without it.
	MessageContent bool
	// HTTPClient is the client for REST calls; its transport is wrapped.
	HTTPClient *http.Client

	MaxQuestion   int           // characters
	UserBurst     int           // per-user token bucket size
	UserEvery     time.Duration // per-user token refill period
	MaxConcurrent int
	QueueWait     time.Duration
	AnswerTimeout time.Duration
	RESTTimeout   time.Duration
	StreamEvery   time.Duration
	ShutdownGrace time.Duration
	ChainDepth    int
	MaxRateWait   time.Duration
	// ConnectTimeout bounds connecting to the gateway, from asking for its
	// URL to its READY; a gateway that accepts the websocket and stays
	// silent would otherwise hang Run for ever.
	ConnectTimeout time.Duration
	// MaxReconnectWait caps the wait between attempts to reconnect to the
	// gateway, which doubles from a second.
	MaxReconnectWait time.Duration
	// Votes records the 👍 and 👎 people give answers; nil: answers carry
	// no vote buttons.
	Votes Votes
	// Permissions say who may ask, and where; nil: DefaultPermissions
	// (everyone, everywhere). SetPermissions changes them while running.
	Permissions *Permissions
}

// Votes records votes on answers. *feedback.Log satisfies it; it hashes
// the user's ID, which it never stores.
type Votes interface {
	Add(v feedback.Vote, userID string) error
}

// corpusVersion names the articles eng answers from, when it knows
// (*reload.Reloader does), else "".
func corpusVersion(eng Engine) string {
	if v, ok := eng.(interface{ Version() string }); ok {
		return v.Version()
	}
	return ""
}

func (o *Options) defaults() {
	set := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	setD := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	set(&o.MaxQuestion, DefaultMaxQuestion)
	set(&o.UserBurst, DefaultUserBurst)
	set(&o.MaxConcurrent, DefaultMaxConcurrent)
	set(&o.ChainDepth, DefaultChainDepth)
	set(&o.ShardCount, 1)
	setD(&o.UserEvery, DefaultUserEvery)
	setD(&o.QueueWait, DefaultQueueWait)
	setD(&o.AnswerTimeout, DefaultAnswerTimeout)
	setD(&o.RESTTimeout, DefaultRESTTimeout)
	setD(&o.StreamEvery, DefaultStreamEvery)
	setD(&o.ShutdownGrace, DefaultShutdownGrace)
	setD(&o.MaxRateWait, DefaultMaxRateWait)
	setD(&o.ConnectTimeout, DefaultConnectTimeout)
	setD(&o.MaxReconnectWait, DefaultMaxReconnect)
}

// What people are told, in one plain sentence each.
const (
	msgRestarting         = "The bot is restarting; please ask again in a minute."
	msgBusy               = "I'm answering a lot of questions right now; please try again in a minute."
	msgFailed             = "Something went wrong while I was answering; please try again."
	msgTimeout            = "That took me too long to answer; please try again, perhaps with a shorter question."
	msgNoAnswer           = "I have no answer to that."
	msgUndelivered        = "Sorry, something went wrong delivering the answer; please ask again."
	msgIncomplete         = "This is incomplete: the rest could not be delivered; please ask again."
	msgTimelineIncomplete = "This timeline is incomplete: its later parts could not be delivered; please run /timeline again."
	msgEmpty              = "Ask me a question about the February 2025 US–Russia talks in Riyadh, e.g. “Who led the U.S. delegation?”"
)

// Bot is a running Discord front end over an Engine.
type Bot struct {
	log     *slog.Logger
	eng     Engine
	opts    Options
	s       *discordgo.Session
	client  *http.Client
	limits  *limiter
	slots   chan struct{}
	answers *answerCache
	perms   atomic.Pointer[Permissions]

	readyOnce sync.Once
	ready     chan struct{}
	idMu      sync.RWMutex
	botID     string
	appID     string

	mu      sync.Mutex
	closing bool
	wg      sync.WaitGroup

	// work is the context of answers in flight: cancelled when the
	// shutdown grace is over.
	work       context.Context
	cancelWork context.CancelFunc

	// gwConn is the gateway's latest network connection, closed to end an
	// Open that waits too long.
	gwMu   sync.Mutex
	gwConn net.Conn

	// dropped says the gateway connection was lost (discordgo's Disconnect
	// event); Run reconnects, discordgo does not (see reconnect).
	dropped chan struct{}
	// refused carries the error that ends Run when Discord refuses the bot
	// for good: a REST 401 to the bot's token.
	refused chan error
}

// ErrRefused is the error Run returns when Discord refuses the bot for good:
// the token is wrong or was revoked (REST 401, gateway close code 4004), or
// the gateway will not take the session as configured (close codes 4010 to
// 4014: shards, API version, intents). Retrying cannot help; the operator
// must act, so the bot stops instead of reconnecting for ever.
var ErrRefused = errors.New("discord refused the bot")

// New returns a bot over eng; Run connects it.
func New(log *slog.Logger, eng Engine, opts Options) (*Bot, error) {
	opts.defaults()
	token := strings.TrimSpace(opts.Token)
	if token == "" {
		return nil, errors.New("no bot token (set DISCORD_TOKEN)")
	}
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	if opts.ShardID < 0 || opts.ShardID >= opts.ShardCount {
		return nil, fmt.Errorf("shard %d is not below the shard count %d", opts.ShardID, opts.ShardCount)
	}
	var api *url.URL
	if opts.APIURL != "" {
		u, err := url.Parse(opts.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("discord API URL %q: want http(s)://host[:port]", opts.APIURL)
		}
		api = u
	}
	base := opts.HTTPClient
	if base == nil {
		base = &http.Client{Timeout: 2 * opts.RESTTimeout}
	}
	rt := base.Transport
	if rt == nil {
		rt = http.DefaultTransport.(*http.Transport).Clone()
	}
	tr := &transport{base: rt, api: api, maxReset: opts.MaxRateWait}
	client := &http.Client{Timeout: base.Timeout, Jar: base.Jar, CheckRedirect: base.CheckRedirect, Transport: tr}

	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	dialer := *websocket.DefaultDialer
	s.Dialer = &dialer
	s.Debug = false // Debug logs request headers, the token among them
	s.LogLevel = discordgo.LogWarning
	s.Client = client
	s.ShouldRetryOnRateLimit = false // 429s are retried, boundedly, by Bot.do
	s.MaxRestRetries = 1
	s.StateEnabled = false // the bot keeps no state of guilds or messages
	// discordgo would reconnect for ever, its wait doubling to 10 minutes,
	// even when Discord has revoked the token; Run reconnects instead, and
	// stops on the close codes that say retrying cannot help.
	s.ShouldReconnectOnError = false
	s.ShardID, s.ShardCount = opts.ShardID, opts.ShardCount
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if opts.MessageContent {
		s.Identify.Intents |= discordgo.IntentsMessageContent
	}

	b := &Bot{
		log: log, eng: eng, opts: opts, s: s, client: client,
		limits:  newLimiter(opts.UserBurst, opts.UserEvery, time.Now),
		slots:   make(chan struct{}, opts.MaxConcurrent),
		answers: newAnswerCache(2000, 24*time.Hour, time.Now),
		ready:   make(chan struct{}),

		dropped: make(chan struct{}, 1),
		refused: make(chan error, 1),
	}
	if opts.Permissions != nil {
		b.SetPermissions(*opts.Permissions)
	}
	tr.unauthorized = b.unauthorized
	b.work, b.cancelWork = context.WithCancel(context.Background())
	dialer.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			b.gwMu.Lock()
			b.gwConn = c
			b.gwMu.Unlock()
		}
		return c, err
	}
	s.AddHandler(b.onReady)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	s.AddHandler(b.onDisconnect)
	return b, nil
}

// Run connects to Discord, registers the commands and answers until ctx is
// cancelled; then it stops taking questions, lets answers in flight finish
// (for at most the shutdown grace; those still running are ended with a
// "restarting" edit) and closes the connection.
func (b *Bot) Run(ctx context.Context) error {
	deadline := time.Now().Add(b.opts.ConnectTimeout)
	if err := b.open(ctx, deadline); err != nil {
		b.cancelWork()
		if ctx.Err() != nil {
			return nil // stopped while connecting
		}
		if r := refusal(err); r != nil {
			b.log.Error("Discord refused the bot; stopping", "err", r)
			return r
		}
		return fmt.Errorf("connect to the Discord gateway: %w", redact(err))
	}
	defer b.client.CloseIdleConnections()
	// Open has read READY; its handler, which runs apart, may lag a moment.
	select {
	case <-b.ready:
	case <-time.After(max(time.Until(deadline), time.Second)):
		b.shutdown()
		return fmt.Errorf("connect to the Discord gateway: no READY within %v", b.opts.ConnectTimeout)
	case <-ctx.Done():
		b.shutdown()
		return nil
	}
	if b.opts.ShardID == 0 {
		if err := b.register(ctx); err != nil {
			b.shutdown()
			if r := refusal(err); r != nil {
				b.log.Error("Discord refused the bot; stopping", "err", r)
				return r
			}
			return err
		}
	}
	b.log.Info("discord bot running", "user_id", b.user(), "app_id", b.app(), "shard", b.opts.ShardID, "shards", b.opts.ShardCount)
	for {
		var err error
		select {
		case <-ctx.Done():
			b.log.Info("discord bot shutting down")
			b.shutdown()
			return nil
		case err = <-b.refused:
		case <-b.dropped:
			err = b.reconnect(ctx)
		}
		if err != nil {
			b.log.Error("Discord refused the bot; stopping", "err", err)
			b.shutdown()
			return err
		}
	}
}

// reconnect connects the gateway again after the connection was lost,
// resuming the session, until it succeeds or ctx is done (both nil), or
// Discord refuses the bot for good (ErrRefused): then retrying would only
// hammer Discord while the bot answers no one. The wait between attempts
// doubles from a second up to MaxReconnectWait.
//
// discordgo v0.29.0 resumes at the gateway URL it got from GET /gateway,
// not at the resume_gateway_url of READY, as Discord asks: its Ready event
// has no such field and the URL it dials is private to the session. A
// resume there still works; at worst Discord answers it with "invalid
// session", and discordgo identifies afresh (events missed in between are
// lost).
func (b *Bot) reconnect(ctx context.Context) error {
	wait := time.Second
	for attempt := 1; ; attempt++ {
		err := b.open(ctx, time.Now().Add(b.opts.ConnectTimeout))
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			b.log.Info("reconnected to the Discord gateway", "attempt", attempt)
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
		if r := refusal(err); r != nil {
			return r
		}
		b.log.Warn("reconnect to the Discord gateway failed; retrying", "err", redact(err), "attempt", attempt, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil
		case err := <-b.refused:
			t.Stop()
			return err
		}
		wait = min(2*wait, b.opts.MaxReconnectWait)
	}
}

// onDisconnect hears that the gateway connection closed: lost, or closed by
// the bot itself (Run then no longer listens).
func (b *Bot) onDisconnect(*discordgo.Session, *discordgo.Disconnect) {
	select {
	case b.dropped <- struct{}{}:
	default:
	}
}

// unauthorized is told by the transport that Discord answered a call made
// with the bot's token 401: the token is wrong or was revoked.
func (b *Bot) unauthorized(method, path string) {
	err := fmt.Errorf("%w: %s %s answered 401 Unauthorized: the token is wrong or was revoked; reset it and set DISCORD_TOKEN", ErrRefused, method, path)
	select {
	case b.refused <- err:
	default:
	}
}

// fatalCloses are the gateway close codes after which Discord will not take
// the session back; reconnecting cannot help.
var fatalCloses = map[int]string{
	4004: "authentication failed: the token is wrong or was revoked; reset it and set DISCORD_TOKEN",
	4010: "invalid shard: check --shard-id and --shard-count",
	4011: "sharding required: the bot is in too many servers for one shard; run with --shard-count",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents: turn on Message Content in the developer portal, or run without --message-content",
}

// refusal is the ErrRefused error that err amounts to (a fatal gateway
// close code, or a 401 to the bot's token), else nil.
func refusal(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		if why, ok := fatalCloses[ce.Code]; ok {
			return fmt.Errorf("%w: the gateway closed the connection with code %d, %s", ErrRefused, ce.Code, why)
		}
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized &&
		re.Request != nil && !secretPath.MatchString(re.Request.URL.Path) {
		return fmt.Errorf("%w: %s %s answered 401 Unauthorized: the token is wrong or was revoked; reset it and set DISCORD_TOKEN",
			ErrRefused, re.Request.Method, re.Request.URL.Path)
	}
	if errors.Is(err, ErrRefused) {
		return err
	}
	return nil
}

// open opens the session, giving up when ctx is done or the deadline has
// passed first (discordgo's Open takes no context and waits for the
// gateway's HELLO and READY without a deadline): it then closes the
// gateway's connection, which ends Open, and closes a session that opened
// after all.
func (b *Bot) open(ctx context.Context, deadline time.Time) error {
	done := make(chan error, 1)
	go func() { done <- b.s.Open() }()
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	var why error
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		why = ctx.Err()
	case <-t.C:
		why = fmt.Errorf("the gateway did not say HELLO and READY within %v", b.opts.ConnectTimeout)
	}
	b.gwMu.Lock()
	if b.gwConn != nil {
		b.gwConn.Close()
	}
	b.gwMu.Unlock()
	go func() {
		if err := <-done; err == nil {
			b.s.Close()
		}
	}()
	return why
}

// shutdown stops taking work, waits for answers in flight (ending them after
// the grace period), and closes the session.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(b.opts.ShutdownGrace):
		b.log.Warn("answers still in flight after the shutdown grace; ending them")
		b.cancelWork()
		// An answer ends once its engine call returns and it has said why;
		// one that ignores its context must not keep the process up.
		select {
		case <-done:
		case <-time.After(b.opts.ShutdownGrace):
			b.log.Warn("answers still running after being ended; closing anyway")
		}
	}
	b.cancelWork()
	if err := b.s.Close(); err != nil {
		b.log.Warn("close discord session", "err", err)
	}
	b.client.CloseIdleConnections()
}

// begin registers a unit of work; false when the bot is shutting down.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.wg.Add(1)
	return true
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	b.idMu.Lock()
	if r.User != nil {
		b.botID = r.User.ID
	}
	if r.Application != nil {
		b.appID = r.Application.ID
	}
	b.idMu.Unlock()
	b.log.Info("discord gateway ready", "session", r.SessionID != "")
	b.readyOnce.Do(func() { close(b.ready) })
}

func (b *Bot) user() string {
	b.idMu.RLock()
	defer b.idMu.RUnlock()
	return b.botID
}

func (b *Bot) app() string {
	b.idMu.RLock()
	defer b.idMu.RUnlock()
	return b.appID
}

// register overwrites the bot's commands with the current ones, so stale
// commands vanish.
func (b *Bot) register(ctx context.Context) error {
	cmds := commands(b.opts.MaxQuestion)
	err := b.do(ctx, "register commands", true, func(opts ...discordgo.RequestOption) error {
		_, err := b.s.ApplicationCommandBulkOverwrite(b.app(), b.opts.GuildID, cmds, opts...)
		return err
	})
	if err != nil {
		return fmt.Errorf("register slash commands: %w", err)
	}
	where := "globally (may take up to an hour to show)"
	if b.opts.GuildID != "" {
		where = "in guild " + b.opts.GuildID
	}
	b.log.Info("registered slash commands " + where)
	return nil
}

// recover keeps a bug in handling one event from taking the bot down:
// discordgo runs handlers on goroutines of their own, where a panic would
// end the process. Deferred first in each handler.
func (b *Bot) recover(log *slog.Logger) {
	if r := recover(); r != nil {
		log.Error("panic handling a Discord event", "panic", r, "stack", string(debug.Stack()))
	}
}

// noMentions is the allowed mentions of every message: an empty, non-nil
// parse list, which suppresses every ping (a nil list would send null,
// which does not). A fresh value each time, so no one can change it for all.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// LogLibraryTo sends discordgo's own log lines (warnings and errors only: its
// debug lines include the token) to log instead of the standard logger.
// discordgo's logger is global to the process, so main calls this once.
func LogLibraryTo(log *slog.Logger) {
	discordgo.Logger = func(level, _ int, format string, a ...any) {
		msg := secretPath.ReplaceAllString(fmt.Sprintf(format, a...), "${1}<token>")
		switch {
		case level <= discordgo.LogError:
			log.Error(msg)
		case level == discordgo.LogWarning:
			log.Warn(msg)
		default:
			log.Debug(msg)
		}
	}
}
