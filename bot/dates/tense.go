package dates

import (
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
	"set", "next", "forthcoming", "going", "ahead", "tomorrow", "'ll", "’ll", "postpone", "postponing",
	// Modals and conditions look ahead too: "could take place as early as
	// Wednesday", "if the weather holds, on Monday".
	"could", "might", "may", "should", "if", "unless", "supposed", "meant", "slated", "poised",
	"aims", "hopes", "intend", "intended", "expect")

// modals are the future cues that "have" turns to the past ("could have
// met on Monday").
var modals = set("will", "would", "could", "might", "may", "should", "must", "shall")

// plans are the future cues that a "had" before them turns to the past, a
// plan that was (and did not happen): "had been due to finish on
// Wednesday". "supposed" and "meant" look back after "was" as well.
var plans = set("due", "scheduled", "rescheduled", "expected", "set", "planned", "planning", "supposed",
	"meant", "slated", "poised", "intended", "going")

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

// tenseWords returns the words of s whose tense cues are looked up,
// appended to out: what `[A-Za-z]+(?:['’][a-z]+)?|['’]ll` finds in s (a
// word with its contraction, "won't", or a contraction alone, "’ll"), read
// by hand, as the expression was a third of the cost of a tense
// (TestTenseWords).
func tenseWords(out []string, s string) []string {
	for i := 0; i < len(s); {
		if isLetter(s[i]) {
			j := i + 1
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			if k := apostrophe(s[j:]); k > 0 && j+k < len(s) && s[j+k] >= 'a' && s[j+k] <= 'z' {
				j += k + 1
				for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
					j++
				}
			}
			out = append(out, s[i:j])
			i = j
			continue
		}
		if k := apostrophe(s[i:]); k > 0 && strings.HasPrefix(s[i+k:], "ll") {
			out = append(out, s[i:i+k+2])
			i += k + 2
			continue
		}
		i++
	}
	return out
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// apostrophe returns the length of the apostrophe (' or ’) that s starts
// with, or 0.
func apostrophe(s string) int {
	switch {
	case strings.HasPrefix(s, "'"):
		return 1
	case strings.HasPrefix(s, "’"):
		return len("’")
	}
	return 0
}

// barriers end the stretch of text whose tense governs an expression: a
// quotation, a parenthesis, a dash or a semicolon starts another voice or
// another clause.
const barriers = ";:—–()\"“”"

// indexBarrier is strings.IndexAny(s, barriers), and lastIndexBarrier
// strings.LastIndexAny(s, barriers), read byte by byte: IndexAny decodes
// every rune of s to look for the three-byte ones. An ASCII byte, or the
// first byte of a dash or a curly quote (0xE2), always starts a rune, so
// finding the barriers' bytes finds the runes (TestBarriers).
func indexBarrier(s string) int {
	for i := 0; i < len(s); i++ {
		if isBarrierAt(s, i) {
			return i
		}
	}
	return -1
}

func lastIndexBarrier(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isBarrierAt(s, i) {
			return i
		}
	}
	return -1
}

// isBarrierAt reports whether a barrier starts at s[i].
func isBarrierAt(s string, i int) bool {
	switch s[i] {
	case ';', ':', '(', ')', '"':
		return true
	case 0xE2: // — – “ ” are E2 80 94, 93, 9C, 9D
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x93, 0x94, 0x9C, 0x9D:
				return true
			}
		}
	}
	return false
}

// Window sizes, in words, for the tense of an expression.
const (
	cueBefore = 12
	cueAfter  = 10
)

// Tense returns the direction of the expression s[start:end] from the words
// around it: the nearest cue before it in the same clause (the verb that
// governs a trailing "on Tuesday"), else the nearest after it (a leading
// "On Monday, Macron convened ...").
func Tense(s string, start, end int) Direction { return tense(s, start, end, false) }

