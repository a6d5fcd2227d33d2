package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/talksbot/talksbot/bot"
)

// botUserID and appID are who the fake gateway says the bot is.
const (
	botUserID = "1"
	appID     = "1"
)

// fakeRequest is one REST call the fake Discord received.
type fakeRequest struct {
	Method, Path string
	ContentType  string
	Body         []byte
	At           time.Time
}

// jsonBody is the JSON payload of a request: its body, or the payload_json
// part of a multipart one (a message with files).
func (r fakeRequest) jsonBody() []byte {
	mt, params, err := mime.ParseMediaType(r.ContentType)
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return r.Body
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return nil
		}
		if p.FormName() == "payload_json" {
			b, _ := io.ReadAll(p)
			return b
		}
	}
}

// files are the files of a multipart request, by form name.
func (r fakeRequest) files() map[string]fakeFile {
	mt, params, err := mime.ParseMediaType(r.ContentType)
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return nil
	}
	out := map[string]fakeFile{}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return out
		}
		if p.FileName() != "" {
			b, _ := io.ReadAll(p)
			out[p.FormName()] = fakeFile{Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: b}
		}
	}
}

// fakeFile is a file uploaded with a message.
type fakeFile struct {
	Name, ContentType string
	Data              []byte
}

// fakeDiscord is a Discord on loopback: the REST routes the bot uses and a
// websocket gateway that says HELLO and READY, ACKs heartbeats and
// dispatches what the test sends. It records every REST call.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	mu     sync.Mutex
	reqs   []fakeRequest
	msgs   map[string]*discordgo.Message
	nextID int
	// hook may answer a request instead of the routes (to inject 429s and
	// 500s); it returns false to let the routes answer.
	hook func(r fakeRequest, w http.ResponseWriter) bool

	wsMu      sync.Mutex
	conn      *websocket.Conn
	seq       int
	connected chan struct{}
	identify  []byte
	conns     int // gateway connections so far
	resumes   int // of which resumed sessions
	// refuseWith, when set, is the close code the gateway answers IDENTIFY
	// and RESUME with (4004 when the token was revoked).
	refuseWith int
	refusals   int // connections refused so far
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, msgs: map[string]*discordgo.Message{}, connected: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]string{"url": "ws://" + r.Host + "/ws/"})
	})
	mux.HandleFunc("GET /ws/", f.gateway)
	commands := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.Copy(w, r.Body)
	}
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", commands)
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", commands)
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/{msg}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("msg")
		if id == "@original" {
			id = "orig-" + r.PathValue("token")
		}
		body, _ := io.ReadAll(r.Body)
		f.echo(w, fakeRequest{ContentType: r.Header.Get("Content-Type"), Body: body}.jsonBody(), id, "", nil)
	})
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.echo(w, body, "", "", nil)
	})
	mux.HandleFunc("POST /api/v9/channels/{ch}/messages", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var ms discordgo.MessageSend
		json.Unmarshal(body, &ms)
		f.echo(w, body, "", r.PathValue("ch"), ms.Reference)
	})
	mux.HandleFunc("PATCH /api/v9/channels/{ch}/messages/{msg}", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.echo(w, body, r.PathValue("msg"), r.PathValue("ch"), nil)
	})
	mux.HandleFunc("GET /api/v9/channels/{ch}/messages/{msg}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		m := f.msgs[r.PathValue("msg")]
		f.mu.Unlock()
		if m == nil {
			writeJSON(w, 404, map[string]any{"message": "Unknown Message", "code": 10008})
			return
		}
		writeJSON(w, 200, m)
	})
	mux.HandleFunc("POST /api/v9/channels/{ch}/typing", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/ws") {
			mux.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		req := fakeRequest{Method: r.Method, Path: r.URL.Path, ContentType: r.Header.Get("Content-Type"), Body: body, At: time.Now()}
		f.mu.Lock()
		f.reqs = append(f.reqs, req)
		hook := f.hook
		f.mu.Unlock()
		if hook != nil && hook(req, w) {
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(f.close)
	return f
}

func (f *fakeDiscord) close() {
	f.wsMu.Lock()
	if f.conn != nil {
		f.conn.Close()
	}
	f.wsMu.Unlock()
	f.srv.Close()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// echo answers a message create or edit with the message, as Discord does,
// and stores it (authored by the bot) for later GETs.
func (f *fakeDiscord) echo(w http.ResponseWriter, raw []byte, id, channel string, ref *discordgo.MessageReference) {
	var body struct {
		Content string `json:"content"`
	}
	json.Unmarshal(raw, &body)
	f.mu.Lock()
	if id == "" {
		f.nextID++
		id = fmt.Sprintf("m%d", 1000+f.nextID)
	}
	m := &discordgo.Message{ID: id, ChannelID: channel, Content: body.Content,
		Author: &discordgo.User{ID: botUserID, Username: "bot", Bot: true}, MessageReference: ref}
	f.msgs[id] = m
	f.mu.Unlock()
	writeJSON(w, 200, m)
}

// store puts a message in the fake, for the bot to fetch.
func (f *fakeDiscord) store(m *discordgo.Message) {
	f.mu.Lock()
	f.msgs[m.ID] = m
	f.mu.Unlock()
}

func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	_, msg, err := c.ReadMessage()
	if err != nil {
		c.Close()
		return
	}
	var id struct{ Op int }
	json.Unmarshal(msg, &id)
	f.wsMu.Lock()
	if f.refuseWith != 0 {
		f.refusals++
		c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(f.refuseWith, "refused"), time.Now().Add(time.Second))
		f.wsMu.Unlock()
		c.Close()
		return
	}
	switch id.Op {
	case 2: // IDENTIFY: a new session
		f.identify = msg
		f.seq = 1
		c.WriteMessage(websocket.TextMessage, []byte(`{"op":0,"s":1,"t":"READY","d":{"v":9,"session_id":"s","user":{"id":"`+botUserID+`","username":"bot","bot":true},"guilds":[],"application":{"id":"`+appID+`"}}}`))
	case 6: // RESUME after a reconnect
		f.resumes++
		f.seq++
		c.WriteJSON(map[string]any{"op": 0, "s": f.seq, "t": "RESUMED", "d": map[string]any{}})
	default:
		f.t.Errorf("gateway: first frame is op %d, want IDENTIFY (2) or RESUME (6)", id.Op)
	}
	f.conn = c
	f.conns++
	f.wsMu.Unlock()
	select {
	case <-f.connected:
	default:
		close(f.connected)
	}
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		var p struct{ Op int }
		json.Unmarshal(msg, &p)
		if p.Op == 1 {
			f.wsMu.Lock()
			c.WriteJSON(map[string]any{"op": 11})
			f.wsMu.Unlock()
		}
	}
}

