package discord

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// output is where an answer goes: an interaction's response and follow-ups,
// or a reply in a channel.
type output interface {
	// progress shows a partial answer, replacing what was shown before.
	progress(ctx context.Context, content string) error
	// final shows the whole answer in parts, each within Discord's limits,
	// replacing any progress; the last part carries the buttons of c (Show
	// quotes, the votes). It returns the ID of that last message, if known.
	final(ctx context.Context, parts []string, c controls) (string, error)
	// failed says in one short message that the answer could not be
	// delivered: in place of the first part when none was shown, else
	// after the parts that were.
	failed(ctx context.Context, msg string) error
}

// interactionOutput answers a deferred interaction: it edits the original
// response, and sends follow-ups for parts after the first.
type interactionOutput struct {
	b         *Bot
	in        *discordgo.Interaction
	ephemeral bool
	sent      int    // parts of the final answer delivered
	first     string // the first part, once delivered
	// picture, when set, is the first message of the final answer: its
	// caption with the file attached, above the parts, which all follow.
	picture *picture
}

// picture is a file shown above a text, with a short caption.
type picture struct {
	caption string
	file    attachment
}

func (o *interactionOutput) progress(ctx context.Context, content string) error {
	_, err := o.b.editOriginal(ctx, o.in, content, 0)
	return err
}

func (o *interactionOutput) final(ctx context.Context, parts []string, c controls) (string, error) {
	parts = nonEmpty(parts)
	var last string
	lead := 0 // messages before the parts
	if o.picture != nil {
		// The picture is an extra: when it cannot be sent, the text alone
		// is the answer.
		m, err := o.b.editOriginalFile(ctx, o.in, o.picture.caption, o.picture.file)
		if err != nil {
			o.b.log.Warn("send the picture; sending the text alone", "err", err, "file", o.picture.file.name)
		} else {
			o.sent++
			o.first = o.picture.caption
			if m != nil {
				last = m.ID
			}
			lead = 1
		}
	}
	for i, p := range parts {
		var withButton controls
		if i == len(parts)-1 {
			withButton = c
		}
		var m *discordgo.Message
		var err error
		if i+lead == 0 {
			m, err = o.b.editOriginal(ctx, o.in, p, withButton)
		} else {
			m, err = o.b.followup(ctx, o.in, p, withButton, o.ephemeral)
		}
		if err != nil {
			return "", err
		}
		o.sent++
		if i+lead == 0 {
			o.first = p
		}
		if m != nil {
			last = m.ID
		}
	}
	return last, nil
}

func (o *interactionOutput) failed(ctx context.Context, msg string) error {
	if o.sent == 0 {
		_, err := o.b.editOriginal(ctx, o.in, msg, 0)
		return err
	}
	_, err := o.b.followup(ctx, o.in, msg, 0, o.ephemeral)
	if err == nil {
		return nil
	}
	// Follow-ups fail: say it under the first part, by an edit (which is
	// retried, where a follow-up cannot be).
	_, err = o.b.editOriginal(ctx, o.in, withNote(o.first, msg), 0)
	return err
}

// withNote is text with msg after it in italics, text cut to make room.
func withNote(text, msg string) string {
	note := "\n\n*" + msg + "*"
	if Length(text)+Length(note) > MaxContent {
		text = Split(text, MaxContent-Length(note)-2)[0] + " …"
	}
	return text + note
}

// nonEmpty makes sure there is something to show: a deferred interaction
// left unedited would say "thinking…" for ever.
func nonEmpty(parts []string) []string {
	if len(parts) == 0 {
		return []string{msgNoAnswer}
	}
	return parts
}

// replyOutput answers a message with replies to it in its channel.
type replyOutput struct {
	b         *Bot
	channelID string
	replyTo   string
	first     string // the ID of the first reply, once sent
	sent      int    // parts of the final answer delivered
}

func (o *replyOutput) progress(ctx context.Context, content string) error {
	if o.first == "" {
		m, err := o.b.send(ctx, o.channelID, o.replyTo, content, 0)
		if err != nil {
			return err
		}
		o.first = m.ID
		return nil
	}
	return o.b.editMessage(ctx, o.channelID, o.first, content, 0)
}

func (o *replyOutput) final(ctx context.Context, parts []string, c controls) (string, error) {
	parts = nonEmpty(parts)
	var last string
	for i, p := range parts {
		var withButton controls
		if i == len(parts)-1 {
			withButton = c
		}
		if i == 0 && o.first != "" {
			if err := o.b.editMessage(ctx, o.channelID, o.first, p, withButton); err != nil {
				return "", err
			}
			o.sent++
			last = o.first
			continue
		}
		m, err := o.b.send(ctx, o.channelID, o.replyTo, p, withButton)
		if err != nil {
			return "", err
		}
		o.sent++
		last = m.ID
	}
	return last, nil
}

func (o *replyOutput) failed(ctx context.Context, msg string) error {
	if o.sent == 0 && o.first != "" {
		return o.b.editMessage(ctx, o.channelID, o.first, msg, 0)
	}
	_, err := o.b.send(ctx, o.channelID, o.replyTo, msg, 0)
	return err
}

