package timeline

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/corpus"
)

// Cache names the file in which a timeline keeps the reports of its
// articles, and its events, between processes: reading the dates of every
// sentence is most of building a timeline (at 5,000 articles, three
// quarters of it), and an article's reports depend on nothing but its
// text, its date and the engine that read them; the events depend on all
// the reports. A timeline with a cache takes its events from the file when
// it holds them for the same articles (the same contents, in the same
// order) and version; otherwise it reads from the file the reports of the
// articles it holds under the same content and version, reads the others'
// from their text, clusters them, and rewrites the file (atomically; a
// file that cannot be written is logged). A file that is corrupt, of
// another version or of another format is read afresh, never trusted.
type Cache struct {
	File    string // "" keeps no cache
	Version string // the engine's version (its build): another's reports are read again
}

// cacheMagic opens a reports file; cacheFormat changes with its layout.
const (
	cacheMagic  = "talksbot timeline reports\n"
	cacheFormat = 2
)

// articleKey hashes what an article's reports depend on: its publication
// date, text and paragraphs.
func articleKey(a *corpus.Article) [16]byte {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
	t, _ := a.Published.MarshalBinary()
	field(string(t))
	field(a.Text)
	binary.LittleEndian.PutUint64(n[:], uint64(len(a.Paragraphs)))
	h.Write(n[:])
	for _, p := range a.Paragraphs {
		field(p)
	}
	var k [16]byte
	copy(k[:], h.Sum(nil))
	return k
}

