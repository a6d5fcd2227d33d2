package extractive

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/retrieval"
)

// FuzzAnswer checks that no question on no article text makes the
// answerer panic or quote what the article does not say, whatever kind the
// question reads as (interviews, bylines, comparisons, summaries, rates,
// fates, names, agents, when-clauses).
func FuzzAnswer(f *testing.F) {
	f.Add("who wrote the harbour piece?", "Harbour fees were cut by a third. Officials said the move would help.")
	f.Add("what worries her most?", "Port director Jane Rourke spoke to us.\n\nQ: What worries you most?\n\nA: Storms. The wall is old.")
	f.Add("how did A and B differ", "A said yes. B said no, \"never,\" he said.")
	f.Add("how big is the fund?", "-   - A fund: €4 million - B - C - D grey zone: 3 km")
	f.Add("tl;dr?", "The talks, held in Riyadh, ended. Nothing else.")
	f.Add("how many ships hit, how long, where, which ports", "63 vessels waited for 4.5 hours in the ports of Odessa and Marseille.")
	f.Add("how often, what became of the demand, the name of the first ship, who mediated", "The demand was not met. It went to a committee that meets every month. The first ship was the Aegean Star, mediated by the Harbour Union, 40 ships a week.")
	f.Add("where was Quimby when he criticized the meeting, why, what set this off", "Quimby criticized the meeting in Paris. Quimby said during a visit to Rome that the talks follow a call.")
	f.Add("what did the lorry driver say? one article said so", "I talked to a lorry driver, Kevin Marsh, on Monday.\n\nKEVIN MARSH: No load, no pay.\n\nCORRECTION: The year was wrong.")
	f.Add("what did the minister say about the deal", "Minister for Harbour Affairs Jane Rourke said:\n\n\"Today forty families can fish. We thank both sides.\"")
	f.Add("why did she keep them apart", "Jane Rourke mediated. She spoke to Ann Lee.\n\nQ. You kept them apart. Why?\n\nA. Because they performed.\n\nQ. Done?\n\nA. Yes.")
	f.Add("who led Shelbyville's team, and how long did it last? how old is Lee", "Lee, 51, led Shelbyville's team. Her town's team talked for 4 hours, extended by one day, at €90 a day.")
	f.Add("which site had wat govt said bout the go-between in 08:55 on 16 October", "08:55 - The go-between arrived on 16 October. (Reporting by Ann Lee; editing by Jo Ray)")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, question, text string) {
		if !utf8.ValidString(question) || !utf8.ValidString(text) || len(text) > 2000 || len(question) > 300 {
			return
		}
		paras := strings.Split(strings.TrimSpace(text), "\n\n")
		arts := []corpus.Article{{ID: "a", Title: "a", Outlet: "Harbour", Author: "Jane Rourke", Paragraphs: paras, Text: strings.Join(paras, "\n\n")}}
		ix, err := retrieval.NewIndex(t.Context(), retrieval.Chunk(arts, retrieval.Options{}), retrieval.NewHashing(32), retrieval.Options{})
		if err != nil {
			return
		}
		e := New(nil, arts, ix, nil)
		hits, err := ix.Search(t.Context(), question, 8)
		if err != nil {
			return
		}
		a, err := e.Answer(t.Context(), answer.Query{Text: question, Search: question}, hits)
		if err != nil {
			t.Fatal(err)
		}
		if a.Citations == nil {
			t.Fatalf("nil citations for %q", question)
		}
		for _, c := range a.Citations {
			if !strings.Contains(arts[0].Text, c.Quote) {
				t.Fatalf("quote %q not in the article", c.Quote)
			}
		}
		if a.Abstained != (len(a.Citations) == 0) {
			t.Fatalf("abstained %v with %d citations: %q", a.Abstained, len(a.Citations), a.Answer)
		}
	})
}
