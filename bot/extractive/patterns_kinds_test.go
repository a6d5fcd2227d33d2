package extractive

import (
	"slices"
	"testing"
)

// TestPatternsKinds has a row for each package-level expression of
// kinds.go: what it must find and a near miss it must not, in the form
// its caller gives it (a question lower-cased with its "?" a space, a
// sentence of an article, a word, or the text after a match), with
// questions and sentences written for this test.
func TestPatternsKinds(t *testing.T) {
	checkPatterns(t, []patternCase{
		// A request put as a question, its verb asking for nothing:
		// "could you please state the date", "I would be grateful if you
		// could tell me", "I would like to know"; not a question about
		// someone else, nor a verb of request further in.
		{"rePoliteRequest", rePoliteRequest, []string{
			"could you please state the date on which the strike began",
			"would you kindly tell me who chaired the talks",
			"can u give the number of flood victims",
			"kindly indicate when the polls close",
			"i would be grateful if you could tell me how many witnesses were called",
			"i was wondering whether you could tell me how long the ban lasted",
			"i would like to know the length of the concession",
			"would you be able to tell me the total amount of the fund",
			"could you let me know by which date claims must be filed",
			"can you describe the damage to the bridge",
			"could you please outline which matters the agreement left unresolved",
		}, []string{
			"could the union give notice before the strike",
			"i wonder whether the union will strike again",
			"what did the mediator explain to the press",
			"could you believe the turnout",
			"would you be able to reopen the school",
			"could you outline the deal", // a summary (reSummary)
		}},
		// A statement word that is a noun, not a verb of speech: "what
		// became of the union's demand", "was the match called off",
		// "had the residents been warned"; not "did the delegation offer".
		{"reNounUse", reNounUse, []string{
			"what became of the union's demand",
			"was the offer accepted by the strikers",
			"what happened to the airline's cancellation claim",
			"when was the hotline's first call",
			"was the final called off because of the floods",
			"had the residents been warned before the dam burst",
			"was the captain told of the storm",
		}, []string{
			"did the delegation offer a ceasefire",
			"what has the union warned",          // the active: what was said
			"who has the minister told about it", // the active, "been" left out
			"what did the minister say about the flood",
			"what did the union warn about",
		}},
		// A verb of speech, or "according to": "what did the minister
		// say"; not a question of when or how many.
		{"reStatementVerb", reStatementVerb, []string{
			"what did the minister say about the flood",
			"how did the mayor describe the damage",
			"according to the union how many joined the strike",
		}, []string{
			"when did the flooding start",
			"how many votes were cast",
			"what were the sayings of the strikers",
		}},
		// A question word among a question's first words: "how did the
		// strike end", "so what was agreed"; not a question that opens
		// with an auxiliary ("did the talks collapse").
		{"reWhOpen", reWhOpen, []string{
			"how did the strike end",
			"how many people fled the flood",
			"so what was agreed",
			"ok then when is the vote",
		}, []string{
			"did the talks collapse",
			"is the strike over",
			"ok so then who won the election",
		}},
		// A cause: "because of the storm", "amid fears", "the strike
		// followed a pay offer"; not "overnight" or "the afternoon".
		{"reReason", reReason, []string{
			"The vote was delayed because of the storm.",
			"Roads closed amid fears of flooding.",
			"The strike followed a pay offer.",
			"The flood prompted evacuations.",
		}, []string{
			"Water levels rose overnight.",
			"The afternoon session began on time.",
		}},
		// A reaction: "Warsaw condemned the deal", "in protest", "a
		// cautious welcome"; not a greeting nor "responsible".
		{"reReaction", reReaction, []string{
			"Warsaw condemned the deal.",
			"The union rejected the offer.",
			"Farmers marched in protest at the ruling.",
			"Campaigners gave the deal a cautious welcome.",
		}, []string{
			"Welcome to our live coverage.",
			"Officials responsible for flood defences met.",
		}},
		// A time of day: "at 08:55", "3 p.m.", "noon", "14.30 GMT"; not a
		// score or "12 amendments".
		{"reClock", reClock, []string{
			"The polls closed at 08:55.",
			"The march starts at 3 p.m.",
			"The ferry left at noon.",
			"Talks resumed at 14.30 GMT.",
		}, []string{
			"The 12 amendments passed.",
			"Turnout was 10.5 percent.",
			"The final score was 3-2.",
		}},
		// A capitalised word: "Poland", "Geneva"; not a lone "A" or "I".
		{"reName", reName, []string{
			"Envoys from Poland met in Geneva.",
			"talks in Ankara resumed",
		}, []string{
			"the strike went on.",
			"A strike began at dawn.",
		}},
		// A change of plan: "postponed", "pushed back to May", "called
		// off", "instead"; not "pushed back against" nor "unchanged".
		{"reChange", reChange, []string{
			"He postponed the trip.",
			"The vote was pushed back to May.",
			"The match was called off.",
			"The talks will instead be held in Oslo.",
		}, []string{
			"Officials pushed back against that view.",
			"Rates were left unchanged.",
			"The union removed its pickets.",
		}},
		// A plan: "will travel", "is set to vote", "are due to resume",
		// "plans to strike"; not the past, "willow" nor "plans for".
		{"rePlan", rePlan, []string{
			"She will travel on Friday.",
			"The council is set to vote.",
			"Talks are due to resume.",
			"The union plans to strike.",
		}, []string{
			"She travelled on Friday.",
			"The willow fell on the road.",
			"Plans for the strike were leaked.",
		}},
	})

	// The groups their callers read.
	checkGroups(t, []groupCase{
		{"reAny", reAny, "did anyone die on the tanker", 1, "anyone"},              // asked
		{"reAny", reAny, "Nobody was hurt.", 2, "Nobody"},                          // settled
		{"reWhOpen", reWhOpen, "so how many people fled the flood", 3, "how many"}, // a count asked for
		{"reWhOpen", reWhOpen, "how did the strike end", 3, ""},                    // how, no count
		{"reWhOpen", reWhOpen, "so who chaired the flood inquiry", 2, "who"},       // a person asked for
		{"reWhOpen", reWhOpen, "whose strike was called off", 2, "whose"},
		{"reAccording", reAccording, "per the inquiry, who ordered the evacuation?", 3, "who ordered the evacuation?"},
		{"reAccording", reAccording, "in the engineer's view, was the dam safe?", 3, "was the dam safe?"},
		{"reAccording", reAccording, "in the engineer's view, was the dam safe?", 2, "the engineer"},
	})
}

