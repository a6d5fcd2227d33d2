package extractive

import (
	"testing"
)

// TestPatternsSentences has a row for each pattern of sentences.go,
// select.go, refs.go and extract.go: what it must find, and what looks
// alike but is not the thing, with sentences and questions written for
// this test (not the gold sets).
func TestPatternsSentences(t *testing.T) {
	checkPatterns(t, []patternCase{
		// A written question tabled in parliament, which asks without a
		// question mark: "To ask the Minister for Transport how many ...".
		{"reTabledQuestion", reTabledQuestion, []string{
			"To ask the Minister for Transport how many rail workers joined the strike.",
			"Lorna Pettigrew (Eastvale): To ask the Secretary of State whether the flood defences will be repaired.",
			"To ask whether the talks with the dockers will resume before May.",
		}, []string{
			"To ask for a pay rise is no crime, the union said.",    // "to ask for": no question tabled
			"The union wants to ask the minister for more money.",   // not at the start
			"MPs were asked to vote on the strike bill on Tuesday.", // a report of asking
		}},
		// The label of an interview's turn: "Q: When did the strike
		// begin?", "A — Not yet."
		{"reInterviewTurn", reInterviewTurn, []string{
			"Q: When did the strike begin?",
			"A. We walked out on Monday.",
			"A — Not until the water goes down.",
		}, []string{
			"A deal was reached on Thursday.", // the article "A"
			"A.B. Koval said the dam held.",   // an initial
			"Q3: Turnout rose to 61 percent.", // a quarter, no turn
		}},
		// A verb of speech, in a sentence, a lower-cased question or a
		// single word: "said", "what did the union tell".
		{"reSpeech", reSpeech, []string{
			"The minister said the strike was over.",
			"what did the union tell its members",
			"The river will peak on Friday, according to the weather service.",
			"warns",
		}, []string{
			"The union struck on Monday.",                 // no speech
			"The ambassador was recalled after the vote.", // "called" inside a word
			"The sayings of the old mayor",                // "say" inside a word
		}},
		// The first word after a quotation's closing mark: `“We will not
		// sign,” Velden said`.
		{"reAttribution", reAttribution, []string{
			`“We will not sign,” Velden said.`,
			`"We will stay out," she said.`,
			`“Is the water safe?” asked a resident.`,
		}, []string{
			`“We will not sign” is the strikers' slogan.`, // no stop before the mark
			`Velden said: “We will not sign.”`,            // nothing after the quotation
		}},
		// A sentence whose subject is a bare title: "The foreign minister
		// said ...", "The Secretary of State arrived ...".
		{"reTitleSubject", reTitleSubject, []string{
			"The foreign minister said the talks would resume.",
			"The Secretary of State arrived in Eastvale on Monday.",
			"The U.S. envoy left the talks early.",
			"The flood commissioner warned of more rain.",
		}, []string{
			"The ministry said the talks would resume.",               // a body, no title
			"The Minister Arlo Venn said the talks would resume.",     // the title before a name
			"Foreign Minister Arlo Venn said the talks would resume.", // no "The"
		}},
		// A quantity in digits: "$318", "40 percent", "250 trucks".
		{"reFigure", reFigure, []string{
			"The fine was $318.",
			"Strikers lost 40 percent of their pay.",
			"Water rose 2.5 metres overnight.",
		}, []string{
			"Turnout rose sharply on Sunday.", // no figure
			"Round two of the talks opened.",  // a number in words
		}},
		// What talks came to: "reached a deal", "decided" (and, in a
		// question, a word for the outcome: TestAskedOutcome,
		// TestTellsOutcome).
		{"reOutcome", reOutcome, []string{
			"Unions and employers reached a deal overnight.",
			"The council decided to close the dam.",
			"Both sides signed the accord in Eastvale.",
		}, []string{
			"Talks broke down again on Tuesday.", // no outcome
			"The union disagreed with the plan.", // "agreed" inside a word
			"The car dealers' strike went on.",   // "deal" inside a word
		}},
		// The source a sentence cites: "according to AFP", "told Eastvale
		// Radio", "Reuters reported".
		{"reCites", reCites, []string{
			"The river peaked at 6 metres, according to AFP.",
			"An official told Eastvale Radio the dam had held.",
			"Reuters reported the strike had ended.",
			"The talks resumed, as Bloomberg had earlier reported.",
		}, []string{
			"The river peaked at 6 metres, according to officials.", // no name
			"The mayor told reporters the dam had held.",            // people, not a source's name
			"The strike was reported on Monday.",                    // nobody reports
		}},
	})

	// The groups the code reads.
	checkGroups(t, []groupCase{
		{"reInterviewTurn", reInterviewTurn, "Q: When did the strike begin?", 1, "Q"},                  // whose turn: the question's
		{"reInterviewTurn", reInterviewTurn, "A — Not until the water goes down.", 1, "A"},             // the answer's
		{"reAttribution", reAttribution, `“We will not sign,” Velden said.`, 1, "Velden"},              // names the speaker
		{"reAttribution", reAttribution, `"We will stay out," she said.`, 1, "she"},                    // a pronoun: leans on the sentence before
		{"reFigure", reFigure, "The fine was $318.", 1, "318"},                                         // a sum, its sign dropped
		{"reFigure", reFigure, "250 trucks waited at the border.", 2, "trucks"},                        // the unit after it
		{"reFigure", reFigure, "The board approved €18 million for repairs.", 2, "million"},            // a sum in millions
		{"reFigure", reFigure, "The 12-day strike ended.", 2, "day"},                                   // joined by a hyphen
		{"reFigure", reFigure, "Votes in favour: 3,412.", 1, "3,412"},                                  // thousands with a comma
		{"reFigure", reFigure, "Strikers lost 40% of their pay.", 2, ""},                               // a share: no word after
		{"reCites", reCites, "The river peaked at 6 metres, according to AFP on Monday.", 1, "AFP"},    // "according to"
		{"reCites", reCites, "An official told Eastvale Radio the dam had held.", 2, "Eastvale Radio"}, // "told"
		{"reCites", reCites, "The talks resumed, as Bloomberg had earlier reported.", 3, "Bloomberg"},  // "had earlier reported"
	})
}

