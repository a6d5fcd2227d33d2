package english

// irregular maps the irregular past forms of common English verbs to their
// base form, which the Snowball stemmer cannot do ("led" and "lead", "held"
// and "hold", "said" and "say" would otherwise never match). News text
// reports in the past tense and questions ask in the present ("Who led ...?"
// / "Leading the delegation will be ..."), so these matter for matching.
// WordNet's exception lists give the others ("took", "sank", "children":
// see wordnet.Irregular); these are the forms that are words of their own
// too ("led", a light-emitting diode; "found", "left", "saw"), which the
// lists cannot tell from the lemma, and which news uses as the verb.
var irregular = map[string]string{
	"led": "lead", "taken": "take", "held": "hold",
	"said": "say", "says": "say", "gone": "go", "made": "make", "given": "give",
	"saw": "see", "thought": "think", "spoke": "speak", "spoken": "speak", "written": "write",
	"won": "win", "left": "leave", "sent": "send", "spent": "spend", "struck": "strike",
	"sought": "seek", "known": "know", "felt": "feel", "kept": "keep", "paid": "pay",
	"understood": "understand", "chosen": "choose",
	"broke": "break", "broken": "break", "drew": "draw", "drawn": "draw", "fell": "fall",
	"fallen": "fall", "grown": "grow", "hit": "hit", "lost": "lose",
	"rose": "rise", "risen": "rise", "sold": "sell", "set": "set",
	"shot": "shoot", "thrown": "throw", "forgotten": "forget", "found": "find",
	"heard": "hear", "built": "build",
	// Regular, but the stemmer undoubles their consonant ("ad") and not
	// the base's ("add"): "detours adding up to 95 minutes" for "how much
	// time did the detours add".
	"added": "add", "adding": "add",
}
