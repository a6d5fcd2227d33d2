package webpage

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// pageCase is one test page of testdata: NAME.html, and NAME.txt with the
// article's paragraphs as they must come out, separated by blank lines.
type pageCase struct {
	name       string
	title      string
	outlet     string
	author     string
	url        string // canonical address; "{srv}" is the test server
	date       string
	dateSource string
	furniture  []string // text of the page that must not be in the article
}

var pageCases = []pageCase{
	{
		// WordPress (Astra theme, Jetpack related posts, cookie-notice plugin,
		// comments, widgets); no JSON-LD: the date is article:published_time.
		name:       "wordpress",
		title:      "Rubio and Lavrov open talks in Riyadh without Ukraine at the table",
		outlet:     "The Meridian Post",
		author:     "Anna Kowalski",
		url:        "https://meridianpost.example/2025/02/18/rubio-lavrov-riyadh-talks/",
		date:       "2025-02-18",
		dateSource: DateMeta,
		furniture: []string{"cookies", "Skip to content", "Support us", "Share this", "Related", "Vance's Munich",
			"Trump and Putin speak by phone", "Photo: Saudi Press Agency", "face each other", "Leave a Reply",
			"What could possibly go wrong", "Recent Posts", "Advertisement", "Morning Meridian", "Powered by WordPress",
			"14 Comments", "Anna Kowalski", "Posted in", "Home »"},
	},
	{
		// A big outlet: JSON-LD NewsArticle (after a BreadcrumbList), a
		// different og:site_name and og:title, an evening timestamp in New
		// York that is the next day in UTC, an "Updated" <time>, consent
		// banner, inline ads, a related-article aside, a newsletter pitch and
		// a paywall teaser. The standfirst is kept: it is the article's.
		name:       "jsonld",
		title:      "US and Russia agree to rebuild embassies and set up peace teams after Riyadh talks",
		outlet:     "Global Dispatch",
		author:     "Daniel Reyes, Maria Petrova",
		url:        "https://www.globaldispatch.example/world/europe/2025/02/18/us-russia-riyadh-talks-embassies-peace-teams",
		date:       "2025-02-18",
		dateSource: DateJSONLD,
		furniture: []string{"847 partners", "Accept all", "Subscribe", "Advertisement", "Related article", "Europe scrambles",
			"Evelyn Hockstein", "shake hands", "World Briefing", "free articles", "More from World", "Oil falls",
			"All rights reserved", "Daniel Reyes", "Gift this article", "Updated", "Sign in"},
	},
	{
		// OpenGraph only: og:site_name, og:url, article:published_time in
		// Kyiv time, article:author an address (so meta author is used),
		// GDPR modal, "Read also" box, Telegram pitch, captions, news feed.
		name:       "opengraph",
		title:      "Zelensky: Ukraine will not recognise agreements reached without it",
		outlet:     "Kyiv Courier",
		author:     "Olena Marchenko",
		url:        "https://kyivcourier.example/news/politics/zelensky-riyadh-meeting-without-ukraine-1739811900.html",
		date:       "2025-02-17",
		dateSource: DateMeta,
		furniture: []string{"cookies", "USD 41.65", "All news", "Read also", "143 drones", "Telegram", "Office of the President",
			"Related news", "Kellogg", "News feed", "National Bank", "Advertisement", "About us", "Olena Marchenko", "19:05"},
	},
	{
		// Neither JSON-LD nor meta: an old hand-made site, table layout for
		// the photo, a byline paragraph, "See also" line, print tools; the
		// date is only in the dateline, the outlet only in the <title>, the
		// address is where it was fetched, without the tracking parameter.
		name:       "dateline",
		title:      "Saudi hosts say Riyadh talks were only a beginning",
		outlet:     "Gulf Observer",
		author:     "Omar Haddad",
		url:        "{srv}/region/2025/0219-talks.html",
		date:       "2025-02-19",
		dateSource: DateDateline,
		furniture: []string{"cookies", "Most read", "Oil steady", "Advertisement", "See also", "American teacher",
			"Gulf Observer photo", "Print", "Email this story", "All rights reserved", "Omar Haddad", "Home |"},
	},
}

// pagePath is where the test server serves page name.
func pagePath(name string) string {
	if name == "dateline" {
		return "/region/2025/0219-talks.html"
	}
	return "/" + name
}

