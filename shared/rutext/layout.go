package rutext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qwerty maps the keys of a US keyboard to the Russian (ЙЦУКЕН) letters and
// marks on the same keys: a buyer who forgot to switch the layout types
// "ghbdtn" for "привет" and "&" for "?".
var qwerty = func() map[rune]rune {
	const us = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`" + `QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?~&@#$^`
	const ru = "йцукенгшщзхъфывапролджэячсмитьбю.ё" + `ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё?"№;:`
	m := map[rune]rune{}
	r := []rune(ru)
	for i, c := range us {
		m[c] = r[i]
	}
	return m
}()

// readLayout returns the Russian a message typed on the wrong keyboard
// layout spells ("rjulf ljcnfdrf&" → "когда доставка?"), and whether it is
// one: most of the words it reads as are correct Russian words
// (realUncached, or the short words the dictionary leaves out), at least
// one of them a dictionary word of four letters or more — which
// transliteration and English never read as.
func readLayout(text string) (string, bool) {
	ru := layoutWord(text)
	words, real, content := 0, 0, 0
	for _, w := range strings.FieldsFunc(ru, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !isCyrillic([]rune(w)[0]) {
			continue // digits and letters the layout leaves alone
		}
		words++
		switch {
		case realUncached(w):
			real++
			if utf8.RuneCountInString(w) >= 4 { // "Dct" for "все" is no message read
				content++
			}
		case functionWords[Fold(w)]:
			real++
		}
		if words > layoutWords && real*10 < words*layoutShare {
			return text, false // a long Latin text that is not such a message: stop looking
		}
	}
	if content == 0 || real*10 < words*layoutShare { // "yt" alone is no message read
		return text, false
	}
	return ru, true
}

// A wrong-layout message is one whose words are at least layoutShare
// tenths correct Russian words; past layoutWords words a text that falls
// short is given up (a long English draft costs a few lookups, not one a
// word).
const (
	layoutShare = 7
	layoutWords = 8
)

// functionWords are the short words the real-word dictionary leaves out
// (it lists stems of four letters and more): a wrong-layout message is
// full of them ("yt gbibnt vyt" → "не пишите мне"); and the chat's
// abbreviations, which no dictionary lists ("jngbibnt vtyz gkp" →
// "отпишите меня плз").
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`а и в во на с со к ко о об от до по за из у не ни ли да нет же бы
		я ты он она оно мы вы они мне меня мной нам нас вам вас вами ему его ей её ее им их
		мой моя моё мое мои ваш ваша ваше ваши наш наша это эти тот та то те так как где
		когда что чем уже ещё еще все всё вот там тут тоже или но если для при без под над
		про через сейчас щас можно нужно надо очень только почему зачем кто чей сколько
		плз плиз пж пжл пжлст спс пасиб оч ок окей норм чё че хз`) {
		m[w] = true
	}
	return m
}()
