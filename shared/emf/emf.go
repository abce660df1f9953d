// Package emf writes CloudWatch Embedded Metric Format records: one JSON
// log line that CloudWatch turns into metrics, and that stays readable
// as a log line everywhere else.
package emf

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// Units CloudWatch knows (the ones agentiq uses).
const (
	Count        = "Count"
	Seconds      = "Seconds"
	Milliseconds = "Milliseconds"
)

// Metric is one value.
type Metric struct {
	Name  string
	Unit  string
	Value float64
}

// Logger writes EMF records to w, one per line.
type Logger struct {
	namespace string
	now       func() time.Time

	mu sync.Mutex
	w  io.Writer
}

// New writes records for namespace to w.
func New(w io.Writer, namespace string) *Logger {
	return &Logger{w: w, namespace: namespace, now: time.Now}
}

type directive struct {
	Namespace  string       `json:"Namespace"`
	Dimensions [][]string   `json:"Dimensions"`
	Metrics    []metricName `json:"Metrics"`
}

type metricName struct {
	Name string `json:"Name"`
	Unit string `json:"Unit,omitempty"`
}

// Emit writes one record: the metrics, under each set of dimension names
// in sets (every name must be in dims), with props as extra fields that
// are searchable in the logs but are not dimensions.
func (l *Logger) Emit(dims map[string]string, sets [][]string, props map[string]any, metrics ...Metric) error {
	if l == nil {
		return nil
	}
	rec := map[string]any{}
	for k, v := range props {
		rec[k] = v
	}
	for _, set := range sets {
		for _, d := range set {
			if _, ok := dims[d]; !ok {
				return fmt.Errorf("emf: dimension %q has no value", d)
			}
		}
	}
	for k, v := range dims {
		rec[k] = v
	}
	d := directive{Namespace: l.namespace, Dimensions: sets}
	for _, m := range metrics {
		if _, taken := rec[m.Name]; taken || m.Name == "_aws" {
			return fmt.Errorf("emf: metric %q clashes with a field", m.Name)
		}
		d.Metrics = append(d.Metrics, metricName{Name: m.Name, Unit: m.Unit})
		rec[m.Name] = m.Value
	}
	rec["_aws"] = map[string]any{"Timestamp": l.now().UnixMilli(), "CloudWatchMetrics": []directive{d}}
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("emf: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err = l.w.Write(append(b, '\n'))
	return err
}
