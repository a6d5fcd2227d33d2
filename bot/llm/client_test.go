package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"go.uber.org/goleak"

	"github.com/talksbot/talksbot/bot/llm/llmtest"
	"github.com/talksbot/talksbot/retrieval"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// The client is the retrieval package's Embedder.
var _ retrieval.Embedder = (*Client)(nil)

func TestModelID(t *testing.T) {
	for _, tt := range []struct{ base, want string }{
		{"", "openai-compatible:https://api.openai.com/v1#emb"},
		{"http://user:secret@127.0.0.1:11434/v1/", "openai-compatible:http://127.0.0.1:11434/v1#emb"},
	} {
		c := New(slog.New(slog.DiscardHandler), Config{BaseURL: tt.base, EmbedModel: "emb"})
		if got := c.ModelID(); got != tt.want {
			t.Errorf("ModelID() = %q, want %q", got, tt.want)
		}
	}
}

const testKey = "sk-test-0123456789abcdef"

// newClient returns a client of srv with short deadlines, and the buffer its
// logs go to.
func newClient(t *testing.T, srv *llmtest.Server, key string) (*Client, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c := New(slog.New(slog.NewTextHandler(&logs, nil)), Config{
		Key: key, BaseURL: srv.BaseURL(), Model: "test-model", EmbedModel: "test-embed",
		Timeout: time.Second, Backoff: 10 * time.Millisecond, EmbedBatch: 2, // roomy enough for a loaded CI machine
		HTTPClient: &http.Client{Transport: tr},
	})
	return c, &logs
}

const answer = "Marco Rubio led the U.S. delegation [1]. Sergei Lavrov led Russia's [2]."

