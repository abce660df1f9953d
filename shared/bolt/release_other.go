//go:build !unix

package bolt

// ReleasePages does nothing where madvise is not available.
func (s *Store) ReleasePages() error { return nil }
