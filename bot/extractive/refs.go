package extractive

import (
	"slices"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/bot/answer"
	"github.com/talksbot/talksbot/corpus"
	"github.com/talksbot/talksbot/corpus/english"
	"github.com/talksbot/talksbot/corpus/english/wordnet"
	"github.com/talksbot/talksbot/retrieval"
)

// Questions that name an article by what it is rather than by what it says:
// "what does the Kestland Chronicle's editorial argue", "wat does the
// opinion column say", "whos the trucker in the feature". The outlet and the
// kind of article are not in its sentences ("Editorial" is a heading, the
// outlet a field of sources.json), so such words would count as words the
// articles never use and the question would go unanswered. Each names the
// articles it fits: their sentences have the word, and they are read for
// the answer whatever retrieval found.

// genreNames are the phrases that name a kind of article, by kind. Before
// the bar, those a question names it by ("the editorial", "the op-eds",
// "the live blog", "the press release"); after it, those an article's
// title, address, headings or outlet may say besides: newspapers file
// columns under "/opinion/" or "/commentisfree/", title editorials "The
// Observer view: ...", live pages "Tunnel fire: live", and agencies head
// releases "Statement from ..." or "X announces ...". Those are words a
// question uses in other senses ("where do they live", "her opinion").
var genreNames = map[string]string{
	"opinion": "editorial, op-ed, oped, opinion piece, opinion column, opinion article, opinion section, column, columnist, commentary | opinion, comment, commentisfree, view",
	"live":    "live blog, liveblog, live updates, live feed, live coverage, live page, blog | live, as it happened",
	"release": "press release, news release, media release | statement from, announces",
}

// genrePhrases returns the phrases of genre g (see genreNames) that the
// lower-case words ws have, a word in its singular or plural: those of a
// question (asked), or those of an article's title, address, headings and
// outlet.
func genrePhrases(g string, ws []string, asked bool) []string {
	terms := make([]string, len(ws))
	for i, w := range ws {
		terms[i] = phraseTerm(w)
	}
	var out []string
	for _, p := range genreTerms()[g] {
		if (asked && !p.asked) || !hasPhrase(terms, p.terms) {
			continue
		}
		out = append(out, p.phrase)
	}
	return out
}

// genrePhrase is a phrase of genreNames, its words' terms made once.
type genrePhrase struct {
	phrase string
	terms  []string
	asked  bool // a question names the kind by it
}

// genreTerms are the phrases of genreNames by kind.
var genreTerms = sync.OnceValue(func() map[string][]genrePhrase {
	out := map[string][]genrePhrase{}
	for g, names := range genreNames {
		asked, more, _ := strings.Cut(names, "|")
		for i, list := range []string{asked, more} {
			for _, phrase := range strings.Split(list, ",") {
				var ts []string
				for _, w := range english.Words(phrase) {
					ts = append(ts, phraseTerm(w))
				}
				out[g] = append(out[g], genrePhrase{strings.TrimSpace(phrase), ts, i == 0})
			}
		}
	}
	return out
})

// phraseTerm is the term of a word of a phrase, or the word itself where
// it has none (a stop word: "as it happened").
func phraseTerm(w string) string {
	if t := english.Term(w); t != "" {
		return t
	}
	return w
}

// hasPhrase reports whether terms has the terms ps in a row.
func hasPhrase(terms, ps []string) bool {
	for i := 0; len(ps) > 0 && i+len(ps) <= len(terms); i++ {
		if slices.Equal(terms[i:i+len(ps)], ps) {
			return true
		}
	}
	return false
}

// articleKinds are the articles of each kind, of each outlet and of each
// byline.
type articleKinds struct {
	// genres are the article ids by kind (a key of genreNames), read on
	// first need: most questions name no kind of article.
	genres func() map[string][]string
	// outlets and authors are the articles of each outlet and of each
	// byline.
	outlets, authors []outletArticles
}

