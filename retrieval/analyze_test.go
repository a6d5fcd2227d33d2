package retrieval

import (
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

// TestAnalyze checks each rule of the query analysis on the synthetic
// corpus: how a question's words meet the corpus's terms, and at what
// weight.
func TestAnalyze(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	// alt finds the alternative of the word whose terms are terms.
	alt := func(w QueryWord, terms string) (Alternative, bool) {
		for _, a := range w.Alts {
			if strings.Join(a.Terms, "+") == terms {
				return a, true
			}
		}
		return Alternative{}, false
	}
	tests := []struct {
		name     string
		question string
		word     string  // the query word looked at, as written
		terms    string  // an alternative it must have ("" none)
		weight   float64 // at this weight
		absent   []string
	}{
		{"a word the corpus has", "who led the delegation", "delegation", "deleg", 1, nil},
		{"a misspelling WordNet lacks", "what did lavorv say", "lavorv", "lavrov", SpellingWeight, nil},
		{"a short word typed the wrong way round", "a summit next weke", "weke", "week", SpellingWeight, nil},
		{"a short word another edit away is none", "a summit next wek", "wek", "", 0, nil},
		{"an English word is no misspelling", "best restaurants", "restaurants", "", 0, nil},
		{"a place's adjective, read from the corpus's side", "what did france do", "france", "french", RelatedWeight, nil},
		{"filler is no word", "lol who met pls", "lol", "", 0, nil},
		{"how long asks for a duration, not about length", "how long did it last", "long", "", 0, nil},
		{"after which, a noun, not a verb and its particle", "in which building in Riyadh", "building", "build", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := ix.Analyze(tt.question)
			var w *QueryWord
			for i := range q.Words {
				if q.Words[i].Word == tt.word {
					w = &q.Words[i]
				}
			}
			if tt.terms == "" {
				if w != nil && w.Knownness() > 0 {
					t.Fatalf("%q: %q has alternatives %+v, want none closer than broader", tt.question, tt.word, w.Alts)
				}
				return
			}
			if w == nil {
				t.Fatalf("%q: no word %q in %+v", tt.question, tt.word, q.Words)
			}
			a, ok := alt(*w, tt.terms)
			if !ok || a.Weight != tt.weight {
				t.Errorf("%q: %q alternatives %+v, want %s at %.1f", tt.question, tt.word, w.Alts, tt.terms, tt.weight)
			}
			for _, x := range tt.absent {
				if _, ok := alt(*w, x); ok {
					t.Errorf("%q: %q has %s", tt.question, tt.word, x)
				}
			}
		})
	}
}

// queryWord returns the word of question whose text is word, failing the
// test when the analysis has none.
func queryWord(t *testing.T, ix *Index, question, word string) QueryWord {
	t.Helper()
	q := ix.Analyze(question)
	for _, w := range q.Words {
		if w.Word == word {
			return w
		}
	}
	t.Fatalf("%q: no word %q in %+v", question, word, q.Words)
	return QueryWord{}
}

// TestSpellingNotLonger: letters added at the end of a corpus word make
// another word, not a misspelling of it, unless an English word one edit
// away has that word's stem; a slip of the keys is corrected.
func TestSpellingNotLonger(t *testing.T) {
	checkSpelled(t, "Kremlin spokesman Dmitry Peskov said the meeting went well. The airport will buy a drone-detection system.", []spelledCase{
		{"what did dmitriev say", "dmitriev", ""},
		{"what did peskvo say", "peskvo", "peskov"},
		// The corpus's stem "detect" starts "detecton" and leaves letters
		// over, but "detection", one edit away, is an English word.
		{"when is the detecton system running", "detecton", "detect"},
	})
}

// TestClipped: a word chat clips ("desal") is the corpus word it starts,
// at the spelling's weight; not a word too short to say which ("des"),
// nor a person's name ("dmitri" for Dmitriev).
func TestClipped(t *testing.T) {
	checkSpelled(t, "Kremlin aide Kirill Dmitriev said the desalination plant will cost 295 million.", []spelledCase{
		{"what about the desal plant", "desal", "desalin"},
		{"what about the des plant", "des", ""},
		{"what did dmitri say", "dmitri", ""},
	})
}

// spelledCase is a question, a word of it, and the corpus term its
// spelling is read as ("" for none).
type spelledCase struct{ question, word, want string }

// checkSpelled checks, over an index of text, the term each case's word
// is read as at the spelling's weight: its first alternative's, if that
// is a spelling.
func checkSpelled(t *testing.T, text string, cases []spelledCase) {
	t.Helper()
	ix := textIndex(t, text)
	for _, tt := range cases {
		w, got := queryWord(t, ix, tt.question, tt.word), ""
		if len(w.Alts) > 0 && w.Alts[0].Match == Spelling {
			got = w.Alts[0].Terms[0]
		}
		if got != tt.want {
			t.Errorf("%q: %q read as %q, want %q", tt.question, tt.word, got, tt.want)
		}
	}
}

// TestClosedCompound: a compound of the question the articles write
// closed ("headteacher") is theirs exactly.
func TestClosedCompound(t *testing.T) {
	ix := textIndex(t, "Gregor Almqvist, the headteacher, said the decision was made on Sunday.")
	w := queryWord(t, ix, "what did the head teacher say", "head teacher")
	if len(w.Alts) == 0 || strings.Join(w.Alts[0].Terms, "+") != english.Term("headteacher") || w.Alts[0].Match != Exact {
		t.Errorf("%q: alternatives %+v, want headteacher first, exactly", w.Word, w.Alts)
	}
}

// TestAbbreviationClipped: an abbreviation's expansion of three words
// matches without its last word, which the articles often leave unsaid
// ("CEO": "the chief executive").
func TestAbbreviationClipped(t *testing.T) {
	ix := textIndex(t, "The chief executive of the bank, Tomas Reinholt, resigned on Thursday.")
	w := queryWord(t, ix, "who was the ceo", "ceo")
	if !slices.ContainsFunc(w.Alts, func(a Alternative) bool {
		return strings.Join(a.Terms, "+") == "chief+execut" && a.Weight == RelatedWeight
	}) {
		t.Errorf("%q: alternatives %+v, want chief+execut at %.1f", w.Word, w.Alts, RelatedWeight)
	}
}

