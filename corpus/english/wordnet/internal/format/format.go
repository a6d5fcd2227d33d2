// Package format is the layout of the embedded WordNet file, shared by the
// generator that writes it (../gen) and the package that reads it (wordnet).
//
// The file is a header followed by sections. The header is [Magic] and then
// NumSections+1 little-endian uint32 byte offsets: section i occupies
// bytes [off[i], off[i+1]). Integers inside sections are little-endian and
// 3 bytes wide (U24) unless said otherwise, so every table is read in place,
// with no decoding at load time.
//
// The layout is made for few distinct memory pages a lookup: on a fresh
// process each 4 KB page of the embedded file touched for the first time
// costs a page fault, which dominates the cost of a first lookup. So a
// lemma's senses sit next to its text, a synset's member lemmas are written
// out in its record, pointers hold the byte offset of their target's record,
// the irregular forms are entries of the table of lemmas, and the binary
// search over that table starts in a small table of keys.
//
// Lemmas are lower case, words separated by single spaces, sorted bytewise.
// Synset records are in the order noun, verb, adjective (heads), adjective
// (satellites), adverb; SecPOSBounds says where each group starts.
package format

// Magic starts the file; its last byte is the layout version.
const Magic = "WordNet\x04"

// Sections, in file order.
const (
	SecKeys      = iota // the first word of every block of BlockSize words, concatenated
	SecKeyOff           // U24 x (blocks+1): start of block i's key in SecKeys
	SecWordOff          // U24 x (words+1): start of word i's entry in SecWords
	SecWords            // entries of the lemmas and irregular forms: see below
	SecSynsets          // synset records: see below
	SecPOSBounds        // 6 x uint32: record offset of the first noun, verb, adj, adj satellite and adv synset, and the section's size
	NumSections
)

// A word's entry in SecWords is: a length byte and the word; a count byte
// and that many U24 senses, the record offsets of its synsets in SecSynsets,
// grouped by part of speech, most frequent first (none for an irregular
// form that is no lemma, such as "went"); a count byte and that many
// irregular bases from the *.exc files, ExcSize bytes each: the U24 word
// number of the base and its part of speech.
//
// A synset's record in SecSynsets is: a count byte and that many members,
// each a length byte and the lemma, most frequent first; a byte, the
// number of its lexicographer file (see LexFiles); a uint16 count and that
// many pointers, PtrSize bytes each.

// HeaderSize is the size of the header in bytes.
const HeaderSize = len(Magic) + 4*(NumSections+1)

// BlockSize is the number of words a key of SecKeys stands for.
const BlockSize = 64

// Entry sizes of the fixed-width tables. A pointer is a U24 record offset
// of the target synset, the kind, and the source and target word numbers.
const (
	PtrSize = 6
	ExcSize = 4
)

// Parts of speech as stored (irregular bases) and as numbered by the reader.
const (
	Noun = iota
	Verb
	Adj
	Adv
)

// Pointer kinds as stored in a record. Word numbers in a pointer are
// 1-based positions in the member lists of the records (already reordered
// by frequency); 0 and 0 mean the pointer holds between whole synsets.
const (
	Derived   = iota + 1 // "+": derivationally related form
	Pertainym            // "\\": pertains to (adjectives), derived from (adverbs)
	Similar              // "&": similar to (adjective clusters)
	AlsoSee              // "^": also see
	Antonym              // "!"
	Hypernym             // "@" and "@i" (instance of)
	Holonym              // "#p": part of
	Meronym              // "%p" and "%m": has part, has member
	Cause                // ">": causes (verbs), and a gloss "cause to <verb>"
	StandsFor            // a name's gloss names the body it stands for: "Pentagon" > "Department of Defense"
	CausedBy             // the reverse of WordNet's own ">": "die" is caused by "kill"
	Attribute            // "=": the attribute an adjective is a value of, and back: "tall" / "height"
	MemberOf             // "#m": member of
)

// PutU24 stores v in b[0:3].
func PutU24(b []byte, v int) {
	b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16)
}

// U24 reads the 3-byte integer at s[i:i+3].
func U24(s string, i int) int {
	return int(s[i]) | int(s[i+1])<<8 | int(s[i+2])<<16
}

// MaxU24 is the largest value a U24 holds.
const MaxU24 = 1<<24 - 1

// LexFiles names WordNet's lexicographer files by number (lexnames(5WN)):
// the broad class a synset belongs to, "noun.person", "noun.location",
// "verb.communication".
var LexFiles = [...]string{
	"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
	"noun.communication", "noun.event", "noun.feeling", "noun.food",
	"noun.group", "noun.location", "noun.motive", "noun.object",
	"noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
	"noun.process", "noun.quantity", "noun.relation", "noun.shape",
	"noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
	"verb.cognition", "verb.communication", "verb.competition",
	"verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
	"verb.motion", "verb.perception", "verb.possession", "verb.social",
	"verb.stative", "verb.weather", "adj.ppl",
}
