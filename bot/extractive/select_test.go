package extractive

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
)

// TestFiguresOf: a summary's figures are quantities, not dates, clock
// times or years.
func TestFiguresOf(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Kastrana will pay $318 per thousand cubic metres, up from $265.", "318 265"},
		{"The tariff falls to 12 percent (12%) and 250 trucks may cross.", "12 12 250"},
		{"The deal was signed on 8 May 2025 at 23:40, or May 8.", ""},
		{"A fund of €40m, 1,140 km of pipe.", "40 1,140"},
	} {
		if got := strings.Join(figuresOf(&sentence{text: tt.text}), " "); got != tt.want {
			t.Errorf("figures of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCorrectedBy: a figure a correction takes back is corrected wherever
// else its article gives it, in the same unit; the correction itself is
// not, and it sets right when it gives the right figure after the wrong
// one.
func TestCorrectedBy(t *testing.T) {
	a := &corpus.Article{ID: "a", Paragraphs: []string{
		"04:10 - A creditor source tells us that bondholders have accepted a 40% haircut on their bonds.",
		"05:02 - CORRECTION: Our 04:10 entry reported a 40% haircut, but the ministry has confirmed the figure is 38%.",
		"Talks lasted 40 hours. The 38% haircut is final.",
	}}
	a.Text = strings.Join(a.Paragraphs, "\n\n")
	sents, _ := splitArticle(a)
	want := []bool{true, false, false, false}
	if len(sents) != len(want) {
		t.Fatalf("%d sentences, want %d", len(sents), len(want))
	}
	for i, s := range sents {
		if got := s.correctedBy() != nil; got != want[i] {
			t.Errorf("%q corrected: %v, want %v", s.text, got, want[i])
		}
	}
	if !sents[1].setsRight() {
		t.Errorf("%q does not set right", sents[1].text)
	}
	if got := strings.Join(figureKeys("a 40% haircut, 68 prisoners, $2.4 billion, on 8 May at 23:40"), "|"); got != "40%|68 prisoners|2.4 billion" {
		t.Errorf("figureKeys = %q", got)
	}
}

// TestTellsAlone: a summary tells what happened in sentences that stand
// on their own, not in a transcript's turn.
func TestTellsAlone(t *testing.T) {
	sents := splitParas(
		"The wildfire that started on Kestrel Ridge crossed into Calvenia and was contained after nine days.",
		"MODERATOR: Welcome.", "REPORTER: How bad was it?",
		"RENKO: On our side the wildfire destroyed 118 homes in Dravno and 23 in Pelsk after it crossed the river.",
		"ARBELD: We agree.",
		"Here are the answers to the most common ones, based on advice from the water company and the health unit.",
	)
	for i, want := range map[int]bool{0: true, 3: false, 5: false} { // 5: an explainer's words to its reader
		if got := tellsAlone(sents[i]); got != want {
			t.Errorf("%q tells alone: %v, want %v", sents[i].text, got, want)
		}
	}
}

// TestWhereItStands: a summary of one central sentence ends with where
// things stand, the latest report's most central sentence with an outcome
// or a figure ("would reopen in September 2026"), when that report is
// later than the first.
func TestWhereItStands(t *testing.T) {
	e, ix := answererOf(t, []corpus.Article{
		report("early", 11, "The central span of the Tollin Bridge collapsed during the morning rush hour on Friday, killing three people, emergency services said. Divers searched the river all night."),
		report("mid", 12, "Three people were killed when the central span of the Tollin Bridge collapsed on Friday morning. Traffic was diverted through the city centre."),
		report("late", 20, "Ten days after the collapse, the ministry said a replacement span would cost 86 million crowns and the bridge would reopen in September 2026. An inquiry has begun."),
	})
	a := answerOf(t, e, ix, "tl;dr what happened with the bridge")
	if !strings.HasPrefix(a.Answer, "The central span") || !strings.Contains(a.Answer, "reopen in September 2026") {
		t.Errorf("summary %q: want the collapse, then where it stands", a.Answer)
	}
}

// TestChangeRevisingLater: of the later reports' sentences, the one that
// revises the earlier figure answers "how did the number change", though
// another has more of the question's words and a figure of something
// else.
func TestChangeRevisingLater(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	later := []string{
		"Some 168,000 patient records were stolen in the attack.",
		"Roads were closed by snow on Tuesday.",
		"The number of stolen patient records is being checked by 40 staff, the trust said.",
	}
	e, ix := answererOf(t, []corpus.Article{
		{ID: "a", Title: "Hospital hack", Published: day(5), Text: "About 120,000 patient records were stolen in the attack, the trust said."},
		{ID: "b", Title: "Hack follow-up", Published: day(12), Paragraphs: later, Text: strings.Join(later, "\n\n")},
		{ID: "c", Title: "Weather", Published: day(6), Text: "Snow fell on Monday."},
		{ID: "d", Title: "Ferry", Published: day(7), Text: "The ferry was late."},
		{ID: "e", Title: "Bridge", Published: day(8), Text: "A new bridge opened."},
		{ID: "f", Title: "Schools", Published: day(9), Text: "Schools were closed."},
		{ID: "g", Title: "Trains", Published: day(10), Text: "The trains ran on time."},
		{ID: "h", Title: "Market", Published: day(11), Text: "The market sold apples."},
	})
	a := answerOf(t, e, ix, "How did the number of stolen patient records in the attack change between the reports?")
	if !strings.Contains(a.Answer, "120,000") || !strings.Contains(a.Answer, "168,000") {
		t.Errorf("answer %q, want the 120,000 and the 168,000", a.Answer)
	}
}

// TestCompareAmounts: a comparison of amounts ("what each put into the
// fund", "the fine sought with the fine imposed") answers with each side's
// figure, over a sentence that names the side and more of the question's
// words without one.
func TestCompareAmounts(t *testing.T) {
	e, ix := answererOf(t, []corpus.Article{
		report("a", 11, "Corvania said it would put its full trust into the fund and into the talks. Pellaria said the fund it put its name to was a model for the region."),
		report("b", 12, "Corvania has paid 20 million crowns. Pellaria has paid 5 million crowns."),
	})
	a := answerOf(t, e, ix, "compare what corvania and pellaria each put into the fund")
	if a.Abstained || !strings.Contains(a.Answer, "20 million") || !strings.Contains(a.Answer, "5 million") {
		t.Errorf("answer %q: want each side's sum", a.Answer)
	}
}

// TestSummaryOfReports: a summary tells what happened as the reports tell
// it: an opinion piece's argument and a live blog's timed entries weigh
// half beside a report's lede (asides), but a live blog's own recap does
// not (recaps); a question that names the editorial is answered from it.
func TestSummaryOfReports(t *testing.T) {
	arts := []corpus.Article{
		{ID: "editorial", Title: "Shame on the owners", Outlet: "The Kestland Chronicle", URL: "https://example.org/kestland-chronicle/opinion/shame",
			Published: time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC),
			Text:      "The ferry Aster sank off Korrvik in a storm on Tuesday, the coastguard rescued six crew and two men are missing, and the owners must answer for it."},
		{ID: "wire", Title: "Ferry Aster sinks off Korrvik", Outlet: "Maravel News Agency", Published: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC),
			Text: "The ferry Aster sank off Korrvik in a storm on Tuesday night with twenty people on board, the coastguard said."},
		{ID: "blog", Title: "Ferry sinking: live updates", Outlet: "The Korrvik Courier", Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC),
			Paragraphs: []string{"09:10 The coastguard says six crew of the ferry Aster were rescued in a storm off Korrvik, and two men are missing.",
				"18:00 Recap: the ferry sank on Tuesday in a storm, six crew were rescued and two men are missing."}},
	}
	arts[2].Text = strings.Join(arts[2].Paragraphs, "\n\n")
	e, ix := answererOf(t, arts)
	ask := func(q string) *answer.Answer {
		hits, _ := ix.Search(t.Context(), q, 8)
		a, err := e.Answer(t.Context(), answer.Query{Text: q, Search: q}, hits)
		if err != nil || a.Abstained || len(a.Citations) == 0 {
			t.Fatalf("%q: %v, answer %+v", q, err, a)
		}
		return a
	}
	a := ask("tl;dr of the ferry aster sinking pls")
	if first := a.Citations[0].Article; first == "editorial" {
		t.Errorf("the summary opens with the editorial: %q", a.Answer)
	}
	if !slices.ContainsFunc(a.Citations, func(c answer.Citation) bool { return c.Article == "blog" && strings.Contains(c.Quote, "Recap") }) {
		t.Errorf("the summary leaves out the live blog's recap: %q", a.Answer)
	}
	if a := ask("summarise the kestland chronicle editorial"); a.Citations[0].Article != "editorial" {
		t.Errorf("a summary of the editorial cites %q: %q", a.Citations[0].Article, a.Answer)
	}
	for text, want := range map[string]bool{
		"18:00 Recap: the ferry sank on Tuesday.":        true,
		"In brief: the ferry sank and six were rescued.": true,
		"09:10 The coastguard says six were rescued.":    false,
		"Divers said what happened was unclear.":         false, // "what happened" asks, it does not recap
	} {
		if got := recaps(text); got != want {
			t.Errorf("recaps(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestAnnounces: a sentence that leans on what follows it (a list after a
// colon, "the following" for what comes next) does not stand in a
// summary; "the following" before a noun is a time, not an announcement.
func TestAnnounces(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The Ministry has taken the following additional measures:", true},
		{"The Ministry of Education and the National Examinations Board (NEB) confirm the following in relation to the 2025 examinations.", true},
		{"Under the accord, the parties commit to the following.", true},
		{"Ministers will be sworn in the following day.", false},
		{"The regional governor suspended him the following day, after the vote.", false},
		{"The bridge collapsed during the morning rush hour on Friday.", false},
		{"Following the vote, the minister resigned.", false},
	} {
		if got := announces(tt.text); got != tt.want {
			t.Errorf("announces(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestGivesContact: service information (a telephone number, a web or
// e-mail address) is not what happened; counts, years, times and prices
// are.
func TestGivesContact(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The ORHA helpline, 0800 414 262, is open from 8:00 to 20:00 daily.", true},
		{"Questions may be directed to the ministry's free helpline on 0800 412 600.", true},
		{"Updates will be published at https://example.org/neb/2025-resits.", true},
		{"Write to press@ministry.example with questions.", true},
		{"About 2,600 vehicles were stuck from 08:00 on Friday.", false},
		{"The 2025 budget sets aside 0.5 percent for repairs.", false},
		{"Three people died and 41 were injured, police said.", false},
		{"Fans used the hashtag @ the stadium.", false},
	} {
		if got := givesContact(tt.text); got != tt.want {
			t.Errorf("givesContact(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestChangeWordedAtLength: a change question in many words of its own
// ("in what way did the assessment of ... change between the first
// statement and the update") is answered by the earlier and the later
// report, though neither covers much of it: what the sides must cover is
// measured against the best sentence, not against the question.
func TestChangeWordedAtLength(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	e, ix := answererOf(t, []corpus.Article{
		{ID: "a", Title: "Hospital hack", Published: day(5), Text: "The trust said 120,000 patient records were stolen in the attack."},
		{ID: "b", Title: "Hack follow-up", Published: day(12), Text: "The trust now says 168,000 patient records were stolen in the attack."},
		{ID: "c", Title: "Weather", Published: day(6), Text: "Snow fell on Monday."},
		{ID: "d", Title: "Ferry", Published: day(7), Text: "The ferry was late."},
		{ID: "e", Title: "Bridge", Published: day(8), Text: "A new bridge opened."},
	})
	a := answerOf(t, e, ix, "In what way did the trust's assessment of how many patient records were stolen change between its initial statement and the update a week afterwards?")
	if !strings.Contains(a.Answer, "120,000") || !strings.Contains(a.Answer, "168,000") {
		t.Errorf("answer %q, want the 120,000 and the 168,000", a.Answer)
	}
}

// TestChangeOfWhatNoReportGives: "how did the length of the talks change"
// is not answered by two sentences that share only "the talks" with it.
func TestChangeOfWhatNoReportGives(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 2, d, 0, 0, 0, 0, time.UTC) }
	e, ix := answererOf(t, []corpus.Article{
		{ID: "a", Title: "Talks open", Published: day(17), Text: "Officials pushed back against criticism of the talks on Tuesday. Both sides agreed to restore embassy staff."},
		{ID: "b", Title: "Talks end", Published: day(19), Text: "The decision to hold the talks in Riyadh cements the kingdom's role as a mediator. The ministers promised to meet again."},
		{ID: "c", Title: "Weather", Published: day(18), Text: "Snow fell on Monday."},
	})
	if a := answerOf(t, e, ix, "How did the reported length of the talks change between the early and later reports?"); !a.Abstained {
		t.Errorf("answer %q, want none: no report gives the talks' length", a.Answer)
	}
}

// TestNextStepsAfterLatestReport: what happens next is what is still to
// come for the latest report, not for the report that says it: an early
// report's plan "for Thursday" that a later one tells took place is no
// next step.
func TestNextStepsAfterLatestReport(t *testing.T) {
	e, ix := answererOf(t, []corpus.Article{
		report("a", 10, "The two ministers will meet in Corvan on Thursday, February 13, officials said."),
		report("b", 14, "The ministers met in Corvan on Thursday. A second round of talks is scheduled for March 3, officials said."),
	})
	a := answerOf(t, e, ix, "what happens next?")
	if a.Abstained || !strings.Contains(a.Answer, "March 3") || strings.Contains(a.Answer, "February 13") {
		t.Errorf("answer %q: want the second round of March 3, not the meeting of February 13", a.Answer)
	}
}
