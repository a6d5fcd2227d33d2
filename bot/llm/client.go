// Package llm is the bot's client for OpenAI-compatible endpoints (OpenAI,
// Ollama, llama.cpp's server, vLLM, LM Studio): streamed chat completions and
// batched embeddings, with a deadline on every call, retries with jittered
// backoff for 429, 5xx and connection errors (honouring Retry-After), and
// errors that never carry the API key. It is the only package of the project
// that imports go-openai.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults, used when the corresponding Config field is zero.
const (
	// DefaultMaxTokens caps the tokens of one answer. Cited answers of a few
	// sentences take 100–300 tokens; the cap stops a runaway model.
	DefaultMaxTokens = 600
	// DefaultTimeout is the deadline of one attempt of one call (a streamed
	// answer included). The caller's context may set a shorter one.
	DefaultTimeout = 45 * time.Second
	// DefaultEmbedBatch is how many texts go into one embeddings request.
	DefaultEmbedBatch = 64
	// DefaultBackoff is the first retry's base delay; it doubles each retry
	// and is jittered by up to +50%.
	DefaultBackoff = 500 * time.Millisecond
	// MaxAttempts is the most attempts one call makes.
	MaxAttempts = 3
	// maxRetryWait bounds a server's Retry-After.
	maxRetryWait = 30 * time.Second
	// temperature is near-greedy; 0 would be dropped by omitempty and mean
	// the server's default (often 0.7–1).
	temperature = 0.1
)

// Config configures a Client. Key and BaseURL usually come from
// OPENAI_API_KEY and OPENAI_BASE_URL; zero values mean the defaults.
type Config struct {
	Key        string        // API key; empty sends no Authorization header. Never logged.
	BaseURL    string        // e.g. http://127.0.0.1:11434/v1; empty means OpenAI
	Model      string        // chat model
	EmbedModel string        // embedding model; empty when embeddings are not used
	MaxTokens  int           // cap on output tokens of one answer
	Timeout    time.Duration // deadline of one attempt
	EmbedBatch int           // texts per embeddings request
	Backoff    time.Duration // base delay between attempts
	HTTPClient *http.Client  // nil means a new client
}

// Client talks to one OpenAI-compatible endpoint. It is safe for concurrent use.
type Client struct {
	log     *slog.Logger
	api     *openai.Client
	cfg     Config
	secrets []string // strings to scrub from every error text
}

// New returns a client for the endpoint cfg describes.
func New(log *slog.Logger, cfg Config) *Client {
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = DefaultMaxTokens
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.EmbedBatch <= 0 {
		cfg.EmbedBatch = DefaultEmbedBatch
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		c := *cfg.HTTPClient
		hc = &c
	}
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = headerCapture{base: base}

	oc := openai.DefaultConfig(cfg.Key)
	if cfg.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	oc.HTTPClient = hc
	return &Client{
		log:     log.With("endpoint", redactURL(oc.BaseURL), "model", cfg.Model),
		api:     openai.NewClientWithConfig(oc),
		cfg:     cfg,
		secrets: secretsOf(cfg.Key, cfg.BaseURL),
	}
}

// Model returns the chat model's name.
func (c *Client) Model() string { return c.cfg.Model }

// ModelID names the embeddings this client makes, for the index cache: the
// endpoint (without credentials) and the embedding model.
func (c *Client) ModelID() string {
	base := c.cfg.BaseURL
	if base == "" {
		base = openai.DefaultConfig("").BaseURL
	}
	return "openai-compatible:" + redactURL(strings.TrimRight(base, "/")) + "#" + c.cfg.EmbedModel
}

