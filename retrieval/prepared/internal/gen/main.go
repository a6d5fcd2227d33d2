// Command gen writes the built-in articles, prepared, to the file the
// prepared package embeds. The package's go:generate line runs it:
//
//	go generate ./retrieval/prepared
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/talksbot/talksbot/retrieval"
	"github.com/talksbot/talksbot/retrieval/prepared"
)

func main() {
	out := flag.String("o", "builtin.bin", "file to write")
	flag.Parse()
	s, err := prepared.BuildBuiltin(context.Background(), retrieval.Options{})
	if err == nil {
		var b bytes.Buffer
		if err = s.Write(&b); err == nil {
			err = os.WriteFile(*out, b.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
