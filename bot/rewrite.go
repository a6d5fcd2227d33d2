package bot

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/extractive"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/prompts"
)

// rewriteTimeout bounds the LLM call that rewrites a follow-up; past it the
// offline rule is used, leaving the answer its time.
const rewriteTimeout = 15 * time.Second

// rewrite rewrites a follow-up question into one that stands alone, using
// the conversation; a question without history, or one that does not look
// like a follow-up, is returned unchanged, unless it is a noun phrase alone
// (see extractive.BareQuestion). With an LLM the rewrite asks the
// model (no stream); when that fails, or offline, it adds the salient words
// of the previous question (rewriteOffline).
func (e *Engine) rewrite(ctx context.Context, q answer.Query) string {
	if len(q.History) == 0 || !followUp(q.Text) {
		// A noun phrase alone ("venue?", "fee?") is searched as the
		// question it asks, as it is answered.
		return extractive.BareQuestion(q.Text)
	}
	if e.opts.LLM != nil {
		s, err := e.rewriteLLM(ctx, q)
		if err == nil {
			return s
		}
		e.log.Warn("rewriting the follow-up with the LLM failed; using the offline rule", "err", err)
	}
	named := func(string) bool { return false }
	if e.index != nil {
		named = e.index.Named
	}
	return rewriteOffline(q, named)
}

func (e *Engine) rewriteLLM(ctx context.Context, q answer.Query) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, rewriteTimeout)
	defer cancel()
	hist := make([]prompts.Turn, len(q.History))
	for i, t := range q.History {
		hist[i] = prompts.Turn{Question: t.Question, Answer: t.Answer}
	}
	out, err := e.opts.LLM.Complete(ctx, prompts.RewriteSystem(), prompts.Rewrite(hist, q.Text), nil)
	if err != nil {
		return "", err
	}
	return cleanRewrite(out, e.opts.MaxQuestion)
}

// rewriteLabel matches a label such as "Standalone question:" at the start
// of a rewrite. It matches the original text, not a lower-cased copy, whose
// byte offsets may differ ("Ⱥ" lower-cases to a longer "ⱥ").
var rewriteLabel = regexp.MustCompile(`(?i)^.{0,30}?question:\s*`)

// cleanRewrite takes the question out of a model's rewrite: its first
// non-empty line, without a label or quotes; an empty or over-long one is
// refused.
func cleanRewrite(out string, maxLen int) (string, error) {
	for _, line := range strings.Split(strings.ToValidUTF8(out, ""), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		line = strings.TrimSpace(rewriteLabel.ReplaceAllLiteralString(line, ""))
		line = strings.Trim(line, "\"“”'` *")
		switch {
		case line == "" || len(english.Terms(line)) == 0:
			return "", errors.New("the rewrite has no content")
		case utf8.RuneCountInString(line) > maxLen:
			return "", errors.New("the rewrite is too long")
		}
		return line, nil
	}
	return "", errors.New("the rewrite is empty")
}

// followUp reports whether a question looks like it leans on the
// conversation: it starts like a continuation ("and ...", "what about ..."),
// refers back by pronoun (to people, or "it": "how long did it last"), or
// has fewer than two content terms ("Why?"). A question with two content
// terms of its own ("Where was the meeting held?") stands alone.
func followUp(q string) bool {
	lower := " " + strings.ToLower(straightQuotes.Replace(q)) + " "
	for _, p := range []string{" and ", " but ", " also ", " so ", " then ", " what about ", " how about ", " and what ", " what else "} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return hasPronoun(q) || slices.Contains(english.Words(q), "it") || distinct(english.Terms(q)) < 2
}

