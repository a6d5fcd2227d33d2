package extractive

import (
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/retrieval"
)

// TestGenreMarks: the kind of an article, from its title, address,
// headings or outlet.
func TestGenreMarks(t *testing.T) {
	for _, tt := range []struct {
		a    corpus.Article
		want string // "" for none
	}{
		{corpus.Article{Title: "The Observer view: the minister must go"}, "opinion"},
		{corpus.Article{Title: "Ratify the accord", URL: "https://example.org/chronicle/opinion/ratify"}, "opinion"},
		{corpus.Article{Title: "Ratify the accord", Headings: []string{"Editorial"}}, "opinion"},
		{corpus.Article{Title: "Tunnel fire: live updates"}, "live"},
		{corpus.Article{Title: "Chief speaks", URL: "https://example.org/radio/interviews/2025-chief"}, ""}, // an interview is read as any article
		{corpus.Article{Title: "Statement from the Tunnel Company on the fire"}, "release"},
		{corpus.Article{Title: "Ferry sinks off the coast", Outlet: "The Courier", URL: "https://example.org/courier/2025/03/ferry"}, ""},
		{corpus.Article{Title: "Live music returns", URL: "https://live.example.org/x"}, "live"}, // a title's word counts
		{corpus.Article{Title: "Ferry sinks", URL: "https://live.example.org/2025/ferry"}, ""},   // a host's does not
	} {
		tt.a.ID = "a"
		k := readGenres([]corpus.Article{tt.a})
		var got []string
		for g := range k.genres() {
			got = append(got, g)
		}
		if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
			t.Errorf("%+v: kinds %v, want %q", tt.a, got, tt.want)
		}
	}
}

// TestNamedArticle: a question that names an article by its outlet or
// its kind ("the Kestland Chronicle's editorial", "the opinion column") is
// answered from it; the words that name it are no words the articles lack.
// A kind no article is of names none.
func TestNamedArticle(t *testing.T) {
	arts := []corpus.Article{
		{ID: "wire", Title: "Ferry Aster sinks off Korrvik", Outlet: "Maravel News Agency",
			Text: "The ferry Aster sank off Korrvik on Tuesday. Six crew were rescued. The coastguard said two men were missing."},
		{ID: "blog", Title: "Ferry sinking: live updates", Outlet: "The Korrvik Courier",
			Text: "09:10 The coastguard says seven crew were rescued. 11:40 Divers reached the wreck."},
		{ID: "editorial", Title: "Pay the families now", Outlet: "The Kestland Chronicle", URL: "https://example.org/kestland-chronicle/opinion/pay-the-families",
			Text: "We have warned for ten years that the harbour was unsafe. We argue that the owners should compensate every family within a month. Our readers deserve nothing less."},
	}
	e, ix := answererOf(t, arts)
	for _, tt := range []struct {
		question, article string // "" for no answer
	}{
		{"What does the Kestland Chronicle editorial argue?", "editorial"},
		{"wat does the opinion column say the owners should do", "editorial"},
		{"what did the live blog say about the rescue", "blog"},
		{"what did the podcast say about the rescue", ""},           // no article is a podcast
		{"What does the Chronicle's editorial argue?", "editorial"}, // the paper by the last word of its name
	} {
		hits, _ := ix.Search(t.Context(), tt.question, 8)
		a, err := e.Answer(t.Context(), answer.Query{Text: tt.question, Search: tt.question}, hits)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.article == "" && !a.Abstained:
			t.Errorf("%q: answered %q, want no answer", tt.question, a.Answer)
		case tt.article != "" && (a.Abstained || len(a.Citations) == 0 || a.Citations[0].Article != tt.article):
			t.Errorf("%q: answer %q (%+v), want one from %q", tt.question, a.Answer, a.Citations, tt.article)
		}
	}
	// What a named article calls for is in its sentence with the
	// question's verb ("This newspaper calls for an inquiry"), not "say".
	e2, ix2 := answererOf(t, append(arts[:2:2], corpus.Article{ID: "editorial", Title: "After the sinking", Outlet: "The Kestland Chronicle",
		Text: "The harbour has been unsafe for a decade. Families waited for news all night. This newspaper calls for an inquiry led by a judge. The owners have not spoken."}))
	// A piece by its byline: "Mara Ostby's column".
	e3, ix3 := answererOf(t, append(arts[:2:2], corpus.Article{ID: "column", Title: "I sailed on that ferry for twenty years", Outlet: "The Korrvik Courier", Author: "Mara Ostby",
		Text: "Every winter the crossing gets rougher. The ferry should not have sailed in that storm. Its owners must answer for it."}))
	for _, q := range []string{"what does Mara Ostby's column say about the storm", "what did ostby's piece say about the storm"} {
		hits, _ := ix3.Search(t.Context(), q, 8)
		if a, _ := e3.Answer(t.Context(), answer.Query{Text: q, Search: q}, hits); a.Abstained || len(a.Citations) == 0 || a.Citations[0].Article != "column" {
			t.Errorf("%q: answer %q (%+v), want one from the column", q, a.Answer, a.Citations)
		}
	}
	q := "what does the Chronicle call for"
	hits, _ := ix2.Search(t.Context(), q, 8)
	if a, _ := e2.Answer(t.Context(), answer.Query{Text: q, Search: q}, hits); a.Abstained || !strings.Contains(a.Answer, "calls for an inquiry") {
		t.Errorf("%q: answer %q, want the sentence that calls for it", q, a.Answer)
	}
	if q := analyse(ix, "what did Radio Kestland say"); q != nil {
		e.articleRefs(q)
		if len(q.refers) != 0 {
			t.Errorf("an outlet's words in another order name it: %v", q.refers)
		}
	}
}

