package corpus

import "errors"

// Embedded returns the articles shipped in the binary.
func Embedded() ([]Article, error) { return nil, errors.New("not implemented") } // TODO(corpus)

// LoadDir loads every article file of dir. A malformed file yields an error
// naming the file and the problem; the other files still load.
func LoadDir(dir string) ([]Article, []error) { return nil, []error{errors.New("not implemented")} } // TODO(corpus)
