package wordnet

import "testing"

// BenchmarkLoad is the cost of first use: reading the header of the
// embedded file (the tables are read in place, never decoded).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLemmas(b *testing.B) {
	lx := Load()
	for b.Loop() {
		lx.Lemmas("negotiations")
	}
}

func BenchmarkKnown(b *testing.B) {
	lx := Load()
	for b.Loop() {
		lx.Known("zelensky")
	}
}

// BenchmarkRelated looks up a word with many senses in two parts of speech.
func BenchmarkRelated(b *testing.B) {
	lx := Load()
	for b.Loop() {
		lx.Related("headed")
	}
}

func BenchmarkRelatedSmall(b *testing.B) {
	lx := Load()
	for b.Loop() {
		lx.Related("Riyadh")
	}
}
