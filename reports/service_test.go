package reports

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

func service(t *testing.T) (*Service, string) {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"),
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, s := range []agentiq.Seller{
		{ID: seller, Name: "Магазин", Active: true, Timezone: "Europe/Moscow", CreatedAt: periodLo},
		{ID: "dormant", Name: "Спящий", Active: false, CreatedAt: periodLo},
	} {
		if err := st.PutSeller(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range sortedEntries(cleanFixture().entries) {
		if _, err := st.Append(ctx, seller, e); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	return &Service{Source: NewStoreSource(st), Sellers: st, Sink: DirSink{Dir: dir}}, dir
}

func TestServiceMonthly(t *testing.T) {
	s, dir := service(t)
	ev := []byte(`{"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","time":"2026-12-01T01:00:00Z","detail":{}}`)
	res, err := s.Handle(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != 4 {
		t.Fatalf("%d reports, want both kinds in both formats for the one active seller: %+v", len(res.Reports), res)
	}
	for _, w := range res.Reports {
		if w.Seller != seller || w.From != "2026-11-01" || w.To != "2026-11-30" {
			t.Errorf("report %+v, want s1's November (the month before 1 Dec 04:00 Moscow)", w)
		}
		fi, err := os.Stat(w.Location)
		if err != nil || fi.Size() != w.Bytes || !strings.HasPrefix(w.Location, filepath.Join(dir, seller, "2026-11")) {
			t.Errorf("report %s: %v, size %v", w.Location, err, w.Bytes)
		}
	}
	text := pdfPages(t, mustRead(t, res.Reports[1].Location), 1, 1)
	if !strings.Contains(text, "Отчёт аудита решений") || !strings.Contains(text, "связаны без разрывов: "+itoa(len(cleanFixture().entries))) {
		t.Errorf("the scheduled audit PDF's first page:\n%s", clip(text, 600))
	}
}

func TestServiceOnDemand(t *testing.T) {
	s, _ := service(t)
	res, err := s.Handle(context.Background(), []byte(`{"seller":"s1","kind":"consent","format":"xlsx","from":"2026-11-10","to":"2026-11-10","lang":"en"}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != 1 || !strings.HasSuffix(res.Reports[0].Location, "s1-consent-2026-11-10_2026-11-10-en.xlsx") {
		t.Fatalf("%+v", res)
	}
	sheets := readXLSX(t, mustRead(t, res.Reports[0].Location))
	if sheets[0].Title != "Summary" {
		t.Errorf("first sheet %q", sheets[0].Title)
	}
	for name, ev := range map[string]string{
		"unknown seller": `{"seller":"nobody","kind":"audit","format":"pdf","from":"2026-11-01","to":"2026-11-30"}`,
		"bad date":       `{"seller":"s1","kind":"audit","format":"pdf","from":"2026-13-01","to":"2026-11-30"}`,
		"reversed":       `{"seller":"s1","kind":"audit","format":"pdf","from":"2026-11-30","to":"2026-11-01"}`,
		"format":         `{"seller":"s1","kind":"audit","format":"doc","from":"2026-11-01","to":"2026-11-30"}`,
		"unknown field":  `{"seller":"s1","kind":"audit","format":"pdf","from":"2026-11-01","to":"2026-11-30","x":1}`,
		"not JSON":       `seller=s1`,
	} {
		if _, err := s.Handle(context.Background(), []byte(ev)); !errors.Is(err, ErrRequest) {
			t.Errorf("%s: %v, want ErrRequest", name, err)
		}
	}
}

func TestDirSinkKeys(t *testing.T) {
	d := DirSink{Dir: t.TempDir()}
	for _, k := range []string{"../x.pdf", "/etc/x", "a/../../x", "a//b", ""} {
		if _, err := d.Put(context.Background(), k, strings.NewReader("x")); err == nil {
			t.Errorf("key %q accepted", k)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