// answer answers q on out: it waits for a free slot (telling the user the
// bot is busy when none frees up in time), asks the engine, streaming LLM
// output about once a second, and shows the answer with its sources.
func (b *Bot) answer(log *slog.Logger, out output, q bot.Question, quote bool) {
	rest := context.Background() // REST calls outlive the answer's context, to say why it ended
	queue, cancelQueue := context.WithTimeout(b.work, b.opts.QueueWait)
	select {
	case b.slots <- struct{}{}:
		cancelQueue()
	case <-queue.Done():
		cancelQueue()
		msg := msgBusy
		if b.work.Err() != nil {
			msg = msgRestarting
		}
		log.Warn("no free slot for an answer", "restarting", b.work.Err() != nil)
		if _, err := out.final(rest, []string{msg}, 0); err != nil {
			log.Error("tell user the bot is busy", "err", err)
		}
		return
	}
	defer func() { <-b.slots }()

	ctx, cancel := context.WithTimeout(b.work, b.opts.AnswerTimeout)
	defer cancel()
	st := &streamer{b: b, log: log, out: out, every: b.opts.StreamEvery}
	if quote {
		st.prefix = quoteLine(q.Text) + "\n"
	}
	defer st.stop() // also on a panic in the engine
	t0 := time.Now()
	version := corpusVersion(b.eng) // as the question is asked: a reload may follow
	ans, err := b.eng.AskStream(ctx, q, func(s string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		st.add(s)
		return nil
	})
	st.stop()
	if err != nil {
		log.Error("answer failed", "err", err, "elapsed", time.Since(t0))
		if _, err := out.final(rest, []string{b.explain(err, q)}, 0); err != nil {
			log.Error("tell user the answer failed", "err", err)
		}
		return
	}
	parts := Split(renderAnswer(q.Text, ans, quote), MaxContent)
	var ctl controls
	if len(ans.Citations) > 0 {
		ctl |= ctlQuotes
	}
	if b.opts.Votes != nil {
		ctl |= ctlVotes
	}
	id, err := out.final(rest, parts, ctl)
	if err != nil {
		log.Error("deliver answer", "err", err, "parts", len(parts))
		// A short message may get through where the answer did not (or
		// where a preview of it would otherwise stay).
		if err := out.failed(rest, msgUndelivered); err != nil {
			log.Error("tell user the answer was not delivered", "err", err)
		}
		return
	}
	if id != "" && ctl != 0 {
		b.answers.put(id, answered{question: q.Text, answer: ans, corpus: version})
	}
	log.Info("answered", "mode", ans.Mode, "abstained", ans.Abstained, "citations", len(ans.Citations),
		"parts", len(parts), "elapsed", time.Since(t0))
}

// explain is the one sentence a user sees when their answer failed.
func (b *Bot) explain(err error, q bot.Question) string {
	switch {
	case errors.Is(err, bot.ErrQuestionTooLong):
		return tooLong(len([]rune(q.Text)), b.opts.MaxQuestion)
	case errors.Is(err, bot.ErrEmptyQuestion):
		return msgEmpty
	case b.work.Err() != nil:
		return msgRestarting
	case errors.Is(err, context.DeadlineExceeded):
		return msgTimeout
	}
	return msgFailed
}

// streamer shows an answer as it is generated, editing at most once per
// every; edits are made by one goroutine, which stop waits for, so that the
// final answer is never overwritten by a late partial one.
type streamer struct {
	b      *Bot
	log    *slog.Logger
	out    output
	every  time.Duration
	prefix string

	mu      sync.Mutex
	text    strings.Builder
	dirty   bool
	started bool
	quit    chan struct{}
	done    chan struct{}

	stopOnce sync.Once
}

func (s *streamer) add(delta string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.text.WriteString(delta)
	s.dirty = true
	if !s.started {
		s.started = true
		s.quit, s.done = make(chan struct{}), make(chan struct{})
		go s.run()
	}
}

func (s *streamer) run() {
	defer close(s.done)
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case <-t.C:
		}
		s.mu.Lock()
		dirty, text := s.dirty, s.text.String()
		s.dirty = false
		s.mu.Unlock()
		if !dirty || strings.TrimSpace(text) == "" {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), s.b.opts.RESTTimeout)
		if err := s.out.progress(ctx, preview(s.prefix+text)); err != nil {
			s.log.Warn("stream answer", "err", err)
		}
		cancel()
	}
}

// previewNote ends every partial answer: the text streams from the LLM as
// it is written, before its citations are checked, and the final, checked
// answer replaces it.
const previewNote = "_(answering… sources are checked when it is done)_"

// preview is what a partial answer shows: as much of text as fits, marked
// as unfinished and unchecked.
func preview(text string) string {
	const tail = " …\n" + previewNote
	return Split(text, MaxContent-Length(tail))[0] + tail
}

// stop ends the streaming and waits for an edit in progress; it may be
// called more than once.
func (s *streamer) stop() {
	s.mu.Lock()
	started := s.started
	s.started = true // no goroutine starts after stop
	if s.quit == nil {
		s.quit, s.done = make(chan struct{}), make(chan struct{})
		close(s.done)
	}
	s.mu.Unlock()
	s.stopOnce.Do(func() {
		close(s.quit)
		if started {
			<-s.done
		}
	})
}
