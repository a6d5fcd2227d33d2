package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestParseDateLine checks the reading of the seeds' first line.
func TestParseDateLine(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		date    string // YYYY-MM-DD when ok
		rest    string
		ok      bool
		wantErr bool
	}{
		// The seeds' form: a leading space, the date, then a heading.
		{name: "seed form", line: " date 2025-02-17 A new round of talks.", date: "2025-02-17", rest: "A new round of talks.", ok: true},
		// Nothing after the date.
		{name: "date only", line: "date 2025-02-18", date: "2025-02-18", ok: true},
		// Trailing spaces and a carriage return are not part of the rest.
		{name: "trailing space", line: "date 2025-02-18   Rest  \r", date: "2025-02-18", rest: "Rest", ok: true},
		// "Date:" with a capital and a colon, tab separated.
		{name: "capital and colon", line: "Date:\t2025-02-19\tSummary", date: "2025-02-19", rest: "Summary", ok: true},
		// A non-breaking space between the keyword and the date.
		{name: "nbsp", line: "date\u00a02025-02-19", date: "2025-02-19", ok: true},
		// An impossible day is an error, not a silent miss.
		{name: "impossible day", line: " date 2025-02-30 Text", ok: true, wantErr: true},
		// Another date format is an error: the date line wants YYYY-MM-DD.
		{name: "wrong format", line: " date 17/02/2025 Text", ok: true, wantErr: true},
		// Unpadded month.
		{name: "unpadded", line: "date 2025-2-17", ok: true, wantErr: true},
		// A date glued to the text.
		{name: "glued", line: "date 2025-02-17A new round", ok: true, wantErr: true},
		// Prose that starts with the word "date" is no date line.
		{name: "prose", line: "Date palms grow in Riyadh."},
		// The keyword without a date.
		{name: "keyword only", line: " date "},
		// An ordinary first line.
		{name: "ordinary", line: "Russia and U.S. Agree to Start Ukraine Peace Talks"},
		// Empty.
		{name: "empty", line: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rest, ok, err := ParseDateLine(tt.line)
			if ok != tt.ok || (err != nil) != tt.wantErr {
				t.Fatalf("ParseDateLine(%q): ok %v err %v; want ok %v, error %v", tt.line, ok, err, tt.ok, tt.wantErr)
			}
			if !ok || err != nil {
				return
			}
			if got := d.Format("2006-01-02"); got != tt.date || rest != tt.rest {
				t.Errorf("ParseDateLine(%q) = %s, %q; want %s, %q", tt.line, got, rest, tt.date, tt.rest)
			}
		})
	}
}

