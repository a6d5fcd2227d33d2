// Package eval scores the bot's answers against a gold set of questions, with
// the definitions of the project's reference scorer, ../shared/eval/score.py
// (a copy is in testdata/; a test checks that both agree on the same
// answers), and runs a gold set through an engine, timing each answer.
//
// The gold set is JSON lines: {"id", "question", "answerable", "answer",
// "facts"}, where facts are groups of alternative strings. An answer covers
// a group when, after [Norm], it contains one of the alternatives.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/talksbot/talksbot/bot"
)

// Item is one gold question.
type Item struct {
	ID         string     `json:"id"`
	Question   string     `json:"question"`
	Answerable bool       `json:"answerable"`
	Answer     string     `json:"answer,omitempty"` // reference answer, for people
	Facts      [][]string `json:"facts,omitempty"`  // groups of alternatives
}

// ReadGold reads a gold set, one JSON object a line; blank lines are
// skipped. Every item needs an id and a question, and an answerable one at
// least one fact group, each with at least one alternative.
func ReadGold(r io.Reader) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		switch {
		case it.ID == "":
			return nil, fmt.Errorf("line %d: no id", n)
		case strings.TrimSpace(it.Question) == "":
			return nil, fmt.Errorf("line %d (%s): no question", n, it.ID)
		case it.Answerable && len(it.Facts) == 0:
			return nil, fmt.Errorf("line %d (%s): an answerable question needs facts", n, it.ID)
		case seen[it.ID] != 0:
			return nil, fmt.Errorf("line %d: id %q already on line %d", n, it.ID, seen[it.ID])
		}
		for i, g := range it.Facts {
			if len(g) == 0 {
				return nil, fmt.Errorf("line %d (%s): fact group %d is empty", n, it.ID, i+1)
			}
		}
		seen[it.ID] = n
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, errors.New("no questions")
	}
	return items, nil
}

// Failure kinds, as score.py names them in its misses.
const (
	FailMissed    = "missed"    // answered, but not every fact group is covered
	FailAbstained = "abstained" // abstained on an answerable question
	FailAnswered  = "answered"  // answered an unanswerable question
)

// Failure is one question the engine got wrong, and why.
type Failure struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Kind     string `json:"kind"` // FailMissed, FailAbstained or FailAnswered
	// Missing are the fact groups the answer does not cover (FailMissed).
	Missing [][]string `json:"missing,omitempty"`
	// NotRetrieved are the fact groups absent from the top 5 passages: when
	// they are, the answerer never had a chance.
	NotRetrieved [][]string `json:"not_retrieved,omitempty"`
	Answer       string     `json:"answer,omitempty"`
	Reference    string     `json:"reference,omitempty"` // the gold answer
	Error        string     `json:"error,omitempty"`     // the engine failed on this question
}

// Metrics are score.py's quality metrics. Shares are in [0,1].
type Metrics struct {
	// RetrievalRecall5 is the mean, over answerable questions, of the share
	// of fact groups found in the first 5 passages (joined by a space).
	RetrievalRecall5 float64 `json:"retrieval_recall@5"`
	// FactRecall is the mean, over answerable questions, of the share of fact
	// groups found in the answer (markers removed); an abstention scores 0.
	FactRecall float64 `json:"fact_recall"`
	// FullyCorrect is the share of answerable questions answered with every
	// fact group covered.
	FullyCorrect float64 `json:"fully_correct"`
	// CitationPrecision is the share of the citations of answered answerable
	// questions whose quote contains one of the question's facts.
	CitationPrecision float64 `json:"citation_precision"`
	// AnswersWithCitation is the share of answered answerable questions with
	// at least one citation.
	AnswersWithCitation float64 `json:"answers_with_citation"`
	// FalseAbstention is the share of answerable questions abstained on.
	FalseAbstention float64 `json:"false_abstention"`
	// AbstentionOnUnanswerable is the share of unanswerable questions
	// abstained on.
	AbstentionOnUnanswerable float64 `json:"abstention_on_unanswerable"`
	// MeanAnswerWords is the mean length, in words, of the answers to
	// answerable questions that were not abstentions (markers removed).
	MeanAnswerWords float64 `json:"mean_answer_words"`
	// Misses are score.py's list: "<id> missed|abstained|answered".
	Misses []string `json:"misses"`

	Questions    int `json:"questions"`
	Answerable   int `json:"answerable"`
	Unanswerable int `json:"unanswerable"`
	Answered     int `json:"answered"`  // answerable and not abstained on
	Citations    int `json:"citations"` // counted for citation precision

	// Failures explain the misses, in gold order.
	Failures []Failure `json:"failures"`
	// Imprecise are the citations counted for citation precision whose
	// quote contains none of the question's facts, in gold order.
	Imprecise []CitationMiss `json:"imprecise_citations"`
}

