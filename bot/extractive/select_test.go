package extractive

import (
	"strings"
	"testing"
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
