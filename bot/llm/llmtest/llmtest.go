// Package llmtest is a fake OpenAI-compatible server for tests: chat
// completions (plain JSON or streamed as server-sent events) and embeddings,
// answering from a script of replies, on loopback only.
package llmtest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// Reply is one scripted answer of the fake server.
type Reply struct {
	Status int         // HTTP status; 0 means 200
	Header http.Header // extra headers, e.g. Retry-After
	Body   string      // when set, sent as it is (error bodies, malformed JSON)
	Text   string      // the answer, streamed a few words a chunk
	Finish string      // finish_reason of the last chunk; "" means "stop"
	// Cut ends the stream after half of Text, without finish_reason or
	// [DONE], closing the response cleanly.
	Cut bool
	// Abort is Cut with the connection torn down instead.
	Abort bool
	// Hang never answers: the handler waits until the client gives up.
	Hang bool
	// Usage sends a final usage chunk with no choices before [DONE].
	Usage bool
}

// Request is what the fake server received.
type Request struct {
	Path          string
	Authorization string
	Body          []byte
}

// ChatRequest is the part of a chat request the fake reads.
type ChatRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	MaxTokens           int     `json:"max_tokens"`
	MaxCompletionTokens int     `json:"max_completion_tokens"`
	Temperature         float64 `json:"temperature"`
}

// User returns the last user message.
func (r ChatRequest) User() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

// System returns the system message.
func (r ChatRequest) System() string {
	for _, m := range r.Messages {
		if m.Role == "system" {
			return m.Content
		}
	}
	return ""
}

// Server is the fake. Chat requests take the scripted replies in order; once
// they are used up, Default answers (a 500 when it is nil).
type Server struct {
	*httptest.Server
	// Default answers chat requests after the script.
	Default func(ChatRequest) Reply
	// Dim is the size of the fake embeddings (default 32).
	Dim int
	// EmbedFail, when set, answers embedding requests instead of the fake
	// embeddings: an error status and body, or Hang.
	EmbedFail *Reply

	mu       sync.Mutex
	script   []Reply
	requests []Request
	done     chan struct{}
}

// New starts a fake server answering chat requests with replies, in order.
// It is closed when the test ends.
func New(t testing.TB, replies ...Reply) *Server {
	s := &Server{script: replies, Dim: 32, done: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.done)
		s.Server.CloseClientConnections()
		s.Server.Close()
	})
	return s
}

// BaseURL is what OPENAI_BASE_URL would be set to for this server.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ChatRequests returns the chat requests received so far, decoded.
func (s *Server) ChatRequests() []ChatRequest {
	var out []ChatRequest
	for _, r := range s.Requests() {
		if strings.HasSuffix(r.Path, "/chat/completions") {
			var cr ChatRequest
			_ = json.Unmarshal(r.Body, &cr)
			out = append(out, cr)
		}
	}
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, Request{Path: r.URL.Path, Authorization: r.Header.Get("Authorization"), Body: body})
	s.mu.Unlock()
	switch r.URL.Path {
	case "/v1/chat/completions":
		var req ChatRequest
		if err := json.Unmarshal(body, &req); err != nil {
			http.Error(w, `{"error":{"message":"bad request body","type":"invalid_request_error"}}`, http.StatusBadRequest)
			return
		}
		s.chat(w, r, req, s.next(req))
	case "/v1/embeddings":
		if f := s.EmbedFail; f != nil {
			s.fail(w, r, *f)
			return
		}
		s.embeddings(w, body)
	default:
		http.Error(w, `{"error":{"message":"no such endpoint"}}`, http.StatusNotFound)
	}
}

// fail answers with rep's status and body, or hangs.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rep Reply) {
	if rep.Hang {
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		return
	}
	status := rep.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, rep.Body)
}

func (s *Server) next(req ChatRequest) Reply {
	s.mu.Lock()
	if len(s.script) > 0 {
		rep := s.script[0]
		s.script = s.script[1:]
		s.mu.Unlock()
		return rep
	}
	s.mu.Unlock()
	if s.Default != nil {
		return s.Default(req)
	}
	return Reply{Status: 500, Body: `{"error":{"message":"the fake has no reply left"}}`}
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request, req ChatRequest, rep Reply) {
	for k, vs := range rep.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if rep.Hang {
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		return
	}
	status := rep.Status
	if status == 0 {
		status = http.StatusOK
	}
	if rep.Body != "" || status != http.StatusOK {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, rep.Body)
		return
	}
	finish := rep.Finish
	if finish == "" {
		finish = "stop"
	}
	if !req.Stream {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
				"message": map[string]any{"role": "assistant", "content": rep.Text}}},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl, _ := w.(http.Flusher)
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if fl != nil {
			fl.Flush()
		}
	}
	chunk := func(content string, finish any) map[string]any {
		return map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": content}, "finish_reason": finish}}}
	}
	pieces := Pieces(rep.Text)
	if rep.Cut || rep.Abort {
		pieces = pieces[:len(pieces)/2]
	}
	for _, p := range pieces {
		send(chunk(p, nil))
	}
	if rep.Abort {
		panic(http.ErrAbortHandler)
	}
	if rep.Cut {
		return
	}
	send(chunk("", finish))
	if rep.Usage {
		send(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []any{}, "usage": map[string]any{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}})
	}
	io.WriteString(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}

// Pieces splits text into the chunks the fake streams: three words each.
func Pieces(text string) []string {
	var out []string
	words := strings.SplitAfter(text, " ")
	for i := 0; i < len(words); i += 3 {
		out = append(out, strings.Join(words[i:min(i+3, len(words))], ""))
	}
	return out
}

func (s *Server) embeddings(w http.ResponseWriter, body []byte) {
	var req struct {
		Input []string `json:"input"`
		Model string   `json:"model"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, `{"error":{"message":"input must be a list of strings"}}`, http.StatusBadRequest)
		return
	}
	data := make([]any, len(req.Input))
	for i, text := range req.Input {
		data[i] = map[string]any{"object": "embedding", "index": i, "embedding": Vector(text, s.Dim)}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "model": req.Model, "data": data,
		"usage": map[string]any{"prompt_tokens": 1, "total_tokens": 1}})
}

// Vector is the fake embedding of text: its lower-cased words hashed into
// dim buckets (not normalised, so that clients must normalise).
func Vector(text string, dim int) []float32 {
	v := make([]float32, dim)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h := fnv.New32a()
		h.Write([]byte(w))
		v[h.Sum32()%uint32(dim)] += 2
	}
	v[0] += 0.5 // never the zero vector
	return v
}
