package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot/discord"
	"github.com/talksbot/talksbot/bot/llm/llmtest"
)

// corpusDir writes a corpus directory of the given files and returns it.
func corpusDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// oneArticle is a corpus file without metadata: its outlet is unknown.
const oneArticle = " date 2025-02-18\n\nMarco Rubio led the American delegation at the talks in Riyadh. The meeting lasted four and a half hours.\n"

// TestSharedFlagsBeforeCommand (issue item 1): the flags every command
// shares work before the command name as after it; others are refused
// there with a usage error.
func TestSharedFlagsBeforeCommand(t *testing.T) {
	dir := corpusDir(t, map[string]string{"a.txt": oneArticle})
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string // in stdout
		wantErr  string // in stderr
	}{
		// The README's own example.
		{"corpus before ask", []string{"--corpus", dir, "ask", "--json", "Who led the American delegation?"}, 0, `"published":"2025-02-18"`, ""},
		{"corpus=DIR before sources", []string{"--corpus=" + dir, "sources"}, 0, "1. unknown outlet, 2025-02-18", ""},
		{"several shared flags before, one after", []string{"--log-level", "error", "--timeout", "30s", "ask", "--corpus", dir, "Who led the American delegation?"}, 0, "Rubio", ""},
		{"same flag before and after: the later wins", []string{"--k", "2", "ask", "--k", "6", "--json", "Who led?"}, 0, `"question":"Who led?"`, ""},
		{"a shared flag's bad value before the command", []string{"--k", "2", "ask", "x"}, 2, "", "--k 2: want at least 5"},
		{"a command's own flag before the command", []string{"--json", "ask", "x"}, 2, "", "put it after the command"},
		{"a shared flag the command lacks", []string{"--k", "8", "sources"}, 2, "", "flag provided but not defined"},
		{"no command after the flags", []string{"--corpus", dir}, 2, "", "no command given"},
		{"a flag without its value", []string{"ask", "--corpus"}, 2, "", "flag needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "", tt.args...)
			if code := exitCode(err); (err == nil && tt.wantCode != 0) || (err != nil && code != tt.wantCode) {
				t.Fatalf("exit %d (err %v), want %d; stderr: %s", code, err, tt.wantCode, errOut)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("stdout lacks %q:\n%.500s", tt.want, out)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, errOut)
			}
		})
	}
}

