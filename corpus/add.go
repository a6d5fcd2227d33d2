package corpus

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Draft is an article to add to a corpus directory.
type Draft struct {
	// Text is the article: paragraphs separated by blank lines. It may start
	// with a date line (" date YYYY-MM-DD") or a date standing alone.
	Text string
	// Meta is what sources.json will say of it. Empty fields are derived as
	// when the directory is loaded; Published "" means the text must carry
	// the date. ID "" is the date and a slug of the title.
	Meta Meta
	// OtherURLs are further addresses of the same article (the one it was
	// fetched from, say), checked for duplicates beside Meta.URL.
	OtherURLs []string
}

// ErrUndated means a draft gives no publication date, neither in its
// metadata nor in its text.
var ErrUndated = errors.New("no publication date")

// DuplicateError reports a draft that is already in the corpus.
type DuplicateError struct {
	ID     string // the article it duplicates
	File   string // that article's file
	Reason string // "the same address" or "the same text"
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("already in the corpus as %s (%s): %s", e.ID, e.File, e.Reason)
}

// sameText is the share of a new article's 8-word sequences that an
// existing article must hold for the two to be the same text: a reprint
// with another headline, a changed paragraph or a line of furniture more is
// still the same article; two reports of the same event are not (they share
// names and phrases, not whole sentences).
const sameText = 0.8

// Add writes d into corpus directory dir as a new article file and adds its
// entry to dir's sources.json, and returns the article as the loader will
// read it. It refuses a draft without a date (ErrUndated), one whose address
// or text is already in the directory (*DuplicateError), one the loader
// would refuse, and a directory whose sources.json is broken. Both files are
// written to a temporary file and renamed into place, the text first:
// sources.json is never left half written, and when it cannot be written
// the new text file is removed again.
func Add(dir string, d Draft) (Article, error) {
	return add(dir, d, writeAtomic)
}

// add is Add with the writing of a file given, for tests.
func add(dir string, d Draft, write func(dir, name string, data []byte) error) (Article, error) {
	raw, err := readRawMeta(dir)
	if err != nil {
		return Article{}, err
	}
	existing, _ := LoadDir(dir) // files that fail to load cannot be duplicated

	a, data, err := draftArticle(d)
	if err != nil {
		return Article{}, err
	}
	if err := checkDuplicate(a, d, existing, raw); err != nil {
		return Article{}, err
	}

	// A unique id and file name.
	ids := map[string]bool{}
	for _, e := range existing {
		ids[e.ID] = true
	}
	base := a.ID
	for n := 2; ids[a.ID] || fileExists(filepath.Join(dir, a.ID+".txt")) || raw[a.ID+".txt"] != nil; n++ {
		a.ID = base + "-" + strconv.Itoa(n)
	}
	a.File = a.ID + ".txt"

	meta := d.Meta
	meta.ID, meta.Title, meta.Published, meta.URL = a.ID, a.Title, a.Date(), a.URL
	if meta.Outlet == "" {
		meta.Outlet = a.Outlet
	}
	entry, err := json.Marshal(meta)
	if err != nil {
		return Article{}, err
	}
	if raw == nil {
		raw = map[string]json.RawMessage{}
	}
	raw[a.File] = entry
	sources, err := json.MarshalIndent(raw, "", "  ")
	if err != nil {
		return Article{}, fmt.Errorf("encode %s: %w", MetaFile, err)
	}
	sources = append(sources, '\n')

	if err := write(dir, a.File, data); err != nil {
		return Article{}, fmt.Errorf("write %s: %w", a.File, err)
	}
	if err := write(dir, MetaFile, sources); err != nil {
		os.Remove(filepath.Join(dir, a.File))
		return Article{}, fmt.Errorf("write %s: %w", MetaFile, err)
	}
	return a, nil
}

// draftArticle reads d as the loader will and returns the article and the
// bytes of its file: d.Text, starting with a date line when it has none.
func draftArticle(d Draft) (Article, []byte, error) {
	text := strings.TrimSpace(strings.ReplaceAll(d.Text, "\r\n", "\n")) + "\n"
	a, err := parseFile("draft.txt", []byte(text), d.Meta)
	if err != nil && d.Meta.Published == "" {
		// Would a date have made it an article?
		m := d.Meta
		m.Published = "2000-01-01"
		if _, err2 := parseFile("draft.txt", []byte(text), m); err2 == nil {
			return Article{}, nil, ErrUndated
		}
	}
	if err != nil {
		return Article{}, nil, err
	}
	first, _, _ := strings.Cut(strings.TrimLeft(text, " \t\n"), "\n")
	if _, _, isDateLine, _ := ParseDateLine(first); !isDateLine {
		text = " date " + a.Date() + "\n\n" + text
	}
	return a, []byte(text), nil
}

// checkDuplicate refuses a when an article of the directory has its
// address (or one of d.OtherURLs) or its text.
func checkDuplicate(a Article, d Draft, existing []Article, raw map[string]json.RawMessage) error {
	mine := map[string]bool{}
	for _, u := range append([]string{a.URL}, d.OtherURLs...) {
		if k := urlKey(u); k != "" {
			mine[k] = true
		}
	}
	for _, e := range existing {
		if mine[urlKey(e.URL)] {
			return &DuplicateError{ID: e.ID, File: e.File, Reason: "the same address"}
		}
	}
	for file, r := range raw { // entries whose file did not load still hold their address
		var m Meta
		if json.Unmarshal(r, &m) == nil && mine[urlKey(m.URL)] {
			return &DuplicateError{ID: cmp.Or(m.ID, file), File: file, Reason: "the same address"}
		}
	}
	shingles := textShingles(a.Text)
	if len(shingles) == 0 {
		return nil
	}
	for _, e := range existing {
		other := textShingles(e.Text)
		shared := 0
		for s := range shingles {
			if other[s] {
				shared++
			}
		}
		if float64(shared) >= sameText*float64(len(shingles)) {
			return &DuplicateError{ID: e.ID, File: e.File, Reason: "the same text"}
		}
	}
	return nil
}

// textShingles returns the sequences of 8 words of text, lower-cased and
// without punctuation (a text shorter than 8 words is one sequence).
func textShingles(text string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	const n = 8
	out := map[string]bool{}
	if len(words) > 0 && len(words) < n {
		out[strings.Join(words, " ")] = true
	}
	for i := 0; i+n <= len(words); i++ {
		out[strings.Join(words[i:i+n], " ")] = true
	}
	return out
}

// urlKey is the form of an address compared for duplicates: scheme, "www."
// and a final slash dropped, host lower-cased, no fragment, no tracking
// parameters. "" for no address.
func urlKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
			q.Del(k)
		}
	}
	key := strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// readRawMeta reads sources.json of dir entry by entry, keeping each entry
// as written. None is no error; a broken one is.
func readRawMeta(dir string) (map[string]json.RawMessage, error) {
	data, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := readMeta(os.DirFS(dir), MetaFile); err != nil {
		return nil, fmt.Errorf("%s: %w (fix it before adding articles)", filepath.Join(dir, MetaFile), err)
	}
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, MetaFile), err)
	}
	return raw, nil
}

// writeAtomic writes data to dir/name through a temporary file in dir
// renamed into place, so that name holds either its old or its new
// content, never a part.
func writeAtomic(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil { // make the rename itself durable, where the system allows
		d.Sync()
		d.Close()
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
