package webpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Defaults of a Fetcher, chosen for news pages: the largest pages of big
// outlets (inline scripts and JSON state included) weigh 1 to 3 MB.
const (
	DefaultTimeout   = 20 * time.Second
	DefaultMaxBytes  = 8 << 20
	DefaultUserAgent = "talksbot/1.0 (+https://github.com/talksbot/talksbot; adds one article a request)"
	maxRedirects     = 5
)

// Fetcher fetches web pages over http and https. The zero value uses the
// defaults.
type Fetcher struct {
	Client    *http.Client  // nil: a client of its own; its Timeout is not changed
	Timeout   time.Duration // deadline of the whole fetch, body included; 0: DefaultTimeout
	MaxBytes  int64         // largest body accepted; 0: DefaultMaxBytes
	UserAgent string        // "": DefaultUserAgent
}

// Response is a fetched page.
type Response struct {
	URL         *url.URL // where the page was found, after redirects
	ContentType string   // media type without parameters, e.g. "text/html"
	Body        []byte   // decoded to UTF-8
}

// IsHTML reports whether the page is HTML (or XHTML).
func (r *Response) IsHTML() bool {
	return r.ContentType == "text/html" || r.ContentType == "application/xhtml+xml"
}

// SchemeError reports an address that is not http or https.
type SchemeError struct{ URL string }

func (e *SchemeError) Error() string {
	return fmt.Sprintf("%s: only http and https addresses can be fetched", e.URL)
}

// CheckURL parses raw and returns it if it is an absolute http or https
// address with a host; otherwise a *SchemeError or a parse error.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("bad address %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &SchemeError{URL: raw}
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad address %q: no host", raw)
	}
	return u, nil
}

// Fetch gets the page at raw: http or https only (redirects too, at most
// five), within the timeout and size limit, sending the user agent. Pages
// that are neither HTML nor plain text are refused. The body is decoded to
// UTF-8 from the charset the server or the page declares.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (*Response, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, err
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxBytes := f.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	client := http.Client{}
	if f.Client != nil {
		client = *f.Client
	}
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return &SchemeError{URL: req.URL.String()}
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	req.Header.Set("User-Agent", cmpOr(f.UserAgent, DefaultUserAgent))
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("fetch %s: no complete answer within %s", raw, timeout)
		}
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: the server answered %s", raw, resp.Status)
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("fetch %s: page too large (%d bytes, limit %d)", raw, resp.ContentLength, maxBytes)
	}
	ctype := resp.Header.Get("Content-Type")
	media, _, _ := mime.ParseMediaType(ctype)
	switch media {
	case "text/html", "application/xhtml+xml", "text/plain", "":
	default:
		return nil, fmt.Errorf("fetch %s: not a web page or text (content type %s)", raw, media)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return nil, fmt.Errorf("fetch %s: no complete answer within %s", raw, timeout)
		}
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	if int64(len(body)) > maxBytes {
		return nil, fmt.Errorf("fetch %s: page too large (over %d bytes)", raw, maxBytes)
	}
	if media == "" {
		media, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	body, err = Decode(body, ctype)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	return &Response{URL: resp.Request.URL, ContentType: media, Body: body}, nil
}

// Decode converts a page to UTF-8 from the charset that contentType (may be
// "") or the page itself declares; UTF-8 pages come back unchanged.
func Decode(body []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return body, nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
