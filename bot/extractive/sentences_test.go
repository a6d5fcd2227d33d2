package extractive

import (
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
)

func TestLeansOnPrevious(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"He also announced that he would postpone a planned trip.", true},        // pronoun subject
		{"“The conversation was very useful,” he said.", true},                    // opens with a quotation
		{"Russian Foreign Minister Sergei Lavrov expressed satisfaction.", false}, // names its subject
		{"Their comments suggest a thaw.", true},                                  // possessive pronoun
		{"Hegseth said NATO membership is unrealistic.", false},                   // name that starts like "He"
		{"A: We can load about 30 ships a week.", true},                           // an interview's answer leans on its question
		{"A deal was reached on Thursday.", false},                                // the article "A" opens a sentence
		{"Koval called the deal a gift.", false},                                  // names what she calls
		{`I don't know what else I would do," said Mirela Kostova.`, true},        // closes a quotation opened before
		{`Koval said the deal was "a gift" to Amsel.`, false},                     // opens and closes its own
		{"On 15 July he was the pilot of the aircraft.", true},                    // a date before the pronoun is no name
		{"“I want to hear it is safe,” said the pensioner.", true},                // the one named before
		{"“Banks are safe,” said Minister Kovald.", false},                        // named
	}
	for _, tt := range tests {
		if got := leansOnPrevious(tt.s); got != tt.want {
			t.Errorf("leansOnPrevious(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestDescriptions(t *testing.T) {
	paras := []string{
		"Daniel Whitcomb, who heads the 12-member U.S. delegation, declined to comment. He said the first day had been useful.",
		"Kremlin aide Yury Ushakov told reporters the meeting was not bad.",
		"Arkady Tsvetkov, Russia's deputy transport minister, said the talks were businesslike.",
		"“We came to work,” said Oksana Marchenko.",
		"Dana Koval, leader of the opposition Mountain Party, said the deal was a gift.",
		"“I don't know what else I would do,” said Mirela Kostova, 38, a line worker at the Vantor plant.",
		"“Nobody thought about fire,” said Henrik Pauls, a former air traffic controller who now leads the opposition Civic Union in the Calvenian parliament.",
		"Benedikt Aro, their coach, spoke after training. He said, “I'm heartbroken.”",
		"Agata Brenn, chair of the Tessa Valley Farmers' Union, told us the plant does nothing for a potato field.",
	}
	sents := splitParas(paras...)
	tests := []struct {
		sentence int
		want     []string // terms of the speaker's description
		not      []string
	}{
		{1, []string{"head", "deleg", "us"}, []string{"comment"}},                  // "he", described by the apposition before
		{2, []string{"kremlin", "aid"}, []string{"meet"}},                          // the title before the name
		{3, []string{"russia", "deputi", "transport", "minist"}, []string{"talk"}}, // an apposition with a possessive
		{4, []string{"oksana"}, []string{"work"}},                                  // no description: the name alone
		{5, []string{"leader", "opposit"}, []string{"deal"}},                       // an apposition that opens with a title
		{6, []string{"line", "worker", "plant"}, []string{"know"}},                 // an apposition after an age
		{7, []string{"lead", "opposit", "civic", "union"}, []string{"fire"}},       // a long apposition's first words
		{9, []string{"coach"}, []string{"train"}},                                  // an apposition with a possessive pronoun, for "he"
		{10, []string{"chair", "farmer", "union"}, []string{"potato"}},             // a chair is a title
	}
	for _, tt := range tests {
		d := sents[tt.sentence].described()
		for _, w := range tt.want {
			if !d[w] {
				t.Errorf("%q: description lacks %q: %v", sents[tt.sentence].text, w, d)
			}
		}
		for _, w := range tt.not {
			if d[w] {
				t.Errorf("%q: description has %q: %v", sents[tt.sentence].text, w, d)
			}
		}
	}
}

// TestSpeakersOf: who speaks, read around the verb of speech.
// TestDescriptionAfterLabel: a transcript's speaker label is no title of
// the name after it ("VELL: Mr Rohde wants ...": Rohde is no Vell).
func TestDescriptionAfterLabel(t *testing.T) {
	sents := splitParas("VELL: Mr Rohde wants to fight about the past.")
	if d := descriptions(sents)["rohd"]; d == nil || d["vell"] {
		t.Errorf("Rohde's description %v: want one without the label's name", d)
	}
}

// TestPronounSpeaker: "he said" is the person the sentences before name,
// past one whose own subject is "he" ("On 15 July he was the pilot of the
// aircraft that Vulin saw turn round": Sandor speaks, not Vulin).
func TestPronounSpeaker(t *testing.T) {
	sents := splitParas("Captain Erik Sandor has flown water-bombers for 15 years. On 15 July he was the pilot of the aircraft that Vulin saw turn round.",
		`"You have to turn at the border like it's a wall," he said.`)
	got := sents[len(sents)-1].spk()
	if !got["sandor"] || got["vulin"] {
		t.Errorf("speakers %v: want Sandor, not Vulin", got)
	}
}

// TestSpokespersonSpeaksFor: a spokesperson the sentence does not say
// whom for speaks for the body the sentence before names, and so does the
// spokesperson the next sentence quotes; a speaker of another kind does
// not, nor one who says whom for.
func TestSpokespersonSpeaksFor(t *testing.T) {
	_, _, sents := oneArticle(t, "Varro Dynamics, the firm that makes the seals, has given us its estimate. "+
		"A spokesperson said the repairs would cost 4 million. "+
		"\"That is the price of doing it right,\" the spokesperson said. "+
		"Halden Works has closed. A nurse said the road was shut. "+
		"Tarsk Mills has reopened. A spokeswoman for the union said the talks went on.")
	for i, tt := range []struct {
		want, notWant string
	}{
		{"", ""},
		{"varro", ""},
		{"varro", ""}, // the spokesperson before
		{"", ""},
		{"nurs", "halden"},
		{"", ""},
		{"", "tarsk"}, // for the union
	} {
		got := sents[i].spk()
		if tt.want != "" && !got[tt.want] {
			t.Errorf("%q: speakers %v lack %q", sents[i].text, got, tt.want)
		}
		if tt.notWant != "" && got[tt.notWant] {
			t.Errorf("%q: speakers %v have %q", sents[i].text, got, tt.notWant)
		}
	}
	for _, w := range []string{"spokesperson", "spokesman", "spokeswoman"} {
		if !isSpokesperson(w) {
			t.Errorf("isSpokesperson(%q) = false", w)
		}
	}
	for _, w := range []string{"nurse", "minister", "company"} {
		if isSpokesperson(w) {
			t.Errorf("isSpokesperson(%q) = true", w)
		}
	}
}

func TestSpeakersOf(t *testing.T) {
	tests := []struct {
		s       string
		want    []string // terms among the speakers
		notWant []string
	}{
		{"Russian Foreign Minister Sergei Lavrov said the talks were useful.", []string{"lavrov"}, []string{"talk"}},
		{"Arkady Tsvetkov, Russia's deputy transport minister, said the talks were businesslike.", []string{"tsvetkov"}, []string{"russia"}},
		{"Trump's envoy, Steve Witkoff, stated that the aim is trust.", []string{"witkoff"}, []string{"trump"}}, // the apposition is the name
		{"13:20 - Rourke, speaking during the lunch break: \"The gap is narrow.\"", []string{"rourk"}, nil},
		{"Opposition leader Gregor Haldane says freeing Colonel Teral was \"a bad bargain\" and says he will ask for a hearing.", []string{"haldan"}, []string{"teral"}}, // a second verb shares the first's subject
		{"Veskar's foreign ministry wants a say before anyone draws lines in the Gulf.", nil, []string{"veskar"}},                                                        // "a say" is a noun
		{"In a statement, Veskar's foreign ministry said it takes note.", []string{"veskar"}, nil},
		{"The spokesman said it takes note.", []string{"spokesman"}, []string{"note"}},
		{"Opposition leader Aksel Rohde of the Citizens' Party said the deal was weak.", []string{"rohd", "parti"}, nil}, // the person of an organisation
		{"In Varnesia, the Union of Selm Veterans called the deal a surrender.", []string{"union", "veteran"}, []string{"varnesia"}},
		{"Sandor Vell, the union's general secretary, calls the deal \"welcome and five weeks late\".", []string{"vell"}, nil},                                                                                                    // the present, as features tell
		{"\"We are ready,\" said Ukraine's envoy Olena Marchenko, adding that talks would go on.", []string{"marchenko"}, nil},                                                                                                    // the name ends at the comma
		{"\"We came to work,\" said Lavrov", []string{"lavrov"}, nil},                                                                                                                                                             // at the sentence's end
		{"Under the deal, signed by Deputy Minister Anton Vilkas, Karesia's state-owned Karpetrol will supply fuel.", nil, []string{"vilka", "karesia"}},                                                                          // "state-owned" is no verb
		{"\"We slept on a coat,\" said the woman, Dana Morrow, 34, from Orlen.", []string{"dana", "morrow"}, []string{"orlen"}},                                                                                                   // what she is, then her name
		{"\"My roses will think it's Christmas,\" said the retired nurse Marta Oslin, 68.", []string{"marta", "oslin"}, nil},                                                                                                      // what she is, no comma, her name
		{"\"It is safe,\" said the minister in Varden.", nil, []string{"varden"}},                                                                                                                                                 // a place, not a name of hers
		{"\"It is over,\" said the mayor, adding that Orlen would rebuild.", nil, []string{"orlen"}},                                                                                                                              // no name after the comma
		{"In Velmora, a nurse who marched with her daughter on the day of the strike told the Courier that the deal was \"better than nothing\".", []string{"nurs", "march", "daughter"}, []string{"velmora", "courier", "deal"}}, // described, not named
		{"The ministry's spokesman said the talks were over.", []string{"ministri", "spokesman"}, []string{"talk"}},                                                                                                               // a title without a name: what it says of them
		{"Egypt's state grain buyer purchased 240,000 tonnes on Friday, traders said.", nil, []string{"egypt"}},                                                                                                                   // "Egypt's state" is a noun after a possessive
	}
	for _, tt := range tests {
		got := speakersOf(tt.s, nil, false)
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: speakers %v lack %q", tt.s, got, w)
			}
		}
		for _, w := range tt.notWant {
			if got[w] {
				t.Errorf("%q: speakers %v have %q", tt.s, got, w)
			}
		}
	}
}

