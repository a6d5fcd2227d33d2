package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Window sizes, in words, for the mood of an expression: the verb phrase
// that governs it stands close before it, or, for a leading "On Monday,",
// close after it.
const (
	moodBefore = 8
	moodAfter  = 6
)

var (
	// counterfactualRE finds a plan or possibility that did not happen.
	counterfactualRE = lazyRE(`\b(?:had (?:been )?(?:due|scheduled|rescheduled|expected|set|supposed|meant|slated|planned|planning|intended|hoping|going|poised)|(?:was|were) (?:supposed|meant)|(?:would|could|should|might)(?:n['’]t| not)? have)\b`)
	// counterfactualWords are words of which every match of
	// counterfactualRE holds one: a window with none is no counterfactual.
	counterfactualWords = []string{"had ", "supposed", "meant", " have"}
	// wouldRE finds a conditional "would" ("would reverse the gains").
	wouldRE    = lazyRE(`\b(?:would|['’]d)\b`)
	wouldWords = []string{"would", "'d", "’d"} // in every match of wouldRE
	// reportRE finds a verb that reports a statement or a plan, after which
	// "would" is the future seen from the past ("said the meeting would
	// take place"), not a hypothesis.
	reportRE = lazyRE(`\b(?:warned|warns|warn|cautioned|cautions|feared|fears|said|says|say|told|tells|announced|announces|stated|states|confirmed|agreed|promised|pledged|decided|expected|hoped|added|insisted|assured|indicated|signalled|signaled|predicted|vowed|planned|according)\b`)
	// riskRE finds the reports of a risk among them: what they report
	// "would" happen is a hypothesis.
	riskRE = lazyRE(`^(?:warned|warns|warn|cautioned|cautions|feared|fears)$`)
	// otherClauseRE finds a conjunction that opens a clause of its own, out
	// of the reach of a condition before it.
	otherClauseRE = lazyRE(`(?i)\b(?:but|while|although|though|whereas|because|yet)\b`)
	// conditionRE finds the word that opens a condition.
	conditionRE = lazyRE(`(?i)\b(?:if|unless|provided(?: that)?|as long as|assuming)\b`)
	// conditionWords are the words of which every match of conditionRE
	// holds one: a sentence with none is under no condition.
	conditionWords = []string{"if", "unless", "provided", "as long as", "assuming"}
	// notConditionRE finds the uses of "if" that open no condition: a
	// concession ("even if"), a comparison ("as if"), an indirect question
	// ("asked if").
	notConditionRE = lazyRE(`(?i)\b(?:even|as|asked|ask|asks|asking|wondered|wonder|know|knows|knew|unclear|clear|sure|see|decide|decides|check|whether)\s*$`)
	// negativeRE finds a condition that the text does not expect to hold:
	// a failure or a negation ("if the talks fail", "if no deal is
	// reached"), or an unreal past ("if they were to").
	negativeRE = lazyRE(`(?i)\b(?:not|no|never|n['’]t|fail|fails|failed|collapse|collapses|collapsed|break down|breaks down|broke down|falter|falters|stall|stalls|stalled|refuse|refuses|refused|reject|rejects|rejected|walk away|walks away|walked away|miss|misses|missed|without|were to|was to)\b`)
	// possibleRE finds a modal of possibility.
	possibleRE = lazyRE(`\b(?:could|may|might|can|possibly|perhaps|as early as)\b`)
	// modalRE finds any modal; the nearest one decides between possible
	// and planned.
	modalRE    = lazyRE(`\b(?:could|may|might|can|possibly|perhaps|as early as|will|shall|['’]ll|would|must)\b`)
	modalWords = []string{"could", "may", "might", "can", "possibly", "perhaps", "as early as", "will", "shall", "'ll", "’ll", "would", "must"}
)

// moodOf returns the mood of the expression s[start:end], whose tense is
// dir; buf is room for the window of words it reads, kept for the next
// (the expressions keep the window, so one on the stack would leave it).
func moodOf(s string, start, end int, dir Direction, buf *[]byte) Mood {
	lo := lastIndexBarrier(s[:start]) + 1
	hi := len(s)
	if i := indexBarrier(s[end:]); i >= 0 {
		hi = end + i
	}
	// The window: the words before it, and when no verb is among them the
	// words after it, in lower case and one space apart.
	before := s[lo:start]
	before = before[lastFieldsFrom(before, moodBefore):]
	w := appendLowerFields((*buf)[:0], before)
	if Tense(before, len(before), len(before)) == Unknown {
		// No verb before it: "On Monday, the talks could ...".
		after := s[end:hi]
		w = appendLowerFields(append(w, ' '), after[:firstFieldsTo(after, moodAfter)])
	}
	*buf = w
	window := unsafe.String(unsafe.SliceData(w), len(w))
	// Each expression runs only on a window that holds one of the words all
	// its matches hold (window is in lower case, the expressions match it
	// as it is): most windows hold none.
	if containsAny(window, counterfactualWords) && counterfactualRE().MatchString(window) {
		return Counterfactual
	}
	if c, ok := condition(s, start, end, hi, dir); ok && dir != Past {
		return c
	}
	if containsAny(window, wouldWords) {
		if loc := wouldRE().FindStringIndex(window); loc != nil && !strings.Contains(window[loc[1]:], "have") {
			// "said the meeting would take place on Tuesday" is the future
			// seen from the past; without a report, or after a warning,
			// "would" is a hypothesis: "a collapse would reverse the gains
			// overnight".
			if rs := reportRE().FindAllString(strings.ToLower(s[:start]), -1); len(rs) > 0 && !riskRE().MatchString(rs[len(rs)-1]) {
				return Planned
			}
			return Unreal
		}
	}
	if containsAny(window, modalWords) {
		if ms := modalRE().FindAllString(window, -1); len(ms) > 0 && possibleRE().MatchString(ms[len(ms)-1]) {
			return Possible
		}
	}
	if dir == Future {
		return Planned
	}
	return Factual
}

