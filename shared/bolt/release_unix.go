//go:build unix

package bolt

import (
	"unsafe"

	bbolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// ReleasePages lets the kernel drop the store file's pages from this
// process's resident memory; they stay in the page cache and come back on
// the next read. bbolt maps the whole file, so a long scan — a report over
// a million records — would otherwise keep every page it touched resident.
// Readers call it between pages of such a scan.
func (s *Store) ReleasePages() error {
	var err error
	_ = s.db.View(func(tx *bbolt.Tx) error {
		// Within a read transaction the mapping cannot move. The map is
		// read-only and shared with the file: dropping it loses nothing.
		size := int(tx.Size())
		if size == 0 {
			return nil
		}
		// The mapping is outside Go's heap: an address from bbolt's Info
		// is stable while the transaction holds the map.
		base := unsafe.Add(unsafe.Pointer(nil), s.db.Info().Data) // #nosec G103 -- bbolt's own mapping
		data := unsafe.Slice((*byte)(base), size)                 // #nosec G103 -- within the file's size
		err = unix.Madvise(data, unix.MADV_DONTNEED)
		return nil
	})
	return err
}