func TestComplete(t *testing.T) {
	vllmBody := `{"object":"error","message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}`
	tests := []struct {
		name     string
		replies  []llmtest.Reply
		stream   bool   // pass an onDelta
		want     string // the text, when the call succeeds
		wantErr  string // a substring of the error, when it fails
		is       error  // an error the failure must match
		requests int    // chat requests the server must see
		minTime  time.Duration
	}{
		{name: "streamed answer", replies: []llmtest.Reply{{Text: answer}}, stream: true, want: answer, requests: 1},
		{name: "usage chunk without choices", replies: []llmtest.Reply{{Text: answer, Usage: true}}, stream: true, want: answer, requests: 1},
		{name: "not streamed to anyone", replies: []llmtest.Reply{{Text: answer}}, want: answer, requests: 1},
		// 429 with Retry-After: the second attempt waits at least that long.
		{name: "429 with Retry-After", replies: []llmtest.Reply{
			{Status: 429, Header: http.Header{"Retry-After": {"1"}}, Body: `{"error":{"message":"Rate limit reached","type":"requests"}}`},
			{Text: answer}}, stream: true, want: answer, requests: 2, minTime: time.Second},
		{name: "500 then success", replies: []llmtest.Reply{{Status: 500, Body: `{"error":{"message":"overloaded"}}`}, {Text: answer}},
			stream: true, want: answer, requests: 2},
		{name: "502 without a body three times", replies: []llmtest.Reply{{Status: 502}, {Status: 502}, {Status: 502}, {Text: answer}},
			wantErr: "502", requests: 3},
		// Other 4xx are not retried.
		{name: "401 not retried", replies: []llmtest.Reply{{Status: 401, Body: `{"error":{"message":"invalid key"}}`}, {Text: answer}},
			wantErr: "401 Unauthorized: invalid key", requests: 1},
		{name: "vLLM-style error body", replies: []llmtest.Reply{{Status: 400, Body: vllmBody}},
			wantErr: "maximum context length is 4096 tokens", requests: 1},
		{name: "FastAPI detail", replies: []llmtest.Reply{{Status: 404, Body: `{"detail":"Not Found"}`}},
			wantErr: "Not Found", requests: 1},
		// A hang: every attempt times out, three attempts.
		{name: "hang", replies: []llmtest.Reply{{Hang: true}, {Hang: true}, {Hang: true}},
			wantErr: "no answer within", is: context.DeadlineExceeded, requests: 3},
		{name: "hang then answer", replies: []llmtest.Reply{{Hang: true}, {Text: answer}}, stream: true, want: answer, requests: 2},
		// Cut mid-sentence after text reached the user: an error, not retried.
		{name: "cut mid-sentence while streaming", replies: []llmtest.Reply{{Text: answer, Cut: true}, {Text: answer}},
			stream: true, is: ErrTruncated, requests: 1},
		// Cut before anyone saw it: retried.
		{name: "cut mid-sentence, not streamed", replies: []llmtest.Reply{{Text: answer, Cut: true}, {Text: answer}},
			want: answer, requests: 2},
		{name: "connection torn down mid-stream", replies: []llmtest.Reply{{Text: answer, Abort: true}, {Text: answer}},
			stream: true, wantErr: "chat:", requests: 1},
		{name: "malformed JSON body", replies: []llmtest.Reply{{Body: `{"choices": [`}},
			wantErr: "empty answer", requests: 1},
		{name: "malformed JSON event", replies: []llmtest.Reply{{Body: "data: {\"choices\": [\n\n"}},
			wantErr: "not valid JSON", requests: 1},
		{name: "empty answer", replies: []llmtest.Reply{{Text: ""}}, wantErr: "empty answer", requests: 1},
		// The token cap cut the answer: never taken for whole, not retried
		// (the same request would stop at the same cap).
		{name: "finish length", replies: []llmtest.Reply{{Text: answer + " Both sides agreed to", Finish: "length"}, {Text: answer}},
			stream: true, is: ErrLength, requests: 1},
		{name: "finish content_filter", replies: []llmtest.Reply{{Text: answer, Finish: "content_filter"}},
			is: ErrLength, requests: 1},
		// Cut at a sentence boundary, with no finish_reason: still cut.
		{name: "cut at a sentence boundary while streaming", replies: []llmtest.Reply{{Text: "Rubio led it. Lavrov came. Waltz came. Witkoff came too.", Cut: true}},
			stream: true, is: ErrTruncated, requests: 1},
		{name: "cut at a sentence boundary, not streamed", replies: []llmtest.Reply{{Text: "Rubio led it. Lavrov came. Waltz came. Witkoff came too.", Cut: true}, {Text: answer}},
			want: answer, requests: 2},
		// A runaway answer is read up to the cap and no further.
		{name: "200 KB answer", replies: []llmtest.Reply{{Text: strings.Repeat("Rubio led the delegation [1]. ", 7000)}},
			stream: true, is: ErrTooLong, requests: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, tt.replies...)
			c, _ := newClient(t, srv, testKey)
			var streamed strings.Builder
			var onDelta func(string) error
			if tt.stream {
				onDelta = func(s string) error { streamed.WriteString(s); return nil }
			}
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			t0 := time.Now()
			got, err := c.Complete(ctx, "system", "user", onDelta)
			elapsed := time.Since(t0)
			if n := len(srv.ChatRequests()); n != tt.requests {
				t.Errorf("server saw %d chat requests, want %d", n, tt.requests)
			}
			if elapsed < tt.minTime {
				t.Errorf("took %v, want at least %v", elapsed, tt.minTime)
			}
			if tt.wantErr == "" && tt.is == nil {
				if err != nil {
					t.Fatalf("Complete: %v", err)
				}
				if got != tt.want {
					t.Errorf("got %q, want %q", got, tt.want)
				}
				if tt.stream && !strings.HasPrefix(streamed.String(), tt.want) {
					t.Errorf("streamed %q, want it to begin with %q", streamed.String(), tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Complete = %q, want an error", got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if want := tt.is == ErrTruncated || tt.is == ErrLength || tt.is == ErrTooLong; Incomplete(err) != want {
				t.Errorf("Incomplete(%q) = %v, want %v", err, !want, want)
			}
			if streamed.Len() > MaxAnswer {
				t.Errorf("streamed %d bytes, over the cap of %d", streamed.Len(), MaxAnswer)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not an *Error", err)
			}
		})
	}
}

func TestCompleteRequest(t *testing.T) {
	for _, tt := range []struct {
		name, key, model, wantAuth string
		wantMax, wantMaxCompletion int
		wantTemp                   float64
	}{
		{name: "with key", key: testKey, model: "test-model", wantAuth: "Bearer " + testKey, wantMax: DefaultMaxTokens, wantTemp: temperature},
		// Ollama, llama.cpp: no key, no Authorization header.
		{name: "without key", model: "llama3.2", wantAuth: "", wantMax: DefaultMaxTokens, wantTemp: temperature},
		// Reasoning models refuse max_tokens and temperature.
		{name: "reasoning model", key: testKey, model: "o3-mini", wantAuth: "Bearer " + testKey, wantMaxCompletion: 4 * DefaultMaxTokens},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Text: answer})
			c, _ := newClient(t, srv, tt.key)
			c.cfg.Model = tt.model
			if _, err := c.Complete(t.Context(), "the system prompt", "the user prompt", nil); err != nil {
				t.Fatal(err)
			}
			r := srv.Requests()[0]
			if r.Authorization != tt.wantAuth {
				t.Errorf("Authorization %q, want %q", r.Authorization, tt.wantAuth)
			}
			cr := srv.ChatRequests()[0]
			if cr.Model != tt.model || !cr.Stream || cr.System() != "the system prompt" || cr.User() != "the user prompt" {
				t.Errorf("request %+v", cr)
			}
			if cr.MaxTokens != tt.wantMax || cr.MaxCompletionTokens != tt.wantMaxCompletion {
				t.Errorf("max_tokens %d, max_completion_tokens %d; want %d, %d", cr.MaxTokens, cr.MaxCompletionTokens, tt.wantMax, tt.wantMaxCompletion)
			}
			if d := cr.Temperature - tt.wantTemp; d > 1e-6 || d < -1e-6 {
				t.Errorf("temperature %v, want %v", cr.Temperature, tt.wantTemp)
			}
		})
	}
}

