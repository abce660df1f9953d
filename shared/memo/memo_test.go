package memo

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
)

func TestLoadFindsEveryStoredKey(t *testing.T) {
	tab := New[int](1<<10, 64)
	// Enough keys to cross several publications, none past the bound.
	for i := range 500 {
		tab.Store(strconv.Itoa(i), i)
		for _, j := range []int{0, i / 2, i} {
			if v, ok := tab.Load(strconv.Itoa(j)); !ok || v != j {
				t.Fatalf("after storing %d: Load(%d) = %d, %v", i, j, v, ok)
			}
		}
	}
	if _, ok := tab.Load("missing"); ok {
		t.Fatal("Load found a key never stored")
	}
	if n := tab.Len(); n != 500 {
		t.Fatalf("Len = %d, want 500", n)
	}
}

func TestTableStaysBounded(t *testing.T) {
	const max = 1000
	tab := New[string](max, 64)
	for i := range 50 * max {
		k := fmt.Sprint("w", i)
		tab.Store(k, k)
		if n := tab.Len(); n > max+max/4+32 {
			t.Fatalf("after %d stores the table holds %d entries (max %d)", i+1, n, max)
		}
	}
	// The latest words are still there after a reset.
	last := fmt.Sprint("w", 50*max-1)
	if v, ok := tab.Load(last); !ok || v != last {
		t.Fatalf("Load(%q) = %q, %v", last, v, ok)
	}
}

// Run with -race (make test does): readers and writers at once see only
// stored values.
func TestConcurrentUse(t *testing.T) {
	tab := New[int](300, 64)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3000 {
				k := (i*7 + g) % 700
				if v, ok := tab.Load(strconv.Itoa(k)); ok && v != k {
					t.Errorf("Load(%d) = %d", k, v)
					return
				}
				tab.Store(strconv.Itoa(k), k)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoadHit(b *testing.B) {
	tab := New[int](1<<16, 64)
	keys := make([]string, 200)
	for i := range keys {
		keys[i] = fmt.Sprint("слово", i)
		tab.Store(keys[i], i)
	}
	for i := 0; i < 1000; i++ { // publish everything
		tab.Store(fmt.Sprint("x", i), i)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, ok := tab.Load(keys[i%len(keys)]); !ok {
			b.Fatal("miss")
		}
	}
}

// A working set smaller than a batch is published once it is read again,
// so hits stop taking the lock.
func TestSmallWorkingSetIsPublished(t *testing.T) {
	tab := New[int](1<<16, 64)
	for i := range 5 {
		tab.Store(strconv.Itoa(i), i)
	}
	for range 40 {
		for i := range 5 {
			tab.Load(strconv.Itoa(i))
		}
	}
	if n := len(*tab.read.Load()); n != 5 {
		t.Fatalf("published %d of 5 entries read 40 times each", n)
	}
}

func TestLongKeysAreNotKept(t *testing.T) {
	tab := New[int](100, 8)
	tab.Store("короткое", 1) // 16 bytes: over 8
	tab.Store("short", 2)
	if _, ok := tab.Load("короткое"); ok {
		t.Error("a key over maxKey was kept")
	}
	if v, ok := tab.Load("short"); !ok || v != 2 {
		t.Errorf("Load(short) = %d, %v", v, ok)
	}
}
