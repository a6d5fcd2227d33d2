package check

import (
	"regexp"
	"sync"
)

// lazyRE returns expr compiled on first use: compiled at package init, the
// package's expressions cost every process start, talksbot help included,
// though only LLM answers are checked.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
