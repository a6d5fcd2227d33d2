// Command talksbot answers questions about the February 2025 US–Russia talks
// in Riyadh from a corpus of news articles, and cites its sources.
//
// Usage:
//
//	talksbot [shared flags] COMMAND [flags] [arguments]
//
//	talksbot ask [flags] ["question"]   answer one question (or one a line from stdin)
//	talksbot chat [flags]               an interactive, cited conversation
//	talksbot sources [flags]            list the articles
//	talksbot timeline [flags]           dated events, with sources
//	talksbot eval [flags] FILE.jsonl    score the engine on a gold set
//	talksbot discord [flags]            run the Discord bot
//	talksbot add [flags] SOURCE...      add articles from web pages or files to a corpus directory
//	talksbot feedback [flags] FILE      the answers voted down most in Discord (--gold: gold-set candidates)
//
// Run "talksbot COMMAND --help" for the flags of a command. The flags every
// command shares (--corpus, --cache, --log-level, --model, --embed-model,
// --timeout, ...) may come before or after the command name, and flags may
// come before, between or after the arguments; "--" ends the flags. With no
// LLM configured (OPENAI_API_KEY / OPENAI_BASE_URL unset) answers are
// extracted offline from the articles' sentences.
//
// Exit status: 0 for an answer or an abstention, 1 on errors, 2 on usage
// errors, 3 when Discord refuses the bot for good (a wrong or revoked token),
// 130 or 143 when interrupted by SIGINT or SIGTERM.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/talksbot/talksbot/bot/discord"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	hups := make(chan os.Signal, 1)
	signal.Notify(hups, syscall.SIGHUP)
	err := runWith(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr, sigs, hups)
	signal.Stop(sigs)
	signal.Stop(hups)
	if err != nil {
		os.Exit(exitCode(err))
	}
}

// app is what every subcommand gets from main: the process's environment,
// standard streams and signals.
type app struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// signals delivers SIGINT and SIGTERM; only chat reads it itself
	// (see signalUse).
	signals <-chan os.Signal
	// hangups delivers SIGHUP: the long-running commands (discord, chat)
	// reload their articles and settings. nil: none.
	hangups <-chan os.Signal
}

// signalUse is what SIGINT and SIGTERM do to a command.
type signalUse int

const (
	// stopOnSignal cancels the command's context and makes its exit status
	// 130 (SIGINT) or 143 (SIGTERM), whatever the command returns.
	stopOnSignal signalUse = iota
	// shutDownOnSignal cancels the context; the command's own result stands
	// (a server's graceful shutdown is its normal end).
	shutDownOnSignal
	// ownSignals hands the signals to the command (chat: Ctrl-C clears the
	// line or cancels an answer).
	ownSignals
)

type command struct {
	name, summary string
	run           func(ctx context.Context, a *app, args []string) error
	signals       signalUse
}

func commands() []command {
	return []command{
		{"ask", "answer a question (or one a line from standard input)", runAsk, stopOnSignal},
		{"chat", "an interactive, cited conversation", runChat, ownSignals},
		{"sources", "list the articles the bot answers from", runSources, stopOnSignal},
		{"timeline", "dated events from the articles, with sources", runTimeline, stopOnSignal},
		{"eval", "score the engine on a gold set of questions", runEval, stopOnSignal},
		{"discord", "run the Discord bot", runDiscord, shutDownOnSignal},
		{"add", "add articles from web pages or files to a corpus directory", runAdd, stopOnSignal},
		{"feedback", "the answers people voted down most, and gold-set candidates of them", runFeedback, stopOnSignal},
	}
}

// run is the whole program; main only wires the process to it. signals may
// be nil (nothing interrupts).
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer, signals <-chan os.Signal) error {
	return runWith(ctx, args, getenv, stdin, stdout, stderr, signals, nil)
}

