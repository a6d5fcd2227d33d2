package discord

import (
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// limiter is a token bucket per user: burst questions at once, then one more
// per every. It remembers whether a user was told to slow down, so that a
// message flood earns one "slow down", not one per message.
type limiter struct {
	mu    sync.Mutex
	burst float64
	every time.Duration
	now   func() time.Time
	users map[string]*userBucket
	calls int
}

type userBucket struct {
	tokens float64
	last   time.Time
	told   bool
}

// maxTracked is how many users the limiter holds before it forgets those
// whose buckets are full again (they would be allowed anyway).
const maxTracked = 10000

func newLimiter(burst int, every time.Duration, now func() time.Time) *limiter {
	return &limiter{burst: float64(burst), every: every, now: now, users: map[string]*userBucket{}}
}

// allow takes a token of user's bucket. When there is none, it says how long
// until there is one, and whether the user is yet to be told.
func (l *limiter) allow(user string) (ok bool, retry time.Duration, tell bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.calls++
	if len(l.users) > maxTracked && l.calls%1000 == 0 {
		l.prune(now)
	}
	u := l.users[user]
	if u == nil {
		u = &userBucket{tokens: l.burst, last: now}
		l.users[user] = u
	}
	u.tokens += float64(now.Sub(u.last)) / float64(l.every)
	if u.tokens > l.burst {
		u.tokens = l.burst
	}
	u.last = now
	if u.tokens >= 1 {
		u.tokens--
		u.told = false
		return true, 0, false
	}
	retry = time.Duration((1 - u.tokens) * float64(l.every))
	tell = !u.told
	u.told = true
	return false, retry, tell
}

func (l *limiter) prune(now time.Time) {
	for id, u := range l.users {
		if u.tokens+float64(now.Sub(u.last))/float64(l.every) >= l.burst {
			delete(l.users, id)
		}
	}
}

// quoteCache keeps the citations of recent answers, by the ID of the message
// that carries their "Show quotes" button; bounded in size and age.
type quoteCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	now   func() time.Time
	items map[string]quoteEntry
	order []string // oldest first
}

type quoteEntry struct {
	cites []bot.Citation
	at    time.Time
}

func newQuoteCache(max int, ttl time.Duration, now func() time.Time) *quoteCache {
	return &quoteCache{max: max, ttl: ttl, now: now, items: map[string]quoteEntry{}}
}

func (c *quoteCache) put(id string, cites []bot.Citation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[id]; !ok {
		c.order = append(c.order, id)
	}
	c.items[id] = quoteEntry{cites: cites, at: c.now()}
	for len(c.order) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *quoteCache) get(id string) ([]bot.Citation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[id]
	if !ok || c.now().Sub(e.at) > c.ttl {
		return nil, false
	}
	return e.cites, true
}
