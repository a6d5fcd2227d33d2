package timeline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
)

// Simple stand-ins for english.Split and english.Terms, so that the
// timeline's own rules are tested apart from retrieval's.
var (
	fakeSentenceRE = regexp.MustCompile(`[^.!?]+(?:[.!?]+["”]?|$)`)
	fakeWordRE     = regexp.MustCompile(`[a-z0-9]+`)
	fakeStop       = map[string]bool{"the": true, "a": true, "of": true, "and": true, "to": true, "in": true, "on": true,
		"that": true, "was": true, "is": true, "for": true, "with": true, "by": true, "it": true, "be": true, "will": true,
		"when": true, "did": true, "what": true, "were": true, "from": true, "its": true, "their": true}
	fakeTools = textTools{split: fakeSplit, terms: fakeTerms}
)

func fakeSplit(p string) []string {
	var out []string
	for _, s := range fakeSentenceRE.FindAllString(p, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func fakeTerms(s string) []string {
	var out []string
	for _, w := range fakeWordRE.FindAllString(strings.ToLower(s), -1) {
		if !fakeStop[w] {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "ing"), "s")
			if len(w) > 4 {
				w = strings.TrimSuffix(w, "ed")
			}
			out = append(out, w)
		}
	}
	return out
}

func article(id, published string, paragraphs ...string) corpus.Article {
	t, err := time.Parse("2006-01-02", published)
	if err != nil {
		panic(err)
	}
	return corpus.Article{ID: id, Title: "Title " + id, Outlet: "Outlet " + id, Published: t,
		Paragraphs: paragraphs, Text: strings.Join(paragraphs, "\n\n")}
}

// testArticles report a meeting twice (before and after it), and other
// events once each.
func testArticles() []corpus.Article {
	return []corpus.Article{
		article("a1", "2025-02-17", // a Monday
			"Officials from both countries will meet in Riyadh on Tuesday to discuss the war. The envoy visited Jerusalem last Sunday and met the prime minister.",
			"Talks between the two sides are likely to be slow."),
		article("a2", "2025-02-18", // a Tuesday
			"February 18, 2025",
			"Officials from both countries met in Riyadh on Tuesday to discuss the war, a spokesman said.",
			"Ushakov said a summit was unlikely next week."),
		article("a3", "2025-02-19",
			"Russia launched a wave of drone attacks overnight, officials said.",
			"The crown prince has faced criticism since the journalist was killed in 2018, years before these talks began. This remark was made by a diplomat on Tuesday."),
	}
}

// testCite makes citations the way Engine.citation does, for testArticles.
func testCite(n int, id, quote string) answer.Citation {
	c := answer.Citation{N: n, Article: id, Quote: quote}
	for _, a := range testArticles() {
		if a.ID == id {
			c.Title, c.Outlet, c.Published = a.Title, a.Outlet, a.Date()
		}
	}
	return c
}

func TestBuildTimeline(t *testing.T) {
	arts := testArticles()
	events := buildTimeline(arts, fakeTools, testCite)
	type want struct{ date, precision, text, articles string }
	wants := []want{
		{"2018", "year", "The crown prince has faced criticism since the journalist was killed in 2018, years before these talks began.", "a3"},
		{"2025-02-16", "day", "The envoy visited Jerusalem last Sunday and met the prime minister.", "a1"},
		{"2025-02-18", "day", "Officials from both countries met in Riyadh on Tuesday to discuss the war, a spokesman said.", "a2 a1"},
		{"2025-02-18", "day", "The crown prince has faced criticism since the journalist was killed in 2018, years before these talks began. (this remark was made by a diplomat on Tuesday.)", "a3"},
		{"2025-02-19", "day", "Russia launched a wave of drone attacks overnight, officials said.", "a3"},
	}
	var got []want
	for _, ev := range events {
		var ids []string
		for _, c := range ev.Citations {
			ids = append(ids, c.Article)
		}
		got = append(got, want{ev.Date, ev.Precision, ev.Text, strings.Join(ids, " ")})
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d events, want %d:\n%q", len(got), len(wants), got)
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("event %d:\n got %q\nwant %q", i, got[i], wants[i])
		}
	}
	byID := map[string]string{}
	for _, a := range arts {
		byID[a.ID] = a.Text
	}
	for _, ev := range events {
		for i, c := range ev.Citations {
			if c.N != i+1 {
				t.Errorf("%s: citation %d numbered %d", ev.Date, i, c.N)
			}
			if !strings.Contains(byID[c.Article], c.Quote) {
				t.Errorf("%s: quote %q is not text of %s", ev.Date, c.Quote, c.Article)
			}
		}
	}
}