// TestPersons: a writer's first person, for a column ("Our town has
// flooded twice", "let us be honest"), and the second person, of a
// sentence that speaks to its reader ("If you live near the river"), read
// by english's pronouns.
func TestPersons(t *testing.T) {
	for _, c := range []struct {
		name string
		is   func(string) bool
		yes  []string
		no   []string
	}{
		{"first person", firstPerson, []string{
			"I was on the picket line at dawn.",
			"Our town has flooded twice this year.",
			"Let us be honest about what the strike costs.",
			"Then we waited for the count.",
		}, []string{
			"US officials joined the talks in Eastvale.", // the country, in capitals
			"IT workers joined the strike.",              // a word that opens with "I"
			"The flood closed the museum for a week.",    // "us" inside a word
		}},
		{"second person", addressesReader, []string{
			"Your train may be cancelled.",
			"If you live near the river, leave now.",
			"The choice is yours.",
		}, []string{
			"Young voters turned out in numbers.", // "you" inside a word
			"The youth wing backed the strike.",   // "you" inside a word
		}},
	} {
		checkYesNo(t, c.name, c.is, c.yes, c.no)
	}
}

// TestStrongReasonIn: a reason word that says why and nothing else
// ("because", "in protest", "triggered"), not one that also says when or
// about what ("over", "after", "amid"), though reReason finds both.
func TestStrongReasonIn(t *testing.T) {
	for text, want := range map[string]bool{
		"The dam was closed because of the flood.":                          true,
		"Workers walked out in protest at the pay cut.":                     true,
		"The storm triggered landslides in the valley.":                     true,
		"Talks over the dam resumed after the flood.":                       false, // "over", "after": when and about what
		"The strike was called amid rising prices.":                         false, // "amid"
		"After the vote, the union walked out because the offer was final.": true,  // a weak word first
	} {
		if got := strongReasonIn(text); got != want {
			t.Errorf("strongReasonIn(%q) = %v, want %v", text, got, want)
		}
		if !reReason().MatchString(text) {
			t.Errorf("reReason finds no reason in %q", text)
		}
	}
}

