package corpus_test

import (
	"fmt"

	"github.com/talksbot/talksbot/corpus"
)

// A file in the seeds' form: the date line, then the text as received.
func ExampleParse() {
	raw := " date 2025-02-18 Diplomats met in Riyadh.\n\n" +
		"Shift in Relations\n\n" +
		"Ushakov <u>said</u> the talks were useful. Leading the U.S.\n\n" +
		"delegation was Marco Rubio.\n\n" +
		"Related article: Who's Who at the Talks\n"
	a, err := corpus.Parse("talks.txt", []byte(raw), corpus.Meta{Outlet: "The Test Times"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.ID, "|", a.Title, "|", a.Outlet, "|", a.Date())
	fmt.Printf("%q\n", a.Headings)
	fmt.Println(a.Text)
	// Output:
	// 2025-02-18-diplomats-met-riyadh | Diplomats met in Riyadh | The Test Times | 2025-02-18
	// ["Shift in Relations"]
	// Diplomats met in Riyadh.
	//
	// Ushakov said the talks were useful. Leading the U.S. delegation was Marco Rubio.
}
