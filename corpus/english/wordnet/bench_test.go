package wordnet

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

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

var firstUse = flag.String("firstuse", "", "as a child process of BenchmarkFirstUse: look up these words (comma-separated) and print the time taken")

// BenchmarkFirstUse measures what a process pays to use the package once:
// each iteration starts the test binary afresh (TestFirstUseChild), which
// times, from inside, the first load and the Related lookups of the words
// of a sub-benchmark, so the embedded file's pages are touched for the
// first time, as in a command run once. The figure that matters is
// first-µs (the median over the runs); ns/op includes starting the process.
func BenchmarkFirstUse(b *testing.B) {
	for _, words := range []string{"headed", "Riyadh", "led,U.S.,delegation,Riyadh,talks"} {
		b.Run(words, func(b *testing.B) {
			var us []float64
			for b.Loop() {
				out, err := exec.Command(os.Args[0], "-test.run=^TestFirstUseChild$", "-firstuse="+words).Output()
				if err != nil {
					b.Fatalf("child: %v", err)
				}
				var d time.Duration
				if _, err := fmt.Sscanf(string(out), "first use %d", &d); err != nil {
					b.Fatalf("child said %q: %v", out, err)
				}
				us = append(us, float64(d.Microseconds()))
			}
			slices.Sort(us)
			b.ReportMetric(us[len(us)/2], "first-µs")
			b.ReportMetric(us[0], "min-first-µs")
		})
	}
}

// TestFirstUseChild is the child process of BenchmarkFirstUse.
func TestFirstUseChild(t *testing.T) {
	if *firstUse == "" {
		t.Skip("run by BenchmarkFirstUse")
	}
	start := time.Now()
	for _, w := range strings.Split(*firstUse, ",") {
		Related(w)
	}
	fmt.Printf("first use %d\n", time.Since(start))
}
