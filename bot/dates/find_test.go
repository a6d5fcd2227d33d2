package dates

import (
	"strings"
	"testing"
)

// Publication days used below, with their weekdays.
const (
	mon = "2025-02-17" // Monday
	tue = "2025-02-18" // Tuesday
	wed = "2025-02-19" // Wednesday
	sat = "2025-02-22" // Saturday
)

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		pub      string
		sentence string
		want     []string // "expression=date", in text order
	}{
		// Explicit dates.
		{"month and day, past", wed, "On February 16, Trump assured that the meeting would take place earlier than expected.", []string{"On February 16=2025-02-16"}},
		{"month and day, rescheduled ahead", wed, "In protest, he postponed his scheduled visit to Saudi Arabia, rescheduling it for March 10.", []string{"March 10=2025-03-10"}},
		{"month and day with year", mon, "The talks were first proposed on February 12, 2025.", []string{"on February 12, 2025=2025-02-12"}},
		{"abbreviated month", tue, "Officials met on Feb. 14 in Munich.", []string{"on Feb. 14=2025-02-14"}},
		{"day before month", tue, "The summit opened on 14 February in Munich.", []string{"on 14 February=2025-02-14"}},
		{"ordinal day", tue, "They spoke on February 12th.", []string{"on February 12th=2025-02-12"}},
		// A weekday that names the day of the date after it is no date of
		// its own (it would be the nearest such weekday to the article).
		{"weekday before day and month", "2025-04-20", "Monday, 14 April: Vask announces an agreement.", []string{"14 April=2025-04-14"}},
		{"weekday before month and day", "2025-03-14", "Signing ceremony: Thursday, March 20, Port Liren.", []string{"March 20=2025-03-20"}},
		{"weekday and a later date apart", "2025-04-20", "They met on Monday and will meet again on 5 May.", []string{"on Monday=2025-04-14", "on 5 May=2025-05-05"}},
		{"month and year", mon, "Russia invaded Ukraine in February 2022.", []string{"in February 2022=2022-02"}},
		{"year after a preposition", wed, "Khashoggi was killed in 2018.", []string{"in 2018=2018"}},
		{"year before a noun", tue, "Tensions escalated after Russia’s 2022 invasion of Ukraine.", []string{"2022=2022"}},
		{"since a year", wed, "It was the broadest dialogue since the war began in 2022.", []string{"in 2022=2022"}},
		{"month alone, looking back", "2025-04-10", "The envoy visited Moscow in February.", []string{"in February=2025-02"}},
		{"month alone, looking ahead across the year", "2025-11-20", "The leaders will meet in January.", []string{"in January=2026-01"}},
		{"last month name", tue, "Prices rose last March.", []string{"last March=2024-03"}},
		// A month later in the year: a future or modal clause makes it this
		// year's, a past one last year's.
		{"month ahead under a modal is this year's", "2025-03-29", "Exports could resume in April.", []string{"in April=2025-04"}},
		{"month ahead in the past is last year's", "2025-03-29", "Exports were halted in April.", []string{"in April=2024-04"}},
		// A purpose phrase ("for delivery in May") names a target after the
		// clause's own event, even in a past clause; only for months.
		{"purpose phrase looks ahead", "2025-03-29", "The buyer bought 60,000 tonnes on Friday for delivery in May.", []string{"on Friday=2025-03-28", "in May=2025-05"}},
		{"part of a month in a purpose phrase", "2025-03-29", "Traders sold wheat for loading in late April, brokers said.", []string{"in late April=2025-04"}},
		{"not a purpose phrase: for the first time", "2025-03-29", "The two navies met for the first time in April.", []string{"in April=2024-04"}},
		{"a purpose phrase does not move a weekday", wed, "Rubio flew to Riyadh for the meeting on Tuesday.", []string{"on Tuesday=2025-02-18"}},

		// Year boundaries.
		{"December from early January, past", "2025-01-02", "The ministers met on December 30.", []string{"on December 30=2024-12-30"}},
		{"December from early January, no tense", "2025-01-02", "The December 30 meeting in Geneva.", []string{"December 30=2024-12-30"}},
		{"January from late December, future", "2024-12-30", "The ministers will meet on January 3.", []string{"on January 3=2025-01-03"}},
		{"January from late December, no tense", "2024-12-30", "Talks on January 3 in Geneva.", []string{"on January 3=2025-01-03"}},
		{"a date later in the year said in the past is last year's", wed, "The envoys met on March 10.", []string{"on March 10=2024-03-10"}},
		{"a date earlier in the year said in the future is next year's", wed, "The envoys will meet on February 10.", []string{"on February 10=2026-02-10"}},
		{"a plan moved, whatever the tense of the verb that moves it, looks ahead", "2025-06-13", "The signing has been postponed from June 16 to June 24.", []string{"from June 16=2025-06-16", "June 24=2025-06-24"}},
		{"a plan put off until a date", wed, "The vote was delayed until March 3.", []string{"until March 3=2025-03-03"}},
		{"a move on a day is in the past", "2025-06-13", "The talks were moved on Monday.", []string{"on Monday=2025-06-09"}},
		{"expect looks ahead", "2025-06-09", "I expect a vote in September.", []string{"in September=2025-09"}},
		{"last week across the year", "2025-01-02", "They spoke by phone last week.", []string{"last week=2024-W52"}},
		{"this week in ISO week 1 of the next year", "2024-12-31", "The talks take place this week.", []string{"this week=2025-W01"}},
		{"last Sunday across the year", "2025-01-02", "He was in Jerusalem last Sunday.", []string{"last Sunday=2024-12-29"}},
		{"last month in January", "2025-01-15", "Talks stalled last month.", []string{"last month=2024-12"}},
		{"February 29 only where it exists", "2025-03-05", "They met on February 29.", []string{"on February 29=2024-02-29"}},

		// Weekdays: the tense gives the direction; the publication weekday is that day.
		{"future weekday", mon, "Officials will meet on Tuesday in Riyadh.", []string{"on Tuesday=2025-02-18"}},
		{"scheduled weekday", mon, "The negotiations scheduled for Tuesday.", []string{"Tuesday=2025-02-18"}},
		{"this weekday ahead", mon, "They will meet this Tuesday in Riyadh.", []string{"this Tuesday=2025-02-18"}},
		{"past weekday", tue, "Earlier on Monday, Zelensky expressed frustration.", []string{"Earlier on Monday=2025-02-17"}},
		{"leading past weekday", tue, "On Monday, Macron convened an emergency meeting.", []string{"On Monday=2025-02-17"}},
		{"same weekday, past", tue, "Rubio said on Tuesday that concessions were needed.", []string{"on Tuesday=2025-02-18"}},
		{"same weekday, present", tue, "Top diplomats meet in Saudi Arabia on Tuesday.", []string{"on Tuesday=2025-02-18"}},
		{"same weekday, future", tue, "Lavrov will speak to reporters on Tuesday.", []string{"on Tuesday=2025-02-18"}},
		{"possessive weekday", tue, "Rubio said after Tuesday’s talks.", []string{"Tuesday’s=2025-02-18"}},
		{"far weekday, future", mon, "The ministers will meet on Saturday.", []string{"on Saturday=2025-02-22"}},
		{"far weekday, past", mon, "The ministers met on Saturday.", []string{"on Saturday=2025-02-15"}},
		{"far weekday, present perfect", sat, "Kyiv has said on Monday that it was not invited.", []string{"on Monday=2025-02-17"}},
		{"far weekday, no tense: nearest", sat, "The Monday meeting in Paris.", []string{"Monday=2025-02-24"}},
		// Modals and conditions look ahead, however the sentence is reported.
		{"could looks ahead past a verb of saying", "2025-03-20", "An official said a deal could be signed as early as Wednesday.", []string{"Wednesday=2025-03-26"}},
		{"may looks ahead", "2025-03-20", "Officials said the border may reopen on Monday.", []string{"on Monday=2025-03-24"}},
		{"might looks ahead", "2025-03-20", "Diplomats told reporters the envoys might meet on Tuesday.", []string{"on Tuesday=2025-03-25"}},
		{"the month May is no modal", "2025-03-20", "In May, officials met on Tuesday.", []string{"In May=2024-05", "on Tuesday=2025-03-18"}},
		{"a condition before looks ahead", "2025-03-20", "If the weather holds, on Monday the first ships leave port.", []string{"on Monday=2025-03-24"}},
		{"a modal with have looks back", "2025-03-20", "Officials said the vote could have taken place on Monday.", []string{"on Monday=2025-03-17"}},
		{"a plan with had looks back", "2025-03-27", "The vote had been scheduled for Wednesday.", []string{"Wednesday=2025-03-26"}},
		{"supposed after was looks back", "2025-03-27", "The envoy was supposed to arrive on Tuesday.", []string{"on Tuesday=2025-03-25"}},
		{"is to looks ahead", "2025-03-27", "The minister is to visit Kyiv on Tuesday, officials said.", []string{"on Tuesday=2025-04-01"}},
		{"is supposed to looks ahead", "2025-03-27", "The envoy is supposed to arrive on Tuesday.", []string{"on Tuesday=2025-04-01"}},
		{"weekday after a plan, past main verb", tue, "He announced that he would postpone a planned trip to Saudi Arabia on Wednesday.", []string{"on Wednesday=2025-02-19"}},
		{"weekday inside a quotation keeps its own tense", mon, `"They will hold a meeting on Tuesday, primarily devoted to relations," Peskov stressed.`, []string{"on Tuesday=2025-02-18"}},
		{"future in a relative clause", mon, "Zelenski, who will travel to Riyadh on Wednesday, a spokesman said.", []string{"on Wednesday=2025-02-19"}},
		{"last weekday from Monday is yesterday", mon, "The Secretary of State was in Jerusalem last Sunday.", []string{"last Sunday=2025-02-16"}},
		{"last weekday equal to today is a week ago", tue, "He spoke last Tuesday.", []string{"last Tuesday=2025-02-11"}},
		{"next weekday is in the next week", mon, "They meet again next Tuesday.", []string{"next Tuesday=2025-02-25"}},
		{"a holiday is not a weekday", tue, "Stocks fell on Black Friday.", nil},
		{"a holiday in curly quotes is not a weekday", tue, "Stocks fell on “Black Friday”.", nil},

		// Relative phrases.
		{"today", mon, "Lavrov and Ushakov will fly to Riyadh today.", []string{"today=2025-02-17"}},
		{"yesterday", tue, "The Kremlin said yesterday that Putin is ready.", []string{"yesterday=2025-02-17"}},
		{"tomorrow", mon, "The delegations meet tomorrow.", []string{"tomorrow=2025-02-18"}},
		{"overnight is the night ending on the publication day", wed, "Russia launched a wave of drone attacks overnight.", []string{"overnight=2025-02-19"}},
		{"last week", mon, "The talks follow a breakthrough last week when Trump and Putin spoke.", []string{"last week=2025-W07"}},
		{"this week", mon, "Talks are set to take place in Saudi Arabia this week.", []string{"this week=2025-W08"}},
		{"earlier this week", wed, "He said earlier this week that talks would go on.", []string{"earlier this week=2025-W08"}},
		{"next week", tue, "A summit was unlikely next week.", []string{"next week=2025-W09"}},
		{"last weekend from Monday", mon, "He met Netanyahu last weekend.", []string{"last weekend=2025-W07"}},
		{"earlier this month", tue, "Hegseth said earlier this month that NATO membership was unrealistic.", []string{"earlier this month=2025-02"}},
		{"last year", tue, "Trade fell last year.", []string{"last year=2024"}},
		{"days ago", tue, "Two days ago the envoys spoke.", []string{"Two days ago=2025-02-16"}},
		{"weeks ago", tue, "Three weeks ago the envoys spoke.", []string{"Three weeks ago=2025-W05"}},
		// "A year ago" names the month a year back, not a whole year.
		{"a year ago is a month", "2025-03-20", "Exports were twice as high a year ago.", []string{"a year ago=2024-03"}},
		{"years ago stay years", "2025-03-20", "Exports were twice as high two years ago.", []string{"two years ago=2023"}},

		// A day of the month without its month is of the publication
		// month, or the next or last as the tense says.
		{"the 14th, past", "2025-03-26", "Talks resumed on the 14th, officials said.", []string{"on the 14th=2025-03-14"}},
		{"the 2nd, future, next month", "2025-03-26", "Ships will sail on the 2nd.", []string{"on the 2nd=2025-04-02"}},
		{"a rank is no day", "2025-03-26", "The office on the 14th floor was hit.", nil},
		{"a wrong suffix is no day", "2025-03-26", "They met on the 3th.", nil},

		// Live-blog time stamps are of the blog's day.
		{"time stamp with a dash", "2025-03-24", "11:40 — Delegations arrive at the venue.", []string{"11:40=2025-03-24"}},
		{"time stamp with a zone", "2025-03-24", "14:05 GMT: The Russian team leaves without comment.", []string{"14:05 GMT=2025-03-24"}},
		{"time stamp after at", "2025-03-24", "At 09:15, the talks resumed behind closed doors.", []string{"At 09:15=2025-03-24"}},
		{"British stamp with a dot and am", "2025-03-24", "11.40am GMT Delegations arrive at the venue.", []string{"11.40am GMT=2025-03-24"}},
		{"a decimal is no time", "2025-03-24", "11.40 percent of ships were delayed.", nil},
		{"a stamp gives way to a day", "2025-03-24", "14:05 GMT: Lavrov said on Sunday that talks would go on.", []string{"on Sunday=2025-03-23"}},
		{"a ratio is no time", "2025-03-24", "The vote passed 12:30 in the council.", nil},

		// Several expressions in one sentence.
		{"two expressions", mon, "Lavrov and Ushakov will fly to Riyadh today and will hold a meeting on Tuesday.", []string{"today=2025-02-17", "on Tuesday=2025-02-18"}},
		{"different tenses in one sentence", tue, `He said a summit was "unlikely" next week, but the two sides on Tuesday discussed conditions.`, []string{"next week=2025-W09", "on Tuesday=2025-02-18"}},

		// Expressions are looked for only around their key words (see
		// windowMatches): each kind at its widest, and key words in
		// capitals, hyphenated or abbreviated.
		{"ordinal day around its number", "2025-03-26", "Talks resumed on the 3rd, officials said.", []string{"on the 3rd=2025-03-03"}},
		{"hyphenated part of a month", "2025-03-26", "Grain exports rose in mid-March.", []string{"in mid-March=2025-03"}},
		{"next weekday", "2025-03-26", "The envoys will meet next Tuesday in Riyadh.", []string{"next Tuesday=2025-04-01"}},
		{"a week later counts from the date before it", "2025-03-26", "On March 3 the envoys met; a week later they signed.", []string{"On March 3=2025-03-03", "a week later=2025-W11"}},
		{"two words before a month, two after", "2025-03-26", "The TUESDAY talks ended as of March 3, 2025.", []string{"TUESDAY=2025-03-25", "as of March 3, 2025=2025-03-03"}},
		{"ordinal day before an abbreviated month", "2025-03-26", "Officials met on the 3rd of Feb. in Riyadh.", []string{"on the 3rd of Feb.=2025-02-03"}},
		// A weekday before a date without its year says the year: read
		// forward from 21 July 2025, "19 July" would be 2026's, a Sunday.
		{"the weekday of a yearless date says its year", "2025-07-21", "High pressure is expected to stay until at least Saturday 19 July.", []string{"19 July=2025-07-19"}},
		{"a weekday that fits no year near leaves the date", "2025-07-21", "It is expected to stay until Friday 19 July.", []string{"19 July=2026-07-19"}},
		{"three words before a part, one after", "2025-03-26", "Exports fell in the second half of 2024.", []string{"in the second half of 2024=2024"}},
		// An ISO date is not read: its year is followed by "-03" (see
		// plausible).
		{"ISO date", "2025-03-26", "The figures of 2025-03-24 were revised.", nil},

		// Not dates.
		{"may the verb", tue, "Washington may pressure Ukraine on territory.", nil},
		{"counts are not years", tue, "About 2000 troops were moved.", nil},
		{"a byline year after a comma", mon, "Verified by 17 de febrero, 2025", nil},
		{"recently gives no date", wed, "Hegseth recently stated that NATO membership is unrealistic.", nil},
		{"in recent days gives no date", tue, "Officials had spoken with European leaders in recent days.", nil},
		{"numbers", wed, "Ukraine said 176 drones were fired and 38 apartments evacuated.", nil},
		{"a time span is not a date", tue, "the 4.5-hour meeting in Riyadh", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(tt.sentence, day(tt.pub)) {
				if tt.sentence[m.Start:m.End] != m.Text {
					t.Errorf("offsets [%d:%d] do not give %q", m.Start, m.End, m.Text)
				}
				got = append(got, m.Text+"="+m.Date.String())
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Find(%q, %s)\n got %q\nwant %q", tt.sentence, tt.pub, got, tt.want)
			}
		})
	}
}

