package bot

import "github.com/talksbot/talksbot/retrieval"

// extract is the offline answerer: it picks the sentences of the passages that
// answer the question and cites each.
func (e *Engine) extract(question, search string, hits []retrieval.Hit) *Answer {
	return &Answer{Mode: ModeExtractive, Abstained: true, Answer: "The articles don't say."} // TODO(core)
}
