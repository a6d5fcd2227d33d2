// Package corpus holds the articles the bot answers from: the embedded seed
// articles, loading of a user's own directory of articles, their parsing,
// cleaning and metadata.
package corpus

import "time"

// Article is one cleaned news article with its metadata.
type Article struct {
	ID        string    // readable id, e.g. "2025-02-17-headtopics-talks-set"
	File      string    // file name it was loaded from
	Title     string    // headline (or best available first line)
	Outlet    string    // publisher, "unknown" when not known
	Published time.Time // publication date (UTC midnight)
	URL       string    // address, empty when not known
	// Paragraphs is the cleaned article text, one paragraph an element,
	// headings excluded. Every quote the bot shows is a substring of Text.
	Paragraphs []string
	Text       string // Paragraphs joined by "\n\n"
}

// Date returns the publication date as YYYY-MM-DD.
func (a Article) Date() string { return a.Published.Format("2006-01-02") }
