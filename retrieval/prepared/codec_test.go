package prepared

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// TestCodecFields fails when a struct the header codec writes field by
// field gains or loses a field: codec.go must then write and read it (and
// formatVersion change), or the field would silently not be cached.
func TestCodecFields(t *testing.T) {
	tests := []struct {
		v    any
		want int // fields codec.go writes
	}{
		{header{}, 6},
		{article{}, 11},
		{corpus.Article{}, 10}, // fromArticle and toArticle copy them to article
		{fileInfo{}, 7},
		{retrieval.IndexState{}, 11}, // Vectors and Reverse are written apart; Keep is no data
		{retrieval.PassageState{}, 6},
		{reverseEntry{}, 2},
		{retrieval.ReverseAlt{}, 2},
	}
	for _, tt := range tests {
		typ := reflect.TypeOf(tt.v)
		if got := typ.NumField(); got != tt.want {
			t.Errorf("%s has %d fields, codec.go writes %d: update the codec and formatVersion", typ, got, tt.want)
		}
	}
}

// FuzzRead checks that no file, however broken, panics Read or makes it
// return a state without an error that does not hold together, and that
// decoding it in memory (a mapped file) agrees with reading it.
func FuzzRead(f *testing.F) {
	f.Add(builtin)
	f.Add(builtin[:len(builtin)/2])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Read(t.Context(), bytes.NewReader(b), retrieval.NewHashing(0), retrieval.Options{})
		if err == nil && s.Index == nil {
			t.Fatal("state without index and no error")
		}
		_, _, merr := decodeBytes(b, false, nil)
		if (err == nil) != (merr == nil) && (err == nil || !strings.Contains(err.Error(), "index from state")) {
			t.Fatalf("read: %v; decoded in memory: %v", err, merr)
		}
	})
}
