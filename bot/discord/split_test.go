package discord

import (
	"strings"
	"testing"
	"unicode"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		// Short text is one part, trimmed.
		{"short", "  hello world \n", 20, []string{"hello world"}},
		// Empty text has no parts at all.
		{"empty", " \n\n ", 10, nil},
		// A paragraph break beats a line break and a space.
		{"paragraph", "aaaa bbbb\ncccc\n\ndddd eeee", 20, []string{"aaaa bbbb\ncccc", "dddd eeee"}},
		// A line break beats a sentence end.
		{"line", "aaa. bbbb\ncccc dddd", 14, []string{"aaa. bbbb", "cccc dddd"}},
		// A sentence end beats a space.
		{"sentence", "One two. Three four five", 18, []string{"One two.", "Three four five"}},
		// Without punctuation, words.
		{"words", "alpha beta gamma delta", 12, []string{"alpha beta", "gamma delta"}},
		// A citation marker is never cut: the cut moves before it.
		{"marker", "aaaaaaaa[12]bbb", 10, []string{"aaaaaaaa", "[12]bbb"}},
		// A space inside a link title is not a cut.
		{"link", "see [the long title](<https://x.y/z>) now", 35, []string{"see", "[the long title](<https://x.y/z>)", "now"}},
		// No boundary at all: cut hard at the limit.
		{"hard", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		// Characters outside the BMP count two (UTF-16), and are not cut.
		{"astral", "😀😀😀", 4, []string{"😀😀", "😀"}},
		// A boundary too early is passed over for a later lesser one.
		{"early", "a\n\nbbbbbbbbbbbbbbbbbb cccc", 24, []string{"a\n\nbbbbbbbbbbbbbbbbbb", "cccc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Split(tc.text, tc.limit)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Split(%q, %d)\n got %q\nwant %q", tc.text, tc.limit, got, tc.want)
			}
			checkParts(t, tc.text, tc.limit, got)
		})
	}
}

func TestSplitDiscordSized(t *testing.T) {
	// An answer of many cited sentences and a long source list.
	var b strings.Builder
	for i := 1; i <= 120; i++ {
		b.WriteString("The delegations met in Riyadh and agreed to keep talking [")
		b.WriteString(strings.Repeat("1", 1+i%3))
		b.WriteString("]. ")
		if i%10 == 0 {
			b.WriteString("\n\n")
		}
	}
	for i := 1; i <= 30; i++ {
		b.WriteString("\n1. Outlet, 2025-02-18: [A title with words](<https://example.com/a/long/path>)")
	}
	text := b.String()
	parts := Split(text, MaxContent)
	if len(parts) < 2 {
		t.Fatalf("got %d parts, want several", len(parts))
	}
	checkParts(t, text, MaxContent, parts)
}

// checkParts checks what every split must satisfy: parts within the limit,
// non-empty, together the whole text but for whitespace, and no marker or
// link cut when it fits in a part.
func checkParts(t *testing.T, text string, limit int, parts []string) {
	t.Helper()
	for i, p := range parts {
		if Length(p) > limit {
			t.Errorf("part %d is %d long, over %d", i, Length(p), limit)
		}
		if strings.TrimSpace(p) == "" {
			t.Errorf("part %d is empty", i)
		}
	}
	if got, want := squeezeAll(parts), squeeze(text); got != want {
		t.Errorf("parts do not add up to the text:\n got %q\nwant %q", got, want)
	}
	whole := 0
	for _, m := range protected.FindAllString(text, -1) {
		if Length(m) <= limit && !strings.ContainsFunc(m, unicode.IsSpace) {
			whole++
		}
	}
	found := 0
	for _, p := range parts {
		for _, m := range protected.FindAllString(p, -1) {
			if Length(m) <= limit && !strings.ContainsFunc(m, unicode.IsSpace) {
				found++
			}
		}
	}
	if found < whole {
		t.Errorf("%d of %d markers and links were cut", whole-found, whole)
	}
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func FuzzSplit(f *testing.F) {
	f.Add("The talks [1] ended. See [title](<https://a.b/c>).\n\nNext [2].", 12)
	f.Add("aaaa bbbb\ncccc\n\ndddd", 5)
	f.Add("😀 [1][2][3] x", 3)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 2 || limit > 4000 {
			return
		}
		parts := Split(text, limit)
		for i, p := range parts {
			if Length(p) > limit {
				t.Fatalf("part %d is %d long, over %d", i, Length(p), limit)
			}
			if p == "" {
				t.Fatalf("part %d is empty", i)
			}
		}
		if got, want := squeezeAll(parts), squeeze(text); got != want {
			t.Fatalf("parts do not add up to the text:\n got %q\nwant %q", got, want)
		}
	})
}

// squeezeAll squeezes each part on its own: joined first, invalid bytes at
// the ends of two parts could make one valid character.
func squeezeAll(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(squeeze(p))
	}
	return b.String()
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("The delegations met in Riyadh [1] and agreed to talk again [2]. ", 200) // ~13 kB
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text, MaxContent)
	}
}
