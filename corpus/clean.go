package corpus

import (
	"html"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

// The cleaning rules, in the order they apply. Each one is general (none
// names an article) and each has rows in the table tests of clean_test.go.
//
//  1. Whitespace: every Unicode space (NBSP, thin space, tab, ...) becomes a
//     plain space, runs of spaces collapse to one, lines are trimmed;
//     zero-width spaces, byte-order marks, replacement characters (U+FFFD)
//     and stray control characters are dropped. No other character is
//     changed: curly quotes, dashes and spellings stay as received, so
//     quotes are exact substrings of Text.
//  2. HTML: tags are removed and their inner text kept ("<u>told</u>" ->
//     "told"); block tags (p, div, br, li, h1-h6, ...) end a line; HTML
//     comments go; character references ending in ";" ("&amp;", "&#8217;")
//     are decoded.
//  3. Furniture lines are dropped: "Related article: ..." (also "Related:",
//     "Read more:", "See also:"), "Original url:" with the address on the
//     same or the next line, a line that is only an address, and
//     "Advertisement". A dropped line separates paragraphs like a blank line.
//  4. Paragraphs: runs of blank lines separate paragraphs; the lines of one
//     paragraph are joined with a space (hard-wrapped text becomes one
//     paragraph). The rest of the date line, when there is any, is the first
//     paragraph.
//  5. A sentence split across a blank line is rejoined: a paragraph whose
//     first word is all lower-case continues the paragraph before it
//     ("Leading the U.S." + "delegation will be ..."), and so does any
//     paragraph after one that ends in a comma or a word no sentence ends in
//     ("the", "of", "in", ...). Names such as "iPhone" or "eBay" do not
//     make a continuation.
//  6. A paragraph of four words or more that the next one begins with (a
//     heading line repeating the lede, with or without its final period) is
//     dropped; a summary that differs from the lede is kept.
//  7. Top matter, the paragraphs before the first sentence of the article:
//     a byline ("By ...", "Published by ...", without final punctuation) is
//     dropped; a date standing alone ("February 18, 2025") is dropped and
//     read as the publication date; the first heading is the headline.
//  8. A caption with a picture credit ("... on Tuesday. U.S. Department of
//     State") keeps its sentences and loses the credit: a paragraph without
//     final punctuation whose tail after a sentence end is at most six
//     capitalised words.
//  9. Headings: a paragraph of at most 20 words that does not end in
//     terminal punctuation, or a Title Case question of at most 10 words
//     ("What Comes Next?"), is a heading, kept in Headings, not Paragraphs.
//     Not the signatures of a page of readers' letters (two or more
//     paragraphs that are only "Name Surname, Place"): they say whose the
//     letters are, and are text.

// cleaned is what the cleaner makes of an article's raw text.
type cleaned struct {
	Title      string    // headline found at the top of the text
	Date       time.Time // date standing alone at the top of the text, zero if none
	URL        string    // address from an "Original url:" line
	Author     string    // the name a byline gives, "" if none
	Headings   []string  // section headings
	Paragraphs []string  // article text
}

// clean applies the cleaning rules to lede, the rest of the date line (may
// be empty), and body, the text after it.
func clean(lede, body string) cleaned {
	var c cleaned
	blocks := paragraphs(lede, body, &c.URL)
	blocks = rejoin(blocks)
	blocks = dedupe(blocks)
	// A page of readers' letters signs each ("Eleanor Voss, Wrennick"):
	// the signatures say whose the letters are, and are kept as text.
	// One sign-off alone is a heading, as it was.
	signatures := 0
	for _, b := range blocks {
		if reSignature().MatchString(b) && !isByline(b) {
			signatures++
		}
	}
	top := true
	for _, b := range blocks {
		if signatures >= minLetters && reSignature().MatchString(b) && !isByline(b) {
			top = false
			c.Paragraphs = append(c.Paragraphs, b)
			continue
		}
		if top {
			if isByline(b) {
				if c.Author == "" {
					c.Author = bylineName(b)
				}
				continue
			}
			if d, ok := ParseDate(b); ok {
				if c.Date.IsZero() {
					c.Date = d
				}
				continue
			}
		}
		if reCreditLine().MatchString(b) {
			// A wire story's credit line ends it: "(Reporting by Piet
			// Sander; editing by Clara Voss)". It is a byline, not text.
			if c.Author == "" {
				c.Author = bylineName(b)
			}
			continue
		}
		if head, ok := splitCredit(b); ok {
			b = head
		}
		if isHeading(b) {
			if top && c.Title == "" && len(c.Headings) == 0 {
				c.Title = b
			} else {
				c.Headings = append(c.Headings, b)
			}
			continue
		}
		top = false
		c.Paragraphs = append(c.Paragraphs, b)
	}
	return c
}

var (
	commentRe = lazyRE(`(?s)<!--.*?-->`)
	tagRe     = lazyRE(`</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)
	entityRe  = lazyRE(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	relatedRe = lazyRE(`(?i)^(?:related(?: articles?| stor(?:y|ies)| reading)?|read (?:more|also)|see also)\s*:`)
	origURLRe = lazyRE(`(?i)^(?:original|source) (?:url|link|address)\s*:\s*(\S*)$`)
	bareURLRe = lazyRE(`(?i)^https?://\S+$`)
	adRe      = lazyRE(`(?i)^(?:advertisement|advert|sponsored content)$`)
)

// blockTags end a line when they are stripped.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "tr": true, "table": true, "section": true, "article": true,
	"figure": true, "figcaption": true, "hr": true,
}

// stripHTML applies rule 2.
func stripHTML(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = commentRe().ReplaceAllString(s, "")
		s = tagRe().ReplaceAllStringFunc(s, func(tag string) string {
			name := strings.ToLower(tagRe().FindStringSubmatch(tag)[1])
			switch {
			case name == "br":
				return "\n"
			case blockTags[name]:
				return "\n\n"
			}
			return ""
		})
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRe().ReplaceAllStringFunc(s, html.UnescapeString)
	}
	return s
}

