package lint

// Links in a draft: URLs, bare domains and e-mails, also when obfuscated
// ("site . ru", "site[.]ru", "s i t e . r u"), an app's own scheme, and
// messenger handles.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"mvdan.cc/xurls/v2"

	"github.com/agentiq/agentiq/shared/rutext"
)

// tlds are the endings of "site . ru" obfuscation that are undone before
// looking for links; xurls itself knows every real TLD.
var tlds = map[string]bool{"ru": true, "рф": true, "com": true, "net": true, "org": true, "me": true,
	"su": true, "io": true, "ly": true, "by": true, "kz": true, "ua": true, "info": true, "biz": true,
	"shop": true, "site": true, "online": true, "store": true, "pro": true, "app": true, "link": true,
	"cc": true, "to": true, "gg": true, "tv": true, "club": true, "top": true, "xyz": true,
	"ком": true, "орг": true}

// cyrillicRu is ".ru" typed on the Russian keyboard, no real TLD that
// xurls knows ("posuda.ру"): a domain all the same, glued to its dot or
// spelled letter by letter — not after a spaced dot, where "ру" may open
// a sentence ("Размеры от 42 до 48. Ру сетка в карточке").
const cyrillicRu = "ру"

// dots spells of a dot that hide a link from a plain matcher.
var dots = strings.NewReplacer(
	"[.]", ".", "(.)", ".", "{.}", ".", "<.>", ".",
	"[dot]", ".", "(dot)", ".", "{dot}", ".", "[точка]", ".", "(точка)", ".", "[тчк]", ".",
	"hxxps", "https", "hxxp", "http", "h**ps", "https", "h**p", "http",
)

var relaxedURL = xurls.Relaxed()

// fillPlaceholders reads a template's field that stands for part of a
// domain as a word: "lk.{shop_domain}.ru" → "lk.shop-domain.ru". A field
// beside another field ("{pvz_address}.{city}", "{sum}.{kop}") or with no
// dot beside it is left as it is: nothing there spells a domain.
func fillPlaceholders(text string) string {
	locs := placeholder.FindAllStringIndex(text, -1)
	if locs == nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		i, j := l[0], l[1]
		dotAfter := j+1 < len(text) && text[j] == '.' && text[j+1] != '{'
		dotBefore := i >= 2 && text[i-1] == '.' && text[i-2] != '}'
		if !dotAfter && !dotBefore {
			continue
		}
		b.WriteString(text[last:i])
		b.WriteString(strings.ReplaceAll(strings.Trim(text[i:j], "{} ."), "_", "-"))
		last = j
	}
	b.WriteString(text[last:])
	return b.String()
}

// placeholder is a template's field, "{shop_domain}" or "{{ .ShopDomain }}".
var placeholder = regexp.MustCompile(`\{\{ ?\.?[\p{L}\d_]{1,40} ?\}\}|\{[\p{L}\d_]{1,40}\}`)

// notLinks are file names that look like domains (".zip" and ".mov" are
// real top-level domains, but in a chat they are attachments).
func notLink(m string) bool {
	return !strings.Contains(m, "/") && (strings.HasSuffix(m, ".zip") || strings.HasSuffix(m, ".mov"))
}

// findURL finds a URL, bare domain or e-mail, also when obfuscated. xurls
// runs only on the words that could hold one, which keeps a long draft
// cheap: its regular expression costs time in proportion to its input.
func findURL(folded string, _ *rutext.Doc) string {
	// an app's own scheme opens the app: "tg://resolve?domain=shop",
	// "viber://chat?number=…", "whatsapp://send?phone=…"
	if l := appLink(folded); l != "" {
		return l
	}
	text := folded
	if containsAnyByte(text, "[({<*") || strings.Contains(text, "xx") {
		text = dots.Replace(text)
	}
	if strings.Contains(text, "·") || strings.Contains(text, "∙") {
		text = middleDots(text)
	}
	// an integrator's template: "lk.{shop_domain}.ru" is a link once filled
	if strings.IndexByte(text, '{') >= 0 {
		text = fillPlaceholders(text)
	}
	// a domain spelled out letter by letter: "s h o p 2 4 . r u"
	if spacedAlone(text) {
		text = joinSpelled(text)
	}
	if hasSpacedDot(text) {
		text = joinSpacedDots(text)
	}
	// Only a word holding a dot, an @ or a colon can be a link: find them
	// with IndexByte, which skips the rest of the text many bytes at a time.
	for i := 0; i < len(text); {
		j := nextMark(text, i)
		if j < 0 {
			break
		}
		lo, hi := j, j+1
		for lo > 0 && !isSpace(text[lo-1]) && j-lo < 256 {
			lo--
		}
		for hi < len(text) && !isSpace(text[hi]) && hi-j < 256 {
			hi++
		}
		if word := text[lo:hi]; plausibleLink(word) {
			for _, m := range relaxedURL.FindAllString(word, 4) {
				if !notLink(m) {
					return m
				}
			}
			if d := ruDomain(word); d != "" {
				return d
			}
		}
		i = hi + 1
	}
	return ""
}

