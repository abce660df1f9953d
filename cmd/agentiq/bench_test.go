package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// cycle repeats the lines of in until there are n.
func cycle(in []byte, n int) []byte {
	src := strings.Split(strings.TrimRight(string(in), "\n"), "\n")
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(src[i%len(src)])
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// benchCLI measures the end-to-end throughput of one command on 10,000
// lines of the public sets: reading, decoding, deciding, encoding, writing.
func benchCLI(b *testing.B, kind string) {
	dir := evalDir(b)
	in := cycle(evalInput(b, kind, dir+"/"+kind+".jsonl"), 10000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		if code := run([]string{kind}, bytes.NewReader(in), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
		n++
	}
	b.ReportMetric(float64(n*10000)/time.Since(start).Seconds(), "lines/s")
}

func BenchmarkCLIClassify(b *testing.B) { benchCLI(b, "classify") }
func BenchmarkCLILint(b *testing.B)     { benchCLI(b, "lint") }
func BenchmarkCLIDecide(b *testing.B)   { benchCLI(b, "decide") }

// BenchmarkHugeLine answers one 1 MB line (refused: the text is over the
// limit) — the time a user waits for it.
func BenchmarkHugeLine(b *testing.B) {
	line := []byte(`{"id":"mb","text":"` + strings.Repeat("скидка ", (1<<20)/len("скидка ")) + "\"}\n")
	for b.Loop() {
		run([]string{"lint"}, bytes.NewReader(line), io.Discard, io.Discard)
	}
}
