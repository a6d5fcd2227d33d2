package english

// irregular maps the irregular past forms of common English verbs to their
// base form, which the Snowball stemmer cannot do ("led" and "lead", "met"
// and "meet", "took" and "take" would otherwise never match). News text
// reports in the past tense and questions ask in the present ("Who led ...?"
// / "Leading the delegation will be ..."), so these matter for matching.
var irregular = map[string]string{
	"led": "lead", "met": "meet", "took": "take", "taken": "take", "held": "hold",
	"said": "say", "says": "say", "told": "tell", "began": "begin", "begun": "begin",
	"went": "go", "gone": "go", "made": "make", "gave": "give", "given": "give",
	"saw": "see", "seen": "see", "thought": "think", "brought": "bring", "came": "come",
	"spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write",
	"won": "win", "left": "leave", "sent": "send", "spent": "spend", "struck": "strike",
	"sought": "seek", "fought": "fight", "flew": "fly", "flown": "fly", "knew": "know",
	"known": "know", "felt": "feel", "kept": "keep", "meant": "mean", "paid": "pay",
	"stood": "stand", "understood": "understand", "chose": "choose", "chosen": "choose",
	"broke": "break", "broken": "break", "drew": "draw", "drawn": "draw", "fell": "fall",
	"fallen": "fall", "grew": "grow", "grown": "grow", "hit": "hit", "lost": "lose",
	"rose": "rise", "risen": "rise", "ran": "run", "sold": "sell", "set": "set",
	"shot": "shoot", "threw": "throw", "thrown": "throw", "wore": "wear", "arose": "arise",
	"forgot": "forget", "forgotten": "forget", "got": "get", "gotten": "get", "found": "find",
	"heard": "hear", "built": "build", "bought": "buy", "caught": "catch", "taught": "teach",
	// Regular, but the stemmer undoubles their consonant ("ad") and not
	// the base's ("add"): "detours adding up to 95 minutes" for "how much
	// time did the detours add".
	"added": "add", "adding": "add",
}
