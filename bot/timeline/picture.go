package timeline

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/talksbot/talksbot/bot/dates"
)

// Picture geometry, chosen to be read at Discord's preview width (the
// image is shown about 800 to 1000 pixels wide).
const (
	pictureWidth = 960
	pictureTop   = 86 // room for the title and the dated axis
	pictureRow   = 22 // one event a row
	pictureLeft  = 16
	pictureRight = 16
	fontSize     = 13
)

// Label is where an event is drawn: its mark on the axis (a dot for a day,
// a bar for a longer span) and its label, the short text and its number
// of sources.
type Label struct {
	Event int             // index of the event in the events drawn
	Mark  image.Rectangle // the dot or bar on the axis
	Rect  image.Rectangle // the label's text
	Text  string
}

// Layout is the geometry of a drawn timeline, for tests and image maps.
type Layout struct {
	Width, Height int
	From, To      time.Time // the days the axis shows
	Labels        []Label   // one per event, in the order of the events
}

// WritePNG draws events (in date order, as Events returns them) as a PNG
// on w: a dated axis with months, weeks and, for short spans, days as
// marks; each event a row with a dot (a day) or a bar (a longer span) at
// its date and its short text and number of sources beside it; the
// publication dates of the cited articles as ticks under the axis. Events
// outside the axis (years before the story) are marked at its edge.
func WritePNG(w io.Writer, events []Event, title string) (Layout, error) {
	img, lay := Draw(events, title)
	if err := png.Encode(w, img); err != nil {
		return lay, fmt.Errorf("encode timeline picture: %w", err)
	}
	return lay, nil
}

// goFonts are the embedded Go fonts, parsed once; an sfnt font may be
// shared across goroutines, a face may not (it keeps a glyph buffer), so
// every drawing makes its own faces (two /timeline commands at once once
// crashed a shared face).
var goFonts = sync.OnceValue(func() [2]*opentype.Font {
	parse := func(ttf []byte) *opentype.Font {
		f, err := opentype.Parse(ttf)
		if err != nil {
			panic(fmt.Sprintf("embedded Go font: %v", err)) // the font ships with the module
		}
		return f
	}
	return [2]*opentype.Font{parse(goregular.TTF), parse(gobold.TTF)}
})

// loadFaces returns new faces of the Go fonts, for one drawing.
func loadFaces() (regular, bold font.Face) {
	face := func(f *opentype.Font) font.Face {
		fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: fontSize, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			panic(fmt.Sprintf("embedded Go font: %v", err))
		}
		return fc
	}
	fs := goFonts()
	return face(fs[0]), face(fs[1])
}

var (
	colBackground = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colText       = color.RGBA{0x20, 0x24, 0x2a, 0xff}
	colMuted      = color.RGBA{0x6a, 0x73, 0x7d, 0xff}
	colGrid       = color.RGBA{0xe4, 0xe8, 0xec, 0xff}
	colAxis       = color.RGBA{0x40, 0x48, 0x50, 0xff}
	colMark       = color.RGBA{0x1f, 0x6f, 0xd0, 0xff}
	colPlan       = color.RGBA{0xe0, 0x8a, 0x1e, 0xff}
	colPub        = color.RGBA{0xc0, 0x39, 0x2b, 0xff}
	colStripe     = color.RGBA{0xf6, 0xf8, 0xfa, 0xff}
)

