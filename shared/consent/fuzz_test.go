package consent_test

import (
	"bytes"
	"context"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/consent"
)

// memRegister keeps record ids in memory, validating as the stores do.
type memRegister map[string]string

func (m memRegister) RegisterConsent(_ context.Context, e agentiq.ConsentEvent) (bool, error) {
	if err := e.Validate(); err != nil {
		return false, err
	}
	if fp, ok := m[e.RecordID]; ok {
		if fp != e.Fingerprint() {
			return false, agentiq.ErrConflict
		}
		return false, nil
	}
	m[e.RecordID] = e.Fingerprint()
	return true, nil
}

// FuzzImport: any input is read to its end without panicking, and every
// non-blank line is imported, already present or rejected.
func FuzzImport(f *testing.F) {
	f.Add([]byte(importFile))
	f.Add([]byte("\xef\xbb\xbf{}\r\n\r\n{\"subject\":\"x\"}"))
	f.Add([]byte(`{"record_id":"a","subject":"+79160000000","action":"given","purpose":"advertising","channel":"*","at":"2026-01-01T00:00:00Z","method":"m","evidence_ref":"e"}`))
	p := pseudonyms(&testing.T{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := consent.Import(context.Background(), memRegister{}, "s1", bytes.NewReader(data), consent.SubjectKeys(p))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Imported+rep.AlreadyPresent+rep.Rejected != rep.Lines {
			t.Errorf("report %+v does not add up", rep)
		}
	})
}
