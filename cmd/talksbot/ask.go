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
	if err := parseFlags(fs, args, &cfg); err != nil {
		return err
	}
	log := cfg.logger(a.stderr)
	question := strings.Join(fs.Args(), " ")
	if fs.NArg() == 0 && isTerminal(a.stdin) {
		fs.Usage()
		return errUsage
	}
	eng, err := cfg.engine(ctx, log)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return askOne(ctx, a, &cfg, eng, bot.Question{Text: question}, *asJSON)
	}
	// Batches are for programs: JSON Lines unless asked for text.
	*asJSON = !*asText
	// Batch: one question a line; a bad question is reported and the batch goes on.
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
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := askOne(ctx, a, &cfg, eng, bot.Question{Text: line}, *asJSON); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed++
			if !*asJSON {
				fmt.Fprintf(a.stderr, "talksbot ask: %v\n", err)
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d question(s) could not be answered", failed)
	}
	return nil
}

// askOne answers q and prints the answer. In JSON mode a question that cannot
// be answered still prints one object, with an "error" field, so that a batch
// keeps one line per question.
func askOne(ctx context.Context, a *app, cfg *config, eng *bot.Engine, q bot.Question, asJSON bool) error {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	var ans *bot.Answer
	var err error
	if asJSON {
		ans, err = eng.Ask(ctx, q)
	} else {
		_, err = streamText(ctx, a.stdout, eng, q)
	}
	if err != nil {
		if asJSON {
			b, _ := json.Marshal(failedAnswer{
				Answer: bot.Answer{Question: clip(q.Text, 300), Mode: cfg.mode(), Citations: []bot.Citation{}, Passages: []bot.PassageRef{}},
				Error:  userMessage(err),
			})
			fmt.Fprintf(a.stdout, "%s\n", b)
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

// streamText answers q on w for people: an LLM answer is shown as it
// arrives, then, once checked, its sources (and the checked text again if
// the check changed it); an offline answer is shown whole.
func streamText(ctx context.Context, w io.Writer, eng *bot.Engine, q bot.Question) (*bot.Answer, error) {
	var streamed strings.Builder
	ans, err := eng.AskStream(ctx, q, func(s string) error {
		streamed.WriteString(s)
		_, err := io.WriteString(w, s)
		return err
	})
	if streamed.Len() > 0 {
		io.WriteString(w, "\n")
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
			outlet := c.Outlet
			if outlet == "" || outlet == "unknown" {
				outlet = "outlet unknown"
			}
			fmt.Fprintf(&b, "[%d] %s (%s, %s)\n", c.N, c.Title, outlet, c.Published)
			if c.URL != "" {
				fmt.Fprintf(&b, "    %s\n", c.URL)
			}
			b.WriteString(wrap("“"+strings.Join(strings.Fields(c.Quote), " ")+"”", 80, "    "))
		}
	}
	return b.String()
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
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: talksbot chat [flags]\n\nAn interactive conversation: ask, then ask follow-ups; they are read with the\nconversation so far. /reset starts a new conversation; /quit or Ctrl-D ends it.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, &cfg); err != nil {
		return err
	}
	log := cfg.logger(a.stderr)
	eng, err := cfg.engine(ctx, log)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "Ask about the February 2025 US–Russia talks in Riyadh. Follow-up questions are welcome; /reset starts over, /quit or Ctrl-D ends.")
	var history []bot.Turn
	in := bufio.NewScanner(a.stdin)
	for {
		fmt.Fprint(a.stdout, "\n> ")
		if !in.Scan() {
			fmt.Fprintln(a.stdout)
			return in.Err()
		}
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		if line == "/reset" {
			history = nil
			fmt.Fprintln(a.stdout, "(conversation cleared)")
			continue
		}
		q := bot.Question{Text: line, History: history}
		qctx, cancel := context.WithTimeout(ctx, cfg.timeout)
		ans, err := streamText(qctx, a.stdout, eng, q)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			fmt.Fprintf(a.stdout, "Sorry: %s.\n", userMessage(err))
			continue
		}
		history = append(history, bot.Turn{Question: line, Answer: ans.Answer})
		if len(history) > 6 {
			history = history[len(history)-6:]
		}
	}
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
	if err := parseFlags(fs, args, &cfg); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q: sources takes none", fs.Arg(0)))
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
		fmt.Fprintf(a.stdout, "%d. %s, %s: %s\n", i+1, s.Outlet, s.Published, s.Title)
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
