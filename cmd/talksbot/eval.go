package main

import (
	"context"
	"errors"
)

// runEval implements "talksbot eval". TODO(eval)
func runEval(ctx context.Context, a *app, args []string) error {
	return errors.New("not implemented yet")
}
