package corpus

import (
	"slices"
	"testing"
)

// TestClean has rows for every cleaning rule of clean.go, each with the
// rule's number.
func TestClean(t *testing.T) {
	tests := []struct {
		name       string
		lede, body string
		title      string // headline found in the text
		date       string // date found standing alone, YYYY-MM-DD
		url        string
		headings   []string
		paras      []string
		author     string
	}{
		// Rule 1: NBSP, tabs and runs of spaces become one space; curly quotes and dashes stay.
		{name: "whitespace", body: "  “Not\u00a0bad,”\tsaid   Ushakov — twice.  ",
			paras: []string{"“Not bad,” said Ushakov — twice."}},
		// Rule 1: zero-width spaces, BOMs and control characters go.
		{name: "invisible characters", body: "Zero\u200bwidth\ufeff and\x07 bell.",
			paras: []string{"Zerowidth and bell."}},
		// Rule 1: a space before an apostrophe is the text's own, kept.
		{name: "text's own spacing kept", body: "Putin 's advisor spoke.",
			paras: []string{"Putin 's advisor spoke."}},
		// Rule 2: inline tags go, their inner text stays.
		{name: "inline tag", body: "Kremlin aide Yury Ushakov <u>told</u> state broadcaster Channel One.",
			paras: []string{"Kremlin aide Yury Ushakov told state broadcaster Channel One."}},
		// Rule 2: tags with attributes and self-closing tags.
		{name: "tag with attributes", body: `He <a href="https://x.test/a">said</a> it<img src="a.png"/> twice.`,
			paras: []string{"He said it twice."}},
		// Rule 2: block tags end paragraphs.
		{name: "block tags", body: "<p>First paragraph.</p><p>Second paragraph.<br>Same one.</p>",
			paras: []string{"First paragraph.", "Second paragraph. Same one."}},
		// Rule 2: comments go; character references are decoded; a bare "<" stays.
		{name: "comments and entities", body: "AT&amp;T said 2 < 3<!-- ad --> &#8220;today&#8221;.",
			paras: []string{"AT&T said 2 < 3 “today”."}},
		// Rule 2: an ampersand that is no reference stays as it is.
		{name: "bare ampersand", body: "R&D and Q&A&nbsp grew.",
			paras: []string{"R&D and Q&A&nbsp grew."}},
		// Rule 3: "Related article:" lines go, tags inside them too.
		{name: "related article", body: "One.\n\nRelated article: <u>Ukraine Settlement 'Impossible'</u>\n\nTwo.",
			paras: []string{"One.", "Two."}},
		// Rule 3: other link lines of the same kind.
		{name: "read more and see also", body: "One.\nRead more: Talks in Riyadh\n\nSee also: Lavrov\n\nRelated: x\n\nTwo.",
			paras: []string{"One.", "Two."}},
		// Rule 3: "Original url:" and the address on the next line go; the address is kept as URL.
		{name: "original url on next line", body: "Text.\n\nOriginal url:\n\nhttps://example.test/a-b",
			url: "https://example.test/a-b", paras: []string{"Text."}},
		// Rule 3: "Original url:" with the address on the same line.
		{name: "original url same line", body: "Text.\nOriginal URL: https://example.test/x",
			url: "https://example.test/x", paras: []string{"Text."}},
		// Rule 3: a line that is only an address, and "Advertisement", go.
		{name: "bare address and advertisement", body: "One.\nhttps://t.test/x\nAdvertisement\nTwo.",
			paras: []string{"One.", "Two."}},
		// Rule 3: a sentence that mentions "related" is not furniture.
		{name: "related in a sentence", body: "Related talks: none were held.",
			paras: []string{"Related talks: none were held."}},
		// Rule 4: runs of blank lines are one paragraph break; whitespace-only lines are blank.
		{name: "blank-line runs", body: "\n\n \nOne.\n\n\n\n\t\nTwo.\n\n\n",
			paras: []string{"One.", "Two."}},
		// Rule 4: hard-wrapped lines are joined into one paragraph.
		{name: "hard wrap", body: "Rubio said the talks\nwent well.\n\nLavrov agreed.",
			paras: []string{"Rubio said the talks went well.", "Lavrov agreed."}},
		// Rule 4: the rest of the date line is the first paragraph.
		{name: "lede from date line", lede: "Diplomats met in Riyadh.", body: "\nThey talked.",
			paras: []string{"Diplomats met in Riyadh.", "They talked."}},
		// Rule 5: a sentence split across a blank line is rejoined ("Leading the U.S." / "delegation").
		{name: "split sentence", body: "Talks are set. Leading the U.S.\n\ndelegation will be Marco Rubio.",
			paras: []string{"Talks are set. Leading the U.S. delegation will be Marco Rubio."}},
		// Rule 5: also after a comma or a word no sentence ends in, before a capital.
		{name: "split after open word or comma", body: "The talks were held in\n\n\nRiyadh on Tuesday,\n\nMoscow said.",
			paras: []string{"The talks were held in Riyadh on Tuesday, Moscow said."}},
		// Rule 5: a heading ending in a capitalised word is not unfinished.
		{name: "heading not joined", body: "Text.\n\nTalks in Riyadh\n\nThey began.",
			headings: []string{"Talks in Riyadh"}, paras: []string{"Text.", "They began."}},
		// Rule 5: a paragraph starting with a capital, or a name like "iPhone", is not a continuation.
		{name: "no join before capital or camel case", body: "One ends.\n\niPhone sales rose.\n\nU.S. officials spoke.",
			paras: []string{"One ends.", "iPhone sales rose.", "U.S. officials spoke."}},
		// Rule 6: a heading line repeating the lede is dropped (000).
		{name: "repeated lede", lede: "A new round of talks is set.", body: "\nA new round of talks is set. Lavrov will travel.",
			paras: []string{"A new round of talks is set. Lavrov will travel."}},
		// Rule 6: also when the repeated line lacks the final period.
		{name: "repeated lede without period", lede: "A new round of talks is set", body: "\nA new round of talks is set. Lavrov will travel.",
			paras: []string{"A new round of talks is set. Lavrov will travel."}},
		// Rule 6: a paragraph that the next merely begins with the same words is kept.
		{name: "same start kept", body: "Text.\n\nRubio met Lavrov in Riyadh\n\nRubio met Lavrov in Riyadhs palace.",
			headings: []string{"Rubio met Lavrov in Riyadh"}, paras: []string{"Text.", "Rubio met Lavrov in Riyadhs palace."}},
		// Rule 6: a summary that differs from the lede is article text (001).
		{name: "distinct summary kept", lede: "Diplomats met in Saudi Arabia. Ukraine was absent.", body: "\nRubio said on Tuesday that both sides must give.",
			paras: []string{"Diplomats met in Saudi Arabia. Ukraine was absent.", "Rubio said on Tuesday that both sides must give."}},
		// Rule 6: exact duplicate paragraphs in a row collapse to one.
		{name: "duplicate paragraph", body: "The talks lasted four hours.\n\nThe talks lasted four hours.",
			paras: []string{"The talks lasted four hours."}},
		// Rule 7: a byline in the date line is not article text (002).
		{name: "byline", lede: "Published by Alejandro Baños Verified by 17 de febrero, 2025", body: "\nRubio will meet Lavrov.",
			paras: []string{"Rubio will meet Lavrov."}},
		// Rule 7: "By ..." bylines too; a sentence starting with "By" is text.
		{name: "by line and by sentence", body: "By Jane Doe\n\nBy Tuesday, the delegations had arrived.",
			paras: []string{"By Tuesday, the delegations had arrived."}},
		// Rule 7: a byline line over a writer's note in the same block.
		{name: "byline over a note", body: "By Elena Varga\nElena Varga is professor of economics.\n\nThe deal buys time.",
			paras: []string{"Elena Varga is professor of economics.", "The deal buys time."}, author: "Elena Varga"},
		// Rule 7: a byline under a masthead line, over a date line, all in one block.
		{name: "byline under a masthead", body: "The Northgate Review - Opinion\nBy Dr Mireille Oduya\n22 April 2025\n\nThe camps are full.",
			title: "The Northgate Review - Opinion", date: "2025-04-22", paras: []string{"The camps are full."}, author: "Dr Mireille Oduya"},
		// Rule 7: a line of text that ends a sentence keeps "By ..." after it as text.
		{name: "by after a sentence", body: "The ships sailed.\nBy Tuesday they had arrived.",
			paras: []string{"The ships sailed. By Tuesday they had arrived."}},
		// Rule 7: a wire story's closing credit line is its byline, not text.
		{name: "credit line", body: "The ships sailed on Monday.\n\n(Reporting by Piet Sander; editing by Clara Voss)",
			paras: []string{"The ships sailed on Monday."}, author: "Piet Sander"},
		// Rule 7: a parenthesis in the text that names no reporter stays.
		{name: "parenthesis kept", body: "The ships sailed.\n\n(The port was closed by Smith on Friday.)",
			paras: []string{"The ships sailed.", "(The port was closed by Smith on Friday.)"}},
		// Rule 7: headline and date standing alone at the top are metadata (004).
		{name: "headline and date", body: "\n \n\nRussia and U.S. Agree to Start Talks\n\nFebruary 18, 2025\n\n\nOfficials met on Tuesday.",
			title: "Russia and U.S. Agree to Start Talks", date: "2025-02-18", paras: []string{"Officials met on Tuesday."}},
		// Rule 7: a date inside the article is not top matter: it is a heading, not the date.
		{name: "date after text", body: "Officials met.\n\nFebruary 19, 2025\n\nThey met again.",
			headings: []string{"February 19, 2025"}, paras: []string{"Officials met.", "They met again."}},
		// Rule 8: a caption keeps its sentence and loses its picture credit (004).
		{name: "caption credit", body: "Top U.S. and Russian diplomats meet in Saudi Arabia on Tuesday. U.S. Department of State\n\nText.",
			paras: []string{"Top U.S. and Russian diplomats meet in Saudi Arabia on Tuesday.", "Text."}},
		// Rule 8: a title-case heading after an abbreviation is no caption.
		{name: "abbreviation is no sentence end", body: "Text.\n\nTalks With Mr. Putin Begin Soon",
			headings: []string{"Talks With Mr. Putin Begin Soon"}, paras: []string{"Text."}},
		// Rule 8: a long unterminated last paragraph keeps its unfinished sentence (000).
		{name: "unterminated last paragraph", body: "It began. The outcome of these diplomatic talks in Saudi Arabia remains uncertain, but they represent a crucial step towards a resolution to the war in Ukraine",
			paras: []string{"It began. The outcome of these diplomatic talks in Saudi Arabia remains uncertain, but they represent a crucial step towards a resolution to the war in Ukraine"}},
		// Rule 9: section headings go to Headings, not Paragraphs (001, 003).
		{name: "section headings", lede: "Diplomats met.", body: "\nShift in U.S.-Russia Relations\n\nRubio spoke.\n\nTrump-Putin meeting could happen \"very soon\"\n\nIt may.",
			headings: []string{"Shift in U.S.-Russia Relations", "Trump-Putin meeting could happen \"very soon\""},
			paras:    []string{"Diplomats met.", "Rubio spoke.", "It may."}},
		// Rule 9: a Title Case question is a heading; an ordinary question is text.
		{name: "question heading", body: "Text.\n\nWhat Comes Next?\n\nWho will pay for reconstruction?",
			headings: []string{"What Comes Next?"}, paras: []string{"Text.", "Who will pay for reconstruction?"}},
		// Rule 9: a heading before any text is the headline.
		{name: "headline without date", body: "Kremlin Announces Meeting\n\nLavrov flies today.",
			title: "Kremlin Announces Meeting", paras: []string{"Lavrov flies today."}},
		// Rule 9: a page of letters keeps its signatures as text; one
		// sign-off alone stays a heading.
		{name: "letters page", body: "Text.\n\nSir, I agree.\n\nColin Ferrabee, Skelmore\n\nSir, I do not.\n\nEleanor Voss, Wrennick",
			paras: []string{"Text.", "Sir, I agree.", "Colin Ferrabee, Skelmore", "Sir, I do not.", "Eleanor Voss, Wrennick"}},
		{name: "one sign-off", body: "Text.\n\nWe are sorry.\n\nMarek Dunstan, Halcyon Live",
			headings: []string{"Marek Dunstan, Halcyon Live"}, paras: []string{"Text.", "We are sorry."}},
		// Nothing left: no paragraphs.
		{name: "only furniture", body: "Related article: x\n\nOriginal url:\nhttps://e.test/",
			url: "https://e.test/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := clean(tt.lede, tt.body)
			date := ""
			if !c.Date.IsZero() {
				date = c.Date.Format("2006-01-02")
			}
			if c.Title != tt.title || date != tt.date || c.URL != tt.url {
				t.Errorf("title, date, url = %q, %q, %q; want %q, %q, %q", c.Title, date, c.URL, tt.title, tt.date, tt.url)
			}
			if !slices.Equal(c.Headings, tt.headings) {
				t.Errorf("headings = %q\nwant %q", c.Headings, tt.headings)
			}
			if !slices.Equal(c.Paragraphs, tt.paras) {
				t.Errorf("paragraphs = %q\nwant %q", c.Paragraphs, tt.paras)
			}
			if c.Author != tt.author && tt.author != "" {
				t.Errorf("author = %q, want %q", c.Author, tt.author)
			}
		})
	}
}

