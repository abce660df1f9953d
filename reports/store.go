package reports

import (
	"context"
	"fmt"
	"sort"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// AuditReader is what StoreSource needs of a store: the chain's head and
// records by sequence number (agentiq.AuditStore has both).
type AuditReader interface {
	AuditHead(ctx context.Context, seller string) (agentiq.AuditRecord, error)
	AuditSeq(ctx context.Context, seller string, from, to int64) ([]agentiq.AuditRecord, error)
}

// ConsentEventReader streams a seller's consent register. A store that has
// it is read through it; one that has not yet gives an empty register.
type ConsentEventReader interface {
	ConsentEventsBetween(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error
}

// StoreSource adapts a store to Source: the one place where reports meet
// the store. Audit records are read a page of sequence numbers at a time,
// so memory stays bounded however long the period: the chain is in time
// order (agentiq.NextRecord never dates a record before its predecessor),
// so the period's first record is found by binary search.
type StoreSource struct {
	Records  AuditReader
	Consents ConsentEventReader // nil: no register yet
	PageSize int64              // records per read (0: 2000)
}

// NewStoreSource makes a source of st; its consent register is read if st
// is a ConsentEventReader.
func NewStoreSource(st AuditReader) *StoreSource {
	s := &StoreSource{Records: st}
	if c, ok := st.(ConsentEventReader); ok {
		s.Consents = c
	}
	return s
}

// Span returns the first and last sequence numbers of the records in
// [from, to) (first > last when there are none).
func (s *StoreSource) Span(ctx context.Context, seller string, from, to time.Time) (first, last int64, err error) {
	head, err := s.Records.AuditHead(ctx, seller)
	if err != nil {
		return 0, 0, fmt.Errorf("audit head: %w", err)
	}
	// the first record at or after t: records are in time order
	search := func(t time.Time) (int64, error) {
		var serr error
		i := sort.Search(int(head.Seq), func(i int) bool {
			if serr != nil {
				return true
			}
			recs, err := s.Records.AuditSeq(ctx, seller, int64(i)+1, int64(i)+1)
			if err != nil {
				serr = err
				return true
			}
			return len(recs) == 0 || !recs[0].At.Before(t)
		})
		return int64(i) + 1, serr
	}
	if first, err = search(from); err != nil {
		return 0, 0, fmt.Errorf("audit records from %s: %w", from.Format(time.RFC3339), err)
	}
	end, err := search(to)
	if err != nil {
		return 0, 0, fmt.Errorf("audit records to %s: %w", to.Format(time.RFC3339), err)
	}
	return first, end - 1, nil
}

// Audit streams the seller's records in [from, to), in sequence order.
func (s *StoreSource) Audit(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.AuditRecord) error) error {
	first, last, err := s.Span(ctx, seller, from, to)
	if err != nil {
		return err
	}
	page := s.PageSize
	if page <= 0 {
		page = 2000
	}
	release, _ := s.Records.(pageReleaser)
	for lo := first; lo <= last; lo += page {
		if release != nil && (lo-first)/page%releaseEvery == releaseEvery-1 {
			_ = release.ReleasePages() // a hint: a failure costs memory, not correctness
		}
		recs, err := s.Records.AuditSeq(ctx, seller, lo, min(lo+page-1, last))
		if err != nil {
			return fmt.Errorf("audit records %d–%d: %w", lo, min(lo+page-1, last), err)
		}
		for _, r := range recs {
			if r.At.Before(from) || !r.At.Before(to) {
				continue
			}
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// pageReleaser is a store that maps its file (the embedded store): told
// now and then during a long scan, it lets go of the pages already read,
// so that a million-record report keeps a bounded resident set.
type pageReleaser interface{ ReleasePages() error }

// releaseEvery is how many pages of records are read between releases.
const releaseEvery = 25

// ConsentEvents streams the register's events in [from, to); none when the
// store has no register.
func (s *StoreSource) ConsentEvents(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error {
	if s.Consents == nil {
		return nil
	}
	return s.Consents.ConsentEventsBetween(ctx, seller, from, to, fn)
}
