package prepared

import (
	"os"
	"runtime"
	"sync/atomic"
	"syscall"
)

// mapping is a file mapped read-only into memory. It is unmapped once it
// is unreachable: an index whose vectors lie in it holds it (see
// retrieval.IndexState.Keep), so a corpus swapped out by a reload gives
// its memory back when its last question is answered.
type mapping struct {
	data []byte
}

// mapped counts the mappings not yet unmapped (for tests).
var mapped atomic.Int64

// mapFile maps the whole of f into memory, read-only, its pages read
// ahead; with release, it is unmapped once the mapping is unreachable,
// else never. The file must not be written in place while mapped (the
// cache replaces files by renaming new ones over them, which leaves a
// mapping of the old one intact).
func mapFile(f *os.File, release bool) (*mapping, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size <= 0 || int64(int(size)) != size {
		return nil, errNoMap
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED|syscall.MAP_POPULATE)
	if err != nil {
		return nil, err
	}
	m := &mapping{data: data}
	mapped.Add(1)
	if !release {
		return m, nil
	}
	runtime.AddCleanup(m, func(b []byte) {
		syscall.Munmap(b)
		mapped.Add(-1)
	}, data)
	return m, nil
}

// drop gives back the pages of the first n bytes of the mapping, read and
// no longer needed (the header, once decoded into the Go heap): they stay
// in the page cache, but count no more in the process's memory. Reading
// them again would read the file again.
func (m *mapping) drop(n int) {
	n -= n % os.Getpagesize()
	if n > 0 {
		syscall.Madvise(m.data[:n], syscall.MADV_DONTNEED)
	}
}
