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
// invitation moves the buyer off WB, and a link to a
// messenger always does. A plain link to an instruction is not a move.
func (l *Linter) compose(d *rutext.Doc, r *Result) {
	link, ok := r.Evidence[agentiq.FlagExternalLink]
	if !ok {
		return
	}
	if _, done := r.Evidence[agentiq.FlagOffPlatform]; done {
		return
	}
	low := strings.ToLower(link)
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
	_, invite := r.Parts["invitation"]
	switch {
	case messenger:
		r.Evidence[agentiq.FlagOffPlatform] = "a messenger link: " + link
	case invite:
		r.Evidence[agentiq.FlagOffPlatform] = r.Parts["invitation"] + " + " + link
	}
}
