package discord

import (
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// answered is what the bot keeps of an answer it showed: for its "Show
// quotes" button and its votes.
type answered struct {
	question string
	answer   *bot.Answer
	corpus   string            // version of the articles it came from
	votes    map[string]string // the vote of each user who voted, by user ID (in memory only)
}

// answerCache keeps recent answers, by the ID of the message that carries
// their buttons; bounded in size and age.
type answerCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	now   func() time.Time
	items map[string]answerEntry
	order []string // oldest first
}

type answerEntry struct {
	a  *answered
	at time.Time
}

func newAnswerCache(max int, ttl time.Duration, now func() time.Time) *answerCache {
	return &answerCache{max: max, ttl: ttl, now: now, items: map[string]answerEntry{}}
}

func (c *answerCache) put(id string, a answered) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[id]; !ok {
		c.order = append(c.order, id)
	}
	c.items[id] = answerEntry{a: &a, at: c.now()}
	for len(c.order) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *answerCache) get(id string) (answered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[id]
	if !ok || c.now().Sub(e.at) > c.ttl {
		return answered{}, false
	}
	return *e.a, true
}

// vote sets user's vote on the answer id and returns the vote it replaces
// ("" when none); ok is false when the answer is not known (any more).
func (c *answerCache) vote(id, user, vote string) (was string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[id]
	if !ok || c.now().Sub(e.at) > c.ttl {
		return "", false
	}
	if e.a.votes == nil {
		e.a.votes = map[string]string{}
	}
	was = e.a.votes[user]
	e.a.votes[user] = vote
	return was, true
}

// unvote restores user's earlier vote on id, after recording the new one
// failed.
func (c *answerCache) unvote(id, user, was string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[id]; ok && e.a.votes != nil {
		if was == "" {
			delete(e.a.votes, user)
		} else {
			e.a.votes[user] = was
		}
	}
}