// runWith is run with SIGHUP delivered on hangups (nil: never).
func runWith(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer, signals, hangups <-chan os.Signal) error {
	a := &app{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr, signals: signals, hangups: hangups}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		a.usage(stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	lead, name, rest, err := splitCommand(args, getenv)
	if err != nil {
		fmt.Fprintf(stderr, "talksbot: %v\n", err)
		a.usage(stderr)
		return err
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		// Shared flags given before the command name are the command's own.
		cargs := append(lead, rest...)
		err := runCommand(ctx, a, c, cargs)
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			if !quiet(err) {
				fmt.Fprintf(stderr, "talksbot %s: %v\n", c.name, err)
			}
			if wantsJSON(cargs) && !errors.As(err, new(reportedError)) {
				b, _ := json.Marshal(map[string]string{"error": userMessage(err)})
				fmt.Fprintf(stdout, "%s\n", b)
			}
		}
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	fmt.Fprintf(stderr, "talksbot: unknown command %q\n", name)
	a.usage(stderr)
	return errUsage
}

// runCommand runs c with the signal handling it asks for.
func runCommand(ctx context.Context, a *app, c command, args []string) error {
	if c.signals == ownSignals || a.signals == nil {
		return c.run(ctx, a, args)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		select {
		case s := <-a.signals:
			cancel(interrupted{s})
		case <-ctx.Done():
		}
	}()
	err := c.run(ctx, a, args)
	if c.signals == stopOnSignal {
		if cause := interruption(ctx); cause != nil && (err == nil || !errors.As(err, new(interrupted))) {
			// Whatever the command made of its cancelled context (an
			// offline answer, "context canceled"), it did not finish.
			return cause
		}
	}
	return err
}

// interrupted is the cause of a command's context, and its error, when a
// signal stopped it.
type interrupted struct{ sig os.Signal }

func (interrupted) Error() string { return "interrupted" }

// interruption is the interrupted error when ctx was cancelled by a signal,
// else nil.
func interruption(ctx context.Context) error {
	var in interrupted
	if errors.As(context.Cause(ctx), &in) {
		return in
	}
	return nil
}

// splitCommand finds the command name in args. The shared flags (those of
// every engine-using command: --corpus, --cache, --log-level, --model, ...)
// may come before it; they are returned in lead, to be parsed with the
// command's own flags.
func splitCommand(args []string, getenv func(string) string) (lead []string, name string, rest []string, err error) {
	shared := flag.NewFlagSet("shared", flag.ContinueOnError)
	var c config
	c.register(shared, getenv)
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			return lead, arg, args[i+1:], nil
		}
		if arg == "--" {
			break
		}
		fname, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		f := shared.Lookup(fname)
		if f == nil {
			return nil, "", nil, usageError(fmt.Sprintf("flag %s before the command name is not one every command shares; put it after the command", arg))
		}
		lead = append(lead, arg)
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); hasValue || (ok && b.IsBoolFlag()) {
			continue
		}
		if i+1 == len(args) {
			return nil, "", nil, usageError(fmt.Sprintf("flag %s needs a value", arg))
		}
		i++
		lead = append(lead, args[i])
	}
	return nil, "", nil, usageError("no command given")
}

// wantsJSON reports whether args ask for JSON output (a --json flag among
// the flags).
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--json" || a == "-json" || a == "--json=true" || a == "-json=true" {
			return true
		}
	}
	return false
}

func (a *app) usage(w io.Writer) {
	fmt.Fprintln(w, "talksbot answers questions about the February 2025 US–Russia talks in Riyadh, with sources.")
	fmt.Fprintln(w, "\nUsage: talksbot [shared flags] COMMAND [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'talksbot COMMAND --help' for a command's flags. The shared flags (--corpus,\n--cache, --log-level, --model, --embed-model, --timeout, ...) may also come\nbefore the command name.")
}

// errUsage marks usage errors (exit status 2); alone, it means the usage
// was already printed.
var errUsage = errors.New("usage")

// usageError is a usage error that says what was wrong (exit status 2).
type usageError string

func (e usageError) Error() string        { return string(e) }
func (e usageError) Is(target error) bool { return target == errUsage }

// flagError is a usage error the flag package has already printed.
type flagError struct{ err error }

func (e flagError) Error() string        { return e.err.Error() }
func (e flagError) Is(target error) bool { return target == errUsage }

// reportedError is an error already reported on standard output (as the
// "error" of a JSON answer).
type reportedError struct{ error }

func (e reportedError) Unwrap() error { return e.error }

// quiet reports whether err was already shown to the user.
func quiet(err error) bool {
	return err == errUsage || errors.As(err, new(flagError))
}

func exitCode(err error) int {
	var in interrupted
	switch {
	case errors.As(err, &in):
		if in.sig == syscall.SIGTERM {
			return 128 + int(syscall.SIGTERM)
		}
		return 128 + int(syscall.SIGINT)
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, discord.ErrRefused):
		// Restarting cannot help; a supervisor can tell (systemd:
		// RestartPreventExitStatus=3).
		return 3
	}
	return 1
}