// An answer that did not end as the model meant it to is never taken for
// whole: it fails with one of these errors, whose Incomplete method says
// so (see Incomplete), and the caller falls back and tells the user.
var (
	// ErrTruncated: the stream ended without finish_reason "stop" (the
	// connection was cut, at a sentence boundary or not). Retried when no
	// text had reached the caller yet.
	ErrTruncated error = incompleteError("the answer stream ended before the answer was complete")
	// ErrLength: the model stopped at the token cap (finish_reason
	// "length") or for another reason than "stop" ("content_filter").
	ErrLength error = incompleteError("the answer was cut off before it ended")
	// ErrTooLong: the answer passed MaxAnswer bytes; the rest was not read.
	ErrTooLong error = incompleteError("the answer was longer than the bot reads")
)

// MaxAnswer caps an answer, in bytes: the stream is read, and passed on,
// up to here and no further. Four short cited sentences take well under
// 1 KB and the default token cap about 2.5 KB; bot/check refuses more.
const MaxAnswer = 16 << 10

type incompleteError string

func (e incompleteError) Error() string { return string(e) }

// Incomplete marks the error as an answer that was not whole.
func (e incompleteError) Incomplete() bool { return true }

// Incomplete reports whether err says the model's answer was not whole.
func Incomplete(err error) bool {
	var ie interface{ Incomplete() bool }
	return errors.As(err, &ie) && ie.Incomplete()
}

// Complete asks the chat model for an answer to the user prompt under the
// system prompt, and returns the whole text. When onDelta is not nil the
// answer is streamed and onDelta gets each piece as it arrives; an error
// from onDelta stops the stream and is returned. An answer that does not
// end with finish_reason "stop", or passes MaxAnswer, fails with an error
// for which Incomplete holds.
func (c *Client) Complete(ctx context.Context, system, user string, onDelta func(string) error) (string, error) {
	req := c.chatRequest(system, user)
	var text string
	err := c.retry(ctx, "chat", func(ctx context.Context) (bool, error) {
		var emitted bool
		var err error
		text, emitted, err = c.stream(ctx, req, onDelta)
		return emitted, err
	})
	if err != nil {
		return "", err
	}
	return text, nil
}

// reasoning reports whether model is one of OpenAI's reasoning models, which
// refuse max_tokens and any temperature but 1.
func reasoning(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

func (c *Client) chatRequest(system, user string) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{
		Model: c.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
	}
	if reasoning(c.cfg.Model) {
		// Reasoning tokens count against the cap too.
		req.MaxCompletionTokens = 4 * c.cfg.MaxTokens
	} else {
		// max_tokens, which go-openai deprecates for OpenAI's reasoning
		// models: Ollama, llama.cpp and vLLM read it, not the newer name.
		//lint:ignore SA1019 the OpenAI-compatible servers' field
		req.MaxTokens = c.cfg.MaxTokens
		req.Temperature = temperature
	}
	return req
}

// stream makes one streamed chat call. emitted reports whether any text
// reached onDelta (after which a retry would repeat it).
func (c *Client) stream(ctx context.Context, req openai.ChatCompletionRequest, onDelta func(string) error) (text string, emitted bool, err error) {
	stream, err := c.api.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", false, err
	}
	defer stream.Close()
	var b strings.Builder
	var finish openai.FinishReason
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", emitted, err
		}
		for _, ch := range resp.Choices { // a final usage chunk has none
			if ch.FinishReason != "" {
				finish = ch.FinishReason
			}
			if ch.Index != 0 || ch.Delta.Content == "" {
				continue
			}
			piece := ch.Delta.Content
			over := b.Len()+len(piece) > MaxAnswer
			if over {
				piece = piece[:MaxAnswer-b.Len()]
			}
			b.WriteString(piece)
			if onDelta != nil && piece != "" {
				emitted = true
				if err := onDelta(piece); err != nil {
					return "", emitted, &stopError{err}
				}
			}
			if over {
				c.log.Warn("answer passed the size cap; not read further", "max_bytes", MaxAnswer)
				return "", emitted, ErrTooLong
			}
		}
	}
	text = b.String()
	switch {
	case strings.TrimSpace(text) == "":
		return "", emitted, errEmpty
	case finish == openai.FinishReasonStop:
		return text, emitted, nil
	case finish == "":
		// No finish_reason: the stream was cut, even if at a full stop.
		return "", emitted, ErrTruncated
	default:
		c.log.Warn("answer did not finish", "finish_reason", string(finish), "max_tokens", c.cfg.MaxTokens)
		return "", emitted, ErrLength
	}
}

