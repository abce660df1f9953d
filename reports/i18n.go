package reports

import (
	"fmt"
	"strings"
	"time"
)

// texts holds every label of the reports: [0] Russian, [1] English.
var texts = map[string][2]string{
	// titles and sections
	"audit.title":        {"Отчёт аудита решений", "Audit report"},
	"consent.title":      {"Отчёт о согласиях (доказательная база)", "Consent-evidence report"},
	"seller":             {"Продавец", "Seller"},
	"period":             {"Период", "Period"},
	"generated":          {"Сформирован", "Generated"},
	"rules":              {"Версии правил", "Rules versions"},
	"zone":               {"Часовой пояс", "Time zone"},
	"page":               {"Стр. %d из %s", "Page %d of %s"},
	"chain":              {"Проверка цепочки аудита", "Audit chain verification"},
	"chain.ok":           {"Цепочка цела: проверено записей — %d", "Chain intact: %d records verified"},
	"chain.bad":          {"ЦЕПОЧКА НАРУШЕНА: первая повреждённая запись №%d — %s", "CHAIN BROKEN: first bad record #%d — %s"},
	"chain.none":         {"Полная проверка цепочки не выполнялась (результат не передан)", "The whole chain was not verified (no result supplied)"},
	"chain.checkpoint":   {"Контрольная точка: запись №%d, %s, хеш %s", "Checkpoint: record #%d, %s, hash %s"},
	"chain.nocheckpoint": {"Контрольная точка: нет", "Checkpoint: none"},
	"chain.period.ok":    {"Записи периода связаны без разрывов: %d", "The period's records link without breaks: %d"},
	"chain.period.bad":   {"ЗАПИСИ ПЕРИОДА: %s", "PERIOD RECORDS: %s"},
	"link.follows":       {"запись №%d следует за №%d (пропуск или перестановка)", "record %d follows record %d (a gap or a reordering)"},
	"link.unlinked":      {"запись №%d не ссылается на запись №%d", "record %d does not link to record %d"},
	"link.altered":       {"запись №%d изменена (хеш не совпадает с содержимым)", "record %d was altered (its hash does not match its content)"},
	"link.dated":         {"запись №%d датирована раньше записи №%d", "record %d is dated before record %d"},
	"summary":            {"Сводка", "Summary"},
	"daily":              {"Решения по дням", "Decisions per day"},
	"moderation":         {"Журнал модерации", "Moderation log"},
	"log":                {"Журнал решений", "Decision log"},
	"appendix":           {"Приложение: журнал записей аудита", "Appendix: audit record log"},
	"appendix.cap":       {"Показаны первые %d из %d записей. Полный журнал — в XLSX-версии отчёта (лист «%s»).", "The first %d of %d records are shown. The full log is in the XLSX report (sheet “%s”)."},
	"list.cap":           {"Показаны первые %d из %d строк; все строки — в XLSX-версии отчёта.", "The first %d of %d rows are shown; all rows are in the XLSX report."},
	"empty":              {"Нет записей за период.", "No records in the period."},
	"by.outcome":         {"Решения по исходу", "Decisions by outcome"},
	"by.decision":        {"Решения политики", "Policy verdicts"},
	"by.reason":          {"Причины (сработавшие правила)", "Reasons (rules that fired)"},
	"by.scenario":        {"Сценарии и приоритеты", "Scenarios and priorities"},
	"by.channel":         {"Каналы", "Channels"},
	"by.trigger":         {"Инициаторы", "Triggers"},
	"by.kind":            {"Записи аудита по видам", "Audit records by kind"},
	"key":                {"Показатель", "Measure"},
	"section":            {"Раздел", "Section"},
	"value":              {"Значение", "Value"},
	"count":              {"Количество", "Count"},
	"share":              {"Доля", "Share"},
	"first":              {"Впервые", "First"},
	"last":               {"Последний раз", "Last"},
	"date":               {"Дата", "Date"},
	"total":              {"Всего", "Total"},
	// summary figures
	"f.records":      {"Записей аудита за период", "Audit records in the period"},
	"f.decisions":    {"Решений", "Decisions"},
	"f.buyer":        {"Сообщений покупателей обработано автоматически", "Buyer messages decided automatically"},
	"f.auto":         {"Доля отвеченных автоматически", "Share answered automatically"},
	"f.frt.median":   {"Время первого ответа, медиана", "First-response time, median"},
	"f.frt.p90":      {"Время первого ответа, 90-й перцентиль", "First-response time, 90th percentile"},
	"f.frt.n":        {"Ответов с измеренным временем", "Replies with a measured time"},
	"f.unknown":      {"Отправок с неизвестным исходом", "Sends with an unknown outcome"},
	"f.dryrun":       {"Доля пробного режима (dry run)", "Dry-run share"},
	"f.optouts":      {"Отписок", "Opt-outs"},
	"f.failures":     {"Сбоев обработки", "Processing failures"},
	"f.moderation":   {"Решений модератора", "Moderator actions"},
	"f.mod.median":   {"Ожидание модерации, медиана", "Moderation wait, median"},
	"f.mod.p90":      {"Ожидание модерации, 90-й перцентиль", "Moderation wait, 90th percentile"},
	"f.approx":       {"(оценка с точностью 1%)", "(estimate within 1%)"},
	"f.na":           {"нет данных", "no data"},
	"note.auto":      {"Доля = отправленные автоответы / сообщения покупателей, решённые автоматически (инициатор auto_reply).", "Share = sent automatic replies / buyer messages decided automatically (trigger auto_reply)."},
	"note.frt":       {"Время первого ответа: от сообщения покупателя (buyer_message_at) до отправки автоответа (sent_at).", "First-response time: from the buyer's message (buyer_message_at) to the automatic reply's sending (sent_at)."},
	"note.times":     {"Время указано в часовом поясе продавца: %s.", "Times are in the seller's time zone: %s."},
	"g.sent":         {"Отправлено", "Sent"},
	"g.held":         {"На модерации / отклонено", "Held / rejected"},
	"g.refused":      {"Запрещено политикой", "Refused by policy"},
	"g.other":        {"Прочее", "Other"},
	"c.seq":          {"№", "Seq"},
	"c.at":           {"Время записи", "Recorded at"},
	"c.kind":         {"Вид", "Kind"},
	"c.decision_id":  {"Решение", "Decision"},
	"c.channel":      {"Канал", "Channel"},
	"c.chat":         {"Чат", "Chat"},
	"c.subject":      {"Субъект (псевдоним)", "Subject (pseudonym)"},
	"c.trigger":      {"Инициатор", "Trigger"},
	"c.operator":     {"Оператор", "Operator"},
	"c.template":     {"Шаблон", "Template"},
	"c.scenario":     {"Сценарий", "Scenario"},
	"c.priority":     {"Приоритет", "Priority"},
	"c.type":         {"Тип сообщения", "Message type"},
	"c.verdict":      {"Решение политики", "Verdict"},
	"c.reasons":      {"Причины", "Reasons"},
	"c.outcome":      {"Исход", "Outcome"},
	"c.dryrun":       {"Пробный режим", "Dry run"},
	"c.buyer_at":     {"Сообщение покупателя", "Buyer message at"},
	"c.decided_at":   {"Решено", "Decided at"},
	"c.sent_at":      {"Отправлено", "Sent at"},
	"c.rules":        {"Версия правил", "Rules version"},
	"c.excerpt":      {"Фрагмент текста (обезличен)", "Excerpt (redacted)"},
	"c.consents":     {"Согласия", "Consents"},
	"c.details":      {"Подробности", "Details"},
	"c.hash":         {"Хеш записи", "Record hash"},
	"c.moderator":    {"Модератор", "Moderator"},
	"c.action":       {"Действие", "Action"},
	"c.moderation":   {"Элемент очереди", "Queue item"},
	"c.wait":         {"Ожидание, мин", "Waited, min"},
	"c.status":       {"Статус", "Status"},
	"c.waited":       {"Ожидание", "Waited"},
	"c.record":       {"Запись согласия", "Consent record"},
	"c.purpose":      {"Цель", "Purpose"},
	"c.method":       {"Способ", "Method"},
	"c.source":       {"Источник", "Source"},
	"c.text_version": {"Версия текста", "Text version"},
	"c.text_sha":     {"SHA-256 текста", "Text SHA-256"},
	"c.evidence":     {"Основание", "Evidence"},
	"c.collected_by": {"Кто собрал", "Collected by"},
	"c.jurisdiction": {"Юрисдикция", "Jurisdiction"},
	"c.event_at":     {"Время события", "Event time"},
	"c.recorded_at":  {"Зарегистрировано", "Recorded at"},
	"c.ad_ids":       {"Согласие на рекламу (38-ФЗ)", "Advertising consent (38-FZ)"},
	"c.pd_ids":       {"Согласие на обработку ПДн (152-ФЗ)", "PD-marketing consent (152-FZ)"},
	"c.valid":        {"Покрыто согласиями", "Covered by consent"},
	"c.problem":      {"Нарушение", "Violation"},
	"c.last_after":   {"Последний после", "Last after"},
	"c.stop":         {"Прекращён через", "Stopped after"},
	"c.after_n":      {"Решений после", "Decisions after"},
	// consent report
	"sheet.exceptions":  {"Исключения", "Exceptions"},
	"sheet.register":    {"Реестр согласий", "Consent register"},
	"sheet.marketing":   {"Маркетинг", "Marketing"},
	"sheet.stops":       {"Отзывы и отписки", "Withdrawals and opt-outs"},
	"register":          {"Реестр согласий: события периода", "Consent register: events of the period"},
	"marketing":         {"Маркетинг во внешних каналах (разрешённые решения)", "External-channel marketing (allowed decisions)"},
	"withdrawals":       {"Отзывы согласий и отписки", "Withdrawals and opt-outs"},
	"exceptions":        {"Исключения: маркетинг без действующего согласия", "Exceptions: marketing without valid consent"},
	"exceptions.none":   {"Исключений нет: каждое разрешённое маркетинговое сообщение опиралось на действующие согласия.", "No exceptions: every allowed marketing message relied on consents in force."},
	"exceptions.some":   {"НАЙДЕНО ИСКЛЮЧЕНИЙ: %d. Маркетинг разрешён без действующего согласия или после отказа.", "EXCEPTIONS FOUND: %d. Marketing was allowed without valid consent or after an opt-out."},
	"f.events":          {"Событий реестра за период", "Register events in the period"},
	"f.given":           {"Согласий дано", "Consents given"},
	"f.withdrawn":       {"Согласий отозвано", "Consents withdrawn"},
	"f.marketing":       {"Разрешённых маркетинговых решений во внешних каналах", "Allowed external-channel marketing decisions"},
	"f.wbmarketing":     {"Разрешённых маркетинговых решений в чате WB", "Allowed WB-chat marketing decisions"},
	"f.exceptions":      {"Исключений", "Exceptions"},
	"stopped.now":       {"прекращён сразу", "stopped immediately"},
	"kind.withdrawal":   {"отзыв согласия", "consent withdrawn"},
	"kind.optout":       {"отписка", "opt-out"},
	"yes":               {"да", "yes"},
	"no":                {"нет", "no"},
	"x.unknown_id":      {"запись согласия %s не найдена в реестре", "consent record %s is not in the register"},
	"x.no_ad":           {"нет действующего согласия на рекламу", "no advertising consent in force"},
	"x.no_pd":           {"нет действующего согласия на обработку ПДн для маркетинга", "no PD-marketing consent in force"},
	"x.withdrawn":       {"согласие %s отозвано до решения", "consent %s was withdrawn before the decision"},
	"x.after_optout":    {"маркетинг после отписки от %s", "marketing after the opt-out of %s"},
	"x.after_withdrawn": {"маркетинг после отзыва согласия %s", "marketing after consent %s was withdrawn"},
	"x.wrong_subject":   {"запись согласия %s относится к другому субъекту или каналу", "consent record %s is for another subject or channel"},
	"note.consent":      {"Исключение — разрешённое маркетинговое решение во внешнем канале, чьи согласия не покрывают обе цели (реклама и ПДн), действующие на момент решения для этого канала, или любое маркетинговое решение после отписки/отзыва.", "An exception is an allowed external-channel marketing decision whose consents do not cover both purposes (advertising and PD) in force at the decision for that channel, or any marketing allowed after an opt-out or withdrawal."},
	"note.stop":         {"Время до прекращения: от отзыва/отписки до последнего разрешённого после него маркетингового решения этому субъекту/чату.", "Time until stopped: from the withdrawal/opt-out to the last marketing decision allowed to that subject/chat after it."},
}