func TestClause(t *testing.T) {
	pub, _ := time.Parse("2006-01-02", "2025-02-17")
	tests := []struct {
		name, sentence, expr, want string
	}{
		{"a participle set off after its subject takes the subject",
			"The boil-water notice, issued at 21:30 on Sunday 2 March, was lifted at 14:00 on Tuesday 11 March, nine days later.", "2 March",
			"The boil-water notice, issued at 21:30 on Sunday 2 March"},
		{"a short sentence is its own clause",
			"Officials will meet on Tuesday.", "on Tuesday", "Officials will meet on Tuesday."},
		{"two dates split at the conjunction between them, first",
			"Lavrov and Ushakov will fly to Riyadh today and will hold a meeting with their counterparts on Tuesday.", "today",
			"Lavrov and Ushakov will fly to Riyadh today"},
		{"two dates split at the conjunction between them, second: the subject goes before it",
			"Lavrov and Ushakov will fly to Riyadh today and will hold a meeting with their counterparts on Tuesday.", "on Tuesday",
			"Lavrov and Ushakov will hold a meeting with their counterparts on Tuesday."},
		{"a subject dated by a participle keeps its subject without the participle",
			"The national heat emergency declared on 13 February will end at 23:59 on Friday, the prime minister announced.", "on Friday",
			"The national heat emergency will end at 23:59 on Friday, the prime minister announced."},
		{"the end of a range is the sentence",
			"The public consultation ran from 2 February to 14 February.", "14 February",
			"The public consultation ran from 2 February to 14 February."},
		{"a leading date takes in its verb",
			"On Monday, the French president convened an emergency meeting of European leaders in Paris to coordinate a response to the talks between Washington and Moscow that left Europe out.", "On Monday",
			"On Monday, the French president convened an emergency meeting of European leaders in Paris to coordinate a response to the talks between Washington and Moscow that left Europe out."},
		{"an acronym in brackets stays with its subject",
			"The number of hostages freed at the crossing last week was 21, not 23 as initially reported, the United Relief Office (URO) said on Monday, as Lusenian mediators announced that a second phase of talks will open in Eskerholm on 5 May.", "on Monday",
			"The United Relief Office (URO) said on Monday"},
		{"a clause that opens with its verb of speech takes the sentence's subject",
			"Helena Vask, the Lusenian foreign minister, said on Monday that the delegations would return to the Villa Arden on 5 May, with the remaining hostages on the agenda.", "on Monday",
			"Helena Vask said on Monday that the delegations would return to the Villa Arden"},
		{"a long sentence is cut to its clause",
			"Lavrov, head of Russian diplomacy, assured that the objective of the meeting is to leave behind the tensions between Russia and the United States, something Putin and Trump agreed on in their conversation last week.", "last week",
			"Something Putin and Trump agreed on in their conversation last week."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := dates.Find(tt.sentence, pub)
			i := -1
			for j, m := range ms {
				if m.Text == tt.expr {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("no mention %q in %q: %+v", tt.expr, tt.sentence, ms)
			}
			got := clause(tt.sentence, ms, i)
			if got != tt.want {
				t.Errorf("clause(%q)\n got %q\nwant %q", tt.expr, got, tt.want)
			}
			if n := words(got); n > maxEventWords+2 {
				t.Errorf("clause has %d words", n)
			}
		})
	}
}

