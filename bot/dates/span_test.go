package dates

import (
	"strings"
	"testing"
	"time"
)

func TestFindParts(t *testing.T) {
	tests := []struct {
		name     string
		pub      string
		sentence string
		want     string // "expression=date from..to | human"; ".." bounds empty when open
	}{
		// Halves and thirds of a month, its year from the tense.
		{"second half of a month, modal ahead", "2025-03-28", "The first convoy could leave port in the second half of April.",
			"in the second half of April=2025-04 2025-04-16..2025-04-30 | second half of April 2025"},
		{"first half of a year", "2025-03-28", "Exports fell in the first half of 2024.",
			"in the first half of 2024=2024 2024-01-01..2024-06-30 | first half of 2024"},
		{"late month", "2025-03-20", "Talks will resume in late April.",
			"in late April=2025-04 2025-04-21..2025-04-30 | late April 2025"},
		{"late February has 28 days", "2025-03-20", "Prices peaked in late February.",
			"in late February=2025-02 2025-02-21..2025-02-28 | late February 2025"},
		{"mid-month with a hyphen", "2025-03-20", "The ministers will meet in mid-May.",
			"in mid-May=2025-05 2025-05-11..2025-05-20 | mid-May 2025"},
		{"early year", "2025-03-20", "Russia massed troops in early 2022.",
			"in early 2022=2022 2022-01-01..2022-04-30 | early 2022"},
		{"part of a month with its year", "2025-03-20", "The deal lapsed in late July 2023.",
			"in late July 2023=2023-07 2023-07-21..2023-07-31 | late July 2023"},
		// Parts of the publication's month, week or year.
		{"start of the month", "2025-03-26", "Premiums stood at 0.8 percent at the start of the month.",
			"at the start of the month=2025-03 2025-03-01..2025-03-10 | start of March 2025"},
		{"end of last year", "2025-03-26", "Trade slowed at the end of last year.",
			"at the end of last year=2024 2024-09-01..2024-12-31 | end of 2024"},
		{"the middle of next month", "2025-03-26", "A review is planned for the middle of next month.",
			"for the middle of next month=2025-04 2025-04-11..2025-04-20 | middle of April 2025"},
		// Deadlines have no start, starts no end.
		{"by the end of the week", "2025-03-26", "A text should be ready by the end of the week.",
			"by the end of the week=2025-W13 ..2025-03-30 | by the end of the week of March 24, 2025"},
		{"before the end of a month", "2025-03-26", "The corridor will open before the end of June.",
			"before the end of June=2025-06 ..2025-06-30 | before the end of June 2025"},
		{"since the start of the year", "2025-03-26", "Freight rates have doubled since the start of the year.",
			"since the start of the year=2025 2025-01-01.. | since the start of 2025"},
		// Not parts.
		{"the late president", "2025-03-26", "The late president spoke of peace.", ""},
		{"the end of the war", "2025-03-26", "Talks on the end of the war went on.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(tt.sentence, day(tt.pub)) {
				g := m.Text + "=" + m.Date.String()
				if m.Part != "" || !m.From.IsZero() || !m.To.IsZero() {
					g += " " + ymd(m.From) + ".." + ymd(m.To)
				}
				got = append(got, g+" | "+m.Human())
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("Find(%q, %s)\n got %q\nwant %q", tt.sentence, tt.pub, strings.Join(got, "; "), tt.want)
			}
		})
	}
}

func ymd(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
