package rutext

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// english are Latin words buyers write as English, brand or unit names
// even in a Russian message: they are kept as they are, and a message made
// mostly of them is English, not transliterated Russian.
var english = map[string]bool{
	"stop": true, "pls": true, "plz": true, "please": true, "ok": true, "okay": true, "thanks": true,
	"thank": true, "thx": true, "you": true, "unsubscribe": true, "unsub": true, "remove": true, "me": true, "from": true,
	"the": true, "list": true, "no": true, "not": true, "yes": true, "sale": true, "cashback": true,
	"iphone": true, "ipad": true, "apple": true, "samsung": true, "xiaomi": true, "android": true,
	"usb": true, "type": true, "wifi": true, "bluetooth": true, "size": true, "xl": true, "xxl": true,
	"xs": true, "wb": true, "ozon": true, "promo": true, "hello": true, "hi": true, "and": true,
	"or": true, "is": true, "it": true, "my": true, "order": true, "where": true, "when": true,
	"spam": true, "lol": true, "wtf": true, "omg": true, "to": true, "of": true, "for": true, "a": true,
	"in": true, "on": true, "do": true, "don't": true, "dont": true, "send": true, "more": true,
	"messages": true, "message": true, "mail": true, "email": true, "e-mail": true, "sms": true,
	"pro": true, "max": true, "mini": true, "plus": true, "air": true, "watch": true, "led": true,
	// an IT buyer's half-English ("any alternative с aptX?", "bulk discount на 10 шт")
	"alternative": true, "alternatives": true, "similar": true, "analogue": true,
	"discount": true, "discounts": true, "coupon": true, "promocode": true, "cheaper": true, "bulk": true,
	"bigger": true, "smaller": true,
}

// softSign are transliterated words whose soft sign writers drop, read
// back with it (the plain letter-for-letter reading is another word or none).
var softSign = map[string]string{
	"est": "есть", "bolshe": "больше", "dengi": "деньги", "deneg": "денег", "vernut": "вернуть",
	"tolko": "только", "pismo": "письмо", "pisma": "письма", "mozhet": "может", "nuzhno": "нужно",
	"seichas": "сейчас", "seychas": "сейчас", "vsego": "всего", "pozhaluysta": "пожалуйста",
	"pozhaluista": "пожалуйста", "pojaluista": "пожалуйста", "obmenyat": "обменять",
	"pomenyat": "поменять", "sdat": "сдать", "kupit": "купить", "poluchit": "получить",
	"otpravit": "отправить", "oformit": "оформить", "otmenit": "отменить", "vkluchaetsya": "включается",
	"rabotat": "работать", "malenkiy": "маленький", "malenkii": "маленький", "bolshoy": "большой",
	"bolshoi": "большой", "bolshaya": "большая", "bolshoe": "большое", "skolko": "сколько",
	"polzovat": "пользоваться", "nravitsya": "нравится", "podoidet": "подойдет", "podoydet": "подойдет",
}

// digraphs are read before single letters, longest first.
var digraphs = []struct{ lat, cyr string }{
	{"shch", "щ"}, {"tsya", "тся"}, {"tsa", "тса"}, {"sch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ch", "ч"},
	{"sh", "ш"}, {"ts", "ц"}, {"yu", "ю"}, {"ya", "я"}, {"yo", "ё"}, {"ye", "е"}, {"ju", "ю"},
	{"ja", "я"}, {"jo", "ё"},
}

var letters = map[byte]string{
	'a': "а", 'b': "б", 'v': "в", 'g': "г", 'd': "д", 'e': "е", 'z': "з", 'i': "и", 'j': "й",
	'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'r': "р", 's': "с", 't': "т",
	'u': "у", 'f': "ф", 'h': "х", 'c': "ц", 'y': "ы", 'w': "в", 'x': "кс", 'q': "к", '\'': "ь",
	'4': "ч", // "4to", "po4tu": the digit that looks like ч
}

func isVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// ReadAsRussian returns the Russian a message typed in Latin
// transliteration spells ("skidku sdelaete?" → "скидку сделаете?"). In a
// Russian message, a Latin word that spells a correct Russian word is read
// as that word (readMixed). A message whose Latin words are mostly English
// is returned unchanged.
func ReadAsRussian(text string) string {
	if ru := ReadLatinMessage(text); ru != text {
		return ru
	}
	return ReadMixed(text)
}

