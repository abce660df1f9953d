package rutext

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower case", "ПРОМОКОД Есть", "промокод есть"},
		{"yo", "Ёлка, ещё", "елка, еще"},
		{"fullwidth NFKC", "ＳＴＯＰ ｗｂ．ｒｕ", "stop wb.ru"},
		{"zero width inside a word", "ски\u200bдка", "скидка"},
		{"soft hyphen", "ски\u00adдка", "скидка"},
		{"stress mark", "ски́дка", "скидка"},
		{"variation selector dropped, emoji kept", "спасибо ❤️", "спасибо ❤"},
		{"number sign kept", "Заказ №123", "заказ №123"},
		{"superscript through NFKC", "г/м²", "г/м2"},
		{"invalid UTF-8 replaced", "скидка\xff", "скидка\uFFFD"},
		{"non-breaking space", "5\u00a0%", "5 %"},
		{"minus sign", "−20%", "-20%"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyzeTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Latin look-alikes inside Cyrillic words", "прoмoкод, скaжите, aкции, вернyть, Kэшбэк", []string{"промокод", "скажите", "акции", "вернуть", "кэшбэк"}},
		{"digit look-alikes inside Cyrillic words", "пр0мокод 3вонок", []string{"промокод", "3вонок"}},
		{"a zero for a first letter, when it spells a word", "на 0з0не, 0шт, 3раза", []string{"на", "озоне", "0", "шт", "3раза"}},
		{"a number typed together with its unit", "300р 500руб 5звезд 2шт 3дня", []string{"300", "р", "500", "руб", "5", "звезд", "2", "шт", "3", "дня"}},
		{"a number with other letters stays one word", "5ка 2xl 3раза 4g", []string{"5ка", "2xl", "3раза", "4g"}},
		{"Cyrillic look-alikes inside a Latin word", "на ОZОN и НМ", []string{"на", "ozon", "и", "нм"}},
		{"zeros for o in a Latin word, not in a code", "на 0zon и g00gle, модель x100 и a0, код SALE00, 0rub", []string{"на", "ozon", "и", "google", "модель", "x100", "и", "a0", "код", "sale00", "0", "rub"}},
		{"a Russian word with a Latin stand-in stays Russian", "напишите в ватсаn", []string{"напишите", "в", "ватсаn"}},
		{"a lone grade with an asterisk is stars", "за 5* с фото", []string{"за", "5", "★", "с", "фото"}},
		{"a footnote asterisk is no star", "кешбэк 100* и 5** и 5*5", []string{"кешбэк", "100", "и", "5", "и", "5", "5"}},
		{"Latin words stay Latin", "STOP iPhone WB", []string{"stop", "iphone", "wb"}},
		{"short Latin look-alike next to Cyrillic", "c браком", []string{"с", "браком"}},
		{"e-mail is not folded to Cyrillic", "ваш e-mail", []string{"ваш", "e", "mail"}},
		{"letter runs collapse", "скииииидка", []string{"скидка"}},
		{"www stays three letters", "WWW shop", []string{"www", "shop"}},
		{"a lone w stays one", "W Shift", []string{"w", "shift"}},
		{"w runs in a word collapse", "wwwow", []string{"wow"}},
		{"double letters stay", "касса", []string{"касса"}},
		{"spelled out letters join", "с к и д к а", []string{"скидка"}},
		{"spelled out with dots", "s.t.o.p", []string{"stop"}},
		{"one-letter words are not joined", "в с к", []string{"в", "с", "к"}},
		{"a comparative written apart from its по joins", "есть по дешевле? а по-больше, По мягче", []string{"есть", "подешевле", "?", "а", "побольше", "помягче"}},
		{"по stays a preposition before other words", "по уже оплаченному, по ниже указанному, по цене, по, дешевле", []string{"по", "уже", "оплаченному", "по", "ниже", "указанному", "по", "цене", "по", "дешевле"}},
		{"decimal comma and point", "1,5 кг и 2.3 м", []string{"1.5", "кг", "и", "2.3", "м"}},
		{"marks are tokens, one per mark", "есть?!", []string{"есть", "?", "!"}},
		{"emoji are tokens", "спасибо 🙏🙏", []string{"спасибо", "🙏", "🙏"}},
		{"symbols", "5% 300₽ 1+1 5★ №7", []string{"5", "%", "300", "₽", "1", "+", "1", "5", "★", "№", "7"}},
		{"minus before a number", "скидка -20%", []string{"скидка", "-", "20", "%"}},
		{"an equals sign is a token (\"5★ = подарок\")", "отзыв = подарок", []string{"отзыв", "=", "подарок"}},
		{"a smiley is no equals sign", "спасибо за отзыв =) и =(", []string{"спасибо", "за", "отзыв", "и"}},
		{"hyphenated words split without a boundary", "кое-что", []string{"кое", "что"}},
		{"slash inside an expression", "б/у", []string{"б", "у"}},
		{"opening quote", "продавец «Уют»", []string{"продавец", "«", "уют"}},
		{"straight opening quote", `магазин "Уют"`, []string{"магазин", "«", "уют"}},
		{"apostrophe inside a word", "don't", []string{"dont"}},
		{"punctuation only", "... —", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(tt.in).Texts()
			if !slices.Equal(got, tt.want) {
				t.Errorf("Analyze(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBoundaries(t *testing.T) {
	d := Analyze("Спасибо, но верните деньги. Где заказ? А промокод — есть")
	type pos struct{ s, c int32 }
	var got []pos
	for _, tk := range d.Tokens {
		got = append(got, pos{tk.Sentence, tk.Clause})
	}
	// спасибо | но верните деньги . где заказ ? | а промокод — есть
	want := []pos{{0, 0}, {0, 1}, {0, 1}, {0, 1}, {1, 2}, {1, 2}, {1, 2}, {2, 3}, {2, 3}, {2, 4}}
	if !slices.Equal(got, want) {
		t.Errorf("sentence/clause = %v, want %v (tokens %q)", got, want, d.Texts())
	}
	if d.Sentences != 3 || d.Clauses != 5 {
		t.Errorf("Sentences, Clauses = %d, %d; want 3, 5", d.Sentences, d.Clauses)
	}
	if d.Words != 9 {
		t.Errorf("Words = %d, want 9", d.Words)
	}
}

// TestStems checks the stemming the lexicons rely on: inflected forms share
// a stem, and unrelated words that merely contain each other do not.
func TestStems(t *testing.T) {
	same := [][]string{
		{"скидка", "скидку", "скидки", "скидкой"},
		{"промокод", "промокоды", "промокодом"},
		{"акция", "акции", "акций"},
		{"доставка", "доставку", "доставки"},
	}
	for _, group := range same {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	differ := [][2]string{{"работа", "бот"}, {"акционерное", "акция"}, {"посуда", "суд"}, {"скидывайте", "скидка"}}
	for _, p := range differ {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) = %q", p[0], p[1], Stem(p[0]))
		}
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"доставка", "доставка", true},
		{"доставка", "достака", true},   // deletion
		{"доставка", "доставкаа", true}, // insertion
		{"доставка", "доствака", true},  // transposition
		{"доставка", "доставкб", true},  // substitution
		{"доставка", "дотсавкаа", false},
		{"доставка", "дост", false},
		{"", "а", true},
		{"", "аб", false},
	}
	for _, tt := range tests {
		if got := WithinOneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("WithinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := WithinOneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("WithinOneEdit(%q, %q) = %v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestAnalyzeBoundsWork(t *testing.T) {
	d := Analyze(strings.Repeat("слово ", MaxTokens+100))
	if len(d.Tokens) != MaxTokens {
		t.Errorf("len(Tokens) = %d, want the cap %d", len(d.Tokens), MaxTokens)
	}
}

func TestMendReflexive(t *testing.T) {
	for in, want := range map[string]string{
		"шатаеться": "шатается", "Включаеться": "включается", "одеться": "одеться", "деться": "деться",
		"шатается": "шатается", "еться": "еться", "нравиться": "нравиться",
	} {
		d := Analyze(in)
		if len(d.Tokens) != 1 || d.Tokens[0].Text != want {
			t.Errorf("%q: %+v, want %q", in, d.Tokens, want)
		}
	}
}

func TestReadAsRussian(t *testing.T) {
	tests := []struct{ in, want string }{
		{"skidku sdelaete?", "скидку сделаете?"},
		{"otpishite menya ot rassylki", "отпишите меня от рассылки"},
		{"ne pishite mne bolshe", "не пишите мне больше"},
		{"zakazyvala rozovyi prishel siniy, kak vernut?", "заказывала розовый пришел синий, как вернуть?"},
		{"zdravstvuite, kakoi razmer nuzhen?", "здравствуйте, какой размер нужен?"},
		{"zaderzhivaetsya zakaz", "задерживается заказ"},
		{"ekran tresnul, eto brak", "экран треснул, это брак"},
		{"sovmestimo s iphone 15?", "совместимо с iphone 15?"},
		{"razmer M podoidet?", "размер M подойдет?"},
		{"tsvet ne tot, zhal", "цвет не тот, жал"},
		// a Cyrillic look-alike letter typed inside a Latin word is read as
		// the Latin one ("Zа": Latin Z, Cyrillic а)
		{"Zа otzyv vernem 10%", "за отзыв вернем 10%"},
		{"skidku sdelaetе?", "скидку сделаете?"},
		// a word on the wrong layout whose marks for letters run over the
		// next word ("ds,hfnm": "выбрать", ",hfnm" alone "брать") is read
		// once, as one word
		{"как ds,hfnm hfpvth?", "как выбрать размер?"},
		{"ещё cjj,otybt yt ghbikj", "ещё сообщение не пришло"},
		{"а vj;yj", "а можно"},
		// English and Russian stay as they are
		{"remove me pls", "remove me pls"},
		{"Stop pls", "Stop pls"},
		{"thank you 👍", "thank you 👍"},
		{"Где заказ? track 123", "Где заказ? track 123"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ReadAsRussian(tt.in); got != tt.want {
			t.Errorf("ReadAsRussian(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReadLatinMessageLookalikes: a message is read as Latin
// transliteration past Cyrillic letters only when each is a look-alike
// inside a Latin word; a Cyrillic word keeps the message Russian.
func TestReadLatinMessageLookalikes(t *testing.T) {
	for _, in := range []string{"skidka как", "Zа otzyv, спасибо", "Привет"} {
		if got := ReadLatinMessage(in); got != in {
			t.Errorf("ReadLatinMessage(%q) = %q, want it unchanged", in, got)
		}
	}
	if got, want := ReadLatinMessage("Zа otzyv 5 zvezd vernem 10%"), "за отзыв 5 звезд вернем 10%"; got != want {
		t.Errorf("ReadLatinMessage = %q, want %q", got, want)
	}
}

// TestReadLayout: a message typed with the keyboard left on its US layout
// is read as the Russian its keys spell — letters and the marks on the same
// keys ("&" is "?", "," is "б") — and only when it reads as Russian words;
// transliteration, English, links and short codes are not such messages.
func TestReadLayout(t *testing.T) {
	tests := []struct{ in, want string }{
		{"rjulf ljcnfdrf&", "когда доставка?"},
		{"yt gbibnt vyt", "не пишите мне"},
		{"cgfcb,j", "спасибо"},
		{"Ult vjq pfrfp&", "Где мой заказ?"},
		{"ghbikf yt nf vjltkm? [jxe dthyenm", "пришла не та модель, хочу вернуть"},
		{"jngbibnt vtyz gkp", "отпишите меня плз"}, // a chat abbreviation no dictionary lists
		{"cgc pf rhjccs", "спс за кроссы"},
		// not wrong-layout text: read as before
		{"skidku sdelaete?", "скидку сделаете?"},
		{"Please remove me from the list", "Please remove me from the list"},
		{"ok", "ok"},
		{"yt", "ыт"}, // function words alone are no message read
		{"iphone 15 pro max", "iphone 15 pro max"},
	}
	for _, tt := range tests {
		if got := ReadLatinMessage(tt.in); got != tt.want {
			t.Errorf("ReadLatinMessage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// a Russian message is never read through the layout
	if got := ReadLatinMessage("где мой заказ?"); got != "где мой заказ?" {
		t.Errorf("a Russian message changed: %q", got)
	}
}

func TestSpeller(t *testing.T) {
	sp := NewSpeller(map[string]int{"посылка": 5, "натуральный": 3, "промокод": 9, "доставка": 7,
		"отпишите": 4, "сдать": 8, "сделайте": 3, "брак": 9, "порвана": 2, "вопросы": 2,
		"появится": 3, "кажется": 4, "улыбаться": 1, "курится": 1})
	tests := []struct{ in, want string }{
		{"пасылка", "посылка"},        // а for о
		{"натуралный", "натуральный"}, // the soft sign dropped
		{"промакод", "промокод"},
		{"доствака", "доставка"}, // two letters swapped
		{"достака", "доставка"},  // a letter missing from a long word
		{"атпишите", "отпишите"},
		{"зделайте", "сделайте"}, // a colloquial spelling
		{"щас", "сейчас"},
		// a verb's "-тся"/"-ться" spelt as it sounds
		{"появица", "появится"},
		{"кажеца", "кажется"},
		{"улыбаца", "улыбаться"},
		{"курица", "курица"}, // a real word, though "курится" is known
		// a correct word stays, even next to a lexicon word
		{"стать", "стать"},     // short: too many real neighbours
		{"сорвана", "сорвана"}, // not a slip people make
		{"опросы", "опросы"},   // a letter added in front is no slip
		{"посылка", "посылка"}, // known
		{"посылку", "посылку"}, // another form of a known word
		{"брак", "брак"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := sp.Correct(tt.in); got != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// a word far longer than every word of the vocabulary is no slip of
	// one and costs no look-up: its deletions would cost its square (a
	// pasted 30,000-letter "word" took the classifier 17 s and 6 GB)
	long := strings.Repeat("пасылка", 4000)
	sp.Correct("пасылка") // the index is built
	if n := testing.AllocsPerRun(2, func() {
		if got := sp.Correct(long); got != long {
			t.Errorf("Correct(a 28,000-letter word) changed it")
		}
	}); n > 100 {
		t.Errorf("Correct(a 28,000-letter word) allocates %.0f times, want a handful", n)
	}
	v, stems, err := ParseWordList(MarshalWordList(map[string]int{"а": 1, "брака": 2}))
	if err != nil || v["брака"] != 2 || len(v) != 2 || !stems["брак"] {
		t.Errorf("word list round trip: %v, %v, %v", v, stems, err)
	}
	for _, bad := range []string{"брак x брак\n", "брак 2\n"} {
		if _, _, err := ParseWordList([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	// a speller read from a list corrects as one built from the words
	sp2, err := ParseSpeller(MarshalWordList(map[string]int{"посылка": 5}))
	if err != nil || sp2.Correct("пасылка") != "посылка" || sp2.Correct("посылку") != "посылку" {
		t.Errorf("speller from a list: %v", err)
	}
}

// TestRealWords: the dictionary knows correct forms, including forms its
// suffix rules make, and not misspellings.
func TestRealWords(t *testing.T) {
	for _, w := range []string{"отпуск", "отпуске", "пятый", "уезжаю", "скидку", "посылка", "перчатки"} {
		if !RealWord(w) {
			t.Errorf("%q is a correct word", w)
		}
	}
	for _, w := range []string{"пасылка", "скитку", "атписка", "доставкку", "вазврат"} {
		if RealWord(w) {
			t.Errorf("%q is a misspelling", w)
		}
	}
}

// TestStemCoding: the dictionary's front coding gives back the stems it
// was given, and RealStem finds exactly those.
func TestStemCoding(t *testing.T) {
	stems := []string{"абажур", "абажурн", "абзац", "отпуск", "отпускн", "я"}
	if got := DecodeStems(EncodeStems(stems)); !slices.Equal(got, stems) {
		t.Fatalf("round trip: %q", got)
	}
	if got := DecodeStems(EncodeStems([]string{"дом", "house", "дома"})); !slices.Equal(got, []string{"дом", "дома"}) {
		t.Errorf("a stem outside the alphabet: %q", got)
	}
	if !RealStem("отпуск") || RealStem("отпусх") || RealStem("") || RealStem("otpusk") {
		t.Error("RealStem answers wrongly")
	}
}

// TestReadMixed: a Latin word typed inside a Russian message is read as the
// Russian it spells when that is a correct word; brands, English words and
// links stay as written.
func TestReadMixed(t *testing.T) {
	for in, want := range map[string]string{
		"хочу vernut dengi пожалуйста":    "хочу вернуть деньги пожалуйста",
		"заказ otmenite, не нужен":        "заказ отмените, не нужен",
		"чехол на iPhone и Samsung есть?": "чехол на iPhone и Samsung есть?",
		"пишите на uyut-shop.ru":          "пишите на uyut-shop.ru",
		"спасибо, all good":               "спасибо, all good",
		// a capital that starts a sentence is no name or code
		"Promokod est'? Хочу zakazat' 2 pary":  "промокод есть? Хочу заказать 2 пары",
		"Здравствуйте. Vernite dengi за заказ": "Здравствуйте. верните деньги за заказ",
		"Skidku сделаете?":                     "скидку сделаете?",
		"skidochku можно?":                     "скидочку можно?",
		// inside a sentence it is a name: "Ivan", "Nike"
		"передайте Ivan, что заказ пришёл": "передайте Ivan, что заказ пришёл",
		// typed with the keyboard on its US layout: a correct word of four
		// letters or more, then the short words and the "&" for "?" beside it
		"ghbdtn? кабель заряжает только под углом": "привет? кабель заряжает только под углом",
		"ult vjq pfrfp&&& неделю уже едет":         "где мой заказ??? неделю уже едет",
		"Ckjvfkcz через неделю, верните деньги":    "Сломался через неделю, верните деньги",
		"ult jy& не вижу курьера":                  "ult jy& не вижу курьера", // no long word: no reading
		"yt vjue ljpdjybnmcz до вас":               "не могу дозвониться до вас",
		"добрый день! dthybnt ltymub pf ,hfr":      "добрый день! верните деньги за брак",
		"Заказ пришёл, cgfcb,j!":                   "Заказ пришёл, спасибо!",
		// four letters that may be English or a code stay: "cert", "this"
		"скачать: docs . ru / cert":           "скачать: docs . ru / cert",
		"yt vjue дозвониться":                 "yt vjue дозвониться",
		"кабель typec для xiaomi redmi есть?": "кабель typec для xiaomi redmi есть?",
	} {
		if got := ReadAsRussian(in); got != want {
			t.Errorf("ReadAsRussian(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadMixedLeavesCodes: a promo code or an acronym in capitals, or a
// word beside digits, is not read as Russian; ReadLatinMessage reads only a
// message typed wholly in Latin letters.
func TestReadMixedLeavesCodes(t *testing.T) {
	for _, in := range []string{"промокод VESNA10 на 10%", "код DOMA на скидку", "артикул mama2024", "Vesna10 — не работает промокод", "VESNA не работает"} {
		if got := ReadAsRussian(in); got != in {
			t.Errorf("ReadAsRussian(%q) = %q", in, got)
		}
	}
	if got := ReadLatinMessage("хочу vernut dengi"); got != "хочу vernut dengi" {
		t.Errorf("ReadLatinMessage read a Russian message: %q", got)
	}
	if got := ReadLatinMessage("hochu vernut dengi"); got == "hochu vernut dengi" {
		t.Errorf("ReadLatinMessage left a Latin message: %q", got)
	}
}

// TestReadLatinSecondReadings: a message in Latin letters is read with the
// letters people use for two sounds (j for ж, w for ш, i for ы) and the
// digit 4 for ч, when the plain reading is no Russian word.
func TestReadLatinSecondReadings(t *testing.T) {
	for in, want := range map[string]string{
		"mne nujen razmer bolshe":     "мне нужен размер больше",
		"pojaluista, ja doma":         "пожалуйста, я дома",
		"dayte vashu po4tu i telefon": "дайте вашу почту и телефон",
		"4ainik te4et":                "чайник течет",
		"skidku sdelaete? 4 shtuki":   "скидку сделаете? 4 штуки",
		// the soft sign a Latin spelling drops, read back where that makes
		// a correct word and the plain reading is none
		"bolshie chasy ili net":    "большие часы или нет",
		"malchiku 5 let":           "мальчику 5 лет",
		"kak polzovatsya shvabroy": "как пользоваться шваброй",
		"ochen dolgo vezete":       "очень долго везете",
		"brat ili net, ne znayu":   "брат или нет, не знаю",
		// an i after a vowel is и where й makes no word
		"skolko stoit dostavka": "сколько стоит доставка",
		"dom stroit":            "дом строит",
		"zdravstvuite":          "здравствуйте",
		// loanwords' "ai" and a й typed as y stay й
		"kilobait":     "килобайт",
		"128 gigabayt": "128 гигабайт",
	} {
		if got := ReadLatinMessage(in); got != want {
			t.Errorf("ReadLatinMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadLatinKeepsCodes: a 4 is read as ч only inside a Russian word;
// sizes and model names keep it.
func TestReadLatinKeepsCodes(t *testing.T) {
	for in, want := range map[string]string{
		"nujen razmer 4xl": "нужен размер 4xl",
		"dlya iphone 4s?":  "для iphone 4с?",
		"xorowo, spasibo":  "хорошо, спасибо",
	} {
		if got := ReadLatinMessage(in); got != want {
			t.Errorf("ReadLatinMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

// A long message of ambiguous Latin letters costs no more than a bounded
// number of second readings (BenchmarkReadLatinAmbiguous measures it).
func BenchmarkReadLatinAmbiguous(b *testing.B) {
	text := strings.Repeat("wxiwjx jiwxwi ", 4000)
	for b.Loop() {
		ReadLatinMessage(text)
	}
}

// A dot after an initial joins a name ("М.Видео"), so phrase rules read it
// whole; after a longer word it is a missing space ("пришёл.Спасибо") and
// ends a sentence, as a dot with a space does; Latin domains keep their
// dots to the link detector.
func TestDotInsideCyrillicNameIsNoSentenceEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		same bool
	}{
		{"в М.Видео", true},
		{"посылка пришла.Спасибо", false},
		{"Спасибо. Жду", false},
		{"site.ru", false},
	} {
		toks := Analyze(c.text).Tokens
		if len(toks) < 2 {
			t.Fatalf("%q: %d tokens", c.text, len(toks))
		}
		a, b := toks[len(toks)-2], toks[len(toks)-1]
		if got := a.Sentence == b.Sentence; got != c.same {
			t.Errorf("%q: %q and %q in one sentence = %v, want %v", c.text, a.Text, b.Text, got, c.same)
		}
	}
}

// TestOneRune: the two-byte shortcut answers as decoding does, on valid and
// invalid text alike.
func TestOneRune(t *testing.T) {
	ref := func(s string) bool {
		if len(s) == 0 || len(s) > utf8.UTFMax {
			return false
		}
		_, size := utf8.DecodeRuneInString(s)
		return size == len(s)
	}
	for _, s := range []string{"", "a", "я", "ё", "ab", "яя", "€", "😀", "\xd0", "\xd0\xd0", "\xc0\x80", "\xc2\x80", "\xdf\xbf", "\xe0\xa0", "a\xd0", "abcd", "abcde", "-", "\xff"} {
		if got, want := oneRune(s), ref(s); got != want {
			t.Errorf("oneRune(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestJoinSplit: words voice typing broke in two are mended, and two real
// words are left alone.
func TestJoinSplit(t *testing.T) {
	sp := NewSpeller(map[string]int{"похожее": 3, "рассылку": 5, "отключите": 2, "полегче": 2, "вместе": 4, "месте": 3, "рассылки": 2, "посуду": 3, "старой": 2, "пришел": 6, "дошла": 2, "привезли": 3, "написано": 4, "отправлено": 2, "засено": 1, "заказана": 2, "казана": 1})
	tests := []struct{ in, want string }{
		{"уберите из рас сылки", "уберите из рассылки"},
		{"рас сылку вашу", "рассылку вашу"},
		{"есть по легче", "есть полегче"},
		{"в месте выдачи сказали ждать", "в месте выдачи сказали ждать"},
		{"рас сылку, рас", "рассылку рас"},
		{"рас, сылку", "рас сылку"},
		// a rest that is a word of Russian stays a word
		{"буду взыскивать по суду", "буду взыскивать по суду"},
		{"с тарой пришло", "с тарой пришло"},
		{"от ключите", "от ключите"},
		// a verb of coming after "при" or "до" is one word, though its rest
		// is a real word: no preposition governs a verb
		{"шлем при шёл не тот", "шлем пришел не тот"},
		{"посылка до шла", "посылка дошла"},
		{"при везли другой", "привезли другой"},
		{"при шлифовке", "при шлифовке"},
		{"до шлагбаума", "до шлагбаума"},
		// so is a short passive participle: "на писано" is no phrase
		{"на пакете не на писано", "на пакете не написано"},
		{"заказ от правлено вчера", "заказ отправлено вчера"},
		{"положите за сено", "положите за сено"},
		// unless the vocabulary knows the rest as a word of its own
		{"крышка из за казана", "крышка из за казана"},
	}
	for _, tt := range tests {
		d := Analyze(tt.in)
		d.JoinSplit(sp)
		var words []string
		for _, tok := range d.Tokens {
			if tok.Kind == Word {
				words = append(words, tok.Text)
			}
		}
		if got := strings.Join(words, " "); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
		d.Release()
	}
}

// A word written as a name is ("в Кораблике") is marked Capital: the shop
// names the content checks look for are written so, while a sentence's
// first word, the polite "Вы" and words in capitals throughout are not.
func TestCapital(t *testing.T) {
	tests := []struct {
		text string
		want []string // the tokens marked Capital, in order
	}{
		{"Купите в ближайшем Кораблике, у нас дороже", []string{"кораблике"}},
		{"не берите у ЛавкаДом, у них подделка", []string{"лавкадом"}},
		{"Здравствуйте! Спасибо за заказ.", nil},           // sentence starts
		{"У Вас есть чек? Пришлите Ваш номер заказа", nil}, // the polite forms
		{"Заберите в ПВЗ, СКИДКА уже учтена", nil},         // capitals throughout
		{"Спасибо 🙏 Будем рады видеть вас снова", nil},     // after an emoji: a new sentence in all but name
		{"Сравните с «Леруа» и Петровичем", []string{"леруа", "петровичем"}},
		{"ＦＵＬＬ Кораблик — это мы", []string{"кораблик"}},        // a text NFKC changes keeps its capitals
		{"Ищите нас как Kids Store", []string{"kids", "store"}}, // Latin too (phrase's #cap takes Cyrillic only)
	}
	for _, tt := range tests {
		d := Analyze(tt.text)
		var got []string
		for _, tok := range d.Tokens {
			if tok.Capital {
				got = append(got, tok.Text)
			}
		}
		d.Release()
		if !slices.Equal(got, tt.want) {
			t.Errorf("Analyze(%q): Capital %q, want %q", tt.text, got, tt.want)
		}
	}
}
