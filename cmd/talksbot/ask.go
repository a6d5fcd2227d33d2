package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/talksbot/talksbot/bot"
	"golang.org/x/term"
)

func runAsk(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.register(fs, a.getenv)
	asJSON := fs.Bool("json", false, "print the answer as JSON (the ask --json contract)")
	asText := fs.Bool("text", false, "print readable text even in batch mode")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot ask [flags] ["question"]

Answers the question with numbered citations. With no question argument and
standard input not a terminal, reads one question a line and answers each,
printing one JSON object a line (JSON Lines; --text for readable text).

Flags:`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	log := cfg.logger(a.stderr)
	question := strings.Join(pos, " ")
	if len(pos) == 0 && isTerminal(a.stdin) {
		fs.Usage()
		return errUsage
	}
	// Batches are for programs: JSON Lines unless asked for text.
	if len(pos) == 0 {
		*asJSON = !*asText
	}
	cfg.oneShot = true
	eng, err := cfg.engine(ctx, log, a.stderr)
	if err != nil {
		if *asJSON {
			printFailure(a, &cfg, question, err)
			return reportedError{err}
		}
		return err
	}
	if len(pos) > 0 {
		return askOne(ctx, a, &cfg, eng, bot.Question{Text: question}, *asJSON)
	}
	// Batch: one question a line, and one answer a line for each, a blank
	// or bad question included (its line carries the error); the batch
	// goes on after a bad question.
	lines := newLineReader(a.stdin)
	var failed int
	for {
		line, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
		if err := askOne(ctx, a, &cfg, eng, bot.Question{Text: strings.TrimSpace(line)}, *asJSON); err != nil {
			if in := interruption(ctx); in != nil {
				return in
			}
			failed++
			if !*asJSON {
				fmt.Fprintf(a.stderr, "talksbot ask: %v\n", err)
			}
		}
	}
	if failed > 0 {
		return reportedError{fmt.Errorf("%d question(s) could not be answered", failed)}
	}
	return nil
}

// askOne answers q and prints the answer. In JSON mode a question that cannot
// be answered still prints one object, with an "error" field, so that a batch
// keeps one line per question; the error returned is then a reportedError.
// An answer interrupted by a signal is not printed: whatever the engine made
// of its cancelled context (the offline answer, say) was not asked for.
func askOne(ctx context.Context, a *app, cfg *config, eng *bot.Engine, q bot.Question, asJSON bool) error {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	var ans *bot.Answer
	var err error
	if asJSON {
		ans, err = eng.Ask(ctx, q)
		if in := interruption(ctx); in != nil {
			err = in
		}
	} else {
		_, err = streamText(ctx, a.stdout, eng, q)
	}
	if err != nil {
		if asJSON {
			printFailure(a, cfg, q.Text, err)
			return reportedError{err}
		}
		if in := interruption(ctx); in != nil {
			return in
		}
		return errors.New(userMessage(err))
	}
	if asJSON {
		b, err := json.Marshal(ans)
		if err != nil {
			return fmt.Errorf("encode answer: %w", err)
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	}
	return nil
}

// printFailure prints the ask --json line of a question that could not be
// answered.
func printFailure(a *app, cfg *config, question string, err error) {
	b, _ := json.Marshal(failedAnswer{
		Answer: bot.Answer{Question: clip(question, 300), Mode: cfg.mode(), Citations: []bot.Citation{}, Passages: []bot.PassageRef{}},
		Error:  userMessage(err),
	})
	fmt.Fprintf(a.stdout, "%s\n", b)
}

// streamText answers q on w for people: an LLM answer is shown as it
// arrives, then, once checked, its sources (and the checked text again if
// the check changed it); an offline answer is shown whole. When a signal
// interrupts it, it shows nothing more and returns the interruption.
//
// On a terminal, once waitQuiet passes without a token, it shows that the
// bot is waiting for the model, with the time elapsed (see waiter).
func streamText(ctx context.Context, w io.Writer, eng *bot.Engine, q bot.Question) (*bot.Answer, error) {
	var ticks <-chan time.Time
	if isTerminalWriter(w) {
		tk := time.NewTicker(time.Second)
		defer tk.Stop()
		ticks = tk.C
	}
	return streamTextTicking(ctx, w, eng, q, ticks, time.Now)
}

// streamTextTicking is streamText with the waiting note driven by ticks
// (nil: no note) and the clock now.
func streamTextTicking(ctx context.Context, w io.Writer, eng *bot.Engine, q bot.Question, ticks <-chan time.Time, now func() time.Time) (*bot.Answer, error) {
	var streamed strings.Builder
	wt := newWaiter(w, now)
	if ticks != nil {
		done, finished := make(chan struct{}), make(chan struct{})
		go func() { wt.run(ticks, done); close(finished) }()
		defer func() { close(done); <-finished; wt.stop() }()
	}
	ans, err := eng.AskStream(ctx, q, func(s string) error {
		streamed.WriteString(s)
		return wt.write(s)
	})
	wt.stop()
	if streamed.Len() > 0 {
		io.WriteString(w, "\n")
	}
	if in := interruption(ctx); in != nil {
		return nil, in
	}
	if err != nil {
		return nil, err
	}
	out := renderText(ans)
	if streamed.Len() > 0 {
		if strings.Join(strings.Fields(streamed.String()), " ") == strings.Join(strings.Fields(ans.Answer), " ") && ans.Note == "" {
			// The text stood as streamed: add only its sources.
			if i := strings.Index(out, "\nSources:"); i >= 0 {
				out = out[i:]
			} else {
				out = ""
			}
		} else {
			out = "\nChecked answer:\n" + out
		}
	}
	_, err = io.WriteString(w, out)
	return ans, err
}

// failedAnswer is the ask --json line of a question that could not be
// answered: every field of the contract, empty, and the error.
type failedAnswer struct {
	bot.Answer
	Error string `json:"error"`
}

// userMessage is the sentence a person sees for err.
func userMessage(err error) string {
	switch {
	case errors.Is(err, bot.ErrEmptyQuestion), errors.Is(err, bot.ErrQuestionTooLong):
		return err.Error()
	case errors.As(err, new(interrupted)):
		return "interrupted"
	case err == errUsage:
		return "usage error; see --help"
	case errors.Is(err, context.DeadlineExceeded):
		return "the answer took too long; try again"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return err.Error()
}

// renderText is the human form of an answer: the answer, wrapped, then its
// numbered sources with the quote each claim rests on.
func renderText(ans *bot.Answer) string {
	var b strings.Builder
	b.WriteString(wrap(ans.Answer, 80, ""))
	if ans.Note != "" {
		b.WriteString(wrap("("+ans.Note+")", 80, ""))
	}
	if len(ans.Citations) > 0 {
		b.WriteString("\nSources:\n")
		for _, c := range ans.Citations {
			fmt.Fprintf(&b, "[%d] %s (%s, %s)\n", c.N, c.Title, outletName(c.Outlet), c.Published)
			if c.URL != "" {
				fmt.Fprintf(&b, "    %s\n", c.URL)
			}
			b.WriteString(wrap("“"+strings.Join(strings.Fields(c.Quote), " ")+"”", 80, "    "))
		}
	}
	return b.String()
}

// unknownOutlet is how an article without a known outlet is named, here
// and in Discord (the corpus records its outlet as "unknown" or not at all).
const unknownOutlet = "unknown outlet"

// outletName is the outlet as people read it.
func outletName(outlet string) string {
	if o := strings.TrimSpace(outlet); o != "" && !strings.EqualFold(o, "unknown") {
		return o
	}
	return unknownOutlet
}

// wrap breaks text into lines of at most width columns (a longer word
// stands alone), each starting with indent, and ends it with a newline.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(text) {
		if len(line) > len(indent) && len([]rune(line))+1+len([]rune(w)) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	b.WriteString(line + "\n")
	return b.String()
}

func runChat(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.register(fs, a.getenv)
	var rl reloading
	rl.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot chat [flags]

An interactive conversation: ask, then ask follow-ups; they are read with the
conversation so far. At the prompt: /help lists the commands, /reset starts a
new conversation, /quit or Ctrl-D ends it. Ctrl-C clears the line (a second
one ends the chat); while an answer is being written, it cancels the answer.
Articles added, changed or removed in --corpus are picked up without a
restart (--watch), and on SIGHUP.

Flags:`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q: chat takes none; ask at its prompt, or use talksbot ask", pos[0]))
	}
	log := cfg.logger(a.stderr)
	r, err := a.reloader(ctx, &cfg, rl, log)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, r.Engine().About()+" Follow-up questions are welcome; /help lists the commands, /quit or Ctrl-D ends.")
	c := &chat{out: a.stdout, signals: a.signals, timeout: cfg.timeout, ask: func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
		// The engine of the moment: articles changed in --corpus are
		// answered from once reloaded.
		return streamText(ctx, a.stdout, r.Engine(), q)
	}}
	return c.loop(ctx, a.stdin)
}

