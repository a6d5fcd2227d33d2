package dates

import (
	"strings"
	"testing"
)

func TestFindIn(t *testing.T) {
	const thu = "2025-03-27" // Thursday
	tests := []struct {
		name      string
		pub       string
		sentences []string
		want      []string // per sentence: "expression=date" joined by "; ", "<-anchor" for anchored ones
	}{
		{"an interval said of the date before it is no date of its own", thu,
			[]string{"The notice, issued on 2 March, was lifted on 11 March, nine days later."},
			[]string{"on 2 March=2025-03-02; on 11 March=2025-03-11"}},
		{"days later in the same sentence", thu,
			[]string{"The talks opened on March 24 and ended two days later."},
			[]string{"on March 24=2025-03-24; two days later=2025-03-26<-on March 24"}},
		{"months later from the sentence before, at month precision", thu,
			[]string{"The ministers met on February 12, 2022.", "Six months later, the deal collapsed."},
			[]string{"on February 12, 2022=2022-02-12", "Six months later=2022-08<-on February 12, 2022"}},
		{"the next day", thu,
			[]string{"Talks opened on Monday.", "The next day, both sides walked out."},
			[]string{"on Monday=2025-03-24", "The next day=2025-03-25<-on Monday"}},
		{"the following week", thu,
			[]string{"The draft was signed on March 3.", "It was ratified the following week."},
			[]string{"on March 3=2025-03-03", "the following week=2025-W11<-on March 3"}},
		{"a day earlier", thu,
			[]string{"Kyiv reported the strike on March 5.", "A day earlier, Moscow had warned of it."},
			[]string{"on March 5=2025-03-05", "A day earlier=2025-03-04<-on March 5"}},
		{"the day before, at the end of its phrase", thu,
			[]string{"The vote came on March 12; the envoys had met the day before."},
			[]string{"on March 12=2025-03-12; the day before=2025-03-11<-on March 12"}},
		{"later that day", thu,
			[]string{"Ships left Odesa on Tuesday.", "Later that day, a drone struck the port."},
			[]string{"on Tuesday=2025-03-25", "Later that day=2025-03-25<-on Tuesday"}},
		{"a year later from a day is a month", thu,
			[]string{"Russia invaded on February 24, 2022, and a year later the war went on."},
			[]string{"on February 24, 2022=2022-02-24; a year later=2023-02<-on February 24, 2022"}},
		{"anchored dates chain", thu,
			[]string{"The talks opened on March 3; two days later they stalled, and the next day they collapsed."},
			[]string{"on March 3=2025-03-03; two days later=2025-03-05<-on March 3; the next day=2025-03-06<-two days later"}},
		{"no anchor, no date", thu,
			[]string{"Nothing was said.", "Two days later, the talks collapsed."},
			[]string{"", ""}},
		{"the anchor is the sentence before only", thu,
			[]string{"Talks opened on Monday.", "Nothing was said.", "The next day, both sides walked out."},
			[]string{"on Monday=2025-03-24", "", ""}},
		{"days from a month cannot be counted", thu,
			[]string{"The talks began in March.", "Two days later, they stalled."},
			[]string{"in March=2025-03", ""}},
		{"days before an event count from the event", thu,
			[]string{"The talks opened on Monday.", "Two days before the vote, the envoys met."},
			[]string{"on Monday=2025-03-24", ""}},
		{"a length of time is no date", thu,
			[]string{"The talks opened on Monday.", "Prices fell over the following week."},
			[]string{"on Monday=2025-03-24", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := FindIn(tt.sentences, day(tt.pub))
			if len(all) != len(tt.sentences) {
				t.Fatalf("FindIn returned %d sentences, want %d", len(all), len(tt.sentences))
			}
			for i, ms := range all {
				var got []string
				for _, m := range ms {
					g := m.Text + "=" + m.Date.String()
					if m.Anchor != "" {
						g += "<-" + m.Anchor
					}
					got = append(got, g)
				}
				if g := strings.Join(got, "; "); g != tt.want[i] {
					t.Errorf("sentence %d %q\n got %q\nwant %q", i, tt.sentences[i], g, tt.want[i])
				}
			}
		})
	}
}

// TestFindKeepsToItsSentence checks that Find, unlike FindIn, counts from
// no date outside its sentence.
func TestFindKeepsToItsSentence(t *testing.T) {
	if ms := Find("The next day, both sides walked out.", day("2025-03-27")); len(ms) != 0 {
		t.Errorf("Find dated %q without an anchor: %v", ms[0].Text, ms[0].Date)
	}
}

func FuzzFindIn(f *testing.F) {
	for _, s := range []string{"On March 3 they met. Two days later they left. The next day, talks ended.", "In 2022. A year later.", "11:40 — x. The day before, y."} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		pub := day(tue).AddDate(0, 0, int(days%4000))
		sentences := strings.Split(s, ". ")
		all := FindIn(sentences, pub)
		if len(all) != len(sentences) {
			t.Fatalf("%d results for %d sentences", len(all), len(sentences))
		}
		for i, ms := range all {
			prev := -1
			for _, m := range ms {
				if m.Start < prev || m.Start >= m.End || sentences[i][m.Start:m.End] != m.Text || m.Date.IsZero() {
					t.Fatalf("bad mention %+v in %q", m, sentences[i])
				}
				prev = m.End
			}
		}
	})
}