var errEmpty = errors.New("the model returned an empty answer")

// stopError carries an error of the caller's onDelta: returned as it is,
// never retried.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }

// endsSentence reports whether text ends like a finished sentence: a full
// stop, question or exclamation mark, possibly followed by closing quotes,
// brackets or citation markers.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, " \t\r\n")
	for {
		switch {
		case strings.HasSuffix(t, "]"):
			i := strings.LastIndex(t, "[")
			if i < 0 {
				return false
			}
			t = strings.TrimRight(t[:i], " ")
			continue
		case strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "”") || strings.HasSuffix(t, ")") || strings.HasSuffix(t, "’") || strings.HasSuffix(t, "*"):
			_, size := lastRune(t)
			t = t[:len(t)-size]
			continue
		}
		break
	}
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return []rune(s[i:])[0], len(s) - i
		}
	}
	return 0, 0
}

// Embed returns the L2-normalised embeddings of texts, in order, asking the
// endpoint in batches. It implements retrieval.Embedder.
func (c *Client) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if c.cfg.EmbedModel == "" {
		return nil, errors.New("embed: no embedding model configured")
	}
	out := make([][]float32, 0, len(texts))
	dim := 0
	for start := 0; start < len(texts); start += c.cfg.EmbedBatch {
		batch := texts[start:min(start+c.cfg.EmbedBatch, len(texts))]
		var resp openai.EmbeddingResponse
		err := c.retry(ctx, "embed", func(ctx context.Context) (bool, error) {
			var err error
			resp, err = c.api.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{
				Input:          batch,
				Model:          openai.EmbeddingModel(c.cfg.EmbedModel),
				EncodingFormat: openai.EmbeddingEncodingFormatFloat,
			})
			return false, err
		})
		if err != nil {
			return nil, fmt.Errorf("texts %d-%d: %w", start, start+len(batch)-1, err)
		}
		vecs, err := batchVectors(resp.Data, len(batch))
		if err != nil {
			return nil, c.wrap("embed", 0, err)
		}
		for i, v := range vecs {
			if dim == 0 {
				dim = len(v)
			}
			if len(v) != dim {
				return nil, c.wrap("embed", 0, fmt.Errorf("text %d has %d dimensions, the others %d", start+i, len(v), dim))
			}
			if !normalise(v) {
				return nil, c.wrap("embed", 0, fmt.Errorf("text %d has a zero or invalid embedding", start+i))
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// batchVectors orders the embeddings of one response by their index and
// checks that there is exactly one per input.
func batchVectors(data []openai.Embedding, n int) ([][]float32, error) {
	if len(data) != n {
		return nil, fmt.Errorf("asked for %d embeddings, got %d", n, len(data))
	}
	sorted := append([]openai.Embedding(nil), data...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Index < sorted[j].Index })
	vecs := make([][]float32, n)
	for i, d := range sorted {
		if d.Index != i && !(allZeroIndex(data)) {
			return nil, fmt.Errorf("embedding indexes are not 0..%d", n-1)
		}
		if len(d.Embedding) == 0 {
			return nil, fmt.Errorf("embedding %d is empty", i)
		}
		vecs[i] = d.Embedding
	}
	return vecs, nil
}

// allZeroIndex reports whether a server left every index at 0 (some do);
// the data are then taken in order.
func allZeroIndex(data []openai.Embedding) bool {
	for _, d := range data {
		if d.Index != 0 {
			return false
		}
	}
	return true
}

// normalise scales v to unit length in place; false when it cannot.
func normalise(v []float32) bool {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	n := math.Sqrt(sum)
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return false
	}
	for i := range v {
		v[i] = float32(float64(v[i]) / n)
	}
	return true
}