// Draw draws events as WritePNG does and returns the image and its layout.
func Draw(events []Event, title string) (*image.RGBA, Layout) {
	regular, bold := loadFaces()
	spans := make([][2]time.Time, len(events))
	for i, ev := range events {
		spans[i] = eventSpan(ev)
	}
	pubs := publications(events)
	from, to := axisRange(spans, pubs)
	h := pictureTop + pictureRow*max(1, len(events)) + 12
	img := image.NewRGBA(image.Rect(0, 0, pictureWidth, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(colBackground), image.Point{}, draw.Src)
	lay := Layout{Width: pictureWidth, Height: h, From: from, To: to}

	x0, x1 := pictureLeft+4, pictureWidth-pictureRight-4
	days := to.Sub(from).Hours()/24 + 1
	xOf := func(t time.Time) int {
		d := t.Sub(from).Hours() / 24
		return x0 + int(d/days*float64(x1-x0)+0.5)
	}
	dayW := max(2, int(float64(x1-x0)/days))

	text(img, bold, colText, pictureLeft, 20, title)
	legend := fmt.Sprintf("%s – %s   ● day  ▬ span   orange: planned or possible   ▲ article published",
		from.Format("Jan 2, 2006"), to.Format("Jan 2, 2006"))
	text(img, regular, colMuted, pictureLeft, 38, legend)

	// Rows: a light stripe every other row.
	for i := range events {
		if i%2 == 1 {
			y := pictureTop + i*pictureRow
			fill(img, image.Rect(0, y, pictureWidth, y+pictureRow), colStripe)
		}
	}
	// The axis: months (long marks, named), weeks (Mondays), days.
	axisY := pictureTop - 14
	fill(img, image.Rect(x0, axisY, x1+1, axisY+2), colAxis)
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		x := xOf(d)
		switch {
		case d.Day() == 1:
			fill(img, image.Rect(x, axisY-8, x+1, h), colGrid)
			fill(img, image.Rect(x, axisY-8, x+1, axisY+2), colAxis)
			text(img, regular, colText, x+3, axisY-4, d.Format("Jan 2006"))
		case d.Weekday() == time.Monday:
			fill(img, image.Rect(x, axisY-4, x+1, axisY+2), colAxis)
			if days <= 120 {
				fill(img, image.Rect(x, axisY+2, x+1, h), colGrid)
			}
		case days <= 62:
			fill(img, image.Rect(x, axisY-2, x+1, axisY), colAxis)
		}
	}
	for _, p := range pubs {
		x := xOf(p)
		for k := 0; k < 6; k++ { // a small triangle under the axis
			fill(img, image.Rect(x-k, axisY+4+k, x+k+1, axisY+5+k), colPub)
		}
	}

	for i, ev := range events {
		y := pictureTop + i*pictureRow
		mid := y + pictureRow/2
		s, e := spans[i][0], spans[i][1]
		col := colMark
		if planned(ev) {
			col = colPlan
		}
		var mark image.Rectangle
		switch {
		case e.Before(from): // before the axis: an arrow at its left edge
			mark = image.Rect(x0, mid-4, x0+8, mid+4)
			for k := 0; k < 5; k++ {
				fill(img, image.Rect(x0+k, mid-k, x0+k+1, mid+k+1), col)
			}
		case s.After(to):
			mark = image.Rect(x1-8, mid-4, x1, mid+4)
			for k := 0; k < 5; k++ {
				fill(img, image.Rect(x1-k, mid-k, x1-k+1, mid+k+1), col)
			}
		case ev.Precision == PrecisionDay && ev.From == "":
			x := xOf(s) + dayW/2
			mark = image.Rect(x-4, mid-4, x+5, mid+5)
			disc(img, x, mid, 4, col)
		default:
			a, b := xOf(maxTime(s, from)), xOf(minTime(e, to))+dayW
			mark = image.Rect(a, mid-3, max(b, a+3), mid+4)
			fill(img, mark, col)
		}
		head, tail := labelText(ev)
		label := head + tail
		room := x1 - (mark.Max.X + 6)
		left := false
		if w := measure(regular, label); w > room && mark.Min.X-6-x0 > room {
			left, room = true, mark.Min.X-6-x0
		}
		over := room < 240 // a span as wide as the axis: its label goes over a thin bar
		if over {
			fill(img, mark, colBackground)
			if i%2 == 1 {
				fill(img, mark, colStripe)
			}
			mark = image.Rect(mark.Min.X, y+pictureRow-3, mark.Max.X, y+pictureRow)
			fill(img, mark, col)
			left, room = false, x1-x0-12
		}
		label = fitText(regular, head, room-measure(regular, tail)) + tail
		w := measure(regular, label)
		lx := mark.Max.X + 6
		switch {
		case over:
			lx = x0 + 12
		case left:
			lx = mark.Min.X - 6 - w
		}
		text(img, regular, colText, lx, mid+5, label)
		lay.Labels = append(lay.Labels, Label{Event: i, Mark: mark, Rect: image.Rect(lx, y+3, lx+w, y+pictureRow-4), Text: label})
	}
	return img, lay
}

