package bot

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/bot/internal/prefilter"
	"github.com/talksbot/talksbot/bot/timeline"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// Questions about the articles themselves, not about what they say, asked
// in a chat as people ask a bot for its commands: "what sources do you
// have", "list your sources", "give me the timeline". The whole question
// must be one, so that "what sources said the talks went well" or "what
// changed about the outbreak timeline" are asked of the articles.
var (
	reSourcesAsked  = lazyRE(`(?i)^(?:so |and |ok |okay )?(?:(?:what|which) (?:are )?(?:(?:your|the|these|those) )?(?:news )?(?:sources|articles|outlets|reports|papers)(?: (?:do you (?:have|use|know|read)|are (?:you using|there|these|those|they)|did you (?:use|read)|have you got|you have|you use|are you reading|reported (?:this|it|on (?:this|it|the talks))|covered (?:this|it)))?|(?:can you |could you |pls |please )?(?:list|show|give)(?: me)? (?:your |the |all (?:the |your )?)?(?:sources|articles|outlets)|(?:your |the )?sources|where do(?:es)? (?:you|the bot|this bot) get (?:your |its |the )?(?:info|information|news|facts|answers)(?: from)?)(?: please| pls)?\s*[?.!]*$`)
	reTimelineAsked = lazyRE(`(?i)^(?:so |and |ok |okay )?(?:(?:what(?:'s|’s| is) |give me |show me |(?:can|could) you (?:give|show) me |pls |please )?(?:a |the )?timeline(?: of (?:events|the talks|what happened|the events|it all|everything))?|(?:list|show)(?: me)? (?:the )?(?:events|key dates|dates)(?: in order)?)(?: please| pls)?\s*[?.!]*$`)
)

// lazyRE compiles pattern on first use, with its literal filter: most
// questions are none of these, and have none of their words (see
// prefilter); a process that asks nothing compiles nothing.
func lazyRE(pattern string) func() *prefilter.Regexp {
	return sync.OnceValue(func() *prefilter.Regexp { return prefilter.MustCompile(pattern) })
}

// reChatter is a greeting or a question about the bot itself:
// no question of the articles, answered by saying what the bot does.
var reChatter = lazyRE(`(?i)^(?:(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening)|greetings)(?: there| bot| all| everyone)?|(?:who|what) are you|what (?:can|do) you do|what is this|help|how (?:do|can) i use (?:you|this|this bot|the bot))\s*[?.!]*$`)

// reThanks is thanks, said to the bot.
var reThanks = lazyRE(`(?i)^(?:ok |okay |great |cool )?(?:thanks|thank you|thx|ty|cheers)(?: (?:a lot|so much|very much|mate|bot))?\s*[?.!]*$`)

// Limits of the answers about the collection: a chat answer lists a few
// and says where the rest are (`talksbot sources`, `talksbot timeline`,
// /sources, /timeline).
const (
	listedSources = 8 // the newest articles named in an answer
	listedEvents  = 6 // the events most reported, in date order
)

// collection answers a question about the articles themselves (see
// reSourcesAsked, reTimelineAsked) from the list of sources or the
// timeline, with citations; a greeting or a question about the bot
// (reChatter) by saying what it does; thanks (reThanks) in kind. It
// returns nil for any other question, and for a follow-up, whose
// "sources?" may ask for the last answer's.
func (e *Engine) collection(ctx context.Context, q answer.Query) *Answer {
	if len(q.History) > 0 {
		return nil
	}
	switch collectionKind(q.Text) {
	case "thanks":
		return &Answer{Mode: ModeExtractive, Abstained: true, Answer: "You're welcome."}
	case "chatter":
		// Abstained: nothing of the articles is told.
		return &Answer{Mode: ModeExtractive, Abstained: true,
			Answer: "I answer questions about the news articles I have, quoting them with numbered sources. " + e.About()}
	case "sources":
		return e.sourcesAnswer()
	case "timeline":
		return e.timelineAnswer(ctx)
	}
	return nil
}

