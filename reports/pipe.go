package reports

import (
	"context"
	"sync"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// pipeRows runs produce (reading and aggregating) on its own goroutine and
// consume (writing) on this one, rows passed in batches: on two cores the
// reading and the writing of a large report overlap. Memory stays bounded:
// at most a few batches are in flight.
func pipeRows(ctx context.Context, produce func(emit func(*logRow) error) error, consume func(*logRow) error) error {
	const batch = 512
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	full := make(chan []logRow, 4)
	free := make(chan []logRow, 6)
	for range 6 {
		free <- make([]logRow, 0, batch)
	}
	done := make(chan error, 1)
	go func() {
		defer close(full)
		cur := <-free
		err := produce(func(r *logRow) error {
			cur = append(cur, *r)
			if len(cur) < batch {
				return nil
			}
			select {
			case full <- cur:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case cur = <-free:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
		if err == nil && len(cur) > 0 {
			select {
			case full <- cur:
			case <-ctx.Done():
				err = ctx.Err()
			}
		}
		done <- err
	}()
	var werr error
	for b := range full {
		if werr == nil {
			for i := range b {
				if werr = consume(&b[i]); werr != nil {
					cancel() // stop the reader; drain what it already sent
					break
				}
			}
		}
		clear(b)
		free <- b[:0]
	}
	if err := <-done; err != nil && werr == nil {
		return err
	}
	return werr
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts after
// February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is t's wall-clock time in zone as an Excel date number.
func excelSerial(t time.Time, zone *time.Location) float64 {
	l := t.In(zone)
	wall := time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
	d := wall.Sub(excelEpoch)
	return float64(d/time.Millisecond) / float64(24*time.Hour/time.Millisecond)
}

// decodeAudit streams the period's audit records, decoded, to fn in
// sequence order: the source is read (and the chain links checked) on one
// goroutine, records decoded in batches on two more, and fn runs on the
// caller's. Batches in flight are bounded, so memory is too.
func decodeAudit(ctx context.Context, src Source, req *Request, link *linkCheck, full int64, fn func(*logRow) error) error {
	const batch = 256
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		recs  []agentiq.AuditRecord
		first int64
		out   chan []logRow
	}
	jobs := make(chan job, 4)
	order := make(chan chan []logRow, 8)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rows := make([]logRow, len(j.recs))
				for i, r := range j.recs {
					rows[i] = decodeRecord(r, j.first+int64(i) < full)
				}
				j.out <- rows
			}
		}()
	}
	done := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		var n int64
		cur := make([]agentiq.AuditRecord, 0, batch)
		send := func() error {
			out := make(chan []logRow, 1)
			select {
			case jobs <- job{recs: cur, first: n, out: out}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			n += int64(len(cur))
			cur = make([]agentiq.AuditRecord, 0, batch)
			return nil
		}
		err := src.Audit(ctx, req.Seller, req.From, req.To, func(r agentiq.AuditRecord) error {
			link.add(r)
			cur = append(cur, r)
			if len(cur) < batch {
				return nil
			}
			return send()
		})
		if err == nil && len(cur) > 0 {
			err = send()
		}
		done <- err
	}()
	var ferr error
	for out := range order {
		rows := <-out
		if ferr != nil {
			continue
		}
		for i := range rows {
			if ferr = fn(&rows[i]); ferr != nil {
				cancel() // stop the reader; drain what is in flight
				break
			}
		}
	}
	wg.Wait()
	if err := <-done; err != nil && ferr == nil {
		return err
	}
	return ferr
}