// ReadLatinMessage is ReadAsRussian for a message typed wholly in Latin
// letters only: a Russian text with Latin words is returned unchanged.
func ReadLatinMessage(text string) string {
	if hasCyrillic(text) {
		latin, ok := latinLookalikes(text)
		if !ok {
			return text
		}
		if ru := readLatin(latin); ru != latin {
			return ru
		}
		return text
	}
	return readLatin(text)
}

// latinLookalikes returns a Latin message whose only Cyrillic letters are
// look-alikes typed inside Latin words ("Zа otzyv 5 zvezd": a Cyrillic
// "а" after a Latin "Z") with those letters made Latin (latinLookAlike,
// the folding's table the other way round), and whether text is such a
// message. A Russian text fails at its first Cyrillic word, which has no
// Latin letter.
func latinLookalikes(text string) (string, bool) {
	inWord, cyr, lat := false, false, false
	for _, r := range text {
		if unicode.IsLetter(r) {
			if !inWord {
				inWord, cyr, lat = true, false, false
			}
			if r < utf8.RuneSelf {
				lat = true
			} else if _, ok := latinLookAlike[unicode.ToLower(r)]; ok {
				cyr = true
			} else if isCyrillic(r) {
				return "", false
			}
			continue
		}
		if inWord && cyr && !lat {
			return "", false
		}
		inWord = false
	}
	if inWord && cyr && !lat {
		return "", false
	}
	return strings.Map(func(r rune) rune {
		if l, ok := latinLookAlike[unicode.ToLower(r)]; ok {
			return l
		}
		return r
	}, text), true
}

// hasCyrillic reports whether text has a Cyrillic letter (UTF-8 lead bytes
// 0xD0–0xD3): in a Russian message, most often its first byte.
func hasCyrillic(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 0xD0 && c <= 0xD3 {
			return true
		}
	}
	return false
}

// ReadMixed reads the Latin words of a Russian message as the Russian
// they spell where that is a correct word (readMixed); any other text is
// returned unchanged.
func ReadMixed(text string) string {
	if hasCyrillic(text) {
		return readMixed(text)
	}
	return text
}

// readLatin reads a text without Cyrillic letters as the Russian it spells
// when most of its Latin words are not English.
func readLatin(text string) string {
	latin, foreign := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 0x400 && r <= 0x4ff {
			return text
		}
		if len(w) < 2 || !isASCIIWord(w) {
			continue
		}
		latin++
		if english[strings.ToLower(w)] {
			foreign++
		}
	}
	for _, r := range text {
		if r >= 0x400 && r <= 0x4ff {
			return text
		}
	}
	if ru, ok := readLayout(text); ok { // "rjulf ljcnfdrf&": the keyboard left on its US layout
		return ru
	}
	if latin == 0 || foreign*2 > latin {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) * 2)
	budget := secondReadings
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (isASCIILetter(text[j]) || text[j] == '\'' && j > i || isCheDigit(text, i, j)) {
			j++
		}
		if j == i {
			b.WriteByte(text[i])
			i++
			continue
		}
		b.WriteString(translitDigits(text[i:j], &budget))
		i = j
	}
	return b.String()
}

// secondReadings bounds the words of one message whose second readings
// are tried: each is a few dictionary lookups, and a long message of
// ambiguous letters must not cost more than the rest of its checks.
const secondReadings = 64

// translitDigits reads a word that may hold a 4 written for ч ("po4tu"),
// which it is only when the reading is a Russian word: "4xl", "4k" and
// "iphone 4s" keep their digit.
func translitDigits(w string, budget *int) string {
	ru, real := translitWord(w, budget)
	if real || !strings.Contains(w, "4") {
		return ru
	}
	var b strings.Builder
	for k, part := range strings.Split(w, "4") {
		if k > 0 {
			b.WriteByte('4')
		}
		if part != "" {
			ru, _ := translitWord(part, budget)
			b.WriteString(ru)
		}
	}
	return b.String()
}

// realUncached is RealWord without the stem cache: the candidate readings
// of a Latin word are mostly not words, and must not push the hot stems
// out of the cache.
func realUncached(w string) bool {
	stem := snowballStem(Fold(w))
	return RealStem(stem) || buyerStems[stem]
}

