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

// --- subjects and consents -------------------------------------------------------

func consentKey(c agentiq.Consent) []byte {
	return key(c.SellerID, c.SubjectKey, c.Purpose, c.Channel, timeKey(c.GrantedAt))
}

// Subject returns a subject with its consents.
func (s *Store) Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error) {
	var out agentiq.Subject
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		sub, ok, err := get[agentiq.Subject](tx.Bucket(bSubjects), key(seller, subjectKey))
		if err != nil {
			return err
		}
		pre := prefix(seller, subjectKey)
		c := tx.Bucket(bConsents).Cursor()
		for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var con agentiq.Consent
			if err := json.Unmarshal(v, &con); err != nil {
				return fmt.Errorf("bolt: corrupt consent: %w", err)
			}
			sub.Consents = append(sub.Consents, con)
			ok = true
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

// RecordConsent stores a consent; the same consent twice is ErrExists.
func (s *Store) RecordConsent(ctx context.Context, c agentiq.Consent) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.RecordedAt.IsZero() {
		c.RecordedAt = s.cfg.Now()
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, c.SellerID); err != nil {
			return err
		}
		k := consentKey(c)
		if tx.Bucket(bConsents).Get(k) != nil {
			return fmt.Errorf("consent: %w", agentiq.ErrExists)
		}
		if err := put(tx.Bucket(bConsents), k, c); err != nil {
			return err
		}
		return tx.Bucket(bConsentTime).Put(append(key(c.SellerID, timeKey(c.RecordedAt)), append([]byte{0}, k...)...), nil)
	})
}

// WithdrawConsent marks the subject's current consents for purpose and
// channel withdrawn at `at`.
func (s *Store) WithdrawConsent(ctx context.Context, seller, subjectKey, purpose, channel string, at time.Time) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bConsents)
		pre := prefix(seller, subjectKey, purpose, channel)
		found := false
		var updates []agentiq.Consent
		c := b.Cursor()
		for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var con agentiq.Consent
			if err := json.Unmarshal(v, &con); err != nil {
				return fmt.Errorf("bolt: corrupt consent: %w", err)
			}
			if con.WithdrawnAt == nil && !con.GrantedAt.After(at) {
				w := at
				con.WithdrawnAt = &w
				updates = append(updates, con)
			}
			found = true
		}
		if !found {
			return fmt.Errorf("consent: %w", agentiq.ErrNotFound)
		}
		for _, con := range updates {
			if err := put(b, consentKey(con), con); err != nil {
				return err
			}
		}
		return nil
	})
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
		sub.SellerID, sub.Key, sub.Consents = seller, subjectKey, nil
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

// ConsentsBetween returns consents recorded in [from, to).
func (s *Store) ConsentsBetween(ctx context.Context, seller string, from, to time.Time) ([]agentiq.Consent, error) {
	var out []agentiq.Consent
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		lo, hi := key(seller, timeKey(from)), key(seller, timeKey(to))
		c := tx.Bucket(bConsentTime).Cursor()
		for k, _ := c.Seek(lo); k != nil && bytes.HasPrefix(k, pre) && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
			con, ok, err := get[agentiq.Consent](tx.Bucket(bConsents), k[len(pre)+9:])
			if err != nil {
				return err
			}
			if ok {
				out = append(out, con)
			}
		}
		return nil
	})
	return out, err
}
