package main

import (
	"context"
	"flag"
	"io"
	"log/slog"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/reload"
)

// reloading are the flags of the long-running commands (discord, chat)
// about picking up changed articles without a restart.
type reloading struct {
	watch bool
}

func (r *reloading) register(fs *flag.FlagSet) {
	fs.BoolVar(&r.watch, "watch", true, "reload when the files of --corpus (or --config) change; SIGHUP reloads too")
}

// reloader builds the engine the flags describe and a Reloader over it,
// and, for as long as ctx lasts, reloads on SIGHUP and (with --watch) when
// the corpus directory or one of extra (files such as --config) changes.
// A reload builds exactly as the start did, through the cache of prepared
// corpora, so only changed articles are prepared again.
func (a *app) reloader(ctx context.Context, cfg *config, rl reloading, log *slog.Logger, extra ...string) (*reload.Reloader, error) {
	eng, err := cfg.engine(ctx, log, a.stderr)
	if err != nil {
		return nil, err
	}
	rlog := log.With("part", "reload")
	r := reload.New(ctx, rlog, eng, func(ctx context.Context) (*bot.Engine, error) {
		return cfg.engine(ctx, rlog, io.Discard) // no progress bar over a running front end
	})
	eng.Prepare(ctx)
	now := make(chan struct{})
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-a.hangups:
				if !ok {
					return
				}
				select {
				case now <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	var paths []string
	if rl.watch {
		paths = append(paths, cfg.corpusDir) // "" (the built-in articles) is not watched
		paths = append(paths, extra...)
	}
	go func() {
		if err := r.Watch(ctx, now, 0, paths...); err != nil {
			rlog.Error("cannot watch for changes; SIGHUP still reloads", "err", err)
			// Signals still reload, without the watch.
			if err := r.Watch(ctx, now, 0); err != nil {
				rlog.Error("cannot reload", "err", err)
			}
		}
	}()
	return r, nil
}