// buyerStems are the stems of the marketplace's own words, which buyers
// type in Latin too ("promokod est'?") and no dictionary of 2010s Russian
// lists.
var buyerStems = map[string]bool{"промокод": true, "промокодик": true, "промик": true, "скидочк": true, "скидос": true,
	"купончик": true, "кешбэк": true, "кэшбэк": true, "кешбек": true, "маркетплейс": true}

// readMixed reads the Latin words of a Russian message ("skidochku можно?")
// as the Russian they spell when that is a correct Russian word of four
// letters or more (the real-word dictionary): brand names, English words
// and links stay as written. A word typed with the keyboard left on its US
// layout ("ghbdtn, кабель …", "ult vjq pfrfp&&& неделю едет") is read
// through ЙЦУКЕН when that is a correct word that looks typed so
// (layoutLike); once one is, the other words that read as correct words
// ("vjue" → "могу") or function words ("ult" → "где", "vjq" → "мой"), and
// the "&" typed for "?" after them, are read so too.
func readMixed(text string) string {
	type reading struct {
		i, j   int
		ru     string
		layout bool // a word read through the layout, kept only beside one that looks typed so
	}
	var rs []reading
	layoutSeen := false
	budget := secondReadings
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (isASCIILetter(text[j]) || text[j] == '\'' && j > i) {
			j++
		}
		if j == i {
			i++
			continue
		}
		w := text[i:j]
		// a word inside a link, an address or a handle is left alone
		inLink := i > 0 && strings.IndexByte("./@:_-", text[i-1]) >= 0 || j < len(text) && strings.IndexByte("./@:_-", text[j]) >= 0
		// a code ("VESNA10"), an acronym or a name ("Ivan Petrov") is written
		// with capitals or beside digits; a capital that only starts a
		// sentence ("Promokod est'? Хочу …") is an ordinary word
		code := strings.ToLower(w[1:]) != w[1:] || isASCIIUpper(w[0]) && !sentenceStart(text, i) ||
			i > 0 && isASCIIDigit(text[i-1]) || j < len(text) && isASCIIDigit(text[j])
		if inLink || code || english[strings.ToLower(w)] {
			i = j
			continue
		}
		if len(w) >= 4 {
			if ru, real := translitWord(w, &budget); real {
				rs = append(rs, reading{i: i, j: j, ru: ru})
				i = j
				continue
			}
		}
		// the wrong layout: the word with the marks typed for letters on
		// the same keys (",hfr" for "брак", "cgfcb,j" for "спасибо")
		// (the span may run past the word, over the marks typed for
		// letters and the words after them: the next word starts past it,
		// or two readings would overlap)
		li, lj := layoutSpan(text, i, j)
		lw := text[li:lj]
		ru := layoutWord(lw)
		switch {
		case len(lw) >= 4 && realUncached(ru):
			// a four-letter word that may be English ("cert" → "суке")
			// is read only beside one that looks typed so
			like := layoutLike(lw)
			lj = layoutMarks(text, lj)
			rs = append(rs, reading{i: li, j: lj, layout: !like})
			layoutSeen = layoutSeen || like
		case len(lw) >= 2 && len(lw) < 4 && functionWords[Fold(ru)]:
			lj = layoutMarks(text, lj)
			rs = append(rs, reading{i: li, j: lj, layout: true})
		default:
			lj = j
		}
		i = lj
	}
	var b strings.Builder
	last := 0 // text[:last] is in b
	for _, r := range rs {
		if r.layout && !layoutSeen {
			continue
		}
		if r.ru == "" {
			r.ru = layoutWord(text[r.i:r.j])
		}
		b.WriteString(text[last:r.i])
		b.WriteString(r.ru)
		last = r.j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// layoutWord maps the keys of w to the ЙЦУКЕН letters and marks on them.
func layoutWord(w string) string {
	return strings.Map(func(r rune) rune {
		if c, ok := qwerty[r]; ok {
			return c
		}
		return r
	}, w)
}

// layoutLike reports whether a Latin word looks typed on the wrong layout
// rather than written in a Latin alphabet: five letters or more, or a run
// of three consonants no English or transliterated word of four letters
// has ("ghbdtn", "pfrfp"; not "cert" or "this", which the layout reads as
// "суке" and "ершы").
func layoutLike(w string) bool {
	if len(w) >= 5 {
		return true
	}
	run := 0
	for i := 0; i < len(w); i++ {
		if isVowel(w[i] | 0x20) {
			run = 0
		} else if run++; run >= 3 {
			return true
		}
	}
	return false
}

// layoutKeys are the marks on the keys of Russian letters (",", ".", ";",
// "'", "[", "]", "`" for б, ю, ж, э, х, ъ, ё).
const layoutKeys = ",.;'[]`"

// layoutSpan extends the Latin word text[i:j] over the marks typed inside
// and in front of it on the wrong layout (",hfr", "k.,k"): marks run into
// the word when a letter follows them, and marks in front count when a
// space or the text's start stands before them.
func layoutSpan(text string, i, j int) (int, int) {
	for k := j; k < len(text); k++ {
		if isASCIILetter(text[k]) {
			j = k + 1
		} else if strings.IndexByte(layoutKeys, text[k]) < 0 {
			break
		}
	}
	k := i
	for k > 0 && strings.IndexByte(layoutKeys, text[k-1]) >= 0 {
		k--
	}
	if k < i && (k == 0 || text[k-1] == ' ') {
		i = k
	}
	return i, j
}

// layoutMarks extends a wrong-layout word ending at j over the "&" typed
// for "?" right after it.
func layoutMarks(text string, j int) int {
	for j < len(text) && text[j] == '&' {
		j++
	}
	return j
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// sentenceStart reports whether text[i] begins the text or a sentence:
// only spaces stand between it and the text's start or a full stop, a
// question or an exclamation mark, or a line break.
func sentenceStart(text string, i int) bool {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	return i == 0 || strings.IndexByte(".!?\n", text[i-1]) >= 0
}

// isCheDigit reports whether text[j] is a 4 written for ч inside the word
// that starts at i: a letter follows it, and no digit stands beside it.
func isCheDigit(text string, i, j int) bool {
	if text[j] != '4' || j+1 >= len(text) || !isASCIILetter(text[j+1]) {
		return false
	}
	return j > i || i == 0 || !isASCIIDigit(text[i-1]) && !isASCIILetter(text[i-1])
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) && w[i] != '\'' {
			return false
		}
	}
	return true
}