// TestLabels: a turn's label in capitals is a transcript's speaker label,
// maybe with a name in brackets ("CHAIR (Mr Tomas Brel):"); one in
// ordinary case ("Velden:") is a name label; a sentence, a headline's
// words or lower-case words before a colon are neither.
func TestLabels(t *testing.T) {
	for _, tt := range []struct {
		text          string
		speaker, name string // group 1 of each; "" for none
		bracketed     string // group 2 of the speaker label
	}{
		{"CHAIR (Mr Tomas Brel): The hearing is open.", "CHAIR", "", "Mr Tomas Brel"},
		{"MARA VELDEN: We will strike on Monday.", "MARA VELDEN", "", ""},
		{"DR O’HARA: The water is safe to drink.", "DR O’HARA", "", ""},
		{"Ostrander: The strike is over.", "", "Ostrander", ""},
		{"Mara Velden: We will not sign.", "", "Mara Velden", ""},
		{"Eastvale Courier: What changed after the flood?", "", "Eastvale Courier", ""},
		{"Eastvale: the river peaked at dawn.", "", "Eastvale", ""}, // a name label only where it recurs as a turn (turnLabels)
		{"UN talks: day two of the ceasefire.", "", "", ""},         // a headline's words before the colon
		{"The union said: we will strike.", "", "", ""},             // a sentence, not a name, before the colon
		{"Note the time: 9 a.m. on Monday.", "", "", ""},            // lower-case words before the colon
		{"Velden:we will not sign.", "", "", ""},                    // no space after the colon
	} {
		group := func(m []string, i int) string {
			if m == nil {
				return ""
			}
			return m[i]
		}
		if got := reLabel().MatchString(tt.text); got != (tt.speaker != "" || tt.name != "") {
			t.Errorf("reLabel on %q: %v", tt.text, got)
		}
		sp, nm := speakerLabel(tt.text), nameLabel(tt.text)
		if group(sp, 1) != tt.speaker || group(nm, 1) != tt.name || group(sp, 2) != tt.bracketed {
			t.Errorf("%q: speaker label %q, name label %q; want %q, %q (brackets %q)", tt.text, sp, nm, tt.speaker, tt.name, tt.bracketed)
		}
	}
}

// TestTellsOutcome: a sentence tells an outcome by what was settled
// ("reached a deal", "agreed to"), not by a word for the outcome alone
// ("the results are due on Friday").
func TestTellsOutcome(t *testing.T) {
	for text, want := range map[string]bool{
		"Unions and employers reached a deal overnight.": true,
		"Both sides agreed to meet again in May.":        true,
		"The results of the vote are due on Friday.":     false,
		"The strike finally ended on Tuesday.":           false,
		"Both sides eventually agreed to a truce.":       true,
		"Talks broke down again on Tuesday.":             false,
	} {
		if got := tellsOutcome(text); got != want {
			t.Errorf("tellsOutcome(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestWithdrawingIndex: in a correction, what was said wrongly runs from
// the words that mark the correction to "but", a semicolon or the end; a
// sentence that is no correction has none.
func TestWithdrawingIndex(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Our 09:15 entry reported a 40% cut, but the ministry says 38%.", " a 40% cut"}, // up to "but"
		{"We told you 32 boats were held; the figure was 23.", " 32 boats were held"},    // up to a semicolon
		{"An earlier version of this story said 16 trains.", " story said 16 trains."},   // to the end
		{"CORRECTION: Our 14:20 entry said nine people had died.", ": Our 14:20 entry said nine people had died."},
		{"The ministry corrected its figures on Monday.", ""}, // no account of what was said
		{"The minister says the figure was 38%.", ""},         // a present claim, no earlier report
	} {
		got := ""
		if m := reWithdrawingIndex(c.text); m != nil {
			got = c.text[m[0]:m[1]]
		}
		if got != c.want {
			t.Errorf("reWithdrawingIndex(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
