package english

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// "U.S." inside a sentence is an abbreviation (000).
		{"us-inside", "While the U.S. hopes to make significant progress towards de-escalating the conflict, Zelenskyy has expressed skepticism.",
			[]string{"While the U.S. hopes to make significant progress towards de-escalating the conflict, Zelenskyy has expressed skepticism."}},
		// "U.S." before a capitalised title word does not end the sentence (001).
		{"us-before-title", "In addition to Rubio, U.S. National Security Adviser Mike Waltz attended. Lavrov joined.",
			[]string{"In addition to Rubio, U.S. National Security Adviser Mike Waltz attended.", "Lavrov joined."}},
		// "U.S." that ends a sentence, before an opener ("The").
		{"us-ends", "The talks were held without the U.S. The Kremlin agreed.",
			[]string{"The talks were held without the U.S.", "The Kremlin agreed."}},
		// A blank line always ends a sentence, even after "U.S." (000).
		{"paragraph", "Leading the U.S.\n\ndelegation will be Secretary of State Marco Rubio.",
			[]string{"Leading the U.S.", "delegation will be Secretary of State Marco Rubio."}},
		// A blank line of spaces is still a blank line.
		{"paragraph-spaces", "First heading\n  \t\nSecond one.", []string{"First heading", "Second one."}},
		// A single line break is white space (hard-wrapped text).
		{"wrapped", "The meeting took place\nat the Diriyah Palace. It lasted.", []string{"The meeting took place\nat the Diriyah Palace.", "It lasted."}},
		// Month abbreviation in brackets: "(Feb. 18)".
		{"month", "The talks (Feb. 18) were useful. Both sides agreed.", []string{"The talks (Feb. 18) were useful.", "Both sides agreed."}},
		// A no-break space before the abbreviation: "on\u00a0Feb. 18".
		{"nbsp-month", "They met on\u00a0Feb. 18 in Riyadh. Both sides agreed.", []string{"They met on\u00a0Feb. 18 in Riyadh.", "Both sides agreed."}},
		// A curly quote before a title: "“Mr. Rubio".
		{"curly-title", "He wrote “Mr. Rubio agreed.” Then he left.", []string{"He wrote “Mr. Rubio agreed.”", "Then he left."}},
		// Titles: "Mr.", "Dr.", "Gen."
		{"titles", "Mr. Rubio met Dr. Smith and Gen. Kellogg. They talked.", []string{"Mr. Rubio met Dr. Smith and Gen. Kellogg.", "They talked."}},
		// An initial: "J. D. Vance".
		{"initials", "Vice President J. D. Vance spoke in Munich. Europe listened.", []string{"Vice President J. D. Vance spoke in Munich.", "Europe listened."}},
		// Decimals and hyphens: "4.5-hour" (004).
		{"decimal", `when asked about the 4.5-hour meeting in Riyadh, Saudia Arabia. "It was a very serious discussion."`,
			[]string{"when asked about the 4.5-hour meeting in Riyadh, Saudia Arabia.", `"It was a very serious discussion."`}},
		// A curly quote closes the sentence: `.”` (001).
		{"curly-quote", "“The conversation was very useful,” he said, adding that “the American side has started to better understand our position.” Although no date was set.",
			[]string{"“The conversation was very useful,” he said, adding that “the American side has started to better understand our position.”", "Although no date was set."}},
		// A straight quote closes the sentence: `."` (004).
		{"straight-quote", `described as part of efforts to "restore the full scope of U.S.-Russia relations." Representing Washington were Rubio and Waltz.`,
			[]string{`described as part of efforts to "restore the full scope of U.S.-Russia relations."`, "Representing Washington were Rubio and Waltz."}},
		// `?"` followed by lower case continues the sentence.
		{"question-quote-said", `"Who will pay?" he asked. Nobody knew.`, []string{`"Who will pay?" he asked.`, "Nobody knew."}},
		// A question mark ends a heading-like sentence (003).
		{"question", "What Comes Next? The Riyadh meeting marks the first major step.", []string{"What Comes Next?", "The Riyadh meeting marks the first major step."}},
		// An ellipsis before lower case is inside a quote (004).
		{"ellipsis-inside", `called the discussions "positive, upbeat, constructive... solution-based." "We couldn't have imagined a better result," Witkoff said.`,
			[]string{`called the discussions "positive, upbeat, constructive... solution-based."`, `"We couldn't have imagined a better result," Witkoff said.`}},
		// An ellipsis before a capital ends the sentence.
		{"ellipsis-ends", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		// "e.g." and "i.e." never end a sentence.
		{"eg", "Some allies, e.g. Poland, want more. Others do not.", []string{"Some allies, e.g. Poland, want more.", "Others do not."}},
		// "a.m." before a capitalised name continues, before "The" ends.
		{"am", "They met at 10 a.m. Moscow time. The talks began at 11 a.m. The press waited.",
			[]string{"They met at 10 a.m. Moscow time.", "The talks began at 11 a.m.", "The press waited."}},
		// "No." before a number is an abbreviation.
		{"number", "He lives at No. 10 Downing Street. It is old.", []string{"He lives at No. 10 Downing Street.", "It is old."}},
		// A period before a digit starts a new sentence ("2025. 176 drones").
		{"digit-start", "It happened in 2025. 176 drones were fired.", []string{"It happened in 2025.", "176 drones were fired."}},
		// Lower case after a period: not a new sentence (a typo or a list).
		{"lower", "The U.S. and Russia agreed. and then they left.", []string{"The U.S. and Russia agreed. and then they left."}},
		// No terminal punctuation at all (000 ends without a period).
		{"no-period", "a resolution to the protracted war in Ukraine", []string{"a resolution to the protracted war in Ukraine"}},
		// Only white space.
		{"blank", " \n\n\t ", nil},
		// An em dash and a URL are not ends.
		{"url", "See https://www.themoscowtimes.com/2025/02/18/a88061 for more. Done.", []string{"See https://www.themoscowtimes.com/2025/02/18/a88061 for more.", "Done."}},
		// "!" ends a sentence, closing bracket kept.
		{"bang-bracket", "They agreed (finally!) Then they ate.", []string{"They agreed (finally!)", "Then they ate."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkSplit(t, tt.text, got)
		})
	}
}

