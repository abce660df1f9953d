package reports

import (
	"context"
	"io"
	"time"
)

// Write writes the report req names to w, reading from src.
func Write(ctx context.Context, w io.Writer, src Source, req Request) error {
	if err := req.Normalize(); err != nil {
		return err
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
