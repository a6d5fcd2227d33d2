package timeline

import (
	"math"
	"slices"
	"sort"

	"github.com/talksbot/talksbot/bot/dates"
)

// Clustering limits: they bound the work per report at any corpus size and
// are never reached on corpora of a few hundred articles, where clustering
// is exact.
const (
	// maxPosting is the most groups that a term may lead to and still
	// propose candidates: a term that many reports of one day share
	// ("talks") tells their events apart no better than the date.
	maxPosting = 64
	// maxCoarsePosting is maxPosting for coarse reports ("this week",
	// "in March") looking for a finer event inside their span.
	maxCoarsePosting = 512
	// maxCompare is the most members of a group that a report is compared
	// with (the first ones: a group's earliest reports stand for it).
	maxCompare = 16
)

// termVec is the terms of a report as sorted integer ids.
type termVec []int32

// vocab gives terms integer ids and their weights: the rarity (inverse
// document frequency over reports) of every term, so that what every
// report says ("talks", "Russia") counts little.
type vocab struct {
	ids map[string]int32
	w   []float64
}

// newVocab numbers the terms of rs and weighs them.
func newVocab(rs []report) *vocab {
	v := &vocab{ids: map[string]int32{}}
	var df []int
	for _, r := range rs {
		for t := range r.terms {
			id, ok := v.ids[t]
			if !ok {
				id = int32(len(df))
				v.ids[t] = id
				df = append(df, 0)
			}
			df[id]++
		}
	}
	v.w = make([]float64, len(df))
	n := float64(len(rs))
	for i, d := range df {
		v.w[i] = math.Log(1 + n/float64(d))
	}
	return v
}

// vec returns the ids of terms, sorted.
func (v *vocab) vec(terms map[string]bool) termVec {
	out := make(termVec, 0, len(terms))
	for t := range terms {
		if id, ok := v.ids[t]; ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// sim is the weighted Jaccard overlap of a and b.
func (v *vocab) sim(a, b termVec) float64 {
	var inter, union float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter += v.w[a[i]]
			union += v.w[a[i]]
			i++
			j++
		case a[i] < b[j]:
			union += v.w[a[i]]
			i++
		default:
			union += v.w[b[j]]
			j++
		}
	}
	for ; i < len(a); i++ {
		union += v.w[a[i]]
	}
	for ; j < len(b); j++ {
		union += v.w[b[j]]
	}
	if union == 0 {
		return 0
	}
	return inter / union
}

// item is a report with its term ids.
type item struct {
	*report
	vec termVec
}

// newItem makes the item of r.
func newItem(v *vocab, r *report) item {
	return item{report: r, vec: v.vec(r.terms)}
}

// postings maps a term id to the groups (indices, ascending) whose
// members have it.
type postings map[int32][]int

func (p postings) add(vec termVec, g int) {
	for _, t := range vec {
		l := p[t]
		if n := len(l); n == 0 || l[n-1] != g {
			p[t] = append(l, g)
		}
	}
}