// rewriteOffline is the light rule used without an LLM: when the question
// names nobody of its own or refers back by pronoun, it appends the names
// of the previous question that it lacks (see salient: its capitalised
// words, or, typed in lower case, the words the articles write as names),
// so that a search finds the subject of the
// conversation: "Which country was he visiting?" after "How did Zelensky
// react to being left out of the talks?" becomes "Which country was he
// visiting? Zelensky", and "how long did it last" after "which russian
// officials took part" adds "russian". Other words of the
// previous question are not added: measured on follow-ups written for the
// articles, they pulled retrieval and the offline answer back to the
// previous question (README, "Follow-up questions").
func rewriteOffline(q answer.Query, named func(w string) bool) string {
	if n := len(q.History); n > 0 {
		if m := reEllipsis().FindStringSubmatch(q.Text); m != nil {
			// "Who led the Russian delegation?" ... "and the Americans?":
			// the same question of another subject.
			if s := askedOf(q.History[n-1].Question, m[1], named); s != "" {
				return s
			}
		}
		if n > 1 && followUp(q.History[n-1].Question) {
			// The question before leaned on its own: it is read as it was
			// answered ("Who led the delegation?" ... "what did he say?"
			// ... "why?": why did Marco Rubio say it).
			// (As far back as the LLM's rewrite is shown: a long reply
			// chain is not read whole for each of its turns.)
			h := slices.Clone(q.History[max(0, n-1-prompts.MaxHistory):])
			k := len(h) - 1
			h[k].Question = rewriteOffline(answer.Query{Text: h[k].Question, History: h[:k]}, named)
			q.History = h
		}
		if m := reBareWh().FindStringSubmatch(q.Text); m != nil {
			// "when did they meet" ... "where?": the same question,
			// asked with another question word.
			if p := reAskedWith().FindStringSubmatch(q.History[n-1].Question); p != nil {
				return strings.Join(strings.Fields(strings.ToLower(m[1])+" "+p[2]+" "+p[1]+p[3]), " ")
			}
		}
	}
	if len(salient(q.Text, named)) > 0 && !hasPronoun(q.Text) {
		return q.Text
	}
	have := map[string]bool{}
	for _, t := range english.Terms(q.Text) {
		have[t] = true
	}
	var add []string
	for i := len(q.History) - 1; i >= 0 && i >= len(q.History)-2 && len(add) == 0; i-- {
		source := salient(q.History[i].Question, named)
		if hasPronoun(q.Text) && reWhoQuestion.MatchString(q.History[i].Question) {
			// "Who led the delegation?" ... "And what did he say?": he is
			// the person the answer named, not a name of the question.
			if p := firstPerson(q.History[i].Answer); p != "" {
				source = strings.Fields(p)
			}
		}
		for _, w := range source {
			ts := english.Terms(w)
			if len(ts) == 0 || have[ts[0]] || len(add) >= maxAddedNames {
				continue
			}
			have[ts[0]] = true
			add = append(add, w)
		}
	}
	if len(add) == 0 {
		return q.Text
	}
	return q.Text + " " + strings.Join(add, " ")
}

// salient returns the words of a question that say what it is about: its
// names. A question typed all in lower case shows none by its
// capitals ("what happened at the riyadh talks"); its names are the words
// the articles write as names (see retrieval.Index.Named).
func salient(q string, named func(w string) bool) []string {
	if ns := names(q); len(ns) > 0 || strings.ToLower(q) != q {
		return ns
	}
	var out []string
	for _, w := range english.Words(q) {
		if !questionWord[w] && named(w) {
			out = append(out, w)
		}
	}
	return out
}

// reBareWh is a follow-up that is a question word alone ("where?", "and
// why", "how long though"); its group is the question word.
var reBareWh = lazyRE(`(?i)^\s*(?:and |so |ok |but )?(when|where|why|how long|how many|how much|how|who|what time|which day)(?: exactly| though| then| else)?\s*[?.!]*$`)

// reAskedWith finds a question that asks with a question word and an
// auxiliary ("when did they meet", "how long were the talks"); its groups
// are what "how many" counts, if it counts, the auxiliary, and the rest.
var reAskedWith = lazyRE(`(?i)^\s*(?:and |so |ok |but )?(?:when|where|why|how long|how (?:many|much)(?: (\w+))?|how|who|whom|what time|which day|what)\s+(did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b(.*)$`)

// reEllipsis is a follow-up that is a continuation and a phrase of at most
// four words ("and the Americans?", "what about Rubio?", "how about
// Moscow"); its group is the phrase. askedOf decides whether the phrase
// names a new subject of the question before.
var reEllipsis = lazyRE(`(?i)^\s*(?:and|but|so|ok|and what about|and how about|what about|how about)\s+((?:[^\s?.!]+\s+){0,3}[^\s?.!]+)\s*[?.!]*$`)