// TestAnnouncesList: a sentence that ends in a colon, or counts what the
// next sentence starts to list, announces it; a count of steps taken
// does not.
func TestAnnouncesList(t *testing.T) {
	for text, want := range map[string]bool{
		"The bank raised rates in three steps of 100 basis points. The crown fell another 11 per cent.": false,
		"There are two reasons. The weather was bad.":                                                   false,
	} {
		_, _, sents := oneArticle(t, text)
		if got := announcesList(sents[0]); got != want {
			t.Errorf("%q: announcesList %v, want %v", sents[0].text, got, want)
		}
	}
	_, _, sents := articleOf(t, "These are the figures published so far:", "- 7 of 9 hospitals lost their systems.")
	if !announcesList(sents[0]) {
		t.Errorf("%q: a colon at its end announces no list", sents[0].text)
	}
}

// TestCorrectionWords: a question about a correction names it by what was
// wrong ("what error did the Ledger correct"), a word the correction need
// not have ("Our 09:15 entry said all nine hospitals were affected"); its
// words for the report and the error are no words to find.
func TestCorrectionWords(t *testing.T) {
	ix := sentenceArticles(t, "14:45 CORRECTION: Our 09:15 entry said all nine hospitals were affected. Seven were.", "The Ledger covered the ruling.", "Snow fell on Monday.")
	for q, want := range map[string][]string{
		"What error did the Ledger's live blog correct?": {"ledger", "correct"},
		"what mistake did the blog correct":              {"correct"},
		"what went wrong at the hospitals":               {"go+wrong", "go", "hospit"}, // no correction
		// Which outlet's report, and which of its versions, say which
		// correction: the wire's, its first.
		"which figure did the wire agency get wrong in its first version": {"figur", "wrong"},
		"what did the wire agency first report about the hospitals":       {"wire", "agenc", "first", "report", "hospit"}, // no correction
	} {
		a := analyse(ix, q)
		var got []string
		for _, w := range a.words {
			got = append(got, w.Term)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: words %v, want %v", q, got, want)
		}
	}
}