// TestFlagsAnywhere (issue item 2): flags and arguments interleave as
// people type them; a question never contains a flag; "--" ends the flags.
func TestFlagsAnywhere(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantQ    string // the question of the JSON answer ("" for no JSON check)
		wantErr  string // in stderr
	}{
		{"--json after the question", []string{"ask", "Who led the US delegation?", "--json"}, 0, "Who led the US delegation?", ""},
		{"--json between the words", []string{"ask", "Who led", "--json", "the US delegation?"}, 0, "Who led the US delegation?", ""},
		{"--k after the question is a flag, and 0 is refused", []string{"ask", "--json", "Who led?", "--k", "0"}, 2, "", "--k 0: want at least 5"},
		{"--k=8 after the question", []string{"ask", "Who led?", "--k=8", "--json"}, 0, "Who led?", ""},
		{"an unknown flag after the question", []string{"ask", "Who led?", "--verbose"}, 2, "", "flag provided but not defined: -verbose"},
		{"-- makes the rest the question", []string{"ask", "--json", "--", "--k is not a flag here"}, 0, "--k is not a flag here", ""},
		{"timeline: a flag after an argument is still parsed", []string{"timeline", "extra", "--json"}, 2, "", `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "", tt.args...)
			if code := exitCode(err); (err == nil && tt.wantCode != 0) || (err != nil && code != tt.wantCode) {
				t.Fatalf("exit %d (err %v), want %d; stderr: %s", code, err, tt.wantCode, errOut)
			}
			if tt.wantQ != "" {
				got := decode(t, out)
				if got["question"] != tt.wantQ {
					t.Errorf("question %q, want %q", got["question"], tt.wantQ)
				}
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, errOut)
			}
		})
	}
}

// TestBatchLineForLine (issue item 5): every input line gets exactly one
// output line; a blank one gets an error.
func TestBatchLineForLine(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		errors []bool // per output line: carries an error
	}{
		{"blank line between questions", "Who led the U.S. delegation?\n\nWhere did the talks take place?\n", []bool{false, true, false}},
		{"only blank lines", "\n  \n", []bool{true, true}},
		{"blank first line, no final newline", "\nWho led the U.S. delegation?", []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, tt.in, "ask", "--json")
			if exitCode(err) != 1 {
				t.Errorf("exit %d, want 1 (a question failed)", exitCode(err))
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(tt.errors) {
				t.Fatalf("%d output lines, want %d", len(lines), len(tt.errors))
			}
			for i, wantErr := range tt.errors {
				got := decode(t, lines[i])
				if _, has := got["error"]; has != wantErr {
					t.Errorf("line %d: error %v, want one: %v", i+1, got["error"], wantErr)
				}
			}
		})
	}
}

// TestJSONFailures (issue item 6): under --json every failure is a JSON
// object with "error" on standard output, and the exit status still tells
// usage errors (2) from others (1).
func TestJSONFailures(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string // in the error
	}{
		{"ask: missing corpus directory", []string{"ask", "--json", "--corpus", missing, "Who?"}, 1, "no such file"},
		{"ask: empty corpus directory", []string{"ask", "--corpus", empty, "Who?", "--json"}, 1, "no .txt article files"},
		{"sources: missing corpus directory", []string{"sources", "--json", "--corpus", missing}, 1, "no such file"},
		{"timeline: missing corpus directory", []string{"--corpus", missing, "timeline", "--json"}, 1, "no such file"},
		{"timeline: bad date", []string{"timeline", "--json", "--from", "soon"}, 2, "is not a date"},
		{"ask: bad flag value", []string{"ask", "--json", "--k", "2", "Who?"}, 2, "--k 2"},
		{"ask: unknown flag", []string{"ask", "--json", "--nope", "Who?"}, 2, "flag provided but not defined"},
		{"eval: missing gold file", []string{"eval", "--json", filepath.Join(missing, "gold.jsonl")}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "", tt.args...)
			if exitCode(err) != tt.wantCode {
				t.Errorf("exit %d (err %v), want %d", exitCode(err), err, tt.wantCode)
			}
			if strings.Count(out, "\n") != 1 {
				t.Fatalf("want one JSON line on stdout, got %q", out)
			}
			got := decode(t, out)
			msg, _ := got["error"].(string)
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q lacks %q", msg, tt.want)
			}
			if errOut == "" {
				t.Errorf("nothing on stderr")
			}
		})
	}
}

// TestCorpusWarnings (issue item 8): an empty directory is one clear error,
// not a warning about a skipped file that does not exist; a bad file among
// good ones is reported by name and skipped.
func TestCorpusWarnings(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		wantCode   int
		wantErr    []string
		notWantErr string
	}{
		{"empty directory", nil, 1, []string{"no .txt article files"}, "skipped article file"},
		{"one bad file among good ones", map[string]string{"a.txt": oneArticle, "bad.txt": "no date here\n"}, 0, []string{"skipped article file", "bad.txt"}, "no .txt"},
		{"only bad files", map[string]string{"bad.txt": "no date here\n"}, 1, []string{"skipped article file", "bad.txt", "no article could be loaded"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := corpusDir(t, tt.files)
			_, errOut, err := runCmd(t, "", "sources", "--corpus", dir)
			if code := exitCode(err); (err == nil) != (tt.wantCode == 0) || (err != nil && code != tt.wantCode) {
				t.Fatalf("exit %d (err %v), want %d; stderr: %s", code, err, tt.wantCode, errOut)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if tt.notWantErr != "" && strings.Contains(errOut, tt.notWantErr) {
				t.Errorf("stderr has %q:\n%s", tt.notWantErr, errOut)
			}
		})
	}
}

// TestUnknownOutletWording (issue item 14): an article without a known
// outlet reads "unknown outlet" wherever the command line names outlets.
func TestUnknownOutletWording(t *testing.T) {
	dir := corpusDir(t, map[string]string{"a.txt": oneArticle})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ask", []string{"ask", "--corpus", dir, "Who led the American delegation?"}, "(unknown outlet, 2025-02-18)"},
		{"sources", []string{"sources", "--corpus", dir}, "1. unknown outlet, 2025-02-18: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "", tt.args...)
			if err != nil {
				t.Fatalf("%v: %s", err, errOut)
			}
			if !strings.Contains(out, tt.want) || strings.Contains(out, "outlet unknown") || strings.Contains(out, "unknown,") {
				t.Errorf("want %q, and no other wording:\n%s", tt.want, out)
			}
		})
	}
	for _, o := range []string{"", "unknown", " Unknown "} {
		if got := outletName(o); got != unknownOutlet {
			t.Errorf("outletName(%q) = %q", o, got)
		}
	}
}

// syncBuffer is an output safe to read while the command writes it.
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

// waitFor polls until cond holds, failing the test if it never does. (It
// waits for an event; nothing is measured.)
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestAskInterrupted (issue item 4): SIGINT or SIGTERM while ask waits for
// the LLM says it was interrupted and exits 130 or 143, and prints no
// offline answer in its place.
func TestAskInterrupted(t *testing.T) {
	tests := []struct {
		name     string
		sig      os.Signal
		json     bool
		wantCode int
	}{
		{"SIGINT, text", syscall.SIGINT, false, 130},
		{"SIGTERM, text", syscall.SIGTERM, false, 143},
		{"SIGINT, --json", syscall.SIGINT, true, 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Hang: true})
			srv.Default = quotingModel
			env := map[string]string{"HOME": t.TempDir(), "OPENAI_BASE_URL": srv.BaseURL()}
			sigs := make(chan os.Signal, 1)
			var out, errOut syncBuffer
			args := []string{"ask", "Who led the U.S. delegation at the Riyadh talks?"}
			if tt.json {
				args = append(args, "--json")
			}
			done := make(chan error, 1)
			go func() {
				done <- run(t.Context(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut, sigs)
			}()
			waitFor(t, "the chat request", func() bool { return len(srv.ChatRequests()) > 0 })
			sigs <- tt.sig
			err := <-done
			if exitCode(err) != tt.wantCode {
				t.Errorf("exit %d (err %v), want %d", exitCode(err), err, tt.wantCode)
			}
			if !strings.Contains(errOut.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted: %s", errOut.String())
			}
			if o := out.String(); strings.Contains(o, "LLM failed") || strings.Contains(o, "Sources:") {
				t.Errorf("an answer was printed after the interruption:\n%s", o)
			}
			if tt.json {
				if got := decode(t, out.String()); got["error"] != "interrupted" {
					t.Errorf("JSON error %v, want interrupted", got["error"])
				}
			}
		})
	}
}

// TestExitCodes: each kind of ending has its exit status, so that scripts
// and supervisors can tell them apart.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"an error", errors.New("x"), 1},
		{"a usage error", usageError("bad"), 2},
		{"Discord refused the bot (issue item 10)", fmt.Errorf("%w: code 4004", discord.ErrRefused), 3},
		{"SIGINT (issue item 4)", interrupted{syscall.SIGINT}, 130},
		{"SIGTERM (issue item 4)", interrupted{syscall.SIGTERM}, 143},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}
