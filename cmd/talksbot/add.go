package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/webpage"
)

// addOptions are the flags of "talksbot add".
type addOptions struct {
	dir                     string
	date, title, outlet, to string // overrides; to is --url
	timeout                 time.Duration
	maxBytes                int64
}

// runAdd implements "talksbot add": articles from web pages, saved pages or
// text files, written into a corpus directory.
func runAdd(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var o addOptions
	fs.StringVar(&o.dir, "corpus", a.getenv("TALKSBOT_CORPUS"), "the corpus `DIR` to add to (created if missing)")
	fs.StringVar(&o.date, "date", "", "publication date `YYYY-MM-DD`, for pages that give none or give it wrong")
	fs.StringVar(&o.title, "title", "", "headline, instead of the page's")
	fs.StringVar(&o.outlet, "outlet", "", "outlet (site name), instead of the page's")
	fs.StringVar(&o.to, "url", "", "canonical address, instead of the page's")
	fs.DurationVar(&o.timeout, "timeout", webpage.DefaultTimeout, "deadline of one fetch")
	fs.Int64Var(&o.maxBytes, "max-bytes", webpage.DefaultMaxBytes, "largest page fetched or read, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot add [--corpus DIR] [--date YYYY-MM-DD] [--title T] [--outlet O] [--url U] SOURCE...

Adds articles to a corpus directory. SOURCE is the address of a news page
(http or https only), a saved HTML page, or a text file. From a page it keeps
the article text, without navigation, ads, related-article boxes, captions,
cookie banners or paywall teasers, and reads the title, outlet, publication
date, author and canonical address. It writes DIR/ID.txt and adds its entry
to DIR/sources.json (both replaced atomically).

It refuses an article already in the directory (the same address or the same
text) and says which one it is; a page it cannot date (give --date); an
address that is not http or https; a page over --max-bytes or slower than
--timeout. --title and --url take one SOURCE only.

Flags:`)
		fs.PrintDefaults()
	}
	sources, err := parseFlags(fs, args, nil)
	if err != nil {
		return err
	}
	switch {
	case len(sources) == 0:
		return usageError("no SOURCE given: the address of a page, a saved page or a text file")
	case o.dir == "":
		return usageError("--corpus DIR (or TALKSBOT_CORPUS) is needed: the directory to add to")
	case len(sources) > 1 && (o.title != "" || o.to != ""):
		return usageError("--title and --url apply to one SOURCE; give them one at a time")
	case o.timeout <= 0:
		return usageError(fmt.Sprintf("--timeout %s: want a positive duration", o.timeout))
	case o.maxBytes <= 0:
		return usageError(fmt.Sprintf("--max-bytes %d: want 1 or more", o.maxBytes))
	}
	if o.date != "" {
		if _, err := time.Parse(time.DateOnly, o.date); err != nil {
			return usageError(fmt.Sprintf("--date %q: want YYYY-MM-DD", o.date))
		}
	}
	if o.to != "" {
		if _, err := webpage.CheckURL(o.to); err != nil {
			return usageError(fmt.Sprintf("--url %q: want an http or https address", o.to))
		}
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("corpus directory: %w", err)
	}

	f := &webpage.Fetcher{Timeout: o.timeout, MaxBytes: o.maxBytes}
	failed := 0
	var last error
	for _, src := range sources {
		art, err := addOne(ctx, f, o, src)
		if err != nil {
			failed++
			last = fmt.Errorf("%s: %w", src, err)
			if len(sources) > 1 {
				fmt.Fprintf(a.stderr, "talksbot add: %v\n", last)
			}
			continue
		}
		fmt.Fprintf(a.stdout, "added %s: %q (%s, %s) -> %s\n", art.ID, art.Title, art.Outlet, art.Date(), filepath.Join(o.dir, art.File))
	}
	switch {
	case failed == 0:
		return nil
	case len(sources) == 1:
		return last
	}
	return fmt.Errorf("%d of %d sources not added", failed, len(sources))
}

// addOne adds one source to the directory.
func addOne(ctx context.Context, f *webpage.Fetcher, o addOptions, src string) (corpus.Article, error) {
	d, err := draft(ctx, f, o, src)
	if err != nil {
		return corpus.Article{}, err
	}
	if o.date != "" {
		d.Meta.Published = o.date
	}
	d.Meta.Title = cmp.Or(o.title, d.Meta.Title)
	d.Meta.Outlet = cmp.Or(o.outlet, d.Meta.Outlet)
	d.Meta.URL = cmp.Or(o.to, d.Meta.URL)
	art, err := corpus.Add(o.dir, d)
	if errors.Is(err, corpus.ErrUndated) {
		return art, errors.New("cannot tell when it was published: give the date with --date YYYY-MM-DD")
	}
	return art, err
}

// hasScheme reports whether s starts with an address's scheme ("https:",
// "file:"); one letter is a drive ("C:"), not a scheme.
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 {
		return false
	}
	for j, r := range s[:i] {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (j == 0 || !('0' <= r && r <= '9' || r == '+' || r == '.' || r == '-')) {
			return false
		}
	}
	return true
}

// draft reads src (an address, a saved page or a text file) as an article
// to add.
func draft(ctx context.Context, f *webpage.Fetcher, o addOptions, src string) (corpus.Draft, error) {
	if hasScheme(src) {
		if _, err := os.Stat(src); err != nil { // "a:b.html" may be a file
			resp, err := f.Fetch(ctx, src)
			var se *webpage.SchemeError
			if errors.As(err, &se) {
				return corpus.Draft{}, errors.New("only http and https addresses can be fetched; for a file on this machine give its path")
			}
			if err != nil {
				return corpus.Draft{}, unwrapFetch(err, src)
			}
			if !resp.IsHTML() && !looksHTML(resp.Body) {
				return corpus.Draft{Text: string(resp.Body), Meta: corpus.Meta{URL: cleanAddress(resp.URL), Note: note("", src, "")}}, nil
			}
			return pageDraft(resp.Body, resp.URL, src)
		}
	}
	data, err := readLimited(src, o.maxBytes)
	if err != nil {
		return corpus.Draft{}, err
	}
	ext := strings.ToLower(filepath.Ext(src))
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" || (ext != ".txt" && looksHTML(data)) {
		if data, err = webpage.Decode(data, ""); err != nil {
			return corpus.Draft{}, err
		}
		return pageDraft(data, nil, src)
	}
	return corpus.Draft{Text: string(data), Meta: corpus.Meta{Note: note("", src, "")}}, nil
}

// pageDraft extracts the article of an HTML page found at pageURL (nil for
// a saved page).
func pageDraft(body []byte, pageURL *url.URL, src string) (corpus.Draft, error) {
	p, err := webpage.Extract(bytes.NewReader(body), pageURL)
	if err != nil {
		return corpus.Draft{}, err
	}
	d := corpus.Draft{
		Text: p.Text(),
		Meta: corpus.Meta{Title: p.Title, Outlet: p.Outlet, Published: p.Date(), URL: p.URL, Note: note(p.Author, src, p.DateSource)},
	}
	if pageURL != nil {
		d.OtherURLs = []string{pageURL.String()}
	}
	return d, nil
}

// note is the provenance written in sources.json.
func note(author, src, dateSource string) string {
	var parts []string
	if author != "" {
		parts = append(parts, "by "+author)
	}
	parts = append(parts, "added with talksbot add from "+src)
	if dateSource != "" {
		parts = append(parts, "date from the page's "+dateSource)
	}
	return strings.Join(parts, "; ")
}

// readLimited reads the file p of at most limit bytes.
func readLimited(p string, limit int64) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large (over %d bytes; see --max-bytes)", limit)
	}
	return data, nil
}

// looksHTML reports whether data sniffs as HTML.
func looksHTML(data []byte) bool {
	return strings.HasPrefix(http.DetectContentType(data), "text/html")
}

// cleanAddress is u as the address of an article, without its fragment.
func cleanAddress(u *url.URL) string {
	c := *u
	c.Fragment = ""
	return c.String()
}

// unwrapFetch drops the "fetch ADDRESS: " the fetcher puts before its
// errors: the caller names the source already.
func unwrapFetch(err error, src string) error {
	msg := strings.TrimPrefix(err.Error(), "fetch "+src+": ")
	return errors.New(msg)
}
