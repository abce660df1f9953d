package rutext

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/agentiq/agentiq/shared/memo"
)

// Each consumer of tokens (a pattern set, a model, the speller) keeps what
// it works out for a word text: its atoms, its feature rows, its
// correction. Each kept its own cache keyed by the text, and a word cost
// one string-keyed lookup per consumer — about a tenth of a
// classification. Now a token looks its text up once, in one table of
// word records (lex), and each consumer keeps its answer in a slot of the
// record.

// lexSlots is how many consumers can keep answers in the word records at
// once; a process holds a handful (the classifier's and the linter's
// pattern sets and models, the speller). A consumer made while all are
// taken keeps a table of its own, as before.
const lexSlots = 8

// lex is the record of one word text. A slot holds a *slotEntry[V] of
// the consumer that has the slot, read and written atomically.
type lex struct {
	slots [lexSlots]unsafe.Pointer
}

// slotEntry is a consumer's answer for a word. owner, the first field,
// tells a live consumer's answer from one that a collected consumer left
// in a slot since reused: only an entry of the reader's own owner, hence
// of its own V, is read past it.
type slotEntry[V any] struct {
	owner uint64
	v     V
}

// About 130k words of up to 128 bytes, as the stems' table: a bounded
// table starts again when full, and the hot words come back at once.
var lexes = memo.New[*lex](1<<17, 128)

// lex returns the record of the token's text, looked up once per token.
func (t *Token) lex() *lex {
	if t.rec != nil {
		return t.rec
	}
	return t.lookup()
}

func (t *Token) lookup() *lex {
	r, ok := lexes.Load(t.Text)
	if !ok {
		// Two goroutines may make a record for the same new text; one is
		// kept, and the other's answers are computed again later.
		r = &lex{}
		lexes.Store(t.Text, r)
	}
	t.rec = r
	return r
}

// setText gives the token another text, and forgets what was derived
// from the old one.
func (t *Token) setText(s string) { t.Text, t.stem, t.rec = s, "", nil }

// slots hands out the records' slots; a consumer's slot comes back when
// the consumer is collected (runtime.AddCleanup).
var slots struct {
	sync.Mutex
	free  []int
	next  int
	owner uint64
}

// A WordCache keeps one value per word text for one consumer: in a slot of
// the word records while one is free, else in a table of its own. The
// value must depend on the text alone. Safe for concurrent use.
type WordCache[V any] struct {
	slot  int // -1: no slot; table holds the values
	owner uint64
	table *memo.Table[V]
}

// NewWordCache returns a cache for one consumer; max and maxKey bound its
// own table when it has no slot (see memo.New).
func NewWordCache[V any](max, maxKey int) *WordCache[V] {
	c := &WordCache[V]{slot: -1}
	slots.Lock()
	slots.owner++
	c.owner = slots.owner
	switch {
	case len(slots.free) > 0:
		c.slot = slots.free[len(slots.free)-1]
		slots.free = slots.free[:len(slots.free)-1]
	case slots.next < lexSlots && !noSlots:
		c.slot = slots.next
		slots.next++
	}
	slots.Unlock()
	if c.slot < 0 {
		c.table = memo.New[V](max, maxKey)
		return c
	}
	runtime.AddCleanup(c, func(i int) {
		slots.Lock()
		slots.free = append(slots.free, i)
		slots.Unlock()
	}, c.slot)
	return c
}

// noSlots makes every new cache keep a table of its own (for tests: both
// ways must answer alike). Guarded by slots' lock.
var noSlots = false

// Load returns the value kept for the token's text.
func (c *WordCache[V]) Load(t *Token) (V, bool) {
	if c.slot < 0 {
		return c.table.Load(t.Text)
	}
	p := atomic.LoadPointer(&t.lex().slots[c.slot])
	if p == nil || *(*uint64)(p) != c.owner {
		var zero V
		return zero, false
	}
	return (*slotEntry[V])(p).v, true
}

// Store keeps v for the token's text.
func (c *WordCache[V]) Store(t *Token, v V) {
	if c.slot < 0 {
		c.table.Store(t.Text, v)
		return
	}
	atomic.StorePointer(&t.lex().slots[c.slot], unsafe.Pointer(&slotEntry[V]{owner: c.owner, v: v}))
}
