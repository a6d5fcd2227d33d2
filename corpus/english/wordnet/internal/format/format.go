// Package format is the layout of the embedded WordNet file, shared by the
// generator that writes it (../gen) and the package that reads it (wordnet).
//
// The file is a header followed by sections. The header is [Magic] and then
// NumSections+1 little-endian uint32 byte offsets: section i occupies
// bytes [off[i], off[i+1]). Integers inside sections are little-endian and
// 3 bytes wide (U24) unless said otherwise, so every table is read in place,
// with no decoding at load time.
//
// Lemmas are lower case, words separated by single spaces, sorted bytewise.
// Synsets are numbered in the order noun, verb, adjective (heads), adjective
// (satellites), adverb; SecPOSBounds says where each group starts.
package format

// Magic starts the file; its last byte is the layout version.
const Magic = "WordNet\x01"

// Sections, in file order.
const (
	SecLemmaStr   = iota // lemma bytes, concatenated
	SecLemmaOff          // U24 x (lemmas+1): start of lemma i in SecLemmaStr
	SecLemmaSense        // U24 x (lemmas+1): start of lemma i's senses in SecSenses
	SecSenses            // U24 synset numbers; per lemma grouped by POS, most frequent sense first
	SecSynMember         // U24 x (synsets+1): start of synset i's members in SecMembers
	SecMembers           // U24 lemma numbers; per synset most frequent member first
	SecSynPtr            // U24 x (synsets+1): start of synset i's pointers, counted in pointers
	SecPtrs              // PtrSize bytes each: U24 target synset, kind, source word, target word
	SecExcStr            // irregular forms (from the *.exc files), concatenated, sorted
	SecExcOff            // U24 x (forms+1)
	SecExcBase           // U24 x (forms+1): start of form i's bases in SecExcBases, counted in entries
	SecExcBases          // ExcSize bytes each: U24 lemma number, POS byte
	SecPOSBounds         // 6 x uint32: first synset of noun, verb, adj, adj satellite, adv, and the count
	NumSections
)

// HeaderSize is the size of the header in bytes.
const HeaderSize = len(Magic) + 4*(NumSections+1)

// Entry sizes of the fixed-width tables.
const (
	PtrSize = 6
	ExcSize = 4
)

// Parts of speech as stored (SecExcBases) and as numbered by the reader.
const (
	Noun = iota
	Verb
	Adj
	Adv
)

// Pointer kinds as stored in SecPtrs. Word numbers in a pointer are 1-based
// positions in the member lists of SecMembers (already reordered by
// frequency); 0 and 0 mean the pointer holds between whole synsets.
const (
	Derived   = iota + 1 // "+": derivationally related form
	Pertainym            // "\": pertains to (adjectives), derived from (adverbs)
	Similar              // "&": similar to (adjective clusters)
	AlsoSee              // "^": also see
	Antonym              // "!"
	Hypernym             // "@" and "@i" (instance of)
	Holonym              // "#p" and "#m": part of, member of
	Meronym              // "%p" and "%m": has part, has member
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
