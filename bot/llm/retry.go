package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// retry runs call up to MaxAttempts times, each attempt under its own
// deadline (cfg.Timeout, within ctx's). It retries 429, 5xx, connection
// errors and attempt timeouts, never other 4xx, never once call reports that
// text was already emitted. Between attempts it sleeps a jittered,
// doubling backoff, or the server's Retry-After when that is longer; it gives
// up at once when the wait would pass ctx's deadline. The error returned is
// an *Error, free of the API key.
func (c *Client) retry(ctx context.Context, op string, call func(ctx context.Context) (emitted bool, err error)) error {
	var last error
	for attempt := 1; ; attempt++ {
		var retryAfter string
		actx, cancel := context.WithTimeout(context.WithValue(ctx, retryAfterKey{}, &retryAfter), c.cfg.Timeout)
		t0 := time.Now()
		emitted, err := call(actx)
		attemptTimedOut := actx.Err() != nil && ctx.Err() == nil
		cancel()
		if err == nil {
			return nil
		}
		var stop *stopError
		if errors.As(err, &stop) {
			return stop.err
		}
		status := statusOf(err)
		last = c.wrap(op, status, err)
		if attemptTimedOut {
			last = c.wrap(op, status, fmt.Errorf("no answer within %s: %w", c.cfg.Timeout, context.DeadlineExceeded))
		}
		c.log.Info("LLM call failed", "op", op, "attempt", attempt, "status", status,
			"elapsed_ms", time.Since(t0).Milliseconds(), "err", last.Error())
		if ctx.Err() != nil || emitted || attempt >= MaxAttempts || !(attemptTimedOut || retryable(status, err)) {
			return last
		}
		wait := c.backoff(attempt)
		if ra, ok := parseRetryAfter(retryAfter, time.Now()); ok {
			if ra > maxRetryWait {
				return last
			}
			wait = max(wait, ra)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return last
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return last
		case <-t.C:
		}
	}
}

// backoff is the wait before attempt+1: base·2^(attempt-1), plus up to 50%.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.Backoff << (attempt - 1)
	return d + time.Duration(rand.Int64N(int64(d)/2+1))
}

// statusOf is the HTTP status of a failed call, 0 when there was no answer.
// go-openai returns *RequestError when the body has no "error" object (the
// vLLM style) and *APIError when it has one; RequestError comes first.
func statusOf(err error) int {
	var re *openai.RequestError
	if errors.As(err, &re) {
		return re.HTTPStatusCode
	}
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatusCode
	}
	return 0
}

// retryable reports whether a failure is worth another attempt: 429, 5xx,
// and failures to connect or to read the answer.
func retryable(status int, err error) bool {
	switch {
	case status == http.StatusTooManyRequests || status >= 500:
		return true
	case status != 0:
		return false
	}
	var ne net.Error
	var ue *url.Error
	return errors.As(err, &ne) || errors.As(err, &ue) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, ErrTruncated)
}

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

type retryAfterKey struct{}

// headerCapture records the Retry-After header of each response in the
// string its request's context carries (go-openai's errors drop headers).
type headerCapture struct{ base http.RoundTripper }

func (t headerCapture) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		if p, ok := req.Context().Value(retryAfterKey{}).(*string); ok {
			*p = resp.Header.Get("Retry-After")
		}
	}
	return resp, err
}

// Error is a failed call to the endpoint. Its text names the operation, the
// HTTP status and the server's message, and never contains the API key.
type Error struct {
	Op     string // "chat" or "embed"
	Status int    // HTTP status; 0 when the server did not answer
	msg    string
	cause  error // a sentinel (context errors, ErrTruncated), never the raw error
}

func (e *Error) Error() string { return e.msg }

// Unwrap exposes context.DeadlineExceeded, context.Canceled, ErrTruncated,
// ErrLength or ErrTooLong
// when one of them caused the failure; the raw error, which may quote the
// key, is not exposed.
func (e *Error) Unwrap() error { return e.cause }

// wrap turns err into an *Error scrubbed of the client's secrets. The
// message is scrubbed before it is clipped, so that a secret the server
// echoes across the cut cannot leave its prefix behind.
func (c *Client) wrap(op string, status int, err error) *Error {
	var msg string
	switch {
	case status != 0:
		msg = fmt.Sprintf("%s: the endpoint answered %d %s: %s", op, status, http.StatusText(status), c.tidy(serverMessage(err)))
	default:
		msg = fmt.Sprintf("%s: %s", op, c.tidy(plainMessage(err)))
	}
	e := &Error{Op: op, Status: status, msg: scrub(msg, c.secrets)}
	for _, s := range []error{context.DeadlineExceeded, context.Canceled, ErrTruncated, ErrLength, ErrTooLong} {
		if errors.Is(err, s) {
			e.cause = s
			break
		}
	}
	return e
}

// tidy makes a message fit for an error: secrets scrubbed first, then
// whitespace collapsed and the text clipped.
func (c *Client) tidy(s string) string { return clip(scrub(s, c.secrets)) }

// serverMessage is the message of an error answer: the "error" object's
// message, or for bodies without one (vLLM, FastAPI) their "message" or
// "detail", or the body. It is neither scrubbed nor clipped: wrap does
// both, in that order.
func serverMessage(err error) string {
	var re *openai.RequestError
	if errors.As(err, &re) {
		var body struct {
			Message string `json:"message"`
			Detail  any    `json:"detail"`
		}
		if json.Unmarshal(re.Body, &body) == nil {
			if body.Message != "" {
				return body.Message
			}
			if body.Detail != nil {
				b, _ := json.Marshal(body.Detail)
				return strings.Trim(string(b), `"`)
			}
		}
		if s := strings.TrimSpace(string(re.Body)); s != "" {
			return s
		}
		return "no message"
	}
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.Message
	}
	return err.Error()
}

// plainMessage describes a failure without an HTTP answer; like
// serverMessage, it is neither scrubbed nor clipped.
func plainMessage(err error) string {
	var ue *url.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return err.Error()
	case errors.As(err, &ue):
		// url.Error quotes the URL; keep only the cause.
		return "cannot reach the endpoint: " + ue.Err.Error()
	case errors.Is(err, ErrTruncated), errors.Is(err, errEmpty):
		return err.Error()
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	if errors.As(err, &se) || errors.As(err, &te) {
		return "the endpoint's answer is not valid JSON: " + err.Error()
	}
	return err.Error()
}

// clip collapses whitespace and cuts s to 300 characters. Scrub before
// clipping, never after.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}

// secretsOf lists what must never appear in an error: the key, and the
// password (or a bare user name) and the query of the base URL (some
// proxies take a key there).
func secretsOf(key, baseURL string) []string {
	var s []string
	if key != "" {
		s = append(s, key)
	}
	if u, err := url.Parse(baseURL); err == nil {
		if p, ok := u.User.Password(); ok && p != "" {
			s = append(s, p)
		} else if n := u.User.Username(); n != "" {
			s = append(s, n) // a bare user name: https://KEY@host/v1
		}
		if u.RawQuery != "" {
			s = append(s, u.RawQuery)
		}
	}
	return s
}

// scrub replaces every secret in s.
func scrub(s string, secrets []string) string {
	for _, k := range secrets {
		s = strings.ReplaceAll(s, k, "[redacted]")
	}
	return s
}

// redactURL is the base URL fit for logs: no user information, no query.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	u.RawQuery = ""
	return u.String()
}
