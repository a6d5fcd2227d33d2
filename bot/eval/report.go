package eval

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Report is the result of an eval: quality, timing and what failed. Its JSON
// form is flat, with score.py's keys (plus ms_p50/ms_p95/ms_p99 and counts).
type Report struct {
	Metrics
	Timing
	Mode        string `json:"mode,omitempty"` // answerer: extractive or llm
	Concurrency int    `json:"concurrency,omitempty"`
	Errors      int    `json:"errors"` // questions the engine failed on
}

// Keys are the metric names a Bar can name, in report order.
var Keys = []string{
	"retrieval_recall@5", "fact_recall", "fully_correct", "citation_precision",
	"answers_with_citation", "false_abstention", "abstention_on_unanswerable",
	"mean_answer_words", "ms_per_question", "ms_p50", "ms_p95", "ms_p99",
}

// Value returns the metric named key, or false when there is none.
func (r *Report) Value(key string) (float64, bool) {
	switch key {
	case "retrieval_recall@5":
		return r.RetrievalRecall5, true
	case "fact_recall":
		return r.FactRecall, true
	case "fully_correct":
		return r.FullyCorrect, true
	case "citation_precision":
		return r.CitationPrecision, true
	case "answers_with_citation":
		return r.AnswersWithCitation, true
	case "false_abstention":
		return r.FalseAbstention, true
	case "abstention_on_unanswerable":
		return r.AbstentionOnUnanswerable, true
	case "mean_answer_words":
		return r.MeanAnswerWords, true
	case "ms_per_question":
		return r.MsPerQuestion, true
	case "ms_p50":
		return r.P50, true
	case "ms_p95":
		return r.P95, true
	case "ms_p99":
		return r.P99, true
	}
	return 0, false
}

// Bar is a threshold on one metric: a maximum for the metrics where less is
// better (keys starting with max_, false_, mean_ or ms_, as score.py's
// --bar), a minimum for the others.
type Bar struct {
	Key   string
	Value float64
}

// ParseBar parses KEY=VALUE, checking that KEY is a metric.
func ParseBar(s string) (Bar, error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return Bar{}, fmt.Errorf("%q: want KEY=VALUE", s)
	}
	k = strings.TrimSpace(k)
	var r Report
	if _, ok := r.Value(k); !ok {
		return Bar{}, fmt.Errorf("%q: unknown metric %q (known: %s)", s, k, strings.Join(Keys, ", "))
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) {
		return Bar{}, fmt.Errorf("%q: %q is not a number", s, v)
	}
	return Bar{Key: k, Value: f}, nil
}

// Upper reports whether the bar is a maximum.
func (b Bar) Upper() bool {
	for _, p := range []string{"max_", "false_", "mean_", "ms_"} {
		if strings.HasPrefix(b.Key, p) {
			return true
		}
	}
	return false
}

// String is KEY=VALUE.
func (b Bar) String() string { return b.Key + "=" + strconv.FormatFloat(b.Value, 'g', -1, 64) }

// Check returns one line for each bar the report misses, such as
// "fact_recall=0.612 is below the minimum 0.65".
func Check(r *Report, bars []Bar) []string {
	var bad []string
	for _, b := range bars {
		v, _ := r.Value(b.Key)
		switch {
		case b.Upper() && v > b.Value:
			bad = append(bad, fmt.Sprintf("%s=%s is above the maximum %s", b.Key, num(v), num(b.Value)))
		case !b.Upper() && v < b.Value:
			bad = append(bad, fmt.Sprintf("%s=%s is below the minimum %s", b.Key, num(v), num(b.Value)))
		}
	}
	return bad
}

// num formats v rounded to 3 decimals, as score.py prints.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

// WriteText writes the report for people: the metrics as score.py prints
// them, then each failed question and why.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d questions (%d answerable, %d unanswerable)", r.Questions, r.Answerable, r.Unanswerable)
	if r.Mode != "" {
		fmt.Fprintf(&b, ", %s answers", r.Mode)
	}
	if r.Errors > 0 {
		fmt.Fprintf(&b, ", %d failed with an error", r.Errors)
	}
	b.WriteString("\n\n")
	for _, k := range Keys {
		v, _ := r.Value(k)
		fmt.Fprintf(&b, "%-28s %s\n", k, num(v))
	}
	if len(r.Failures) > 0 {
		fmt.Fprintf(&b, "\n%d question(s) failed:\n", len(r.Failures))
	}
	for _, f := range r.Failures {
		writeFailure(&b, f)
	}
	if len(r.Imprecise) > 0 {
		fmt.Fprintf(&b, "\n%d of %d citation(s) quote none of the facts:\n", len(r.Imprecise), r.Citations)
	}
	for _, c := range r.Imprecise {
		fmt.Fprintf(&b, "  %s [%d] %s\n", c.ID, c.N, quoted(c.Quote, 200))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFailure(b *strings.Builder, f Failure) {
	switch f.Kind {
	case FailMissed:
		fmt.Fprintf(b, "  %s missed %d fact group(s): %s\n", f.ID, len(f.Missing), quoted(f.Question, 200))
		fmt.Fprintf(b, "      missing: %s\n", groups(f.Missing))
	case FailAbstained:
		fmt.Fprintf(b, "  %s abstained on an answerable question: %s\n", f.ID, quoted(f.Question, 200))
	case FailAnswered:
		fmt.Fprintf(b, "  %s answered an unanswerable question: %s\n", f.ID, quoted(f.Question, 200))
	}
	if f.Error != "" {
		fmt.Fprintf(b, "      error: %s\n", f.Error)
	}
	if len(f.NotRetrieved) > 0 {
		fmt.Fprintf(b, "      not in the top 5 passages: %s\n", groups(f.NotRetrieved))
	}
	if f.Kind != FailAbstained && f.Error == "" {
		fmt.Fprintf(b, "      answer: %s\n", quoted(f.Answer, 240))
	}
	if f.Kind != FailAnswered && f.Reference != "" {
		fmt.Fprintf(b, "      reference: %s\n", quoted(f.Reference, 240))
	}
}

// groups formats fact groups: alternatives joined by "or", groups by "; ".
func groups(gs [][]string) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		alts := make([]string, len(g))
		for j, a := range g {
			alts[j] = strconv.Quote(a)
		}
		parts[i] = strings.Join(alts, " or ")
	}
	return strings.Join(parts, "; ")
}

// quoted quotes s on one line, cut to at most n characters.
func quoted(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return "“" + s + "”"
}
