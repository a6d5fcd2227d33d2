package extractive

import "testing"

func TestLeansOnPrevious(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"He also announced that he would postpone a planned trip.", true},        // pronoun subject
		{"“The conversation was very useful,” he said.", true},                    // opens with a quotation
		{"Russian Foreign Minister Sergei Lavrov expressed satisfaction.", false}, // names its subject
		{"Their comments suggest a thaw.", true},                                  // possessive pronoun
		{"Hegseth said NATO membership is unrealistic.", false},                   // name that starts like "He"
		{"A: We can load about 30 ships a week.", true},                           // an interview's answer leans on its question
		{"A deal was reached on Thursday.", false},                                // the article "A" opens a sentence
	}
	for _, tt := range tests {
		if got := leansOnPrevious(tt.s); got != tt.want {
			t.Errorf("leansOnPrevious(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
