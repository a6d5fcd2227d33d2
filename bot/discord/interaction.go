package discord

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/feedback"
	"github.com/talksbot/talksbot/bot/timeline"
)

// onInteraction handles slash commands and the "Show quotes" button. Every
// interaction is acknowledged at once: deferred when there is work to do,
// answered outright (and ephemerally) when it is refused.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	in := ic.Interaction
	if in == nil {
		return
	}
	log := b.log.With("interaction", in.ID, "user", userOf(in), "guild", in.GuildID)
	defer b.recover(log)
	if !b.begin() {
		b.refuse(log, in, msgRestarting)
		return
	}
	defer b.wg.Done()
	switch b.permissions().Decide(interactionAsker(in)) {
	case NotHere:
		log.Info("refused: the bot is not enabled here", "channel", in.ChannelID)
		b.refuse(log, in, msgNotHere)
		return
	case NotYou:
		log.Info("refused: this user may not ask")
		b.refuse(log, in, msgNotYou)
		return
	}
	switch in.Type {
	case discordgo.InteractionApplicationCommand:
		data := in.ApplicationCommandData()
		log = log.With("command", data.Name)
		switch data.Name {
		case cmdAsk:
			b.cmdAsk(log, in, data)
		case cmdTimeline:
			b.cmdTimeline(log, in, data)
		case cmdSources:
			b.showText(log, in, renderSources(b.eng.Sources()), false)
		case cmdHelp:
			b.showText(log, in, helpText(b.opts.MaxQuestion), true)
		default:
			b.refuse(log, in, fmt.Sprintf("I don't know the command /%s; try /help.", data.Name))
		}
	case discordgo.InteractionMessageComponent:
		switch in.MessageComponentData().CustomID {
		case quotesButton:
			b.showQuotes(log, in)
		case voteUpButton:
			b.vote(log, in, feedback.Up)
		case voteDownButton:
			b.vote(log, in, feedback.Down)
		}
	}
}

// refuse answers an interaction at once with one ephemeral sentence.
func (b *Bot) refuse(log *slog.Logger, in *discordgo.Interaction, msg string) {
	if err := b.respond(context.Background(), in, discordgo.InteractionResponseChannelMessageWithSource, msg, true); err != nil {
		log.Error("refuse interaction", "err", err, "msg", msg)
	}
}

// deferred acknowledges an interaction; the answer comes as an edit.
func (b *Bot) deferred(log *slog.Logger, in *discordgo.Interaction, ephemeral bool) bool {
	if err := b.respond(context.Background(), in, discordgo.InteractionResponseDeferredChannelMessageWithSource, "", ephemeral); err != nil {
		log.Error("acknowledge interaction", "err", err)
		return false
	}
	return true
}

// showText acknowledges and then shows text, split as needed.
func (b *Bot) showText(log *slog.Logger, in *discordgo.Interaction, text string, ephemeral bool) {
	if !b.deferred(log, in, ephemeral) {
		return
	}
	out := &interactionOutput{b: b, in: in, ephemeral: ephemeral}
	b.show(log, out, text, msgIncomplete)
}

// show delivers text in parts; when a part cannot be delivered, it says
// (with incomplete) that what the user sees is not all of it.
func (b *Bot) show(log *slog.Logger, out output, text, incomplete string) {
	parts := Split(text, MaxContent)
	if _, err := out.final(context.Background(), parts, 0); err != nil {
		log.Error("deliver text", "err", err, "parts", len(parts))
		if err := out.failed(context.Background(), incomplete); err != nil {
			log.Error("tell user the text is incomplete", "err", err)
		}
	}
}

func (b *Bot) cmdAsk(log *slog.Logger, in *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	var question string
	var private bool
	for _, o := range data.Options {
		switch {
		case o.Name == optQuestion && o.Type == discordgo.ApplicationCommandOptionString:
			question = strings.TrimSpace(o.StringValue())
		case o.Name == optPrivate && o.Type == discordgo.ApplicationCommandOptionBoolean:
			private = o.BoolValue()
		}
	}
	if question == "" {
		b.refuse(log, in, msgEmpty)
		return
	}
	if n := len([]rune(question)); n > b.opts.MaxQuestion {
		b.refuse(log, in, tooLong(n, b.opts.MaxQuestion))
		return
	}
	if ok, retry, _ := b.limits.allow(userOf(in)); !ok {
		log.Info("rate limited", "retry", retry)
		b.refuse(log, in, slowDown(retry))
		return
	}
	if !b.deferred(log, in, private) {
		return
	}
	b.answer(log, &interactionOutput{b: b, in: in, ephemeral: private}, bot.Question{Text: question}, true)
}