// TestNumbersAreNumbers: WordNet's "eleven" is a football team and its
// "nine" a baseball club; in the news they are numbers, and stand for no
// other word of a question, nor such words for them.
func TestNumbersAreNumbers(t *testing.T) {
	ix := textIndex(t, "Eleven fishermen were rescued by the club's boat. The football team's coach said nine were injured.")
	for _, tt := range []struct{ question, word, absent string }{
		{"who is the captain of the football team", "football team", "eleven"},
		{"were nine people hurt", "nine", "club"},
	} {
		w := queryWord(t, ix, tt.question, tt.word)
		for _, a := range w.Alts {
			if strings.Join(a.Terms, "+") == tt.absent {
				t.Errorf("%q: %q has %q among its alternatives %+v", tt.question, tt.word, tt.absent, w.Alts)
			}
		}
	}
}

// TestPersonWords: a question word is a person's when the articles name a
// person by it, whole or by the surname; not a place, nor an English word.
func TestPersonWords(t *testing.T) {
	ix := textIndex(t, "Foreign Minister Ilsa Marovec met Piet Rose in Kestrana. Marovec said the talks went well.")
	tests := []struct {
		question, word string
		person         bool
	}{
		{"what did marovec say", "marovec", true},
		{"what did Ilsa Marovec say", "ilsa marovec", true},
		{"who went to kestrana", "kestrana", false},
		{"did the rose bloom", "rose", false}, // WordNet knows the word
	}
	for _, tt := range tests {
		if got := queryWord(t, ix, tt.question, tt.word); got.Person != tt.person {
			t.Errorf("%q: %q Person = %v, want %v", tt.question, tt.word, got.Person, tt.person)
		}
	}
}

// TestCompoundsAndShortenings: a hyphenated compound is the word WordNet
// has ("go-between": a mediator), not its light verb; a chat shortening
// is the word it stands for ("govt").
func TestCompoundsAndShortenings(t *testing.T) {
	ix := textIndex(t, "The government named a mediator. Talks will go on, and ministers sat down to go over the text.")
	words := analyzedWords(ix, "who did the govt pick as go-between")
	g, ok := words["government"]
	if !ok || len(g.Alts) == 0 || g.Alts[0].Terms[0] != "govern" || g.Alts[0].Weight != 1 {
		t.Errorf("govt: %+v, want government", g)
	}
	m, ok := words["go-between"]
	if !ok || len(m.Alts) == 0 || m.Alts[0].Terms[0] != "mediat" {
		t.Errorf("go-between: %+v, want mediator first", m)
	}
	for _, a := range m.Alts {
		if a.Terms[0] == "go" {
			t.Errorf("go-between stands for its light verb: %+v", m.Alts)
		}
	}
	// "sit down" is WordNet's apart too: the words as written win.
	for _, w := range ix.Analyze("where did they sit-down").Words {
		if w.Word == "sit-down" {
			t.Errorf("sit-down read as the compound (a strike, a meal) over sit down")
		}
	}
	// Chat writes a compound apart that WordNet has only hyphenated.
	if ws := ix.Analyze("how long did they talk one on one").Words; !slices.ContainsFunc(ws, func(w QueryWord) bool { return w.Word == "one-on-one" }) {
		t.Errorf("one on one not read as the compound: %+v", ws)
	}
}

// TestSecondHop: a word the corpus has nothing close to reaches a
// paraphrase through a related word when it is a verb ("trashed" ->
// disparage -> criticize); a noun's second hop finds only what the thing
// is a kind of ("fondue" -> dish -> the "supply" of anything), so it has
// none.
func TestSecondHop(t *testing.T) {
	ix := textIndex(t, "The minister criticized the plan. The ministry will supply food and contain the damage.")
	words := analyzedWords(ix, "who trashed the plan? any fondue?")
	if w := words["trashed"]; len(w.Alts) == 0 {
		t.Errorf("trashed: no alternative, want criticize by a second hop")
	}
	if w := words["fondue"]; len(w.Alts) > 0 {
		t.Errorf("fondue: alternatives %+v, want none", w.Alts)
	}
}

// TestChatFiller: chat's words are no words of the question, neither
// matched nor counted as words the articles lack; nor is the "true" of a
// claim put to the articles ("is it true the bridge fell"), which they
// settle without the word.
func TestChatFiller(t *testing.T) {
	ix := textIndex(t, "The bridge was finished in May. Rights groups said the deal was fair.")
	for _, q := range []string{"is the bridge done yet or nah", "what did the rights ppl say tbh", "lol who met pls", "ngl the deal rn?", "is it true the bridge was finished?"} {
		for _, w := range ix.Analyze(q).Words {
			if english.IsFiller(w.Word) {
				t.Errorf("%q: filler %q is a word of the question", q, w.Word)
			}
			switch w.Word {
			case "nah", "ppl", "tbh", "lol", "pls", "ngl", "rn", "true":
				t.Errorf("%q: %q is a word of the question", q, w.Word)
			}
		}
	}
}

func TestAnswerPattern(t *testing.T) {
	tests := []struct {
		question, passage string
		want              bool
	}{
		{"How long did the meeting last?", "The meeting lasted 4.5 hours.", true},
		{"how long did they talk", "They met last week.", false}, // a unit of time is no duration
		{"How many days did the talks go on?", "after four days of talks", true},
		{"What was the duration of the talks?", "the 4.5-hour meeting", true},
		{"Where were the talks held?", "The talks opened at the Hollen Palace on Monday.", true},
		{"Where were the talks held?", "The talks opened in the spring.", false}, // no place named
		{"Who led the delegation?", "The meeting lasted 4.5 hours.", false},      // not a duration question
		// A count: a number before the counted noun, or "the number of" it.
		{"How many hostages were released?", "The group freed 21 more hostages on Friday.", true},
		{"How many hostages were released?", "The number of released hostages was 21.", true},
		{"How many hostages were released?", "The talks lasted 21 hours.", false},
		// People of any kind, "people" and "person" among them.
		{"how many ppl died", "Police said three people have died.", true},
		{"how many fans were in the stand", "About 3,900 people were in the stand.", true},
		{"How many people have died?", "Officials said a third person had died.", true},
		{"How many ships waited?", "About 3,900 people were in the stand.", false},
		// A unit before "of" is not what is counted.
		{"How many tonnes of grain pass the island?", "Barges under 1,000 tonnes pay less.", false},
		// Whether anyone did something: a passage that says nobody did.
		{"Did anyone die during the outbreak?", "Six children were admitted to hospital and nobody died.", true},
		{"was anybody hurt", "No one was hurt.", true},
		{"was anybody hurt", "The crane was moved to another site.", false},
	}
	for _, tt := range tests {
		re := answerPattern(tt.question)
		if got := re != nil && re.MatchString(tt.passage); got != tt.want {
			t.Errorf("answerPattern(%q) on %q = %v, want %v", tt.question, tt.passage, got, tt.want)
		}
	}
}