// drop closes the gateway connection from the server's side, as Discord
// does now and then.
func (f *fakeDiscord) drop() {
	f.wsMu.Lock()
	defer f.wsMu.Unlock()
	f.conn.Close()
}

// closeWith closes the gateway connection from the server's side with a
// close code, as Discord does when it ends a session; from then on it
// refuses IDENTIFY and RESUME with refuse, when that is not 0.
func (f *fakeDiscord) closeWith(code, refuse int) {
	f.wsMu.Lock()
	defer f.wsMu.Unlock()
	f.refuseWith = refuse
	f.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, "closed"), time.Now().Add(time.Second))
	f.conn.Close()
}

// gatewayState reports connections and resumes so far.
func (f *fakeDiscord) gatewayState() (conns, resumes int) {
	f.wsMu.Lock()
	defer f.wsMu.Unlock()
	return f.conns, f.resumes
}

// dispatch sends an event down the gateway.
func (f *fakeDiscord) dispatch(typ string, d any) {
	f.t.Helper()
	f.wsMu.Lock()
	defer f.wsMu.Unlock()
	f.seq++
	if err := f.conn.WriteJSON(map[string]any{"op": 0, "s": f.seq, "t": typ, "d": d}); err != nil {
		f.t.Fatalf("dispatch %s: %v", typ, err)
	}
}