func TestFilterTimeline(t *testing.T) {
	events := buildTimeline(testArticles(), fakeTools, testCite)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"everything", Filter{}, []string{"2018", "2025-02-16", "2025-02-18", "2025-02-18", "2025-02-19"}},
		{"from a day", Filter{From: day("2025-02-18")}, []string{"2025-02-18", "2025-02-18", "2025-02-19"}},
		{"up to a day", Filter{To: day("2025-02-16")}, []string{"2018", "2025-02-16"}},
		{"a year overlaps a range inside it", Filter{From: day("2018-06-01"), To: day("2018-06-30")}, []string{"2018"}},
		{"about drones", Filter{About: "drone attacks"}, []string{"2025-02-19"}},
		{"about two of three words", Filter{About: "Riyadh war zebras"}, []string{"2025-02-18"}},
		{"about nothing known", Filter{About: "zebras"}, nil},
		{"about with a range", Filter{About: "officials", To: day("2025-02-18")}, []string{"2025-02-18"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, ev := range filterTimeline(events, tt.f, fakeTerms) {
				got = append(got, ev.Date)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnswerTime(t *testing.T) {
	arts := testArticles()
	events := buildTimeline(arts, fakeTools, testCite)
	sents := allSentences(arts, fakeTools)
	ref, _ := time.Parse("2006-01-02", "2025-02-19")
	tests := []struct {
		q    string
		want string // a substring of the answer; "" for no answer (nil)
	}{
		{"When did the envoy visit Jerusalem?", "Sunday, February 16, 2025: The envoy visited Jerusalem last Sunday and met the prime minister [1]."},
		{"when was the journalist killed?", "2018: "},
		{"On what date did officials meet in Riyadh?", "Tuesday, February 18, 2025: Officials from both countries met in Riyadh"},
		{"What happened on February 19?", "Wednesday, February 19, 2025: Russia launched a wave of drone attacks overnight"},
		{"What happened in 2018?", "2018: The crown prince"},
		{"What happened on February 18?", "Officials from both countries met in Riyadh"},
		// Of the day's two events, the one the question names, though the
		// other has more reports.
		{"What was said about the crown prince on February 18?", "Tuesday, February 18, 2025: The crown prince has faced criticism"},
		{"What happened on Tuesday?", ""},                       // a weekday means nothing without an article's date
		{"What happened on March 3?", ""},                       // no event that day
		{"When will the zebras arrive?", ""},                    // nothing matches
		{"when did the envoy visit the trial in Jerusalem", ""}, // no event is a trial: the visit to Jerusalem answers another question
		{"Who met in Riyadh?", ""},                              // not a time question
		{"Has a date been set for a summit?", ""},               // not a time question either
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ans := answerTime(tt.q, events, every(sents), ref, fakeTerms)
			if tt.want == "" {
				if ans != nil {
					t.Errorf("answer %q, want none", ans.Answer)
				}
				return
			}
			if ans == nil {
				t.Fatalf("no answer, want %q", tt.want)
			}
			if !strings.Contains(ans.Answer, tt.want) {
				t.Errorf("answer %q, want it to contain %q", ans.Answer, tt.want)
			}
			if ans.Mode != answer.ModeExtractive || ans.Abstained || len(ans.Citations) == 0 {
				t.Errorf("answer %+v: want an extractive, cited answer", ans)
			}
			for i, c := range ans.Citations {
				if c.N != i+1 || !strings.Contains(ans.Answer, "["+string(rune('1'+i))+"]") {
					t.Errorf("citation %d numbered %d or not marked in %q", i, c.N, ans.Answer)
				}
			}
		})
	}
}

// A dated plan that a later article contradicts without a date is not
// answered from the timeline: the extractive answer can show both.
func TestAnswerTimeDefersToLaterReports(t *testing.T) {
	tests := []struct {
		name, plan, later, q, date, human string
	}{
		{"plain words",
			"The governor of the province will inspect the dam on Friday with engineers.",
			"The governor of the province will not inspect the dam after all, citing floods.",
			"When will the governor inspect the dam?", "2025-03-07", "March 7, 2025"},
		{"a kind of event worded differently",
			"The minister will visit the port on Friday with engineers.",
			"The minister postponed the trip to the port, citing floods.",
			"When will the minister visit the port?", "2025-03-07", "March 7, 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []corpus.Article{article("early", "2025-03-01", tt.plan), article("late", "2025-03-03", tt.later)}
			events := buildTimeline(arts, fakeTools, testCite)
			sents := allSentences(arts, fakeTools)
			if len(events) != 1 || events[0].Date != tt.date {
				t.Fatalf("want the plan on %s, got %+v", tt.date, events)
			}
			if ans := answerTime(tt.q, events, every(sents), arts[1].Published, fakeTerms); ans != nil {
				t.Errorf("answered %q despite the later report", ans.Answer)
			}
			// Without the later report, the date is the answer.
			if ans := answerTime(tt.q, events, every(sents[:1]), arts[1].Published, fakeTerms); ans == nil || !strings.Contains(ans.Answer, tt.human) {
				t.Errorf("want the planned date, got %+v", ans)
			}
		})
	}
}

// A question in the past tense is not answered by a plan: an event dated
// after every report of it.
func TestAnswerTimePastNotPlan(t *testing.T) {
	arts := []corpus.Article{article("a", "2025-03-01", "The governor of the province will inspect the dam on Friday with engineers.")}
	events := buildTimeline(arts, fakeTools, testCite)
	sents := allSentences(arts, fakeTools)
	if ans := answerTime("When did the governor inspect the dam?", events, every(sents), arts[0].Published, fakeTerms); ans != nil {
		t.Errorf("a past question answered with a plan: %q", ans.Answer)
	}
	if ans := answerTime("When will the governor inspect the dam?", events, every(sents), arts[0].Published, fakeTerms); ans == nil || !strings.Contains(ans.Answer, "March 7, 2025") {
		t.Errorf("want the planned date for a question about the plan, got %+v", ans)
	}
}

