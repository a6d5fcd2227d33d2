package discord

import (
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

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
