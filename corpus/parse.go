package corpus

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

// MaxFileSize is the largest article file accepted, in bytes.
const MaxFileSize = 4 << 20

// minYear and maxYear bound the publication dates accepted.
const minYear, maxYear = 1900, 2200

// titleWords is how many words a title derived from the first sentence keeps.
const titleWords = 12

// Parse makes an article of one file: name is its file name, data its raw
// bytes, meta what sources.json says of it (the zero Meta when nothing).
// It checks the bytes (UTF-8 text, not binary, not empty), reads the date
// line, cleans the text by the rules documented in clean.go, and fills the
// metadata, deriving what meta leaves empty. Dates in meta win over dates
// in the text. Errors name the file.
func Parse(name string, data []byte, meta Meta) (Article, error) {
	a, err := parseFile(name, data, meta)
	if err != nil {
		return Article{}, &FileError{Path: name, Err: err}
	}
	return a, nil
}

// parseFile is Parse with errors that do not name the file.
func parseFile(name string, data []byte, meta Meta) (Article, error) {
	if err := checkText(data); err != nil {
		return Article{}, err
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")

	// The first non-blank line may be the date line.
	var lineDate time.Time
	lede, body := "", s
	rest := strings.TrimLeft(s, " \t\n\u00a0")
	first, after, _ := strings.Cut(rest, "\n")
	d, r, ok, err := ParseDateLine(first)
	if err != nil {
		return Article{}, err
	}
	if ok {
		lineDate, lede, body = d, r, after
	}

	c := clean(lede, body)
	if len(c.Paragraphs) == 0 {
		return Article{}, errors.New("no article text")
	}
	a := Article{
		File:     name,
		Text:     strings.Join(c.Paragraphs, "\n\n"),
		Headings: c.Headings,
		Author:   c.Author,
	}
	// The paragraphs are the text's own bytes, not a second copy of them
	// (at 5,000 articles, 25 MB held while a corpus is prepared).
	a.Paragraphs = make([]string, len(c.Paragraphs))
	at := 0
	for i, p := range c.Paragraphs {
		a.Paragraphs[i] = a.Text[at : at+len(p)]
		at += len(p) + len("\n\n")
	}
	if err := fillMeta(&a, meta, c, lineDate); err != nil {
		return Article{}, err
	}
	return a, nil
}

// fillMeta sets the metadata of a: what meta gives, else what the text
// says (c, and lineDate from the date line), else what can be derived.
func fillMeta(a *Article, meta Meta, c cleaned, lineDate time.Time) error {
	switch {
	case meta.Published != "":
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(meta.Published))
		if err != nil {
			return fmt.Errorf("metadata: bad published date %q (want YYYY-MM-DD)", meta.Published)
		}
		a.Published = t
	case !lineDate.IsZero():
		a.Published = lineDate
	case !c.Date.IsZero():
		a.Published = c.Date
	default:
		return errors.New(`no date: want a first line " date YYYY-MM-DD ..." or a published date in sources.json`)
	}
	if y := a.Published.Year(); y < minYear || y > maxYear {
		return fmt.Errorf("date %s out of range (years %d to %d)", a.Published.Format(time.DateOnly), minYear, maxYear)
	}

	a.Title = cmp.Or(normSpace(meta.Title), c.Title, deriveTitle(c.Paragraphs[0]), "Untitled")
	a.Outlet = cmp.Or(normSpace(meta.Outlet), "unknown")
	a.URL = strings.TrimSpace(meta.URL)
	if a.URL == "" {
		a.URL = c.URL
	} else if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("metadata: bad url %q (want an http or https address)", meta.URL)
	}
	// "01_Wire_Report" is how people name files: read it as
	// "01-wire-report" rather than refuse the article.
	a.ID = idSpelling.Replace(strings.ToLower(strings.TrimSpace(meta.ID)))
	if a.ID == "" {
		a.ID = a.Date() + "-" + slug(a.Title)
	} else if !idRe().MatchString(a.ID) {
		return fmt.Errorf("metadata: bad id %q (want lower-case letters, digits and dashes)", meta.ID)
	}
	return nil
}

