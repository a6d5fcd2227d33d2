package check

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/corpus/english"
)

// answerSentence is one sentence of an answer with its markers.
type answerSentence struct {
	raw      string // as written, markers and mentions included
	text     string // mentions and emphasis removed, markers kept
	bare     string // text without its markers
	markers  []int  // the numbers of its markers, in order, as written
	newPara  bool   // it begins a line
	bullet   string // the list bullet of its line ("-", "1."), on the line's first sentence
	mentions int    // mentions stripped
}

var (
	markerAtStart = lazyRE(`^` + english.MarkerPattern)
	// mentionRE matches what a chat service reads as a mention: @everyone,
	// @here, @name, and Discord's <@123>, <@!123>, <@&123>, <#123>.
	mentionRE = lazyRE(`<[@#][!&]?\d+>|@(?:everyone|here)\b|@`)
	// listPrefix is a list bullet or number opening a line.
	listPrefix = lazyRE(`^(?:[-*•>]+|\d{1,2}[.)])\s+`)
)

// answerSentences splits an answer into sentences. Each line is a
// paragraph (its list bullet or number kept aside); within a line, a
// sentence ends at a full stop, question or exclamation mark followed
// (after closing quotes and any citation markers) by white space and a
// capital letter, a digit or an opening quote, unless the word before the
// stop is an abbreviation ("U.S.", "Mr.", "Feb.") and no marker follows it.
func answerSentences(text string) []answerSentence {
	var out []answerSentence
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		bullet := ""
		if m := listPrefix().FindString(line); m != "" {
			bullet = strings.TrimSpace(m)
			if r, _ := utf8.DecodeRuneInString(bullet); strings.ContainsRune("*•>", r) {
				bullet = "-"
			}
			line = strings.TrimSpace(line[len(m):])
		}
		first := true
		for _, raw := range splitLine(line) {
			s := answerSentence{raw: raw, newPara: first}
			if first {
				s.bullet = bullet
			}
			for _, m := range english.Markers.FindAllString(raw, -1) {
				s.markers = append(s.markers, english.MarkerNumbers(m)...)
			}
			t := strings.ReplaceAll(strings.ReplaceAll(raw, "**", ""), "__", "")
			// No mention survives, whatever the question asked for.
			s.mentions = len(mentionRE().FindAllString(t, -1))
			s.text = strings.Join(strings.Fields(mentionRE().ReplaceAllString(t, "")), " ")
			s.bare = strings.Join(strings.Fields(english.Markers.ReplaceAllString(s.text, "")), " ")
			s.bare = strings.ReplaceAll(s.bare, " ,", ",")
			s.bare = strings.TrimSpace(strings.ReplaceAll(s.bare, " .", "."))
			out = append(out, s)
			first = false
		}
	}
	return out
}

func splitLine(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(line) && strings.ContainsRune(`)"'`, rune(line[j])) {
			j++
		}
		for strings.HasPrefix(line[j:], "”") || strings.HasPrefix(line[j:], "’") {
			j += len("”")
		}
		marked := false
		if loc := markerAtStart().FindStringIndex(line[j:]); loc != nil {
			for loc != nil {
				j += loc[1]
				marked = true
				loc = markerAtStart().FindStringIndex(line[j:])
			}
			// "[1]." after a stop: take the second stop too.
			if j < len(line) && (line[j] == '.' || line[j] == '!' || line[j] == '?') {
				j++
			}
		}
		if j >= len(line) {
			break
		}
		if line[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[j:], " "))
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“'‘(`, next)) {
			continue
		}
		if c == '.' && !marked && !english.PeriodEndsSentence(line[start:i], line[j:]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:j]))
		start = j
		i = j - 1
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// sourceWordRE is a word that names a passage before its (renumbered)
// markers: the "passage [1]" of "According to passage [1], ...".
var sourceWordRE = lazyRE(`(?i)\b(?:the )?(?:passages?|sources?|articles?|documents?|excerpts?|texts?)\s*\[(\d+)\]((?:\[\d+\])*)`)

// renumber writes a kept sentence for the reader: each marker of text is
// replaced by the new numbers of the citations it still points at (number
// maps a marker's old number to them; none removes it), a word that named
// a passage by its marker ("passage [3]") becomes its outlet, and markers
// after the final stop move before it: "Rubio led it [1]."
func renumber(text string, number func(old int) []int, outlet func(n int) string) string {
	text = english.Markers.ReplaceAllStringFunc(text, func(m string) string {
		var b strings.Builder
		seen := map[int]bool{}
		for _, old := range english.MarkerNumbers(m) {
			for _, n := range number(old) {
				if !seen[n] {
					seen[n] = true
					b.WriteString("[" + strconv.Itoa(n) + "]")
				}
			}
		}
		if b.Len() == 0 {
			return ""
		}
		return " " + b.String()
	})
	text = sourceWordRE().ReplaceAllStringFunc(text, func(m string) string {
		sub := sourceWordRE().FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		o := outlet(n)
		if o == "" {
			return m
		}
		return o + " [" + sub[1] + "]" + sub[2]
	})
	text = strings.Join(strings.Fields(text), " ")
	text = strings.NewReplacer(" ,", ",", " .", ".", " ;", ";", " :", ":").Replace(text)
	// Markers after the final stop go before it.
	var tail []string
	for {
		loc := english.Markers.FindAllStringIndex(text, -1)
		if len(loc) == 0 || loc[len(loc)-1][1] != len(text) {
			break
		}
		l := loc[len(loc)-1]
		tail = append([]string{strings.TrimSpace(text[l[0]:])}, tail...)
		text = strings.TrimRight(text[:l[0]], " ")
	}
	if len(tail) > 0 {
		text = withMarkers(text, strings.Join(tail, ""))
	}
	return text
}

// withMarkers writes the markers m at the end of s, before its final full
// stop, question or exclamation mark: "Rubio led it [1]."
func withMarkers(s, m string) string {
	s = strings.TrimSpace(s)
	if m == "" {
		return s
	}
	if last, size := utf8.DecodeLastRuneInString(s); last == '.' || last == '!' || last == '?' {
		return strings.TrimRight(s[:len(s)-size], " ") + " " + m + string(last)
	}
	return s + " " + m
}