// TestAnalyzeLightVerbPhrase: a light verb's phrasal verb ("go on") reduces
// to the light verb's term, which says less than it: a related match.
func TestAnalyzeLightVerbPhrase(t *testing.T) {
	ix := textIndex(t, "The strike will go on until Friday. The union did not give up.")
	for _, tt := range []struct {
		question, word, term string
		weight               float64
	}{
		{"how long will the strike go on", "go on", "go", RelatedWeight}, // a light verb
		{"did they give up", "give up", "give", 1},                       // not a light verb: the text's "give up" has the same term
	} {
		var found bool
		for _, w := range ix.Analyze(tt.question).Words {
			if w.Word == tt.word {
				found = true
				if len(w.Alts) == 0 || strings.Join(w.Alts[0].Terms, "+") != tt.term || w.Alts[0].Weight != tt.weight {
					t.Errorf("%q: %q alternatives %+v, want %s at %.1f first", tt.question, tt.word, w.Alts, tt.term, tt.weight)
				}
			}
		}
		if !found {
			t.Errorf("%q: no phrase %q", tt.question, tt.word)
		}
	}
}

// TestAnalyzeLightRelated: a phrase WordNet relates to a question's word
// that is a light verb and a particle ("go into" for "get into", "make up"
// for "cook up") is the light verb alone to the corpus: a weak match,
// which makes the word a common one, not a relative a second sentence
// joins for.
func TestAnalyzeLightRelated(t *testing.T) {
	ix := textIndex(t, "The union is going to have to vote. They will make the case.")
	for q, w := range map[string]string{"is it getting into the union": "getting into", "what will they cook up": "cook up"} {
		if got := altWeight(ix, q, w, "go") + altWeight(ix, q, w, "make"); got == 0 || got > BroaderWeight {
			t.Errorf("%q: %q -> its light verb at %v, want at most %v", q, w, got, BroaderWeight)
		}
	}
}

// TestAnalyzeRareSynonym: a synonym whose shared sense is one of its rare
// ones ("pass" for "die") earns the broader weight; one in a common sense
// of its own ("lead" for "head") stays related.
func TestAnalyzeRareSynonym(t *testing.T) {
	ix := textIndex(t, "All tankers passing through the channel will be inspected. Ostrander will lead the team.")
	if got := altWeight(ix, "did anyone die on the tanker", "die", "pass"); got == 0 || got > BroaderWeight {
		t.Errorf("die -> pass at %v, want at most %v", got, BroaderWeight)
	}
	if got := altWeight(ix, "who heads the team", "heads", "lead"); got != RelatedWeight {
		t.Errorf("heads -> lead at %v, want %v", got, RelatedWeight)
	}
}

// TestAnalyzeNarrowerOfCompound: a corpus word that is a kind of a
// question's compound ("schools" of "educational institutions") stands
// for it, as it does for a word of one term.
func TestAnalyzeNarrowerOfCompound(t *testing.T) {
	ix := textIndex(t, "Four primary schools in the district were closed for a day.")
	if got := altWeight(ix, "which educational institutions were closed", "educational institutions", "school"); got != NarrowerWeight {
		t.Errorf("educational institutions -> school at %v, want %v", got, NarrowerWeight)
	}
}

// TestAnalyzeNarrowerOfNarrower: a corpus word that is a kind of a kind
// of a question's word stands for it at the narrower weight squared: the
// orchestra's "director" (an administrator, a kind of head) for "who is
// the head of the orchestra"; a kind of it stays at the narrower weight.
func TestAnalyzeNarrowerOfNarrower(t *testing.T) {
	ix := textIndex(t, "The managing director, Pavel Rusk, met the players. The administrator left.")
	for _, c := range []struct {
		word, term string
		want       float64
	}{
		{"head", "director", NarrowerWeight * NarrowerWeight},
		{"head", "administr", NarrowerWeight},
	} {
		if got := altWeight(ix, "who is the head of the orchestra", c.word, c.term); got != c.want {
			t.Errorf("%s -> %s at %v, want %v", c.word, c.term, got, c.want)
		}
	}
}

// TestAnalyzeStandsFor: a name the articles lack meets the body its gloss
// says it stands for: "the Pentagon" the articles' "Defense Secretary".
func TestAnalyzeStandsFor(t *testing.T) {
	ix := textIndex(t, "Defense Secretary Pete Hegseth said membership was unrealistic.")
	if got := altWeight(ix, "what is the pentagon saying", "pentagon", "defens"); got != RelatedWeight {
		t.Errorf("pentagon -> defense at %v, want %v", got, RelatedWeight)
	}
}

// TestAnalyzePlaceAdjective: a place's adjective meets the place by its
// other names ("American": "the U.S."), as a related word; a common noun's
// adjective is no place's ("presidential").
func TestAnalyzePlaceAdjective(t *testing.T) {
	ix := textIndex(t, "Leading the U.S. delegation will be the Secretary of State. The United States and Russia met.")
	for _, c := range []struct{ q, w, term string }{
		{"who led the american delegation", "american", "us"},
		{"what did the american side want", "american", "unit+state"},
		{"who led the russian delegation", "russian", "russia"},
	} {
		if got := altWeight(ix, c.q, c.w, c.term); got != RelatedWeight {
			t.Errorf("%q: %s -> %s at %v, want %v", c.q, c.w, c.term, got, RelatedWeight)
		}
	}
	if got := altWeight(ix, "who led the presidential delegation", "presidential", "us"); got != 0 {
		t.Errorf("presidential -> us at %v, want none", got)
	}
}