// TestMeasureSpans: a number is a measure before a unit WordNet has,
// not before what it counts, a sum of money or a length of time.
func TestMeasureSpans(t *testing.T) {
	for text, want := range map[string]string{
		"Snow lay 40 centimetres deep.":       "40 centimetres",
		"The queue was 9 km long.":            "9 km",
		"gusts of 104km/h":                    "104km",
		"a 4.8-magnitude aftershock":          "4.8-magnitude",
		"The magnitude 6.1 earthquake struck": "magnitude 6.1",
		"Zora Pelc, 71, said":                 ", 71,",
		"a 15-year-old girl":                  "15-year-old",
		"Saska, a four-year-old female":       "four-year-old", // a number word
		"a town of 1.2 million inhabitants":   "1.2 million inhabitants",
		"Crews rescued 4 sailors.":            "",
		"It cost 12 dollars.":                 "",
		"The talks lasted three hours.":       "",
		"The dam was built in 2019.":          "",
	} {
		got := ""
		if locs := measureSpans(text); len(locs) > 0 {
			got = text[locs[0][0]:locs[0][1]]
		}
		if got != want {
			t.Errorf("%q: measure %q, want %q", text, got, want)
		}
	}
}

// TestMeasureDimension: a measure answers a question of what it measures:
// "how deep" a length, not "a speed limit of 8 knots"; "how fast" a speed,
// not "an 84-metre section"; "how big" any.
func TestMeasureDimension(t *testing.T) {
	for text, want := range map[string]string{
		"a speed limit of 8 knots":            "speed",
		"14 metres deep":                      "length",
		"An 84-metre section":                 "length",
		"Captain Radek Imre, 51, a pilot":     "age",
		"a cargo of 800 tonnes":               "weight",
		"a town of 12,000 inhabitants":        "people",
		"The magnitude 6.1 earthquake struck": "magnitude",
		"a 4.8-magnitude aftershock":          "magnitude",
		"gusts of 104 km/h at the airfield":   "speed", // a length an hour
		"met at 11.6 kilometres per second":   "speed",
		"winds of 90 kilometres an hour":      "speed",
		"a queue 9 km long":                   "length",
		"Snow lay 40 centimetres deep":        "length", // a unit no list had
		"a 15-year-old girl":                  "age",
		"some 3,400 villagers":                "people",
		"gusts reached 70 mph":                "speed",
		"a high of 38 degrees":                "temperature",
		"2,000 square miles of forest":        "area",
		"1.8 billion cubic metres a year":     "volume", // not how deep, nor a speed
		"the ice moved 40 metres a day":       "speed",  // any unit of time (timeUnit)
	} {
		locs := measureSpans(text)
		if len(locs) == 0 {
			t.Errorf("%q: no measure", text)
			continue
		}
		loc := locs[0]
		if got := measureDimension(text[loc[0]:loc[1]], text[loc[1]:]); got != want {
			t.Errorf("%q: measures %q, want %q", text, got, want)
		}
	}
	ix := sentenceArticles(t, "The channel is 14 metres deep.", "Snow fell on Monday.", "The ferry was late.")
	for q, want := range map[string]string{
		"how deep is the channel":             "length",
		"how fast was the lorry going":        "speed",
		"how strong were the gusts":           "speed magnitude",
		"how old is the captain":              "age",
		"how big is the channel":              "",
		"what distance did it travel":         "length",
		"what was the magnitude of the quake": "magnitude",
	} {
		if got := analyse(ix, q).dimension; got != want {
			t.Errorf("%q: dimension %q, want %q", q, got, want)
		}
	}
}