// newPageServer serves the test pages, as a news site would.
func newPageServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for _, c := range pageCases {
		data, err := os.ReadFile(filepath.Join("testdata", c.name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(pagePath(c.name), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestExtractTestPages(t *testing.T) {
	srv := newPageServer(t)
	f := &Fetcher{Client: srv.Client(), Timeout: 5 * time.Second}
	for _, c := range pageCases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := f.Fetch(t.Context(), srv.URL+pagePath(c.name)+"?utm_source=telegram&utm_medium=social")
			if err != nil {
				t.Fatal(err)
			}
			p, err := Extract(strings.NewReader(string(resp.Body)), resp.URL)
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, c, p, srv.URL)
		})
	}
}

// checkPage compares p with what case c wants.
func checkPage(t *testing.T, c pageCase, p Page, srvURL string) {
	t.Helper()
	want := strings.ReplaceAll(c.url, "{srv}", srvURL)
	for _, f := range []struct{ field, got, want string }{
		{"title", p.Title, c.title},
		{"outlet", p.Outlet, c.outlet},
		{"author", p.Author, c.author},
		{"url", p.URL, want},
		{"date", p.Published.Format(time.DateOnly), c.date},
		{"date source", p.DateSource, c.dateSource},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.field, f.got, f.want)
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", c.name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	wantParas := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	for _, w := range wantParas {
		if !slices.Contains(p.Paragraphs, w) {
			t.Errorf("body paragraph missing: %.70q…", w)
		}
	}
	for _, g := range p.Paragraphs {
		if !slices.Contains(wantParas, g) {
			t.Errorf("extra paragraph: %q", g)
		}
	}
	text := p.Text()
	for _, f := range c.furniture {
		if strings.Contains(text, f) {
			t.Errorf("furniture %q in the text", f)
		}
	}
}