// idSpelling turns the separators people put in ids into dashes.
var idSpelling = strings.NewReplacer("_", "-", " ", "-")

var idRe = lazyRE(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// checkText reports why data cannot be an article file, or nil.
func checkText(data []byte) error {
	switch {
	case len(data) > MaxFileSize:
		return fmt.Errorf("too large (%d bytes, limit %d)", len(data), MaxFileSize)
	case bytes.IndexByte(data, 0) >= 0:
		return errors.New("binary file, not text (contains NUL bytes)")
	case !utf8.Valid(data):
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d)", off)
	case len(bytes.TrimSpace(data)) == 0:
		return errors.New("empty file")
	}
	return nil
}

var dateLineRe = lazyRE(`^[ \t\x{a0}]*(?i:date):?[ \t\x{a0}]+([0-9]\S*)(?:[ \t\x{a0}]+(.*))?$`)

var isoRe = lazyRE(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// ParseDateLine reads the first line of an article in the seeds' form:
// " date YYYY-MM-DD" followed, optionally, by a heading or summary, which it
// returns as rest. ok is false when line is no date line (it does not start
// with "date" and a number); err is set when it is one with a bad date.
func ParseDateLine(line string) (date time.Time, rest string, ok bool, err error) {
	m := dateLineRe().FindStringSubmatch(strings.TrimRight(line, " \t\r"))
	if m == nil {
		return time.Time{}, "", false, nil
	}
	d, perr := time.Parse(time.DateOnly, m[1])
	switch {
	case perr != nil && isoRe().MatchString(m[1]):
		return time.Time{}, "", true, fmt.Errorf("bad date %q in date line (no such day)", m[1])
	case perr != nil:
		return time.Time{}, "", true, fmt.Errorf("bad date %q in date line (want YYYY-MM-DD)", m[1])
	}
	return d, strings.TrimSpace(m[2]), true, nil
}

// dateLayouts are the forms of a date standing alone on a line.
var dateLayouts = []string{
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "2 January, 2006", "2006-01-02",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, Jan 2, 2006",
}

var monthDotRe = lazyRE(`\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.`)

// ParseDate reads a date standing alone ("February 18, 2025", "Feb. 18,
// 2025", "18 February 2025", "Tuesday, February 18, 2025", "2025-02-18")
// and returns it as UTC midnight.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 || len(s) < 8 {
		return time.Time{}, false
	}
	s = monthDotRe().ReplaceAllString(s, "$1")
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// deriveTitle makes a title of a paragraph: its first sentence, at most
// titleWords words, ending in "…" when shortened.
func deriveTitle(p string) string {
	words := strings.Fields(p)
	n := 0
	for n < len(words) && n < titleWords {
		w := words[n]
		n++
		if n >= 3 && strings.ContainsAny(w[len(w)-1:], ".!?") && !english.IsAbbreviation(w) {
			break
		}
	}
	t := strings.Join(words[:n], " ")
	if n < len(words) && !endsTerminal(t) {
		return strings.TrimRight(t, ",;:-–—") + "…"
	}
	return strings.TrimRight(t, ".")
}

// stopWords are left out of the slug of an id.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true,
	"on": true, "for": true, "and": true, "at": true, "by": true, "with": true,
	"is": true, "are": true, "was": true, "but": true, "as": true, "from": true,
}

// slug makes the id part of a title: up to four of its words, lower case,
// without stop words, joined by dashes; "article" when none is left.
func slug(title string) string {
	var keep []string
	for _, w := range english.Words(title) {
		if strings.IndexFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
			continue // a letter with no Latin base ("ж") has no place in an id
		}
		if !stopWords[w] {
			keep = append(keep, w)
		}
		if len(keep) == 4 {
			break
		}
	}
	if len(keep) == 0 {
		return "article"
	}
	return strings.Join(keep, "-")
}