// buildCached returns the events of arts, using and keeping the cache c
// (see Cache); read is how many articles were read from their text, and
// whole whether the events came from the cache as they were.
func buildCached(arts []corpus.Article, tools textTools, cite citer, c Cache, log *slog.Logger) (events []dated, read int, whole bool) {
	if c.File == "" {
		per, n := reportsOf(arts, tools, nil, nil)
		return eventsOf(per, tools, cite), n, false
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	f, err := readCacheFile(c)
	switch {
	case errors.Is(err, errOtherEngine):
		// A new build reads the dates again once: nothing is wrong.
		log.Info("timeline cache of another engine version; reading the dates again", "file", c.File, "err", err)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		log.Warn("timeline cache unusable; reading the dates again", "file", c.File, "err", err)
	}
	keys := articleKeys(arts)
	ck := corpusKey(keys)
	if f != nil && f.corpus == ck {
		if evs, err := decodeEvents(f.events, arts, cite); err == nil {
			return evs, 0, true
		}
	}
	var held map[[16]byte][]byte
	if f != nil {
		held = f.held
	}
	per, n := reportsOf(arts, tools, keys, held)
	// The reports are written while they are clustered: clustering keeps
	// one core busy, and the events follow them in the file.
	w := startCacheWrite(c, arts, keys, per, held)
	events = eventsOf(per, tools, cite)
	if err := w.finish(arts, ck, events); err != nil {
		log.Warn("timeline not cached", "file", c.File, "err", err)
	}
	return events, n, false
}

// citer makes citation n of quote, text of article id (answer.Library.Cite).
type citer = func(n int, id, quote string) answer.Citation

// articleKeys returns the key of every article, worked out on every core.
func articleKeys(arts []corpus.Article) [][16]byte {
	keys := make([][16]byte, len(arts))
	eachIndex(len(arts), func(i int) { keys[i] = articleKey(&arts[i]) })
	return keys
}

// corpusKey hashes the keys of all the articles, in order: what the events
// depend on.
func corpusKey(keys [][16]byte) [16]byte {
	h := sha256.New()
	for _, k := range keys {
		h.Write(k[:])
	}
	var k [16]byte
	copy(k[:], h.Sum(nil))
	return k
}

// eachIndex calls f(i) for i in [0, n) on every core.
func eachIndex(n int, f func(int)) {
	eachIndexWith(n, func() func(int) { return f })
}

// eachIndexWith is eachIndex with a function of each goroutine's own,
// from worker: one that keeps state between calls.
func eachIndexWith(n int, worker func() func(int)) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(runtime.GOMAXPROCS(0), max(1, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := worker()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// reportsOf returns the reports of every article, read on every core: from
// held (keys[i] is the key of arts[i]; held the encoded reports of each
// key) where it has them, else from the text. It reports how many
// articles were read from their text.
func reportsOf(arts []corpus.Article, tools textTools, keys [][16]byte, held map[[16]byte][]byte) ([][]report, int) {
	per := make([][]report, len(arts))
	var fresh atomic.Int64
	eachIndexWith(len(arts), func() func(int) {
		words := newWordKinds(tools.terms)
		return func(i int) {
			a := &arts[i]
			if keys != nil {
				if b, ok := held[keys[i]]; ok {
					if rs, err := decodeReports(b, a); err == nil {
						per[i] = rs
						return
					}
				}
			}
			per[i] = articleReports(a, tools, words)
			fresh.Add(1)
		}
	})
	return per, int(fresh.Load())
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// The file: cacheMagic, a uint32 format, the version (a uvarint length and
// its bytes), the number of articles, then per article its key (16 bytes),
// the length of its encoded reports and those bytes (see writer.reports);
// then the key of the corpus (corpusKey), the length of its encoded events
// and those bytes (see encodeEvents); and a CRC-32C of everything before
// it (big-endian).

// cacheFile is what a cache file holds, in slices of the file (which the
// strings of what is decoded from them share).
type cacheFile struct {
	held   map[[16]byte][]byte // article key -> its encoded reports
	corpus [16]byte            // the key of the corpus the events are of
	events []byte
}

// errOtherEngine is the error of a cache file another build of the engine
// wrote: expected after an upgrade, so it is no warning.
var errOtherEngine = errors.New("timeline cache of another engine version")

// readCacheFile reads the cache file.
func readCacheFile(c Cache) (*cacheFile, error) {
	b, err := os.ReadFile(c.File)
	if err != nil {
		return nil, err
	}
	if len(b) < len(cacheMagic)+8 || string(b[:len(cacheMagic)]) != cacheMagic {
		return nil, errors.New("not a timeline reports file")
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(b[len(b)-4:]) {
		return nil, errors.New("checksum mismatch")
	}
	d := reader{b: body, at: len(cacheMagic)}
	if f := binary.LittleEndian.Uint32(body[d.at:]); f != cacheFormat {
		return nil, fmt.Errorf("format %d, want %d", f, cacheFormat)
	}
	d.at += 4
	if v := d.str(); v != c.Version {
		return nil, fmt.Errorf("%w: made by engine %q, not %q", errOtherEngine, v, c.Version)
	}
	n := d.uvarint()
	held := make(map[[16]byte][]byte, min(n, len(body)/16))
	for i := 0; i < n && d.err == nil; i++ {
		var k [16]byte
		copy(k[:], d.bytes(16))
		held[k] = d.bytes(d.uvarint())
	}
	f := &cacheFile{held: held}
	copy(f.corpus[:], d.bytes(16))
	f.events = d.bytes(d.uvarint())
	if d.err == nil && d.at != len(body) {
		d.err = errors.New("bytes after the events")
	}
	if d.err != nil {
		return nil, d.err
	}
	return f, nil
}

// reports appends the encoding of the reports of article a. A quote or
// sentence that is a stretch of the article's text (as they all are, the
// sentence before and a pointing sentence included) is written as where it
// is.
func (w *writer) reports(rs []report, a *corpus.Article) {
	w.uvarint(len(rs))
	for _, r := range rs {
		w.time(r.date.Start)
		w.uvarint(int(r.date.Precision))
		w.str(r.text)
		w.within(r.quote, a.Text)
		w.within(r.sentence, a.Text)
		w.uvarint(r.seq)
		w.uvarint(int(r.mood))
		w.time(r.from)
		w.time(r.to)
		w.str(r.human)
		flags := 0
		if r.refers {
			flags |= 1
		}
		if r.kinds.change {
			flags |= 2
		}
		w.uvarint(flags)
		w.set(r.terms)
		for _, set := range []kindSet{r.kinds.reported, r.kinds.actual, r.kinds.all} {
			w.kinds(set)
		}
	}
}

// decodeReports decodes the reports of article a; their strings are b's
// bytes (or a's text), not copies.
func decodeReports(b []byte, a *corpus.Article) ([]report, error) {
	d := reader{b: b}
	n := d.uvarint()
	if n > len(b) {
		return nil, errors.New("bad report count")
	}
	var rs []report // nil for none, as articleReports gives
	if n > 0 {
		rs = make([]report, n)
	}
	for i := range rs {
		r := &rs[i]
		r.article = a
		r.date.Start = d.time()
		r.date.Precision = dates.Precision(d.uvarint())
		r.text = d.str()
		r.quote = d.within(a.Text)
		r.sentence = d.within(a.Text)
		r.seq = d.uvarint()
		r.mood = dates.Mood(d.uvarint())
		r.from, r.to = d.time(), d.time()
		r.human = d.str()
		flags := d.uvarint()
		r.refers, r.kinds.change = flags&1 != 0, flags&2 != 0
		r.terms, r.kinds.reported, r.kinds.actual, r.kinds.all = d.set(), d.kinds(), d.kinds(), d.kinds()
		if d.err != nil {
			return nil, d.err
		}
	}
	if d.at != len(b) {
		return nil, errors.New("bytes after the reports")
	}
	return rs, nil
}

// encodeEvents encodes the events of arts. A citation is its number, its
// article and its quote (where it is in the article's text): the rest is
// the article's, as the citer gives it.
func encodeEvents(events []dated, arts []corpus.Article) []byte {
	at := make(map[string]int, len(arts))
	for i, a := range arts {
		at[a.ID] = i
	}
	var w writer
	w.uvarint(len(events))
	for _, ev := range events {
		w.time(ev.date.Start)
		w.uvarint(int(ev.date.Precision))
		w.str(ev.Text)
		w.str(ev.From)
		w.str(ev.To)
		w.str(ev.When)
		w.uvarint(len(ev.Citations))
		for _, c := range ev.Citations {
			i, ok := at[c.Article]
			if !ok {
				i = len(arts) // no such article: the events are not cached
			}
			w.uvarint(c.N)
			w.uvarint(i)
			if ok {
				w.within(c.Quote, arts[i].Text)
			}
		}
		w.set(ev.terms)
		w.set(ev.textTerms)
	}
	return w.b
}

// decodeEvents decodes the events of arts that encodeEvents encoded.
func decodeEvents(b []byte, arts []corpus.Article, cite citer) ([]dated, error) {
	d := reader{b: b}
	n := d.uvarint()
	if n > len(b) {
		return nil, errors.New("bad event count")
	}
	out := make([]dated, n)
	for i := range out {
		ev := &out[i]
		ev.date.Start = d.time()
		ev.date.Precision = dates.Precision(d.uvarint())
		ev.Date, ev.Precision = ev.date.String(), ev.date.Precision.String()
		ev.Text, ev.From, ev.To, ev.When = d.str(), d.str(), d.str(), d.str()
		k := d.uvarint()
		if k > len(b) {
			return nil, errors.New("bad citation count")
		}
		if k > 0 { // nil for none, as toEvent makes them
			ev.Citations = make([]answer.Citation, 0, k)
		}
		for range k {
			num, ai := d.uvarint(), d.uvarint()
			if ai >= len(arts) {
				return nil, errors.New("a citation of no article")
			}
			ev.Citations = append(ev.Citations, cite(num, arts[ai].ID, d.within(arts[ai].Text)))
		}
		ev.terms, ev.textTerms = d.set(), d.set()
		if d.err != nil {
			return nil, d.err
		}
	}
	if d.at != len(b) {
		return nil, errors.New("bytes after the events")
	}
	return out, nil
}

// writer appends an encoding to b.
type writer struct {
	b  []byte
	ts []string // set's, kept for the next
}

func (w *writer) uvarint(v int) { w.b = binary.AppendUvarint(w.b, uint64(v)) }

func (w *writer) str(s string) {
	w.uvarint(len(s))
	w.b = append(w.b, s...)
}

// set writes the members of a set of strings, sorted: the same set, the
// same bytes.
func (w *writer) set(set map[string]bool) {
	ts := w.ts[:0]
	for t := range set {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	w.uvarint(len(ts))
	for _, t := range ts {
		w.str(t)
	}
	clear(ts) // keep no strings alive
	w.ts = ts
}

// time writes t as its MarshalBinary (a length, then the bytes).
// kinds writes a set of kinds of event as set writes the set of their
// names.
func (w *writer) kinds(s kindSet) {
	names := s.names() // sorted
	w.uvarint(len(names))
	for _, k := range names {
		w.str(k)
	}
}

func (w *writer) time(t time.Time) {
	var buf [16]byte
	b, _ := t.AppendBinary(buf[:0]) // fails only for offsets no date here has
	w.uvarint(len(b))
	w.b = append(w.b, b...)
}

// within writes s as where it is in text (1, offset, length), or as it is
// (0, then s) when text does not hold it.
func (w *writer) within(s, text string) {
	if at := strings.Index(text, s); at >= 0 {
		w.uvarint(1)
		w.uvarint(at)
		w.uvarint(len(s))
		return
	}
	w.uvarint(0)
	w.str(s)
}

// reader reads an encoding from b; the first error sticks, and reads after
// it return zero values.
type reader struct {
	b   []byte
	at  int
	err error
}

func (d *reader) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("malformed timeline cache: %s at byte %d", what, d.at)
	}
	d.at = len(d.b)
}

func (d *reader) uvarint() int {
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 || v > 1<<40 {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return int(v)
}

func (d *reader) bytes(n int) []byte {
	if n > len(d.b)-d.at {
		d.fail("length past the end")
		return nil
	}
	b := d.b[d.at : d.at+n : d.at+n]
	d.at += n
	return b
}

// str returns the next string, sharing d.b's bytes.
func (d *reader) str() string {
	b := d.bytes(d.uvarint())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// set reads a set of strings (never nil, as the timeline makes them).
func (d *reader) set() map[string]bool {
	n := d.uvarint()
	if n > len(d.b)-d.at {
		d.fail("bad set size")
		return map[string]bool{}
	}
	m := make(map[string]bool, n)
	for range n {
		m[d.str()] = true
	}
	return m
}

// kinds reads a set of kinds of event (see writer.kinds).
func (d *reader) kinds() kindSet {
	var s kindSet
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		k, ok := kindOf(d.str())
		if !ok {
			d.fail("no such kind of event")
			break
		}
		s |= k
	}
	return s
}

func (d *reader) time() time.Time {
	var t time.Time
	if b := d.bytes(d.uvarint()); d.err == nil {
		if err := t.UnmarshalBinary(b); err != nil {
			d.fail("bad time")
		}
	}
	return t
}

func (d *reader) within(text string) string {
	if d.uvarint() == 0 {
		return d.str()
	}
	at, n := d.uvarint(), d.uvarint()
	if at > len(text) || n > len(text)-at {
		d.fail("a stretch past the article's text")
		return ""
	}
	return text[at : at+n]
}