// The key never shows in errors or logs, even when the server echoes it.
func TestKeyNeverLeaks(t *testing.T) {
	echo := `{"error":{"message":"Incorrect API key provided: ` + testKey + `","type":"invalid_request_error"}}`
	for _, rep := range []llmtest.Reply{
		{Status: 401, Body: echo},
		{Status: 500, Body: "upstream rejected Bearer " + testKey},
		{Status: 400, Body: `{"object":"error","message":"bad key ` + testKey + `"}`},
	} {
		srv := llmtest.New(t, rep, rep, rep)
		c, logs := newClient(t, srv, testKey)
		_, err := c.Complete(t.Context(), "s", "u", nil)
		if err == nil {
			t.Fatal("no error")
		}
		if strings.Contains(err.Error(), testKey) {
			t.Errorf("error leaks the key: %v", err)
		}
		if strings.Contains(logs.String(), testKey) {
			t.Errorf("logs leak the key: %s", logs)
		}
		if !strings.Contains(err.Error(), "[redacted]") {
			t.Errorf("error %q: want the key replaced by [redacted]", err)
		}
	}
}

// A key echoed across the 300-character cut of a long server message leaks
// no prefix: the message is scrubbed before it is clipped.
func TestKeyAcrossClipNeverLeaks(t *testing.T) {
	for _, pad := range []int{280, 290, 295, 299} {
		t.Run(fmt.Sprint(pad), func(t *testing.T) {
			msg := strings.Repeat("x", pad) + testKey + " trailing words"
			rep := llmtest.Reply{Status: 401, Body: `{"error":{"message":"` + msg + `"}}`}
			srv := llmtest.New(t, rep)
			c, logs := newClient(t, srv, testKey)
			_, err := c.Complete(t.Context(), "s", "u", nil)
			if err == nil {
				t.Fatal("no error")
			}
			for n := 8; n <= len(testKey); n++ {
				if p := testKey[:n]; strings.Contains(err.Error(), p) || strings.Contains(logs.String(), p) {
					t.Fatalf("error or logs leak the key's prefix %q: %v", p, err)
				}
			}
		})
	}
}

// secretsOf covers the key, a URL password, a bare URL username (some
// proxies take the key as https://KEY@host/v1) and the query.
func TestSecretsOf(t *testing.T) {
	for _, tt := range []struct {
		name, key, base string
		want            []string
	}{
		{"key only", testKey, "http://127.0.0.1/v1", []string{testKey}},
		{"password", "", "http://user:pw-secret@127.0.0.1/v1", []string{"pw-secret"}},
		{"bare username", "", "https://sk-user-key@127.0.0.1/v1", []string{"sk-user-key"}},
		{"query", "", "http://127.0.0.1/v1?api-key=abc123", []string{"api-key=abc123"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := secretsOf(tt.key, tt.base); !slices.Equal(got, tt.want) {
				t.Errorf("secretsOf(%q, %q) = %q, want %q", tt.key, tt.base, got, tt.want)
			}
		})
	}
}

