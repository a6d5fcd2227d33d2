package webpage

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/talksbot/talksbot/corpus"
)

// Where a publication date was read, in the order they are tried.
const (
	DateJSONLD   = "JSON-LD datePublished"
	DateMeta     = "meta article:published_time"
	DateTime     = "<time> element"
	DateDateline = "dateline"
)

// meta is what the head and the markup of a page say about the article.
type meta struct {
	title, outlet, author, canonical string
	published                        time.Time
	dateSource                       string
	docTitle                         string // the <title>
	h1                               string // the only <h1>, if just one
}

// ldArticle is the part of a JSON-LD article object that is read.
type ldArticle struct {
	Type          any    `json:"@type"`
	Graph         []any  `json:"@graph"`
	Headline      string `json:"headline"`
	Name          string `json:"name"`
	DatePublished string `json:"datePublished"`
	Author        any    `json:"author"`
	Publisher     any    `json:"publisher"`
	MainEntity    any    `json:"mainEntityOfPage"`
	URL           any    `json:"url"`
}

// readMeta reads the metadata of doc; base is the page's address (nil when
// not known), against which relative links are resolved.
func readMeta(doc *html.Node, base *url.URL) meta {
	var m meta
	metas := map[string]string{} // first content of each meta name/property, lower-cased key
	var lds []ldArticle
	var times []*html.Node
	var h1s []string
	byline := ""
	walk(doc, func(n *html.Node) bool {
		if byline == "" && n.Type == html.ElementNode && n.DataAtom != atom.Meta && n.DataAtom != atom.Link && isBylineElement(n) {
			if t := normSpace(textOf(n)); t != "" && len(t) < 100 {
				byline = cleanByline(t)
			}
		}
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(cmpOr(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
				if _, seen := metas[key]; !seen {
					metas[key] = v
				}
			}
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = absURL(base, attr(n, "href"))
			}
		case atom.Title:
			if m.docTitle == "" {
				m.docTitle = normSpace(textOf(n))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				lds = append(lds, ldArticles(textOf(n))...)
			}
			return false
		case atom.Time:
			times = append(times, n)
		case atom.H1:
			h1s = append(h1s, normSpace(textOf(n)))
		}
		return true
	})
	if len(h1s) == 1 {
		m.h1 = h1s[0]
	}

	var ld ldArticle
	if len(lds) > 0 {
		ld = lds[0]
	}
	m.title = cmpOr(normSpace(html.UnescapeString(ld.Headline)), metas["og:title"], metas["twitter:title"])
	m.outlet = cmpOr(ldName(ld.Publisher), metas["og:site_name"], metas["application-name"])
	m.author = cmpOr(ldName(ld.Author), metas["author"], notURL(metas["article:author"]), metas["parsely-author"], byline)
	if m.canonical == "" {
		m.canonical = cmpOr(absURL(base, metas["og:url"]), absURL(base, ldID(ld.MainEntity)), absURL(base, ldID(ld.URL)))
	}

	if d, ok := parseDate(ld.DatePublished); ok {
		m.published, m.dateSource = d, DateJSONLD
		return m
	}
	for _, key := range []string{"article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date", "pubdate", "dc.date.issued", "dcterms.created"} {
		if d, ok := parseDate(metas[key]); ok {
			m.published, m.dateSource = d, DateMeta
			return m
		}
	}
	if d, ok := timeElement(times); ok {
		m.published, m.dateSource = d, DateTime
	}
	return m
}

// isBylineElement reports whether n is marked as the byline: a class or
// itemprop "byline" or "author", or rel="author".
func isBylineElement(n *html.Node) bool {
	if hasToken(attr(n, "rel"), "author") || hasToken(attr(n, "itemprop"), "author") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if w == "byline" || w == "author" || strings.HasSuffix(w, "__author") || strings.HasSuffix(w, "-byline") {
			return true
		}
	}
	return false
}

// roleRe matches the job title after a name in a byline.
var roleRe = lazyRegexp(`(?i),\s*(?:[\w ]*\b(?:writer|correspondent|reporter|editor|staff|contributor)s?\b[\w ]*)$`)

// cleanByline makes "By Omar Haddad, Staff Writer" "Omar Haddad".
func cleanByline(s string) string {
	return strings.TrimSpace(roleRe().ReplaceAllString(stripBy(s), ""))
}