// requests returns the requests received so far that match.
func (f *fakeDiscord) requests(match func(fakeRequest) bool) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeRequest
	for _, r := range f.reqs {
		if match == nil || match(r) {
			out = append(out, r)
		}
	}
	return out
}

// wait waits for n requests that match, failing the test after timeout.
func (f *fakeDiscord) wait(match func(fakeRequest) bool, n int, timeout time.Duration) []fakeRequest {
	f.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got := f.requests(match)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("waited %v for %d matching requests, got %d; all requests:\n%s", timeout, n, len(got), f.dump())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (f *fakeDiscord) dump() string {
	var b strings.Builder
	for _, r := range f.requests(nil) {
		fmt.Fprintf(&b, "  %s %s %.300s\n", r.Method, r.Path, r.Body)
	}
	return b.String()
}

// Matchers of requests.
func callbackOf(id string) func(fakeRequest) bool {
	return func(r fakeRequest) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/api/v9/interactions/"+id+"/")
	}
}

func editOf(token string) func(fakeRequest) bool {
	return func(r fakeRequest) bool {
		return r.Method == "PATCH" && r.Path == "/api/v9/webhooks/"+appID+"/"+token+"/messages/@original"
	}
}

func followupOf(token string) func(fakeRequest) bool {
	return func(r fakeRequest) bool {
		return r.Method == "POST" && r.Path == "/api/v9/webhooks/"+appID+"/"+token
	}
}

func channelPosts(r fakeRequest) bool {
	return r.Method == "POST" && strings.HasSuffix(r.Path, "/messages")
}

// isMessage reports whether r creates or edits a message (or answers an
// interaction): the payloads that must carry allowed mentions.
func isMessage(r fakeRequest) bool {
	switch {
	case strings.HasPrefix(r.Path, "/api/v9/interactions/"), strings.HasPrefix(r.Path, "/api/v9/webhooks/"):
		return r.Method != "GET"
	case strings.Contains(r.Path, "/messages"):
		return r.Method == "POST" || r.Method == "PATCH"
	}
	return false
}

// checkNoPings checks the bytes of every message payload for an empty
// allowed-mentions parse list.
func (f *fakeDiscord) checkNoPings(t *testing.T) {
	t.Helper()
	n := 0
	for _, r := range f.requests(isMessage) {
		n++
		if !bytes.Contains(r.jsonBody(), []byte(`"allowed_mentions":{"parse":[]`)) {
			t.Errorf("%s %s has no empty allowed_mentions parse list: %s", r.Method, r.Path, r.Body)
		}
	}
	if n == 0 {
		t.Errorf("no message payloads to check")
	}
}

// payload is the part of a message payload the tests read.
type payload struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
	} `json:"data"`
	Content    string          `json:"content"`
	Flags      int             `json:"flags"`
	Components json.RawMessage `json:"components"`
	Reference  *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
}

func decode(t *testing.T, r fakeRequest) payload {
	t.Helper()
	var p payload
	if err := json.Unmarshal(r.jsonBody(), &p); err != nil {
		t.Fatalf("decode %s %s: %v: %s", r.Method, r.Path, err, r.Body)
	}
	return p
}

// slash is an INTERACTION_CREATE of a slash command.
func slash(id, user, name string, opts ...map[string]any) map[string]any {
	if opts == nil {
		opts = []map[string]any{}
	}
	return map[string]any{
		"id": id, "application_id": appID, "type": 2, "token": "tok-" + id, "version": 1,
		"guild_id": "g1", "channel_id": "c1",
		"member": map[string]any{"user": map[string]any{"id": user, "username": "user" + user}},
		"data":   map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": opts},
	}
}

func strOpt(name, v string) map[string]any {
	return map[string]any{"name": name, "type": 3, "value": v}
}

func boolOpt(name string, v bool) map[string]any {
	return map[string]any{"name": name, "type": 5, "value": v}
}

