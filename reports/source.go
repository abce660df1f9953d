// Package reports writes the compliance reports of a seller and period: the
// audit report (what was decided, sent, held and refused, and whether the
// audit chain is intact) and the consent-evidence report (which consent
// each external marketing message relied on, and whether marketing stopped
// after a withdrawal or an opt-out). Each is written as XLSX (excelize's
// streaming writer) or PDF (fpdf with Go's own TrueType fonts, which
// render Cyrillic), in Russian or English.
//
// Records are read once, through streaming callbacks, and aggregated as
// they pass: memory does not grow with the number of audit records.
package reports

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// Source streams what the reports are built from. Both methods call fn for
// each item in [from, to), audit records in sequence order and consent
// events in time order, and stop at fn's first error, returning it.
type Source interface {
	Audit(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.AuditRecord) error) error
	ConsentEvents(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error
}

// ChainStatus is the result of verifying the seller's whole audit chain
// (agentiq audit verify), with the checkpoint it was checked against.
type ChainStatus struct {
	Verified       bool
	Records        int64  // records verified
	FirstBad       int64  // the first broken sequence number (0 if none)
	Problem        string // what is wrong, in the verifier's words
	CheckpointSeq  int64
	CheckpointAt   time.Time
	CheckpointHash string
}

// Kind is a report kind.
type Kind string

// Report kinds.
const (
	KindAudit   Kind = "audit"
	KindConsent Kind = "consent"
)

// Format is a file format.
type Format string

// Formats.
const (
	FormatXLSX Format = "xlsx"
	FormatPDF  Format = "pdf"
)

// Lang is a report language.
type Lang string

// Languages: Russian is the default.
const (
	LangRU Lang = "ru"
	LangEN Lang = "en"
)

// Defaults.
const (
	// PDFDetailRows caps each detail listing of a PDF: the full logs are in
	// the XLSX, which has no cap.
	PDFDetailRows = 2000
	// DefaultZone is where report times are shown when the seller has none.
	DefaultZone = "Europe/Moscow"
)

// Request names one report.
type Request struct {
	Seller string
	Kind   Kind
	Format Format
	Lang   Lang
	// From and To bound the period: records with From ≤ time < To.
	From, To time.Time
	// Zone is where times are shown (the seller's time zone); nil is
	// Europe/Moscow. XLSX date cells hold the wall time of this zone.
	Zone *time.Location
	// Generated is the generation time shown in the header (zero: now).
	Generated time.Time
	// Chain is the verification of the whole chain; nil when the caller
	// has none (the report then says the chain was not verified, and
	// still checks the links of the period's own records).
	Chain *ChainStatus
	// Verify, when set and Chain is not, verifies the whole chain while
	// the report reads its period (the result is needed only when the
	// first page is drawn, after the records are read): on a long chain
	// the two passes share the machine's cores instead of following
	// each other.
	Verify func(ctx context.Context) (*ChainStatus, error)
	await  func() error // the verification under way (see chainReady)
	// DetailRows caps the PDF's detail listings (0: PDFDetailRows).
	DetailRows int
	// Progress, if set, is called with the number of audit records read
	// so far, every few thousand records.
	Progress func(records int64)
}

// ErrRequest marks a request that cannot be served.
var ErrRequest = errors.New("invalid report request")

// Normalize fills defaults and checks the request.
// chainReady waits for the chain's verification started by Write, if
// any, and puts its result in Chain.
func (r *Request) chainReady() error {
	if r.await == nil {
		return nil
	}
	f := r.await
	r.await = nil
	return f()
}

func (r *Request) Normalize() error {
	if r.Lang == "" {
		r.Lang = LangRU
	}
	if r.Zone == nil {
		z, err := time.LoadLocation(DefaultZone)
		if err != nil {
			z = time.FixedZone("MSK", 3*3600)
		}
		r.Zone = z
	}
	if r.Generated.IsZero() {
		r.Generated = time.Now()
	}
	if r.DetailRows <= 0 {
		r.DetailRows = PDFDetailRows
	}
	switch {
	case r.Seller == "":
		return fmt.Errorf("%w: no seller", ErrRequest)
	case r.Kind != KindAudit && r.Kind != KindConsent:
		return fmt.Errorf("%w: kind %q (want audit or consent)", ErrRequest, r.Kind)
	case r.Format != FormatXLSX && r.Format != FormatPDF:
		return fmt.Errorf("%w: format %q (want xlsx or pdf)", ErrRequest, r.Format)
	case r.Lang != LangRU && r.Lang != LangEN:
		return fmt.Errorf("%w: language %q (want ru or en)", ErrRequest, r.Lang)
	case r.From.IsZero() || r.To.IsZero() || !r.From.Before(r.To):
		return fmt.Errorf("%w: the period must have a start before its end", ErrRequest)
	}
	return nil
}

// MemSource is a Source over slices, for tests and small data sets.
type MemSource struct {
	Records  []agentiq.AuditRecord
	Consents []agentiq.ConsentEvent
}

// Audit streams the seller's records in [from, to), in sequence order.
func (m *MemSource) Audit(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.AuditRecord) error) error {
	recs := slices.Clone(m.Records)
	slices.SortStableFunc(recs, func(a, b agentiq.AuditRecord) int { return cmpInt(a.Seq, b.Seq) })
	for _, r := range recs {
		if r.SellerID != seller || r.At.Before(from) || !r.At.Before(to) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// ConsentEvents streams the seller's consent events in [from, to), in time
// order.
func (m *MemSource) ConsentEvents(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error {
	evs := slices.Clone(m.Consents)
	slices.SortStableFunc(evs, func(a, b agentiq.ConsentEvent) int { return a.At.Compare(b.At) })
	for _, e := range evs {
		if e.SellerID != seller || e.At.Before(from) || !e.At.Before(to) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
