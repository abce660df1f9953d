package reports

import (
	"context"
	"fmt"
	"io"
	"time"
)

// Write writes the report req names to w, reading from src.
func Write(ctx context.Context, w io.Writer, src Source, req Request) error {
	if err := req.Normalize(); err != nil {
		return err
	}
	if req.Verify != nil && req.Chain == nil {
		type verified struct {
			c   *ChainStatus
			err error
		}
		done := make(chan verified, 1)
		vctx, cancel := context.WithCancel(ctx)
		defer cancel() // a report that fails stops the verification too
		go func() {
			c, err := req.Verify(vctx)
			done <- verified{c, err}
		}()
		req.await = func() error {
			v := <-done
			if v.err != nil {
				return fmt.Errorf("verify the audit chain: %w", v.err)
			}
			req.Chain = v.c
			return nil
		}
	}
	switch {
	case req.Kind == KindAudit && req.Format == FormatXLSX:
		return writeAuditXLSX(ctx, w, src, &req)
	case req.Kind == KindAudit:
		return writeAuditPDF(ctx, w, src, &req)
	case req.Format == FormatXLSX:
		return writeConsentXLSX(ctx, w, src, &req)
	default:
		return writeConsentPDF(ctx, w, src, &req)
	}
}

// FileName is the conventional file name of a report.
func FileName(req Request) string {
	_ = req.Normalize()
	last := req.To.In(req.Zone).Add(-time.Nanosecond) // the period's last day
	return req.Seller + "-" + string(req.Kind) + "-" + req.From.In(req.Zone).Format("2006-01-02") + "_" +
		last.Format("2006-01-02") + "-" + string(req.Lang) + "." + string(req.Format)
}
