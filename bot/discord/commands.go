package discord

import "github.com/bwmarrin/discordgo"

// Names of the commands, their options and the button.
const (
	cmdAsk         = "ask"
	cmdTimeline    = "timeline"
	cmdSources     = "sources"
	cmdHelp        = "help"
	optQuestion    = "question"
	optPrivate     = "private"
	optFrom        = "from"
	optTo          = "to"
	optAbout       = "about"
	quotesButton   = "talksbot:quotes"
	voteUpButton   = "talksbot:vote:up"
	voteDownButton = "talksbot:vote:down"
)

// commands are the bot's slash commands, as registered with Discord.
func commands(maxQuestion int) []*discordgo.ApplicationCommand {
	one := 1
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask about the February 2025 US–Russia talks in Riyadh; the answer cites its sources",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: optQuestion, Description: "Your question",
					Required: true, MinLength: &one, MaxLength: maxQuestion},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: optPrivate, Description: "Show the answer to you alone"},
			},
		},
		{
			Name:        cmdTimeline,
			Description: "Dated events of the talks, with sources",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: optFrom, Description: "First day, as YYYY-MM-DD"},
				{Type: discordgo.ApplicationCommandOptionString, Name: optTo, Description: "Last day, as YYYY-MM-DD"},
				{Type: discordgo.ApplicationCommandOptionString, Name: optAbout, Description: "Words the events should be about"},
			},
		},
		{Name: cmdSources, Description: "The news articles the bot answers from"},
		{Name: cmdHelp, Description: "How to use the bot"},
	}
}