// normSpace applies rule 1 to one line.
func normSpace(s string) string {
	if spaceClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u2060' || r == '\ufeff':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || r == utf8.RuneError:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// spaceClean reports whether normSpace would leave s as it is.
func spaceClean(s string) bool {
	prevSpace := true // no leading space
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r < 0x20 || r == 0x7f:
			return false
		case r >= 0x80 && (unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError ||
			r == '\u200b' || r == '\u2060' || r == '\ufeff'):
			return false
		}
		prevSpace = false
	}
	return s == "" || !prevSpace
}

// countWords returns the number of words of s, counting no further than
// limit+1.
func countWords(s string, limit int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n > limit {
			break
		}
	}
	return n
}

// paragraphs applies rules 1 to 4: it returns the paragraphs of lede and
// body, and sets *url from an "Original url:" line.
func paragraphs(lede, body string, url *string) []string {
	var blocks, cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	if l := normSpace(strings.ReplaceAll(stripHTML(lede), "\n", " ")); l != "" {
		blocks = append(blocks, l)
	}
	wantURL := false
	for _, line := range strings.Split(stripHTML(body), "\n") {
		line = normSpace(line)
		if line == "" {
			flush()
			continue
		}
		if wantURL {
			wantURL = false
			if bareURLRe().MatchString(line) {
				if *url == "" {
					*url = line
				}
				flush()
				continue
			}
		}
		if m := origURLRe().FindStringSubmatch(line); m != nil {
			if m[1] == "" {
				wantURL = true
			} else if *url == "" && bareURLRe().MatchString(m[1]) {
				*url = m[1]
			}
			flush()
			continue
		}
		if relatedRe().MatchString(line) || bareURLRe().MatchString(line) || adRe().MatchString(line) {
			flush()
			continue
		}
		if isByline(line) && (len(cur) == 0 || !endsTerminal(cur[len(cur)-1])) {
			// "By Elena Varga" over "Elena Varga is professor of
			// economics ...", or under a masthead ("The Northgate Review
			// - Opinion"): the byline is a block of its own, and so is
			// what stood above it.
			flush()
			blocks = append(blocks, line)
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// rejoin applies rule 5.
func rejoin(blocks []string) []string {
	var out []string
	var cur strings.Builder
	for i, b := range blocks {
		if i > 0 && !continues(b) && !unfinished(blocks[i-1]) {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(b)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// continues reports whether paragraph b begins with an all lower-case word,
// so continues the sentence of the paragraph before it.
func continues(b string) bool {
	first, _, _ := strings.Cut(b, " ")
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range first {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// openWords are words no sentence ends in.
var openWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"to": true, "for": true, "and": true, "or": true, "with": true, "by": true,
	"at": true, "from": true, "that": true, "as": true, "into": true,
}

// unfinished reports whether paragraph b ends in a comma or in a word no
// sentence ends in, so the next paragraph continues it.
func unfinished(b string) bool {
	if strings.HasSuffix(b, ",") {
		return true
	}
	i := strings.LastIndexByte(b, ' ')
	return i >= 0 && openWords[b[i+1:]]
}

// dedupe applies rule 6.
func dedupe(blocks []string) []string {
	out := blocks[:0:0]
	for i, b := range blocks {
		if i+1 < len(blocks) && countWords(b, 4) >= 4 {
			next := blocks[i+1]
			if strings.HasPrefix(next, b) && (len(next) == len(b) || strings.IndexByte(" .!?,;:", next[len(b)]) >= 0) {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

var bylineRe = lazyRE(`^(?:(?:Published|Written|Posted|Reported|Story|Words) by|By)\s+\p{Lu}`)

// reBylineName finds the name after "by" in a byline: capitalised words,
// with the particles of names.
var reBylineName = lazyRE(`\b[Bb]y\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|del|van|von|der|bin|al|la|le)\s+)*\p{Lu}[\p{L}'’.-]*){0,3})`)

// bylineTail are capitalised words that end a byline's name ("Published
// by Alejandro Baños Verified by ...").
var bylineTail = map[string]bool{"Verified": true, "Updated": true, "Published": true, "Posted": true,
	"Edited": true, "Reviewed": true, "Reporting": true, "And": true, "In": true, "On": true}

// bylineName returns the name a byline gives ("By Kerem Yilmaz": "Kerem
// Yilmaz"), or "".
func bylineName(b string) string {
	m := reBylineName().FindStringSubmatch(b)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	for i, w := range words {
		if bylineTail[w] {
			words = words[:i]
			break
		}
	}
	return strings.Join(words, " ")
}

// reCreditLine finds a wire story's closing credit line, which names who
// reported and edited it.
var reCreditLine = lazyRE(`^\((?:Reporting|Additional reporting|Writing|Written|Reported) by \p{Lu}[^()]*\)\.?$`)

// isByline reports whether b is a byline (rule 7).
func isByline(b string) bool {
	return bylineRe().MatchString(b) && !endsTerminal(b) && countWords(b, 15) <= 15
}

// endsTerminal reports whether b ends a sentence: its last character, after
// closing quotes and brackets, is one of . ! ? … : ;
func endsTerminal(b string) bool {
	b = strings.TrimRight(b, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(b)
	return strings.ContainsRune(".!?…:;", r)
}

// isHeading reports whether b is a heading (rule 9).
func isHeading(b string) bool {
	switch {
	case b == "":
		return false
	case !endsTerminal(b):
		return countWords(b, 20) <= 20
	case strings.HasSuffix(b, "?"):
		return countWords(b, 10) <= 10 && titleCase(strings.Fields(b))
	}
	return false
}

// titleCase reports whether every word of four letters or more begins
// with a capital letter.
func titleCase(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(strings.TrimRight(w, "?!.,:;")) >= 4 && unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// reSignature finds a letter's signature standing alone: a name of two to
// four capitalised words, a comma, and a place of one to three ("Colin
// Ferrabee, Skelmore"), maybe after a dash.
// minLetters is how many signatures make a page of letters.
const minLetters = 2

var reSignature = lazyRE(`^(?:[-–—]\s*)?(?:[A-Z][\p{L}'’.-]+ ){1,3}[A-Z][\p{L}'’-]+, [A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,2}\.?$`)

var sentenceEndRe = lazyRE(`[.!?…]["'”’)]*\s+`)

// splitCredit applies rule 8: for a caption ending in a picture credit it
// returns the caption without the credit.
func splitCredit(b string) (string, bool) {
	if endsTerminal(b) {
		return "", false
	}
	ends := sentenceEndRe().FindAllStringIndex(b, -1)
	// Only the last few sentence ends leave a tail short enough; of those,
	// the earliest whose tail is a credit wins.
	best := -1
	for i := len(ends) - 1; i >= 0; i-- {
		tail := strings.Fields(b[ends[i][1]:])
		if len(tail) > 6 {
			break
		}
		if len(tail) > 0 && capitalised(tail) {
			best = i
		}
	}
	for i := best; i >= 0 && i < len(ends); i++ {
		head := strings.TrimRight(b[:ends[i][1]], " ")
		last := head[strings.LastIndexByte(head, ' ')+1:]
		if !english.IsAbbreviation(last) && len(strings.Fields(head)) >= 4 && capitalised(strings.Fields(b[ends[i][1]:])) {
			return head, true
		}
	}
	return "", false
}

// capitalised reports whether every word begins with a capital letter or a
// digit, or is a short connecting word.
func capitalised(words []string) bool {
	for _, w := range words {
		switch w {
		case "of", "and", "the", "for", "via", "de", "&", "/", "|", "-", "–", "—":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