// outletArticles are the articles of one outlet, or of one byline.
type outletArticles struct {
	words string // its name's lower-case words, an outlet's leading "the" left out
	ids   []string
}

// readGenres files each article under its outlet and its author, and under
// the kinds of article its title, address, headings and outlet say it is.
func readGenres(arts []corpus.Article) *articleKinds {
	k := &articleKinds{genres: sync.OnceValue(func() map[string][]string { return readKinds(arts) })}
	file := func(list *[]outletArticles, index map[string]int, words []string, id string) {
		name := strings.Join(words, " ")
		i, ok := index[name]
		if !ok {
			i = len(*list)
			index[name] = i
			*list = append(*list, outletArticles{words: name})
		}
		(*list)[i].ids = append((*list)[i].ids, id)
	}
	byOutlet, byAuthor := map[string]int{}, map[string]int{}
	for _, a := range arts {
		words := english.Words(strings.ToLower(a.Outlet))
		if len(words) > 0 && words[0] == "the" {
			words = words[1:]
		}
		if a.Outlet != "unknown" && len(words) > 0 && !(len(words) == 1 && english.IsStopWord(words[0])) {
			file(&k.outlets, byOutlet, words, a.ID)
		}
		if words := english.Words(strings.ToLower(a.Author)); len(words) > 0 {
			file(&k.authors, byAuthor, words, a.ID)
		}
	}
	return k
}

// readKinds files each article under the kinds of article its title,
// address, headings and outlet say it is.
func readKinds(arts []corpus.Article) map[string][]string {
	out := map[string][]string{}
	for _, a := range arts {
		meta := english.Words(a.Title + " | " + urlPath(a.URL) + " | " + strings.Join(a.Headings, " | ") + " | " + a.Outlet)
		for g := range genreNames {
			if len(genrePhrases(g, meta, false)) > 0 {
				out[g] = append(out[g], a.ID)
			}
		}
	}
	return out
}

// urlPath is the path of an address, its words set apart: the host names
// the outlet, not the kind of article.
func urlPath(u string) string {
	if _, rest, ok := strings.Cut(u, "://"); ok {
		u = rest
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		return strings.NewReplacer("/", " ", "-", " ", "_", " ").Replace(u[i:])
	}
	return ""
}

// articleRefs finds the words of q that name articles (see refers) by
// their kind or their outlet.
func (e *Answerer) articleRefs(q *query) {
	if q.kind == kindHowTo {
		return // "how do I set up a live blog": no article's
	}
	lower := strings.ToLower(q.text)
	name := func(words string, ids []string, outlet bool) {
		if len(ids) == 0 {
			return
		}
		for _, i := range q.indexes(words) {
			if outlet && slices.ContainsFunc(q.words[i].Alts, func(a retrieval.Alternative) bool { return a.Match == retrieval.Exact }) {
				// The articles use it: "the National Bank of Orvania"
				// publishes its releases and is in the news; what it
				// did is not only in its own.
				continue
			}
			if q.refers == nil {
				q.refers = map[int]map[string]bool{}
			}
			if q.refers[i] == nil {
				q.refers[i] = map[string]bool{}
			}
			for _, id := range ids {
				q.refers[i][id] = true
			}
		}
	}
	if len(q.unread) > 0 {
		// A summary's words the articles never use, read for the names
		// of articles too; those that name none stay out.
		n := len(q.words)
		q.words = append(q.words, q.unread...)
		defer func() {
			kept := q.words[:n]
			for i := n; i < len(q.words); i++ {
				if ids := q.refers[i]; ids != nil {
					delete(q.refers, i)
					q.refers[len(kept)] = ids
					kept = append(kept, q.words[i])
					q.total += q.words[i].IDF
				}
			}
			q.words, q.unread = kept, nil
		}()
	}
	kinds := e.genres()
	asked := english.Words(lower)
	for g := range genreNames {
		for _, phrase := range genrePhrases(g, asked, true) {
			name(phrase, kinds.genres()[g], false)
		}
	}
	// An outlet by its name, "the" left out: "the Velsk Sentinel's
	// editorial", "what did Radio Kaderra ask".
	ws := " " + strings.Join(english.Words(lower), " ") + " "
	// A piece by its byline: "Signe Haldor's column", "Haldor's piece".
	apos := strings.NewReplacer("’", "'").Replace(lower)
	for _, au := range kinds.authors {
		for _, form := range []string{au.words, au.words[strings.LastIndexByte(au.words, ' ')+1:]} {
			i := strings.Index(apos, form+"'s ")
			if i < 0 {
				continue
			}
			rest := strings.Fields(apos[i+len(form)+3:])
			if len(rest) > 0 && pieceWord(strings.Trim(rest[0], "?.,!")) {
				name(form, au.ids, false)
				name(strings.Trim(rest[0], "?.,!"), au.ids, false)
				break
			}
		}
	}
	lasts := map[string]int{}
	for _, o := range kinds.outlets {
		lasts[o.words[strings.LastIndexByte(o.words, ' ')+1:]]++
	}
	for _, o := range kinds.outlets {
		if strings.Contains(ws, " "+o.words+" ") {
			name(o.words, o.ids, true)
			continue
		}
		// A paper by the last word of its name, as news writes it
		// after the first mention: "the Ledger's editorial" for The
		// Estravian Ledger's; not a word two outlets end with.
		if i := strings.LastIndexByte(o.words, ' '); i > 0 {
			if last := o.words[i+1:]; lasts[last] == 1 && !english.IsStopWord(last) && strings.Contains(ws, " "+last+" ") {
				name(last, o.ids, true)
			}
		}
	}
}