// translitWord reads one Latin word as Russian; an English word and a
// capital letter alone (a size, "M") stay as they are, a small one is a
// preposition or a conjunction ("s", "v", "i"). Where the plain reading is
// no Russian word, the letters people use for two sounds are tried the
// other way — i for ы ("vybirite"), w for ш and x for х ("xorowo"), j for
// ж ("nujen") — all of them first, as a writer uses a scheme throughout;
// at most *budget words of a message get these tries. real says whether
// the reading is a correct Russian word.
func translitWord(w string, budget *int) (ru string, real bool) {
	ru = translitPlain(w)
	if *budget <= 0 { // the message's tries are spent: the plain reading, unchecked
		return ru, false
	}
	// one lookup more, outside the budget: only a word ending so pays it
	if v, ok := shortIRestored(w, ru); ok {
		return v, true
	}
	if real = realUncached(ru); real || len(w) < 4 {
		return ru, real
	}
	*budget--
	low := strings.ToLower(w)
	// a word-initial e is е as often as э: "est'" is "есть"
	if low[0] == 'e' {
		if v := "е" + translitPlain(low[1:]); realUncached(v) {
			return v, true
		}
	}
	var at []int // positions of the ambiguous letters
	for i := 0; i < len(low) && len(at) < 5; i++ {
		if c := low[i]; c == 'i' && i > 0 && !isVowel(low[i-1]) || c == 'w' || c == 'x' || c == 'j' {
			at = append(at, i)
		}
	}
	for mask := 1<<len(at) - 1; mask >= 1; mask-- {
		var b strings.Builder
		last := 0
		for k, i := range at {
			if mask&(1<<k) == 0 {
				continue
			}
			b.WriteString(low[last:i])
			b.WriteString(otherReading[low[i]])
			last = i + 1
		}
		b.WriteString(low[last:])
		if v := translitPlain(b.String()); realUncached(v) {
			return v, true
		}
	}
	if v, ok := softSignRestored(ru); ok {
		return v, true
	}
	return ru, false
}

