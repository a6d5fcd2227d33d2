package bot

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
)

var history = []Turn{{Question: "Who led the U.S. delegation in Riyadh?", Answer: "Marco Rubio led it [1]."}}

func TestFollowUp(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"and what did Lavrov say?", true},
		{"What about Ukraine?", true},
		{"What did he say about NATO?", true},
		{"Where did they meet?", true},
		{"Why?", true},
		{"how long did it last", true},
		{"Who led the Russian delegation at the Riyadh talks?", false},
		{"What did Sergei Lavrov say about NATO troops in Ukraine?", false},
	} {
		if got := followUp(tt.q); got != tt.want {
			t.Errorf("followUp(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestStandalone(t *testing.T) {
	tests := []struct {
		name    string
		q       Question
		llm     *fakeLLM // nil: offline
		indexed bool     // on the embedded articles' index, which names the words they capitalise
		want    string
		llmCall bool
	}{
		{name: "no history", q: Question{Text: "and what did Lavrov say?"}, want: "and what did Lavrov say?"},
		// A noun phrase alone is searched as the question it asks.
		{name: "bare noun", q: Question{Text: "venue?"}, want: "where were the talks held?"},
		{name: "stands alone", q: Question{Text: "Who led the Russian delegation at the Riyadh talks?", History: history},
			llm: &fakeLLM{reply: "unused"}, want: "Who led the Russian delegation at the Riyadh talks?"},
		// The question names its subject: left alone.
		{name: "offline rule, named", q: Question{Text: "and what did Lavrov say?", History: history},
			want: "and what did Lavrov say?"},
		// A pronoun after a "who" question: the person its answer named.
		{name: "offline rule, pronoun", q: Question{Text: "Who accompanied him?", History: history},
			want: "Who accompanied him? Marco Rubio"},
		// A pronoun after a "who" question: the person the answer named.
		{name: "offline rule, pronoun after who", q: Question{Text: "And what did he say?", History: []Turn{{
			Question: "Who led the U.S. delegation?",
			Answer:   "Leading the U.S. delegation will be Secretary of State Marco Rubio, accompanied by envoy Steve Witkoff [1]."}}},
			want: "And what did he say? Marco Rubio"},
		// Typed all in lower case: the names are the words the articles
		// write capitalised; a name of the question's own keeps it alone.
		{name: "offline rule, lower case", q: Question{Text: "how long did it last", History: []Turn{{
			Question: "what happened at the riyadh talks with the russians"}}},
			indexed: true, want: "how long did it last riyadh russians"},
		{name: "offline rule, lower case, named", q: Question{Text: "and what did lavrov say?", History: []Turn{{
			Question: "what happened at the riyadh talks"}}},
			indexed: true, want: "and what did lavrov say?"},
		// A sentence's first word is no part of the name that follows.
		{name: "offline rule, pronoun after who, name after a stop word", q: Question{Text: "what did he say", History: []Turn{{
			Question: "who was there from russia",
			Answer:   "Besides Yuri Ushakov, Russian Foreign Minister Sergei Lavrov represented Moscow [1]."}}},
			want: "what did he say Yuri Ushakov"},
		{name: "offline rule, pronoun after who, name after words of its role", q: Question{Text: "what did he say", History: []Turn{{
			Question: "who was there from russia",
			Answer:   "Russian Foreign Minister Sergei Lavrov represented Moscow [1]."}}},
			want: "what did he say Sergei Lavrov"},
		// A question word alone asks the last question again with it.
		{name: "offline rule, question word alone", q: Question{Text: "where?", History: []Turn{{
			Question: "when did Rubio and Lavrov meet", Answer: "Tuesday, February 18, 2025: ... [1]."}}},
			want: "where did Rubio and Lavrov meet"},
		{name: "offline rule, question word alone after how many", q: Question{Text: "and why", History: []Turn{{
			Question: "How many drones were fired?", Answer: "176 drones [1]."}}},
			want: "why were drones fired?"},
		// A continuation and a name alone asks the question before of it:
		// in place of its pronoun, or of its names.
		{name: "offline rule, another subject for a pronoun", q: Question{Text: "and the Americans?", History: []Turn{{
			Question: "what did he say?"}}},
			want: "what did Americans say?"},
		{name: "offline rule, another subject for a name", q: Question{Text: "What about Rubio?", History: []Turn{{
			Question: "What did Sergei Lavrov say about the embassies?"}}},
			want: "What did Rubio say about the embassies?"},
		{name: "offline rule, another subject, lower case", q: Question{Text: "and the americans?", History: []Turn{{
			Question: "who led the russian delegation?"}}},
			indexed: true, want: "who led the american delegation?"},
		// A people's plural takes an adjective's place as the adjective,
		// and a noun's place as it is; "one" stands for the noun before.
		{name: "offline rule, another subject for a noun", q: Question{Text: "and the Americans?", History: []Turn{{
			Question: "What did the Russians say?"}}},
			want: "What did the Americans say?"},
		{name: "offline rule, another subject and one", q: Question{Text: "and the american one?", History: []Turn{{
			Question: "who led the russian side?"}}},
			indexed: true, want: "who led the american side?"},
		{name: "offline rule, a pronoun after another subject", q: Question{Text: "what did he say afterwards?", History: []Turn{{
			Question: "who led the russian side?", Answer: "Lavrov [1]"}, {
			Question: "and the american one?", Answer: "U.S. diplomacy, led by Secretary of State Marco Rubio, and senior Russian officials will meet [1]"}}},
			indexed: true, want: "what did he say afterwards? Marco Rubio"},
		{name: "offline rule, another subject, possessive", q: Question{Text: "and Ushakov", History: []Turn{{
			Question: "What was Lavrov's view of the talks?"}}},
			want: "What was Ushakov's view of the talks?"},
		// Not a name: another question, which takes the names before.
		{name: "offline rule, a continuation that names no one", q: Question{Text: "and the reaction?", History: []Turn{{
			Question: "What did Lavrov say?"}}},
			want: "and the reaction? Lavrov"},
		{name: "offline rule, a continuation with a question of its own", q: Question{Text: "and what did Lavrov say?", History: []Turn{{
			Question: "What did Rubio say?"}}},
			want: "and what did Lavrov say?"},
		// The question before is read as it was answered.
		{name: "offline rule, a follow-up of a follow-up", q: Question{Text: "why?", History: []Turn{{
			Question: "Who led the U.S. delegation?", Answer: "Leading the U.S. delegation will be Secretary of State Marco Rubio [1]."}, {
			Question: "what did he say?", Answer: "Rubio said ... [1]."}}},
			want: "why did he say? Marco Rubio"},
		{name: "by the LLM", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{reply: "Standalone question: \"What did Sergei Lavrov say at the Riyadh talks?\"\n"}, llmCall: true,
			want: "What did Sergei Lavrov say at the Riyadh talks?"},
		{name: "LLM fails: offline rule", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{err: errors.New("down")}, llmCall: true,
			want: "and what did Lavrov say?"},
		{name: "LLM fails on a pronoun: offline rule", q: Question{Text: "What did he say next?", History: history},
			llm: &fakeLLM{err: errors.New("down")}, llmCall: true,
			want: "What did he say next? Marco Rubio"},
		{name: "LLM rambles: offline rule", q: Question{Text: "and what did Lavrov say?", History: history},
			llm: &fakeLLM{reply: strings.Repeat("Lavrov said many things. ", 40)}, llmCall: true,
			want: "and what did Lavrov say?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *Engine
			switch {
			case tt.indexed:
				e = testEngine(t)
			case tt.llm != nil:
				e = newTestEngine(tt.llm)
			default:
				e = newTestEngine(nil)
			}
			got := e.rewrite(t.Context(), answer.Query{Text: tt.q.Text, History: tt.q.History})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.llm != nil && (tt.llm.calls > 0) != tt.llmCall {
				t.Errorf("LLM called %d times", tt.llm.calls)
			}
			if tt.llmCall && !strings.Contains(tt.llm.user[0], "User: Who led the U.S. delegation in Riyadh?") {
				t.Errorf("the rewrite prompt lacks the conversation:\n%s", tt.llm.user[0])
			}
		})
	}
}

// followUps are follow-up questions written for the articles (not from the
// gold set), each with the question before it and a word its answer must
// contain.
var followUps = []struct{ prev, q, fact string }{
	{"Who led the U.S. delegation at the Riyadh talks?", "Who accompanied him?", "witkoff"},
	{"How did Sergei Lavrov describe the conversation after the talks?", "And what did Ushakov say?", "ushakov"},
	{"What did Pete Hegseth say about NATO membership for Ukraine?", "And what did Zelensky say?", "zelensky"},
	{"How did Zelensky react to being left out of the talks?", "Which country was he visiting?", "turkey"},
	{"What did Trump say on February 16 about meeting Putin?", "Has a date been set for it?", "no date"},
	{"Which Russian officials took part in the talks?", "How long did it last?", "hour"},
	{"How did Zelensky react to being left out of the talks?", "To what date did he reschedule his visit?", "march 10"},
	{"Who led the U.S. delegation at the Riyadh talks?", "and what did Lavrov say?", "lavrov"},
	{"What did the two sides agree about their embassies?", "What else did they agree?", "agree"},
	{"Who led the Russian delegation at the Riyadh talks?", "and the Americans?", "rubio"},
	{"What did Lavrov say about the embassies?", "what about Rubio?", "embass"},
	{"Who hosted the talks in Riyadh?", "What did Macron do?", "emergency"},
}

// TestOfflineRewriteHelps measures the offline follow-up rule on the
// embedded articles: offline answers to the rewritten follow-ups must
// contain their fact at least as often as answers to the bare follow-ups,
// as written and as people type them in a chat, all in lower case (no
// capitals to find the names by).
func TestOfflineRewriteHelps(t *testing.T) {
	e := testEngine(t)
	score := func(lower bool, rewrite func(answer.Query) string) int {
		n := 0
		for _, c := range followUps {
			q := answer.Query{Text: c.q, History: []Turn{{Question: c.prev}}}
			if lower {
				q = answer.Query{Text: strings.ToLower(c.q), History: []Turn{{Question: strings.ToLower(c.prev)}}}
			}
			q.Search = rewrite(q)
			hits, err := e.index.Search(t.Context(), q.Search, e.opts.Passages)
			if err != nil {
				t.Fatal(err)
			}
			a, err := e.offline().Answer(t.Context(), q, hits)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ToLower(a.Answer), c.fact) {
				n++
			}
		}
		return n
	}
	offline := func(q answer.Query) string { return e.rewrite(t.Context(), q) } // offline: testEngine has no LLM
	for _, lower := range []bool{false, true} {
		bare, rewritten := score(lower, func(q answer.Query) string { return q.Text }), score(lower, offline)
		t.Logf("lower case %v: follow-ups answered: %d/%d bare, %d/%d rewritten", lower, bare, len(followUps), rewritten, len(followUps))
		if rewritten < bare || lower && rewritten == bare {
			t.Errorf("lower case %v: the rewrite does not help: %d rewritten, %d bare", lower, rewritten, bare)
		}
	}
}