// TestAnalyzeCorpusSense: a corpus word of one sense ("chairperson") meets
// a question's synonym of it in whatever sense the question's word has it
// ("chair", whose third sense it is); a word of several senses does not
// say which one the corpus uses.
func TestAnalyzeCorpusSense(t *testing.T) {
	ix := textIndex(t, "The commission's chairperson welcomed the deal. The staff left.")
	if got := altWeight(ix, "what did the chair say", "chair", "chairperson"); got != CorpusSenseWeight {
		t.Errorf("chair -> chairperson at %v, want %v", got, CorpusSenseWeight)
	}
	if got := altWeight(ix, "who are the personnel", "personnel", "staff"); got == CorpusSenseWeight {
		t.Errorf("personnel -> staff (a word of several senses) at %v from the corpus's side", got)
	}
}

// TestAnalyzeGlossIdiom: an idiom WordNet defines a verb with ("be in
// charge of" for head and lead) meets the verb in the articles.
func TestAnalyzeGlossIdiom(t *testing.T) {
	ix := textIndex(t, "Russia sent a team headed by the deputy minister. The charges were dropped.")
	if got := altWeight(ix, "who was in charge of the russian team", "charge of", "head"); got != RelatedWeight {
		t.Errorf("\"charge of\" -> head at %v, want %v", got, RelatedWeight)
	}
}

// TestAnalyzeGoingTo: "going to" before a verb says when, and is no word of
// the question; before a place or a noun it is going somewhere.
func TestAnalyzeGoingTo(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	has := func(q, word string) bool {
		for _, w := range ix.Analyze(q).Words {
			if strings.HasPrefix(w.Word, word) {
				return true
			}
		}
		return false
	}
	for _, q := range []string{"what is the delegation going to sign", "what's the committee going to do?"} {
		if has(q, "going") {
			t.Errorf("%q: \"going\" is a word of the question", q)
		}
	}
	if !has("who is going to Riyadh", "going") {
		t.Errorf("\"going to Riyadh\": \"going\" is no word of the question")
	}
}

// TestAnalyzeCause: what a verb causes meets it ("who did Russia send to
// Riyadh": "Lavrov will be traveling to Riyadh").
func TestAnalyzeCause(t *testing.T) {
	ix := textIndex(t, "The foreign minister will be traveling to Riyadh on Monday.")
	if got := altWeight(ix, "who did russia send to riyadh", "send", "travel"); got != RelatedWeight {
		t.Errorf("send -> travel at %v, want %v", got, RelatedWeight)
	}
	// And what causes a verb meets it: "how many died" / "61 people
	// killed".
	ix = textIndex(t, "The number of people killed by the storm has risen to 61.")
	if got := altWeight(ix, "how many ppl died in the typhoon", "died", "kill"); got != RelatedWeight {
		t.Errorf("died -> kill at %v, want %v", got, RelatedWeight)
	}
}