// TestBodySpeaks: "the company said" speaks for the body the sentence
// before names; "the minister said" does not, nor "the company" with no
// sentence before it.
func TestBodySpeaks(t *testing.T) {
	sents := splitParas("The seals are made by Varro Dynamics at its plant in Dunmere. In a statement, the company said it accepts the findings. The minister said the company had been warned.")
	for i, want := range []bool{false, true, false} {
		if got := sents[i].spk()["varro"]; got != want {
			t.Errorf("%q: Varro speaks %v, want %v (%v)", sents[i].text, got, want, sents[i].spk())
		}
	}
	if got := speakersOf("The company said it accepts the findings.", nil, false); len(got) != 0 {
		t.Errorf("with no sentence before, the company's speakers are %v", got)
	}
}

// TestIntroducedQuote: a press release's "Minister for Foreign Affairs
// Elin Brask said:" makes her the speaker of the quoted paragraph after
// it, every sentence of it, and her title ("minister", through "for")
// describes her.
func TestIntroducedQuote(t *testing.T) {
	paras := []string{"The swap went well.", "Minister for Foreign Affairs Elin Brask said:", "\"Today, 96 people are going home. Behind each number is a family.\"", "Cod prices fell."}
	sents := splitParas(paras...)
	for i, want := range []bool{false, true, true, true, false} {
		if got := sents[i].spk()["brask"]; got != want {
			t.Errorf("%q: Brask speaks = %v, want %v", sents[i].text, got, want)
		}
	}
	if d := sents[3].described(); !d["minist"] || !d["foreign"] {
		t.Errorf("description %v lacks the title", d)
	}
}