// checkSplit checks the invariants of Split: each sentence is a trimmed,
// non-empty substring of text, in order, and only white space is lost. The
// positions come from sentenceSpans, as a substring search could match
// inside a multi-byte character of invalid UTF-8.
func checkSplit(t *testing.T, text string, sents []string) {
	t.Helper()
	spans := sentenceSpans(text)
	if len(spans) != len(sents) {
		t.Fatalf("%d spans for %d sentences", len(spans), len(sents))
	}
	pos := 0
	for i, s := range sents {
		sp := spans[i]
		if sp[0] < pos || sp[1] <= sp[0] || text[sp[0]:sp[1]] != s {
			t.Fatalf("sentence %d %q does not match span %v after %d", i, s, sp, pos)
		}
		if !strings.Contains(text, s) {
			t.Fatalf("sentence %q not in text", s)
		}
		if strings.TrimFunc(s, unicode.IsSpace) != s {
			t.Fatalf("sentence %q is untrimmed", s)
		}
		if gap := text[pos:sp[0]]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("lost non-space text %q", gap)
		}
		pos = sp[1]
	}
	if rest := text[pos:]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("lost non-space tail %q", rest)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Leading the U.S.\n\ndelegation will be Rubio.",
		"“The conversation was very useful,” he said. Lavrov agreed.",
		`"positive, upbeat, constructive... solution-based." "We couldn't," he said.`,
		"the 4.5-hour meeting (Feb. 18) with Mr. J. Smith, e.g. at 10 a.m. The end?! Yes…",
		"\n \n\t. . .\u00a0\u2028?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSplit(t, text, Split(text))
	})
}

func TestIsAbbrev(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"U.S.", true},      // dotted initials
		{"Mr.", true},       // title
		{"Feb.", true},      // month
		{"D.", true},        // single initial
		{"Tuesday.", false}, // sentence end
		{"State.”", false},  // sentence end inside a quote
		{"U.S", false},      // no final period
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IsAbbreviation(tt.word); got != tt.want {
				t.Errorf("IsAbbreviation(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestMonthAndWeekday(t *testing.T) {
	tests := []struct {
		word     string
		calendar bool
	}{
		{"February", true}, // a full month name
		{"feb.", true},     // an abbreviation with its period
		{"Sept", true},     // the four-letter abbreviation of September
		{"Tuesday", true},  // a weekday
		{"Marc", false},    // a name, not a month
		{"Ma", false},      // too short to be an abbreviation
		{"", false},        // nothing
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IsCalendarWord(tt.word); got != tt.calendar {
				t.Errorf("IsCalendarWord(%q) = %v, want %v", tt.word, got, tt.calendar)
			}
		})
	}
}

func TestMarkerNumbers(t *testing.T) {
	tests := []struct {
		marker string
		want   []int
	}{
		{"[1]", []int{1}},           // one passage
		{"[1, 3]", []int{1, 3}},     // a list
		{"[2-4]", []int{2, 3, 4}},   // a range
		{"[1 and 2]", []int{1, 2}},  // words
		{"[1-40]", nil},             // a range too long to be meant
		{" [ 5 ; 6 ]", []int{5, 6}}, // spaces and semicolons
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			if got := MarkerNumbers(tt.marker); !slices.Equal(got, tt.want) {
				t.Errorf("MarkerNumbers(%q) = %v, want %v", tt.marker, got, tt.want)
			}
			if !Markers.MatchString(tt.marker) {
				t.Errorf("Markers does not match %q", tt.marker)
			}
		})
	}
}
