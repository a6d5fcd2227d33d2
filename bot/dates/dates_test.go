package dates

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDateString(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want string
		end  string
	}{
		{"a day", OnDay(day("2025-02-18")), "2025-02-18", "2025-02-18"},
		{"a week from its Wednesday", InWeek(day("2025-02-12")), "2025-W07", "2025-02-16"},
		{"a week from its Sunday", InWeek(day("2025-02-16")), "2025-W07", "2025-02-16"},
		{"a week from its Monday", InWeek(day("2025-02-17")), "2025-W08", "2025-02-23"},
		{"ISO week 1 starts in the old year", InWeek(day("2025-01-01")), "2025-W01", "2025-01-05"},
		{"ISO week 53 ends in the new year", InWeek(day("2021-01-02")), "2020-W53", "2021-01-03"},
		{"a month", InMonth(2022, time.February), "2022-02", "2022-02-28"},
		{"a leap February", InMonth(2024, time.February), "2024-02", "2024-02-29"},
		{"a year", InYear(2018), "2018", "2018-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := tt.d.End().Format("2006-01-02"); got != tt.end {
				t.Errorf("End() = %s, want %s", got, tt.end)
			}
			back, err := Parse(tt.want)
			if err != nil || back != tt.d {
				t.Errorf("Parse(%q) = %v, %v; want %v", tt.want, back, err, tt.d)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", "yesterday", "2025-13-01", "2025-02-30", "2025-W54", "2021-W53", "25", "2025/02/18"} {
		t.Run(s, func(t *testing.T) {
			if d, err := Parse(s); err == nil {
				t.Errorf("Parse(%q) = %v, want an error", s, d)
			}
		})
	}
}

func TestOverlapsAndContains(t *testing.T) {
	w07 := InWeek(day("2025-02-12"))
	tests := []struct {
		name     string
		d        Date
		from, to string
		want     bool
	}{
		{"inside", OnDay(day("2025-02-18")), "2025-02-17", "2025-02-19", true},
		{"on the lower bound", OnDay(day("2025-02-17")), "2025-02-17", "", true},
		{"before", OnDay(day("2025-02-16")), "2025-02-17", "", false},
		{"a week that reaches into the range", w07, "2025-02-16", "2025-02-20", true},
		{"a week that ends before it", w07, "2025-02-17", "", false},
		{"a year after the range", InYear(2022), "", "2021-12-31", false},
		{"open both ends", InYear(2018), "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var from, to time.Time
			if tt.from != "" {
				from = day(tt.from)
			}
			if tt.to != "" {
				to = day(tt.to)
			}
			if got := tt.d.Overlaps(from, to); got != tt.want {
				t.Errorf("%v.Overlaps(%s, %s) = %v, want %v", tt.d, tt.from, tt.to, got, tt.want)
			}
		})
	}
	if !InYear(2022).Contains(InMonth(2022, time.February)) || InMonth(2022, time.February).Contains(InYear(2022)) {
		t.Error("Contains: a year must contain its months and not the reverse")
	}
}

func TestHuman(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{OnDay(day("2025-02-18")), "Tuesday, February 18, 2025"},
		{InWeek(day("2025-02-12")), "the week of February 10, 2025"},
		{InMonth(2022, time.February), "February 2022"},
		{InYear(2018), "2018"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.d.Human(); got != tt.want {
				t.Errorf("Human() = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2025-02-18", "2025-W07", "2025-02", "2018", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(d.String())
		if err != nil || back != d {
			t.Errorf("Parse(%q) = %v, but Parse(%q) = %v, %v", s, d, d.String(), back, err)
		}
	})
}
