package timeline

import (
	"regexp"
	"sync"
)

// lazyRE returns expr compiled on first use: compiled at package init, the
// package's expressions cost every process start, talksbot help included,
// whether or not the process reads them.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