func (b *Bot) cmdTimeline(log *slog.Logger, in *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	var f bot.TimelineFilter
	for _, o := range data.Options {
		// Every option of /timeline is a string; StringValue panics on
		// anything else, which a stale or forged command could send.
		if o.Type != discordgo.ApplicationCommandOptionString {
			log.Warn("ignoring a /timeline option that is not a string", "option", o.Name, "type", int(o.Type))
			continue
		}
		v := strings.TrimSpace(o.StringValue())
		switch o.Name {
		case optFrom, optTo:
			if v == "" {
				continue
			}
			d, err := time.Parse(time.DateOnly, v)
			if err != nil {
				b.refuse(log, in, fmt.Sprintf("I can't read the date %q; write it as YYYY-MM-DD, like 2025-02-18.", v))
				return
			}
			if o.Name == optFrom {
				f.From = d
			} else {
				f.To = d
			}
		case optAbout:
			f.About = v
		}
	}
	if ok, retry, _ := b.limits.allow(userOf(in)); !ok {
		b.refuse(log, in, slowDown(retry))
		return
	}
	if !b.deferred(log, in, false) {
		return
	}
	ctx, cancel := context.WithTimeout(b.work, b.opts.AnswerTimeout)
	evs, err := b.eng.Timeline(ctx, f)
	cancel()
	var text string
	out := &interactionOutput{b: b, in: in}
	if err != nil {
		// Until the timeline engine lands (or when it fails), say so and
		// show what there is: the articles, by date.
		log.Warn("timeline unavailable", "err", err)
		text = timelineFallback(b.eng.Sources(), f)
	} else {
		text = renderTimeline(evs, f)
		out.picture = timelinePicture(log, evs, f)
	}
	b.show(log, out, text, msgTimelineIncomplete)
}

// maxPictureEvents is the most events /timeline draws: a row each, so more
// would make a picture too tall to read in Discord's preview; the text
// still lists them all.
const maxPictureEvents = 120

// timelinePicture draws events as a PNG to show above the timeline's text,
// or returns nil when there is nothing to draw (or too much).
func timelinePicture(log *slog.Logger, evs []bot.Event, f bot.TimelineFilter) (p *picture) {
	if len(evs) == 0 || len(evs) > maxPictureEvents {
		return nil
	}
	// The picture is an extra: a bug in drawing must not lose the text.
	defer func() {
		if r := recover(); r != nil {
			log.Error("panic drawing the timeline; sending the text alone", "panic", r)
			p = nil
		}
	}()
	title := "Timeline" + describeFilterPlain(f)
	var buf bytes.Buffer
	_, err := timeline.WritePNG(&buf, evs, title)
	if err != nil {
		log.Warn("draw the timeline; sending the text alone", "err", err)
		return nil
	}
	return &picture{caption: "**Timeline**" + describeFilter(f),
		file: attachment{name: "timeline.png", contentType: "image/png", data: buf.Bytes()}}
}

// timelineFallback is what /timeline shows without a timeline: the articles
// published in the range, by date.
func timelineFallback(ss []bot.Source, f bot.TimelineFilter) string {
	var in []bot.Source
	for _, s := range ss {
		d, err := time.Parse(time.DateOnly, s.Published)
		if err == nil && ((!f.From.IsZero() && d.Before(f.From)) || (!f.To.IsZero() && d.After(f.To))) {
			continue
		}
		in = append(in, s)
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].Published < in[j].Published })
	var b strings.Builder
	b.WriteString("I can't list the dated events yet: the timeline is not built in this version. ")
	if len(in) == 0 {
		b.WriteString("No article was published in that range either; /ask can still answer questions about dates.")
		return b.String()
	}
	b.WriteString("Here are the articles I have, by publication date; /ask can answer questions about what happened when.\n")
	for _, s := range in {
		fmt.Fprintf(&b, "\n**%s** %s", s.Published, sourceLine(s.Outlet, "", s.Title, s.URL))
	}
	return b.String()
}

// showQuotes answers the "Show quotes" button, to the one who pressed it.
func (b *Bot) showQuotes(log *slog.Logger, in *discordgo.Interaction) {
	if !b.deferred(log, in, true) {
		return
	}
	text := "I no longer have the quotes of that answer (I keep them for a day, and not across restarts); ask again to see them."
	if in.Message != nil {
		if a, ok := b.answers.get(in.Message.ID); ok {
			text = renderQuotes(a.answer.Citations)
		}
	}
	b.show(log, &interactionOutput{b: b, in: in, ephemeral: true}, text, msgIncomplete)
}

// userOf is the ID of the user behind an interaction, in a server or not.
func userOf(in *discordgo.Interaction) string {
	if in.Member != nil && in.Member.User != nil {
		return in.Member.User.ID
	}
	if in.User != nil {
		return in.User.ID
	}
	return ""
}

func tooLong(n, max int) string {
	return fmt.Sprintf("That question is %d characters long; please keep it under %d.", n, max)
}

func slowDown(retry time.Duration) string {
	s := int(math.Ceil(retry.Seconds()))
	if s < 1 {
		s = 1
	}
	unit := "seconds"
	if s == 1 {
		unit = "second"
	}
	return fmt.Sprintf("Slow down a little: you can ask again in %d %s.", s, unit)
}