// TestInterviewee: the answers of an interview are the person its first
// introducing sentence names, not the interviewer a later one names.
func TestInterviewee(t *testing.T) {
	paras := []string{
		"Harbour master Jane Rourke mediated the ferry strike in Springfield.",
		"She spoke to Ann Lee.",
		"Q. What broke the deadlock?",
		"A. The guarantee on the old pier.",
		"Q. Will it hold?",
		"A. If both sides keep talking, yes.",
	}
	sents := splitParas(paras...)
	ans := sents[3]
	if !ans.interviewee["rourk"] || ans.interviewee["lee"] {
		t.Errorf("interviewee %v, want Rourke and not Lee", ans.interviewee)
	}
	if !sents[0].introducesInterview || len(sents[0].spk()) > 0 {
		t.Errorf("%q does not read as the interview's introduction, without a speaker: %v", sents[0].text, sents[0].spk())
	}
}

// TestTranscriptLabels: a transcript's "NAME:" or "ROLE (NAME):" label
// says who speaks its turn, every sentence of it; "CORRECTION:" is no
// speaker; a noun phrase before a name ("a lorry driver, Kevin Marsh,")
// describes him.
func TestTranscriptLabels(t *testing.T) {
	paras := []string{
		"I also talked to a lorry driver, Kevin Marsh, who has been parked since Monday.",
		"KEVIN MARSH: I get paid by the load. No load, no pay.",
		"REPORTER (AOIFE BRENNAN): The talks went on late.",
		"CORRECTION: An earlier report gave the wrong year.",
		"MR PAVEL OSTRANDER (Chief Executive, Merevian Rail Cargo): Chair, our direct losses are around €31 million.",
	}
	sents := splitParas(paras...)
	for i, want := range map[int]string{1: "marsh", 2: "marsh", 3: "brennan", 5: "ostrand"} {
		if !sents[i].spk()[want] {
			t.Errorf("%q: speakers %v lack %q", sents[i].text, sents[i].spk(), want)
		}
	}
	if len(sents[4].spk()) > 0 {
		t.Errorf("%q: speakers %v, want none", sents[4].text, sents[4].spk())
	}
	if spk := sents[5].spk(); !spk["chief"] || !spk["cargo"] {
		t.Errorf("%q: speakers %v lack the description in brackets", sents[5].text, spk)
	}
	if d := sents[2].described(); !d["lorri"] || !d["driver"] {
		t.Errorf("description %v lacks the lorry driver", d)
	}
}

