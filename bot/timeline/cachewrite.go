package timeline

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"

	"github.com/talksbot/talksbot/corpus"
)

// cacheWrite writes a cache file (its layout is told before cacheFile) in two
// parts: the reports of the articles, begun at once in the background
// (startCacheWrite) while the events are clustered, then the events
// (finish). It streams the file to a temporary file beside c.File, with its
// checksum worked out on the way, rather than building it in memory (15 MB
// at 5,000 articles, grown by doubling), and renames it into place.
type cacheWrite struct {
	c    Cache
	tmp  *os.File
	buf  *bufio.Writer
	crc  uint32 // of what is written so far
	err  error  // the first
	done chan struct{}
}

// startCacheWrite begins writing the reports of arts (keys[i] the key of
// arts[i]; those held by the old file copied as they were encoded). It reads
// per and held until finish returns.
func startCacheWrite(c Cache, arts []corpus.Article, keys [][16]byte, per [][]report, held map[[16]byte][]byte) *cacheWrite {
	cw := &cacheWrite{c: c, done: make(chan struct{})}
	go func() {
		defer close(cw.done)
		cw.reports(arts, keys, per, held)
	}()
	return cw
}

func (cw *cacheWrite) reports(arts []corpus.Article, keys [][16]byte, per [][]report, held map[[16]byte][]byte) {
	dir := filepath.Dir(cw.c.File)
	if cw.err = os.MkdirAll(dir, 0o755); cw.err != nil {
		return
	}
	if cw.tmp, cw.err = os.CreateTemp(dir, ".timeline-*.tmp"); cw.err != nil {
		return
	}
	cw.buf = bufio.NewWriterSize(cw.tmp, 1<<16)
	var w, enc writer
	w.b = append(w.b, cacheMagic...)
	w.b = binary.LittleEndian.AppendUint32(w.b, cacheFormat)
	w.str(cw.c.Version)
	w.uvarint(len(arts))
	cw.write(w.b)
	for i := range arts {
		b, ok := held[keys[i]]
		if !ok {
			enc.b = enc.b[:0]
			enc.reports(per[i], &arts[i])
			b = enc.b
		}
		w.b = append(w.b[:0], keys[i][:]...)
		w.uvarint(len(b))
		cw.write(w.b)
		cw.write(b)
	}
}

// write writes b to the file and its checksum.
func (cw *cacheWrite) write(b []byte) {
	if cw.err != nil {
		return
	}
	cw.crc = crc32.Update(cw.crc, castagnoli, b)
	_, cw.err = cw.buf.Write(b)
}

// finish writes, once the reports are written, the events of arts (ck the
// key of the corpus) and the checksum, and puts the file in place; on an
// error it removes the temporary file.
func (cw *cacheWrite) finish(arts []corpus.Article, ck [16]byte, events []dated) error {
	<-cw.done
	if cw.err == nil {
		var w writer
		w.b = append(w.b, ck[:]...)
		enc := encodeEvents(events, arts)
		w.uvarint(len(enc))
		cw.write(w.b)
		cw.write(enc)
		cw.write(binary.BigEndian.AppendUint32(nil, cw.crc))
	}
	if cw.err == nil {
		cw.err = cw.buf.Flush()
	}
	if cw.err == nil {
		cw.err = cw.tmp.Sync()
	}
	if cw.tmp == nil {
		return cw.err
	}
	if err := cw.tmp.Close(); cw.err == nil {
		cw.err = err
	}
	if cw.err == nil {
		cw.err = os.Rename(cw.tmp.Name(), cw.c.File)
	}
	if cw.err != nil {
		os.Remove(cw.tmp.Name())
	}
	return cw.err
}
