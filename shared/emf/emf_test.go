package emf

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestEmit(t *testing.T) {
	var b bytes.Buffer
	l := New(&b, "agentiq")
	l.now = func() time.Time { return time.UnixMilli(1795000000000) }
	err := l.Emit(map[string]string{"Function": "poller", "Seller": "s1"}, [][]string{{"Function"}, {"Function", "Seller"}},
		map[string]any{"caught_up": true}, Metric{"EventsIngested", Count, 12}, Metric{"LagSeconds", Seconds, 1.5})
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		AWS struct {
			Timestamp         int64
			CloudWatchMetrics []struct {
				Namespace  string
				Dimensions [][]string
				Metrics    []struct{ Name, Unit string }
			}
		} `json:"_aws"`
		Function       string
		Seller         string
		EventsIngested float64
		LagSeconds     float64
		CaughtUp       bool `json:"caught_up"`
	}
	if err := json.Unmarshal(b.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, b.String())
	}
	d := rec.AWS.CloudWatchMetrics[0]
	if rec.AWS.Timestamp != 1795000000000 || d.Namespace != "agentiq" || len(d.Dimensions) != 2 || len(d.Metrics) != 2 ||
		d.Metrics[0].Name != "EventsIngested" || d.Metrics[0].Unit != "Count" || rec.EventsIngested != 12 || rec.LagSeconds != 1.5 ||
		rec.Seller != "s1" || !rec.CaughtUp || bytes.Count(b.Bytes(), []byte("\n")) != 1 {
		t.Errorf("record %s", b.String())
	}
	if err := l.Emit(map[string]string{}, [][]string{{"Seller"}}, nil); err == nil {
		t.Error("a dimension without a value was accepted")
	}
	if err := l.Emit(map[string]string{"Seller": "s"}, nil, nil, Metric{Name: "Seller"}); err == nil {
		t.Error("a metric named like a dimension was accepted")
	}
}
