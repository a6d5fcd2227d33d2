package wordnet_test

import (
	"fmt"

	"github.com/talksbot/talksbot/corpus/english/wordnet"
)

func ExampleLemmas() {
	fmt.Println(wordnet.Lemmas("went"))
	fmt.Println(wordnet.Lemmas("negotiations"))
	// Output:
	// [{go verb}]
	// [{negotiation noun}]
}

func ExampleRelated() {
	for _, r := range wordnet.Related("Riyadh") {
		fmt.Printf("%s (%s, sense %d of %s)\n", r.Lemma, r.Kind, r.Sense, r.From.Word)
	}
	// Output:
	// capital of saudi arabia (synonym, sense 0 of riyadh)
	// national capital (hypernym, sense 0 of riyadh)
	// saudi arabia (holonym, sense 0 of riyadh)
	// kingdom of saudi arabia (holonym, sense 0 of riyadh)
}

func ExampleAntonyms() {
	fmt.Println(wordnet.Antonyms("realistic"))
	// Output: [unrealistic]
}

func ExampleClasses() {
	fmt.Println(wordnet.Classes("Cairo", wordnet.Noun, 1))
	fmt.Println(wordnet.Classes("ministers", wordnet.Noun, 1))
	fmt.Println(wordnet.Classes("said", wordnet.Verb, 1))
	fmt.Println(wordnet.Classes("anger", wordnet.Noun, 1))
	// Output:
	// [noun.location]
	// [noun.person]
	// [verb.communication]
	// [noun.feeling]
}
