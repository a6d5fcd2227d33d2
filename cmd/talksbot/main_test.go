package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// runCmd runs the program in-process with an empty environment (offline).
func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"HOME": t.TempDir()}
	err := run(t.Context(), args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errOut, nil)
	return out.String(), errOut.String(), err
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr bool
		want    string // in stdout or stderr
	}{
		{"no arguments prints usage and fails", nil, true, "Commands:"},
		{"help", []string{"--help"}, false, "Commands:"},
		{"unknown command", []string{"frobnicate"}, true, `unknown command "frobnicate"`},
		{"ask help", []string{"ask", "--help"}, false, "Usage: talksbot ask"},
		{"bad flag", []string{"ask", "--nope", "x"}, true, "flag provided but not defined"},
		{"shared flag before the command", []string{"--log-level", "error", "sources"}, false, "Head Topics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "", tt.args...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !strings.Contains(out+errOut, tt.want) {
				t.Errorf("output lacks %q:\n%s\n%s", tt.want, out, errOut)
			}
		})
	}
}

func TestAskJSONContract(t *testing.T) {
	out, errOut, err := runCmd(t, "", "ask", "--json", "Who led the U.S. delegation at the Riyadh talks?")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"question", "answer", "abstained", "mode", "citations", "passages", "timings_ms"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing %q in %s", k, out)
		}
	}
	if got["mode"] != "extractive" {
		t.Errorf("mode = %v, want extractive offline", got["mode"])
	}
	if ps, _ := got["passages"].([]any); len(ps) < 5 {
		t.Errorf("%d passages, want at least 5", len(ps))
	}
	cits, _ := got["citations"].([]any)
	if len(cits) == 0 {
		t.Fatalf("no citations: %s", out)
	}
	for _, k := range []string{"n", "article", "title", "outlet", "published", "url", "quote"} {
		if _, ok := cits[0].(map[string]any)[k]; !ok {
			t.Errorf("citation lacks %q", k)
		}
	}
}

// TestAskBatch: one JSON line per input line, in order, even for a bad one.
func TestAskBatch(t *testing.T) {
	in := "Who led the U.S. delegation?\n\nWhat is the population of Riyadh?\n" + strings.Repeat("x", 2000) + "\nWhere did the talks take place?\n"
	out, _, err := runCmd(t, in, "ask", "--json")
	if err == nil {
		t.Errorf("a batch with a refused question should exit non-zero")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5 (one per input line)", len(lines))
	}
	for i, want := range []string{"", "the question is empty", "", "too long", ""} {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		msg, _ := got["error"].(string)
		if (want == "") != (msg == "") || !strings.Contains(msg, want) {
			t.Errorf("line %d: error %q, want %q", i+1, msg, want)
		}
	}
	var last map[string]any
	json.Unmarshal([]byte(lines[4]), &last)
	if last["question"] != "Where did the talks take place?" {
		t.Errorf("order lost: %.200s", lines[4])
	}
}

func TestAskText(t *testing.T) {
	out, _, err := runCmd(t, "", "ask", "Where did the meeting take place?")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "[1]") || !strings.Contains(out, "Sources:") {
		t.Errorf("want an answer with a numbered source list:\n%s", out)
	}
}

func TestAskEmpty(t *testing.T) {
	_, errOut, err := runCmd(t, "", "ask", "   ")
	if err == nil || !strings.Contains(errOut, "empty") {
		t.Errorf("err = %v, stderr %q; want a clear 'empty' error", err, errOut)
	}
}

func TestSources(t *testing.T) {
	out, _, err := runCmd(t, "", "sources", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var srcs []map[string]string
	if err := json.Unmarshal([]byte(out), &srcs); err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 5 {
		t.Errorf("%d sources, want the 5 articles", len(srcs))
	}
}

func TestBrokenCorpusDir(t *testing.T) {
	_, _, err := runCmd(t, "", "ask", "--corpus", t.TempDir()+"/missing", "who?")
	if err == nil || errors.Is(err, errUsage) {
		t.Errorf("want a clear error for a missing corpus directory, got %v", err)
	}
}

func TestChat(t *testing.T) {
	out, _, err := runCmd(t, "Who led the U.S. delegation?\nAnd who joined him?\n/quit\n", "chat")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "Sources:") < 2 {
		t.Errorf("want two cited answers:\n%s", out)
	}
}

// TestUsageErrors: what a user mistypes is a usage error (exit status 2)
// that says what was wrong, never a silent default.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"ask", "--bogus", "x"}, "flag provided but not defined"},
		{"bad number", []string{"ask", "--k", "abc", "x"}, "invalid value"},
		{"too few passages for the contract", []string{"ask", "--k", "2", "x"}, "--k 2: want at least 5"},
		{"unknown log level", []string{"ask", "--log-level", "loud", "x"}, `--log-level "loud"`},
		{"sources takes no argument", []string{"sources", "extra"}, `unexpected argument "extra"`},
		{"sources has no engine flags", []string{"sources", "--k", "8"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, err := runCmd(t, "", tt.args...)
			if exitCode(err) != 2 {
				t.Errorf("exit status %d (err %v), want 2", exitCode(err), err)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errOut)
			}
		})
	}
}

// TestAskEmptyArgument: an empty question given as an argument is the same
// error as a blank one, not the usage.
func TestAskEmptyArgument(t *testing.T) {
	_, errOut, err := runCmd(t, "", "ask", "")
	if exitCode(err) != 1 || !strings.Contains(errOut, "the question is empty") {
		t.Errorf("exit %d, stderr %q; want 1 and 'the question is empty'", exitCode(err), errOut)
	}
}

func TestCorpusIsAFile(t *testing.T) {
	f := t.TempDir() + "/a.txt"
	if err := os.WriteFile(f, []byte(" date 2025-02-18 x\n\nText."), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runCmd(t, "", "ask", "--corpus", f, "who?")
	if err == nil || !strings.Contains(errOut, "is a file, not a directory") {
		t.Errorf("err %v, stderr %q", err, errOut)
	}
}

// TestAskJSONErrorLine: a question that cannot be answered still prints a
// line with every field of the contract, plus the error.
func TestAskJSONErrorLine(t *testing.T) {
	out, _, _ := runCmd(t, strings.Repeat("y", 600)+"\n", "ask", "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"question", "answer", "abstained", "mode", "citations", "passages", "timings_ms", "error"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing %q in %s", k, out)
		}
	}
}
