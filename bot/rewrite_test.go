package bot

import (
	"errors"
	"strings"
	"testing"
)

var history = []Turn{{Question: "Who led the U.S. delegation in Riyadh?", Answer: "Marco Rubio led it [1]."}}

func TestFollowUp(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"and what did Lavrov say?", true},
		{"What about Ukraine?", true},
		{"What did he say about NATO?", true},
		{"Where did they meet?", true},
		{"Why?", true},
		{"Who led the Russian delegation at the Riyadh talks?", false},
		{"What did Sergei Lavrov say about NATO troops in Ukraine?", false},
	} {
		if got := followUp(tt.q); got != tt.want {
			t.Errorf("followUp(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestStandalone(t *testing.T) {
	tests := []struct {
		name    string
		q       Question
		llm     *fakeLLM // nil: offline
		want    string
		llmCall bool
	}{
		{name: "no history", q: Question{Text: "and what did Lavrov say?"}, want: "and what did Lavrov say?"},
		{name: "stands alone", q: Question{Text: "Who led the Russian delegation at the Riyadh talks?", History: history},
			llm: &fakeLLM{reply: "unused"}, want: "Who led the Russian delegation at the Riyadh talks?"},
		{name: "offline rule", q: Question{Text: "and what did Lavrov say?", History: history},
			want: "and what did Lavrov say? led U.S. delegation Riyadh"},
		{name: "by the LLM", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{reply: "Standalone question: \"What did Sergei Lavrov say at the Riyadh talks?\"\n"}, llmCall: true,
			want: "What did Sergei Lavrov say at the Riyadh talks?"},
		{name: "LLM fails: offline rule", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{err: errors.New("down")}, llmCall: true,
			want: "and what did Lavrov say? led U.S. delegation Riyadh"},
		{name: "LLM rambles: offline rule", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{reply: strings.Repeat("Lavrov said many things. ", 40)}, llmCall: true,
			want: "and what did Lavrov say? led U.S. delegation Riyadh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *Engine
			if tt.llm != nil {
				e = newTestEngine(tt.llm)
			} else {
				e = newTestEngine(nil)
			}
			got := e.standalone(t.Context(), tt.q)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.llm != nil && (tt.llm.calls > 0) != tt.llmCall {
				t.Errorf("LLM called %d times", tt.llm.calls)
			}
			if tt.llmCall && !strings.Contains(tt.llm.user[0], "User: Who led the U.S. delegation in Riyadh?") {
				t.Errorf("the rewrite prompt lacks the conversation:\n%s", tt.llm.user[0])
			}
		})
	}
}