// TestParseDate checks the reading of a date standing alone on a line.
func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD, empty when no date
	}{
		{"February 18, 2025", "2025-02-18"},          // 004's form
		{"Feb. 18, 2025", "2025-02-18"},              // abbreviated month with a period
		{"Feb 18 2025", "2025-02-18"},                // no punctuation
		{"Sept. 3, 2025", "2025-09-03"},              // four-letter abbreviation
		{"18 February 2025", "2025-02-18"},           // day first
		{"Tuesday, February 18, 2025", "2025-02-18"}, // with the weekday
		{"2025-02-18", "2025-02-18"},                 // ISO
		{"  february 18, 2025 ", "2025-02-18"},       // lower case, spaces
		{"February 30, 2025", ""},                    // impossible day
		{"February 2025", ""},                        // month only: not a day
		{"On February 18, 2025, they met.", ""},      // a sentence, not a date line
		{"Shift in U.S.-Russia Relations", ""},       // a heading
		{"", ""},                                     // empty
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ParseDate(tt.in)
			got := ""
			if ok {
				got = d.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestParse checks metadata derivation and the errors for malformed files.
func TestParse(t *testing.T) {
	const good = " date 2025-02-18 Rubio and Lavrov met in Riyadh on Tuesday. They talked for hours.\n\nMore text.\n"
	tests := []struct {
		name    string
		data    string
		meta    Meta
		want    Article // ID, Title, Outlet, Date, URL compared; zero when an error is wanted
		wantErr string  // part of the error
	}{
		// Seed form without metadata: everything derived.
		{name: "derived", data: good,
			want: Article{ID: "2025-02-18-rubio-lavrov-met-riyadh", Title: "Rubio and Lavrov met in Riyadh on Tuesday", Outlet: "unknown"}},
		// Metadata wins over what the text says.
		{name: "metadata", data: good, meta: Meta{ID: "x-1", Title: "T", Outlet: "O", Published: "2025-02-20", URL: "https://o.test/a"},
			want: Article{ID: "x-1", Title: "T", Outlet: "O", URL: "https://o.test/a"}},
		// Headline, standing date and address from the text (004's form).
		{name: "headline in text", data: "\nPeace Talks Agreed\n\nFebruary 18, 2025\n\nThey met.\n\nOriginal url:\nhttps://mt.test/a",
			want: Article{ID: "2025-02-18-peace-talks-agreed", Title: "Peace Talks Agreed", Outlet: "unknown", URL: "https://mt.test/a"}},
		// CRLF line ends and a byte-order mark.
		{name: "crlf and bom", data: "\ufeff date 2025-02-18\r\n\r\nThey met.\r\n",
			want: Article{ID: "2025-02-18-they-met", Title: "They met", Outlet: "unknown"}},
		// A long first sentence is shortened for the title.
		{name: "long title", data: " date 2025-02-18 The talks, which began on Tuesday morning in the Diriyah Palace of Riyadh, ended late.",
			want: Article{ID: "2025-02-18-talks-which-began-tuesday", Title: "The talks, which began on Tuesday morning in the Diriyah Palace of…", Outlet: "unknown"}},
		{name: "no date", data: "Just some text.\n", wantErr: "no date"},
		{name: "bad date", data: " date 2025-13-01 Text.", wantErr: `bad date "2025-13-01"`},
		{name: "empty", data: "", wantErr: "empty file"},
		{name: "blank", data: " \n\n\t\n", wantErr: "empty file"},
		{name: "date but no text", data: " date 2025-02-18\n\n\n", wantErr: "no article text"},
		{name: "only furniture", data: " date 2025-02-18\nRelated article: x\n", wantErr: "no article text"},
		{name: "not utf-8", data: " date 2025-02-18 Ba\xf1os.", wantErr: "not valid UTF-8 (first bad byte at offset 19)"},
		{name: "binary", data: "\x89PNG\r\n\x1a\n\x00\x00", wantErr: "binary"},
		{name: "bad meta date", data: good, meta: Meta{Published: "18 Feb"}, wantErr: "bad published date"},
		{name: "bad meta id", data: good, meta: Meta{ID: "../etc"}, wantErr: "bad id"},
		{name: "meta id as files are named", data: good, meta: Meta{ID: " 01_Wire Report "},
			want: Article{ID: "01-wire-report", Title: "Rubio and Lavrov met in Riyadh on Tuesday", Outlet: "unknown"}},
		{name: "bad meta url", data: good, meta: Meta{URL: "ftp://x"}, wantErr: "bad url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("f.txt", []byte(tt.data), tt.meta)
			if tt.wantErr != "" {
				var fe *FileError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) || fe.Path != "f.txt" {
					t.Fatalf("Parse: err = %v, want a FileError for f.txt containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != tt.want.ID || a.Title != tt.want.Title || a.Outlet != tt.want.Outlet || a.URL != tt.want.URL || a.File != "f.txt" {
				t.Errorf("got id %q title %q outlet %q url %q file %q\nwant id %q title %q outlet %q url %q",
					a.ID, a.Title, a.Outlet, a.URL, a.File, tt.want.ID, tt.want.Title, tt.want.Outlet, tt.want.URL)
			}
		})
	}
}

// TestSlug checks the id part made of a title.
func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S. and Russia to Hold Diplomatic Talks", "us-russia-hold-diplomatic"}, // dots in initials vanish
		{"Published by Alejandro Baños", "published-alejandro-banos"},             // accents folded
		{"Trump’s envoy: “very soon”", "trump-envoy-very-soon"},                   // quotes and colon
		{"The of and", "article"},            // only stop words
		{"Переговоры в Эр-Рияде", "article"}, // no Latin letters
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slug(tt.in); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzParse checks that Parse never panics, and that what it returns is
// valid UTF-8 text whose paragraphs are substrings of Text.
func FuzzParse(f *testing.F) {
	arts, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	for _, a := range arts {
		data, err := embedded.ReadFile("articles/" + a.File)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(" date 2025-02-18 A.\n\nb <u>c</u>\n\nRelated article: x\n\nOriginal url:\nhttps://x"))
	f.Add([]byte("Headline Here\n\nFebruary 18, 2025\n\nText. Credit Line\n\nWhat Comes Next?"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", data, Meta{})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("Text is not valid UTF-8: %q", a.Text)
		}
		if len(a.Paragraphs) == 0 || a.Text != strings.Join(a.Paragraphs, "\n\n") {
			t.Fatalf("Text is not its paragraphs joined: %q", a.Paragraphs)
		}
		for _, p := range a.Paragraphs {
			if p == "" || !strings.Contains(a.Text, p) || strings.Contains(p, "\n") || p != strings.TrimSpace(p) {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		if a.ID == "" || !idRe().MatchString(a.ID) || a.Title == "" || a.Published.IsZero() {
			t.Fatalf("bad metadata: id %q title %q date %v", a.ID, a.Title, a.Published)
		}
	})
}
