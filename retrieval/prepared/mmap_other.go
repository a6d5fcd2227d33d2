//go:build !linux

package prepared

import (
	"os"
	"sync/atomic"
)

// mapping is a file mapped into memory, which only Linux does here
// (see mmap_linux.go); elsewhere the file is read.
type mapping struct {
	data []byte
}

var mapped atomic.Int64

func mapFile(*os.File, bool) (*mapping, error) { return nil, errNoMap }

func (m *mapping) drop(int) {}
