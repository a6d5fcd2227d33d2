package discord

import (
	"context"
	"log/slog"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// onMessage answers messages that mention the bot, reply to one of its
// answers (a follow-up: the reply chain is the conversation), or come in a
// direct message.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	me := b.user()
	if m == nil || m.Author == nil || m.Author.Bot || m.WebhookID != "" || m.Author.ID == me || me == "" {
		return
	}
	mentioned := false
	for _, u := range m.Mentions {
		if u != nil && u.ID == me {
			mentioned = true
		}
	}
	replyToMe := m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == me
	if !mentioned && !replyToMe && m.GuildID != "" {
		return
	}
	log := b.log.With("message", m.ID, "user", m.Author.ID, "guild", m.GuildID, "channel", m.ChannelID)
	defer b.recover(log)
	// A message cannot be answered ephemerally: where the bot may not
	// speak, or to whom it may not answer, it says nothing.
	if v := b.permissions().Decide(messageAsker(m)); v != Allowed {
		log.Debug("message ignored by the permissions", "verdict", int(v))
		return
	}
	if !b.begin() {
		return // shutting down: a reply would only say so, and may never arrive
	}
	defer b.wg.Done()
	ctx := context.Background()
	question := stripMentions(m.Content, me)
	if question == "" {
		if mentioned && !replyToMe {
			b.reply(ctx, log, m, msgEmpty)
		} else {
			log.Debug("empty follow-up; without the message content intent, replies that do not ping the bot carry no text")
		}
		return
	}
	if n := len([]rune(question)); n > b.opts.MaxQuestion {
		b.reply(ctx, log, m, tooLong(n, b.opts.MaxQuestion))
		return
	}
	if ok, retry, tell := b.limits.allow(m.Author.ID); !ok {
		log.Info("rate limited", "retry", retry, "told", tell)
		if tell {
			b.reply(ctx, log, m, slowDown(retry))
		}
		return
	}
	if err := b.do(ctx, "typing", false, func(opts ...discordgo.RequestOption) error {
		return b.s.ChannelTyping(m.ChannelID, opts...)
	}); err != nil {
		log.Debug("typing indicator", "err", err)
	}
	q := bot.Question{Text: question}
	if replyToMe {
		q.History = b.history(ctx, log, m)
		log = log.With("follow_up_turns", len(q.History))
	}
	b.answer(log, &replyOutput{b: b, channelID: m.ChannelID, replyTo: m.ID}, q, false)
}

// reply answers m with one sentence.
func (b *Bot) reply(ctx context.Context, log *slog.Logger, m *discordgo.Message, msg string) {
	if _, err := b.send(ctx, m.ChannelID, m.ID, msg, 0); err != nil {
		log.Error("reply", "err", err)
	}
}

var mentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// stripMentions removes the mentions of the bot from text.
func stripMentions(text, me string) string {
	text = mentionRE.ReplaceAllStringFunc(text, func(s string) string {
		if mentionRE.FindStringSubmatch(s)[1] == me {
			return " "
		}
		return s
	})
	return strings.TrimSpace(strings.Join(strings.Fields(text), " "))
}

// history reads the conversation that m replies to: the reply chain, up to
// ChainDepth messages, fetched from Discord (no database), oldest first.
func (b *Bot) history(ctx context.Context, log *slog.Logger, m *discordgo.Message) []bot.Turn {
	var chain []*discordgo.Message
	for cur := m.ReferencedMessage; cur != nil && len(chain) < b.opts.ChainDepth; {
		chain = append(chain, cur)
		ref := cur.MessageReference
		if ref == nil || ref.MessageID == "" {
			break
		}
		if cur.ReferencedMessage != nil && cur.ReferencedMessage.ID == ref.MessageID {
			cur = cur.ReferencedMessage
			continue
		}
		channel := ref.ChannelID
		if channel == "" {
			channel = cur.ChannelID
		}
		var next *discordgo.Message
		err := b.do(ctx, "fetch message", true, func(opts ...discordgo.RequestOption) error {
			var err error
			next, err = b.s.ChannelMessage(channel, ref.MessageID, opts...)
			return err
		})
		if err != nil {
			log.Warn("reply chain cut short", "err", err, "depth", len(chain))
			break
		}
		cur = next
	}
	return turns(chain, b.user())
}

// turns reads a reply chain, newest message first, as the turns of a
// conversation, oldest first. The bot's messages are answers (the question
// quoted on their first line, for /ask answers, or the message they reply
// to); the others are questions.
func turns(chain []*discordgo.Message, me string) []bot.Turn {
	var out []bot.Turn
	pending := ""
	for i := len(chain) - 1; i >= 0; i-- {
		c := chain[i]
		if c == nil || c.Author == nil {
			continue
		}
		if c.Author.ID != me {
			pending = stripMentions(c.Content, me)
			continue
		}
		q, a := parseAnswer(c.Content)
		if q == "" {
			q = pending
		}
		pending = ""
		if q != "" || a != "" {
			out = append(out, bot.Turn{Question: q, Answer: a})
		}
	}
	return out
}

// parseAnswer splits one of the bot's answers into the question it quotes
// (if any) and the answer text without its sources.
func parseAnswer(content string) (question, answer string) {
	if strings.HasPrefix(content, questionQuote) {
		line, rest, _ := strings.Cut(content, "\n")
		question = markdownUnescaper.Replace(strings.TrimSpace(strings.TrimPrefix(line, questionQuote)))
		content = rest
	}
	if i := strings.Index(content, sourcesHeader); i >= 0 {
		content = content[:i]
	}
	return question, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(content), "…"))
}