// pieceWord reports whether w, the word after an author's name ("Haldor's
// column", "Dast's review"), names a piece of writing: the last word of a
// phrase a question names a kind of article by (see genreNames: "column",
// "op-ed", "piece", "blog"), or a noun WordNet files as a communication
// ("article", "essay", "letter", "review").
func pieceWord(w string) bool {
	ts := english.Terms(w)
	for _, ps := range genreTerms() {
		for _, p := range ps {
			if p.asked && len(ts) > 0 && len(p.terms) >= len(ts) && slices.Equal(p.terms[len(p.terms)-len(ts):], ts) {
				return true
			}
		}
	}
	return slices.Contains(wordnet.Classes(w, wordnet.Noun, commonSenses), "noun.communication")
}

// refersTo reports whether word i of q names s's article.
func (q *query) refersTo(i int, s *sentence) bool {
	return q.refers[i][s.article.ID]
}

// namedArticles returns the articles q's words name, when they name few
// enough to read whole (see maxArticlesRead).
func (q *query) namedArticles() []string {
	var out []string
	seen := map[string]bool{}
	for _, ids := range q.refers {
		if len(ids) > maxArticlesRead {
			continue
		}
		for id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// readWhole scores the sentences of the articles ids that retrieval did not
// bring (have), as candidates: "what does the editorial argue" is answered
// by the editorial, whichever of its passages shares the question's words.
func (e *Answerer) readWhole(q *query, ids []string, hits []retrieval.Hit, have []*candidate, history []answer.Turn) []*candidate {
	seen := make(map[*sentence]bool, len(have))
	for _, c := range have {
		seen[c.s] = true
	}
	// A passage retrieval did not return scores as the least it did.
	least := 0.0
	if len(hits) > 0 {
		least = hits[len(hits)-1].Score
	}
	var out []*candidate
	for _, id := range ids {
		as := e.sentencesOf(id)
		if as == nil {
			continue
		}
		for _, st := range as.sents {
			if !seen[st] {
				out = append(out, e.scored(q, st, least, history))
			}
		}
	}
	return out
}

// announcesList reports whether a sentence announces what the next ones
// list: it ends in a colon.
func announcesList(s *sentence) bool {
	return strings.HasSuffix(strings.TrimSpace(s.text), ":")
}