// tr returns the label key in the language.
func tr(l Lang, key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if l == LangEN {
		return t[1]
	}
	return t[0]
}

func trf(l Lang, key string, args ...any) string { return fmt.Sprintf(tr(l, key), args...) }

// dateLayout and timeLayout are how the PDF shows dates and times.
func dateLayout(l Lang) string {
	if l == LangEN {
		return "2006-01-02"
	}
	return "02.01.2006"
}

func timeLayout(l Lang) string { return dateLayout(l) + " 15:04:05" }

// periodText shows [from, to) as the inclusive dates it covers.
func periodText(r *Request) string {
	from, to := r.From.In(r.Zone), r.To.In(r.Zone)
	last := to.Add(-time.Nanosecond)
	return from.Format(dateLayout(r.Lang)) + " – " + last.Format(dateLayout(r.Lang))
}

// durationText shows a duration for a person: 45 с, 3 мин 20 с, 2 ч 5 мин, 3 д 4 ч.
func durationText(l Lang, sec float64) string {
	u := [2][4]string{{"с", "мин", "ч", "д"}, {"s", "min", "h", "d"}}[map[bool]int{true: 1}[l == LangEN]]
	s := int64(sec + 0.5)
	switch {
	case sec < 10:
		return strings.Replace(fmt.Sprintf("%.1f %s", sec, u[0]), ".", map[bool]string{true: ".", false: ","}[l == LangEN], 1)
	case s < 60:
		return fmt.Sprintf("%d %s", s, u[0])
	case s < 3600:
		return fmt.Sprintf("%d %s %d %s", s/60, u[1], s%60, u[0])
	case s < 86400:
		return fmt.Sprintf("%d %s %d %s", s/3600, u[2], s%3600/60, u[1])
	}
	return fmt.Sprintf("%d %s %d %s", s/86400, u[3], s%86400/3600, u[2])
}
