package main

import (
	"context"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/llm/llmtest"
)

// chatStep is one thing a person does in a chat: type a line, press
// Ctrl-C (SIGINT) or send SIGTERM, or press Ctrl-D (eof). A step with
// duringAnswer waits for an answer to be under way instead of the prompt.
type chatStep struct {
	line         string
	sig          os.Signal
	eof          bool
	duringAnswer bool
}

// TestChatLoop (issue item 3): Ctrl-C clears the line, a second one (or
// Ctrl-D) ends the chat; during an answer it cancels the answer and returns
// to the prompt; /help and unknown /commands are answered as commands.
func TestChatLoop(t *testing.T) {
	line := func(s string) chatStep { return chatStep{line: s} }
	ctrlC := chatStep{sig: syscall.SIGINT}
	tests := []struct {
		name      string
		steps     []chatStep
		wantAsked []string // questions that reached the answerer
		wantOut   []string
		notOut    []string
		wantCode  int // exit status of the chat's result
	}{
		{"Ctrl-C at the prompt clears the line; the next question is answered",
			[]chatStep{ctrlC, line("Who led?"), line("/quit")}, []string{"Who led?"}, []string{"(Ctrl-C again or Ctrl-D to quit)", "ANSWER Who led?"}, nil, 0},
		{"two Ctrl-Cs in a row end the chat",
			[]chatStep{ctrlC, ctrlC}, nil, nil, nil, 0},
		{"a line between two Ctrl-Cs keeps the chat going",
			[]chatStep{ctrlC, line("q1"), ctrlC, line("q2"), line("/quit")}, []string{"q1", "q2"}, nil, nil, 0},
		{"Ctrl-D ends the chat",
			[]chatStep{line("q1"), {eof: true}}, []string{"q1"}, nil, nil, 0},
		{"Ctrl-C during an answer cancels it and returns to the prompt",
			[]chatStep{line("slow"), {sig: syscall.SIGINT, duringAnswer: true}, line("q2"), line("/quit")},
			[]string{"slow", "q2"}, []string{"(answer cancelled)", "ANSWER q2"}, []string{"ANSWER slow"}, 0},
		{"SIGTERM during an answer ends the chat (143)",
			[]chatStep{line("slow"), {sig: syscall.SIGTERM, duringAnswer: true}}, []string{"slow"}, nil, []string{"ANSWER slow"}, 143},
		{"SIGTERM at the prompt ends the chat (143)",
			[]chatStep{{sig: syscall.SIGTERM}}, nil, nil, nil, 143},
		{"/help lists the commands",
			[]chatStep{line("/help"), line("/quit")}, nil, []string{"/reset", "/quit", "Ctrl-C"}, []string{"ANSWER"}, 0},
		{"an unknown /command is not a question",
			[]chatStep{line("/frobnicate now"), line("/exit")}, nil, []string{"Unknown command /frobnicate; /help lists the commands."}, []string{"ANSWER"}, 0},
		{"/reset forgets the conversation",
			[]chatStep{line("q1"), line("/reset"), line("q2"), line("/quit")}, []string{"q1", "q2"}, []string{"(conversation cleared)"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out syncBuffer
			sigs := make(chan os.Signal)
			started := make(chan struct{}, 1)
			var asked []string
			var histories []int
			c := &chat{out: &out, signals: sigs, timeout: time.Minute,
				ask: func(ctx context.Context, q bot.Question) (*bot.Answer, error) {
					asked = append(asked, q.Text)
					histories = append(histories, len(q.History))
					if q.Text == "slow" {
						started <- struct{}{}
						<-ctx.Done()
						if in := interruption(ctx); in != nil {
							return nil, in
						}
						return nil, ctx.Err()
					}
					io.WriteString(&out, "ANSWER "+q.Text+"\n")
					return &bot.Answer{Question: q.Text, Answer: "A."}, nil
				}}
			in, typing := io.Pipe()
			done := make(chan error, 1)
			go func() { done <- c.loop(t.Context(), in) }()
			prompts := 0
			for _, st := range tt.steps {
				if st.duringAnswer {
					<-started
				} else {
					waitFor(t, "the prompt", func() bool { return strings.Count(out.String(), "\n> ") > prompts })
					prompts = strings.Count(out.String(), "\n> ")
				}
				switch {
				case st.sig != nil:
					sigs <- st.sig
				case st.eof:
					typing.Close()
				default:
					io.WriteString(typing, st.line+"\n")
				}
			}
			err := <-done
			typing.Close()
			if code := exitCode(err); (err == nil) != (tt.wantCode == 0) || (err != nil && code != tt.wantCode) {
				t.Errorf("chat ended with %v (exit %d), want exit %d", err, code, tt.wantCode)
			}
			if strings.Join(asked, "|") != strings.Join(tt.wantAsked, "|") {
				t.Errorf("asked %q, want %q", asked, tt.wantAsked)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.notOut {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q:\n%s", w, out.String())
				}
			}
			// A cancelled answer is not part of the conversation.
			if tt.name == "Ctrl-C during an answer cancels it and returns to the prompt" && histories[1] != 0 {
				t.Errorf("the cancelled question became history: %v", histories)
			}
			if tt.name == "/reset forgets the conversation" && histories[1] != 0 {
				t.Errorf("history after /reset: %v", histories)
			}
		})
	}
}

// TestChatInterruptsTheLLM runs "talksbot chat" whole against an LLM that
// hangs: Ctrl-C ends that answer without the offline fallback, and the next
// question is answered by the LLM.
func TestChatInterruptsTheLLM(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Hang: true})
	srv.Default = quotingModel
	env := map[string]string{"HOME": t.TempDir(), "OPENAI_BASE_URL": srv.BaseURL()}
	sigs := make(chan os.Signal, 1)
	var out, errOut syncBuffer
	in, typing := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(t.Context(), []string{"chat"}, func(k string) string { return env[k] }, in, &out, &errOut, sigs)
	}()
	const q = "Who led the U.S. delegation at the Riyadh talks?\n"
	io.WriteString(typing, q)
	waitFor(t, "the first chat request", func() bool { return len(srv.ChatRequests()) == 1 })
	sigs <- syscall.SIGINT
	waitFor(t, "the cancellation", func() bool { return strings.Contains(out.String(), "(answer cancelled)") })
	io.WriteString(typing, q)
	waitFor(t, "the second answer", func() bool { return strings.Contains(out.String(), "Sources:") })
	typing.Close()
	if err := <-done; err != nil {
		t.Fatalf("chat: %v\n%s", err, errOut.String())
	}
	if strings.Contains(out.String(), "LLM failed") {
		t.Errorf("the cancelled answer fell back to the offline one:\n%s", out.String())
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d chat requests, want 2", n)
	}
}
