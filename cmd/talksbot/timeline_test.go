package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// timelineEvent is one element of the timeline --json contract (DESIGN.md).
type timelineEvent struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Text      string `json:"text"`
	Citations []struct {
		N         int    `json:"n"`
		Article   string `json:"article"`
		Outlet    string `json:"outlet"`
		Published string `json:"published"`
		Quote     string `json:"quote"`
	} `json:"citations"`
}

var datePattern = map[string]*regexp.Regexp{
	"day":   regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	"week":  regexp.MustCompile(`^\d{4}-W\d{2}$`),
	"month": regexp.MustCompile(`^\d{4}-\d{2}$`),
	"year":  regexp.MustCompile(`^\d{4}$`),
}

func timelineJSON(t *testing.T, args ...string) []timelineEvent {
	t.Helper()
	out, errOut, err := runCmd(t, "", append([]string{"timeline", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	var evs []timelineEvent
	if err := json.Unmarshal([]byte(out), &evs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	return evs
}

func TestTimelineJSONContract(t *testing.T) {
	evs := timelineJSON(t)
	if len(evs) < 10 {
		t.Fatalf("only %d events", len(evs))
	}
	prev := ""
	for _, ev := range evs {
		re, ok := datePattern[ev.Precision]
		if !ok || !re.MatchString(ev.Date) {
			t.Errorf("date %q does not match precision %q", ev.Date, ev.Precision)
		}
		if ev.Text == "" || len(ev.Citations) == 0 {
			t.Errorf("%s: empty text or no citations", ev.Date)
		}
		for i, c := range ev.Citations {
			if c.N != i+1 || c.Quote == "" || c.Article == "" || c.Published == "" {
				t.Errorf("%s: bad citation %+v", ev.Date, c)
			}
		}
		// Date order, compared on the first day of each span (weeks sort
		// by their Monday, which the string does not show: skip them).
		if ev.Precision != "week" {
			start := ev.Date + "-01-01"[len(ev.Date)-4:]
			if start < prev {
				t.Errorf("%s out of order after %s", ev.Date, prev)
			}
			prev = start
		}
	}
}

func TestTimelineFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, evs []timelineEvent)
	}{
		{"one day", []string{"--from", "2025-02-18", "--to", "2025-02-18"}, func(t *testing.T, evs []timelineEvent) {
			if len(evs) == 0 {
				t.Fatal("no events on the day of the talks")
			}
			for _, ev := range evs {
				if ev.Date != "2025-02-18" && ev.Date != "2025-W08" && ev.Date != "2025-02" && ev.Date != "2025" {
					t.Errorf("event of %s outside 2025-02-18", ev.Date)
				}
			}
		}},
		{"before 2025", []string{"--to", "2024"}, func(t *testing.T, evs []timelineEvent) {
			for _, ev := range evs {
				if ev.Date >= "2025" {
					t.Errorf("event of %s after 2024", ev.Date)
				}
			}
			if len(evs) == 0 {
				t.Error("no older events (the 2022 invasion, 2018)")
			}
		}},
		{"about drones", []string{"--about", "drone attacks"}, func(t *testing.T, evs []timelineEvent) {
			if len(evs) != 1 || !strings.Contains(evs[0].Text, "drone") {
				t.Errorf("want the drone attack alone, got %+v", evs)
			}
		}},
		{"about nothing", []string{"--about", "zebra migration"}, func(t *testing.T, evs []timelineEvent) {
			if len(evs) != 0 {
				t.Errorf("want no events, got %d", len(evs))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, timelineJSON(t, tt.args...)) })
	}
}

func TestTimelineErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad date", []string{"--from", "Feb 18"}, `--from "Feb 18" is not a date`},
		{"reversed range", []string{"--from", "2025-02-19", "--to", "2025-02-17"}, "is before --from"},
		{"stray argument", []string{"drones"}, `unexpected argument "drones"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, err := runCmd(t, "", append([]string{"timeline"}, tt.args...)...)
			if err == nil || !strings.Contains(errOut, tt.want) {
				t.Errorf("err %v, stderr %q; want it to say %q", err, errOut, tt.want)
			}
		})
	}
}

func TestTimelineText(t *testing.T) {
	out, errOut, err := runCmd(t, "", "timeline", "--about", "emergency meeting")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	if !strings.HasPrefix(out, "2025-02-17  ") || !strings.Contains(out, "Macron") || !strings.Contains(out, " 2025-02-18]") {
		t.Errorf("want a line with date, text and [outlet date]:\n%s", out)
	}
	out, _, err = runCmd(t, "", "timeline", "--about", "zebra migration")
	if err != nil || !strings.Contains(out, "No dated events match.") {
		t.Errorf("err %v, output %q", err, out)
	}
}
