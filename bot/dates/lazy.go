package dates

import (
	"regexp"
	"sync"
)

// lazyRE returns expr compiled on first use. The package's expressions are
// many and long; compiled at package init they cost every process start
// (talksbot help included, about 3–5 ms) whether dates are read or not.
// TestExpressionsCompile compiles them all, so a typo still fails a test.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