// TestMeasureNearFromPlace: a distance's place follows it ("2.3
// kilometres from the zoo"); other measures' words stand before them.
func TestMeasureNearFromPlace(t *testing.T) {
	ix := sentenceArticles(t, "She was found in allotments about 2.3 kilometres from the zoo.", "The zoo's fence is 4 metres high.", "Snow fell on Monday.")
	q := analyse(ix, "what distance from the zoo was she found")
	for text, want := range map[string]bool{
		"She was found in allotments about 2.3 kilometres from the zoo.":                         true,
		"The leopard weighs 40 kilograms, the zoo said.":                                         false, // a weight
		"A 4-metre fence was built around an enclosure; the zoo is open.":                        false, // no place after it
		"She was found on Sept. 16 in allotments about 2.3 kilometres from the zoo and sedated.": true,  // the question's words further before it
	} {
		_, _, sents := articleOf(t, text)
		if got := measureNear(q, sents[0]); got != want {
			t.Errorf("%q: measure of the question %v, want %v", text, got, want)
		}
	}
}

// TestTabledQuestion: a parliament's written question ("To ask the
// Minister of Health how many people fell ill") asks; the answer after it
// answers it, with the question's words.
func TestTabledQuestion(t *testing.T) {
	_, _, sents := articleOf(t,
		"WQ 2025/1184. Tabled 17 March 2025 by Jonas Ekwall (Coastal Alliance):\nTo ask the Minister of Health how many people fell ill in the outbreak.",
		"Answered 31 March 2025 by Alma Rusek:\nThe agency recorded 318 cases among the 3,000 people on board.",
		"To ask a question, write to the clerk.")
	for _, s := range sents {
		tabled := strings.Contains(s.text, "To ask the Minister")
		if (s.turn == 'Q') != tabled {
			t.Errorf("%q: turn %q, want a question %v", s.text, s.turn, tabled)
		}
		if strings.HasPrefix(s.text, "The agency recorded") && !s.asked[english.Term("ill")] {
			t.Errorf("%q: the question it answers is not its own: %v", s.text, s.asked)
		}
	}
}

// TestToReader: what an article says to its reader about itself is no
// part of a summary: a live blog's welcome, an explainer's "here are the
// answers", a release's "issues the following statement".
func TestToReader(t *testing.T) {
	for text, want := range map[string]bool{
		"Welcome to our live coverage of the fire.":                                                  true,
		"Here are the answers to your questions.":                                                    true,
		"The Public Health Agency issues the following statement on the outbreak aboard the Linnea.": true,
		"The following day, the ship sailed for Tarvik.":                                             false,
		"The agency fined the operator 250,000 crowns.":                                              false,
		"MARANT: Good morning, and thank you for having me.":                                         true,
		"Thanks to the rescuers, eleven people were saved.":                                          false,
	} {
		if got := reToReader().MatchString(text); got != want {
			t.Errorf("%q: to the reader %v, want %v", text, got, want)
		}
	}
}

// TestGreets: a turn that opens with a greeting or thanks answers nothing;
// the rest of what reToReader finds is no greeting.
func TestGreets(t *testing.T) {
	for text, want := range map[string]bool{
		"MARANT: Good morning, and thank you for having me.":    true,
		"And thank you for starting with the minute's silence.": true,
		"Good evening.":                                             true,
		"Thanks again for your patience.":                           true,
		"Welcome to our live coverage of the fire.":                 false,
		"Thanks to the rescuers, eleven people were saved.":         false,
		"The minister said good morning was not how she felt.":      false,
		"FALK: Our members stopped their trains at twelve o'clock.": false,
	} {
		if got := greets(text); got != want {
			t.Errorf("%q: greets %v, want %v", text, got, want)
		}
	}
}

// TestPairSupports: a comparison with a word the articles lack is
// answered when the best sentence of each side, together, cover enough of
// it; not when one side has none.
func TestPairSupports(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a", Text: "Dr Mireille Oduya, a doctor at the clinic, published findings that 71 of 300 patients would board a bus."},
		{ID: "b", Text: "The agency's own household survey put the share at 18 per cent."},
		{ID: "c", Text: "Snow fell on Monday."}, {ID: "d", Text: "The ferry was late."}, {ID: "e", Text: "Schools were closed."},
	}
	e, ix := answererOf(t, arts)
	for q, want := range map[string]int{
		"Contrast the doctor's findings on willingness among patients with the agency's household survey": 2,
		"Contrast the doctor's salary with the mayor's pension":                                           0,
	} {
		hits, _ := ix.Search(t.Context(), q, 8)
		a, err := e.Answer(t.Context(), answer.Query{Text: q, Search: q}, hits)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(a.Citations); a.Abstained && want != 0 || got != want {
			t.Errorf("%q: %d citations (%q), want %d", q, got, a.Answer, want)
		}
	}
}

