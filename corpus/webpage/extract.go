// Package webpage turns a news web page into an article: it fetches pages
// (http and https only, with a deadline, a size limit and a user agent) and
// extracts the article text without the page's furniture, and its metadata.
//
// The text comes from readability (codeberg.org/readeck/go-readability/v2, a
// port of Mozilla's Readability), after a pass that removes what readability
// keeps but an article file must not: captions and picture credits, "Related
// article" and "Read also" boxes, newsletter and subscription pitches,
// paywall teasers, cookie banners, bylines, share and print tools, and
// advertisement labels. go-trafilatura extracts as cleanly but costs about
// half a second and 90 MB at every start of the program (the package
// initialisation of go-dateparser, which it imports), so it is not used; see
// the README, "Adding articles".
//
// The metadata is read from the page itself:
//   - title: JSON-LD headline, og:title, twitter:title, else readability's;
//   - outlet: JSON-LD publisher, og:site_name, application-name, the site part
//     of "Headline | Site", else the host name;
//   - author: JSON-LD author, meta author, article:author (when not an
//     address), else the byline readability finds;
//   - canonical address: link rel=canonical, og:url, JSON-LD
//     mainEntityOfPage, else the address fetched, without tracking
//     parameters;
//   - publication date, in this order: JSON-LD datePublished,
//     article:published_time (and a few equivalent meta names), a <time>
//     element that is not an update time, a dateline in the text
//     ("RIYADH, Feb. 19, 2025 —"). ISO timestamps give the day they name in
//     their own time zone.
package webpage

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is the article read from a web page.
type Page struct {
	Title      string
	Outlet     string
	Author     string    // as the page gives it; several are joined by ", "
	URL        string    // canonical address; "" when neither the page nor the caller gives one
	Published  time.Time // UTC midnight of the publication day; zero when the page gives no date
	DateSource string    // where Published was read: DateJSONLD, DateMeta, DateTime or DateDateline
	// Paragraphs is the article text, one paragraph an element, whitespace
	// collapsed, without the headline, byline and furniture.
	Paragraphs []string
}

// ErrNoText means the page holds no article text that could be found.
var ErrNoText = errors.New("no article text found on the page")

// Extract reads the article of the HTML page r (UTF-8; see Decode for other
// encodings). pageURL is where the page lives, nil when unknown (a saved
// file); it resolves relative links and stands in for a missing canonical
// address and outlet.
func Extract(r io.Reader, pageURL *url.URL) (Page, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return Page{}, fmt.Errorf("parse HTML: %w", err)
	}
	m := readMeta(doc, pageURL)
	prune(doc)

	art, err := readability.FromDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return Page{}, ErrNoText
	}
	var sb strings.Builder
	if err := art.RenderText(&sb); err != nil {
		return Page{}, ErrNoText
	}
	title := cmpOr(m.title, normSpace(art.Title()), m.h1)
	p := Page{
		Title:      title,
		Outlet:     cmpOr(m.outlet, normSpace(art.SiteName()), titleSuffixOutlet(m.docTitle, title), titleSuffixOutlet(m.docTitle, m.h1), hostName(pageURL)),
		Author:     cmpOr(m.author, stripBy(normSpace(art.Byline()))),
		URL:        cmpOr(m.canonical, cleanURL(pageURL)),
		Published:  m.published,
		DateSource: m.dateSource,
		Paragraphs: paragraphs(sb.String(), title, m.h1),
	}
	if len(p.Paragraphs) == 0 {
		return Page{}, ErrNoText
	}
	if p.Published.IsZero() {
		if d, ok := datelineDate(p.Paragraphs); ok {
			p.Published, p.DateSource = d, DateDateline
		}
	}
	return p, nil
}

// Date returns the publication date as YYYY-MM-DD, "" when not known.
func (p Page) Date() string {
	if p.Published.IsZero() {
		return ""
	}
	return p.Published.Format(time.DateOnly)
}

