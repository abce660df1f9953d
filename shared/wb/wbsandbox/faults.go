package wbsandbox

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Faults are failures the sandbox injects, each on a share (0..1) of the
// requests it could apply to.
type Faults struct {
	ServerError float64 // answer 500, 502, 503 or 504 instead
	RateLimit   float64 // answer 429 although the limit is not reached (WB's own throttling)
	// Storm: after an injected 429, this many more requests in a row get
	// one too, each after the wait WB asked for.
	Storm     int
	Malformed float64 // a 200 answer with a broken body (truncated, not JSON, wrong types)
	Duplicate float64 // an event page that repeats events of the page before
	// Latency is added to a share LatencyShare of the requests.
	Latency      time.Duration
	LatencyShare float64
	// Drop: a send is taken (the message is posted) and the connection is
	// then closed without an answer.
	Drop float64
	// TakenError: a send is taken and then answered with a 5xx, as when
	// WB's gateway fails after its backend posted the message.
	TakenError float64
}

// ParseFaults reads a fault list, as the --faults flag takes it:
//
//	5xx=0.2,429=0.1,storm=3,malformed=0.05,dup=0.3,latency=200ms@0.1,drop=0.05,taken5xx=0.05
func ParseFaults(s string) (Faults, error) {
	var f Faults
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	for _, item := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok {
			return f, fmt.Errorf("fault %q: want name=value", item)
		}
		share := func(dst *float64) error {
			p, err := strconv.ParseFloat(v, 64)
			if err != nil || p < 0 || p > 1 {
				return fmt.Errorf("fault %s=%s: want a share between 0 and 1", k, v)
			}
			*dst = p
			return nil
		}
		var err error
		switch k {
		case "5xx":
			err = share(&f.ServerError)
		case "429":
			err = share(&f.RateLimit)
		case "malformed":
			err = share(&f.Malformed)
		case "dup":
			err = share(&f.Duplicate)
		case "drop":
			err = share(&f.Drop)
		case "taken5xx":
			err = share(&f.TakenError)
		case "storm":
			f.Storm, err = strconv.Atoi(v)
			if err != nil || f.Storm < 0 {
				err = fmt.Errorf("fault storm=%s: want a count", v)
			}
		case "latency":
			d, p, _ := strings.Cut(v, "@")
			if f.Latency, err = time.ParseDuration(d); err != nil || f.Latency < 0 {
				return f, fmt.Errorf("fault latency=%s: want a duration, as 200ms@0.1", v)
			}
			f.LatencyShare = 1
			if p != "" {
				v = p
				err = share(&f.LatencyShare)
			}
		default:
			err = fmt.Errorf("unknown fault %q (5xx, 429, storm, malformed, dup, latency, drop, taken5xx)", k)
		}
		if err != nil {
			return f, err
		}
	}
	if f.Latency == 0 { // no latency to add, to any share
		f.LatencyShare = 0
	}
	return f, nil
}

func (f Faults) String() string {
	var parts []string
	add := func(name string, p float64) {
		if p > 0 {
			parts = append(parts, fmt.Sprintf("%s=%g", name, p))
		}
	}
	add("5xx", f.ServerError)
	add("429", f.RateLimit)
	if f.Storm > 0 {
		parts = append(parts, fmt.Sprintf("storm=%d", f.Storm))
	}
	add("malformed", f.Malformed)
	add("dup", f.Duplicate)
	if f.Latency > 0 {
		parts = append(parts, fmt.Sprintf("latency=%s@%g", f.Latency, f.LatencyShare))
	}
	add("drop", f.Drop)
	add("taken5xx", f.TakenError)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}