// A question in the future tense is answered only by a plan: not by what
// happened before the report ("entered service in 2019"), nor on its day.
func TestAnswerTimeFutureNotPast(t *testing.T) {
	cite := func(n int, id, quote string) answer.Citation {
		return answer.Citation{N: n, Article: id, Quote: quote, Published: "2025-03-01"}
	}
	arts := []corpus.Article{article("a", "2025-03-01", "The ferry Linnea entered service in 2019 on the northern route. The ferry Linnea will sail again on Friday after repairs.")}
	events := buildTimeline(arts, fakeTools, cite)
	sents := allSentences(arts, fakeTools)
	ans := answerTime("When will the ferry Linnea sail again?", events, every(sents), arts[0].Published, fakeTerms)
	if ans == nil || !strings.Contains(ans.Answer, "March 7, 2025") || strings.Contains(ans.Answer, "2019") {
		t.Errorf("want the planned sailing, not the past, got %+v", ans)
	}
	arts = []corpus.Article{article("a", "2025-03-01", "The ferry Linnea entered service in 2019 on the northern route.")}
	events = buildTimeline(arts, fakeTools, cite)
	if ans := answerTime("When will the ferry Linnea enter service on the northern route?", events, every(allSentences(arts, fakeTools)), arts[0].Published, fakeTerms); ans != nil {
		t.Errorf("a future question answered with the past: %q", ans.Answer)
	}
	if ans := answerTime("When did the ferry Linnea enter service on the northern route?", events, every(allSentences(arts, fakeTools)), arts[0].Published, fakeTerms); ans == nil {
		t.Error("the past question is not answered")
	}
}

func TestNamePronoun(t *testing.T) {
	tests := []struct {
		name, text, prev, want string
	}{
		{"a title names the person", "In protest, he postponed his visit.", "President Volodymyr Zelenskyy was quick to reject any outcome.", "In protest, he [Zelenskyy] postponed his visit."},
		{"a speaker names the person", "He also announced a trip on Wednesday.", `"We must be involved," Zelensky said in Turkey.`, "He [Zelensky] also announced a trip on Wednesday."},
		{"the last name mentioned wins", "She left on Monday.", "President Macron met Foreign Minister Annalena Baerbock.", "She [Baerbock] left on Monday."},
		{"no pronoun", "Rubio met Lavrov on Tuesday.", "President Trump spoke.", "Rubio met Lavrov on Tuesday."},
		{"a pronoun deep in the clause is left alone", "Officials said on Tuesday that he would come.", "President Trump spoke.", "Officials said on Tuesday that he would come."},
		{"no name before", "He left on Monday.", "The talks ended.", "He left on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := namePronoun(tt.text, tt.prev); got != tt.want {
				t.Errorf("namePronoun(%q, %q)\n got %q\nwant %q", tt.text, tt.prev, got, tt.want)
			}
		})
	}
}

func FuzzClause(f *testing.F) {
	for _, s := range []string{
		"On Monday, Macron convened an emergency meeting.",
		`"Lavrov will fly to Riyadh today and will hold a meeting on Tuesday," Peskov stressed, adding more.`,
		`"We must be involved," Zelensky said during a visit in Turkey on Tuesday.`,
		"He met, on February 16, 2025, in Riyadh — and again (last week) — the envoy; then left overnight.",
	} {
		f.Add(s)
	}
	pub := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		ms := dates.Find(s, pub)
		for i := range ms {
			c := clause(s, ms, i)
			// The clause is cut to maxEventWords, plus an attribution or a
			// marker of the cut.
			if n := words(c); n > maxEventWords+14 {
				t.Errorf("clause of %d words from %q: %q", n, s, c)
			}
		}
	})
}

func BenchmarkBuildTimeline(b *testing.B) {
	arts, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	tools := textTools{split: english.Split, terms: english.Terms}
	for b.Loop() {
		buildTimeline(arts, tools, testCite)
	}
}

