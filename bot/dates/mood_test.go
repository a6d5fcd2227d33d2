package dates

import (
	"strings"
	"testing"
)

func TestMood(t *testing.T) {
	const thu = "2025-03-20" // Thursday
	tests := []struct {
		name, sentence, expr string
		want                 Mood
	}{
		{"a fact", "Officials met on Monday.", "on Monday", Factual},
		{"a future", "Officials will meet on Monday.", "on Monday", Planned},
		{"a schedule", "The talks are due to open on March 24.", "on March 24", Planned},
		{"reported future with would", "Trump said the meeting would take place on Tuesday.", "on Tuesday", Planned},
		{"a possibility", "A deal could be signed as early as Wednesday.", "Wednesday", Possible},
		{"a possibility with may", "The border may reopen on Monday.", "on Monday", Possible},
		{"a condition after a possibility", "A deal could be signed as early as Wednesday if the teams make quick progress.", "Wednesday", Conditional},
		{"a condition before", "If the weather holds, on Monday the first convoy will sail.", "on Monday", Conditional},
		{"unless: the event is the expected course", "The convoy will sail on Monday unless the weather turns.", "on Monday", Conditional},
		{"a failure scenario", "If the talks fail, sanctions will return on Monday.", "on Monday", Unreal},
		{"a negated condition", "If no deal is reached, the ships stay in port on Monday.", "on Monday", Unreal},
		{"a hypothetical would", "A collapse of the talks would reverse the gains overnight.", "overnight", Unreal},
		{"a warning's would is a hypothesis", "Analysts warned that a strike on one ship would reverse the gains overnight.", "overnight", Unreal},
		{"a condition of another clause does not govern", "Premiums could fall if the corridor holds, but analysts warned that a strike would reverse the gains overnight.", "overnight", Unreal},
		{"a plan cue before a past date is a fact", "The upcoming talks follow a breakthrough last week.", "last week", Factual},
		{"a counterfactual plan", "Negotiators had been due to finish on Wednesday.", "on Wednesday", Counterfactual},
		{"would have", "The two leaders would have met on Friday.", "on Friday", Counterfactual},
		{"was supposed to", "The envoy was supposed to arrive on Tuesday.", "on Tuesday", Counterfactual},
		{"a condition in a reported past is the report's", "If the talks fail, sanctions return, officials said on Monday.", "on Monday", Factual},
		{"even if is no condition", "Even if the talks fail, the convoy left on Monday.", "on Monday", Factual},
		{"asked if is no condition", "Reporters asked if the ships sailed on Monday.", "on Monday", Factual},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Mention
			for _, m := range Find(tt.sentence, day(thu)) {
				if m.Text == tt.expr {
					got = &m
				}
			}
			if got == nil {
				t.Fatalf("Find(%q) has no %q", tt.sentence, tt.expr)
			}
			if got.Mood != tt.want {
				t.Errorf("mood of %q = %v, want %v", tt.expr, got.Mood, tt.want)
			}
			if hyp := tt.want == Unreal || tt.want == Counterfactual; got.Hypothetical != hyp {
				t.Errorf("Hypothetical = %v, want %v", got.Hypothetical, hyp)
			}
		})
	}
}

func TestMentionHuman(t *testing.T) {
	m := Find("Ships could sail in late April.", day("2025-03-20"))
	if len(m) != 1 || m[0].Human() != "late April 2025" || m[0].Date.Human() != "April 2025" || m[0].Date.String() != "2025-04" {
		t.Errorf("got %+v", m)
	}
	if got := strings.Join([]string{Factual.String(), Counterfactual.String()}, ","); got != "factual,counterfactual" {
		t.Errorf("Mood.String: %s", got)
	}
}