// answererOf indexes articles of one paragraph each (their Text) and
// returns an answerer over them.
func answererOf(t *testing.T, arts []corpus.Article) (*Answerer, *retrieval.Index) {
	t.Helper()
	for i := range arts {
		if arts[i].Paragraphs == nil {
			arts[i].Paragraphs = []string{arts[i].Text}
		}
	}
	ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(64), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return New(nil, arts, ix, nil), ix
}

// TestGenrePhrases: a question names a kind of article by a phrase that
// can mean nothing else ("the editorial", "the op-eds", "the live blog");
// an article's title and address by shorter words too ("live",
// "opinion"), which a question uses in other senses.
func TestGenrePhrases(t *testing.T) {
	for _, tt := range []struct {
		text, genre string
		asked       bool
		want        int
	}{
		{"what does the chronicle's editorial argue", "opinion", true, 1},
		{"what did the op-eds say", "opinion", true, 1},
		{"wat does the opinion column say", "opinion", true, 2}, // "opinion column" and "column"
		{"what is the minister's opinion of the deal", "opinion", true, 0},
		{"what did the live blog say at noon", "live", true, 2}, // "live blog" and "blog"
		{"where do the families live now", "live", true, 0},
		{"what does the press release promise", "release", true, 1},
		{"when was the statement from the ministry released", "release", true, 0},
		{"Tunnel fire: live updates", "live", false, 2},
		{"Statement from the Tunnel Company on the fire", "release", false, 1},
		{"The Observer view: the minister must go", "opinion", false, 1},
	} {
		if got := genrePhrases(tt.genre, english.Words(strings.ToLower(tt.text)), tt.asked); len(got) != tt.want {
			t.Errorf("genrePhrases(%q, %q, %v) = %q, want %d", tt.genre, tt.text, tt.asked, got, tt.want)
		}
	}
}

func TestPieceWord(t *testing.T) {
	for w, want := range map[string]bool{
		"column": true, "op-ed": true, "piece": true, "blog": true, "editorial": true, // a kind of article a question names
		"article": true, "essay": true, "letter": true, "review": true, // a communication
		"team": false, "house": false, "son": false, "ship": false,
	} {
		if got := pieceWord(w); got != want {
			t.Errorf("pieceWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestManyNamedArticles: a word that names many articles names them all,
// to be read whole ("the Courier's reports", the Courier's four of five),
// up to maxArticlesRead; more names too many to read.
func TestManyNamedArticles(t *testing.T) {
	arts := []corpus.Article{{ID: "wire", Title: "Ferry Aster sinks", Outlet: "Maravel News Agency", Text: "The ferry Aster sank off Korrvik on Tuesday."}}
	for _, id := range []string{"c1", "c2", "c3", "c4"} {
		arts = append(arts, corpus.Article{ID: id, Title: "Ferry update " + id, Outlet: "The Korrvik Courier", Text: "Divers reached the wreck of the Aster on day " + id + "."})
	}
	e, ix := answererOf(t, arts)
	q := analyse(ix, "what did the Korrvik Courier report about the divers")
	if q == nil {
		t.Fatal("no analysis")
	}
	e.articleRefs(q)
	got := q.namedArticles()
	slices.Sort(got)
	if want := []string{"c1", "c2", "c3", "c4"}; !slices.Equal(got, want) {
		t.Errorf("named articles %v, want %v", got, want)
	}
	if maxArticlesRead < len(got) {
		t.Errorf("maxArticlesRead %d bounds fewer articles than a test corpus's outlet has", maxArticlesRead)
	}
}