// appSchemes are the schemes of the apps a link may open instead of a
// page: messengers and social networks ("viber://chat?number=…"). The
// web's own (http, https) xurls finds; a device's mode ("eco://auto") is
// no link.
var appSchemes = map[string]bool{"tg": true, "telegram": true, "viber": true, "whatsapp": true, "skype": true,
	"vk": true, "vkontakte": true, "fb": true, "fb-messenger": true, "messenger": true, "instagram": true,
	"intent": true, "max": true, "icq": true, "discord": true, "snapchat": true, "tiktok": true, "line": true,
	"wechat": true, "weixin": true, "signal": true, "sgnl": true, "threema": true, "ok": true, "odnoklassniki": true}

// appLink returns the first link with an app's scheme (appSchemes).
func appLink(s string) string {
	for off := 0; ; {
		k := strings.Index(s[off:], "://")
		if k < 0 {
			return ""
		}
		k += off
		i := k
		for i > 0 && (isLowerASCII(s[i-1]) || (s[i-1] == '-' && i < k)) {
			i--
		}
		j := k + 3
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		// "tg:// shop" with a space is still the app's link, obfuscated
		if appSchemes[s[i:k]] {
			return s[i:j]
		}
		off = k + 3
	}
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

// middleDots reads a middle dot between two characters as a dot
// ("shop·ru"); one with a space beside it separates a list ("Оплата · Online").
func middleDots(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == '·' || r == '∙') && i > 0 && i+size < len(s) && !isSpace(s[i-1]) && !isSpace(s[i+size]) {
			b.WriteByte('.')
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// nextMark is the index of the first '.', '@' or ':' at or after i, or -1.
func nextMark(s string, i int) int {
	best := -1
	for _, c := range []byte{'.', '@', ':'} {
		hay := s[i:]
		if best >= 0 {
			hay = s[i:best]
		}
		if k := strings.IndexByte(hay, c); k >= 0 {
			best = i + k
		}
	}
	return best
}

// spacedAlone reports whether s holds " . ": found from its dots, which
// are few, where strings.Contains stops at every space.
func spacedAlone(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' {
			return true
		}
		next := strings.IndexByte(s[i+1:], '.')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// containsAnyByte reports whether s holds any of the ASCII bytes of set.
func containsAnyByte(s, set string) bool {
	for i := 0; i < len(set); i++ {
		if strings.IndexByte(s, set[i]) >= 0 {
			return true
		}
	}
	return false
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// plausibleLink reports whether a word has a dot between two letters or
// digits, or a scheme: what any link xurls can find has.
func plausibleLink(w string) bool {
	if strings.Contains(w, "://") {
		return true
	}
	for i := 1; i+1 < len(w); i++ {
		if w[i] == '.' && w[i-1] != '.' && w[i+1] != '.' && w[i+1] != ' ' {
			r, _ := utf8.DecodeRuneInString(w[i+1:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// hasSpacedDot reports whether a dot with a space beside it is followed by
// a TLD: the only case joinSpacedDots changes, and a rare one.
func hasSpacedDot(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) && (isWordByte(s[k]) && s[k] != ' ') {
			k++
		}
		if (j > i+1 || i > 0 && s[i-1] == ' ') && k > j && tlds[s[j:k]] {
			return true
		}
		next := strings.IndexByte(s[i+1:], '.')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// joinSpacedDots turns "site . ru", "site. ru" and "site .ru" into
// "site.ru" when what follows the dot is a TLD.
func joinSpacedDots(s string) string {
	if !strings.Contains(s, " .") && !strings.Contains(s, ". ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			b.WriteByte(s[i])
			continue
		}
		// spaces before the dot are already written; look after it
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsLetter(r) {
				break
			}
			k += size
		}
		out := b.String()
		trimmed := strings.TrimRight(out, " ")
		prev, _ := utf8.DecodeLastRuneInString(trimmed)
		spaced := j > i+1 || len(trimmed) < len(out)
		if spaced && k > j && tlds[s[j:k]] && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) &&
			(k == len(s) || !isWordByte(s[k])) {
			b.Reset()
			b.WriteString(trimmed)
			b.WriteByte('.')
			i = j - 1
			continue
		}
		b.WriteByte('.')
	}
	return b.String()
}

// ruDomain returns the domain a word holds that ends in ".ру"
// (cyrillicRu), punctuation around it trimmed: what xurls reads as a
// whole domain once ".ру" is ".ru", with two letters or digits or more,
// a letter among them, just before the dot ("т.е.ру" and "990.ру" are none).
func ruDomain(word string) string {
	w := strings.TrimRight(strings.TrimLeft(word, spelledPunct), spelledPunct)
	host, ok := strings.CutSuffix(w, "."+cyrillicRu)
	last := host[strings.LastIndexByte(host, '.')+1:]
	if !ok || utf8.RuneCountInString(last) < 2 || !strings.ContainsFunc(last, unicode.IsLetter) {
		return ""
	}
	if latin := host + ".ru"; relaxedURL.FindString(latin) != latin {
		return ""
	}
	return w
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

var handleRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@])(@[a-z0-9_]{3,32})`)

func findHandle(folded string, _ *rutext.Doc) string {
	if !strings.Contains(folded, "@") {
		return ""
	}
	if m := handleRe.FindStringSubmatch(folded); m != nil {
		return m[1]
	}
	return ""
}

// joinSpelled joins a domain spelled out letter by letter, "s h o p 2 4 . r u"
// → "shop24.ru": a run of single letters, digits, dots and hyphens, each
// between single spaces, that ends in a dot and a TLD (tlds) with at least
// two characters before it; punctuation before the run's first character
// or after its last stays outside ("(s h o p . r u)." → "(shop.ru).").
// Anything else is left as it is. Each word is looked at once.
func joinSpelled(s string) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && spelledChar(words[j], j == i, j+1 == len(words) || !spelledChar(words[j+1], false, true)) {
			j++
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		if joined, ok := spelledDomain(words[i:j]); ok {
			b.WriteString(joined)
			i = j
			continue
		}
		// not a domain: the run's words as they were, none looked at again
		end := max(j, i+1)
		b.WriteString(strings.Join(words[i:end], " "))
		i = end
	}
	return b.String()
}

// spelledPunct is what may stand before a spelled domain's first character
// or after its last.
const spelledPunct = "()«»\"'.,!?;:"

// spelledChar reports whether w is one letter, digit, dot or hyphen; the
// first word of a run may have punctuation before it, the last after it.
func spelledChar(w string, first, last bool) bool {
	if w == "." || w == "-" {
		return true
	}
	if first {
		w = strings.TrimLeft(w, spelledPunct)
	}
	if last {
		w = strings.TrimRight(w, spelledPunct)
	}
	r, size := utf8.DecodeRuneInString(w)
	return size > 0 && size == len(w) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// spelledDomain joins run and reports whether it spells a domain, with the
// punctuation before and after it kept outside.
func spelledDomain(run []string) (string, bool) {
	if len(run) < 5 {
		return "", false
	}
	head := run[0][:len(run[0])-len(strings.TrimLeft(run[0], spelledPunct))]
	if run[0] == "." {
		head = ""
	}
	last := run[len(run)-1]
	tail := last[len(strings.TrimRight(last, spelledPunct)):]
	if last == "." {
		tail = ""
	}
	var core strings.Builder
	for k, w := range run {
		if k == 0 && w != "." {
			w = w[len(head):]
		}
		if k == len(run)-1 && w != "." {
			w = w[:len(w)-len(tail)]
		}
		core.WriteString(w)
	}
	joined := core.String()
	dot := strings.LastIndexByte(joined, '.')
	if tld := joined[dot+1:]; dot < 2 || !tlds[tld] && tld != cyrillicRu || strings.Contains(joined, "..") {
		return "", false
	}
	return head + joined + tail, true
}
