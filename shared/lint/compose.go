package lint

import (
	"regexp"
	"slices"
	"strings"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/rutext"
)

// platformDomains are WB's own, as label sequences: a link there keeps
// the buyer on WB. A label ending in "*" is a prefix ("wbx-content").
var platformDomains = [][]string{{"wildberries"}, {"wb", "ru"}, {"wb", "by"}, {"wbx*"}}

// messengerHosts are links that open an outside messenger or channel, as
// label sequences: "t.me/shop" holds t, me; "notebook.ru" holds no ok, ru.
var messengerHosts = [][]string{{"t", "me"}, {"wa", "me"}, {"telegram", "me"}, {"vk", "com"}, {"vk", "me"},
	{"viber"}, {"whatsapp"}, {"ok", "ru"}, {"instagram", "com"}, {"max", "ru"}, {"discord*"}, {"dzen", "ru"}}

// toolHosts are documents, forms and files, as the labels a host ends
// with: a link there shows the buyer something, it is no venue to buy or
// talk in (POLICY.md §3).
var toolHosts = [][]string{{"docs", "google", "com"}, {"drive", "google", "com"}, {"forms", "gle"},
	{"disk", "yandex", "ru"}, {"cloud", "mail", "ru"}, {"forms", "yandex", "ru"}}

// optOutNames name an unsubscribe page, as a host's first label or a
// path's first segment ("unsub.shop.ru", "shop.ru/otpiska").
var optOutNames = []string{"unsubscribe", "unsub", "otpiska", "otpisatsya", "optout", "opt-out"}

// hostOf splits a link into its host's labels and its path's first
// segment: "https://unsub.shop.ru/a?b" → [unsub shop ru], "a". Words that
// spell a link ("docs google com") are all host.
func hostOf(link string) (host []string, first string) {
	l := strings.ToLower(link)
	if i := strings.Index(l, "://"); i >= 0 {
		l = l[i+3:]
	}
	h, path, _ := strings.Cut(l, "/")
	host = strings.FieldsFunc(h, func(r rune) bool { return r == '.' || r == ' ' || r == ':' })
	first, _, _ = strings.Cut(path, "/")
	first, _, _ = strings.Cut(first, "?")
	return host, first
}

// optOutLink reports whether a link is an unsubscribe page: the means of
// an opt-out, not a move off WB.
func optOutLink(host []string, first string) bool {
	return len(host) > 0 && slices.Contains(optOutNames, host[0]) || slices.Contains(optOutNames, first)
}

// videoPage reports whether a messenger link is one video or clip
// ("vk.com/video-1_2", "vk.com/clip-3_4"), which shows the buyer
// something (BE, BI: a link alone); a channel's video page is not one.
func videoPage(host []string, first string) bool {
	return len(host) >= 2 && host[len(host)-2] == "vk" && vkVideoRe.MatchString(first)
}

var vkVideoRe = regexp.MustCompile(`^(video|clip)-?[0-9]+_[0-9]+$`)

// toolLink reports whether a link's host is a document or form service.
func toolLink(host []string) bool {
	for _, h := range toolHosts {
		if len(host) >= len(h) && slices.Equal(host[len(host)-len(h):], h) {
			return true
		}
	}
	return false
}

// linkLabels splits a link, or the words that spell one ("vk com kovrik",
// "wildberries точка ru"), into its labels.
func linkLabels(link string) []string {
	return strings.FieldsFunc(strings.ToLower(link), func(r rune) bool {
		return r == '.' || r == '/' || r == ' ' || r == ':' || r == '?' || r == '=' || r == '&'
	})
}

// hasLabels reports whether seq occurs as consecutive labels.
func hasLabels(labels, seq []string) bool {
	for i := 0; i+len(seq) <= len(labels); i++ {
		ok := true
		for j, want := range seq {
			got := labels[i+j]
			if p, prefix := strings.CutSuffix(want, "*"); prefix {
				ok = ok && strings.HasPrefix(got, p)
			} else {
				ok = ok && got == want
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// compose adds the flags made of parts the phrase rules cannot join: a
// link is a venue outside WB, so a link to another site together with an
// invitation, or with a reason to go there, moves the buyer off WB, and a
// link to a messenger does unless it is the seller's own channel plainly
// stated ("Наш канал: t.me/…"). A link plainly stated (an instruction, the
// seller's own site named) is not a move (POLICY.md §3).
func (l *Linter) compose(d *rutext.Doc, r *Result) {
	link, ok := r.Evidence[agentiq.FlagExternalLink]
	if !ok {
		return
	}
	if _, done := r.Evidence[agentiq.FlagOffPlatform]; done {
		return
	}
	labels := linkLabels(link)
	for _, p := range platformDomains {
		if hasLabels(labels, p) {
			return
		}
	}
	messenger := strings.Contains(strings.ToLower(link), "tg://")
	for _, h := range messengerHosts {
		messenger = messenger || hasLabels(labels, h)
	}
	if host, first := hostOf(link); messenger && videoPage(host, first) {
		messenger = false // a video to watch, as on any site: a tool unless invited there
	}
	_, invite := r.Parts["link_invite"]
	_, there := r.Parts["go_there"]
	if host, first := hostOf(link); optOutLink(host, first) || toolLink(host) {
		invite, there = false, false // a messenger is a venue whatever its page
	}
	_, plain := r.Parts["plain_contact"]
	switch {
	case messenger && (!plain || invite):
		r.Evidence[agentiq.FlagOffPlatform] = "a messenger link: " + link
	case invite:
		r.Evidence[agentiq.FlagOffPlatform] = r.Parts["link_invite"] + " + " + link
	case there: // "shop.ru — там все расцветки"
		r.Evidence[agentiq.FlagOffPlatform] = link + " + " + r.Parts["go_there"]
	}
}
