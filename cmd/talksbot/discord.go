package main

import (
	"context"
	"errors"
)

// runDiscord implements "talksbot discord". TODO(discord)
func runDiscord(ctx context.Context, a *app, args []string) error {
	return errors.New("not implemented yet")
}