// chat is the conversation of "talksbot chat": it reads questions at a
// prompt and answers them with the conversation so far.
type chat struct {
	out     io.Writer
	signals <-chan os.Signal // SIGINT and SIGTERM; nil: none
	timeout time.Duration
	// ask answers a question, showing the answer on out.
	ask     func(ctx context.Context, q bot.Question) (*bot.Answer, error)
	history []bot.Turn
}

// maxHistory is the most turns a follow-up is read with.
const maxHistory = 6

// chatHelp is the answer to /help.
const chatHelp = `Commands:
  /help    this list
  /reset   start a new conversation (earlier questions are forgotten)
  /quit    end the chat (also /exit, Ctrl-D, or Ctrl-C twice)
Anything else is a question; follow-ups are read with the conversation so far.
Ctrl-C clears the line, or cancels an answer being written.`

// loop runs the conversation until /quit, end of input, two Ctrl-Cs in a
// row at the prompt, or SIGTERM (an interrupted error: exit status 143).
func (c *chat) loop(ctx context.Context, in io.Reader) error {
	lines, stop := readLines(in)
	defer stop()
	interruptedAtPrompt := false
	for {
		fmt.Fprint(c.out, "\n> ")
		var line string
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.out)
			return nil
		case s := <-c.signals:
			if s == syscall.SIGTERM {
				fmt.Fprintln(c.out)
				return interrupted{s}
			}
			if interruptedAtPrompt {
				fmt.Fprintln(c.out)
				return nil
			}
			// The terminal has dropped the line typed so far.
			interruptedAtPrompt = true
			fmt.Fprint(c.out, "\n(Ctrl-C again or Ctrl-D to quit)")
			continue
		case l := <-lines:
			if l.err != nil {
				fmt.Fprintln(c.out)
				if l.err == io.EOF {
					return nil
				}
				return fmt.Errorf("read question: %w", l.err)
			}
			line = strings.TrimSpace(l.text)
		}
		interruptedAtPrompt = false
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "/"):
			if c.command(line) {
				return nil
			}
			continue
		}
		if err := c.answer(ctx, line); err != nil {
			return err
		}
	}
}

