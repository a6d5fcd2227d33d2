package corpus

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// MetaFile is the name of the metadata file of a corpus directory.
const MetaFile = "sources.json"

//go:embed articles/*.txt articles/sources.json
var embedded embed.FS

// Embedded returns the articles shipped in the binary: the five seed
// articles of corpus/articles, cleaned, sorted by date then id.
func Embedded() ([]Article, error) {
	arts, errs := load(embedded, "articles", "corpus/articles")
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return arts, nil
}

// LoadDir loads every article file of dir. A malformed file yields an error
// naming the file and the problem; the other files still load.
func LoadDir(dir string) ([]Article, []error) {
	return load(os.DirFS(dir), ".", dir)
}

// load loads the articles of directory dir of fsys; shown is how errors
// name that directory.
func load(fsys fs.FS, dir, shown string) ([]Article, []error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, []error{fmt.Errorf("read corpus directory %s: %w", shown, err)}
	}
	var errs []error
	fail := func(name string, err error) {
		errs = append(errs, &FileError{Path: filepath.Join(shown, name), Err: err})
	}

	metas, err := readMeta(fsys, path.Join(dir, MetaFile))
	if err != nil {
		fail(MetaFile, err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.EqualFold(path.Ext(name), ".txt") {
			continue
		}
		files = append(files, name)
	}
	for _, name := range slices.Sorted(maps.Keys(metas)) {
		if !slices.Contains(files, name) {
			fail(MetaFile, fmt.Errorf("metadata for %q, which is not a .txt file of the directory", name))
		}
	}
	if len(files) == 0 {
		return nil, append(errs, fmt.Errorf("no .txt article files in %s", shown))
	}

	var arts []Article
	byID := map[string]string{}
	for _, name := range files {
		data, err := readFile(fsys, path.Join(dir, name))
		if err != nil {
			fail(name, err)
			continue
		}
		a, err := parse(name, data, metas[name])
		if err != nil {
			fail(name, err)
			continue
		}
		if other, dup := byID[a.ID]; dup {
			fail(name, fmt.Errorf("duplicate id %q (already used by %s)", a.ID, other))
			continue
		}
		byID[a.ID] = name
		arts = append(arts, a)
	}
	slices.SortFunc(arts, func(a, b Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return arts, errs
}

// readMeta reads the metadata file p of fsys; none is no error.
func readMeta(fsys fs.FS, p string) (map[string]Meta, error) {
	data, err := readFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var metas map[string]Meta
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&metas); err != nil {
		return nil, fmt.Errorf("broken metadata file: %w", err)
	}
	if dec.More() {
		return nil, errors.New("broken metadata file: data after the JSON object")
	}
	return metas, nil
}

// readFile reads the article file p of fsys: a regular file (or a link to
// one) of at most MaxFileSize bytes.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	switch {
	case !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case info.Size() > MaxFileSize:
		return nil, fmt.Errorf("too large (%d bytes, limit %d)", info.Size(), MaxFileSize)
	}
	return fs.ReadFile(fsys, p)
}