// Text returns the paragraphs separated by blank lines.
func (p Page) Text() string { return strings.Join(p.Paragraphs, "\n\n") }

// paragraphs splits readability's text into paragraphs, collapsing spaces
// and dropping the headline repeated, bylines and label-only lines.
func paragraphs(text string, titles ...string) []string {
	var out []string
	for _, b := range strings.Split(text, "\n") {
		b = normSpace(b)
		switch {
		case b == "":
			continue
		case isHeadline(b, titles), isBylineText(b), furnitureLine(b):
			continue
		}
		out = append(out, b)
	}
	return out
}

func isHeadline(b string, titles []string) bool {
	for _, t := range titles {
		if t != "" && strings.EqualFold(b, t) {
			return true
		}
	}
	return false
}

var bylineRe = lazyRegexp(`^(?i:by|von|par|por)\s+\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,3}(?:(?:,| and| &)\s+[\p{L}.'’ -]+){0,3}$`)

// isBylineText reports whether b is a byline: "By Anna Kowalski", "By Omar
// Haddad, Staff Writer" (short, no final punctuation).
func isBylineText(b string) bool {
	return len(b) < 100 && !strings.ContainsAny(b[len(b)-1:], ".!?\"”") && bylineRe().MatchString(b)
}

// furnitureLabelRe matches a line that is a label of page furniture.
var furnitureLabelRe = lazyRegexp(`^(?i:advertisement|advertising|sponsored|ad|story continues below advertisement|continue reading below|skip (?:to|the) (?:content|advert|ad)\b.*)$`)

// furnitureLine reports whether b is furniture that survived as text.
func furnitureLine(b string) bool {
	return furnitureLabelRe().MatchString(b) || relatedLeadRe().MatchString(b)
}

// relatedLeadRe matches a one-line pointer to another story.
var relatedLeadRe = lazyRegexp(`^(?i:related(?: articles?| stories| news| coverage| content)?|read (?:also|more|next)|also read|see also|more on this(?: story)?|recommended)\s*[:|›»-]\s*.{0,160}$`)

// furnitureWords are the class and id words of page furniture. A word
// matches a whole part of a class or id split at spaces, dashes and
// underscores ("article__img-caption" has "caption"; "paywalled" does not
// match "paywall").
var furnitureWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "advertisement": true, "adslot": true, "dfp": true, "sponsor": true, "sponsored": true, "promo": true,
	"cookie": true, "cookies": true, "cookiebar": true, "consent": true, "gdpr": true, "cmp": true,
	"newsletter": true, "subscribe": true, "subscription": true, "signup": true, "paywall": true, "meter": true, "regwall": true,
	"related": true, "relatedposts": true, "also": true, "recommended": true, "recirc": true, "more": true, "outbrain": true, "taboola": true,
	"caption": true, "figcaption": true, "credit": true, "credits": true, "photo": true,
	"byline": true, "author": true, "kicker": true, "meta": true, "date": true, "timestamp": true, "breadcrumb": true, "breadcrumbs": true,
	"share": true, "sharing": true, "sharedaddy": true, "social": true, "tools": true, "print": true,
	"tags": true, "comments": true, "comment": true, "respond": true,
	"nav": true, "menu": true, "sidebar": true, "widget": true, "banner": true, "popup": true, "modal": true,
}

// furnitureTags are elements that are never article text.
var furnitureTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Figcaption: true, atom.Button: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Template: true, atom.Dialog: true,
}