// ldArticles returns the article objects of one JSON-LD script: a single
// object, an array of them, or an @graph.
func ldArticles(src string) []ldArticle {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var raw any
	if err := json.Unmarshal([]byte(src), &raw); err != nil {
		return nil
	}
	var out []ldArticle
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e)
			}
		case map[string]any:
			b, _ := json.Marshal(v)
			var a ldArticle
			if json.Unmarshal(b, &a) != nil {
				return
			}
			if isArticleType(a.Type) {
				out = append(out, a)
			}
			for _, e := range a.Graph {
				visit(e)
			}
		}
	}
	visit(raw)
	return out
}

// isArticleType reports whether a JSON-LD @type (a string or a list) names
// an article: NewsArticle, Article, ReportageNewsArticle, BlogPosting, ...
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting") || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldName reads the name(s) of a JSON-LD person or organisation: a string, an
// object with "name", or a list of them (joined with ", ").
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return notURL(normSpace(v))
	case map[string]any:
		s, _ := v["name"].(string)
		return normSpace(s)
	case []any:
		var names []string
		for _, e := range v {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// ldID reads an address from a JSON-LD string or object with "@id" or "url".
func ldID(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		if s, ok := v["@id"].(string); ok {
			return s
		}
		s, _ := v["url"].(string)
		return s
	}
	return ""
}

// timeElement returns the date of the first <time datetime> that is not an
// update time, preferring one marked as the publication time.
func timeElement(times []*html.Node) (time.Time, bool) {
	var first time.Time
	for _, n := range times {
		marks := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
		text := strings.ToLower(textOf(n))
		if strings.Contains(marks, "updated") || strings.Contains(marks, "modified") || strings.HasPrefix(strings.TrimSpace(text), "updated") {
			continue
		}
		d, ok := parseDate(attr(n, "datetime"))
		if !ok {
			continue
		}
		if strings.Contains(marks, "published") || strings.Contains(marks, "datepublished") || hasAttr(n, "pubdate") {
			return d, true
		}
		if first.IsZero() {
			first = d
		}
	}
	return first, !first.IsZero()
}

var isoDateRe = lazyRegexp(`^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:$|[T ])`)

// parseDate reads a publication date as the page writes it: an ISO date or
// timestamp gives the calendar day it names in its own time zone (a story
// stamped 2025-02-18T21:30-05:00 was published on the 18th where it was
// written), other forms go through corpus.ParseDate and the usual HTTP and
// RSS layouts.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if m := isoDateRe().FindStringSubmatch(s); m != nil {
		t, err := time.Parse(time.DateOnly, m[1])
		return t, err == nil
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return corpus.ParseDate(s)
}

// datelineRe matches a wire-style dateline at the start of a paragraph:
// "RIYADH, Saudi Arabia, Feb. 19, 2025 —", "MOSCOW (Feb. 18, 2025) -",
// "KYIV, 17 February 2025 –".
var datelineRe = lazyRegexp(`^[\p{Lu}][\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L} .'’-]+?)?(?:,\s*|\s*\(\s*)((?:[A-Z][a-z]{2,8}\.? [0-9]{1,2},? [0-9]{4})|(?:[0-9]{1,2} [A-Z][a-z]{2,8}\.? [0-9]{4}))\)?\s*(?:[—–-]|:)`)

// publishedRe matches a short "Published February 18, 2025" line.
var publishedRe = lazyRegexp(`^(?i:published|posted|first published)(?: on)?:?\s+(.{8,40}?)(?:\s+(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}.*)?$`)

// datelineDate looks for the date in the first paragraphs of the text: a
// dateline, a "Published ..." line, or a date standing alone.
func datelineDate(paras []string) (time.Time, bool) {
	for i, p := range paras {
		if i == 3 {
			break
		}
		if m := datelineRe().FindStringSubmatch(p); m != nil {
			if d, ok := corpus.ParseDate(m[1]); ok {
				return d, true
			}
		}
		if m := publishedRe().FindStringSubmatch(p); m != nil {
			if d, ok := parseDate(m[1]); ok {
				return d, true
			}
		}
		if d, ok := corpus.ParseDate(p); ok {
			return d, true
		}
	}
	return time.Time{}, false
}

// titleSuffixOutlet reads the site name from a document title of the form
// "Headline | Site" (or " - ", " – ", " — ") when the headline is known.
func titleSuffixOutlet(docTitle, headline string) string {
	if headline == "" {
		return ""
	}
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(docTitle, sep); i > 0 && strings.EqualFold(strings.TrimSpace(docTitle[:i]), headline) {
			return strings.TrimSpace(docTitle[i+len(sep):])
		}
	}
	return ""
}

// absURL resolves ref against base and returns it if it is an absolute http(s)
// address, else "".
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}
