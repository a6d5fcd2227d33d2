package retrieval

import (
	"fmt"
	"strings"

	"github.com/talksbot/talksbot/corpus/english"

	"github.com/talksbot/talksbot/corpus"
)

// Passage-making defaults, measured on the dev set (see TestDevRecall):
// windows of 4 sentences overlapping by 1 put every gold fact in the top
// five passages with every fusion; 3 sentences lose a fact or two with some
// fusions, 2 sentences miss five to ten per cent, and more overlap only
// multiplies near-duplicate passages in the top five.
const (
	DefaultPassageSentences = 4
	DefaultOverlap          = 1
)

// Chunk splits articles into passages along sentence boundaries, with
// overlap: each article's sentences (see Split; paragraphs always end a
// sentence) are read as one stream and cut into windows of
// opts.PassageSentences sentences, each window starting
// PassageSentences-Overlap sentences after the previous one, so a fact that
// spans two sentences is whole in some passage. Passages never cross
// articles. IDs are "<article id>#<seq>", seq from 0.
func Chunk(articles []corpus.Article, opts Options) []Passage {
	size, overlap := opts.window()
	step := size - overlap
	var out []Passage
	for _, a := range articles {
		text := a.Text
		if text == "" {
			text = strings.Join(a.Paragraphs, "\n\n")
		}
		sents := english.Split(text)
		for seq, start := 0, 0; start < len(sents); seq, start = seq+1, start+step {
			end := min(start+size, len(sents))
			win := sents[start:end:end]
			out = append(out, Passage{
				ID:        fmt.Sprintf("%s#%d", a.ID, seq),
				Article:   a.ID,
				Seq:       seq,
				Sentences: win,
				Text:      strings.Join(win, " "),
			})
			if end == len(sents) {
				break
			}
		}
	}
	return out
}

// window returns the passage size and overlap of opts with defaults
// applied and the overlap kept below the size.
func (o Options) window() (size, overlap int) {
	size, overlap = o.PassageSentences, o.Overlap
	if size <= 0 {
		size = DefaultPassageSentences
		if overlap == 0 {
			overlap = DefaultOverlap
		}
	}
	if overlap < 0 {
		overlap = 0
	}
	if overlap >= size {
		overlap = size - 1
	}
	return size, overlap
}