// TestAttributionOpen: a question that opens by saying whose account it
// asks for, then a comma ("according to the bulletin, when is power
// expected?", "per the inquiry, ..."), leaves the rest to be read for its
// kind (reAccording's group 3); not without the comma, nor in the middle.
func TestAttributionOpen(t *testing.T) {
	for q, want := range map[string]string{
		"according to the bulletin, when is first power expected?": "when is first power expected?",
		"in the words of the mayor, how bad was the flood?":        "how bad was the flood?",
		"according to the bulletin when is first power expected?":  "",
		"when, according to the bulletin, is power expected?":      "",
	} {
		got := ""
		if m := reAccording().FindStringSubmatch(q); m != nil {
			got = m[3]
		}
		if got != want {
			t.Errorf("%q: the rest %q, want %q", q, got, want)
		}
	}
}

// TestDurationLocs: a length of time is a number, "a", "an", "several" or
// "few" before a unit WordNet files as time ("the 19-day strike", "four
// hours", "two decades", "a fortnight"); not "hours of talks", "day three"
// or "on Monday", which count no span. The number that counts it is
// returned with it.
func TestDurationLocs(t *testing.T) {
	for text, want := range map[string][]string{
		"The 19-day strike ended.":                   {"19-day", "19"},
		"Talks lasted four hours.":                   {"four hours", "four"},
		"It took two and a half years to rebuild.":   {"two and a half years", "two"},
		"It took a year-and-a-half to rebuild.":      {"a year", "a"},
		"After an hour the crowd left.":              {"an hour", "an"},
		"The dispute has run for two decades.":       {"two decades", "two"},
		"Repairs will take a fortnight.":             {"a fortnight", "a"},
		"the 4.5-hour meeting":                       {"4.5-hour", "4.5"},
		"a day of talks":                             {"a day", "a"},
		"Hours of talks failed.":                     nil,
		"The strike began on day three.":             nil,
		"The vote is on a Monday.":                   nil,
		"A noon deadline passed.":                    nil,
		"Some 1,000 people left.":                    nil,
		"It cost 2,000 crowns a year.":               {"a year", "a"},
		"Ministers met for several weeks in Geneva.": {"several weeks", "several"},
		"Ore went by truck at three times the cost.": nil, // occasions, not "the times"
		"The talks went on for three days.":          {"three days", "three"},
	} {
		locs := durationLocs(text)
		if want == nil {
			if len(locs) > 0 {
				t.Errorf("%q: duration %q, want none", text, text[locs[0][0]:locs[0][1]])
			}
			continue
		}
		if len(locs) == 0 {
			t.Errorf("%q: no duration, want %q", text, want[0])
			continue
		}
		if got, n := text[locs[0][0]:locs[0][1]], text[locs[0][2]:locs[0][3]]; got != want[0] || n != want[1] {
			t.Errorf("%q: duration %q (number %q), want %q (%q)", text, got, n, want[0], want[1])
		}
	}
}