// splitParas returns the sentences of an article of paras.
func splitParas(paras ...string) []*sentence {
	sents, _ := splitArticle(&corpus.Article{ID: "a", Paragraphs: paras, Text: strings.Join(paras, "\n\n")})
	return sents
}

// TestTurnLabels: two labels, one asking and one answering, are an
// interview's; of several speakers, where some ask, those who never ask
// answer; a transcript where nobody asks, or of two who both ask, has no
// turns. A label may be in ordinary case ("Brask:"), and one name may
// answer Q turns.
func TestTurnLabels(t *testing.T) {
	interview := []string{"Intro.", "HALLORAN: When?", "ODENWALD: Late.", "HALLORAN: Why?", "ODENWALD: Cheese.", "HALLORAN: Worth it?", "ODENWALD: Yes."}
	if got := turnLabels(interview); got["HALLORAN"] != 'Q' || got["ODENWALD"] != 'A' {
		t.Errorf("interview: %v", got)
	}
	briefing := []string{"ANCHOR: Hello.", "REPORTER: Talks go on.", "ANCHOR: Thanks.", "MAYOR: We agree.", "REPORTER: Yes."}
	if got := turnLabels(briefing); got != nil {
		t.Errorf("three speakers: %v", got)
	}
	podcast := []string{"NELL BRANNAGH: Hello.", "TOM ASHGROVE: Hi.", "BRANNAGH: The minister says you were consulted.", "MARROW: Not true.", "ASHGROVE: How did you hear?", "MARROW: On the radio."}
	if got := turnLabels(podcast); got["MARROW"] != 'A' || got["BRANNAGH"] != 0 || got["ASHGROVE"] != 0 {
		t.Errorf("several speakers, one who never asks: %v", got)
	}
	debate := []string{"LEE: Why?", "ROURKE: Why not?", "LEE: How?", "ROURKE: When?", "LEE: Who?", "ROURKE: What?"}
	if got := turnLabels(debate); got != nil {
		t.Errorf("both ask: %v", got)
	}
	// Labels in ordinary case, and an interviewee's name after Q turns.
	paper := []string{"Intro.", "Dornick Post: When?", "Brask: At three.", "Dornick Post: Why?", "Brask: The heat.", "Dornick Post: Sirens?", "Brask: Yes."}
	if got := turnLabels(paper); got["Dornick Post"] != 'Q' || got["Brask"] != 'A' {
		t.Errorf("labels in ordinary case: %v", got)
	}
	named := []string{"Intro.", "Q: When?", "Ostrand: At four.", "Q: Why?", "Ostrand: Fog.", "Q: And now?", "Ostrand: Relief."}
	if got := turnLabels(named); got["Ostrand"] != 'A' {
		t.Errorf("Q turns and a named answer: %v", got)
	}
	// A turn that asks and goes on ("What about the records? People are
	// worried."), and an interviewer's greeting and thanks.
	anchor := []string{"ANCHOR: Good evening. With me is Halvard Oberlund.", "OBERLUND: Thank you.", "ANCHOR: Are the hospitals safe?", "OBERLUND: Patients are treated.",
		"ANCHOR: What about the records? People are worried.", "OBERLUND: Some were copied.", "ANCHOR: And the water? People have asked.", "OBERLUND: It is safe.", "ANCHOR: Thank you."}
	if got := turnLabels(anchor); got["ANCHOR"] != 'Q' || got["OBERLUND"] != 'A' {
		t.Errorf("questions inside turns: %v", got)
	}
	factCheck := []string{"Claim: Trade is back.", "Verdict: Misleading.", "Claim: Queues are gone.", "Verdict: False.", "Claim: Fees fell.", "Verdict: True."}
	if got := turnLabels(factCheck); got != nil {
		t.Errorf("a fact check's field names: %v", got)
	}
}

