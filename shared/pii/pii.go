// Package pii keeps buyers' personal data out of what agentiq stores: it
// redacts phone numbers, e-mail addresses, card and account numbers and the
// buyer's own name from texts, and turns WB client ids into keyed
// pseudonyms. agentiq must itself obey the rule it enforces on sellers: no
// collecting buyers' personal data from the chat.
package pii

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agentiq/agentiq/shared/rutext"
)

// Placeholders put where personal data was.
const (
	Phone   = "[телефон]"
	Email   = "[e-mail]"
	Card    = "[карта]"
	Account = "[счёт]"
	Name    = "[имя]"
)

// Pseudonymizer turns identifiers into keyed pseudonyms: the same id and
// key give the same pseudonym, and without the key it cannot be reversed
// or recomputed.
type Pseudonymizer struct{ key []byte }

// ErrWeakKey is a pseudonym key that is too short to be secret.
var ErrWeakKey = errors.New("pseudonym key must be at least 16 bytes")

// NewPseudonymizer returns a Pseudonymizer for key.
func NewPseudonymizer(key []byte) (*Pseudonymizer, error) {
	if len(key) < 16 {
		return nil, ErrWeakKey
	}
	return &Pseudonymizer{key: append([]byte(nil), key...)}, nil
}

// Pseudonym returns the pseudonym of an id in a namespace ("wb-client",
// "phone", …); an empty id stays empty.
func (p *Pseudonymizer) Pseudonym(namespace, id string) string {
	if id == "" {
		return ""
	}
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(namespace))
	m.Write([]byte{0})
	m.Write([]byte(id))
	return "p1_" + base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

var emailRe = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`)

// Redact returns text with phone numbers, e-mail addresses, card and
// account numbers replaced by placeholders, and with the given names (the
// buyer's, as WB gives it) and names introduced in the text ("меня зовут
// Анна") replaced by [имя]. Names are matched by word and stem, so their
// inflected forms go too.
func Redact(text string, names ...string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = emailRe.ReplaceAllString(text, Email)
	text = redactNumbers(text)
	return redactNames(text, names)
}

// redactNumbers replaces runs of digits (with the separators people type
// between them) that are phone, card or account numbers. Order numbers,
// article numbers, prices and dates are left alone.
func redactNumbers(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) && !(s[i] == '+' && i+1 < len(s) && isDigit(s[i+1])) {
			i++
			continue
		}
		start, end, digits, groups, dashes := i, i, 0, 1, 0
		j := i
		if s[j] == '+' {
			j++
		}
		for j < len(s) {
			if isDigit(s[j]) {
				digits++
				j++
				end = j
				continue
			}
			// one separator between digit groups: space, -, (, ), .
			k := j
			for k < len(s) && k-j < 2 && strings.IndexByte(" -().\u00a0", s[k]) >= 0 {
				k++
			}
			if k > j && k < len(s) && isDigit(s[k]) && !(s[j] == '.' && k == j+1 && digits <= 2) {
				groups++
				if s[j] == '-' {
					dashes++
				}
				j = k
				continue
			}
			break
		}
		if start > 0 && isWordByte(s[start-1]) || end < len(s) && isWordByte(s[end]) {
			i = end + 1 // part of a word or code (LOVE5, A123): not personal data
			continue
		}
		run := s[start:end]
		if ph := numberKind(run, digits, dashes); ph != "" {
			b.WriteString(s[last:start])
			b.WriteString(ph)
			last = end
		}
		i = end + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// numberKind says what a digit run is: a phone, card or account number, or
// "" for anything else.
func numberKind(run string, digits, dashes int) string {
	first := strings.TrimLeft(run, "+(")
	switch {
	case digits >= 13 && digits <= 19:
		return Card
	case digits == 20:
		return Account
	case digits == 11 && (first[0] == '7' || first[0] == '8'):
		return Phone
	case strings.HasPrefix(run, "+") && digits >= 10 && digits <= 15:
		return Phone
	case digits == 10 && first[0] == '9':
		return Phone // a mobile number without the country code
	case digits == 7 && dashes >= 2:
		return Phone // a city number written 123-45-67 (not a price: 2 500 000)
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports ASCII letters: digits joined to them are a code
// (LOVE5, A1234567890), not a number a person owns.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// word is a word of the original text with its place.
type word struct {
	start, end int
	text       string // folded
	upper      bool   // starts with a capital letter
}

func words(s string) []word {
	var out []word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && r2 != '-' && r2 != '\'' {
				break
			}
			j += sz
		}
		out = append(out, word{start: i, end: j, text: rutext.Fold(s[i:j]), upper: unicode.IsUpper(r)})
		i = j
	}
	return out
}

// nameBase drops a final vowel, й or ь from a name, leaving the part its
// inflected forms share (Алёна → ален: Алёну, Алёной; Сергей → серге).
func nameBase(name string) string {
	r := []rune(name)
	if len(r) > 3 && strings.ContainsRune("аеёиоуыэюяйь", r[len(r)-1]) {
		r = r[:len(r)-1]
	}
	return string(r)
}

// isForm reports whether w is the name with base, or one of its inflected
// forms: the base and at most three more letters. Short bases must match
// exactly.
func isForm(w, base string) bool {
	if w == base {
		return true
	}
	if utf8.RuneCountInString(base) < 3 || !strings.HasPrefix(w, base) {
		return false
	}
	return utf8.RuneCountInString(w[len(base):]) <= 3
}

// introductions are phrases after which people write their name.
var introductions = [][]string{
	{"меня", "зовут"}, {"мое", "имя"}, {"моя", "фамилия"}, {"фио"}, {"с", "уважением"},
	{"получатель"}, {"на", "имя"},
}

func redactNames(s string, names []string) string {
	ws := words(s)
	if len(ws) == 0 {
		return s
	}
	var bases []string
	for _, n := range names {
		for _, w := range words(n) {
			if utf8.RuneCountInString(w.text) >= 2 {
				bases = append(bases, nameBase(w.text))
			}
		}
	}
	hide := map[int]bool{}
	for i, w := range ws {
		for _, base := range bases {
			// Known names go in any case ("алёна"); a short one only
			// capitalised, so that it is not taken for an ordinary word.
			if isForm(w.text, base) && (w.upper || utf8.RuneCountInString(w.text) > 2) {
				hide[i] = true
			}
		}
	}
	// "меня зовут Анна Петрова", "ФИО: Иванов Иван": the next capitalised
	// words are a name.
	for i := range ws {
		for _, intro := range introductions {
			if i+len(intro) > len(ws) {
				continue
			}
			ok := true
			for k, p := range intro {
				if ws[i+k].text != p {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for k := i + len(intro); k < len(ws) && k < i+len(intro)+3 && ws[k].upper; k++ {
				hide[k] = true
			}
		}
	}
	if len(hide) == 0 {
		return s
	}
	idx := make([]int, 0, len(hide))
	for i := range hide {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	var b strings.Builder
	last := 0
	for _, i := range idx {
		b.WriteString(s[last:ws[i].start])
		b.WriteString(Name)
		last = ws[i].end
	}
	b.WriteString(s[last:])
	return b.String()
}
