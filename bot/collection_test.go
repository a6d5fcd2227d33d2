package bot

import (
	"strings"
	"testing"
)

// TestCollectionQuestions: a question about the articles themselves, the
// whole of it, asks for the sources or the timeline, and a greeting or
// thanks is no question of them; a question that only names them, or
// greets before it asks, asks what the articles say.
func TestCollectionQuestions(t *testing.T) {
	tests := []struct {
		q    string
		want string // "sources", "timeline", "chatter", "thanks" or ""
	}{
		{"what sources do you have", "sources"},
		{"Which outlets reported this?", "sources"},
		{"list your sources pls", "sources"},
		{"sources?", "sources"},
		{"where do you get your info from?", "sources"},
		{"what articles are you using", "sources"},
		{"give me a timeline", "timeline"},
		{"timeline?", "timeline"},
		{"What's the timeline of events?", "timeline"},
		{"show me the key dates", "timeline"},
		{"what sources said the talks went well", ""},
		{"what did the sources say about Lavrov", ""},
		{"which articles mention Rubio", ""},
		{"what changed about the outbreak timeline after the genome sequencing", ""},
		{"what is the timeline for the embassies to reopen", ""},
		{"hello", "chatter"},
		{"Hi there!", "chatter"},
		{"who are you?", "chatter"},
		{"what can you do", "chatter"},
		{"thanks!", "thanks"},
		{"ok thank you so much", "thanks"},
		{"hi, who led the us delegation", ""},
		{"who are you talking about", ""},
		{"thanks to whom did the talks happen", ""},
	}
	for _, tt := range tests {
		got := collectionKind(tt.q)
		if got != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestCollectionAnswers: "what sources do you have" names every article,
// each cited by its own first sentence; "give me a timeline" gives the
// most reported events in date order, cited, and says where the rest are;
// a follow-up's "sources?" is asked of the articles as any follow-up is.
func TestCollectionAnswers(t *testing.T) {
	e := testEngine(t)
	a := ask(t, e, Question{Text: "what sources do you have?"})
	if a.Abstained || len(a.Citations) != len(e.Articles()) || !strings.HasPrefix(a.Answer, "I answer from 5 articles: ") || !strings.Contains(a.Answer, "The Moscow Times") {
		t.Errorf("sources: %q with %d citations", a.Answer, len(a.Citations))
	}
	for _, c := range a.Citations {
		if art := e.lib[c.Article]; art == nil || !strings.Contains(art.Text, c.Quote) {
			t.Errorf("citation %d of %s quotes %q, not in the article", c.N, c.Article, c.Quote)
		}
	}
	a = ask(t, e, Question{Text: "give me a timeline"})
	if a.Abstained || len(a.Citations) != listedEvents || !strings.Contains(a.Answer, "Tuesday, February 18, 2025: ") || !strings.Contains(a.Answer, "talksbot timeline") {
		t.Errorf("timeline: %q with %d citations", a.Answer, len(a.Citations))
	}
	if i, j := strings.Index(a.Answer, "February 18, 2025"), strings.Index(a.Answer, "February 19, 2025"); i < 0 || j < i {
		t.Errorf("timeline not in date order: %q", a.Answer)
	}
	a = ask(t, e, Question{Text: "hello!"})
	if !a.Abstained || len(a.Citations) != 0 || !strings.Contains(a.Answer, "The 5 articles were published between February 17 and February 19, 2025") {
		t.Errorf("a greeting: %+v", a)
	}
	a = ask(t, e, Question{Text: "sources?", History: []Turn{{Question: "who met in Riyadh?", Answer: "Rubio and Lavrov."}}})
	if strings.HasPrefix(a.Answer, "I answer from") {
		t.Errorf("a follow-up's sources? answered as the list of articles: %q", a.Answer)
	}
}
