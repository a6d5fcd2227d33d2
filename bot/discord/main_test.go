package discord

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// discordgo logs reconnects and the like; the tests provoke them.
	LogLibraryTo(discardLog())
	os.Exit(m.Run())
}