// shortIRestored reads a Latin "oi", "ei" or "ui" as ои, еи, уи rather
// than ой, ей, уй before the endings that mostly follow и ("stoit" is
// "стоит", "svoih" "своих", "dom stroit" "дом строит"), when that makes a
// correct word: the й reading can pass for a word by its stem ("стойт"
// shares "стойте"'s), and the dictionary holds stems, not forms. A й the
// writer typed as y or j stays, and so does "ai": the loanwords whose й
// takes these endings are mostly -айт, -айм ("kilobait", "kopirait").
// "zdravstvuite" keeps its й ("те" is no such ending).
func shortIRestored(w, ru string) (string, bool) {
	i := strings.LastIndex(ru, "й")
	if i <= 0 || !iEndings[ru[i+len("й"):]] || !latinVowelI(w) {
		return ru, false
	}
	if v := ru[:i] + "и" + ru[i+len("й"):]; realUncached(v) {
		return v, true
	}
	return ru, false
}

// latinVowelI reports whether a Latin word has an i after o, e or u (the
// letters translitPlain reads as й after a vowel).
func latinVowelI(w string) bool {
	low := strings.ToLower(w)
	return strings.Contains(low, "oi") || strings.Contains(low, "ei") || strings.Contains(low, "ui")
}

// iEndings mostly follow и, not й, at the end of a word (against сайт,
// тайм, займ, пойми: loanwords and imperatives, which the dictionary
// check and the "ai" rule keep).
var iEndings = map[string]bool{"т": true, "тся": true, "ться": true, "м": true, "ми": true, "х": true, "ш": true, "шь": true}

// softSignRestored reads back the soft signs a Latin spelling drops
// ("bolshie" → "большие", "tolko" → "только", "mozhesh" → "можешь",
// "polzovatsya" → "пользоваться"): a ь after a consonant that precedes
// another consonant or ends the word, one or two of them, when that makes
// a correct word and the plain reading was none.
func softSignRestored(ru string) (string, bool) {
	r := []rune(ru)
	var at []int // positions a ь may follow
	for i := 0; i < len(r) && len(at) < 4; i++ {
		if !softable(r[i]) {
			continue
		}
		if i+1 == len(r) || isCyrConsonant(r[i+1]) {
			at = append(at, i)
		}
	}
	// one sign first, then two: the fewest changes that make a word
	for n := 1; n <= 2; n++ {
		for mask := 1; mask < 1<<len(at); mask++ {
			if bits.OnesCount(uint(mask)) != n {
				continue
			}
			var b strings.Builder
			for i, c := range r {
				b.WriteRune(c)
				for k, p := range at {
					if p == i && mask&(1<<k) != 0 {
						b.WriteRune('ь')
					}
				}
			}
			if v := b.String(); realUncached(v) {
				return v, true
			}
		}
	}
	return ru, false
}

// softable are the consonants a soft sign follows in everyday words.
func softable(c rune) bool { return strings.ContainsRune("лнтдсзрмвпбфшчж", c) }

func isCyrConsonant(c rune) bool {
	return strings.ContainsRune("бвгджзйклмнпрстфхцчшщ", c)
}

// otherReading is the second reading of a Latin letter, in Latin.
var otherReading = map[byte]string{'i': "y", 'w': "sh", 'x': "h", 'j': "zh"}

// translitPlain reads one Latin word letter by letter.
func translitPlain(w string) string {
	low := strings.ToLower(w)
	if len(w) == 1 {
		if w == low && strings.Contains("svkiaouy", w) {
			return letters[w[0]]
		}
		return w
	}
	if english[low] {
		return w
	}
	if s, ok := softSign[low]; ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(low); {
		if i == 0 && low[0] == 'e' {
			b.WriteString("э") // word-initial e is э: "eto", "ekran"
			i++
			continue
		}
		matched := false
		for _, d := range digraphs {
			if strings.HasPrefix(low[i:], d.lat) {
				b.WriteString(d.cyr)
				i += len(d.lat)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := low[i]
		switch {
		case (c == 'y' || c == 'i') && i > 0 && isVowel(low[i-1]) && (i+1 == len(low) || !isVowel(low[i+1])):
			b.WriteString("й") // "kakoi", "siniy", "zdravstvuite"
		default:
			if s, ok := letters[c]; ok {
				b.WriteString(s)
			}
		}
		i++
	}
	return b.String()
}