// candidates returns the groups that share a term of vec through postings
// no longer than limit, ascending.
func (p postings) candidates(vec termVec, limit int, seen map[int]bool) []int {
	clear(seen)
	var out []int
	for _, t := range vec {
		l := p[t]
		if len(l) > limit {
			continue
		}
		for _, g := range l {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	sort.Ints(out)
	return out
}

// addCandidates adds to out the groups that share a term of vec through
// postings no longer than limit and that keep accepts, each once: seen
// marks those added (seen[g] == mark), so that one mark serves several
// calls. A coarse report's postings lead to groups of every date, and
// keeping only those inside its span before sorting them was most of
// clustering at 5,000 articles.
func (p postings) addCandidates(out []int, vec termVec, limit int, seen []int, mark int, keep func(int) bool) []int {
	for _, t := range vec {
		l := p[t]
		if len(l) > limit {
			continue
		}
		for _, g := range l {
			if seen[g] != mark && keep(g) {
				seen[g] = mark
				out = append(out, g)
			}
		}
	}
	return out
}

// cluster groups the reports of one event: the same date and enough shared
// terms; then a coarse report joins the finer event inside its span that it
// shares the most terms with, if it shares enough. Only groups that share
// a term with a report are compared with it (postings of term ids, per
// date), so the work grows with the reports, not with their square.
func cluster(rs []report) [][]report {
	v := newVocab(rs)
	// Reports in a stable order: by date, then article and position.
	less := func(a, b *report) bool {
		if a.date != b.date {
			return a.date.Start.Before(b.date.Start) || a.date.Start.Equal(b.date.Start) && a.date.Precision < b.date.Precision
		}
		if a.article.Published != b.article.Published {
			return a.article.Published.Before(b.article.Published)
		}
		if a.article.ID != b.article.ID {
			return a.article.ID < b.article.ID
		}
		return a.seq < b.seq
	}
	order := make([]int32, len(rs)) // of rs, sorted: a report is too large to move
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		switch {
		case less(&rs[i], &rs[j]):
			return -1
		case less(&rs[j], &rs[i]):
			return 1
		}
		return 0
	})
	items := make([]item, len(rs))
	eachIndex(len(rs), func(i int) { items[i] = newItem(v, &rs[order[i]]) })
	// Same date: the reports of one date are consecutive, and grouped
	// apart from the others' (on every core).
	var runs [][]item
	for lo := 0; lo < len(items); {
		hi := lo
		for hi < len(items) && items[hi].date == items[lo].date {
			hi++
		}
		runs = append(runs, items[lo:hi])
		lo = hi
	}
	perRun := make([][][]item, len(runs))
	eachIndexWith(len(runs), func() func(int) {
		seen := map[int]bool{}
		return func(k int) { perRun[k] = sameDate(v, runs[k], seen) }
	})
	var groups [][]item
	for _, gs := range perRun {
		groups = append(groups, gs...)
	}
	// Coarse groups into finer ones, week first, so that a year can join a
	// month that has taken in a week.
	for p := dates.Week; p <= dates.Year; p++ {
		post := postings{}
		for gi, g := range groups {
			if g[0].date.Precision < p {
				for _, it := range g {
					post.add(it.vec, gi)
				}
			}
		}
		merged := make([]bool, len(groups))
		marks := make([]int, len(groups)) // the candidates of group gi are marked gi+1
		// The span of each group's date, in Unix seconds, for testing
		// containment without working out ends again and again.
		from, to := make([]int64, len(groups)), make([]int64, len(groups))
		for gi, g := range groups {
			from[gi], to[gi] = g[0].date.Start.Unix(), g[0].date.End().Unix()
		}
		var cands []int
		for gi, g := range groups {
			if g[0].date.Precision != p {
				continue
			}
			// g[0].date.Contains(groups[fi][0].date), and fi still a group
			inside := func(fi int) bool { return !merged[fi] && from[fi] >= from[gi] && to[fi] <= to[gi] }
			cands = cands[:0]
			for _, it := range g {
				cands = post.addCandidates(cands, it.vec, maxCoarsePosting, marks, gi+1, inside)
			}
			slices.Sort(cands)
			best, bestSim := -1, 0.0
			for _, fi := range cands {
				f := groups[fi]
				s := groupSim(v, g, f)
				join := s >= sameEventCoarse
				for _, r := range g {
					join = join || sameKindIn(v, r, f, sameKindCoarse, true)
				}
				if join && s >= bestSim {
					best, bestSim = fi, s
				}
			}
			if best >= 0 {
				groups[best] = append(groups[best], g...)
				merged[gi] = true
				for _, it := range g {
					post.add(it.vec, best)
				}
			}
		}
		var next [][]item
		for gi, g := range groups {
			if !merged[gi] {
				next = append(next, g)
			}
		}
		groups = next
	}
	out := make([][]report, len(groups))
	for i, g := range groups {
		out[i] = make([]report, len(g))
		for j, it := range g {
			out[i][j] = *it.report
		}
	}
	return out
}

// sameDate groups items, reports of one date, into events: each joins the
// group it shares the most terms with, if it shares enough or names the
// same kind of event, else starts one. seen is room for candidates.
func sameDate(v *vocab, items []item, seen map[int]bool) [][]item {
	var groups [][]item
	post := postings{}
	for _, it := range items {
		best, bestSim := -1, 0.0
		for _, gi := range post.candidates(it.vec, maxPosting, seen) {
			g := groups[gi]
			s := avgSim(v, it, g)
			if (s >= sameEvent || sameKindIn(v, it, g, sameKind, false)) && s >= bestSim {
				best, bestSim = gi, s
			}
		}
		if best < 0 {
			best = len(groups)
			groups = append(groups, nil)
		}
		groups[best] = append(groups[best], it)
		post.add(it.vec, best)
	}
	return groups
}

// sameKindIn reports whether r reports a kind of event that a member of g
// reports too, sharing at least least of its terms with that member. With
// all, kinds only referred to count too (a coarse "following its 2022
// invasion" is the invasion of "February 2022"). A change to a plan is
// never the plan.
func sameKindIn(v *vocab, r item, g []item, least float64, all bool) bool {
	for _, o := range g[:min(len(g), maxCompare)] {
		if r.kinds.change != o.kinds.change {
			continue
		}
		shared := r.kinds.reported & o.kinds.reported
		if all {
			shared = r.kinds.all & o.kinds.all
		}
		if shared != 0 && v.sim(r.vec, o.vec) >= least {
			return true
		}
	}
	return false
}

// avgSim is the mean overlap of r with the members of g (its first
// maxCompare).
func avgSim(v *vocab, r item, g []item) float64 {
	g = g[:min(len(g), maxCompare)]
	total := 0.0
	for _, o := range g {
		total += v.sim(r.vec, o.vec)
	}
	return total / float64(len(g))
}

// groupSim is the mean of avgSim over the members of a (its first
// maxCompare) with b.
func groupSim(v *vocab, a, b []item) float64 {
	a = a[:min(len(a), maxCompare)]
	total := 0.0
	for _, r := range a {
		total += avgSim(v, r, b)
	}
	return total / float64(len(a))
}
