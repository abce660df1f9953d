package rutext

import (
	"hash/maphash"
	"sync"

	"github.com/kljensen/snowball/russian"
)

// Stem returns the Russian Snowball stem of a normalised word. Stemming
// costs a few microseconds a word, and chat vocabulary repeats heavily, so
// stems are cached in a bounded, concurrency-safe table.
func Stem(word string) string {
	return stems.get(word)
}

const (
	stemShards   = 16
	stemShardMax = 1 << 13 // about 130k words in all before a shard is reset
)

type stemShard struct {
	mu sync.RWMutex
	m  map[string]string
}

type stemCache struct {
	seed   maphash.Seed
	shards [stemShards]stemShard
}

var stems = newStemCache()

func newStemCache() *stemCache {
	c := &stemCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string)
	}
	return c
}

func (c *stemCache) get(w string) string {
	sh := &c.shards[maphash.String(c.seed, w)%stemShards]
	sh.mu.RLock()
	s, ok := sh.m[w]
	sh.mu.RUnlock()
	if ok {
		return s
	}
	if len(w) > 128 { // no Russian word is this long; do not let junk fill the cache
		return russian.Stem(w, false)
	}
	s = russian.Stem(w, false)
	sh.mu.Lock()
	if len(sh.m) >= stemShardMax {
		clear(sh.m) // crude, but bounded; the hot words come back at once
	}
	sh.m[w] = s
	sh.mu.Unlock()
	return s
}
