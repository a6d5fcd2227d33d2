package discord

import (
	"context"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot/feedback"
)

// What a voter is told, ephemerally.
const (
	msgVoteUnknown = "I no longer have that answer (I keep answers for a day, and not across restarts), so I can't record your vote; thank you all the same."
	msgVoteFailed  = "Sorry, I couldn't record your vote; please try again later."
	msgVoteOff     = "Votes are not recorded here."
)

// vote records a 👍 or 👎 on the answer the pressed button is under, and
// tells the voter so, ephemerally and at once (appending a line is quick).
// A second vote by the same user replaces the first: a new record that
// readers take over the old one.
func (b *Bot) vote(log *slog.Logger, in *discordgo.Interaction, v string) {
	if b.opts.Votes == nil {
		b.refuse(log, in, msgVoteOff)
		return
	}
	user := userOf(in)
	if in.Message == nil || user == "" {
		b.refuse(log, in, msgVoteUnknown)
		return
	}
	id := in.Message.ID
	a, ok := b.answers.get(id)
	if !ok {
		log.Info("vote on an answer no longer kept", "answer", id)
		b.refuse(log, in, msgVoteUnknown)
		return
	}
	was, ok := b.answers.vote(id, user, v)
	if !ok {
		b.refuse(log, in, msgVoteUnknown)
		return
	}
	if was == v {
		b.refuse(log, in, "You had already given this answer a "+emoji(v)+"; it stands.")
		return
	}
	rec := feedback.Vote{Vote: v, Answer: id, Question: a.question, Text: a.answer.Answer,
		Citations: a.answer.Citations, Mode: a.answer.Mode, Corpus: a.corpus, Abstained: a.answer.Abstained}
	if err := b.opts.Votes.Add(rec, user); err != nil {
		b.answers.unvote(id, user, was)
		log.Error("record vote", "err", err)
		b.refuse(log, in, msgVoteFailed)
		return
	}
	log.Info("vote recorded", "answer", id, "vote", v, "replaces", was)
	msg := "Thank you: your " + emoji(v) + " is recorded."
	if was != "" {
		msg = "Thank you: your " + emoji(was) + " is now a " + emoji(v) + "."
	}
	if err := b.respond(context.Background(), in, discordgo.InteractionResponseChannelMessageWithSource, msg, true); err != nil {
		log.Error("acknowledge vote", "err", err)
	}
}

func emoji(v string) string {
	if v == feedback.Up {
		return "👍"
	}
	return "👎"
}