// TestIsAbbrev checks the words that end in a period without ending a sentence.
// FuzzNormSpace checks that the fast path of normSpace agrees with the slow
// one and that normalising twice changes nothing.
func FuzzNormSpace(f *testing.F) {
	for _, s := range []string{"", " a", "a  b", "a\u00a0b", "“x” — y", "a\u200b", "a\x00b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normSpace(s)
		if spaceClean(s) != (n == s) {
			t.Fatalf("spaceClean(%q) = %v, but normSpace gives %q", s, spaceClean(s), n)
		}
		if normSpace(n) != n {
			t.Fatalf("normSpace not idempotent on %q: %q", s, n)
		}
	})
}

func TestBylineName(t *testing.T) {
	tests := []struct{ byline, want string }{
		{"By Kerem Yilmaz", "Kerem Yilmaz"},
		{"Published by Alejandro Baños Verified by 17 de febrero, 2025", "Alejandro Baños"}, // 002's date line
		{"By Ursula von der Leyen", "Ursula von der Leyen"},                                 // particles
		{"Written by Jane Doe and John Roe", "Jane Doe"},                                    // the first name
		{"By staff", ""}, // no name
	}
	for _, tt := range tests {
		if got := bylineName(tt.byline); got != tt.want {
			t.Errorf("bylineName(%q) = %q, want %q", tt.byline, got, tt.want)
		}
	}
}