// condition returns the mood of an expression under a condition: one that
// opens before it in the sentence (s[:start]), or one that follows it in its
// clause (s[end:hi]) when the clause looks ahead ("could take place as early
// as Wednesday if ..."). A date said in the past tense is under no condition:
// "If the talks fail, sanctions return, officials said on Monday."
func condition(s string, start, end, hi int, dir Direction) (Mood, bool) {
	if !mayHold(s, conditionWords...) {
		return Factual, false // what conditionRE would find nowhere
	}
	var cond string
	// Only a condition in the expression's own stretch of text governs it:
	// a quotation, a dash or a semicolon starts another.
	head := s[lastIndexBarrier(s[:start])+1 : start]
	if loc := otherClauseRE().FindAllStringIndex(head, -1); len(loc) > 0 {
		head = head[loc[len(loc)-1][1]:]
	}
	found := false
	for _, loc := range conditionRE().FindAllStringIndex(head, -1) {
		if notConditionRE().MatchString(head[:loc[0]]) {
			continue
		}
		// The condition runs to its comma or "then", or to the expression.
		c := head[loc[0]:]
		if i := strings.IndexAny(c, ",—–"); i >= 0 {
			c = c[:i]
		}
		cond, found = c, true
	}
	if !found && dir == Future {
		tail := s[end:hi]
		if loc := conditionRE().FindStringIndex(tail); loc != nil && !notConditionRE().MatchString(tail[:loc[0]]) {
			cond, found = tail[loc[0]:], true
			if i := strings.IndexAny(cond, ",—–"); i >= 0 {
				cond = cond[:i]
			}
		}
	}
	if !found {
		return Factual, false
	}
	lc := strings.ToLower(cond)
	if strings.HasPrefix(lc, "unless") {
		return Conditional, true // the event is the expected course
	}
	if negativeRE().MatchString(lc) || strings.Contains(" "+lc+" ", " were ") {
		return Unreal, true // an alternative the text does not expect
	}
	return Conditional, true
}

// lastFieldsFrom returns where the last n fields of s start (as
// strings.Fields splits s; 0 when it has no more than n).
func lastFieldsFrom(s string, n int) int {
	if n <= 0 {
		return len(s)
	}
	// Backwards, rune by rune: a space is a valid rune, found alike in
	// either direction (TestFields).
	fields, inField := 0, false
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch sp := unicode.IsSpace(r); {
		case !sp && !inField:
			fields, inField = fields+1, true
		case sp && inField:
			if fields == n {
				return i
			}
			inField = false
		}
		i -= size
	}
	return 0
}

// firstFieldsTo returns where the first n fields of s end (as
// strings.Fields splits s; len(s) when it has no more than n).
func firstFieldsTo(s string, n int) int {
	if n <= 0 {
		return 0
	}
	inField := false
	for i, r := range s {
		if sp := unicode.IsSpace(r); inField == sp {
			inField = !sp
			if !inField {
				if n--; n == 0 {
					return i
				}
			}
		}
	}
	return len(s)
}

// appendLowerFields appends to dst the fields of s (as strings.Fields
// splits s) one space apart, in lower case: the bytes of
// strings.ToLower(strings.Join(strings.Fields(s), " ")), without making
// either string.
func appendLowerFields(dst []byte, s string) []byte {
	inField, first := false, true
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			if !first {
				dst = append(dst, ' ')
			}
			inField, first = true, false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// mayHold reports whether s may hold a match of a case-insensitive
// expression that every match of holds one of words (lower-case ASCII)
// between word boundaries (\b, which sees ASCII letters, digits and '_'):
// whether s holds one of them so, in any case. A sentence with a letter
// that (?i) matches with an ASCII one (see readWhole) may always.
func mayHold(s string, words ...string) bool {
	if readWhole(s) {
		return true
	}
	var buf [512]byte
	lower := foldASCII(s, buf[:0])
	for _, w := range words {
		for at := 0; ; {
			i := strings.Index(lower[at:], w)
			if i < 0 {
				break
			}
			i += at
			if (i == 0 || !isWordByte(lower[i-1])) && (i+len(w) == len(lower) || !isWordByte(lower[i+len(w)])) {
				return true
			}
			at = i + 1
		}
	}
	return false
}
