package discord

import (
	"sync"
	"time"
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