// collectionKind says which question about the collection text is:
// "thanks", "chatter", "sources", "timeline", or "" for a question of the
// articles. Each expression is compiled and run only for a question with
// one of the words every match of it has: most questions have none, and
// compiling the four took 2 million instructions of a whole ask.
func collectionKind(text string) string {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		words[strings.Trim(w, "?!.,'’")] = true
	}
	has := func(ws ...string) bool { return slices.ContainsFunc(ws, func(w string) bool { return words[w] }) }
	switch {
	case has("thanks", "thank", "thx", "ty", "cheers") && reThanks().MatchString(text):
		return "thanks"
	case has("hi", "hello", "hey", "hiya", "yo", "howdy", "morning", "afternoon", "evening", "greetings", "you", "this", "help") && reChatter().MatchString(text):
		return "chatter"
	case has("sources", "articles", "outlets", "reports", "papers", "info", "information", "news", "facts", "answers") && reSourcesAsked().MatchString(text):
		return "sources"
	case has("timeline", "events", "dates") && reTimelineAsked().MatchString(text):
		return "timeline"
	}
	return ""
}

// sourcesAnswer names the newest articles, each cited by its opening
// sentence.
func (e *Engine) sourcesAnswer() *Answer {
	arts := slices.Clone(e.articles)
	slices.SortStableFunc(arts, func(a, b corpus.Article) int { return b.Published.Compare(a.Published) })
	ans := &Answer{Mode: ModeExtractive}
	var parts []string
	for _, a := range arts[:min(len(arts), listedSources)] {
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, e.lib.Cite(n, a.ID, opening(a)))
		when := a.Published.Format("Jan 2, 2006")
		if o := a.Outlet; o != "" && o != "unknown" {
			when = o + ", " + when
		}
		name := fmt.Sprintf("“%s” (%s)", cmp.Or(a.Title, a.ID), when)
		parts = append(parts, fmt.Sprintf("%s [%d]", name, n))
	}
	ans.Answer = fmt.Sprintf("I answer from %d %s: %s.", len(arts), plural(len(arts), "article", "articles"), strings.Join(parts, "; "))
	if len(arts) > listedSources {
		ans.Answer += fmt.Sprintf(" Those are the %d newest; `talksbot sources` (/sources on Discord) lists them all, with their addresses.", listedSources)
	} else {
		ans.Answer += " `talksbot sources` (/sources on Discord) lists them with their addresses."
	}
	return ans
}

// timelineAnswer gives the events the most reports tell of, in date
// order, each cited.
func (e *Engine) timelineAnswer(ctx context.Context) *Answer {
	events, err := e.Timeline(ctx, TimelineFilter{})
	if err != nil || len(events) == 0 {
		return nil // the articles' own answer, or an abstention, then
	}
	start := func(ev Event) time.Time {
		d, _ := dates.Parse(ev.Date)
		return d.Start
	}
	top := slices.Clone(events)
	slices.SortStableFunc(top, func(a, b Event) int {
		// The most reported; of as many reports, the one told to the
		// day, then the later: the story's own days before the
		// background ("the war began in 2022").
		return cmp.Or(len(b.Citations)-len(a.Citations), precisionRank(a.Precision)-precisionRank(b.Precision), start(b).Compare(start(a)))
	})
	top = top[:min(len(top), listedEvents)]
	slices.SortStableFunc(top, func(a, b Event) int { return start(a).Compare(start(b)) })
	ans := &Answer{Mode: ModeExtractive}
	var lines []string
	for _, ev := range top {
		c := ev.Citations[0]
		c.N = len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, c)
		lines = append(lines, fmt.Sprintf("%s: %s [%d]", ev.Human(), strings.TrimRight(ev.Text, "."), c.N))
	}
	ans.Answer = strings.Join(lines, ". ") + "."
	if len(events) > len(top) {
		ans.Answer += fmt.Sprintf(" Those are the %d events most reported of %d; `talksbot timeline` (/timeline on Discord) lists them all.", len(top), len(events))
	}
	return ans
}

// opening returns the first sentence of a's text, which a citation quotes.
func opening(a corpus.Article) string {
	for _, p := range a.Paragraphs {
		if ss := english.Split(p); len(ss) > 0 && strings.TrimSpace(ss[0]) != "" {
			return strings.TrimSpace(ss[0])
		}
	}
	return a.Title
}

// precisionRank orders precisions, the finest first.
func precisionRank(p string) int {
	return slices.Index([]string{timeline.PrecisionDay, timeline.PrecisionWeek, timeline.PrecisionMonth, timeline.PrecisionYear}, p)
}

// plural returns one or many for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