// TestEndsWithin: a duration runs to what the words after it tell when a
// function word leads them ("before", "until", "to", "by the time") and a
// word of the question is among them, up to the clause's end.
func TestEndsWithin(t *testing.T) {
	for _, c := range []struct {
		text, question string
		want           bool
	}{
		{"The fire burned for 31 hours before it was put out.", "how long did it take to put out the fire", true},
		{"Crews took six days to clear the line.", "how long did it take to clear the line", true},
		{"The town will have gone 14 months by the time the unit reopens.", "how long until the unit reopens", true},
		{"The fire burned for 31 hours, and crews put it out at dawn.", "how long did it take to put out the fire", false},
		{"The fire burned for 31 hours near the depot.", "how long did it take to put out the fire", false},
	} {
		e, _, _ := oneArticle(t, c.text)
		q := e.analyse(c.question)
		locs := durationLocs(c.text)
		if len(locs) == 0 {
			t.Fatalf("%q: no duration", c.text)
		}
		if got := endsWithin(q, c.text, locs[0]); got != c.want {
			t.Errorf("%q for %q: endsWithin %v, want %v", c.text, c.question, got, c.want)
		}
	}
}

// TestHasFrequency: how often is a periodic word, "every" or "each"
// before a word of time, "per" before a unit of time, or a rate; not
// "once the water receded" nor "every resident".
func TestHasFrequency(t *testing.T) {
	for text, want := range map[string]bool{
		"The crisis committee meets weekly.":      true,
		"Dividends are paid annually.":            true,
		"Talks are held twice a month.":           true,
		"Ferries sail every other day.":           true,
		"Up to 40 ships cross per day.":           true,
		"A shuttle bus leaves every 20 minutes.":  true,
		"The council meets each Monday.":          true,
		"Once the water receded, crews moved in.": false,
		"Every resident was evacuated.":           false,
		"The day after the flood was calm.":       false,
		"He spoke early and only briefly.":        false,
		"Each side claimed victory.":              false,
	} {
		if got := hasFrequency(text); got != want {
			t.Errorf("frequency in %q: %v, want %v", text, got, want)
		}
	}
}

// TestNumberLocs: a number in a sentence, in digits or a word: "3,412
// votes", "Nine members", "1.5 million"; not "someone" or "twice", nor a
// figure a word runs on from ("the 10th round").
func TestNumberLocs(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"3,412 votes were cast.", []string{"3,412"}},
		{"Nine members walked out, and 12 stayed.", []string{"Nine", "12"}},
		{"Damage reached $1.5 million in three days.", []string{"1.5", "million", "three"}},
		{"Someone called the hotline twice.", nil},
		{"No figures were given in the 10th round.", nil},
		{"Ninety-nine balloons.", []string{"Ninety", "nine"}},
	} {
		var got []string
		for _, loc := range numberLocs(c.text) {
			got = append(got, c.text[loc[0]:loc[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("numberLocs(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