func TestDeltaErrorStops(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Text: answer}, llmtest.Reply{Text: answer})
	c, _ := newClient(t, srv, "")
	stop := errors.New("the reader went away")
	_, err := c.Complete(t.Context(), "s", "u", func(string) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("error %v, want %v", err, stop)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestEmbed(t *testing.T) {
	srv := llmtest.New(t)
	c, _ := newClient(t, srv, testKey)
	texts := []string{"Rubio met Lavrov", "in Riyadh", "on Tuesday", "Ukraine was not there", "talks"}
	vecs, err := c.Embed(t.Context(), texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(vecs) != len(texts) {
		t.Fatalf("%d vectors for %d texts", len(vecs), len(texts))
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests for 5 texts in batches of 2, want 3", n)
	}
	for i, v := range vecs {
		var sum float64
		for _, x := range v {
			sum += float64(x) * float64(x)
		}
		if sum < 0.999 || sum > 1.001 {
			t.Errorf("vector %d has squared norm %v, want 1", i, sum)
		}
		want := llmtest.Vector(texts[i], 32)
		normalise(want)
		for j := range want {
			if d := want[j] - v[j]; d > 1e-6 || d < -1e-6 {
				t.Fatalf("vector %d is not the embedding of %q", i, texts[i])
			}
		}
	}
}

func TestBatchVectors(t *testing.T) {
	for _, tt := range []struct {
		name    string
		data    []int // indexes
		n       int
		wantErr bool
	}{
		{name: "in order", data: []int{0, 1, 2}, n: 3},
		{name: "shuffled", data: []int{2, 0, 1}, n: 3},
		{name: "all zero (some servers)", data: []int{0, 0, 0}, n: 3},
		{name: "too few", data: []int{0, 1}, n: 3, wantErr: true},
		{name: "duplicate", data: []int{0, 1, 1}, n: 3, wantErr: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var data []openaiEmbedding
			for _, i := range tt.data {
				data = append(data, openaiEmbedding{Index: i, Embedding: []float32{float32(i + 1)}})
			}
			vecs, err := batchVectors(data, tt.n)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && tt.name == "shuffled" {
				for i, v := range vecs {
					if v[0] != float32(i+1) {
						t.Errorf("vector %d is %v", i, v)
					}
				}
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"2", 2 * time.Second, true},
		{"0.5", 500 * time.Millisecond, true},
		{"Sun, 22 Nov 2026 03:00:03 GMT", 3 * time.Second, true},
		{"Sun, 22 Nov 2026 02:59:00 GMT", 0, true}, // in the past
		{"soon", 0, false},
		{"-1", 0, false},
	} {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Rubio led it [1].", true},
		{"Rubio led it. [1]", true},
		{"Rubio led it. [1][2]\n", true},
		{`He said "yes."`, true},
		{"Rubio led the", false},
		{"Rubio led it [1", false},
		{"", false},
	} {
		if got := endsSentence(tt.in); got != tt.want {
			t.Errorf("endsSentence(%q) = %v", tt.in, got)
		}
	}
}

type openaiEmbedding = openai.Embedding

// TestStreamDialects feeds the stream reader what different servers send.
func TestStreamDialects(t *testing.T) {
	chunk := func(content, finish string) string {
		f := "null"
		if finish != "" {
			f = `"` + finish + `"`
		}
		return `data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"` + content + `"},"finish_reason":` + f + "}]}\n\n"
	}
	tests := []struct {
		name, body, want, wantErr string
	}{
		// llama.cpp and vLLM: a role-only first delta, an empty final one.
		{name: "role delta first",
			body: `data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]}` + "\n\n" +
				chunk("Rubio led it [1].", "") + chunk("", "stop") + "data: [DONE]\n\n",
			want: "Rubio led it [1]."},
		// Ollama: the last content and the finish reason in one chunk.
		{name: "content with finish", body: chunk("Rubio ", "") + chunk("led it [1].", "stop") + "data: [DONE]\n\n", want: "Rubio led it [1]."},
		{name: "no space after data:", body: strings.ReplaceAll(chunk("Rubio led it [1].", "stop"), "data: ", "data:") + "data:[DONE]\n\n", want: "Rubio led it [1]."},
		{name: "CRLF", body: strings.ReplaceAll(chunk("Rubio led it [1].", "stop")+"data: [DONE]\n\n", "\n", "\r\n"), want: "Rubio led it [1]."},
		{name: "keep-alive comments", body: ": ping\n\n" + chunk("Rubio led it [1].", "stop") + ": ping\n\ndata: [DONE]\n\n", want: "Rubio led it [1]."},
		// Some servers end the stream without [DONE]; a finish reason was sent.
		{name: "no [DONE]", body: chunk("Rubio led it [1].", "stop"), want: "Rubio led it [1]."},
		// An error event in the middle of the stream.
		{name: "error event", body: chunk("Rubio ", "") + `data: {"error":{"message":"the engine is overloaded"}}` + "\n\n", wantErr: "overloaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Body: tt.body})
			c, _ := newClient(t, srv, "")
			got, err := c.Complete(t.Context(), "s", "u", func(string) error { return nil })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