// askedOf returns question prev asked of the subject that phrase names in
// place of its own: prev's person pronoun, or else its first run of names,
// gives way to the phrase's names ("What did Lavrov say about the
// embassies?" with "Rubio": "What did Rubio say about the embassies?").
// "" when the phrase is not all names (the stop words aside: "and the
// reaction?" asks something else) or prev has no subject to replace.
func askedOf(prev, phrase string, named func(string) bool) string {
	var subject []string
	for _, w := range strings.Fields(phrase) {
		bare := bareWord(w)
		lw := strings.ToLower(bare)
		if len(subject) > 0 && (lw == "one" || lw == "ones") {
			continue // "the American one": the noun the question before gave
		}
		if english.IsStopWord(lw) {
			if len(subject) > 0 {
				subject = append(subject, bare) // "Prince of Wales"
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(bare)
		// (A people is the plural of the name the articles write:
		// "americans" of "American".)
		if questionWord[lw] || english.PersonPronoun(lw) || !(unicode.IsUpper(r) || named(lw) || named(strings.TrimSuffix(lw, "s"))) {
			return ""
		}
		subject = append(subject, bare)
	}
	if len(subject) == 0 {
		return ""
	}
	ws := strings.Fields(prev)
	at, end := -1, -1
	for i, w := range ws {
		if english.PersonPronoun(strings.ToLower(bareWord(w))) {
			at, end = i, i+1
			break
		}
	}
	if at < 0 {
		isName := func(i int) bool {
			if i >= len(ws) {
				return false
			}
			w := bareWord(ws[i])
			r, _ := utf8.DecodeRuneInString(w)
			lw := strings.ToLower(w)
			return i > 0 && w != "" && !questionWord[lw] && !english.IsStopWord(lw) && (unicode.IsUpper(r) || strings.ToLower(prev) == prev && named(lw))
		}
		for i := range ws {
			if isName(i) {
				at, end = i, i+1
				for isName(end) {
					end++
				}
				break
			}
		}
	}
	if at < 0 {
		return ""
	}
	// What follows the replaced words in their last one (a question
	// mark, a possessive) stays.
	last := ws[end-1]
	tail := last[len(strings.TrimRight(last, `?!,;:"”')`)):]
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(strings.TrimSuffix(last, tail), p) {
			tail = p + tail
		}
	}
	if k := len(subject) - 1; end-at == 1 && isAdjective(bareWord(ws[at])) {
		// The word replaced is a people's adjective ("the Russian
		// delegation"): a people's plural ("and the Americans?") takes
		// its place as the adjective it is the plural of ("the American
		// delegation"), not as a noun ("the Americans delegation").
		if one, ok := strings.CutSuffix(subject[k], "s"); ok && isAdjective(one) {
			subject[k] = one
		}
	}
	out := append(slices.Clone(ws[:at]), strings.Join(subject, " ")+tail)
	return strings.Join(append(out, ws[end:]...), " ")
}

// isAdjective reports whether WordNet has word, as written, as an
// adjective ("Russian", "American"; not "Russia" or "Americans").
func isAdjective(word string) bool {
	w := strings.ToLower(word)
	return slices.Contains(wordnet.Lemmas(w), wordnet.Lemma{Word: w, POS: wordnet.Adj})
}

// reWhoQuestion matches a question that asks for a person.
var reWhoQuestion = regexp.MustCompile(`(?i)^\s*(?:and |so |ok )?(?:who|whom)\b`)

// rePersonName finds a person's name: two or more capitalised words in a
// row, the last not a title or a place word WordNet knows.
var rePersonName = regexp.MustCompile(`\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+`)

// firstPerson returns the first name of a person in an answer, from its
// first word that is neither a stop word nor a word WordNet has ("Besides
// Yuri Ushakov" -> "Yuri Ushakov", "Russian Foreign Minister Sergei
// Lavrov" -> "Sergei Lavrov"), without titles or calendar words; "" if
// none.
func firstPerson(answer string) string {
	for _, m := range rePersonName.FindAllString(answer, -1) {
		var keep []string
		for _, w := range strings.Fields(m) {
			if len(keep) == 0 && (english.IsStopWord(strings.ToLower(w)) || wordnet.Known(strings.ToLower(w))) {
				continue
			}
			if !english.IsTitle(w) && w != "State" && !english.IsCalendarWord(w) {
				keep = append(keep, w)
			}
		}
		if len(keep) > 0 {
			return strings.Join(keep, " ")
		}
	}
	return ""
}

// maxAddedNames bounds the names the offline rule adds to a question.
const maxAddedNames = 4

// names returns the capitalised words of a question but its first ("U.S.",
// "Zelensky", "Riyadh"), without surrounding punctuation.
func names(q string) []string {
	var out []string
	for i, w := range strings.Fields(q) {
		w = bareWord(w)
		if i == 0 || w == "" || questionWord[strings.ToLower(w)] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			out = append(out, w)
		}
	}
	return out
}

// bareWord is word w of a question without the punctuation around it and
// a full stop after it (not the stops of "U.S.").
func bareWord(w string) string {
	w = strings.Trim(w, `?!,;:"“”'()`)
	if strings.Count(w, ".") == 1 {
		w = strings.TrimSuffix(w, ".")
	}
	return w
}

// hasPronoun reports whether q refers to people by a third-person pronoun.
func hasPronoun(q string) bool {
	for _, w := range english.Words(q) {
		if english.PersonPronoun(w) {
			return true
		}
	}
	return false
}

// straightQuotes reads curly apostrophes as straight ones.
var straightQuotes = strings.NewReplacer("’", "'", "‘", "'")

// distinct counts the distinct terms of ts.
func distinct(ts []string) int {
	seen := map[string]bool{}
	for _, t := range ts {
		seen[t] = true
	}
	return len(seen)
}

// questionWord are words of a question that say nothing of its subject.
var questionWord = map[string]bool{"who": true, "what": true, "when": true, "where": true, "why": true,
	"how": true, "which": true, "did": true, "does": true, "do": true, "say": true, "said": true, "tell": true}
