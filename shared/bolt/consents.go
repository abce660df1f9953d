package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

// --- subjects and the consent register -------------------------------------------------

// consentRef is what the record-id index keeps: the event's fingerprint
// (to tell a repeat from a clash) and where the event is.
type consentRef struct {
	Fingerprint string `json:"fingerprint"`
	Key         []byte `json:"key"`
}

// Subject returns a subject's state.
func (s *Store) Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error) {
	var out agentiq.Subject
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		sub, ok, err := get[agentiq.Subject](tx.Bucket(bSubjects), key(seller, subjectKey))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("subject: %w", agentiq.ErrNotFound)
		}
		sub.SellerID, sub.Key = seller, subjectKey
		out = sub
		return nil
	})
	return out, err
}

// RegisterConsent appends a consent event and its audit record in one
// transaction; a record id already registered is stored once.
func (s *Store) RegisterConsent(ctx context.Context, e agentiq.ConsentEvent) (bool, error) {
	e, fp, entry, err := agentiq.PrepareConsent(e, s.cfg.Now())
	if err != nil {
		return false, err
	}
	created := false
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, e.SellerID); err != nil {
			return err
		}
		idKey := key(e.SellerID, e.RecordID)
		ref, ok, err := get[consentRef](tx.Bucket(bConsentIDs), idKey)
		if err != nil {
			return err
		}
		if ok {
			if ref.Fingerprint != fp {
				return fmt.Errorf("consent record %s: %w: the id is registered for a different event", e.RecordID, agentiq.ErrConflict)
			}
			return nil
		}
		ek := key(e.SellerID, e.SubjectKey, timeKey(e.At), e.RecordID)
		if err := put(tx.Bucket(bConsents), ek, e); err != nil {
			return err
		}
		if err := put(tx.Bucket(bConsentIDs), idKey, consentRef{Fingerprint: fp, Key: ek}); err != nil {
			return err
		}
		if err := tx.Bucket(bConsentTime).Put(key(e.SellerID, timeKey(e.At), e.RecordID), ek); err != nil {
			return err
		}
		if _, err := appendIn(tx, e.SellerID, entry); err != nil {
			return err
		}
		created = true
		return nil
	})
	return created, err
}

// ConsentEvents returns a subject's consent events in time order.
func (s *Store) ConsentEvents(ctx context.Context, seller, subjectKey string) ([]agentiq.ConsentEvent, error) {
	var out []agentiq.ConsentEvent
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller, subjectKey)
		c := tx.Bucket(bConsents).Cursor()
		for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var e agentiq.ConsentEvent
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("bolt: corrupt consent event: %w", err)
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// consentPage is how many events ConsentEventsBetween reads per
// transaction: fn runs outside it, so it may use the store.
const consentPage = 512

// ConsentEventsBetween calls fn with each event dated in [from, to), in
// time order.
func (s *Store) ConsentEventsBetween(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error {
	pre := prefix(seller)
	hi := key(seller, timeKey(to))
	next := key(seller, timeKey(from))
	for next != nil {
		page := make([]agentiq.ConsentEvent, 0, consentPage)
		err := s.view(ctx, func(tx *bbolt.Tx) error {
			c := tx.Bucket(bConsentTime).Cursor()
			k, ek := c.Seek(next)
			next = nil
			for ; k != nil && bytes.HasPrefix(k, pre) && bytes.Compare(k, hi) < 0; k, ek = c.Next() {
				if len(page) == consentPage {
					next = slices.Clone(k)
					return nil
				}
				e, ok, err := get[agentiq.ConsentEvent](tx.Bucket(bConsents), ek)
				if err != nil {
					return err
				}
				if ok {
					page = append(page, e)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) changeSubject(ctx context.Context, seller, subjectKey string, change func(*agentiq.Subject)) error {
	if subjectKey == "" {
		return fmt.Errorf("%w: empty subject key", agentiq.ErrInvalid)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, seller); err != nil {
			return err
		}
		sub, _, err := get[agentiq.Subject](tx.Bucket(bSubjects), key(seller, subjectKey))
		if err != nil {
			return err
		}
		sub.SellerID, sub.Key = seller, subjectKey
		change(&sub)
		return put(tx.Bucket(bSubjects), key(seller, subjectKey), sub)
	})
}

// RecordOptOut records a subject's opt-out (the first one stands).
func (s *Store) RecordOptOut(ctx context.Context, seller, subjectKey string, at time.Time, evidence string) error {
	return s.changeSubject(ctx, seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.OptedOutAt == nil {
			sub.OptedOutAt, sub.OptOutRef = &at, evidence
		}
	})
}

// SubjectMarketingWindow is how long a subject keeps marketing send times.
const SubjectMarketingWindow = agentiq.ChatMarketingWindow

// RecordMarketing adds a marketing send to a subject's history.
func (s *Store) RecordMarketing(ctx context.Context, seller, subjectKey string, ch agentiq.Channel, at time.Time) error {
	if !ch.Valid() {
		return fmt.Errorf("%w: channel %q", agentiq.ErrInvalid, ch)
	}
	return s.changeSubject(ctx, seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.MarketingSentAt == nil {
			sub.MarketingSentAt = map[agentiq.Channel][]time.Time{}
		}
		list := append(sub.MarketingSentAt[ch], at)
		sub.MarketingSentAt[ch] = slices.DeleteFunc(list, func(t time.Time) bool { return at.Sub(t) > SubjectMarketingWindow })
	})
}