func TestExtractSavedFile(t *testing.T) {
	// A saved page has no address: the canonical one comes from the page,
	// and a page without one has none.
	for _, c := range pageCases {
		f, err := os.Open(filepath.Join("testdata", c.name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Extract(f, nil)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want := c.url
		if strings.Contains(want, "{srv}") {
			want = ""
		}
		if p.URL != want {
			t.Errorf("%s: url = %q, want %q", c.name, p.URL, want)
		}
		if p.Date() != c.date {
			t.Errorf("%s: date = %s, want %s", c.name, p.Date(), c.date)
		}
	}
}

func TestExtractDates(t *testing.T) {
	head := func(s string) string {
		return "<html><head><title>Talks | Site</title>" + s + "</head><body><h1>Talks</h1>" +
			"<p>" + strings.Repeat("The delegations met for four and a half hours in the palace. ", 6) + "</p>" +
			"<p>" + strings.Repeat("Both sides said the talks had been useful and would continue. ", 6) + "</p></body></html>"
	}
	body := func(lead string) string {
		return "<html><head><title>Talks</title></head><body><h1>Talks</h1><p>" + lead +
			strings.Repeat(" The delegations met for four and a half hours in the palace.", 6) + "</p><p>" +
			strings.Repeat("Both sides said the talks had been useful and would continue. ", 6) + "</p></body></html>"
	}
	for _, tc := range []struct {
		name, page, date, source string
	}{
		{"JSON-LD wins over meta", head(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-18T09:00:00Z"}</script><meta property="article:published_time" content="2025-02-20T09:00:00Z">`), "2025-02-18", DateJSONLD},
		{"JSON-LD in an @graph", head(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["Article","NewsArticle"],"datePublished":"2025-02-17"}]}</script>`), "2025-02-17", DateJSONLD},
		{"broken JSON-LD is skipped", head(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":</script><meta property="article:published_time" content="2025-02-20">`), "2025-02-20", DateMeta},
		{"meta wins over time", head(`<meta property="article:published_time" content="2025-02-19T23:30:00-08:00">`) + `<time datetime="2025-02-21">`, "2025-02-19", DateMeta},
		{"RFC 1123 meta", head(`<meta name="pubdate" content="Tue, 18 Feb 2025 16:42:10 GMT">`), "2025-02-18", DateMeta},
		{"time marked published wins over an earlier one", strings.Replace(head(""), "<h1>", `<time datetime="2025-02-10">Feb 10</time><time class="published" datetime="2025-02-18">Feb 18</time><h1>`, 1), "2025-02-18", DateTime},
		{"updated time is skipped", strings.Replace(head(""), "<h1>", `<time datetime="2025-02-20">Updated Feb 20</time><h1>`, 1), "", ""},
		{"dateline with abbreviated month", body("RIYADH, Saudi Arabia, Feb. 19, 2025 — Officials said."), "2025-02-19", DateDateline},
		{"dateline day month year", body("KYIV, 17 February 2025 – Officials said."), "2025-02-17", DateDateline},
		{"dateline in parentheses", body("MOSCOW (Feb. 18, 2025) - Officials said."), "2025-02-18", DateDateline},
		{"wire dateline without a year is no date", body("RIYADH, Feb 18 (Reuters) - Officials said."), "", ""},
		{"no date at all", head(""), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Extract(strings.NewReader(tc.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !p.Published.IsZero() {
				got = p.Date()
			}
			if got != tc.date || p.DateSource != tc.source {
				t.Errorf("date %q from %q, want %q from %q", got, p.DateSource, tc.date, tc.source)
			}
		})
	}
}

func TestExtractNoText(t *testing.T) {
	_, err := Extract(strings.NewReader(`<html><body><nav><a href="/">Home</a></nav></body></html>`), nil)
	if err != ErrNoText {
		t.Errorf("err = %v, want ErrNoText", err)
	}
}

func TestCleanURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://a.example/x?utm_source=t&utm_medium=s#top", "https://a.example/x"},
		{"https://a.example/x?id=5&fbclid=abc", "https://a.example/x?id=5"},
		{"https://a.example/x?page=2", "https://a.example/x?page=2"},
	} {
		u, _ := url.Parse(tc.in)
		if got := cleanURL(u); got != tc.want {
			t.Errorf("cleanURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExtractFurnitureRules(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s+" ", 4) }
	para1 := long("The delegations met for four and a half hours at the palace in Riyadh on Tuesday.")
	para2 := long("Both sides said afterwards that the talks had been useful and that they would continue.")
	page := func(body string) string {
		return "<html><head><title>Talks</title></head><body><h1>Talks</h1>" + body + "</body></html>"
	}
	for _, tc := range []struct {
		name        string
		page        string
		keep, leave []string // text that must stay, text that must go
	}{
		{
			// The article body in a class with a furniture word is kept.
			name: "body in an unlucky class",
			page: page(`<div class="article-body share-enabled"><p>` + para1 + `</p><p>` + para2 + `</p></div>`),
			keep: []string{"four and a half hours", "would continue"},
		},
		{
			// Classes inside a paragraph mark its words.
			name: "dateline span",
			page: page(`<div class="story"><p><span class="dateline">RIYADH</span> <span class="date">Feb. 19</span> — ` + para1 + `</p><p>` + para2 + `</p></div>`),
			keep: []string{"RIYADH Feb. 19 — The delegations"},
		},
		{
			name:  "hidden, aria-hidden, entry meta, read more",
			page:  page(`<div class="entry-meta">Posted on February 18 by admin</div><div><p>` + para1 + `</p><div hidden>Secret teaser text</div><p aria-hidden="true">Screen decoration</p><p>Read more: <a href="/x">Another story about the talks</a></p><p>` + para2 + `</p></div>`),
			keep:  []string{"four and a half hours", "would continue"},
			leave: []string{"Posted on", "Secret teaser", "Screen decoration", "Read more", "Another story"},
		},
		{
			name:  "advertisement label and related line as text",
			page:  page(`<div><p>` + para1 + `</p><p>Advertisement</p><p>Related: <a href="/y">Oil prices fall as talks begin</a></p><p>` + para2 + `</p></div>`),
			keep:  []string{"four and a half hours", "would continue"},
			leave: []string{"Advertisement", "Oil prices"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Extract(strings.NewReader(tc.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			text := p.Text()
			for _, k := range tc.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q:\n%s", k, text)
				}
			}
			for _, l := range tc.leave {
				if strings.Contains(text, l) {
					t.Errorf("kept %q:\n%s", l, text)
				}
			}
		})
	}
}
