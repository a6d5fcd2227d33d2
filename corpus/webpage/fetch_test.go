package webpage

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetchRefusesOtherSchemes(t *testing.T) {
	var f Fetcher
	for _, raw := range []string{
		"file:///etc/passwd",
		"ftp://ftp.example.org/article.html",
		"gopher://example.org/",
		"javascript:alert(1)",
		"data:text/html,<p>hi</p>",
		"//example.org/no-scheme",
		"example.org/no-scheme",
	} {
		_, err := f.Fetch(t.Context(), raw)
		var se *SchemeError
		if !errors.As(err, &se) {
			t.Errorf("Fetch(%q): err = %v, want a SchemeError", raw, err)
		}
	}
}

func TestFetchRedirectToOtherScheme(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	_, err := f.Fetch(t.Context(), srv.URL)
	var se *SchemeError
	if !errors.As(err, &se) {
		t.Errorf("err = %v, want a SchemeError", err)
	}
}

func TestFetchUserAgentAndRedirect(t *testing.T) {
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.UserAgent())
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.UserAgent())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><body><p>hello</p></body></html>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	resp, err := f.Fetch(t.Context(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL.Path != "/new" || !resp.IsHTML() {
		t.Errorf("url %s, type %s; want /new, HTML", resp.URL, resp.ContentType)
	}
	for _, a := range agents {
		if a != DefaultUserAgent {
			t.Errorf("user agent %q, want %q", a, DefaultUserAgent)
		}
	}
}

func TestFetchSizeLimit(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("word ", 50_000) + "</p></body></html>" // about 250 KB
	for _, tc := range []struct {
		name    string
		chunked bool // no Content-Length: the limit is found while reading
	}{{"with Content-Length", false}, {"chunked", true}} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				if tc.chunked {
					w.(http.Flusher).Flush()
				}
				w.Write([]byte(page))
			}))
			defer srv.Close()
			f := &Fetcher{Client: srv.Client(), MaxBytes: 100_000}
			_, err := f.Fetch(t.Context(), srv.URL)
			if err == nil || !strings.Contains(err.Error(), "too large") {
				t.Errorf("err = %v, want too large", err)
			}
			f.MaxBytes = 1 << 20
			if _, err := f.Fetch(t.Context(), srv.URL); err != nil {
				t.Errorf("under the limit: %v", err)
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	// A server that accepts the request and never answers.
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	f := &Fetcher{Client: srv.Client(), Timeout: 200 * time.Millisecond}
	start := time.Now()
	_, err := f.Fetch(t.Context(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "no complete answer within 200ms") {
		t.Errorf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestFetchRefusals(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	for path, want := range map[string]string{"/pdf": "not a web page", "/gone": "404"} {
		if _, err := f.Fetch(t.Context(), srv.URL+path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

func TestFetchDecodesCharset(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<p>Caf\xe9 in Riyadh</p>"))
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	resp, err := f.Fetch(t.Context(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(resp.Body), "Café") {
		t.Errorf("body %q, want Café decoded", resp.Body)
	}
}
