package discord

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// sourcesHeader starts the source list of an answer. Follow-ups read an
// earlier answer back from Discord and cut it here (see chain.go).
const sourcesHeader = "**Sources**"

// questionQuote is how an answer to /ask repeats its question, on its first
// line, so that a reply to it can be read as a follow-up without a database.
const questionQuote = "> "

// renderAnswer writes an answer as Discord markdown: the question quoted (when
// quote is set), the answer with its [n] markers, any note, then the numbered
// sources. The result may be over the limit of one message; see Split.
func renderAnswer(question string, a *bot.Answer, quote bool) string {
	var b strings.Builder
	if quote {
		b.WriteString(quoteLine(question))
		b.WriteString("\n")
	}
	text := strings.TrimSpace(a.Answer)
	if text == "" {
		text = msgNoAnswer
	}
	b.WriteString(text)
	if a.Note != "" {
		fmt.Fprintf(&b, "\n\n*%s*", strings.TrimSpace(a.Note))
	}
	if len(a.Citations) > 0 {
		b.WriteString("\n\n" + sourcesHeader)
		for _, c := range a.Citations {
			fmt.Fprintf(&b, "\n%d. %s", c.N, sourceLine(c.Outlet, c.Published, c.Title, c.URL))
		}
	}
	return b.String()
}

// quoteLine is the question as the first line of an answer: one line, at
// most 200 characters.
func quoteLine(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if r := []rune(q); len(r) > 200 {
		q = string(r[:199]) + "…"
	}
	return questionQuote + markdownEscaper.Replace(q)
}

// unknownOutlet names the outlet of an article that has none known (the
// corpus records "unknown", or nothing); the command line says the same.
const unknownOutlet = "unknown outlet"

// outletName is the outlet as people read it.
func outletName(outlet string) string {
	if o := strings.TrimSpace(outlet); o != "" && !strings.EqualFold(o, "unknown") {
		return o
	}
	return unknownOutlet
}

// markdownEscaper escapes what Discord would read as markdown in a user's
// question quoted by the bot (a masked link, above all), and the mentions
// in it: "<@id>" by its angle bracket, "@everyone" and "@here" by a
// backslash, so that they show as plain text (the empty allowed mentions
// already keep them from pinging); markdownUnescaper undoes it when the
// question is read back for a follow-up.
var (
	markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`,
		"[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`, "<", `\<`, ">", `\>`, "#", `\#`,
		"@everyone", `\@everyone`, "@here", `\@here`)
	markdownUnescaper = strings.NewReplacer(`\\`, `\`, `\*`, "*", `\_`, "_", `\~`, "~", "\\`", "`", `\|`, "|",
		`\[`, "[", `\]`, "]", `\(`, "(", `\)`, ")", `\<`, "<", `\>`, ">", `\#`, "#", `\@`, "@")
)

// sourceLine is "Outlet, date: [title](<url>)" ("unknown outlet" when
// there is none); the angle brackets stop Discord from previewing the link.
func sourceLine(outlet, date, title, url string) string {
	var b strings.Builder
	b.WriteString(outletName(outlet))
	if date != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(date)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if title == "" {
		title = url
	}
	if url == "" {
		b.WriteString(title)
	} else {
		fmt.Fprintf(&b, "[%s](<%s>)", linkText(title), linkURL(url))
	}
	return b.String()
}

// linkText keeps brackets out of a link's text, where they would end it.
func linkText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("[", "(", "]", ")").Replace(s)
}

// linkURL escapes what would end an <url> early.
func linkURL(s string) string {
	return strings.NewReplacer(" ", "%20", ">", "%3E", "<", "%3C", ")", "%29", "(", "%28").Replace(s)
}

// renderQuotes lists the quote of each citation, for the "Show quotes" button.
func renderQuotes(cs []bot.Citation) string {
	if len(cs) == 0 {
		return "This answer has no quotes."
	}
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "**[%d]** %s\n> %s", c.N, sourceLine(c.Outlet, c.Published, c.Title, c.URL),
			strings.Join(strings.Fields(c.Quote), " "))
	}
	return b.String()
}

// renderSources is the answer to /sources.
func renderSources(ss []bot.Source) string {
	if len(ss) == 0 {
		return "I have no articles loaded."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "I answer from these %d articles:\n", len(ss))
	for i, s := range ss {
		fmt.Fprintf(&b, "\n%d. %s", i+1, sourceLine(s.Outlet, s.Published, s.Title, s.URL))
	}
	return b.String()
}

// renderTimeline is the answer to /timeline: one line per event, with
// markers that point into one numbered list of the articles cited.
func renderTimeline(evs []bot.Event, f bot.TimelineFilter) string {
	if len(evs) == 0 {
		return "No dated events match" + describeFilter(f) + "."
	}
	num := map[string]int{}
	var cited []bot.Citation
	var b strings.Builder
	b.WriteString("**Timeline**" + describeFilter(f) + "\n")
	for _, e := range evs {
		date := e.Date
		if e.When != "" {
			date += " (" + e.When + ")" // "2025-04 (second half of April 2025)"
		}
		fmt.Fprintf(&b, "\n**%s** %s", date, strings.Join(strings.Fields(e.Text), " "))
		var marks []int
		for _, c := range e.Citations {
			key := c.Article
			if key == "" {
				key = c.URL
			}
			n, ok := num[key]
			if !ok {
				cited = append(cited, c)
				n = len(cited)
				num[key] = n
			}
			marks = append(marks, n)
		}
		sort.Ints(marks)
		for i, n := range marks {
			if i == 0 || marks[i-1] != n {
				fmt.Fprintf(&b, " [%d]", n)
			}
		}
	}
	if len(cited) > 0 {
		b.WriteString("\n\n" + sourcesHeader)
		for i, c := range cited {
			fmt.Fprintf(&b, "\n%d. %s", i+1, sourceLine(c.Outlet, c.Published, c.Title, c.URL))
		}
	}
	return b.String()
}

// describeFilterPlain is describeFilter for a picture's title: no markdown.
func describeFilterPlain(f bot.TimelineFilter) string {
	return markdownUnescaper.Replace(describeFilter(f))
}

func describeFilter(f bot.TimelineFilter) string {
	var parts []string
	if !f.From.IsZero() {
		parts = append(parts, "from "+f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		parts = append(parts, "to "+f.To.Format(time.DateOnly))
	}
	if f.About != "" {
		parts = append(parts, `about "`+markdownEscaper.Replace(strings.Join(strings.Fields(f.About), " "))+`"`)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// helpText is the answer to /help.
func helpText(maxQuestion int) string {
	return fmt.Sprintf(`I answer questions about the February 2025 US–Russia talks in Riyadh, from a handful of news articles, and I cite them.

**/ask** question: — ask anything about the talks; add private: True to see the answer alone.
**/timeline** — the dated events; from:/to: take dates like 2025-02-18, about: takes words.
**/sources** — the articles I answer from.
**Mention me** with a question to get an answer in a reply; **reply to one of my answers** to ask a follow-up.

Questions can be up to %d characters. Numbers like [1] point to the sources under each answer; the *Show quotes* button shows the sentences they rest on.`, maxQuestion)
}
