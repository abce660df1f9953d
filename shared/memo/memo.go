// Package memo provides a bounded, concurrency-safe memo table keyed by
// strings, for the text engine's per-word caches (stems, pattern atoms,
// model features).
//
// Those caches are read for every token of every message and almost always
// hit, so a hit must cost no more than a map lookup. A read-write mutex
// costs two atomic writes per read, which measured 8 % of a lint. Here the
// hits read an immutable map through one atomic load; new entries wait in a
// small locked map and are published in batches as a fresh immutable map,
// so copying stays amortised to a few entries per miss.
package memo

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// Table memoises values by string key. The zero value is not usable; call
// New.
type Table[V any] struct {
	read   atomic.Pointer[map[string]V]
	max    int
	maxKey int // longer keys are not kept: junk must not fill the table

	mu     sync.Mutex
	fresh  map[string]V // entries not yet published in read
	misses int          // loads answered from fresh since the last publication
}

// New returns a table that holds about max entries of keys up to maxKey
// bytes: when the published map would grow past max it is dropped and the
// table starts again from the entries stored since, which keeps memory
// bounded while the hot words come back at once.
func New[V any](max, maxKey int) *Table[V] {
	t := &Table[V]{max: max, maxKey: maxKey, fresh: map[string]V{}}
	t.read.Store(&map[string]V{})
	return t
}

// Load returns the value stored for k.
func (t *Table[V]) Load(k string) (V, bool) {
	if v, ok := (*t.read.Load())[k]; ok {
		return v, true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.fresh[k]
	if ok {
		// Words read again before their batch is full are published
		// anyway, or a small working set would take the lock forever.
		t.misses++
		t.publishIf(t.misses)
	}
	return v, ok
}

// Store records v for k, unless k is longer than the table's maxKey.
// Values for a key are expected to be equal (a memo of a pure function), so
// a racing second Store is harmless.
func (t *Table[V]) Store(k string, v V) {
	if len(k) > t.maxKey {
		return
	}
	// keys are often slices of a whole message: keep only the word
	k = strings.Clone(k)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fresh[k] = v
	t.publishIf(len(t.fresh))
}

// publishIf publishes the waiting entries once n (of them, or of loads
// that found them) reaches a quarter of the published ones: each entry is
// then copied a handful of times over the table's life. t.mu is held.
func (t *Table[V]) publishIf(n int) {
	read := *t.read.Load()
	if n < 32+len(read)/4 {
		return
	}
	var next map[string]V
	if len(read)+len(t.fresh) > t.max {
		next = t.fresh
	} else {
		next = make(map[string]V, len(read)+len(t.fresh))
		maps.Copy(next, read)
		maps.Copy(next, t.fresh)
	}
	t.read.Store(&next)
	t.fresh = map[string]V{}
	t.misses = 0
}

// Len returns the number of entries held.
func (t *Table[V]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(*t.read.Load()) + len(t.fresh)
}
