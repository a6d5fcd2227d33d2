package extractive

import (
	"math"
	"regexp"
	"strings"
)

// How a sentence looks like the kind of answer a question asks for (see
// kind in question.go): the kinds' patterns and bonuses.

var (
	reDigits           = regexp.MustCompile(`\b\d[\d,.]*\b`)
	reNumWord          = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b`)
	reDuration         = regexp.MustCompile(`(?i)\b(\d+(\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ](and[- ]a[- ]half[- ])?(hours?|minutes?|days?|weeks?|months?|years?)\b`)
	reDate             = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|last week|next week|this week|overnight)\b|\b(19|20)\d\d\b`)
	rePlace            = regexp.MustCompile(`\b(in|at|to) (the )?[A-Z][\p{L}-]+`)
	reReason           = regexp.MustCompile(`(?i)\b(because|due to|since|in order to|so that|as a result|in protest|in response)\b`)
	reSpeech           = regexp.MustCompile(`(?i)[“”"]|\b(said|says|told|stated|added|called|described|stressed|noted|assured|emphasi[sz]ed|announced)\b`)
	reReacting         = regexp.MustCompile(`(?i)\b(in (response|protest|reaction)|reacted|responded|critici[sz]\w*|condemn\w*|reject\w*|postpon\w*|cancel\w*|called for|convened|protest\w*|frustrat\w*|skeptic\w*|sceptic\w*|welcomed|warned)\b`)
	reExplicitReaction = regexp.MustCompile(`(?i)\bin (response|protest|reaction|retaliation)\b|\b(reacted|responded)\b`)
	reEarlier          = regexp.MustCompile(`(?i)\b(last (week|month|year|sunday|monday|tuesday|wednesday|thursday|friday|saturday)|earlier|ago|previously)\b`)
	reOrder            = regexp.MustCompile(`(?i)\b(before|after|follow(s|ed|ing)?|preceded|prior to|ahead of)\b`)
	reQuoteMark        = regexp.MustCompile(`[“”"]`)
	reCapWord          = regexp.MustCompile(`\b[A-Z][\p{L}’'-]+`)
)

// kindBonus is how much a sentence looks like the kind of answer the
// question wants, beyond sharing its words: a number for "how many", a
// duration for "how long", names the question does not already give for
// "who", and so on.
func kindBonus(q query, text string) float64 {
	switch q.kind {
	case kindCount:
		for _, n := range append(reDigits.FindAllString(text, -1), reNumWord.FindAllString(text, -1)...) {
			if !q.words[strings.ToLower(n)] {
				return 0.4
			}
		}
	case kindDuration:
		if reDuration.MatchString(text) {
			return 0.5
		}
	case kindTime:
		for _, d := range reDate.FindAllString(text, -1) {
			if !q.words[strings.ToLower(d)] {
				return 0.3
			}
		}
	case kindPlace:
		// A place the question does not name; more if it stands right
		// after the question's own words ("held the talks in Riyadh").
		bonus := 0.0
		for _, loc := range rePlace.FindAllStringIndex(text, -1) {
			f := strings.Fields(text[loc[0]:loc[1]])
			if q.words[strings.ToLower(f[len(f)-1])] {
				continue
			}
			bonus = 0.2
			if q.near(text[:loc[0]], placeWindow) {
				return 0.4
			}
		}
		if bonus == 0 && newNames(q, text) > 0 {
			bonus = 0.1 // "countries such as Poland"
		}
		return bonus
	case kindPerson:
		n := newPeople(q, text)
		return math.Min(0.3, 0.15*float64(n))
	case kindReason:
		if reReason.MatchString(text) {
			return 0.3
		}
	case kindStatement:
		if reSpeech.MatchString(text) {
			return 0.2
		}
	case kindBefore:
		// What came before is told in the past ("last week", "earlier"),
		// or as what the event follows ("the talks follow a call"); a
		// sentence that does both says most plainly what came first.
		bonus := 0.0
		if reEarlier.MatchString(text) {
			bonus += 0.3
		}
		if reOrder.MatchString(text) {
			bonus += 0.2
		}
		return bonus
	case kindReaction:
		// "In response, he ..." says outright that it reports a reaction.
		if reExplicitReaction.MatchString(text) {
			return 0.5
		}
		if reReacting.MatchString(text) {
			return 0.3
		}
	}
	return 0
}

// strictKind reports whether a sentence without the kind of answer asked
// for can hardly answer ("how many" wants a number, "who" a name, "where"
// a place): such sentences count half.
func strictKind(k kind) bool {
	switch k {
	case kindCount, kindDuration, kindPlace, kindPerson, kindTime, kindStatement:
		return true
	}
	return false
}

// newNames counts capitalised words of text, not at its start, that the
// question does not contain: names a "who" answer brings.
func newNames(q query, text string) int {
	n := 0
	for i, loc := range reCapWord.FindAllStringIndex(text, -1) {
		if i == 0 && loc[0] == 0 {
			continue
		}
		w := strings.ToLower(text[loc[0]:loc[1]])
		if !q.words[w] && !reDate.MatchString(w) {
			n++
		}
	}
	return n
}

// rePerson finds what looks like a person's name: two or more capitalised
// words in a row ("Yuri Ushakov", "Mosaad bin Mohammad Al-Aiban"), or one
// after a title ("adviser Ushakov").
var rePerson = regexp.MustCompile(`\b[A-Z][\p{L}’'-]+(?:\s+(?:(?:bin|al|de|van|von|der)\s+)?[A-Z][\p{L}’'-]+)+|\b(?:[Mm]inister|[Aa]dviser|[Aa]dvisor|[Aa]ide|[Ss]ecretary|[Ss]pokes(?:man|woman|person)|[Ee]nvoy|[Pp]resident|[Pp]rince|[Kk]ing|[Ll]eader|[Cc]hief|[Aa]mbassador|[Dd]iplomat)\s+[A-Z][\p{L}’'-]+`)

// newPeople counts the names of people in text whose last word the
// question does not already give.
func newPeople(q query, text string) int {
	n := 0
	for _, m := range rePerson.FindAllString(text, -1) {
		f := strings.Fields(m)
		last := strings.ToLower(strings.TrimRight(f[len(f)-1], "’'s"))
		if !q.words[last] && !reDate.MatchString(m) {
			n++
		}
	}
	return n
}
