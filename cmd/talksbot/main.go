// Command talksbot answers questions about the February 2025 US–Russia talks
// in Riyadh from a corpus of news articles, and cites its sources.
//
// Usage:
//
//	talksbot ask [flags] ["question"]   answer one question (or one a line from stdin)
//	talksbot chat [flags]               an interactive, cited conversation
//	talksbot sources [flags]            list the articles
//	talksbot timeline [flags]           dated events, with sources
//	talksbot eval [flags] FILE.jsonl    score the engine on a gold set
//	talksbot discord [flags]            run the Discord bot
//	talksbot add [flags] SOURCE...      add articles from web pages or files to a corpus directory
//
// Run "talksbot COMMAND --help" for the flags of a command. With no LLM
// configured (OPENAI_API_KEY / OPENAI_BASE_URL unset) answers are extracted
// offline from the articles' sentences.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		os.Exit(exitCode(err))
	}
}

// app is what every subcommand gets from main: the process's environment and
// standard streams.
type app struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name, summary string
	run           func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"ask", "answer a question (or one a line from standard input)", runAsk},
		{"chat", "an interactive, cited conversation", runChat},
		{"sources", "list the articles the bot answers from", runSources},
		{"timeline", "dated events from the articles, with sources", runTimeline},
		{"eval", "score the engine on a gold set of questions", runEval},
		{"discord", "run the Discord bot", runDiscord},
		{"add", "add articles from web pages or files to a corpus directory", runAdd},
	}
}

// run is the whole program; main only wires the process to it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	a := &app{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		a.usage(stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, a, args[1:])
			if err != nil && !errors.Is(err, flag.ErrHelp) && err != errUsage {
				fmt.Fprintf(stderr, "talksbot %s: %v\n", c.name, err)
			}
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(stderr, "talksbot: unknown command %q\n", args[0])
	a.usage(stderr)
	return errUsage
}

func (a *app) usage(w io.Writer) {
	fmt.Fprintln(w, "talksbot answers questions about the February 2025 US–Russia talks in Riyadh, with sources.")
	fmt.Fprintln(w, "\nUsage: talksbot COMMAND [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'talksbot COMMAND --help' for a command's flags.")
}

// errUsage means the usage was already printed.
var errUsage = errors.New("usage")

// usageError is a usage error that says what was wrong (exit status 2).
type usageError string

func (e usageError) Error() string        { return string(e) }
func (e usageError) Is(target error) bool { return target == errUsage }

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}
