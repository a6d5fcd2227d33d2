package retrieval

import (
	"math"
	"slices"
	"testing"
)

func TestHashing(t *testing.T) {
	ctx := t.Context()
	h := NewHashing(0)
	if h.Dim() != DefaultDim {
		t.Fatalf("Dim() = %d, want %d", h.Dim(), DefaultDim)
	}
	texts := []string{
		"Zelensky postponed his trip to Saudi Arabia.",
		"Zelenskyy postponed his trip to Saudi Arabia.",
		"Volodymir Zelenski postponed the visit.",
		"176 drones were fired overnight.",
		"",
	}
	vs, err := h.Embed(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := h.Embed(ctx, texts)
	for i, v := range vs {
		if len(v) != DefaultDim {
			t.Fatalf("text %d: %d dims", i, len(v))
		}
		if !slices.Equal(v, again[i]) {
			t.Errorf("text %d: not deterministic", i)
		}
		var ss float64
		for _, x := range v {
			ss += float64(x) * float64(x)
		}
		if texts[i] == "" {
			if ss != 0 {
				t.Errorf("empty text: norm² %v, want 0", ss)
			}
			continue
		}
		if math.Abs(ss-1) > 1e-5 {
			t.Errorf("text %d: norm² %v, want 1", i, ss)
		}
	}
	cos := func(i, j int) float64 { return dot(vs[i], vs[j]) }
	if c := cos(0, 1); c < 0.99 {
		t.Errorf("cos(Zelensky, Zelenskyy) = %.3f, want ~1", c)
	}
	if cos(0, 2) <= cos(0, 3) {
		t.Errorf("a variant spelling (%.3f) should be nearer than an unrelated text (%.3f)", cos(0, 2), cos(0, 3))
	}
	if _, err := h.Embed(canceled(t), texts); err == nil {
		t.Error("Embed with a canceled context: no error")
	}
}

func TestAnswerCues(t *testing.T) {
	tests := []struct {
		question string
		want     bool // whether duration cues are added
	}{
		{"How long did the meeting last?", true},            // a duration question
		{"how much time did the talks take", true},          // another phrasing
		{"How many drones did Russia launch?", false},       // a count, not a duration
		{"Who led the delegation, and for how long?", true}, // the phrase anywhere
		{"Is this a long-term deal?", false},                // "long" alone is no cue
		{"what was the duration of the talks", true},        // the noun that asks it
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got := answerCues(tt.question)
			if has := slices.Contains(got, "hour"); has != tt.want {
				t.Errorf("answerCues(%q) = %q, want hour cue %v", tt.question, got, tt.want)
			}
		})
	}
}

// FuzzVector checks that any text gives a unit (or zero) vector without
// NaNs.
func FuzzVector(f *testing.F) {
	for _, s := range []string{"U.S.-Russian 4.5-hour talks", "Zelenskyy’s trip.", "a.b.c. 1.2.3 ’s ''", "\xff\xfe.5"} {
		f.Add(s)
	}
	h := NewHashing(64)
	f.Fuzz(func(t *testing.T, text string) {
		var ss float64
		for _, x := range h.Vector(text) {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				t.Fatalf("non-finite component in the vector of %q", text)
			}
			ss += float64(x) * float64(x)
		}
		if ss != 0 && math.Abs(ss-1) > 1e-4 {
			t.Fatalf("norm² %v", ss)
		}
	})
}
