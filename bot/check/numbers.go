package check

import (
	"math"
	"strconv"
	"strings"

	"github.com/talksbot/talksbot/corpus/english"
)

// number is a quantity a sentence states, in digits or words: one value
// (lo == hi) or a range ("three to four hours", "3-4").
type number struct {
	lo, hi float64
	approx bool // hedged: "about", "around", "nearly", "more than" ...
	words  bool // written in words only
}

// ApproxTolerance is how far a hedged number ("about four hours") may be
// from the passage's, as a share of the passage's: "about four hours" is
// the "4.5-hour meeting" (11% off), "about three hours" is not (33%).
const ApproxTolerance = 0.15

var digitsRE = lazyRE(`\d+(?:,\d{3})*(?:\.\d+)?`)

// numbersOf reads the quantities of ts. "One" and "two" written in words
// are left out ("one of", "the two sides" say little that a
// passage's "both" or "a" would not), as are ordinals.
func numbersOf(ts []tok) []number {
	var out []number
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.punct {
			continue
		}
		if ds := digitsRE().FindAllString(t.raw, -1); len(ds) > 0 {
			vals := make([]float64, 0, len(ds))
			for _, d := range ds {
				v, err := strconv.ParseFloat(strings.ReplaceAll(d, ",", ""), 64)
				if err == nil {
					vals = append(vals, v)
				}
			}
			if len(vals) == 2 && strings.ContainsAny(t.raw, "-–") && vals[0] < vals[1] {
				out = append(out, number{lo: vals[0], hi: vals[1], approx: hedged(ts, i)})
				continue
			}
			for _, v := range vals {
				out = append(out, number{lo: v, hi: v, approx: hedged(ts, i)})
			}
			out = joinRange(ts, &i, out)
			continue
		}
		v, n := wordNumber(ts, i)
		if n == 0 {
			continue
		}
		out = append(out, number{lo: v, hi: v, approx: hedged(ts, i), words: true})
		i += n - 1
		out = joinRange(ts, &i, out)
	}
	// Small numbers in words carry no claim worth checking.
	kept := out[:0]
	for _, nb := range out {
		if nb.words && (same(nb.hi, 1) || same(nb.hi, 2)) {
			continue
		}
		kept = append(kept, nb)
	}
	return kept
}

// joinRange makes the number just read the start of a range when "to",
// "or", "and" (after "between") or a dash and another number follow it.
func joinRange(ts []tok, i *int, out []number) []number {
	j := *i + 1
	if j >= len(ts) || len(out) == 0 {
		return out
	}
	link := strings.ToLower(ts[j].raw)
	between := *i > 0 && hasWordBefore(ts, *i, "between")
	if !(link == "to" || link == "or" || link == "-" || link == "–" || (link == "and" && between)) || j+1 >= len(ts) {
		return out
	}
	next := ts[j+1]
	var v float64
	n := 1
	if ds := digitsRE().FindString(next.raw); ds != "" {
		v, _ = strconv.ParseFloat(strings.ReplaceAll(ds, ",", ""), 64)
	} else if v, n = wordNumber(ts, j+1); n == 0 {
		return out
	}
	last := &out[len(out)-1]
	if v > last.hi {
		last.hi = v
		last.words = false
		*i = j + n
	}
	return out
}

func hasWordBefore(ts []tok, i int, w string) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if strings.EqualFold(ts[k].raw, w) {
			return true
		}
	}
	return false
}

// wordNumber reads a number written in words starting at ts[i] ("four and
// a half", "twenty-five", "two hundred", "a dozen"); n is how many tokens
// it took, 0 when there is none.
func wordNumber(ts []tok, i int) (v float64, n int) {
	var words []string // the words of the tokens from i, with their token index
	var at []int
	for k := i; k < len(ts) && k < i+8 && !ts[k].punct; k++ {
		for _, w := range ts[k].words {
			words = append(words, w)
			at = append(at, k)
		}
	}
	var total, cur float64
	used := 0
	seen := false
	for j := 0; j < len(words); j++ {
		w := words[j]
		val, ok := english.NumberWord(w)
		switch {
		case w == "a" || w == "an":
			// "a half", "a dozen", "a hundred"; an article otherwise.
			if j+1 < len(words) {
				if nv, ok := english.NumberWord(words[j+1]); ok && (words[j+1] == "half" || nv >= 12) {
					continue
				}
			}
			ok = false
		case w == "and" && seen && j+1 < len(words):
			if _, ok2 := english.NumberWord(words[j+1]); ok2 {
				continue
			}
			ok = false
		}
		if !ok {
			break
		}
		switch {
		case w == "half":
			if cur == 0 && total == 0 {
				cur = 0.5
			} else {
				cur += 0.5
			}
		case val >= 1000:
			if cur == 0 {
				cur = 1
			}
			total += cur * val
			cur = 0
		case val >= 100:
			if cur == 0 {
				cur = 1
			}
			cur *= val
		default:
			cur += val
		}
		seen = true
		used = j + 1
	}
	if !seen {
		return 0, 0
	}
	return total + cur, at[used-1] - i + 1
}

// hedged reports whether a hedge stands just before ts[i].
func hedged(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch strings.ToLower(ts[k].raw) {
		case "about", "around", "roughly", "approximately", "nearly", "almost", "some", "over",
			"more", "than", "least", "up", "under", "fewer", "less", "~", "circa", "just", "close":
			return true
		}
	}
	return false
}

// supportedNumber reports whether the passages' numbers have uses claim c.
func supportedNumber(c number, have []number) bool {
	for _, h := range have {
		switch {
		case c.lo != c.hi: // a range: both ends stated, or a stated value inside it
			if h.lo >= c.lo && h.hi <= c.hi {
				return true
			}
			if same(h.lo, c.lo) || same(h.hi, c.hi) {
				for _, h2 := range have {
					if same(h.lo, c.lo) && same(h2.hi, c.hi) {
						return true
					}
				}
			}
		case h.lo != h.hi: // the passage gives a range
			if c.lo >= h.lo && c.lo <= h.hi {
				return true
			}
		case c.approx || h.approx:
			if math.Abs(c.lo-h.lo) <= ApproxTolerance*math.Abs(h.lo)+1e-9 {
				return true
			}
		default:
			if same(c.lo, h.lo) {
				return true
			}
		}
	}
	return false
}

func same(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
