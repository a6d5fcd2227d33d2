package prepared

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks the kernel to back b, not yet touched, with huge pages
// (transparent huge pages in "madvise" mode), so that filling it faults
// once per 2 MB instead of once per 4 KB: at 5,000 articles the page faults
// of reading the 263 MB state into fresh memory were a fifth of a warm call.
// Only whole 2 MB pages inside b are advised; a refusal is harmless.
func adviseHuge(b []byte) {
	const huge = 2 << 20
	if len(b) < 2*huge {
		return
	}
	p := uintptr(unsafe.Pointer(&b[0]))
	start := int((huge - p%huge) % huge)
	end := start + (len(b)-start)/huge*huge
	if end > start {
		syscall.Madvise(b[start:end], 14) // MADV_HUGEPAGE
	}
}