// fakeEngine answers every question alike after a delay, streaming the
// answer in pieces when stream is set. It honours ctx.
type fakeEngine struct {
	delay  time.Duration
	stream int // pieces to stream the answer in; 0: no streaming
	answer func(q bot.Question) *bot.Answer
	events []bot.Event // the timeline; nil: the timeline fails
	// hold, when set, keeps every answer until it is closed: a test that
	// needs an answer still running does not race a timer.
	hold chan struct{}

	mu        sync.Mutex
	questions []bot.Question
	running   int
	maxRun    int
}

func (e *fakeEngine) AskStream(ctx context.Context, q bot.Question, onDelta func(string) error) (*bot.Answer, error) {
	e.mu.Lock()
	e.questions = append(e.questions, q)
	e.running++
	if e.running > e.maxRun {
		e.maxRun = e.running
	}
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		e.running--
		e.mu.Unlock()
	}()
	a := e.answer(q)
	if e.stream > 0 {
		words := strings.SplitAfter(a.Answer, " ")
		per := (len(words) + e.stream - 1) / e.stream
		for i := 0; i < len(words); i += per {
			if err := sleep(ctx, e.delay/time.Duration(e.stream)); err != nil {
				return nil, err
			}
			if err := onDelta(strings.Join(words[i:min(i+per, len(words))], "")); err != nil {
				return nil, err
			}
		}
		return a, nil
	}
	if e.hold != nil {
		select {
		case <-e.hold:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := sleep(ctx, e.delay); err != nil {
		return nil, err
	}
	return a, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (e *fakeEngine) asked() []bot.Question {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]bot.Question(nil), e.questions...)
}

func (e *fakeEngine) Sources() []bot.Source {
	return []bot.Source{
		{Article: "a2", Title: "Talks end", Outlet: "Reuters", Published: "2025-02-18", URL: "https://example.com/b"},
		{Article: "a1", Title: "Talks set", Outlet: "Head Topics", Published: "2025-02-17", URL: "https://example.com/a"},
	}
}

func (e *fakeEngine) Timeline(ctx context.Context, f bot.TimelineFilter) ([]bot.Event, error) {
	if e.events != nil {
		return e.events, nil
	}
	return nil, fmt.Errorf("the timeline is not built yet")
}

// cited is a plain answer with two citations.
func cited(text string) func(bot.Question) *bot.Answer {
	return func(q bot.Question) *bot.Answer {
		return &bot.Answer{Question: q.Text, Answer: text, Mode: bot.ModeExtractive, Citations: []bot.Citation{
			{N: 1, Article: "a1", Title: "Talks set [live]", Outlet: "Head Topics", Published: "2025-02-17", URL: "https://example.com/a", Quote: "Rubio will lead the delegation."},
			{N: 2, Article: "a2", Title: "Talks end", Outlet: "Reuters", Published: "2025-02-18", URL: "https://example.com/b", Quote: "The talks lasted four and a half hours."},
		}}
	}
}

// syncBuffer is a log sink safe to read while the bot writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is a bot running against a fake Discord.
type harness struct {
	f    *fakeDiscord
	eng  *fakeEngine
	b    *Bot
	logs *syncBuffer
	stop func() // cancels Run and waits for it; idempotent
}

// start runs a bot over eng against a new fake Discord, and waits for it to
// register its commands.
func start(t *testing.T, eng *fakeEngine, opts Options) *harness {
	t.Helper()
	h := startOn(t, newFakeDiscord(t), eng, opts)
	h.eng = eng
	return h
}

// startOn runs a bot over any engine against f.
func startOn(t *testing.T, f *fakeDiscord, eng Engine, opts Options) *harness {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts.Token = "secret-token"
	opts.APIURL = f.srv.URL
	b, err := New(log, eng, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var once sync.Once
	h := &harness{f: f, b: b, logs: logs}
	h.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Errorf("Run did not return 30 s after cancel")
			}
		})
	}
	t.Cleanup(func() {
		h.stop()
		if strings.Contains(logs.String(), "secret-token") {
			t.Errorf("the token was logged")
		}
	})
	f.wait(func(r fakeRequest) bool { return r.Method == "PUT" }, 1, 5*time.Second)
	return h
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
