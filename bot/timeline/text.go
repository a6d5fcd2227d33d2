package timeline

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
)

// Lines writes events for people, one line each: the date as the
// timeline writes it, the part of it the text names when it names one
// ("second half of April 2025: "), the event's text, and its sources,
// "[outlet date]"
// each (the start of the title when the outlet is not known).
func Lines(events []Event) []string {
	lines := make([]string, 0, len(events))
	for _, ev := range events {
		var srcs []string
		seen := map[string]bool{}
		for _, c := range ev.Citations {
			src := fmt.Sprintf("[%s %s]", sourceName(c), c.Published)
			if !seen[src] {
				seen[src] = true
				srcs = append(srcs, src)
			}
		}
		text := ev.Text
		if ev.When != "" {
			text = ev.When + ": " + text // "second half of April 2025: ..."
		}
		lines = append(lines, fmt.Sprintf("%-10s  %s  %s", ev.Date, text, strings.Join(srcs, " ")))
	}
	return lines
}

// Pages packs lines (from Lines) into pages of at most
// limit characters, whole lines each, for front ends with a message limit
// (Discord: 2000). A line longer than limit is cut and ends with "…".
func Pages(lines []string, limit int) []string {
	if limit < 2 {
		limit = 2
	}
	var pages []string
	var page strings.Builder
	n := 0
	for _, l := range lines {
		if k := utf8.RuneCountInString(l); k > limit {
			l = string([]rune(l)[:limit-1]) + "…"
		}
		k := utf8.RuneCountInString(l)
		if n > 0 && n+1+k > limit {
			pages = append(pages, page.String())
			page.Reset()
			n = 0
		}
		if n > 0 {
			page.WriteByte('\n')
			n++
		}
		page.WriteString(l)
		n += k
	}
	if n > 0 {
		pages = append(pages, page.String())
	}
	return pages
}

// sourceName is how a citation's article is named in a timeline line: its
// outlet, or the start of its title when the outlet is not known.
func sourceName(c answer.Citation) string {
	if c.Outlet != "" && c.Outlet != "unknown" || c.Title == "" {
		return c.Outlet
	}
	ws := strings.Fields(c.Title)
	if len(ws) > 5 {
		return "“" + strings.Join(ws[:5], " ") + "…”"
	}
	return "“" + c.Title + "”"
}
