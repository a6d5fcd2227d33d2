package dates

import (
	"regexp"
	"strings"
)

// Direction is where an expression points from the publication date, as the
// tense around it says.
type Direction int

// The directions.
const (
	Unknown Direction = iota // no tense found: the nearest date wins
	Past                     // "said on Monday", "met", "has agreed"
	Future                   // "will meet on Tuesday", "scheduled for", "planned"
)

// String returns "unknown", "past" or "future".
func (d Direction) String() string {
	switch d {
	case Past:
		return "past"
	case Future:
		return "future"
	}
	return "unknown"
}

// Words that mark the future, or a plan, around a date expression.
var futureCues = set("will", "won't", "shall", "would", "scheduled", "rescheduled", "rescheduling",
	"planned", "planning", "plans", "plan", "upcoming", "expected", "expects", "due", "intends",
	"set", "next", "forthcoming", "going", "ahead", "tomorrow", "'ll", "’ll", "postpone", "postponing")

// Words that mark the past. Only verbs that news uses for what happened;
// a bare "-ed" is too often an adjective ("fractured ties", "devoted to").
var pastCues = set("was", "were", "had", "has", "have", "did", "said", "told", "met", "held", "took",
	"made", "came", "went", "began", "begun", "flew", "spoke", "gave", "saw", "stood", "left", "hit",
	"struck", "led", "sent", "won", "lost", "wrote", "fought", "ran", "became", "brought", "sought",
	"announced", "convened", "called", "agreed", "stated", "expressed", "confirmed", "declared",
	"signed", "visited", "arrived", "attended", "discussed", "reported", "warned", "rejected",
	"criticized", "criticised", "urged", "killed", "invaded", "attacked", "insisted", "added",
	"noted", "stressed", "described", "claimed", "accused", "denied", "welcomed", "emphasized",
	"emphasised", "revealed", "assured", "hosted", "traveled", "travelled", "returned", "ended",
	"started", "opened", "unveiled", "launched", "fired", "downed", "intercepted", "damaged",
	"injured", "died", "resigned", "tweeted", "posted", "answered", "asked", "replied",
	"responded", "offered", "proposed", "threatened", "ordered", "imposed", "lifted", "approved",
	"voted", "elected", "appointed", "occurred", "happened", "ago", "since", "yesterday",
	"suggested", "indicated", "acknowledged", "explained", "outlined", "echoed", "spoken",
	"concluded", "completed", "recalled", "talked", "phoned", "dialed", "decided", "broke",
	"joined", "participated", "represented", "arrested", "released", "seized", "captured")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var wordRE = regexp.MustCompile(`[A-Za-z]+(?:['’][a-z]+)?|['’]ll`)

// barriers end the stretch of text whose tense governs an expression: a
// quotation, a parenthesis, a dash or a semicolon starts another voice or
// another clause.
const barriers = ";:—–()\"“”"

// Window sizes, in words, for the tense of an expression.
const (
	cueBefore = 12
	cueAfter  = 10
)

// Tense returns the direction of the expression s[start:end] from the words
// around it: the nearest cue before it in the same clause (the verb that
// governs a trailing "on Tuesday"), else the nearest after it (a leading
// "On Monday, Macron convened ...").
func Tense(s string, start, end int) Direction {
	lo := strings.LastIndexAny(s[:start], barriers) + 1
	hi := len(s)
	if i := strings.IndexAny(s[end:], barriers); i >= 0 {
		hi = end + i
	}
	before := wordRE.FindAllString(s[lo:start], -1)
	for i, n := len(before)-1, 0; i >= 0 && n < cueBefore; i, n = i-1, n+1 {
		if d := cue(before[i]); d != Unknown {
			return d
		}
	}
	after := wordRE.FindAllString(s[end:hi], -1)
	for i := 0; i < len(after) && i < cueAfter; i++ {
		if d := cue(after[i]); d != Unknown {
			return d
		}
	}
	return Unknown
}

func cue(w string) Direction {
	w = strings.ToLower(w)
	if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return Future
	}
	switch {
	case futureCues[w]:
		return Future
	case pastCues[w]:
		return Past
	}
	return Unknown
}