func TestTimelinePages(t *testing.T) {
	lines := []string{"aaaa", "bbbb", "cccc", strings.Repeat("d", 12)}
	tests := []struct {
		limit int
		want  []string
	}{
		{9, []string{"aaaa\nbbbb", "cccc", "dddddddd…"}},
		{14, []string{"aaaa\nbbbb\ncccc", "dddddddddddd"}},
		{100, []string{"aaaa\nbbbb\ncccc\ndddddddddddd"}},
	}
	for _, tt := range tests {
		got := Pages(lines, tt.limit)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("limit %d: got %q, want %q", tt.limit, got, tt.want)
		}
		for _, p := range got {
			if n := len([]rune(p)); n > tt.limit {
				t.Errorf("limit %d: page of %d characters", tt.limit, n)
			}
		}
	}
	ev := Event{Date: "2025-02-18", Text: "Talks.", Citations: []answer.Citation{
		{Outlet: "Voz", Published: "2025-02-17"}, {Outlet: "Voz", Published: "2025-02-17"},
		{Outlet: "unknown", Title: "U.S. and Russia Agree to Work Towards Peace", Published: "2025-02-19"}}}
	if got, want := Lines([]Event{ev})[0], "2025-02-18  Talks.  [Voz 2025-02-17] [“U.S. and Russia Agree to…” 2025-02-19]"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
}

func TestUndatedArticle(t *testing.T) {
	a := corpus.Article{ID: "x", Paragraphs: []string{"The envoys met on Tuesday in Geneva. The war began in February 2022 with an invasion."}}
	a.Text = a.Paragraphs[0]
	var got []string
	for _, ev := range buildTimeline([]corpus.Article{a}, fakeTools, testCite) {
		got = append(got, ev.Date)
	}
	if strings.Join(got, " ") != "2022-02" {
		t.Errorf("got %q, want only the date that names its year", got)
	}
}

// every gives answerTime the sentences ss, whatever day it asks after (it
// skips those published before).
func every(ss []plainSentence) func(string) []plainSentence {
	return func(string) []plainSentence { return ss }
}

// TestClockOf: the time of day a text gives, in minutes since midnight.
func TestClockOf(t *testing.T) {
	for text, want := range map[string]int{
		"12:30 GMT - The talks opened.":         750,
		"At 10 a.m. the session began.":         600,
		"The vote came at 2:15 p.m. on Friday.": 855,
		"18:40 - That's all from us today.":     1120,
		"12 a.m. is midnight.":                  0,
		"Some 63 vessels waited in 2022.":       -1, // numbers, no time of day
		"The talks lasted 4.5 hours.":           -1,
	} {
		if got := clockOf(text); got != want {
			t.Errorf("clockOf(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestSameDayByClock: a live blog's entries of one day, listed latest
// first, come out in the order of their times of day.
func TestSameDayByClock(t *testing.T) {
	arts := []corpus.Article{article("live", "2025-06-11",
		"18:40 GMT - Delegates from Egypt and Ethiopia left the palace after the talks today.",
		"14:05 GMT - Sudan's delegation arrived late today after its flight to Cairo was delayed.",
		"11:00 GMT - The talks opened today at the Heliopolis Palace in Cairo.")}
	var clocks []int
	for _, ev := range buildTimeline(arts, fakeTools, testCite) {
		clocks = append(clocks, clockOf(ev.Text))
	}
	if !slices.IsSorted(clocks) || len(clocks) < 2 {
		t.Errorf("times of day in order %v, want ascending", clocks)
	}
}

// A when-question is answered by an event that says what it asks the time
// of, in its word or in another for it ("ink": signed); an event of the
// same thing that says something else is the answer to another question.
func TestAnswerTimeSaysTheAct(t *testing.T) {
	cite := func(n int, id, quote string) answer.Citation {
		return answer.Citation{N: n, Article: id, Quote: quote, Published: "2025-03-01"}
	}
	arts := []corpus.Article{article("a", "2025-03-01", "The ferry Linnea entered service in 2019 on the northern route. The operator signed the lease for the ferry Linnea in 2017 with the port.")}
	events := buildTimeline(arts, fakeTools, cite)
	sents := every(allSentences(arts, fakeTools))
	for q, want := range map[string]string{
		"When did the operator sign the lease for the ferry Linnea?": "2017",
		"When did the operator ink the lease for the ferry Linnea?":  "2017", // a more general verb
		"When did the operator build the ferry Linnea?":              "",     // no event says it was built
	} {
		ans := answerTime(q, events, sents, arts[0].Published, fakeTerms)
		switch {
		case want == "" && ans != nil:
			t.Errorf("%q: answered %q, want none", q, ans.Answer)
		case want != "" && (ans == nil || !strings.Contains(ans.Answer, want)):
			t.Errorf("%q: got %+v, want %s", q, ans, want)
		}
	}
}