// textIndex is the index of one article of text, with the offline embedder.
func textIndex(t *testing.T, text string) *Index {
	t.Helper()
	ps := Chunk([]corpus.Article{{ID: "a", Paragraphs: []string{text}, Text: text}}, Options{})
	ix, err := NewIndex(t.Context(), ps, NewHashing(64), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// altWeight is the weight at which the question's word meets the corpus
// term (joined by "+"), 0 when it does not.
func altWeight(ix *Index, question, word, term string) float64 {
	for _, w := range ix.Analyze(question).Words {
		if w.Word != word {
			continue
		}
		for _, a := range w.Alts {
			if strings.Join(a.Terms, "+") == term {
				return a.Weight
			}
		}
	}
	return 0
}

// TestAnalyzeClosedCompound: WordNet's open or hyphenated compound ("cease-
// fire") meets the articles' closed one ("ceasefire").
func TestAnalyzeClosedCompound(t *testing.T) {
	ix := textIndex(t, "The ceasefire held through the night. The truce talks went on.")
	if got := altWeight(ix, "did the armistice hold", "armistice", "ceasefir"); got != RelatedWeight {
		t.Errorf("armistice -> ceasefire at %v, want %v", got, RelatedWeight)
	}
}

// TestAnalyzeHowLongTime: a learner's "how long time" asks how long; it
// is not WordNet's "long time", though the articles say "a long time".
func TestAnalyzeHowLongTime(t *testing.T) {
	ix := textIndex(t, "The minister was away for a long time. The meeting lasted fifteen hours.")
	for _, w := range ix.Analyze("how long time was the minister away").Words {
		if w.Word == "long time" || w.Word == "long" {
			t.Errorf("%q is a word of the question: %+v", w.Word, w)
		}
	}
}

// TestAnalyzePartOf: "part of" after who or which asks for the members of
// what follows and is no word of the question; a yes/no question keeps
// it ("never part of the package" settles it), and so does "which part".
func TestAnalyzePartOf(t *testing.T) {
	ix := textIndex(t, "Leading the U.S. delegation will be Rubio. The talks are part of efforts to restore ties. The fire started in part of the plant.")
	for _, c := range []struct {
		q    string
		part bool
	}{
		{"who was part of the U.S. delegation", false},
		{"which countries are part of the pact?", false},
		{"Is the codex part of the deal?", true},
		{"In which part of the plant did the fire start?", true},
		{"who took part in the talks", true},
	} {
		got := slices.ContainsFunc(ix.Analyze(c.q).Words, func(w QueryWord) bool { return strings.Contains(w.Word, "part") })
		if got != c.part {
			t.Errorf("%q: part is a word of the question: %v, want %v", c.q, got, c.part)
		}
	}
}

// TestAnalyzeThere: "there" closing a question about someone's being
// somewhere asks whether they were present ("absent" when negated); not in
// a count ("how many were there"), nor where it opens a clause.
func TestAnalyzeThere(t *testing.T) {
	ix := textIndex(t, "No Ukrainian officials were present. The absence of Ukrainian officials was noted. There were 40 firefighters.")
	for _, c := range []struct{ q, want string }{
		{"was zelensky there", "present"},
		{"why wasn't ukraine there?", "absent"},
		{"why was ukraine not there", "absent"},
		{"how many firefighters were there", ""},
		{"were there any firefighters", ""},
		{"what happened there", ""},
	} {
		got := ""
		for _, w := range ix.Analyze(c.q).Words {
			if w.Word == "present" || w.Word == "absent" {
				got = w.Word
			}
		}
		if got != c.want {
			t.Errorf("%q: presence word %q, want %q", c.q, got, c.want)
		}
	}
}

// TestAnalyzeDealWith: "what's the deal with X" is chat for "what about
// X"; "the deal" elsewhere is a word of the question.
func TestAnalyzeDealWith(t *testing.T) {
	ix := textIndex(t, "The two sides struck a deal on embassies. The story ran on Tuesday.")
	for _, c := range []struct {
		q    string
		deal bool
	}{
		{"what's the deal with the embassies", false},
		{"whats the deal with the embassies?", false},
		{"what's the story with the barrier", false},
		{"what was the deal", true},
		{"what's the deal on embassies", true},
	} {
		got := slices.ContainsFunc(ix.Analyze(c.q).Words, func(w QueryWord) bool { return w.Word == "deal" || w.Word == "story" })
		if got != c.deal {
			t.Errorf("%q: deal or story is a word of the question: %v, want %v", c.q, got, c.deal)
		}
	}
}

// TestAnalyzeAbbreviatedName: a name the articles abbreviate ("the
// Northern Ridge Movement (NRM)") is one word of the question, met by its
// initials in full; a name they do not abbreviate keeps its words.
func TestAnalyzeAbbreviatedName(t *testing.T) {
	ix := textIndex(t, "The Northern Ridge Movement (NRM) freed 21 hostages on Thursday. The NRM said it wanted peace. Petra Kowal, an analyst, said it was a start.")
	q := ix.Analyze("How many hostages did the Northern Ridge Movement free, and what did Petra Kowal say?")
	var name *QueryWord
	for i, w := range q.Words {
		if w.Word == "northern ridge movement" {
			name = &q.Words[i]
		}
		if w.Word == "petra kowal" && len(w.Alts) > 0 && w.Alts[0].Terms[0] == "pk" {
			t.Errorf("%q: no article abbreviates it, yet it has initials %+v", w.Word, w.Alts)
		}
	}
	if name == nil {
		t.Fatalf("no word for the name in %+v", q.Words)
	}
	found := false
	for _, a := range name.Alts {
		found = found || len(a.Terms) == 1 && a.Terms[0] == "nrm" && a.Weight == 1
	}
	if !found {
		t.Errorf("the name's alternatives %+v lack its initials", name.Alts)
	}
}

// TestAnalyzePerson: a person the articles name ("Ilsa Marovec", "Captain
// Erik Sandor") is one word of the question, in any case, met by the name
// whole or by its last word almost as well; a surname two people share
// ("Rosa Aranda", "Mikel Aranda") leaves the given name its own word, and
// a run ending in a common word ("Morrow Square") is no person.
func TestAnalyzePerson(t *testing.T) {
	ix := textIndex(t, "Environment minister Ilsa Marovec said the polluter pays. Captain Erik Sandor flew the plane. Captain Sandor said so. "+
		"Rosa Aranda waited for Mikel Aranda in Morrow Square. Marovec said it again. "+
		"Owen Pike milks 120 cows. \"The cows don't know,\" Mr Pike said. Mr Sandor agreed. The Pike River flows north.")
	for _, c := range []struct {
		question string
		word     string // the one word of the name; "" when there is none
	}{
		{"What did Ilsa Marovec say?", "ilsa marovec"},
		{"wat did ilsa marovec say", "ilsa marovec"},
		{"What did Captain Erik Sandor say?", "captain erik sandor"},
		{"what did erik sandor say", "erik sandor"},
		{"How did Rosa Aranda describe the wait?", ""},
		{"Who waited in Morrow Square?", ""},
		{"How did the farmer Owen Pike react?", "owen pike"}, // a surname that is a word, but "Mr Pike" says whose
		{"what did erik sandor say", "erik sandor"},          // "Mr Sandor" is no second Sandor
		{"Where does the Pike River flow?", ""},
	} {
		var got *QueryWord
		q := ix.Analyze(c.question)
		for i, w := range q.Words {
			if strings.Contains(w.Word, " ") {
				got = &q.Words[i]
			}
		}
		switch {
		case c.word == "" && got != nil:
			t.Errorf("%q: %q is one word", c.question, got.Word)
		case c.word == "":
		case got == nil || got.Word != c.word:
			t.Errorf("%q: words %+v, want %q as one", c.question, q.Words, c.word)
		case len(got.Alts) != 2 || got.Alts[0].Weight != 1 || len(got.Alts[1].Terms) != 1 || got.Alts[1].Weight != surnameWeight:
			t.Errorf("%q: alternatives %+v, want the name whole, then its last word", c.question, got.Alts)
		}
	}
}

// TestAnalyzeMisspeltPlural: the stemmer keeps the "s" of a misspelt plural
// with no vowel in its stem ("flghts"); the word without it is corrected.
func TestAnalyzeMisspeltPlural(t *testing.T) {
	ix := textIndex(t, "Ardair cancelled 23 daily flights after the closure.")
	for _, w := range ix.Analyze("how many flghts were cancelled").Words {
		if w.Word == "flghts" {
			if len(w.Alts) == 0 || w.Alts[0].Terms[0] != "flight" || w.Alts[0].Match != Spelling {
				t.Errorf("flghts: alternatives %+v, want flight by spelling", w.Alts)
			}
			return
		}
	}
	t.Errorf("no word flghts")
}

// TestAnalyzeNegotiationWords: a country's "negotiating team" is its
// "delegation", which WordNet does not say.
func TestAnalyzeNegotiationWords(t *testing.T) {
	ix := textIndex(t, "Deputy Foreign Minister Halina Voss led the Kestavian delegation.")
	for _, w := range ix.Analyze("who headed the negotiating team").Words {
		if w.Word == "team" {
			for _, a := range w.Alts {
				if a.Terms[0] == "deleg" && a.Weight == RelatedWeight {
					return
				}
			}
			t.Fatalf("team: alternatives %+v lack delegation", w.Alts)
		}
	}
	t.Fatal("no word team")
}

// TestAnalyzeFourWordIdiom: an idiom of four words is one word of the
// question, with WordNet's synonyms ("keep an eye on": watch), not four
// words of which "eye" is none of the articles'.
func TestAnalyzeFourWordIdiom(t *testing.T) {
	ix := textIndex(t, "A joint commission will watch the lake from Vennick.")
	for _, w := range ix.Analyze("which town will host the body that keeps an eye on the lake").Words {
		if w.Word == "eye" {
			t.Fatalf("%q is a word of its own; want it in the idiom", w.Word)
		}
		if strings.HasPrefix(w.Word, "keeps an eye") {
			if len(w.Alts) == 0 || w.Alts[0].Terms[0] != "watch" {
				t.Errorf("%q alternatives %+v, want watch first", w.Word, w.Alts)
			}
			return
		}
	}
	t.Error("no idiom \"keeps an eye on\"")
}

// TestAnalyzeNumberWord: a number in digits and in words is one number
// ("5 year visa", "five years"), not a synonym of it.
func TestAnalyzeNumberWord(t *testing.T) {
	ix := textIndex(t, "Visas valid for up to five years will be issued. Talks lasted 9 hours.")
	for _, tt := range []struct{ question, word, term string }{
		{"who can get the 5 year visa", "5", "five"},
		{"did the talks last nine hours", "nine", "9"},
	} {
		var found bool
		for _, w := range ix.Analyze(tt.question).Words {
			for _, a := range w.Alts {
				if w.Word == tt.word && strings.Join(a.Terms, "+") == tt.term {
					found = true
					if a.Weight != 1 {
						t.Errorf("%q: %q stands for %q at %.1f, want 1", tt.question, tt.word, tt.term, a.Weight)
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: %q has no alternative %q", tt.question, tt.word, tt.term)
		}
	}
}

// TestIntroduction: a question that is only a person's name wants the
// passage saying who they are, not a speaker label of theirs.
func TestIntroduction(t *testing.T) {
	ix := textIndex(t, "Deputy Prime Minister Anselm Ruthven signed the accord. Mr RUTHVEN: We asked for more.")
	re := introduction(ix.Analyze("ruthven?"))
	if re == nil {
		t.Fatal("no pattern for a bare name")
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Deputy Prime Minister Anselm Ruthven, who signed the accord for Meloria, said so.", true},
		{"Ruthven, the deputy prime minister, said so.", true},
		{"Mr RUTHVEN (Deputy Prime Minister): The accord is good.", true},
		{"Mr RUTHVEN: The Member is right.", false},
		{"They asked Ruthven.", false},
	} {
		if got := re.MatchString(tt.text); got != tt.want {
			t.Errorf("%q: match = %v, want %v", tt.text, got, tt.want)
		}
	}
	if introduction(ix.Analyze("what did ruthven sign")) != nil {
		t.Error("a pattern for a question that asks more than who someone is")
	}
}

// TestAnalyzeClosedCompoundSplit: a word no dictionary has that is two of
// the corpus's words written together ("autopay" for "auto-pay") stands for
// both, at the weight of a misspelling.
func TestAnalyzeClosedCompoundSplit(t *testing.T) {
	ix := textIndex(t, "If you paid through an auto-pay account, the money goes back automatically.")
	if got := altWeight(ix, "i paid w autopay", "autopay", "auto+pay"); got != SpellingWeight {
		t.Errorf("autopay: auto+pay at %.1f, want %.1f", got, SpellingWeight)
	}
	if got := altWeight(ix, "what is a zorbleflax", "zorbleflax", "auto+pay"); got != 0 {
		t.Errorf("zorbleflax: auto+pay at %.1f, want none", got)
	}
}

// TestAnalyzeStrangeModifier: a compound the articles have only by its
// head ("basketball team": a team) also counts its modifier, which they
// never use, as a word of its own; one they have whole does not.
func TestAnalyzeStrangeModifier(t *testing.T) {
	ix := textIndex(t, "My own team's counts at six entry points came out at fifteen per cent. The swimming pool closed.")
	words := func(q string) []string { return queryWords(ix, q) }
	if got := words("How many points did the basketball team score?"); !slices.Contains(got, "basketball") || !slices.Contains(got, "basketball team") {
		t.Errorf("words %q, want the compound and its strange modifier", got)
	}
	if got := words("when did the swimming pool close"); slices.Contains(got, "swimming") {
		t.Errorf("words %q, want the compound alone", got)
	}
}

// TestAnalyzeMisspeltStopWord: a typo of a word of no topic ("evryone")
// is dropped, not counted against every answer as a word the articles
// lack; a word of the corpus or of English near a stop word is kept.
func TestAnalyzeMisspeltStopWord(t *testing.T) {
	ix := textIndex(t, "Police say the stadium was fully evacuated by 17:31. The theme park stayed open.")
	words := func(q string) []string { return queryWords(ix, q) }
	if got := words("how long did it take to get evryone out of the stadium"); slices.Contains(got, "evryone") {
		t.Errorf("words %q: the typo of everyone counts", got)
	}
	if got := words("when did the theme park open"); !slices.Contains(got, "theme") && !slices.Contains(got, "theme park") {
		t.Errorf("words %q: theme, a corpus word one edit from there, is dropped", got)
	}
	if got := words("whats the zorbleflax"); !slices.Contains(got, "zorbleflax") {
		t.Errorf("words %q: a strange word far from any stop word is dropped", got)
	}
}

// TestAnalyzeDroppedG: chat's "lookin" is "looking" where neither the
// articles nor English have it; a name that ends in "in" stays.
func TestAnalyzeDroppedG(t *testing.T) {
	ix := textIndex(t, "More than 90 officers were looking for the leopard. Vladimir Putin spoke.")
	q := ix.Analyze("how many cops were out lookin for her")
	if i := slices.IndexFunc(q.Words, func(w QueryWord) bool { return strings.HasPrefix(w.Word, "look") }); i < 0 || !q.Words[i].Known() {
		t.Errorf("words %v: lookin is not looking", q.Words)
	}
	if got := queryWords(ix, "what did putin say"); !slices.Contains(got, "putin") {
		t.Errorf("words %q: the name putin changed", got)
	}
}

// TestAnalyzePossessiveNoPhrasalVerb: after "their" a word is a noun, not
// the verb of a phrase WordNet has ("lost their lives in": no "live in").
func TestAnalyzePossessiveNoPhrasalVerb(t *testing.T) {
	ix := textIndex(t, "Three people lost their lives in the collapse. She lives in Tarnweld.")
	if got := queryWords(ix, "who lost their lives in the collapse"); slices.Contains(got, "lives in") {
		t.Errorf("words %q, want lives alone", got)
	}
	if got := queryWords(ix, "who lives in tarnweld"); !slices.Contains(got, "lives in") {
		t.Errorf("words %q, want the phrasal verb", got)
	}
}

// queryWords returns the words of question q's analysis, as written.
func queryWords(ix *Index, q string) []string {
	var out []string
	for _, w := range ix.Analyze(q).Words {
		out = append(out, w.Word)
	}
	return out
}

// TestAnalyzeAbbreviation: an abbreviation meets whichever of its
// expansions the articles use, in any of its senses ("PM" is WordNet's
// autopsy first, a prime minister third); another rare sense does not.
func TestAnalyzeAbbreviation(t *testing.T) {
	ix := textIndex(t, "The Prime Minister criticised the bank. The autopsy was delayed. The ship's head was blocked.")
	if got := altWeight(ix, "how did the pm react", "pm", "prime+minist"); got != RelatedWeight {
		t.Errorf("pm -> prime minister at %v, want %v", got, RelatedWeight)
	}
	if got := altWeight(ix, "how did the PM react", "pm", "autopsi"); got != RelatedWeight {
		t.Errorf("pm -> autopsy at %v, want %v", got, RelatedWeight)
	}
	for _, tt := range [][2]string{{"pm", "prime minister"}, {"ceo", "chief executive officer"}} {
		if !spells(tt[0], tt[1]) {
			t.Errorf("%q does not spell %q", tt[0], tt[1])
		}
	}
	for _, tt := range [][2]string{{"pm", "premier"}, {"pm", "post-mortem examination"}, {"ceo", "chief operating officer"}} {
		if spells(tt[0], tt[1]) {
			t.Errorf("%q spells %q", tt[0], tt[1])
		}
	}
}

// TestAnalyzeAbbreviationAsName: a question's words meet their
// abbreviation only where the articles write it as a name ("PM Kesteven"),
// not the same letters in lower case ("the 10 pm bulletin"), typed in
// lower case or capitalised.
func TestAnalyzeAbbreviationAsName(t *testing.T) {
	clock := textIndex(t, "The minister spoke at the 10 pm bulletin. The farms were closed at 7 pm on Friday.")
	named := textIndex(t, "PM Kesteven spoke at the bulletin. The PM said the farms were closed.")
	for _, q := range []string{"what did the prime minister say", "What did the Prime Minister say"} {
		word := "prime minister"
		if got := altWeight(clock, q, word, "pm"); got != 0 {
			t.Errorf("%q: prime minister -> the clock's pm at %v, want none", q, got)
		}
		if got := altWeight(named, q, word, "pm"); got == 0 {
			t.Errorf("%q: prime minister does not meet the articles' PM", q)
		}
	}
}

// TestChatShortWords: chat's shortened words stand for theirs ("heli",
// "wher"), and "done" is a light verb, no word of the question.
func TestChatShortWords(t *testing.T) {
	ix := textIndex(t, "The helicopter landed at the quay. The ship was quarantined in Carrowmere.")
	for q, want := range map[string][]string{
		"how long b4 the heli got them":             {"helicopt"},
		"wher was the ship quarantined":             {"ship", "quarantin"},
		"what had the ship done before it was held": {"ship", "hold"},
	} {
		var got []string
		for _, w := range ix.Analyze(q).Words {
			got = append(got, w.Term)
		}
		for _, t0 := range want {
			if !slices.Contains(got, t0) {
				t.Errorf("%q: words %v, want %q among them", q, got, t0)
			}
		}
		for _, bad := range []string{"heli", "wher", "done", "do"} {
			if slices.Contains(got, bad) {
				t.Errorf("%q: %q is a word of the question (%v)", q, bad, got)
			}
		}
	}
}

// TestAnalyzeVerbAfterTo: after "to" a verb and its object are two words,
// not a noun of WordNet's ("able to fire engines" is no "fire engine");
// elsewhere the compound stands.
func TestAnalyzeVerbAfterTo(t *testing.T) {
	ix, _ := newTestIndex(t, Options{})
	words := func(q string) []string {
		var out []string
		for _, w := range ix.Analyze(q).Words {
			out = append(out, w.Word)
		}
		return out
	}
	if got := words("was the satellite able to fire engines"); slices.Contains(got, "fire engines") || !slices.Contains(got, "fire") {
		t.Errorf("\"able to fire engines\": words %q, want \"fire\" apart", got)
	}
	if got := words("how many fire engines came"); !slices.Contains(got, "fire engines") {
		t.Errorf("\"how many fire engines came\": words %q, want \"fire engines\"", got)
	}
}

// TestAnalyzeDesignation: a name and a number joined by a hyphen
// ("Horizon-3") are one word of the question, which needs both (not
// "Horizon-4", not any "three"); the name alone stands for it as a broader
// word. A year after a prefix ("mid-2025") is no designation, and one the
// articles lack counts as unknown.
func TestAnalyzeDesignation(t *testing.T) {
	ix := textIndex(t, "Horizon-3 and Horizon-4 were built for Pellaria. Three satellites were lost in mid-2025.")
	words := analyzedWords(ix, "Who insured Horizon-3 in mid-2025? Was vela-2 hit?")
	h, ok := words["horizon-3"]
	switch {
	case !ok:
		t.Fatalf("no word horizon-3 in %v", words)
	case len(h.Alts) == 0 || !slices.Equal(h.Alts[0].Terms, []string{"horizon", "3"}) || h.Alts[0].Weight != 1:
		t.Errorf("horizon-3: alternatives %v, want horizon and 3 together first", h.Alts)
	}
	if _, ok := words["3"]; ok {
		t.Errorf("the designation's number is a word of its own: %v", words)
	}
	if _, ok := words["mid-2025"]; ok {
		t.Errorf("mid-2025 read as a designation")
	}
	if v, ok := words["vela-2"]; !ok || v.Known() {
		t.Errorf("vela-2, which the articles never give: %v, want an unknown word", v)
	}
}

// analyzedWords returns the words ix reads in question q, by the
// question's spelling of each.
func analyzedWords(ix *Index, q string) map[string]QueryWord {
	words := map[string]QueryWord{}
	for _, w := range ix.Analyze(q).Words {
		words[w.Word] = w
	}
	return words
}

// TestPronounOne: "one" after a determiner that stands for a noun is no
// word of the question; "one" as a number is.
func TestPronounOne(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool // "one" is a word of the question
	}{
		{"who's the labour minister? the one pushing the pension thing", false},
		{"which one signed the deal", false},
		{"the one who spoke first", false},
		{"how many died on the one ship that sank", true},
		{"one of the two unions", true},
		{"only one union signed", true},
	} {
		ws := english.Words(tt.q)
		got := false
		for i, w := range ws {
			if w == "one" && !pronounOne(ws, i) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q: one a word of the question = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestPhraseOfItsVerb: a phrasal verb WordNet gives as its verb ("head
// up": head) meets what the verb meets ("led"); one it does not ("look
// for": search, seek) keeps its own.
func TestPhraseOfItsVerb(t *testing.T) {
	ix := textIndex(t, "An independent inquiry led by a retired judge opened. Police officers searched the woods. It sounds odd.")
	if w := altWeight(ix, "Who's heading up the inquiry?", "heading up", "lead"); w != RelatedWeight {
		t.Errorf("heading up meets lead at %v, want %v", w, RelatedWeight)
	}
	if w := altWeight(ix, "how many cops were out lookin for her", "looking for", "sound"); w != 0 {
		t.Errorf("looking for meets sound at %v, want 0", w)
	}
}

// TestThousandGroups: a number the reader writes without separators meets
// the articles' "3,600", which their words part at the comma.
func TestThousandGroups(t *testing.T) {
	for w, want := range map[string]string{
		"3600":    "3 600",
		"1200000": "1 200 000",
		"600":     "",
		"0600":    "", // a time, or a code
		"12a4":    "",
	} {
		if got := strings.Join(thousandGroups(w), " "); got != want {
			t.Errorf("thousandGroups(%q) = %q, want %q", w, got, want)
		}
	}
	ix := textIndex(t, "Checks found 3,600 people counted twice in Kessendra.")
	if got := altWeight(ix, "why did they take 3600 people out of kessendra numbers", "3600", "3+600"); got != 1 {
		t.Errorf("3600 -> 3,600 at %v, want 1", got)
	}
}

// TestOrdinalInDigits: "nineteenth" and the articles' "19th" are one place,
// written two ways, as "five" and "5" are one number.
func TestOrdinalInDigits(t *testing.T) {
	ix := textIndex(t, "Ulvath is closer to the line for keeping its 19th seat.")
	if got := altWeight(ix, "does ulvath get back its nineteenth seat", "nineteenth", "19th"); got != 1 {
		t.Errorf("nineteenth -> 19th at %v, want 1", got)
	}
	for t2, want := range map[string]bool{"19th": true, "1st": true, "22nd": true, "3rd": true, "th": false, "19": false, "fifth": false} {
		if got := ordinalDigits(t2); got != want {
			t.Errorf("ordinalDigits(%q) = %v", t2, got)
		}
	}
}

// TestAnalyzePartNotMember: a part stands for its whole (a question about
// Egypt meets "Cairo", about Saudi Arabia "Riyadh"), a member does not
// speak for its body: "France" is not NATO, a "staffer"
// is not the "staff".
func TestAnalyzePartNotMember(t *testing.T) {
	ix := textIndex(t, "France and the U.S. held talks in Cairo and Riyadh. The embassy staff left.")
	for _, c := range []struct{ question, word, term string }{
		{"what happened in egypt", "egypt", "cairo"},
		{"what happened in saudi arabia", "saudi arabia", "riyadh"},
	} {
		if got := altWeight(ix, c.question, c.word, c.term); got != RelatedWeight {
			t.Errorf("%q: %s -> %s at %v, want %v", c.question, c.word, c.term, got, RelatedWeight)
		}
	}
	for _, c := range []struct{ question, word, term string }{
		{"what did nato say", "nato", "franc"},
		{"when did the staffers leave", "staffers", "staff"},
	} {
		if got := altWeight(ix, c.question, c.word, c.term); got != 0 {
			t.Errorf("%q: %s -> %s at %v, want no match", c.question, c.word, c.term, got)
		}
	}
}

// TestAnalyzeStopAdverb: an adverb that says what a stop word says
// ("afterwards": after) is no word of the question where the articles
// never use it, so it does not count against every answer; where they
// use it, it is matched like any word. Adverbs with a topic stay.
func TestAnalyzeStopAdverb(t *testing.T) {
	lacks := textIndex(t, "Rubio, speaking after the talks, said the meeting went well.")
	has := textIndex(t, "Rubio spoke to reporters afterwards. The meeting went well.")
	for _, c := range []struct {
		ix   *Index
		q, w string
		want bool
	}{
		{lacks, "what did he say afterwards", "afterwards", false},
		{lacks, "what did rubio merely say", "merely", false},
		{has, "what did he say afterwards", "afterwards", true},
		{lacks, "what did rubio say publicly", "publicly", true},
		{lacks, "what did he say later", "later", true}, // also an adjective: "a later report"
	} {
		got := slices.ContainsFunc(c.ix.Analyze(c.q).Words, func(w QueryWord) bool { return w.Word == c.w })
		if got != c.want {
			t.Errorf("%q in %v: has %q = %v, want %v", c.q, c.ix.lex.DF(english.Term(c.w)) > 0, c.w, got, c.want)
		}
	}
}