// CitationMiss is a citation whose quote carries none of the facts.
type CitationMiss struct {
	ID    string `json:"id"` // the gold question
	N     int    `json:"n"`
	Quote string `json:"quote"`
}

// Score scores answers against gold, answers[i] being the answer to gold[i],
// exactly as score.py does. A nil answer (the engine failed) scores as an
// empty answer that did not abstain, which is what score.py sees from
// `talksbot ask --json` when a question fails; errs, when not nil, gives the
// failure of each question for the report.
func Score(gold []Item, answers []*bot.Answer, errs []error) (Metrics, error) {
	if len(answers) != len(gold) {
		return Metrics{}, fmt.Errorf("%d answers for %d questions", len(answers), len(gold))
	}
	m := Metrics{Questions: len(gold), Misses: []string{}, Failures: []Failure{}, Imprecise: []CitationMiss{}}
	var recall5, factRecall, correct, citeNum, cited, falseAbst, abstOK, words float64
	for i, q := range gold {
		o := answers[i]
		if o == nil {
			o = &bot.Answer{}
		}
		f := Failure{ID: q.ID, Question: q.Question, Answer: o.Answer, Reference: q.Answer}
		if errs != nil && errs[i] != nil {
			f.Error = errs[i].Error()
		}
		ans := StripMarkers(o.Answer)
		if !q.Answerable {
			m.Unanswerable++
			if o.Abstained {
				abstOK++
			} else {
				f.Kind = FailAnswered
				m.fail(f)
			}
			continue
		}
		m.Answerable++
		var texts []string
		for j, p := range o.Passages {
			if j == 5 {
				break
			}
			texts = append(texts, p.Text)
		}
		passages := Norm(strings.Join(texts, " "))
		found := 0
		for _, g := range q.Facts {
			if hasNorm(passages, g) {
				found++
			} else {
				f.NotRetrieved = append(f.NotRetrieved, g)
			}
		}
		recall5 += float64(found) / float64(len(q.Facts))
		if o.Abstained {
			falseAbst++
			f.Kind = FailAbstained
			m.fail(f)
			continue
		}
		m.Answered++
		words += float64(Words(ans))
		na := Norm(ans)
		covered := 0
		for _, g := range q.Facts {
			if hasNorm(na, g) {
				covered++
			} else {
				f.Missing = append(f.Missing, g)
			}
		}
		fr := float64(covered) / float64(len(q.Facts))
		factRecall += fr
		if fr == 1 {
			correct++
		} else {
			f.Kind = FailMissed
			m.fail(f)
		}
		if len(o.Citations) > 0 {
			cited++
		}
		for _, c := range o.Citations {
			m.Citations++
			nq := Norm(c.Quote)
			ok := false
			for _, g := range q.Facts {
				if hasNorm(nq, g) {
					ok = true
					break
				}
			}
			if ok {
				citeNum++
			} else {
				m.Imprecise = append(m.Imprecise, CitationMiss{ID: q.ID, N: c.N, Quote: c.Quote})
			}
		}
	}
	na, nu := float64(max(m.Answerable, 1)), float64(max(m.Unanswerable, 1))
	m.RetrievalRecall5 = recall5 / na
	m.FactRecall = factRecall / na
	m.FullyCorrect = correct / na
	m.CitationPrecision = citeNum / float64(max(m.Citations, 1))
	m.AnswersWithCitation = cited / float64(max(m.Answered, 1))
	m.FalseAbstention = falseAbst / na
	m.AbstentionOnUnanswerable = abstOK / nu
	m.MeanAnswerWords = words / float64(max(m.Answered, 1))
	return m, nil
}

func (m *Metrics) fail(f Failure) {
	m.Misses = append(m.Misses, f.ID+" "+f.Kind)
	m.Failures = append(m.Failures, f)
}
