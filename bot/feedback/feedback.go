// Package feedback records what people think of the bot's answers (a vote
// up or down on an answer) in a JSON Lines file, and reads it back: the
// worst-rated answers, and gold-set candidates made of their questions.
//
// A vote never carries who cast it: the user's ID is replaced by a salted
// hash (HMAC-SHA256), the same for one user across answers, so that a second
// vote by the same user on the same answer replaces the first, but not
// reversible without the salt. A changed vote is a new record; readers keep
// the last record of each user on each answer.
package feedback

import (
	"bufio"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Votes.
const (
	Up   = "up"
	Down = "down"
)

// Vote is one record of the file: a user's vote on one answer, with what
// was answered.
type Vote struct {
	Time      time.Time      `json:"time"`
	Vote      string         `json:"vote"`   // Up or Down
	Answer    string         `json:"answer"` // the answer's ID (the Discord message that carries it)
	User      string         `json:"user"`   // salted hash of the user's ID
	Question  string         `json:"question"`
	Text      string         `json:"text"` // the answer's text
	Citations []bot.Citation `json:"citations"`
	Mode      string         `json:"mode"`
	Corpus    string         `json:"corpus,omitempty"` // version of the articles it was answered from
	Abstained bool           `json:"abstained,omitempty"`
}

// Log appends votes to a JSON Lines file. It is safe for concurrent use.
type Log struct {
	path string
	salt []byte
	now  func() time.Time

	mu sync.Mutex
}

// NewLog returns a Log appending to path (created when missing), hashing
// user IDs with salt, which must not be empty.
func NewLog(path string, salt []byte) (*Log, error) {
	if len(salt) == 0 {
		return nil, errors.New("feedback: no salt for hashing user IDs")
	}
	return &Log{path: path, salt: salt, now: time.Now}, nil
}

// Path is the file the log appends to.
func (l *Log) Path() string { return l.path }

// Hash is the salted hash that stands for userID in the records.
func (l *Log) Hash(userID string) string {
	m := hmac.New(sha256.New, l.salt)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// Add appends v, cast by userID (stored only as its salted hash), with the
// time of now. The record is written in one write to a file opened for
// appending, so records of concurrent writers do not interleave.
func (l *Log) Add(v Vote, userID string) error {
	if v.Vote != Up && v.Vote != Down {
		return fmt.Errorf("feedback: vote %q is neither %q nor %q", v.Vote, Up, Down)
	}
	v.User = l.Hash(userID)
	v.Time = l.now().UTC()
	if v.Citations == nil {
		v.Citations = []bot.Citation{}
	}
	line, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("feedback: encode vote: %w", err)
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("feedback: %w", err)
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return fmt.Errorf("feedback: append to %s: %w", l.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("feedback: append to %s: %w", l.path, err)
	}
	return nil
}

// Read reads the votes of a file, keeping the last vote of each user on
// each answer, in the order of those last votes. A line that is not a vote
// (a half-written last line, say) is skipped and counted in bad.
func Read(r io.Reader) (votes []Vote, bad int, err error) {
	type key struct{ answer, user string }
	at := map[key]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v Vote
		if err := json.Unmarshal([]byte(line), &v); err != nil || (v.Vote != Up && v.Vote != Down) || v.Answer == "" {
			bad++
			continue
		}
		k := key{v.Answer, v.User}
		if i, ok := at[k]; ok {
			votes[i].Vote = "" // superseded
		}
		at[k] = len(votes)
		votes = append(votes, v)
	}
	if err := sc.Err(); err != nil {
		return nil, bad, fmt.Errorf("read votes: %w", err)
	}
	out := votes[:0]
	for _, v := range votes {
		if v.Vote != "" {
			out = append(out, v)
		}
	}
	return out, bad, nil
}

// Rated is one answer with its votes.
type Rated struct {
	Vote     // the answer, as its latest vote recorded it
	Up, Down int
}

// Score is up votes minus down votes.
func (r Rated) Score() int { return r.Up - r.Down }

// Worst returns the answers voted on, worst first: the lowest score, then
// the most down votes, then the latest. Only answers with more down than
// up votes are returned.
func Worst(votes []Vote) []Rated {
	by := map[string]*Rated{}
	var order []string
	for _, v := range votes {
		r, ok := by[v.Answer]
		if !ok {
			r = &Rated{}
			by[v.Answer] = r
			order = append(order, v.Answer)
		}
		if v.Time.After(r.Time) || r.Answer == "" {
			r.Vote = v
		}
		if v.Vote == Up {
			r.Up++
		} else {
			r.Down++
		}
	}
	var out []Rated
	for _, id := range order {
		if r := by[id]; r.Down > r.Up {
			out = append(out, *r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score() != b.Score() {
			return a.Score() < b.Score()
		}
		if a.Down != b.Down {
			return a.Down > b.Down
		}
		return a.Time.After(b.Time)
	})
	return out
}

// Candidate is a gold-set line made from a badly rated answer, in the
// format of the development sets (bot/eval): the question, with answerable,
// answer and facts left for a person to fill in (answerable is null until
// then), and what the bot answered, for that person's reference.
type Candidate struct {
	ID         string     `json:"id"`
	Question   string     `json:"question"`
	Answerable *bool      `json:"answerable"`
	Answer     string     `json:"answer"`
	Facts      [][]string `json:"facts"`
	BotAnswer  string     `json:"bot_answer"`
	Votes      string     `json:"votes"` // "0 up, 3 down"
	Corpus     string     `json:"corpus,omitempty"`
}

// Candidates makes one gold-set candidate per distinct question (case and
// spacing aside) of rated, in its order, with an ID derived from the
// question, so that writing them again gives the same IDs.
func Candidates(rated []Rated) []Candidate {
	seen := map[string]bool{}
	var out []Candidate
	for _, r := range rated {
		norm := strings.ToLower(strings.Join(strings.Fields(r.Question), " "))
		if norm == "" || seen[norm] {
			continue
		}
		seen[norm] = true
		sum := sha256.Sum256([]byte(norm))
		out = append(out, Candidate{
			ID: "fb-" + hex.EncodeToString(sum[:])[:8], Question: strings.Join(strings.Fields(r.Question), " "),
			Facts: [][]string{}, BotAnswer: r.Text, Votes: fmt.Sprintf("%d up, %d down", r.Up, r.Down), Corpus: r.Corpus,
		})
	}
	return out
}

// SaltFile returns the salt kept in path, creating it (32 random bytes,
// hex, readable by the owner alone) when it does not exist, so that a
// user's hash stays the same across restarts.
func SaltFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		if s := strings.TrimSpace(string(b)); s != "" {
			return []byte(s), nil
		}
		return nil, fmt.Errorf("feedback salt %s is empty: remove it to have a new one made", path)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("feedback salt: %w", err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("feedback salt: %w", err)
	}
	salt := hex.EncodeToString(raw)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return SaltFile(path) // made meanwhile by another process
	}
	if err != nil {
		return nil, fmt.Errorf("feedback salt: %w", err)
	}
	if _, err := f.WriteString(salt + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("feedback salt: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("feedback salt: %w", err)
	}
	return []byte(salt), nil
}
