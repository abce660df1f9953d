package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// MaxLineBytes bounds one input line. A longer line is answered with an
// error line and skipped; the run goes on.
const MaxLineBytes = 4 << 20

// errLineTooLong marks a line cut at MaxLineBytes.
var errLineTooLong = fmt.Errorf("line is longer than %d bytes", MaxLineBytes)

// handler answers one input line with one JSON value.
type handler func(line []byte) any

// errorLine is the answer to a line that cannot be handled.
type errorLine struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// lineID extracts the id of a line for an error answer: the value of the
// top-level "id" key if the line starts as a JSON object, else null.
func lineID(line []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return json.RawMessage("null")
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			break
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			break
		}
		if k == "id" && isScalar(v) {
			return v
		}
	}
	return json.RawMessage("null")
}

func isScalar(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && v[0] != '{' && v[0] != '['
}

// readLines calls fn for every line of r, without the line ending. A line
// over MaxLineBytes is passed as its first MaxLineBytes with errLineTooLong.
// more says whether another whole line is already read: reading it will
// not wait for the input.
func readLines(r io.Reader, fn func(line []byte, err error, more bool)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) <= MaxLineBytes {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
		}
		switch {
		case err == nil || (errors.Is(err, io.EOF) && (len(buf) > 0 || tooLong)):
			line := bytes.TrimRight(buf, "\r\n")
			more := false
			if n := br.Buffered(); n > 0 {
				next, _ := br.Peek(n)
				more = bytes.IndexByte(next, '\n') >= 0
			}
			if tooLong {
				fn(line, errLineTooLong, more)
			} else {
				fn(line, nil, more)
			}
			buf, tooLong = buf[:0], false
			if err != nil {
				return nil
			}
		case errors.Is(err, bufio.ErrBufferFull):
			// the line goes on; keep reading
		case errors.Is(err, io.EOF):
			return nil
		default:
			return err
		}
	}
}

// Lines go to the workers in batches of up to batchLines lines or
// batchBytes bytes: handing over each line alone cost a goroutine wake-up
// on each side, a large share of a short line's time. A batch is never
// held back waiting for input: it goes as soon as no further whole line is
// read, so a line typed or piped in alone is answered at once.
const (
	batchLines = 64
	batchBytes = 64 << 10
)

// process answers every line of in on out, in order, using workers
// goroutines. It returns an error only if in cannot be read or out written.
func process(in io.Reader, out io.Writer, h handler, workers int) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		lines [][]byte
		errs  []error
		res   chan []byte
	}
	jobs := make(chan job, workers*4)
	order := make(chan chan []byte, workers*4)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				var b []byte
				for k, line := range j.lines {
					b = append(b, answer(line, j.errs[k], h)...)
				}
				j.res <- b
			}
		}()
	}
	w := bufio.NewWriterSize(out, 64<<10)
	var writeErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for res := range order {
			b := <-res
			if writeErr == nil {
				_, writeErr = w.Write(b)
			}
		}
		if writeErr == nil {
			writeErr = w.Flush()
		}
	}()
	var batch job
	size := 0
	send := func() {
		batch.res = make(chan []byte, 1)
		order <- batch.res
		jobs <- batch
		batch, size = job{}, 0
	}
	readErr := readLines(in, func(line []byte, err error, more bool) {
		batch.lines = append(batch.lines, bytes.Clone(line))
		batch.errs = append(batch.errs, err)
		size += len(line)
		if !more || len(batch.lines) >= batchLines || size >= batchBytes {
			send()
		}
	})
	if len(batch.lines) > 0 {
		send()
	}
	close(jobs)
	close(order)
	wg.Wait()
	<-done
	if readErr != nil {
		return fmt.Errorf("reading standard input: %w", readErr)
	}
	return writeErr
}

// answer handles one line; nothing a line holds can stop the run.
func answer(line []byte, lineErr error, h handler) (out []byte) {
	defer func() {
		if p := recover(); p != nil { // a bug must cost one line, not the run
			out = encode(errorLine{ID: lineID(line), Error: fmt.Sprintf("internal error: %v", p)})
		}
	}()
	switch {
	case lineErr != nil:
		return encode(errorLine{ID: lineID(line), Error: lineErr.Error()})
	case len(bytes.TrimSpace(line)) == 0:
		return encode(errorLine{ID: json.RawMessage("null"), Error: "empty line"})
	}
	return encode(h(line))
}

func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		b.Reset()
		fmt.Fprintf(&b, `{"id":null,"error":%q}`+"\n", "cannot encode answer: "+err.Error())
	}
	return b.Bytes()
}