func TestCleanRewrite(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
		wantErr        bool
	}{
		{"plain", "Who led the Russian delegation?", "Who led the Russian delegation?", false},
		{"label", "Standalone question: Who led the Russian delegation?", "Who led the Russian delegation?", false},
		{"label upper case", "QUESTION:  \"Who met in Riyadh?\"", "Who met in Riyadh?", false},
		{"first non-empty line", "\n\n  Who met in Riyadh?\nextra", "Who met in Riyadh?", false},
		{"label too far in", "The assistant was asked a long thing, question: Who met?", "The assistant was asked a long thing, question: Who met?", false},
		{"lower-casing changes byte length", "ȺȺȺȺȺȺȺquestion: Who met in Riyadh?", "Who met in Riyadh?", false},
		{"no content", "question: ?", "", true},
		{"empty", "\n \n", "", true},
		{"too long", strings.Repeat("Riyadh ", 100), "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cleanRewrite(tt.in, 500)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("cleanRewrite(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func FuzzCleanRewrite(f *testing.F) {
	for _, s := range []string{"Who met?", "Question: Who met in Riyadh?", "ȺȺȺȺȺȺȺquestion:", "“Mr. Lavrov”\n", "\xff question: x"} {
		f.Add(s, 40)
	}
	f.Fuzz(func(t *testing.T, s string, maxLen int) {
		if maxLen < 0 || maxLen > 1000 {
			return
		}
		got, err := cleanRewrite(s, maxLen)
		if err != nil {
			return
		}
		if !utf8.ValidString(got) {
			t.Errorf("cleanRewrite(%q) = %q, not valid UTF-8", s, got)
		}
		if n := utf8.RuneCountInString(got); n > maxLen {
			t.Errorf("cleanRewrite(%q) has %d runes, more than %d", s, n, maxLen)
		}
	})
}

// FuzzRewriteOffline checks that the offline rule takes any follow-up and
// question before it without failing, and returns a question for any that
// has words.
func FuzzRewriteOffline(f *testing.F) {
	for _, s := range [][2]string{{"and the Americans?", "what did he say?"}, {"what about Rubio?", "What did Sergei Lavrov's aide say?"},
		{"and ’s?", "Who is ’s"}, {"why?", "and X"}, {"and \xff", "Ȿ he?"}} {
		f.Add(s[0], s[1])
	}
	named := func(w string) bool { return len(w) > 3 }
	f.Fuzz(func(t *testing.T, q, prev string) {
		got := rewriteOffline(answer.Query{Text: q, History: []Turn{{Question: prev}, {Question: q}}}, named)
		if got == "" && strings.TrimSpace(q) != "" {
			t.Errorf("rewriteOffline(%q after %q) is empty", q, prev)
		}
	})
}
