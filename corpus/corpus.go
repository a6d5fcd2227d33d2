// Package corpus holds the articles the bot answers from: the embedded seed
// articles, loading of a user's own directory of articles, their parsing,
// cleaning and metadata.
//
// # Directory format
//
// A corpus directory holds one article a file, as UTF-8 text with the
// extension .txt, and optionally a metadata file, sources.json, an object
// keyed by file name:
//
//	{
//	  "000_0b57adff93d945fa.txt": {
//	    "id": "2025-02-17-headtopics-talks-set",
//	    "title": "U.S. and Russia to Hold Diplomatic Talks in Saudi Arabia",
//	    "outlet": "Head Topics",
//	    "published": "2025-02-17",
//	    "url": "https://us.headtopics.com/news/...",
//	    "note": "free text for people; ignored"
//	  }
//	}
//
// Every field is optional. What the metadata does not give is derived from
// the file itself: the date from a first line " date YYYY-MM-DD ..." (the
// form of the seed articles) or from a date standing alone at the top of the
// text ("February 18, 2025"); the title from a headline at the top of the
// text, else from the first sentence; the outlet is then "unknown" and the
// id is the date and a slug of the title ("2025-02-18-russia-us-agree-start").
// Other files (and hidden ones) are ignored. The raw files stay as received:
// cleaning happens when they are loaded (see [Parse] for the rules).
//
// A file that cannot be loaded (no date, a bad date, no article text, not
// UTF-8, binary, a duplicate id) yields a [*FileError] naming it; the other
// files still load. Articles come sorted by publication date, then id.
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
	// Author is who wrote it, as its byline names them ("By Kerem
	// Yilmaz"); empty when the text has no byline. The byline is not
	// article text.
	Author string
	// Paragraphs is the cleaned article text, one paragraph an element,
	// headings excluded. Every quote the bot shows is a substring of Text.
	Paragraphs []string
	Text       string // Paragraphs joined by "\n\n"
	// Headings are the section headings of the article, in order. They are
	// not sentences and stand in neither Paragraphs nor Text.
	Headings []string
}

// Date returns the publication date as YYYY-MM-DD.
func (a Article) Date() string { return a.Published.Format("2006-01-02") }

// Meta is the metadata given for one article file in sources.json. Empty
// fields are derived from the file (see the package documentation).
type Meta struct {
	ID        string `json:"id,omitempty"`        // lower-case letters, digits and dashes
	Title     string `json:"title,omitempty"`     // headline
	Outlet    string `json:"outlet,omitempty"`    // publisher; "unknown" when not known
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	URL       string `json:"url,omitempty"`       // absolute http(s) address
	Note      string `json:"note,omitempty"`      // provenance, for people; not used
}

// FileError reports a corpus file that could not be loaded and why.
type FileError struct {
	Path string // the file, as the caller named it
	Err  error  // the problem
}

// Error returns "path: problem".
func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the problem.
func (e *FileError) Unwrap() error { return e.Err }