func TestTense(t *testing.T) {
	tests := []struct {
		sentence, expr string
		want           Direction
	}{
		{"Officials will meet on Tuesday.", "on Tuesday", Future},
		{"Officials met on Tuesday.", "on Tuesday", Past},
		{"On Monday, Macron convened a meeting.", "On Monday", Past},
		{"The talks scheduled for Tuesday.", "Tuesday", Future},
		{"Officials meet on Tuesday.", "on Tuesday", Unknown},
		{"They'll meet on Tuesday.", "on Tuesday", Future},
		{`He said: "we meet on Tuesday."`, "on Tuesday", Unknown},
		{"Kyiv has spoken on Monday.", "on Monday", Past},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			i := strings.Index(tt.sentence, tt.expr)
			if got := Tense(tt.sentence, i, i+len(tt.expr)); got != tt.want {
				t.Errorf("Tense = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"On February 16, Trump met Putin.", "last week", "in 2018", "on Tuesday’s", "Feb. 29, 2024", "3 weeks ago",
		"in the second half of April", "by the end of the week", "On March 3 they met; two days later, the next day", "11:40 — x", "on the 31st", "late 2024"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		pub := day(tue).AddDate(0, 0, int(days%4000))
		prev := -1
		for _, m := range Find(s, pub) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m, s)
			}
			if m.Start < prev {
				t.Fatalf("mentions out of order or overlapping in %q", s)
			}
			prev = m.End
			if m.Date.IsZero() {
				t.Fatalf("zero date for %q", m.Text)
			}
			if from, to := m.Span(); from.After(to) || from.Before(m.Date.Start) || to.After(m.Date.End()) {
				t.Fatalf("span %s..%s of %q outside %v", from, to, m.Text, m.Date)
			}
		}
	})
}