// TestAnswerLeansOnWholeQuestion: an interview's answer answers the whole
// of the question's paragraph, what it says before it asks too.
func TestAnswerLeansOnWholeQuestion(t *testing.T) {
	sents := splitParas("The chief vet spoke to the Herald.", "Q: On 3 March the minister said the outbreak was contained. Was that wrong?", "A: With hindsight, yes, it was premature.")
	last := sents[len(sents)-1]
	for _, w := range []string{"minister", "outbreak", "contained", "wrong"} {
		if !last.context[english.Term(w)] {
			t.Errorf("the answer does not lean on %q of its question: %v", w, last.context)
		}
	}
}

// TestLabelledWordSurname: a transcript's label that is an English word
// too ("MARROW:") names its speaker where the transcript gives it turns;
// "NOTE:" does not.
func TestLabelledWordSurname(t *testing.T) {
	sents := splitParas("NELL BRANNAGH: Hello.", "TOM ASHGROVE: Hi.", "BRANNAGH: The minister says you were consulted.", "MARROW: Not true.", "ASHGROVE: How did you hear?", "MARROW: On the radio.", "NOTE: Edited for length.")
	var marrow, note *sentence
	for _, s := range sents {
		switch {
		case strings.HasPrefix(s.text, "MARROW: Not"):
			marrow = s
		case strings.HasPrefix(s.text, "NOTE:"):
			note = s
		}
	}
	if marrow == nil || !marrow.labelled()[english.Term("marrow")] {
		t.Errorf("MARROW's turn has no speaker")
	}
	if note == nil || note.labelled() != nil {
		t.Errorf("a note has a speaker")
	}
}

// TestLabelledFullName: a label of one name ("NADIA:", "OBERLUND:") speaks
// for the person the transcript names in full; a label of two names, and
// a name no one in the article has in full, stay as they are.
func TestLabelledFullName(t *testing.T) {
	sents := splitParas("TOMAS: With us is Nadia Orlov-Benn, a violinist, and Director Halvard Oberlund.", "NADIA: We flew eleven hours.", "TOMAS: And you?", "OBERLUND: We did not pay.", "ANIKA SOREL: Call your bank.", "PELL: Thanks.")
	for _, tt := range []struct {
		prefix  string
		want    []string
		notWant []string
	}{
		{"NADIA:", []string{"nadia", "orlov", "benn"}, nil},
		{"OBERLUND:", []string{"oberlund", "halvard"}, nil},
		{"ANIKA SOREL:", []string{"anika", "sorel"}, []string{"nadia"}},
		{"PELL:", []string{"pell"}, []string{"tomas"}},
	} {
		i := slices.IndexFunc(sents, func(s *sentence) bool { return strings.HasPrefix(s.text, tt.prefix) })
		if i < 0 {
			t.Fatalf("no sentence opens with %q", tt.prefix)
		}
		got := sents[i].labelled()
		for _, w := range tt.want {
			if !got[english.Term(w)] {
				t.Errorf("%q: speakers %v lack %q", sents[i].text, got, w)
			}
		}
		for _, w := range tt.notWant {
			if got[english.Term(w)] {
				t.Errorf("%q: speakers %v have %q", sents[i].text, got, w)
			}
		}
	}
}