// labelText is an event's label: its date for people and its text
// (head, cut to fit), and its number of sources (tail, always shown).
func labelText(ev Event) (head, tail string) {
	n := len(sourcesOf(ev))
	tail = "  (1 source)"
	if n != 1 {
		tail = fmt.Sprintf("  (%d sources)", n)
	}
	return shortDate(ev) + " · " + strings.Join(strings.Fields(ev.Text), " "), tail
}

// shortDate writes the date of an event briefly: "Mar 27", "week of Mar
// 24", "Apr 2025", "second half of Apr 2025", "2022".
func shortDate(ev Event) string {
	if ev.When != "" {
		return ev.When
	}
	d, err := dates.Parse(ev.Date)
	if err != nil {
		return ev.Date
	}
	switch d.Precision {
	case dates.Day:
		return d.Start.Format("Jan 2")
	case dates.Week:
		return "week of " + d.Start.Format("Jan 2")
	case dates.Month:
		return d.Start.Format("Jan 2006")
	}
	return d.Start.Format("2006")
}

// sourcesOf returns the distinct articles an event cites.
func sourcesOf(ev Event) map[string]bool {
	out := map[string]bool{}
	for _, c := range ev.Citations {
		out[c.Article+"\x00"+c.URL] = true
	}
	return out
}

// planned reports whether every report of ev lies after its article's
// publication: an event announced, not yet seen.
func planned(ev Event) bool {
	d, err := dates.Parse(ev.Date)
	if err != nil || len(ev.Citations) == 0 {
		return false
	}
	for _, c := range ev.Citations {
		p, err := time.Parse(time.DateOnly, c.Published)
		if err != nil || !d.Start.After(p) {
			return false
		}
	}
	return true
}

// eventSpan returns the first and last day of an event.
func eventSpan(ev Event) [2]time.Time {
	d, err := dates.Parse(ev.Date)
	if err != nil {
		return [2]time.Time{}
	}
	s, e := d.Start, d.End()
	if t, err := time.Parse(time.DateOnly, ev.From); err == nil {
		s = t
	}
	if t, err := time.Parse(time.DateOnly, ev.To); err == nil {
		e = t
	}
	return [2]time.Time{s, e}
}

// publications returns the publication days of the articles the events
// cite, in order.
func publications(events []Event) []time.Time {
	seen := map[string]bool{}
	var out []time.Time
	for _, ev := range events {
		for _, c := range ev.Citations {
			if t, err := time.Parse(time.DateOnly, c.Published); err == nil && !seen[c.Published] {
				seen[c.Published] = true
				out = append(out, t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// axisRange is the days the axis shows: the publication dates and the
// events of day, week or month precision around them, at most two months
// before the first publication (older events get an arrow at the edge),
// with a few days' margin, from the first of a month.
func axisRange(spans [][2]time.Time, pubs []time.Time) (from, to time.Time) {
	for _, p := range pubs {
		if from.IsZero() || p.Before(from) {
			from = p
		}
		if p.After(to) {
			to = p
		}
	}
	for _, s := range spans {
		if s[0].IsZero() || s[1].Sub(s[0]) > 62*24*time.Hour {
			continue // a year says little about where the story is
		}
		if from.IsZero() || s[0].Before(from) && (len(pubs) == 0 || pubs[0].Sub(s[0]) <= 62*24*time.Hour) {
			from = s[0]
		}
		if s[1].After(to) && (len(pubs) == 0 || s[1].Sub(pubs[len(pubs)-1]) <= 62*24*time.Hour) {
			to = s[1]
		}
	}
	if from.IsZero() {
		from = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		to = from
	}
	from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	to = to.AddDate(0, 0, 3)
	return from, to
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// disc fills a disc of radius r around (cx, cy).
func disc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if dx*dx+dy*dy <= r*r+r/2 {
				img.SetRGBA(cx+dx, cy+dy, c)
			}
		}
	}
}

// text draws s with its baseline at y.
func text(img *image.RGBA, face font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func measure(face font.Face, s string) int { return font.MeasureString(face, s).Ceil() }

// fitText cuts s, at a word, to at most width pixels, ending it with "…".
func fitText(face font.Face, s string, width int) string {
	if measure(face, s) <= width {
		return s
	}
	ws := strings.Fields(s)
	for n := len(ws) - 1; n > 0; n-- {
		t := strings.Join(ws[:n], " ") + " …"
		if measure(face, t) <= width {
			return t
		}
	}
	return "…"
}
