// Package bot is the question-answering engine: a pipeline that rewrites a
// follow-up, retrieves passages, has an answerer answer from them (an LLM
// when one is configured and the passages relate to the question, the
// offline extractive answerer otherwise), checks an LLM's citations, and
// falls back to the offline answer when the LLM fails. Its parts live in
// subpackages it imports (answer, extractive, generative, check, timeline,
// dates); the front ends (discord, eval, the command line) sit on top.
package bot

import (
	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/timeline"
)

// The answer types, defined in package answer, under the names the front
// ends use.
type (
	// Answer is the engine's reply to a question (the `ask --json` contract).
	Answer = answer.Answer
	// Citation is a numbered source of an answer.
	Citation = answer.Citation
	// PassageRef is a retrieved passage as reported in an answer.
	PassageRef = answer.PassageRef
	// Timings are the milliseconds spent in each stage.
	Timings = answer.Timings
	// Check is what the citation check did to an LLM answer.
	Check = answer.Check
	// Question is what a user asked, with the conversation so far.
	Question = answer.Question
	// Turn is one earlier exchange of a conversation.
	Turn = answer.Turn
	// Event is one dated event of the timeline (the `timeline --json` contract).
	Event = timeline.Event
	// TimelineFilter selects events of the timeline.
	TimelineFilter = timeline.Filter
)

// Mode names which answerer produced an answer.
const (
	ModeExtractive = answer.ModeExtractive
	ModeLLM        = answer.ModeLLM
)

// Source is one article of the corpus, as listed by /sources.
type Source struct {
	Article   string `json:"article"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Author    string `json:"author,omitempty"` // from the byline, when it has one
}

// TimelineLines writes events for people, one line each (see timeline.Lines).
func TimelineLines(events []Event) []string { return timeline.Lines(events) }

// TimelinePages packs lines into pages of at most limit characters (see
// timeline.Pages).
func TimelinePages(lines []string, limit int) []string { return timeline.Pages(lines, limit) }
