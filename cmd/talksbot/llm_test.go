package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/bot/llm/llmtest"
	"github.com/talksbot/talksbot/corpus"
)

const secretKey = "sk-never-show-me-0123456789"

var firstPassage = regexp.MustCompile(`(?m)^\[1\] .*\n(.*)$`)

// quotingModel answers like a careful model: the first sentence of passage
// 1, cited.
func quotingModel(req llmtest.ChatRequest) llmtest.Reply {
	m := firstPassage.FindStringSubmatch(req.User())
	if m == nil {
		return llmtest.Reply{Text: "The articles don't say."}
	}
	s := english.Split(m[1])[0]
	return llmtest.Reply{Text: strings.TrimSuffix(s, ".") + " [1]."}
}

// runWithEndpoint runs the program with OPENAI_BASE_URL pointing at srv.
func runWithEndpoint(t *testing.T, srv *llmtest.Server, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"HOME": t.TempDir(), "OPENAI_BASE_URL": srv.BaseURL(), "OPENAI_API_KEY": secretKey}
	err := run(t.Context(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut, nil)
	return out.String(), errOut.String(), err
}

func decode(t *testing.T, out string) map[string]any {
	t.Helper()
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	return got
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestAskJSONWithEndpoint: against a fake endpoint, ask --json prints the
// same contract as offline, in mode "llm", with checked citations, and never
// the key.
func TestAskJSONWithEndpoint(t *testing.T) {
	const q = "Who led the U.S. delegation at the Riyadh talks?"
	srv := llmtest.New(t)
	srv.Default = quotingModel
	out, errOut, err := runWithEndpoint(t, srv, "ask", "--json", "--log-level", "debug", "--model", "fake-model", q)
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	if strings.Contains(out+errOut, secretKey) {
		t.Fatalf("the key leaked:\n%s\n%s", out, errOut)
	}
	got := decode(t, out)
	offOut, _, err := runCmd(t, "", "ask", "--json", q)
	if err != nil {
		t.Fatal(err)
	}
	off := decode(t, offOut)
	for _, k := range keys(off) {
		if _, ok := got[k]; !ok {
			t.Errorf("the LLM answer lacks %q, which the offline one has", k)
		}
	}
	if got["mode"] != "llm" {
		t.Fatalf("mode %v, want llm: %s", got["mode"], out)
	}
	if _, ok := got["check"]; !ok {
		t.Errorf("no check report: %s", out)
	}
	arts, _ := corpus.Embedded()
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	cits, _ := got["citations"].([]any)
	if len(cits) != 1 {
		t.Fatalf("%d citations, want 1: %s", len(cits), out)
	}
	c := cits[0].(map[string]any)
	for _, k := range []string{"n", "article", "title", "outlet", "published", "url", "quote"} {
		if _, ok := c[k]; !ok {
			t.Errorf("citation lacks %q", k)
		}
	}
	if !strings.Contains(text[c["article"].(string)], c["quote"].(string)) {
		t.Errorf("quote %q is not in article %v", c["quote"], c["article"])
	}
	if !strings.Contains(got["answer"].(string), "[1]") {
		t.Errorf("answer without marker: %v", got["answer"])
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 1 || reqs[0].Model != "fake-model" {
		t.Errorf("chat requests %+v", reqs)
	}
	if a := srv.Requests()[0].Authorization; a != "Bearer "+secretKey {
		t.Errorf("Authorization %q", a)
	}
}

// A failing endpoint: the offline answer, with a note, exit status 0.
func TestAskJSONEndpointDown(t *testing.T) {
	srv := llmtest.New(t)
	srv.Default = func(llmtest.ChatRequest) llmtest.Reply {
		return llmtest.Reply{Status: 401, Body: `{"error":{"message":"Incorrect API key provided: ` + secretKey + `"}}`}
	}
	out, errOut, err := runWithEndpoint(t, srv, "ask", "--json", "Who led the U.S. delegation at the Riyadh talks?")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	if strings.Contains(out+errOut, secretKey) {
		t.Fatalf("the key leaked:\n%s\n%s", out, errOut)
	}
	got := decode(t, out)
	if got["mode"] != "extractive" || got["note"] != "the LLM failed; this is the offline answer" {
		t.Errorf("mode %v, note %v", got["mode"], got["note"])
	}
}

// With --embed-model the passages are embedded through the endpoint once,
// then read from the cache.
func TestEmbedModelCached(t *testing.T) {
	srv := llmtest.New(t)
	srv.Default = quotingModel
	cache := t.TempDir()
	embedCalls := func() int {
		n := 0
		for _, r := range srv.Requests() {
			if strings.HasSuffix(r.Path, "/embeddings") {
				n++
			}
		}
		return n
	}
	var calls [2]int
	for run := 0; run < 2; run++ {
		out, errOut, err := runWithEndpoint(t, srv, "ask", "--json", "--embed-model", "fake-embed", "--cache", cache, "Who led the U.S. delegation?")
		if err != nil {
			t.Fatalf("%v: %s", err, errOut)
		}
		if got := decode(t, out); got["mode"] != "llm" {
			t.Errorf("run %d: mode %v", run, got["mode"])
		}
		calls[run] = embedCalls()
	}
	files, _ := os.ReadDir(cache)
	if len(files) == 0 {
		t.Fatal("nothing cached")
	}
	// The first run embeds the passages (in batches) and the question; the
	// second only the question.
	if calls[0] < 2 || calls[1]-calls[0] != 1 {
		t.Errorf("embeddings requests: %d in the first run, %d in the second; want >= 2, then 1", calls[0], calls[1]-calls[0])
	}
}

func TestEmbedModelNeedsEndpoint(t *testing.T) {
	_, errOut, err := runCmd(t, "", "ask", "--embed-model", "x", "question")
	if err == nil || !strings.Contains(errOut, "--embed-model needs an endpoint") {
		t.Errorf("err %v, stderr %s", err, errOut)
	}
}

// An embedding endpoint that fails, with no cache, degrades like chat: the
// offline embedder and BM25 answer, the answer's note says so, and the
// command succeeds (exit status 0). Configured as a user would:
// OPENAI_BASE_URL and --embed-model.
func TestEmbedEndpointFails(t *testing.T) {
	tests := []struct {
		name string
		fail llmtest.Reply
	}{
		// The server answers every embeddings request with a 500.
		{name: "fails", fail: llmtest.Reply{Status: 500, Body: `{"error":{"message":"embedding model not loaded"}}`}},
		// The server accepts the request and never answers.
		{name: "hangs", fail: llmtest.Reply{Hang: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t)
			srv.Default = quotingModel
			srv.EmbedFail = &tt.fail
			out, errOut, err := runWithEndpoint(t, srv, "ask", "--json", "--embed-model", "fake-embed",
				"--cache", t.TempDir(), "--llm-timeout", "100ms", "Who led the U.S. delegation?")
			if err != nil {
				t.Fatalf("exit with %v, want success: %s", err, errOut)
			}
			got := decode(t, out)
			if note, _ := got["note"].(string); !strings.Contains(note, "offline embedder") {
				t.Errorf("note %q, want it to say the offline embedder answered", note)
			}
			if !strings.Contains(errOut, "the embedding endpoint failed") {
				t.Errorf("stderr does not say the endpoint failed:\n%s", errOut)
			}
			if strings.Contains(out+errOut, secretKey) {
				t.Errorf("the key leaked")
			}
		})
	}
}
