package discord

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// transport sends discordgo's REST calls to another server when api is set
// (discordgo computes its endpoints at init from discord.com, so changing
// them later changes nothing), and clamps the rate-limit reset that
// discordgo's buckets sleep on without a context, so a bogus header cannot
// stall the bot for longer than maxReset.
type transport struct {
	base     http.RoundTripper
	api      *url.URL
	maxReset time.Duration
	// unauthorized, when set, hears of every 401 to a call made with the
	// bot's token (not an interaction's or webhook's token, whose 401 means
	// only that the interaction expired).
	unauthorized func(method, path string)
}

func (t *transport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.api != nil {
		r = r.Clone(r.Context())
		r.URL.Scheme = t.api.Scheme
		r.URL.Host = t.api.Host
		if p := strings.TrimSuffix(t.api.Path, "/"); p != "" {
			r.URL.Path = p + r.URL.Path
		}
		r.Host = ""
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	t.clampReset(resp.Header)
	if resp.StatusCode == http.StatusUnauthorized && t.unauthorized != nil && !secretPath.MatchString(r.URL.Path) {
		t.unauthorized(r.Method, r.URL.Path)
	}
	return resp, nil
}

// clampReset bounds the reset time a response gives its rate-limit bucket
// to maxReset. discordgo prefers X-RateLimit-Reset-After; without it, it
// sleeps until X-RateLimit-Reset (a Unix time, measured against Date) with
// no upper bound, so that one is turned into a bounded Reset-After.
func (t *transport) clampReset(h http.Header) {
	limit := t.maxReset.Seconds()
	after := h.Get("X-RateLimit-Reset-After")
	if after == "" {
		reset := h.Get("X-RateLimit-Reset")
		if reset == "" {
			return
		}
		h.Del("X-RateLimit-Reset")
		at, err := strconv.ParseFloat(reset, 64)
		if err != nil {
			after = "bogus" // clamped below
		} else {
			now := time.Now()
			if d, err := http.ParseTime(h.Get("Date")); err == nil {
				now = d
			}
			after = strconv.FormatFloat(at-float64(now.UnixNano())/1e9, 'f', 3, 64)
		}
	}
	f, err := strconv.ParseFloat(after, 64)
	switch {
	case err != nil || f != f || f > limit: // f != f: NaN
		f = limit
	case f < 0:
		f = 0
	case after == h.Get("X-RateLimit-Reset-After"):
		return // a sound header is left as it is
	}
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(f, 'f', 3, 64))
}

// maxAttempts bounds the tries of one REST call that Discord rate-limits.
const maxAttempts = 4

// maxServerRetries bounds the retries of an idempotent REST call that
// Discord answers with a 5xx; serverBackoff is the wait before the first.
const (
	maxServerRetries = 2
	serverBackoff    = 250 * time.Millisecond
)

// do runs one REST call with a deadline, retrying it when Discord answers
// 429 (waiting what it says, up to MaxRateWait, and giving up after
// maxAttempts) and, when the call is idempotent (edits, GETs, PUTs; never a
// POST, which could post twice), when it answers 500, 502, 503 or 504 (at
// most maxServerRetries times, with jittered backoff). It never sleeps past
// ctx. Other errors are returned at once, with any interaction token in them
// redacted.
func (b *Bot) do(ctx context.Context, op string, idempotent bool, call func(opts ...discordgo.RequestOption) error) error {
	serverRetries := 0
	for attempt := 1; ; attempt++ {
		cctx, cancel := context.WithTimeout(ctx, b.opts.RESTTimeout)
		// discordgo's own retries are off: it would retry a 502 even of a POST.
		err := call(discordgo.WithContext(cctx), discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0))
		cancel()
		if err == nil {
			return nil
		}
		var wait time.Duration
		var rl *discordgo.RateLimitError
		if errors.As(err, &rl) && rl.TooManyRequests != nil {
			wait = rl.RetryAfter
			if wait <= 0 {
				wait = 100 * time.Millisecond
			}
			if attempt >= maxAttempts || wait > b.opts.MaxRateWait {
				return fmt.Errorf("%s: rate limited by Discord for %v after %d attempts", op, rl.RetryAfter, attempt)
			}
			wait += time.Duration(rand.Int64N(int64(50 * time.Millisecond)))
			b.log.Info("rate limited by Discord; waiting", "op", op, "wait", wait, "attempt", attempt)
		} else if status := serverError(err); status != 0 && idempotent && serverRetries < maxServerRetries {
			serverRetries++
			// Exponential, with full jitter in [base/2, base*3/2).
			base := serverBackoff << (serverRetries - 1)
			wait = base/2 + time.Duration(rand.Int64N(int64(base)))
			b.log.Warn("Discord server error; retrying", "op", op, "status", status, "wait", wait, "retry", serverRetries)
		} else {
			return fmt.Errorf("%s: %w", op, redact(err))
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %w (after: %w)", op, ctx.Err(), redact(err))
		}
	}
}

