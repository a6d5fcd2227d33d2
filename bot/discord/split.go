package discord

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

// MaxContent is the most characters of a message's content, a limit
// discordgo does not check (over it Discord answers 400). The bot sends no
// embeds, so it is the only length limit that applies to its messages.
// Lengths are counted in UTF-16 code units, never less than Discord's own
// count, so a part within the limit here is within Discord's.
const MaxContent = 2000

// protected matches what a split must never cut: citation markers [n] and
// markdown links [title](url) or [title](<url>).
var protected = regexp.MustCompile(`\[[^\[\]\n]*\]\(<?[^()\s<>]*>?\)|` + strings.TrimPrefix(english.MarkerPattern, `\s*`))

// Length is the length of s as this package counts it against Discord's
// limits: UTF-16 code units.
func Length(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Split cuts text into parts of at most limit characters (see Length), at a
// paragraph break if it can, else at a line break, a sentence end, a space,
// and only as a last resort anywhere. It never cuts inside a citation marker
// [n] or a markdown link unless that marker or link alone is over the limit.
// Whitespace around the cuts is dropped, and empty parts are never returned.
func Split(text string, limit int) []string {
	if limit < 1 {
		limit = 1
	}
	text = strings.TrimSpace(text)
	var parts []string
	for Length(text) > limit {
		cut := cutPoint(text, limit)
		if part := strings.TrimRightFunc(text[:cut], unicode.IsSpace); part != "" {
			parts = append(parts, part)
		}
		text = strings.TrimLeftFunc(text[cut:], unicode.IsSpace)
	}
	if text != "" {
		parts = append(parts, text)
	}
	return parts
}

// cutPoint returns the byte index at which to cut text, which is over limit
// and has no leading space: 0 < cut and text[:cut] is within limit.
func cutPoint(text string, limit int) int {
	// max: the longest prefix within limit, at a rune boundary; min: about a
	// third of it, so that a boundary early in the text does not make a
	// uselessly short part when a lesser boundary later would do.
	max, min, n := 0, 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit {
			break
		}
		n += w
		i += size
		max = i
		if min == 0 && n >= limit/3 {
			min = max
		}
	}
	if max == 0 { // a single rune over the limit cannot happen for limit >= 2; be safe
		_, size := utf8.DecodeRuneInString(text)
		return size
	}
	spans := protected.FindAllStringIndex(text, -1)
	inside := func(pos int) bool {
		for _, s := range spans {
			if s[0] < pos && pos < s[1] {
				return true
			}
			if s[0] >= pos {
				break
			}
		}
		return false
	}
	for _, from := range []int{min, 1} {
		for _, find := range boundaries {
			if cut := find(text[:max], from, inside); cut > 0 {
				return cut
			}
		}
	}
	// No boundary: cut at max, or before the marker or link max falls in.
	for _, s := range spans {
		if s[0] < max && max < s[1] && s[0] > 0 {
			return s[0]
		}
	}
	return max
}

// boundaries find the last cut of their kind in s at or after from, that
// inside does not forbid; 0 if there is none. Best first.
var boundaries = []func(s string, from int, inside func(int) bool) int{
	func(s string, from int, inside func(int) bool) int { return lastCut(s, "\n\n", 0, from, inside) },
	func(s string, from int, inside func(int) bool) int { return lastCut(s, "\n", 0, from, inside) },
	func(s string, from int, inside func(int) bool) int {
		best := 0
		for _, end := range []string{". ", "! ", "? ", ".\n", ".) ", ".\" ", ".” "} {
			if c := lastCut(s, end, len(end)-1, from, inside); c > best {
				best = c
			}
		}
		return best
	},
	func(s string, from int, inside func(int) bool) int { return lastCut(s, " ", 0, from, inside) },
}

// lastCut returns the last index i+offset, with sep at i in s, that is at or
// after from and allowed; 0 if there is none.
func lastCut(s, sep string, offset, from int, inside func(int) bool) int {
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], sep)
		if i < 0 {
			return 0
		}
		cut := i + offset
		if cut < from || cut < 1 {
			return 0
		}
		if !inside(cut) {
			return cut
		}
		end = i
	}
	return 0
}
