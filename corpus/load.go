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
	"time"
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
	files, errs := read(fsys, dir, shown, nil)
	arts, perrs := ParseFiles(files, shown, nil)
	return arts, append(errs, perrs...)
}

// File is an article file as read from a corpus directory, not yet parsed:
// its name, its bytes and its entry in the metadata file.
type File struct {
	Name string
	Data []byte
	Meta Meta
	// Size and ModTime are the file's, as it was found before it was read
	// (so that a file written while it is read looks changed next time).
	Size    int64
	ModTime time.Time
	// Unread is set by [ReadDirUnless] for a file it did not read: Data
	// is nil.
	Unread bool
}

// ReadDir reads the article files of dir and their metadata without
// parsing them (see [ParseFiles]); with ParseFiles it is [LoadDir], split
// so that a cache can recognise files it has already parsed. Files that
// cannot be read are reported as LoadDir reports them.
func ReadDir(dir string) ([]File, []error) {
	return read(os.DirFS(dir), ".", dir, nil)
}

// ReadDirUnless is [ReadDir], except that a file for which known(name,
// size, modification time) is true is not read: it comes back with
// Unread set and no Data (a cache that has recorded the file as it was).
func ReadDirUnless(dir string, known func(name string, size int64, mod time.Time) bool) ([]File, []error) {
	return read(os.DirFS(dir), ".", dir, known)
}

// read reads the article files of directory dir of fsys, all but those
// known (see ReadDirUnless) says need not be.
func read(fsys fs.FS, dir, shown string, known func(string, int64, time.Time) bool) ([]File, []error) {
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
	var names []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.EqualFold(path.Ext(name), ".txt") {
			continue
		}
		names = append(names, name)
	}
	for _, name := range slices.Sorted(maps.Keys(metas)) {
		// names are sorted, as fs.ReadDir sorts entries (a linear search
		// for each of 5,000 entries of sources.json was 40 ms a call).
		if _, ok := slices.BinarySearch(names, name); !ok {
			fail(MetaFile, fmt.Errorf("metadata for %q, which is not a .txt file of the directory", name))
		}
	}
	if len(names) == 0 {
		return nil, append(errs, fmt.Errorf("no .txt article files in %s", shown))
	}
	files := make([]File, 0, len(names))
	for _, name := range names {
		p := path.Join(dir, name)
		info, err := statFile(fsys, p)
		if err != nil {
			fail(name, err)
			continue
		}
		f := File{Name: name, Meta: metas[name], Size: info.Size(), ModTime: info.ModTime()}
		if known != nil && known(name, f.Size, f.ModTime) {
			f.Unread = true
			files = append(files, f)
			continue
		}
		if f.Data, err = fs.ReadFile(fsys, p); err != nil {
			fail(name, err)
			continue
		}
		files = append(files, f)
	}
	return files, errs
}

// ParseFiles parses files read by [ReadDir] into articles as [LoadDir]
// does: a file that fails to parse, or repeats an id, is reported (named
// as in directory shown) and skipped; the articles come sorted by date,
// then id. parse, when not nil, stands in for [Parse] (a cache that has
// parsed the file before).
func ParseFiles(files []File, shown string, parse func(File) (Article, error)) ([]Article, []error) {
	if parse == nil {
		parse = func(f File) (Article, error) { return parseFile(f.Name, f.Data, f.Meta) }
	}
	var errs []error
	var arts []Article
	byID := map[string]string{}
	for _, f := range files {
		a, err := parse(f)
		if err != nil {
			errs = append(errs, &FileError{Path: filepath.Join(shown, f.Name), Err: err})
			continue
		}
		if other, dup := byID[a.ID]; dup {
			errs = append(errs, &FileError{Path: filepath.Join(shown, f.Name), Err: fmt.Errorf("duplicate id %q (already used by %s)", a.ID, other)})
			continue
		}
		byID[a.ID] = f.Name
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
	if _, err := statFile(fsys, p); err != nil {
		return nil, err
	}
	return fs.ReadFile(fsys, p)
}

// statFile returns the information of the article file p, refusing what
// is not a regular file or is too large to be an article.
func statFile(fsys fs.FS, p string) (fs.FileInfo, error) {
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
	return info, nil
}
