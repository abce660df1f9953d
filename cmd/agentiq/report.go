package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/agentiq/agentiq/reports"
	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/config"
)

const reportUsage = `usage: agentiq report audit|consent --seller S --from YYYY-MM-DD --to YYYY-MM-DD --format xlsx|pdf [--lang ru|en] [--out PATH]

Writes a seller's audit report or consent-evidence report for a period from
the embedded store (AGENTIQ_BOLT_PATH, default out/agentiq.db). The period's
days are inclusive and in the seller's time zone.

flags:
  --seller S     the seller (default $AGENTIQ_SELLER, else demo)
  --from DATE    the period's first day, YYYY-MM-DD
  --to DATE      the period's last day, YYYY-MM-DD
  --format F     xlsx or pdf (default: the extension of --out)
  --lang L       ru (default) or en
  --out PATH     the file to write, or - for standard output
                 (default out/reports/<seller>-<kind>-<from>_<to>-<lang>.<format>)
  --rows N       the PDF's cap on each detail listing (default 2000; the XLSX has every row)
`

func runReport(args []string, stdout, stderr io.Writer) int {
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "agentiq report: "+format+"\n\n%s", append(a, reportUsage)...)
		return 2
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(stdout, reportUsage)
			return 0
		}
		return usage("which report: audit or consent")
	}
	kind := reports.Kind(args[0])
	if kind != reports.KindAudit && kind != reports.KindConsent {
		return usage("unknown report %q (want audit or consent)", args[0])
	}
	fs := flag.NewFlagSet("agentiq report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seller := fs.String("seller", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	format := fs.String("format", "", "")
	lang := fs.String("lang", string(reports.LangRU), "")
	out := fs.String("out", "", "")
	rows := fs.Int("rows", reports.PDFDetailRows, "")
	if err := fs.Parse(args[1:]); err != nil {
		return usage("%v", err)
	}
	if fs.NArg() > 0 {
		return usage("unexpected %q", fs.Arg(0))
	}
	if *format == "" && *out != "" && *out != "-" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	switch {
	case *from == "" || *to == "":
		return usage("--from and --to are required")
	case *format != string(reports.FormatXLSX) && *format != string(reports.FormatPDF):
		return usage("--format %q: want xlsx or pdf", *format)
	case *lang != string(reports.LangRU) && *lang != string(reports.LangEN):
		return usage("--lang %q: want ru or en", *lang)
	case *rows <= 0:
		return usage("--rows must be positive")
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "agentiq report: %v\n", err)
		return 1
	}
	set, err := config.FromEnv(os.Getenv)
	if err != nil {
		return fail(err)
	}
	if *seller == "" {
		*seller = set.LocalSeller
	}
	if set.Store == config.StoreBolt {
		if _, err := os.Stat(set.BoltPath); err != nil {
			return fail(fmt.Errorf("no store at %s (run make run first, or set AGENTIQ_BOLT_PATH)", set.BoltPath))
		}
	}
	ctx := context.Background()
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return fail(err)
	}
	defer closeStore()
	sl, err := st.Seller(ctx, *seller)
	if err != nil {
		if errors.Is(err, agentiq.ErrNotFound) || errors.Is(err, agentiq.ErrUnknownSeller) {
			return fail(fmt.Errorf("unknown seller %q", *seller))
		}
		return fail(err)
	}
	zone := time.UTC
	if z, err := time.LoadLocation(orDefault(sl.Timezone, reports.DefaultZone)); err == nil {
		zone = z
	}
	lo, hi, err := reports.ParsePeriod(*from, *to, zone)
	if err != nil {
		return fail(err)
	}
	src := reports.NewStoreSource(st)
	req := reports.Request{Seller: sl.ID, Kind: kind, Format: reports.Format(*format), Lang: reports.Lang(*lang),
		From: lo, To: hi, Zone: zone, DetailRows: *rows}
	// The whole chain, verified against the latest local checkpoint, as
	// `agentiq audit verify` does; the report shows the result first.
	cpLog, cpKey, err := checkpointLog(set, "")
	if err != nil {
		return fail(err)
	}
	verify := reports.ChainVerifierAround(st, cpLog, cpKey, func(ctx context.Context, seller string) (int64, int64, error) {
		return src.Span(ctx, seller, lo, hi)
	})
	req.Verify = func(ctx context.Context) (*reports.ChainStatus, error) { return verify(ctx, sl.ID) }
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if first, last, err := src.Span(ctx, sl.ID, lo, hi); err == nil && last >= first {
			bar := &progressBar{w: stderr, total: last - first + 1, label: string(kind) + " " + *format}
			req.Progress = bar.show
			defer bar.done()
		}
	}
	path := *out
	if path == "" {
		path = filepath.Join("out", "reports", reports.FileName(req))
	}
	if path == "-" {
		if err := reports.Write(ctx, stdout, src, req); err != nil {
			return fail(err)
		}
		return 0
	}
	size, err := writeFileAtomic(path, func(w io.Writer) error { return reports.Write(ctx, w, src, req) })
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "%s (%d bytes)\n", path, size)
	return 0
}

// writeFileAtomic writes through a temporary file beside path, renamed into
// place only when complete: a failed report leaves nothing half-written.
func writeFileAtomic(path string, write func(io.Writer) error) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		_ = tmp.Close()
		return 0, err
	}
	size, _ := tmp.Seek(0, io.SeekCurrent)
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	return size, os.Rename(tmp.Name(), path)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// progressBar draws the records read so far on a terminal.
type progressBar struct {
	w     io.Writer
	total int64
	label string
	start time.Time
	shown bool
}

func (p *progressBar) show(n int64) {
	if p.start.IsZero() {
		p.start = time.Now()
	}
	const width = 30
	frac := min(float64(n)/float64(p.total), 1)
	full := int(frac * width)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3.0f%% %d/%d records, %s", p.label, strings.Repeat("#", full),
		strings.Repeat(".", width-full), frac*100, n, p.total, time.Since(p.start).Round(time.Second))
	p.shown = true
}

func (p *progressBar) done() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}