// TestIsDescription: "X is professor of economics" describes X; "X is
// expected to resign" says what X will do, and describes nothing.
func TestIsDescription(t *testing.T) {
	for text, want := range map[string]string{
		"Elena Varga is professor of economics at the University of Sarnoc.": "professor",
		"Elena Varga is a retired judge.":                                    "judge",
		"Elena Varga is expected to resign on Friday.":                       "",
	} {
		d := descriptions(splitParas(text))[english.Term("varga")]
		got := ""
		for _, w := range []string{"professor", "judge", "expected", "resign"} {
			if d[english.Term(w)] {
				got = w
				break
			}
		}
		if got != want {
			t.Errorf("%q describes Varga by %q, want %q (%v)", text, got, want, d)
		}
	}
}

// TestDescribePeople: whom an article describes as a person, and the
// sentences that name them; not a place, a body, a transcript's label.
func TestDescribePeople(t *testing.T) {
	p := describePeople(splitParas(
		"Among them was Ilse Varga, 71, a retired schoolteacher.",
		"The refinery in Port Halsted is shut. In Brask the queue grew.",
		"Mr KASSEL (Liberal Party): Will the minister give way?",
		"Varga said she would wait. The Liberal Party said nothing.",
		"With us is Nadia Orlov-Benn, a violinist of the orchestra."))
	for name, want := range map[string]bool{"varga": true, "halst": false, "parti": false} {
		if got := p.personal[english.Term(name)]; got != want {
			t.Errorf("%s a person: %v, want %v", name, got, want)
		}
	}
	if n := len(p.named[english.Term("varga")]); n != 1 {
		t.Errorf("Varga named in %d sentences, want 1 (her full name's)", n)
	}
	// A hyphenated surname, by its last part, as its speaker's terms
	// have it.
	if n := len(p.named[english.Term("benn")]); n != 1 || !p.desc[english.Term("benn")][english.Term("violinist")] {
		t.Errorf("Orlov-Benn named in %d sentences, want 1; described by %v", n, p.desc[english.Term("benn")])
	}
	for _, name := range []string{"kassel", "brask", "parti"} {
		if ns := p.named[english.Term(name)]; len(ns) > 0 {
			t.Errorf("%s named in %q", name, ns[0].text)
		}
	}
}

// TestTurnReportsAnother: in a transcript's turn, "she said" is the
// labelled speaker's account of another, whom the turn before names: the
// turn's speaker speaks, not she.
func TestTurnReportsAnother(t *testing.T) {
	sents := splitParas("LIND: Mirela Haskova, the former procurement chief, said she was told to change the rules.", "CESK: She said she understood something from a sentence about experiments.")
	last := sents[len(sents)-1]
	if spk := last.spk(); spk[english.Term("haskova")] || !spk[english.Term("cesk")] {
		t.Errorf("%q: speakers %v, want Cesk and not Haskova", last.text, spk)
	}
}

// TestNounUse: a word of speech after a determiner, "no" or a possessive
// is a noun; after a name or a pronoun, a verb.
func TestNounUse(t *testing.T) {
	for before, want := range map[string]bool{
		"Veskar wants a ":        true,
		"He repeated those ":     true, // "those remarks"
		"The ministry had no ":   true, // "no comment"
		"Egypt's ":               true,
		"Lavrov ":                false,
		"Afterwards, the envoy ": false, // "the envoy said"
		"Afterwards, they ":      false,
		"":                       false,
	} {
		if got := nounUse(before); got != want {
			t.Errorf("nounUse(%q) = %v, want %v", before, got, want)
		}
	}
}
