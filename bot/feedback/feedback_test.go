package feedback

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestVotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "votes.jsonl")
	l, err := NewLog(path, []byte("salt"))
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	add := func(answer, vote, user, question string) {
		t.Helper()
		if err := l.Add(Vote{Answer: answer, Vote: vote, Question: question, Text: "text of " + answer, Mode: "extractive", Corpus: "v1"}, user); err != nil {
			t.Fatal(err)
		}
	}
	add("m1", Down, "111111111111111111", "Who hosted the talks?")
	add("m1", Up, "111111111111111111", "Who hosted the talks?") // changes their mind
	add("m1", Down, "222222222222222222", "Who hosted the talks?")
	add("m2", Down, "111111111111111111", "How long did they last?")
	add("m2", Down, "222222222222222222", "How long did they last?")
	add("m3", Up, "222222222222222222", "Who led?")
	add("m4", Down, "333333333333333333", "  who HOSTED the   talks? ") // the same question again
	if err := l.Add(Vote{Answer: "m5", Vote: "meh"}, "1"); err == nil {
		t.Errorf("a vote that is neither up nor down was taken")
	}

	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("111111111111111111")) {
		t.Errorf("a user ID is in the file:\n%s", raw)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("the file's mode is %v, want 0600", st.Mode().Perm())
	}
	// A torn last line is skipped, not fatal.
	raw = append(raw, []byte(`{"vote":"down","answ`)...)
	votes, bad, err := Read(bytes.NewReader(raw))
	if err != nil || bad != 1 {
		t.Fatalf("Read: %v, %d bad lines", err, bad)
	}
	if len(votes) != 6 {
		t.Errorf("%d votes kept, want 6 (one superseded)", len(votes))
	}
	worst := Worst(votes)
	var got []string
	for _, r := range worst {
		got = append(got, r.Answer)
	}
	// m2: 0 up 2 down; m4: 0 up 1 down; m1: 1 up 1 down (not worse); m3: up.
	if strings.Join(got, ",") != "m2,m4" {
		t.Errorf("worst = %v, want m2,m4", got)
	}
	c := Candidates(append(worst, Rated{Vote: Vote{Answer: "m9", Question: "Who hosted the talks?"}, Down: 1}))
	if len(c) != 2 || c[1].Question != "who HOSTED the talks?" || c[0].Votes != "0 up, 2 down" {
		t.Errorf("candidates: %+v", c)
	}
	line, _ := json.Marshal(c[0])
	for _, want := range []string{`"answerable":null`, `"answer":""`, `"facts":[]`, `"id":"fb-`} {
		if !strings.Contains(string(line), want) {
			t.Errorf("candidate %s lacks %s", line, want)
		}
	}
}

func TestSaltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salt")
	a, err := SaltFile(path)
	if err != nil || len(a) != 64 {
		t.Fatalf("SaltFile: %q, %v", a, err)
	}
	b, err := SaltFile(path)
	if err != nil || !bytes.Equal(a, b) {
		t.Errorf("the salt changed: %q then %q (%v)", a, b, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("the salt's mode is %v, want 0600", st.Mode().Perm())
	}
	l1, _ := NewLog("x", a)
	l2, _ := NewLog("x", []byte("other"))
	l3, _ := NewLog("y", a)
	if l1.Hash("42") == l2.Hash("42") || l1.Hash("42") != l3.Hash("42") {
		t.Errorf("hashes do not depend on the salt alone")
	}
}
