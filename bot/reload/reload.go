// Package reload keeps a running front end's engine up to date with its
// corpus directory without a restart.
//
// A Reloader holds the engine that answers now. Reload prepares a new engine
// beside it (by the same construction as at start, which reuses the cache of
// prepared articles, so only changed articles are prepared again) and swaps
// it in atomically: a question reads the engine once, when it starts, so
// questions in flight finish on the engine they started on, and every
// question asked after Reload returns is answered by the new one. A reload
// that fails leaves the old engine serving. Watch runs Reload when the
// corpus directory changes (debounced) or when told to (SIGHUP).
package reload

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/talksbot/talksbot/bot"
)

// BuildFunc builds an engine from the corpus as it is now.
type BuildFunc func(ctx context.Context) (*bot.Engine, error)

// Reloader holds the current engine and replaces it on Reload. It answers
// questions itself, on the current engine, so a front end can hold it in
// place of an engine. It is safe for concurrent use.
type Reloader struct {
	log   *slog.Logger
	build BuildFunc
	// prepare is the context the engines' background work (the timeline)
	// runs under: the front end's lifetime.
	prepare context.Context

	cur atomic.Pointer[state]

	mu    sync.Mutex // one reload at a time
	hooks []func(ctx context.Context) error
}

// state is one engine with the version of the corpus it answers from.
type state struct {
	eng     *bot.Engine
	version string
}

// New returns a Reloader serving eng, which build made; ctx bounds the
// background work of this and later engines.
func New(ctx context.Context, log *slog.Logger, eng *bot.Engine, build BuildFunc) *Reloader {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Reloader{log: log, build: build, prepare: ctx}
	r.cur.Store(&state{eng: eng, version: Version(eng)})
	return r
}

// Also adds a function that Reload runs after the engine is swapped in (or
// when building it failed): settings read with the articles, like who may
// ask. Its error is logged; it does not undo the swap.
func (r *Reloader) Also(f func(ctx context.Context) error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hooks = append(r.hooks, f)
}

// Engine returns the engine that answers now.
func (r *Reloader) Engine() *bot.Engine { return r.cur.Load().eng }

// Version names the corpus the current engine answers from (see Version).
func (r *Reloader) Version() string { return r.cur.Load().version }

// Reload builds a new engine and, when that succeeds, swaps it in; then it
// runs the functions added with Also. When building fails, the old engine
// goes on serving and the error is returned (and logged). Reloads run one
// at a time.
func (r *Reloader) Reload(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	old := r.cur.Load()
	eng, err := r.build(ctx)
	switch {
	case err != nil:
		r.log.Error("reload failed; the articles loaded before go on serving", "err", err)
		errs = append(errs, fmt.Errorf("reload the articles: %w", err))
	case eng == nil:
		errs = append(errs, errors.New("reload the articles: no engine built"))
	default:
		eng.Prepare(r.prepare)
		next := &state{eng: eng, version: Version(eng)}
		r.cur.Store(next)
		r.log.Info("reloaded the articles", "articles", len(eng.Articles()), "before", len(old.eng.Articles()),
			"version", next.version, "changed", next.version != old.version)
	}
	for _, f := range r.hooks {
		if err := f(ctx); err != nil {
			r.log.Error("reload", "err", err)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// AskStream answers a question on the current engine, which stays the one
// answering it even if a reload swaps another in meanwhile.
func (r *Reloader) AskStream(ctx context.Context, q bot.Question, onDelta func(string) error) (*bot.Answer, error) {
	return r.Engine().AskStream(ctx, q, onDelta)
}

// Ask answers a question on the current engine.
func (r *Reloader) Ask(ctx context.Context, q bot.Question) (*bot.Answer, error) {
	return r.Engine().Ask(ctx, q)
}

// Sources lists the articles of the current engine.
func (r *Reloader) Sources() []bot.Source { return r.Engine().Sources() }

// Timeline returns the dated events of the current engine.
func (r *Reloader) Timeline(ctx context.Context, f bot.TimelineFilter) ([]bot.Event, error) {
	return r.Engine().Timeline(ctx, f)
}

// Version names the corpus eng answers from: a short hash of its articles'
// ids, metadata and text, so two processes (or two runs) with the same
// articles give the same version, and any change to an article gives
// another.
func Version(eng *bot.Engine) string {
	arts := eng.Articles()
	keys := make([]int, len(arts))
	for i := range keys {
		keys[i] = i
	}
	sort.Slice(keys, func(i, j int) bool { return arts[keys[i]].ID < arts[keys[j]].ID })
	h := sha256.New()
	for _, i := range keys {
		a := arts[i]
		for _, s := range []string{a.ID, a.Title, a.Outlet, a.Date(), a.URL, a.Text} {
			fmt.Fprintf(h, "%d:%s", len(s), s)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
