package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
)

// pageServer serves the test pages of corpus/webpage as a news site would,
// an undated page, and a page that never answers.
func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for _, name := range []string{"wordpress", "jsonld", "opengraph", "dateline"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "webpage", "testdata", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		serve := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
		}
		mux.HandleFunc("/"+name, serve)
		if name == "dateline" {
			undated := []byte(strings.Replace(string(data), "RIYADH, Saudi Arabia, Feb. 19, 2025 &mdash; ", "", 1))
			mux.HandleFunc("/undated", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write(undated)
			})
		}
	}
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAddThenAsk(t *testing.T) {
	srv := pageServer(t)
	dir := filepath.Join(t.TempDir(), "corpus") // created by add
	args := []string{"add", "--corpus", dir}
	for _, name := range []string{"wordpress", "jsonld", "opengraph", "dateline"} {
		args = append(args, srv.URL+"/"+name+"?utm_source=discord")
	}
	out, errOut, err := runCmd(t, "", args...)
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	if n := strings.Count(out, "added "); n != 4 {
		t.Errorf("%d added:\n%s", n, out)
	}
	arts, errs := corpus.LoadDir(dir)
	if len(errs) > 0 || len(arts) != 4 {
		t.Fatalf("load: %d articles, %v", len(arts), errs)
	}
	byOutlet := map[string]corpus.Article{}
	for _, a := range arts {
		byOutlet[a.Outlet] = a
	}
	if a := byOutlet["Gulf Observer"]; a.Date() != "2025-02-19" || a.URL != srv.URL+"/dateline" {
		t.Errorf("dateline page loaded as %s %s", a.Date(), a.URL)
	}

	for _, tc := range []struct{ question, fact, outlet string }{
		{"How much money did Kirill Dmitriev say American companies lost by leaving Russia?", "$300 billion", "Global Dispatch"},
		{"Where did Zelensky learn about the Riyadh talks from?", "media", "Kyiv Courier"},
	} {
		out, errOut, err := runCmd(t, "", "ask", "--corpus", dir, "--json", tc.question)
		if err != nil {
			t.Fatalf("ask: %v: %s", err, errOut)
		}
		var got struct {
			Answer    string `json:"answer"`
			Abstained bool   `json:"abstained"`
			Citations []struct {
				Outlet string `json:"outlet"`
			} `json:"citations"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Abstained || !strings.Contains(got.Answer, tc.fact) {
			t.Errorf("%q: answer %q, want %q", tc.question, got.Answer, tc.fact)
		}
		if len(got.Citations) == 0 || got.Citations[0].Outlet != tc.outlet {
			t.Errorf("%q: citations %+v, want %s", tc.question, got.Citations, tc.outlet)
		}
	}
}

func TestAddRefusals(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	if _, errOut, err := runCmd(t, "", "add", "--corpus", dir, srv.URL+"/wordpress"); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	sources, err := os.ReadFile(filepath.Join(dir, corpus.MetaFile))
	if err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "page.html")
	data, _ := os.ReadFile(filepath.Join("..", "..", "corpus", "webpage", "testdata", "wordpress.html"))
	os.WriteFile(saved, data, 0o644)
	undatedText := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(undatedText, []byte("Officials met in Riyadh for more than four hours and agreed to keep talking.\n"), 0o644)

	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string // in standard error
	}{
		{"no source", []string{"add", "--corpus", dir}, 2, "no SOURCE"},
		{"no corpus", []string{"add", srv.URL + "/jsonld"}, 2, "--corpus DIR"},
		{"bad date", []string{"add", "--corpus", dir, "--date", "18/02/2025", srv.URL + "/undated"}, 2, "want YYYY-MM-DD"},
		{"title for two sources", []string{"add", "--corpus", dir, "--title", "T", srv.URL + "/jsonld", srv.URL + "/opengraph"}, 2, "one SOURCE"},
		{"bad --url", []string{"add", "--corpus", dir, "--url", "ftp://x.example/a", srv.URL + "/jsonld"}, 2, "--url"},
		{"file scheme", []string{"add", "--corpus", dir, "file:///etc/passwd"}, 1, "only http and https"},
		{"ftp scheme", []string{"add", "--corpus", dir, "ftp://ftp.example.org/a.html"}, 1, "only http and https"},
		{"undated page", []string{"add", "--corpus", dir, srv.URL + "/undated"}, 1, "give the date with --date YYYY-MM-DD"},
		{"undated text file", []string{"add", "--corpus", dir, undatedText}, 1, "--date YYYY-MM-DD"},
		{"same address", []string{"add", "--corpus", dir, srv.URL + "/wordpress?utm_source=x"}, 1, "already in the corpus as 2025-02-18-rubio-lavrov-open-talks"},
		{"same page saved", []string{"add", "--corpus", dir, saved}, 1, "already in the corpus as 2025-02-18-rubio-lavrov-open-talks"},
		{"same text elsewhere", []string{"add", "--corpus", dir, "--url", "https://mirror.example/a", saved}, 1, "the same text"},
		{"never answers", []string{"add", "--corpus", dir, "--timeout", "300ms", srv.URL + "/hang"}, 1, "no complete answer within 300ms"},
		{"too large", []string{"add", "--corpus", dir, "--max-bytes", "2000", srv.URL + "/jsonld"}, 1, "too large"},
		{"not found", []string{"add", "--corpus", dir, srv.URL + "/nothing"}, 1, "404"},
		{"no such file", []string{"add", "--corpus", dir, "nothing.html"}, 1, "no such file"},
		{"one of two fails", []string{"add", "--corpus", dir, "file:///etc/passwd", srv.URL + "/wordpress"}, 1, "2 of 2 sources not added"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, err := runCmd(t, "", tc.args...)
			code := 0
			if err != nil {
				code = exitCode(err)
			}
			if code != tc.code || !strings.Contains(errOut, tc.msg) {
				t.Errorf("exit %d, want %d; stderr %q, want %q", code, tc.code, errOut, tc.msg)
			}
			now, _ := os.ReadFile(filepath.Join(dir, corpus.MetaFile))
			if string(now) != string(sources) {
				t.Errorf("sources.json changed")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("%d files in the directory, want 2", len(entries))
			}
		})
	}

	// With the date given, the undated page goes in; so do a saved page and
	// a text file with a date line.
	dated := filepath.Join(t.TempDir(), "dated.txt")
	os.WriteFile(dated, []byte(" date 2025-02-20\n\nThe two teams would meet again in Istanbul, officials said on Thursday, to discuss the work of the embassies.\n"), 0o644)
	if out, errOut, err := runCmd(t, "", "add", "--corpus", dir, "--date", "2025-02-19", srv.URL+"/undated"); err != nil || !strings.Contains(out, "2025-02-19") {
		t.Errorf("with --date: %v %s %s", err, out, errOut)
	}
	if out, errOut, err := runCmd(t, "", "add", "--corpus", dir, "--outlet", "Notes", dated); err != nil || !strings.Contains(out, "(Notes, 2025-02-20)") {
		t.Errorf("text file: %v %s %s", err, out, errOut)
	}
	if arts, errs := corpus.LoadDir(dir); len(errs) > 0 || len(arts) != 3 {
		t.Errorf("load: %d articles, %v", len(arts), errs)
	}
}

func TestHasScheme(t *testing.T) {
	for s, want := range map[string]bool{
		"https://a.example": true, "file:///etc/passwd": true, "ftp://x": true, "javascript:alert(1)": true,
		"C:\\page.html": false, "page.html": false, "./a:b.html": false, ":x": false,
	} {
		if got := hasScheme(s); got != want {
			t.Errorf("hasScheme(%q) = %v", s, got)
		}
	}
}
