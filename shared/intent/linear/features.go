// Package linear is the statistical second opinion beside the lexicons: a
// one-vs-rest logistic regression over stems, stem pairs, negated stems
// and character n-grams of an analysed text. It is trained in pure Go,
// deterministically (fixed order, fixed epochs, sorted features), and its
// weights are a text file the classifier and the linter embed.
package linear

import (
	"unicode/utf8"

	"github.com/agentiq/agentiq/shared/rutext"
)

// FeatureVersion changes whenever the features a text yields change, so
// that weights trained on other features are refused.
const FeatureVersion = 1

// negator reports whether w makes the next word (in the clause) negated:
// "не нужна скидка" is not "нужна скидка".
func negator(w string) bool {
	switch w {
	case "не", "ни", "нет", "без", "not", "no":
		return true
	}
	return false
}

// intensifier words keep a negation going: "не очень нужна".
func intensifier(w string) bool { return w == "очень" || w == "совсем" || w == "особо" }

// Features calls emit with each feature of d, as bytes valid only during
// the call. The same text always yields the same features in the same order.
func Features(d *rutext.Doc, buf []byte, emit func(f []byte)) []byte {
	return walk(d, buf, func(t *rutext.Token, buf []byte) (string, []byte) {
		s := tokenKey(t)
		if s == "" {
			return "", buf
		}
		return s, wordFeatures(t, s, buf, emit)
	}, emit)
}

// walk visits the tokens of d: word takes each token's own features (which
// Predict caches per word) and returns what stands for it (tokenKey), and
// emit gets the features of the token in its context (a negation before
// it, the token before it).
func walk(d *rutext.Doc, buf []byte, word func(t *rutext.Token, buf []byte) (string, []byte), emit func([]byte)) []byte {
	prevSent, prevClause := int32(-1), int32(-1)
	var prev string
	negated := false
	for i := range d.Tokens {
		t := &d.Tokens[i]
		var s string
		s, buf = word(t, buf)
		if s == "" {
			continue
		}
		if t.Clause != prevClause {
			negated = false
		}
		if negated && t.Kind == rutext.Word {
			buf = append(buf[:0], "n "...)
			buf = append(buf, s...)
			emit(buf)
		}
		if t.Sentence == prevSent && prev != "" {
			buf = append(buf[:0], "b "...)
			buf = append(buf, prev...)
			buf = append(buf, ' ')
			buf = append(buf, s...)
			emit(buf)
		}
		if t.Kind == rutext.Word {
			negated = negator(t.Text) || negated && intensifier(t.Text)
		}
		prev, prevSent, prevClause = s, t.Sentence, t.Clause
	}
	return buf
}

// tokenKey is what stands for a token in features: a word's stem, "#" for
// a number, the mark, emoji or symbol itself; "" for nothing.
func tokenKey(t *rutext.Token) string {
	switch t.Kind {
	case rutext.Word:
		return t.Stem()
	case rutext.Number:
		return "#"
	case rutext.Mark, rutext.Emoji, rutext.Symbol:
		return t.Text
	}
	return ""
}

// wordFeatures emits the features of a token alone: its stem and, for a
// word, its letter n-grams.
func wordFeatures(t *rutext.Token, s string, buf []byte, emit func([]byte)) []byte {
	buf = append(buf[:0], "w "...)
	buf = append(buf, s...)
	emit(buf)
	if t.Kind == rutext.Word {
		buf = charGrams(buf, t.Text, emit)
	}
	return buf
}

// charGrams emits the 3- and 4-letter pieces of a word padded with "^" and
// "$": they carry a misspelt or unseen form of a known word.
func charGrams(buf []byte, w string, emit func([]byte)) []byte {
	if utf8.RuneCountInString(w) > 24 {
		return buf
	}
	var starts [32]int
	n := 0
	starts[n] = 0 // the "^"
	n++
	for i := range w {
		starts[n] = i + 1 // offset in "^"+w
		n++
	}
	padded := len(w) + 2
	starts[n] = padded - 1 // the "$"
	n++
	word := make([]byte, 0, 64)
	word = append(word, '^')
	word = append(word, w...)
	word = append(word, '$')
	for _, k := range []int{3, 4} {
		for i := 0; i+k <= n; i++ {
			end := padded
			if i+k < n {
				end = starts[i+k]
			}
			buf = append(buf[:0], 'c', byte('0'+k), ' ')
			buf = append(buf, word[starts[i]:end]...)
			emit(buf)
		}
	}
	return buf
}
