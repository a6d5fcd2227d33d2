package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/dates"
	"github.com/talksbot/talksbot/bot/timeline"
)

// runTimeline implements "talksbot timeline": the dated events of the
// articles, in date order, each with its sources.
func runTimeline(ctx context.Context, a *app, args []string) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var cfg config
	cfg.registerCorpus(fs, a.getenv)
	from := fs.String("from", "", "only events on or after `DATE` (2025-02-18, 2025-W07, 2025-02 or 2025)")
	to := fs.String("to", "", "only events on or before `DATE` (same forms as --from)")
	about := fs.String("about", "", "only events about `TEXT` (they share two thirds of its words, or all of one or two)")
	asJSON := fs.Bool("json", false, "print the events as a JSON array (the timeline --json contract)")
	pngFile := fs.String("png", "", "also draw the events on a dated axis into the PNG `FILE`")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: talksbot timeline [--from DATE] [--to DATE] [--about TEXT] [--json] [--png FILE] [flags]

Lists the events the articles date, in date order: each with its date (to the
precision the text gives: day, ISO week, month or year), the clause that
reports it, and the articles that report it. Relative dates ("on Tuesday",
"last week", "overnight") are resolved against each article's publication date.

Flags:`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args, &cfg)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q (use --about to select events)", pos[0]))
	}
	var f bot.TimelineFilter
	if f.From, _, err = flagDate("--from", *from); err != nil {
		return usageError(err.Error())
	}
	if _, f.To, err = flagDate("--to", *to); err != nil {
		return usageError(err.Error())
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return usageError(fmt.Sprintf("--to %s is before --from %s", *to, *from))
	}
	f.About = strings.TrimSpace(*about)

	log := cfg.logger(a.stderr)
	cfg.oneShot = true
	eng, err := cfg.engine(ctx, log, a.stderr)
	if err != nil {
		return err
	}
	events, err := eng.Timeline(ctx, f)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	if *pngFile != "" {
		if err := writePicture(*pngFile, events); err != nil {
			return err
		}
	}
	if *asJSON {
		b, err := json.MarshalIndent(events, "", "  ")
		if err != nil {
			return fmt.Errorf("encode timeline: %w", err)
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	}
	return renderTimeline(a.stdout, events)
}

// flagDate reads the value of a date flag; it returns the first and last day
// of the span it names (zero times for an empty value).
func flagDate(name, v string) (first, last time.Time, err error) {
	if strings.TrimSpace(v) == "" {
		return time.Time{}, time.Time{}, nil
	}
	d, err := dates.Parse(v)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("%s %q is not a date: use YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY", name, v)
	}
	return d.Start, d.End(), nil
}

// renderTimeline writes one event a line: its date, its text and its
// sources, "[outlet date]" each.
func renderTimeline(w io.Writer, events []bot.Event) error {
	if len(events) == 0 {
		_, err := fmt.Fprintln(w, "No dated events match.")
		return err
	}
	_, err := io.WriteString(w, strings.Join(bot.TimelineLines(events), "\n")+"\n")
	return err
}

// writePicture draws events into the PNG file name.
func writePicture(name string, events []bot.Event) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("timeline picture: %w", err)
	}
	if _, err := timeline.WritePNG(f, events, "Timeline"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("timeline picture: %w", err)
	}
	return nil
}
