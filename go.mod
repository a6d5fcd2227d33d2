module github.com/talksbot/talksbot

go 1.24

require (
	github.com/AlekSi/pointer v1.0.0 // indirect
	github.com/bwmarrin/discordgo v0.29.0
	github.com/gorilla/websocket v1.4.2
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/olebedev/when v1.1.0 // indirect
	github.com/philippgille/chromem-go v0.7.0 // indirect
	github.com/pkg/errors v0.8.1 // indirect
	github.com/sashabaranov/go-openai v1.43.0 // indirect
	golang.org/x/crypto v0.0.0-20210421170649-83a5a9bb288b // indirect
	golang.org/x/sys v0.0.0-20201119102817-f84b799fce68 // indirect
)
