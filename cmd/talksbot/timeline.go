package main

import (
	"context"
	"errors"
)

// runTimeline implements "talksbot timeline". TODO(timeline)
func runTimeline(ctx context.Context, a *app, args []string) error {
	return errors.New("not implemented yet")
}