// prune removes from doc the elements that are page furniture: by tag, by a
// furniture word in the class or id, by role, or because they are hidden.
// An element holding long paragraphs of prose (the article body wrapped in
// an unlucky class) is kept, and so is everything inside a paragraph that
// is kept.
func prune(doc *html.Node) {
	prose := proseCounts(doc)
	var drop []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html, atom.Head, atom.Body, atom.Main:
			return true
		}
		if furnitureTags[n.DataAtom] || isFurniture(n) && prose[n] < 2 {
			drop = append(drop, n)
			return false
		}
		// Inside a paragraph, classes mark words of the text (a dateline,
		// a date, a name), not furniture: they stay, and lose the marks
		// that would make readability take them for a byline.
		if n.DataAtom == atom.P {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, func(d *html.Node) bool {
					d.Attr = slices.DeleteFunc(d.Attr, func(a html.Attribute) bool {
						return a.Key == "class" || a.Key == "id" || a.Key == "rel" || a.Key == "itemprop"
					})
					return true
				})
			}
			return false
		}
		return true
	})
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}

// isFurniture reports whether element n is marked as furniture.
func isFurniture(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search":
		return true
	}
	if n.DataAtom == atom.Figure || n.DataAtom == atom.Header && !hasHeading(n) || n.DataAtom == atom.Footer {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	}) {
		if furnitureWords[w] {
			return true
		}
	}
	// A block whose text is only a pointer to another story.
	if n.DataAtom == atom.P || n.DataAtom == atom.Div {
		if t, short := shortText(n, 300); short && relatedLeadRe().MatchString(t) && linkText(n) > len(t)/2 {
			return true
		}
	}
	return false
}

// shortText returns the text of n, space-normalised, and whether it is at
// most limit bytes; reading stops past the limit, so that a look at every
// block of a deeply nested page stays linear.
func shortText(n *html.Node, limit int) (string, bool) {
	var sb strings.Builder
	over := false
	walk(n, func(c *html.Node) bool {
		if over {
			return false
		}
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
			over = sb.Len() > 2*limit
		}
		return true
	})
	t := normSpace(sb.String())
	return t, !over && len(t) <= limit
}

// proseCounts returns, for every element of doc, how many paragraphs of
// prose it holds (150 characters or more, not mostly links), counting at
// most two: an element that holds two is the article, or wraps it. One
// pass over the tree.
func proseCounts(doc *html.Node) map[*html.Node]int {
	counts := map[*html.Node]int{}
	var count func(n *html.Node) int
	count = func(n *html.Node) int {
		if n.DataAtom == atom.P {
			t := normSpace(textOf(n))
			if len(t) >= 150 && linkText(n) < len(t)/3 {
				counts[n] = 1
				return 1
			}
			return 0
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += count(c)
		}
		total = min(total, 2)
		if total > 0 {
			counts[n] = total
		}
		return total
	}
	count(doc)
	return counts
}

func hasHeading(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if c.DataAtom == atom.H1 {
			found = true
		}
		return !found
	})
	return found
}

// linkText returns the length of the text of n inside links.
func linkText(n *html.Node) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		if c.DataAtom == atom.A {
			total += len(normSpace(textOf(c)))
			return false
		}
		return true
	})
	return total
}

// walk calls f on n and its descendants in document order; f returning
// false skips the children of that node.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
		}
		return true
	})
	return sb.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// normSpace collapses runs of Unicode space to one plain space and trims.
func normSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func stripBy(s string) string {
	for _, p := range []string{"By ", "by ", "BY "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

func cmpOr(vals ...string) string { return cmp.Or(vals...) }

// hostName returns the host of u without "www.", "" for nil.
func hostName(u *url.URL) string {
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// trackingParams are query parameters that name a campaign, not a page.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium", "at_campaign", "ref", "ref_src"}

// cleanURL returns u without fragment and tracking parameters, "" for nil.
func cleanURL(u *url.URL) string {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	c := *u
	c.Fragment = ""
	q := c.Query()
	for k := range q {
		for _, p := range trackingParams {
			if k == p || strings.HasSuffix(p, "_") && strings.HasPrefix(k, p) {
				q.Del(k)
			}
		}
	}
	c.RawQuery = q.Encode()
	return c.String()
}

// lazyRegexp returns a function that compiles expr on first use, so that
// the program pays for the expressions of this package only when it reads
// a page, not at every start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
