package dates

import (
	"time"
)

// clockRule finds the time stamp that opens an entry of a live blog ("11:40
// — Delegations arrive", "14:05 GMT: ...", "At 09:15, ...", "11.40am GMT"): the entry is of
// the blog's day, the publication day. A stamp gives way to another date of
// its sentence that names a day (see dropClock).
var clockRule = onlyWith(needDigit, "clock", []string{":", "am", "pm", "a.m", "p.m"},
	lazyRE(`^\s*(?i:(?:at|by|around|about|shortly after|just after|just before|before|after|from|until|updated|update)\s+)?(?:([01]?\d|2[0-3]):([0-5]\d)(?:\s*(?:a\.m\.|p\.m\.|am|pm|AM|PM|h|hrs))?|(1[0-2]|0?\d)\.([0-5]\d)\s*(?:a\.m\.|p\.m\.|am|pm|AM|PM))(?:\s+(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|ET|PT|PST|PDT|local time|local))?`),
	func(_ []string, pub time.Time, _ Direction) (Date, bool) { return OnDay(pub), true })

// dropClock drops a time stamp from mentions when another mention names a
// day: "14:05: Lavrov said on Monday ..." is dated by Monday.
func dropClock(ms []Mention) []Mention {
	days := 0
	for _, m := range ms {
		if m.Rule != "clock" && m.Date.Precision == Day {
			days++
		}
	}
	if days == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Rule != "clock" {
			out = append(out, m)
		}
	}
	return out
}