// tense is Tense; for a coarse expression (a month without its year, a part
// of one), a purpose phrase before it looks ahead (see purpose).
func tense(s string, start, end int, coarse bool) Direction {
	lo := lastIndexBarrier(s[:start]) + 1
	hi := len(s)
	if i := indexBarrier(s[end:]); i >= 0 {
		hi = end + i
	}
	var buf [64]string // the words before, then after: room for most clauses
	all := tenseWords(buf[:0], s[lo:start])
	nb := len(all)
	all = tenseWords(all, s[end:hi])
	before, after := all[:nb], all[nb:]
	if coarse && purpose(before) {
		return Future
	}
	if rescheduled(before, s[start:end]) {
		return Future
	}
	for i, n := len(before)-1, 0; i >= 0 && n < cueBefore; i, n = i-1, n+1 {
		if d := cueIn(all, i); d != Unknown {
			return d
		}
	}
	for i := 0; i < len(after) && i < cueAfter; i++ {
		if d := cueIn(all, len(before)+i); d != Unknown {
			return d
		}
	}
	return Unknown
}

// rescheduled reports whether the words before a date end with a move of
// a plan to or from it ("has been postponed from June 16 to", "was moved
// to", "delayed until"): the dates of a plan look ahead whatever the
// tense of the verb that moves it.
func rescheduled(before []string, expr string) bool {
	n := len(before)
	prep, _, _ := strings.Cut(strings.ToLower(expr), " ") // "from June 16": the expression may hold it
	if n > 0 && prep != "to" && prep != "until" && prep != "till" && prep != "from" {
		prep = strings.ToLower(before[n-1])
		n--
	}
	switch prep {
	case "to", "until", "till", "from":
	default:
		return false
	}
	for i := n - 1; i >= 0 && i >= n-5; i-- {
		switch strings.ToLower(before[i]) {
		case "postponed", "delayed", "moved", "pushed", "rescheduled", "brought", "put":
			return true
		}
	}
	return false
}

// cueIn is the cue of ws[i] in its context: a modal before "have" and a
// plan after "had" look back; a participle after "be" gives no tense.
func cueIn(ws []string, i int) Direction {
	d := cue(ws[i])
	if strings.EqualFold(ws[i], "to") && i > 0 && (strings.EqualFold(ws[i-1], "is") || strings.EqualFold(ws[i-1], "are")) {
		return Future // "the minister is to visit Kyiv on Friday"
	}
	if d == Past && i > 0 && strings.EqualFold(ws[i-1], "be") {
		return Unknown // "could be signed": the modal before it decides
	}
	if d != Future {
		return d
	}
	w := strings.ToLower(ws[i])
	if w == "if" && i > 0 && notConditionRE().MatchString(ws[i-1]) {
		return Unknown // "asked if", "even if": no condition
	}
	if modals[w] && i+1 < len(ws) && strings.EqualFold(ws[i+1], "have") {
		return Past
	}
	if plans[w] {
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			switch strings.ToLower(ws[j]) {
			case "had":
				return Past
			case "was", "were":
				if w == "supposed" || w == "meant" {
					return Past
				}
			}
		}
	}
	return d
}

// cue is the direction that w, a word of tenseWords, marks by itself.
func cue(w string) Direction {
	if w == "May" {
		return Unknown // the month, not the modal
	}
	var buf [32]byte
	if len(w) <= len(buf) {
		// strings.ToLower without a string: w is ASCII letters but for ’.
		w = foldASCII(w, buf[:0])
	} else {
		w = strings.ToLower(w)
	}
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

// purpose reports whether the words before an expression end in a purpose
// phrase, "for" and an action noun ("for shipment in late April", "for
// delivery in May", "for a signing on Friday"): the date is the target of
// the event the clause tells, after it, whatever the tense of its verb. Only
// for months: "arrived for the meeting on Tuesday" still looks back, since
// the meeting follows the arrival by days, not by a year.
func purpose(before []string) bool {
	n := len(before)
	if n > 0 {
		switch strings.ToLower(before[n-1]) {
		case "in", "on", "by", "at":
			n--
		}
	}
	if n < 2 || !strings.EqualFold(before[n-2], "for") && !(n >= 3 && strings.EqualFold(before[n-3], "for") && articles[strings.ToLower(before[n-2])]) {
		return false
	}
	noun := strings.ToLower(before[n-1])
	if noun == "nothing" || noun == "evening" || noun == "morning" || noun == "something" {
		return false
	}
	for _, suf := range []string{"ment", "ery", "ing", "ion", "al", "ure", "ance", "ence"} {
		if strings.HasSuffix(noun, suf) && len(noun) > len(suf)+2 {
			return true
		}
	}
	return false
}

var articles = set("a", "an", "the", "its", "their", "his", "her")