// badGateway matches the error discordgo makes of a 502 it does not retry
// (a plain error, not a RESTError).
var badGateway = regexp.MustCompile(`^Exceeded Max retries HTTP (5\d\d)`)

// serverError is the HTTP status of a call that failed with 500, 502, 503 or
// 504 (the ones worth retrying), else 0.
func serverError(err error) int {
	status := 0
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		status = re.Response.StatusCode
	} else if m := badGateway.FindStringSubmatch(err.Error()); m != nil {
		status, _ = strconv.Atoi(m[1])
	}
	switch status {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return status
	}
	return 0
}

// secretPath matches the interaction and webhook tokens in REST paths.
var secretPath = regexp.MustCompile(`((?:webhooks|interactions)/\d+/)[^/?\s"]+`)

// redactedError is err with interaction tokens taken out of its text, which
// includes the URL when the call failed in transport.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := secretPath.ReplaceAllString(msg, "${1}<token>")
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, err: err}
}

// bucket returns discordgo's rate-limit bucket for calls about one
// interaction. discordgo keys webhook edits by one bucket for the whole bot
// (so they would all wait for each other) and other interaction calls by URL
// (a bucket per interaction, kept for ever); a fixed set of buckets picked by
// token keeps calls about different interactions apart and memory bounded.
func bucket(kind, token string) string {
	h := fnv.New32a()
	h.Write([]byte(token))
	return "talksbot-" + kind + "-" + strconv.Itoa(int(h.Sum32()%64))
}

