package reports

import (
	"math"
	"slices"
)

// durations estimates quantiles of durations (seconds) in bounded memory:
// the first exactLimit values are kept and the answer is exact; past that
// they go into logarithmic buckets 1% wide, so that an answer is within 1%
// of the true value whatever the number of values.
type durations struct {
	exact   []float64
	buckets []int64 // nil until the exact values overflow
	zeros   int64   // values ≤ minDuration
	n       int64
	sum     float64
}

const (
	exactLimit  = 4096
	minDuration = 0.01 // seconds; anything shorter counts as 0
	bucketGrow  = 1.01
	maxBuckets  = 2600 // 0.01 s × 1.01^2600 ≈ 18 years
)

var logGrow = math.Log(bucketGrow)

func (d *durations) add(sec float64) {
	if math.IsNaN(sec) || sec < 0 {
		sec = 0
	}
	d.n++
	d.sum += sec
	if d.buckets == nil {
		if len(d.exact) < exactLimit {
			d.exact = append(d.exact, sec)
			return
		}
		d.buckets = make([]int64, maxBuckets)
		for _, v := range d.exact {
			d.bucket(v)
		}
		d.exact = nil
	}
	d.bucket(sec)
}

func (d *durations) bucket(sec float64) {
	if sec <= minDuration {
		d.zeros++
		return
	}
	i := int(math.Log(sec/minDuration) / logGrow)
	d.buckets[min(max(i, 0), maxBuckets-1)]++
}

// quantile returns the q-quantile (nearest rank), and false when there are
// no values.
func (d *durations) quantile(q float64) (float64, bool) {
	if d.n == 0 {
		return 0, false
	}
	rank := int64(math.Ceil(q * float64(d.n)))
	rank = min(max(rank, 1), d.n)
	if d.buckets == nil {
		s := slices.Clone(d.exact)
		slices.Sort(s)
		return s[rank-1], true
	}
	seen := d.zeros
	if rank <= seen {
		return 0, true
	}
	for i, c := range d.buckets {
		seen += c
		if rank <= seen {
			// the middle of the bucket, geometrically
			return minDuration * math.Pow(bucketGrow, float64(i)+0.5), true
		}
	}
	return minDuration * math.Pow(bucketGrow, maxBuckets), true
}

// approximate says whether quantiles are estimates.
func (d *durations) approximate() bool { return d.buckets != nil }
