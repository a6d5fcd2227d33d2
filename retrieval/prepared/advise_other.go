//go:build !linux

package prepared

// adviseHuge is a hint only Linux takes (see advise_linux.go).
func adviseHuge([]byte) {}
