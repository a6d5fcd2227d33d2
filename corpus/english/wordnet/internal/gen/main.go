// Command gen converts the WordNet 3.0 database into the file that package
// wordnet embeds.
//
// Usage:
//
//	go run ./internal/gen [-dict DIR] [-o FILE]
//
// -dict is the WordNet dict directory holding data.*, index.*, *.exc and
// cntlist.rev; the default is where Debian's wordnet-base package puts it
// (apt-get install wordnet-base). -o is the file written, wordnet.bin by
// default. The package's go:generate line runs it from the package
// directory. What is kept is said in package build.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/talksbot/talksbot/corpus/english/wordnet/internal/build"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dict := fs.String("dict", "/usr/share/wordnet", "WordNet 3.0 dict directory (Debian: apt-get install wordnet-base)")
	out := fs.String("o", "wordnet.bin", "file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	b, st, err := build.File(*dict)
	if err != nil {
		return fmt.Errorf("build from %s: %w", *dict, err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gen: wrote %s: %d bytes, %d lemmas, %d synsets, %d pointers, %d irregular forms, %d gloss phrases (%d no lemma)\n",
		*out, len(b), st.Lemmas, st.Synsets, st.Pointers, st.Irregular, st.Glosses, st.GlossWords)
	return nil
}
