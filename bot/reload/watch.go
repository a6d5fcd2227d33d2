package reload

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long the watched files must stay quiet before a
// change reloads: `talksbot add` writes two files, an editor saving writes
// several (a temporary file, a rename, a chmod), a copy of many articles
// many more; one reload should follow all of them.
const DefaultDebounce = time.Second

// Watch reloads r when a watched path changes, once the changes have been
// quiet for debounce (DefaultDebounce when 0), and at once on every value
// from now (SIGHUP, for people and supervisors). A path that is a
// directory counts any change to a file in it (not in its subdirectories);
// a path that is a file counts changes to that file, which is watched
// through its directory so that it survives being replaced by a rename.
// Watch returns when ctx is done; it fails only when it cannot watch at
// all. A failed reload is logged, and the next change tries again.
func (r *Reloader) Watch(ctx context.Context, now <-chan struct{}, debounce time.Duration, paths ...string) error {
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch for changes: %w", err)
	}
	defer w.Close()
	dirs := map[string]bool{}  // directories whose every file counts
	files := map[string]bool{} // single files, by clean path
	for _, p := range paths {
		if p == "" {
			continue
		}
		p = filepath.Clean(p)
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		dir := p
		if st.IsDir() {
			dirs[p] = true
		} else {
			files[p] = true
			dir = filepath.Dir(p)
		}
		if err := w.Add(dir); err != nil {
			return fmt.Errorf("watch %s: %w", dir, err)
		}
	}
	r.log.Info("watching for changes", "paths", paths, "debounce", debounce)
	counts := func(name string) bool {
		name = filepath.Clean(name)
		return files[name] || dirs[filepath.Dir(name)] && !hidden(filepath.Base(name))
	}

	var quiet <-chan time.Time
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	reload := func(why string) {
		r.log.Info("reloading", "why", why)
		_ = r.Reload(ctx) // logged by Reload
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-now:
			if !ok {
				now = nil
				continue
			}
			reload("signal")
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !counts(ev.Name) {
				continue
			}
			r.log.Debug("watched file changed", "file", ev.Name, "op", ev.Op.String())
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Stop()
				timer.Reset(debounce)
			}
			quiet = timer.C
		case <-quiet:
			quiet = nil
			reload("files changed")
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			r.log.Warn("watching for changes", "err", err)
		}
	}
}

// hidden reports whether a file name is one editors and tools write beside
// the real file (dot files, backups, the temporary files of an atomic
// write), whose changes alone are no change of the articles.
func hidden(name string) bool {
	return len(name) == 0 || name[0] == '.' || name[len(name)-1] == '~' || filepath.Ext(name) == ".tmp" || filepath.Ext(name) == ".swp"
}