// respond answers an interaction at once: deferred (content empty) or with
// content, ephemeral when asked.
func (b *Bot) respond(ctx context.Context, in *discordgo.Interaction, typ discordgo.InteractionResponseType, content string, ephemeral bool) error {
	data := &discordgo.InteractionResponseData{Content: content, AllowedMentions: noMentions()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	resp := discordgo.InteractionResponse{Type: typ, Data: data}
	endpoint := discordgo.EndpointInteractionResponse(in.ID, in.Token)
	return b.do(ctx, "respond to interaction", false, func(opts ...discordgo.RequestOption) error {
		_, err := b.s.RequestWithBucketID(http.MethodPost, endpoint, resp, bucket("cb", in.Token), opts...)
		return err
	})
}

// controls are the buttons under a message.
type controls uint8

const (
	ctlQuotes controls = 1 << iota // "Show quotes"
	ctlVotes                       // 👍 and 👎
)

// buttons returns the components of a message: the buttons c asks for, or
// none (an empty list, which also removes earlier ones on an edit).
func buttons(c controls) []discordgo.MessageComponent {
	if c == 0 {
		return []discordgo.MessageComponent{}
	}
	var row []discordgo.MessageComponent
	if c&ctlQuotes != 0 {
		row = append(row, discordgo.Button{Label: "Show quotes", Style: discordgo.SecondaryButton, CustomID: quotesButton})
	}
	if c&ctlVotes != 0 {
		row = append(row,
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: voteUpButton},
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: voteDownButton})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// editOriginal replaces the content of the interaction's response.
func (b *Bot) editOriginal(ctx context.Context, in *discordgo.Interaction, content string, c controls) (*discordgo.Message, error) {
	comps := buttons(c)
	edit := discordgo.WebhookEdit{Content: &content, Components: &comps, AllowedMentions: noMentions()}
	endpoint := discordgo.EndpointWebhookMessage(b.appOf(in), in.Token, "@original")
	var m *discordgo.Message
	err := b.do(ctx, "edit interaction response", true, func(opts ...discordgo.RequestOption) error {
		body, err := b.s.RequestWithBucketID(http.MethodPatch, endpoint, edit, bucket("wh", in.Token), opts...)
		if err != nil {
			return err
		}
		m = new(discordgo.Message)
		if err := discordgo.Unmarshal(body, m); err != nil {
			m = nil // the edit was made; only its echo is unreadable
		}
		return nil
	})
	return m, err
}

// attachment is a file sent with a message.
type attachment struct {
	name, contentType string
	data              []byte
}

// pictureEdit is the payload of an edit that carries a file: the message's
// attachments become exactly the one uploaded (id 0 names files[0]), so a
// retried edit replaces the picture rather than adding a second.
type pictureEdit struct {
	Content         string                            `json:"content"`
	Components      []discordgo.MessageComponent      `json:"components"`
	Attachments     []pictureRef                      `json:"attachments"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

type pictureRef struct {
	ID       string `json:"id"`
	Filename string `json:"filename"`
}

// editOriginalFile replaces the interaction's response with content and one
// attached file, sent as multipart/form-data (payload_json and files[0]).
func (b *Bot) editOriginalFile(ctx context.Context, in *discordgo.Interaction, content string, f attachment) (*discordgo.Message, error) {
	edit := pictureEdit{Content: content, Components: buttons(0),
		Attachments: []pictureRef{{ID: "0", Filename: f.name}}, AllowedMentions: noMentions()}
	ctype, body, err := discordgo.MultipartBodyWithJSON(edit, []*discordgo.File{{Name: f.name, ContentType: f.contentType, Reader: bytes.NewReader(f.data)}})
	if err != nil {
		return nil, fmt.Errorf("encode the edit with %s: %w", f.name, err)
	}
	endpoint := discordgo.EndpointWebhookMessage(b.appOf(in), in.Token, "@original")
	var m *discordgo.Message
	err = b.do(ctx, "edit interaction response with a file", true, func(opts ...discordgo.RequestOption) error {
		resp, err := b.s.RequestRaw(http.MethodPatch, endpoint, ctype, body, bucket("wh", in.Token), 0, opts...)
		if err != nil {
			return err
		}
		m = new(discordgo.Message)
		if err := discordgo.Unmarshal(resp, m); err != nil {
			m = nil
		}
		return nil
	})
	return m, err
}

// followup sends one more message about an interaction.
func (b *Bot) followup(ctx context.Context, in *discordgo.Interaction, content string, c controls, ephemeral bool) (*discordgo.Message, error) {
	p := discordgo.WebhookParams{Content: content, Components: buttons(c), AllowedMentions: noMentions()}
	if ephemeral {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	endpoint := discordgo.EndpointFollowupMessage(b.appOf(in), in.Token) + "?wait=true"
	var m *discordgo.Message
	err := b.do(ctx, "send follow-up", false, func(opts ...discordgo.RequestOption) error {
		body, err := b.s.RequestWithBucketID(http.MethodPost, endpoint, p, bucket("wh", in.Token), opts...)
		if err != nil {
			return err
		}
		m = new(discordgo.Message)
		if err := discordgo.Unmarshal(body, m); err != nil {
			m = nil
		}
		return nil
	})
	return m, err
}

// appOf is the application an interaction was sent to.
func (b *Bot) appOf(in *discordgo.Interaction) string {
	if in.AppID != "" {
		return in.AppID
	}
	return b.app()
}

// send posts a message in a channel, as a reply to replyTo when it is set.
func (b *Bot) send(ctx context.Context, channelID, replyTo, content string, c controls) (*discordgo.Message, error) {
	ms := &discordgo.MessageSend{Content: content, Components: buttons(c), AllowedMentions: noMentions()}
	if replyTo != "" {
		no := false
		ms.Reference = &discordgo.MessageReference{MessageID: replyTo, ChannelID: channelID, FailIfNotExists: &no}
	}
	var m *discordgo.Message
	err := b.do(ctx, "send message", false, func(opts ...discordgo.RequestOption) error {
		var err error
		m, err = b.s.ChannelMessageSendComplex(channelID, ms, opts...)
		return err
	})
	return m, err
}

// editMessage replaces the content of one of the bot's messages.
func (b *Bot) editMessage(ctx context.Context, channelID, messageID, content string, c controls) error {
	comps := buttons(c)
	me := &discordgo.MessageEdit{ID: messageID, Channel: channelID, Content: &content, Components: &comps, AllowedMentions: noMentions()}
	return b.do(ctx, "edit message", true, func(opts ...discordgo.RequestOption) error {
		_, err := b.s.ChannelMessageEditComplex(me, opts...)
		return err
	})
}