// command runs a /command; it reports whether the chat should end.
func (c *chat) command(line string) (quit bool) {
	name, _, _ := strings.Cut(line, " ")
	switch name {
	case "/quit", "/exit":
		return true
	case "/reset":
		c.history = nil
		fmt.Fprintln(c.out, "(conversation cleared)")
	case "/help", "/?":
		fmt.Fprintln(c.out, chatHelp)
	default:
		fmt.Fprintf(c.out, "Unknown command %s; /help lists the commands.\n", name)
	}
	return false
}

// answer answers one question. SIGINT while it is being answered cancels
// the answer and returns to the prompt; SIGTERM ends the chat.
func (c *chat) answer(ctx context.Context, line string) error {
	qctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	tctx, cancelT := context.WithTimeout(qctx, c.timeout)
	defer cancelT()
	answered := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case s := <-c.signals:
			cancel(interrupted{s})
		case <-answered:
		}
	}()
	ans, err := c.ask(tctx, bot.Question{Text: line, History: c.history})
	close(answered)
	<-watched
	var in interrupted
	switch {
	case errors.As(err, &in) && in.sig == syscall.SIGTERM:
		return in
	case err != nil && in.sig != nil:
		fmt.Fprintln(c.out, "(answer cancelled)")
		return nil
	case err != nil:
		if ctx.Err() != nil {
			return nil
		}
		fmt.Fprintf(c.out, "Sorry: %s.\n", userMessage(err))
		return nil
	}
	c.history = append(c.history, bot.Turn{Question: line, Answer: ans.Answer})
	if len(c.history) > maxHistory {
		c.history = c.history[len(c.history)-maxHistory:]
	}
	return nil
}

// line is one line of input, or the error that ended the input.
type line struct {
	text string
	err  error
}

// readLines reads r a line at a time on a goroutine of its own, so that the
// prompt can wait for a line and a signal at once; stop ends the goroutine
// once its read returns.
func readLines(r io.Reader) (<-chan line, func()) {
	out := make(chan line)
	done := make(chan struct{})
	go func() {
		lr := newLineReader(r)
		for {
			text, err := lr.next()
			select {
			case out <- line{text, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out, func() { close(done) }
}

func runSources(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.registerCorpus(fs, a.getenv)
	asJSON := fs.Bool("json", false, "print the sources as a JSON array")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: talksbot sources [flags]\n\nLists the articles the bot answers from.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q: sources takes none", pos[0]))
	}
	arts, err := cfg.articles(cfg.logger(a.stderr))
	if err != nil {
		return err
	}
	eng := bot.New(cfg.logger(a.stderr), arts, nil, bot.Options{})
	srcs := eng.Sources()
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(srcs)
	}
	for i, s := range srcs {
		by := ""
		if s.Author != "" {
			by = " (by " + s.Author + ")"
		}
		fmt.Fprintf(a.stdout, "%d. %s, %s: %s%s\n", i+1, outletName(s.Outlet), s.Published, s.Title, by)
		if s.URL != "" {
			fmt.Fprintf(a.stdout, "   %s\n", s.URL)
		}
	}
	return nil
}

// isTerminal reports whether r is a character device (an interactive terminal).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// lineReader reads lines of any length; a line longer than maxLine is cut
// there (the engine then refuses it as too long) rather than stopping the
// batch, as bufio.Scanner would.
type lineReader struct {
	r *bufio.Reader
}

// maxLine is far above any question the engine accepts.
const maxLine = 64 << 10

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReader(r)} }

// next returns the next line without its end of line, or io.EOF.
func (l *lineReader) next() (string, error) {
	var b []byte
	for {
		part, more, err := l.r.ReadLine()
		if err != nil {
			if err == io.EOF && len(b) > 0 {
				return string(b), nil
			}
			return "", err
		}
		if len(b) < maxLine {
			b = append(b, part[:min(len(part), maxLine-len(b))]...)
		}
		if !more {
			return string(b), nil
		}
	}
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
