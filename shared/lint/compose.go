package lint

import (
	"strings"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/rutext"
)

// platformDomains are WB's own: a link there keeps the buyer on WB.
var platformDomains = []string{"wildberries.ru", "wb.ru", "wildberries.by", "wildberries.kz", "wbx", "wb.by"}

// messengerHosts are links that open an outside messenger or channel.
var messengerHosts = []string{"t.me", "wa.me", "telegram.me", "vk.com", "vk.me", "viber", "whatsapp", "tg://", "ok.ru", "instagram.com", "max.ru", "discord", "youtube.com/@", "dzen.ru"}

// compose adds the flags made of parts the phrase rules cannot join: a
// link is a venue outside WB, so a link to another site together with an
// invitation, or with a reason to go there, moves the buyer off WB, and a
// link to a messenger always does. A link plainly stated (an instruction,
// the seller's own site named) is not a move (POLICY.md §3).
func (l *Linter) compose(d *rutext.Doc, r *Result) {
	link, ok := r.Evidence[agentiq.FlagExternalLink]
	if !ok {
		return
	}
	if _, done := r.Evidence[agentiq.FlagOffPlatform]; done {
		return
	}
	// evidence of the words ("vk com kovrik") spells the dots as spaces
	low := strings.ReplaceAll(strings.ToLower(link), " ", ".")
	for _, p := range platformDomains {
		if strings.Contains(low, p) {
			return
		}
	}
	messenger := false
	for _, h := range messengerHosts {
		if strings.Contains(low, h) {
			messenger = true
		}
	}
	_, invite := r.Parts["link_invite"]
	_, there := r.Parts["go_there"]
	switch {
	case messenger:
		r.Evidence[agentiq.FlagOffPlatform] = "a messenger link: " + link
	case invite:
		r.Evidence[agentiq.FlagOffPlatform] = r.Parts["link_invite"] + " + " + link
	case there: // "shop.ru — там все расцветки"
		r.Evidence[agentiq.FlagOffPlatform] = link + " + " + r.Parts["go_there"]
	}
}
