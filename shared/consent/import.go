package consent

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// Line is one line of an import file: a consent event whose subject is the
// caller's own id for the person (phone or e-mail), pseudonymised on
// import and never stored.
type Line struct {
	RecordID     string    `json:"record_id"`
	Subject      string    `json:"subject"`
	Action       string    `json:"action"`
	Purpose      string    `json:"purpose"`
	Channel      string    `json:"channel"`
	At           time.Time `json:"at"`
	Method       string    `json:"method"`
	Source       string    `json:"source"`
	TextVersion  string    `json:"text_version"`
	TextSHA256   string    `json:"text_sha256"`
	EvidenceRef  string    `json:"evidence_ref"`
	CollectedBy  string    `json:"collected_by"`
	Jurisdiction string    `json:"jurisdiction"`
}

// MaxLineBytes bounds one line of an import file.
const MaxLineBytes = 64 << 10

// maxLineErrors is how many rejected lines a report lists (all are counted).
const maxLineErrors = 1000

// Report is what an import did.
type Report struct {
	Lines          int         `json:"lines"` // non-blank lines read
	Imported       int         `json:"imported"`
	AlreadyPresent int         `json:"already_present"`
	Rejected       int         `json:"rejected"`
	Errors         []LineError `json:"errors,omitempty"` // the first rejected lines
}

// LineError is a rejected line and why.
type LineError struct {
	Line     int    `json:"line"`
	RecordID string `json:"record_id,omitempty"`
	Reason   string `json:"reason"`
}

func (e LineError) String() string {
	if e.RecordID != "" {
		return fmt.Sprintf("line %d (record %s): %s", e.Line, e.RecordID, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// Import registers a seller's existing consent register from JSON Lines
// (one Line per line). A bad line is rejected with its number and the
// reason, and the others are imported; a record already registered is
// counted as already present, so importing a file twice imports nothing
// the second time. subjectKey turns the raw subject id into its pseudonym
// (see SubjectKeys). Import stops with an error only when the input cannot
// be read or the store fails; the report then says how far it got.
func Import(ctx context.Context, st Registrar, seller string, r io.Reader, subjectKey func(raw string) (string, error)) (Report, error) {
	var rep Report
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return rep, fmt.Errorf("consent import: line %d: %w", n, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			rep.Lines++
			id, reason, ferr := importLine(ctx, st, seller, line, tooLong, subjectKey, &rep)
			if ferr != nil {
				return rep, fmt.Errorf("consent import: line %d: %w", n, ferr)
			}
			if reason != "" {
				rep.Rejected++
				if len(rep.Errors) < maxLineErrors {
					rep.Errors = append(rep.Errors, LineError{Line: n, RecordID: id, Reason: reason})
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return rep, nil
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
	}
}

// importLine registers one line. It returns why the line was rejected
// (empty when it was not), or an error that stops the import.
func importLine(ctx context.Context, st Registrar, seller string, raw []byte, tooLong bool, subjectKey func(string) (string, error), rep *Report) (id, reason string, err error) {
	if tooLong {
		return "", fmt.Sprintf("longer than %d bytes", MaxLineBytes), nil
	}
	var l Line
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return "", describeJSON(err), nil
	}
	if dec.More() {
		return l.RecordID, "more than one JSON value on the line", nil
	}
	if strings.TrimSpace(l.Subject) == "" {
		return l.RecordID, "no subject (the phone number or e-mail address it was collected for)", nil
	}
	key, err := subjectKey(l.Subject)
	if err != nil {
		return l.RecordID, "subject: " + err.Error(), nil
	}
	e := agentiq.ConsentEvent{SellerID: seller, RecordID: l.RecordID, SubjectKey: key, Action: l.Action,
		Purpose: l.Purpose, Channel: l.Channel, At: l.At, Method: l.Method, Source: l.Source,
		TextVersion: l.TextVersion, TextSHA256: strings.ToLower(l.TextSHA256), EvidenceRef: l.EvidenceRef,
		CollectedBy: l.CollectedBy, Jurisdiction: l.Jurisdiction}
	if e.TextSHA256 != "" && !agentiq.IsSHA256Hex(e.TextSHA256) {
		return l.RecordID, "text_sha256 is not 64 hexadecimal digits", nil
	}
	created, err := Register(ctx, st, e)
	switch {
	case err == nil && created:
		rep.Imported++
	case err == nil:
		rep.AlreadyPresent++
	case errors.Is(err, agentiq.ErrInvalid), errors.Is(err, agentiq.ErrTooLarge):
		return l.RecordID, strings.TrimPrefix(errors.Unwrap(err).Error(), agentiq.ErrInvalid.Error()+": "), nil
	case errors.Is(err, agentiq.ErrConflict):
		return l.RecordID, "the record id is already registered with different content", nil
	default:
		return l.RecordID, "", err
	}
	return l.RecordID, "", nil
}

// describeJSON says what is wrong with a line without quoting its values.
func describeJSON(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("%s: want a %s, got %s", te.Field, te.Type, te.Value)
	case errors.As(err, &te):
		return "want a JSON object"
	case errors.As(err, &pe):
		return "at: want an RFC 3339 time with an offset, like 2026-01-10T10:00:00+03:00"
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return strings.TrimPrefix(err.Error(), "json: ") + " (the subject's id goes in \"subject\")"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "incomplete JSON"
	}
	return "malformed JSON"
}

// readLine reads one line without its end; a line past MaxLineBytes is
// read to its end and reported as too long, not kept.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > MaxLineBytes+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if err == nil || errors.Is(err, io.EOF) && (len(line) > 0 || tooLong) {
			if errors.Is(err, io.EOF) {
				return line, tooLong, io.EOF
			}
			return line, tooLong, nil
		}
		return line, tooLong, err
	}
}
