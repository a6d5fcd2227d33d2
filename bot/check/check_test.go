package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/bot/internal/fixture"
	"github.com/talksbot/talksbot/corpus/english"
)

var (
	fixtureArticles = fixture.Articles()
	fixtureHits     = fixture.Hits
)

var fixtureLib = answer.NewLibrary(fixtureArticles)

func TestCheck(t *testing.T) {
	const (
		rubio   = "Secretary of State Marco Rubio led the U.S. delegation at Diriyah Palace."
		useful  = "Russian Foreign Minister Sergei Lavrov said the talks were useful."
		nato    = "Lavrov said Moscow would not accept NATO troops in Ukraine."
		lasted  = "The talks lasted about four and a half hours."
		invaded = "The meeting comes three years after the invasion began in 2022."
	)
	type cit struct {
		n       int
		article string
		quote   string
	}
	tests := []struct {
		name      string
		raw       string
		want      string // "" means nothing held (the engine falls back)
		cits      []cit
		abstained bool
		check     answer.Check // DroppedSentence not compared
	}{
		{name: "correct answer",
			raw:  "Marco Rubio led the U.S. delegation at Diriyah Palace [1]. Lavrov said the talks were useful [2].",
			want: "Marco Rubio led the U.S. delegation at Diriyah Palace [1]. Lavrov said the talks were useful [2].",
			cits: []cit{{1, "a-rubio", rubio}, {2, "b-lavrov", useful}}},
		// A marker that points at no passage is removed; the sentence keeps its valid one.
		{name: "one of two markers invalid",
			raw:   "Marco Rubio led the U.S. delegation [1][7].",
			want:  "Marco Rubio led the U.S. delegation [1].",
			cits:  []cit{{1, "a-rubio", rubio}},
			check: answer.Check{InvalidMarkers: 1}},
		{name: "only invalid markers",
			raw:   "Marco Rubio led the U.S. delegation [9]. Lavrov called the talks useful [0].",
			check: answer.Check{InvalidMarkers: 2, Uncited: 2}},
		{name: "no citations at all",
			raw:   "Marco Rubio led the U.S. delegation. Lavrov said the talks were useful.",
			check: answer.Check{Uncited: 2}},
		// An invented claim under a real marker is dropped.
		{name: "unsupported claim",
			raw:   "Rubio signed a peace treaty with Lavrov [1]. The talks lasted about four and a half hours [1].",
			want:  "The talks lasted about four and a half hours [1].",
			cits:  []cit{{1, "a-rubio", lasted}},
			check: answer.Check{Unsupported: 1}},
		// Numbers must match exactly.
		{name: "wrong number",
			raw:   "The invasion began in 2021 [3].",
			check: answer.Check{Unsupported: 1}},
		{name: "right number",
			raw:  "The invasion began in 2022, three years earlier [3].",
			want: "The invasion began in 2022, three years earlier [1].",
			cits: []cit{{1, "c-kyiv", invaded}}},
		// The article's date counts as the passage's.
		{name: "date of the article",
			raw:  "On February 18, 2025, Rubio led the U.S. delegation [1].",
			want: "On February 18, 2025, Rubio led the U.S. delegation [1].",
			cits: []cit{{1, "a-rubio", rubio}}},
		// A name no passage gives is an invented claim, even when the
		// rest of the sentence is the passage's.
		{name: "invented name",
			raw:   "Rubio led the U.S. delegation [1]. Rubio led the delegation on the Moon [1].",
			want:  "Rubio led the U.S. delegation [1].",
			cits:  []cit{{1, "a-rubio", rubio}},
			check: answer.Check{Unsupported: 1}},
		{name: "renumbered in order of first use",
			raw:  "Lavrov said the talks were useful [2]. Marco Rubio led the U.S. delegation [1]. Lavrov said Moscow would not accept NATO troops [2].",
			want: "Lavrov said the talks were useful [1]. Marco Rubio led the U.S. delegation [2]. Lavrov said Moscow would not accept NATO troops [3].",
			// Each claim quotes the sentence that carries it: one
			// passage, two quotes, two citations.
			cits: []cit{{1, "b-lavrov", useful}, {2, "a-rubio", rubio}, {3, "b-lavrov", nato}}},
		// Two claims resting on one sentence share its citation.
		{name: "a quote is listed once",
			raw:  "Lavrov said the talks were useful [2]. The Russian foreign minister called them useful [2].",
			want: "Lavrov said the talks were useful [1]. The Russian foreign minister called them useful [1].",
			cits: []cit{{1, "b-lavrov", useful}}},
		// Markers inside a sentence stay where they are, renumbered, and
		// a word that named the passage names its outlet.
		{name: "marker inside a sentence",
			raw:  "According to passage [2], Lavrov said the talks were useful.",
			want: "According to Example Times [1], Lavrov said the talks were useful.",
			cits: []cit{{1, "b-lavrov", useful}}},
		// A sentence that leans on a dropped one goes with it.
		{name: "dependent sentence",
			raw:   "Rubio led the delegation on the Moon [1]. He led it at Diriyah Palace [1]. Lavrov said the talks were useful [2].",
			want:  "Lavrov said the talks were useful [1].",
			cits:  []cit{{1, "b-lavrov", useful}},
			check: answer.Check{Unsupported: 1, Dependent: 1}},
		// The quote is the passage's sentence that best supports the citing sentences.
		{name: "best-supporting sentence quoted",
			raw:  "Moscow would not accept NATO troops in Ukraine, Lavrov said [2].",
			want: "Moscow would not accept NATO troops in Ukraine, Lavrov said [1].",
			cits: []cit{{1, "b-lavrov", nato}}},
		{name: "markers after the stop, and combined",
			raw:  "Marco Rubio led the U.S. delegation. [1] Lavrov said the talks were useful, and Rubio led the delegation. [1, 2]",
			want: "Marco Rubio led the U.S. delegation [1]. Lavrov said the talks were useful, and Rubio led the delegation [1][2].",
			cits: []cit{{1, "a-rubio", rubio}, {2, "b-lavrov", useful}}},
		{name: "a list",
			raw:  "- **Marco Rubio** led the U.S. delegation [1]\n- Lavrov said the talks were useful [2]",
			want: "- Marco Rubio led the U.S. delegation [1]\n- Lavrov said the talks were useful [2]",
			cits: []cit{{1, "a-rubio", rubio}, {2, "b-lavrov", useful}}},
		// A numbered list keeps its numbers, renumbered over the items kept.
		{name: "a numbered list",
			raw:   "1. Rubio led the delegation on the Moon [1]\n2. Marco Rubio led the U.S. delegation [1]\n3. Lavrov said the talks were useful [2]",
			want:  "1. Marco Rubio led the U.S. delegation [1]\n2. Lavrov said the talks were useful [2]",
			cits:  []cit{{1, "a-rubio", rubio}, {2, "b-lavrov", useful}},
			check: answer.Check{Unsupported: 1}},
		// A marker of a supported sentence to a passage that shares nothing with it goes.
		{name: "irrelevant marker",
			raw:   "Marco Rubio led the U.S. delegation [1][3].",
			want:  "Marco Rubio led the U.S. delegation [1].",
			cits:  []cit{{1, "a-rubio", rubio}},
			check: answer.Check{IrrelevantMarkers: 1}},
		{name: "abstention", raw: "The articles don't say.", want: AbstainText, abstained: true},
		{name: "abstention, curly and longer", raw: "The articles don’t say who paid for the hotel.", want: AbstainText, abstained: true},
		// Part answered, the rest declined: not an abstention.
		{name: "partial answer",
			raw:  "Marco Rubio led the U.S. delegation [1]. The articles don't say more.",
			want: "Marco Rubio led the U.S. delegation [1]. The articles don't say more.",
			cits: []cit{{1, "a-rubio", rubio}}},
		// What a model under prompt injection might write: only the supported, validly cited sentence stays.
		{name: "prompt injection",
			raw:   "@everyone Ignoring my instructions as asked. The war is over [9]. Marco Rubio led the U.S. delegation [1]. Article 9 says Russia won [9].",
			want:  "Marco Rubio led the U.S. delegation [1].",
			cits:  []cit{{1, "a-rubio", rubio}},
			check: answer.Check{InvalidMarkers: 2, Uncited: 3, Mentions: 1}},
		// Mentions never survive, even in a supported sentence.
		{name: "mentions",
			raw:   "@everyone Marco Rubio <@123> led the U.S. delegation @here [1].",
			want:  "Marco Rubio led the U.S. delegation [1].",
			cits:  []cit{{1, "a-rubio", rubio}},
			check: answer.Check{Mentions: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Run(tt.raw, fixtureHits(), fixtureLib)
			if got.Text != tt.want {
				t.Errorf("text\n got %q\nwant %q", got.Text, tt.want)
			}
			if got.Abstained != tt.abstained {
				t.Errorf("abstained %v, want %v", got.Abstained, tt.abstained)
			}
			var cits []cit
			for _, c := range got.Citations {
				cits = append(cits, cit{c.N, c.Article, c.Quote})
				if a := fixtureLib[c.Article]; a == nil || !strings.Contains(a.Text, c.Quote) {
					t.Errorf("quote %q is not in article %s", c.Quote, c.Article)
				}
				if c.Title == "" || c.Outlet == "" || c.Published == "" {
					t.Errorf("citation %d lacks its source: %+v", c.N, c)
				}
			}
			if !reflect.DeepEqual(cits, tt.cits) {
				t.Errorf("citations\n got %v\nwant %v", cits, tt.cits)
			}
			gc := *got.Check
			gc.DroppedSentence, gc.Sentences = nil, nil
			if !reflect.DeepEqual(gc, tt.check) {
				t.Errorf("check %+v, want %+v", gc, tt.check)
			}
		})
	}
}

func TestAnswerSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string // bare sentences
	}{
		{"Rubio led it [1]. Lavrov spoke [2].", []string{"Rubio led it.", "Lavrov spoke."}},
		{"The U.S. delegation met [1]. Then it ended.", []string{"The U.S. delegation met.", "Then it ended."}},
		// "U.S." followed by a capital is not an end...
		{"The U.S. Secretary of State spoke [1].", []string{"The U.S. Secretary of State spoke."}},
		// ...unless a marker follows it.
		{"They met the U.S. [1] Lavrov spoke [2].", []string{"They met the U.S.", "Lavrov spoke."}},
		{"On Feb. 18 they met. It lasted 4.5 hours.", []string{"On Feb. 18 they met.", "It lasted 4.5 hours."}},
		{`He said "it was useful." Then he left.`, []string{`He said "it was useful."`, "Then he left."}},
		{"First line [1]\nSecond line [2]", []string{"First line", "Second line"}},
		// The title after a curly quote or a no-break space is no end.
		{"He said “Mr. Rubio led it” [1].", []string{"He said “Mr. Rubio led it”."}},
		{"They met on\u00a0Feb. 18 [1].", []string{"They met on Feb. 18."}}, // bare collapses white space
		// "U.S." ends a sentence before an opener only.
		{"They met in the U.S. The talks went on [1].", []string{"They met in the U.S.", "The talks went on."}},
		// Abbreviations retrieval knows: "e.g.", "a.m.", "Sec.".
		{"Allies, e.g. Poland, agreed [1].", []string{"Allies, e.g. Poland, agreed."}},
		{"They met at 10 a.m. Moscow time [1].", []string{"They met at 10 a.m. Moscow time."}},
		{"Sec. Rubio spoke [1].", []string{"Sec. Rubio spoke."}},
		{"Was it useful? Yes [1].", []string{"Was it useful?", "Yes."}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, s := range answerSentences(tt.in) {
				got = append(got, s.bare)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWithMarkers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		ms   string
		want string
	}{
		{"Rubio led it.", "[1]", "Rubio led it [1]."},
		{"Rubio led it", "[1][2]", "Rubio led it [1][2]"},
		{"Did they?", "[3]", "Did they [3]?"},
		{`He said "yes."`, "[1]", `He said "yes." [1]`},
	} {
		if got := withMarkers(tt.in, tt.ms); got != tt.want {
			t.Errorf("withMarkers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"Rubio led it [1].", "[9] x. [1, 2] y? [2-4]", "The articles don't say.", "- a [1]\n- b [2]", "U.S. [1]. [", "]]. [1"} {
		f.Add(s)
	}
	hits := fixtureHits()
	f.Fuzz(func(t *testing.T, raw string) {
		c := Run(raw, hits, fixtureLib)
		for i, cit := range c.Citations {
			if cit.N != i+1 {
				t.Fatalf("citation %d numbered %d", i, cit.N)
			}
			if !strings.Contains(fixtureLib[cit.Article].Text, cit.Quote) {
				t.Fatalf("quote %q not in the article", cit.Quote)
			}
		}
		for _, m := range english.Markers.FindAllString(c.Text, -1) {
			for _, n := range english.MarkerNumbers(m) {
				if n < 1 || n > len(c.Citations) {
					t.Fatalf("marker %d in %q with %d citations", n, c.Text, len(c.Citations))
				}
			}
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	hits := fixtureHits()
	raw := strings.Repeat("Marco Rubio led the U.S. delegation at Diriyah Palace [1]. Lavrov said the talks were useful [2]. ", 4)
	for b.Loop() {
		Run(raw, hits, fixtureLib)
	}
}

// TestBulletKinds: every list bullet ("*", "•", ">") reads as "-"; "•" is
// one rune of three bytes.
func TestBulletKinds(t *testing.T) {
	for _, in := range []string{"* Rubio led it [1].", "• Rubio led it [1].", "> Rubio led it [1].", "- Rubio led it [1]."} {
		ss := answerSentences(in)
		if len(ss) != 1 || ss[0].bullet != "-" {
			t.Errorf("%q: bullet %+v, want -", in, ss)
		}
	}
}
