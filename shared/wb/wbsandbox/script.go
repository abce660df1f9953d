package wbsandbox

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/wb"
)

//go:embed script.yaml
var defaultSeed []byte

// DefaultSeed is the seed file kept with the sandbox.
func DefaultSeed() []byte { return slices.Clone(defaultSeed) }

// Seed is a seed file: what the conversations are made of.
type Seed struct {
	Seed       uint64                  `yaml:"seed"`
	Chats      int                     `yaml:"chats"`
	Span       time.Duration           `yaml:"span"`
	ReplyAfter [2]time.Duration        `yaml:"reply_after"`
	PageSize   int                     `yaml:"page_size"`
	Names      []string                `yaml:"names"`
	Products   []Product               `yaml:"products"`
	Sizes      []string                `yaml:"sizes"`
	Intents    map[string]IntentScript `yaml:"intents"`
	PII        []string                `yaml:"pii"`
	Thanks     []string                `yaml:"thanks"`
	WB         []string                `yaml:"wb"`
}

// Product is a product chats are about.
type Product struct {
	NmID    int64    `yaml:"nm"`
	Price   int64    `yaml:"price"`
	Size    string   `yaml:"size"`
	Clothes bool     `yaml:"clothes"`
	Nom     string   `yaml:"nom"`
	Acc     string   `yaml:"acc"`
	Defects []string `yaml:"defects"`
}

// IntentScript is what buyers with one intent write, and what the seller
// answers from the portal.
type IntentScript struct {
	Open    []string `yaml:"open"`
	Follow  []string `yaml:"follow"`
	Seller  []string `yaml:"seller"`
	Files   bool     `yaml:"files"`   // buyers attach photos
	Clothes bool     `yaml:"clothes"` // asked only about products marked clothes
}

// ParseSeed reads and checks a seed file.
func ParseSeed(data []byte) (*Seed, error) {
	var s Seed
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("seed file: %w", err)
	}
	switch {
	case s.Chats <= 0:
		return nil, fmt.Errorf("seed file: chats must be positive")
	case s.Span <= 0:
		return nil, fmt.Errorf("seed file: span must be positive")
	case s.ReplyAfter[0] <= 0 || s.ReplyAfter[1] < s.ReplyAfter[0]:
		return nil, fmt.Errorf("seed file: reply_after must be [min, max], positive")
	case len(s.Names) == 0 || len(s.Products) == 0 || len(s.Sizes) == 0 || len(s.Thanks) == 0 || len(s.WB) == 0:
		return nil, fmt.Errorf("seed file: names, products, sizes, thanks and wb must not be empty")
	}
	for _, p := range s.Products {
		if p.NmID <= 0 || p.Nom == "" || p.Acc == "" || len(p.Defects) == 0 {
			return nil, fmt.Errorf("seed file: product %q needs nm, nom, acc and defects", p.Nom)
		}
	}
	for _, in := range agentiq.Intents {
		is, ok := s.Intents[string(in)]
		if !ok || len(is.Open) == 0 || len(is.Seller) == 0 {
			return nil, fmt.Errorf("seed file: intent %s needs open and seller lines", in)
		}
		if is.Clothes && !slices.ContainsFunc(s.Products, func(p Product) bool { return p.Clothes }) {
			return nil, fmt.Errorf("seed file: intent %s is about clothes, and no product is", in)
		}
	}
	for name := range s.Intents {
		if !slices.Contains(agentiq.Intents, agentiq.Intent(name)) {
			return nil, fmt.Errorf("seed file: unknown intent %q", name)
		}
	}
	return &s, nil
}

// Script is the conversations of one seller account.
type Script struct {
	Chats  []ScriptChat
	Events []ScriptEvent // in stream order: time, then event id
}

// ScriptChat is one scripted chat.
type ScriptChat struct {
	ID         string
	ReplySign  string
	ClientName string
	Intent     agentiq.Intent // what the chat is about
	Product    Product
}

// ScriptEvent is one scripted event, as WB would send it.
type ScriptEvent struct {
	wb.Event
	// Intent is what a buyer message is scripted to say on its own: set on
	// chat openers and thanks, not on follow-ups (whose meaning rests on
	// the chat) nor on seller and WB messages.
	Intent agentiq.Intent
	// PII is set when the text holds made-up personal data.
	PII bool
}

// Generate makes the script of one account: salt tells accounts apart.
// The newest event happens at anchor.
func (s *Seed) Generate(salt string, anchor time.Time) *Script {
	r := rand.New(rand.NewPCG(s.Seed, fnv64(salt))) // #nosec G404 -- a script, repeatable by seed, not a secret
	g := &gen{r: r, seed: s}
	sc := &Script{}
	for i := 0; i < s.Chats; i++ {
		intent := agentiq.Intents[i%len(agentiq.Intents)]
		chat, events := g.chat(intent)
		sc.Chats = append(sc.Chats, chat)
		sc.Events = append(sc.Events, events...)
	}
	// Times were made as offsets from the span's start; shift them so that
	// the newest is the anchor.
	var newest int64
	for _, e := range sc.Events {
		newest = max(newest, e.AddTimestamp)
	}
	base := anchor.UnixMilli() - newest
	for i := range sc.Events {
		e := &sc.Events[i]
		e.AddTimestamp += base
		e.AddTime = time.UnixMilli(e.AddTimestamp).UTC().Format(time.RFC3339)
		if m := e.Message; m != nil && m.Attachments != nil {
			for j := range m.Attachments.Images {
				m.Attachments.Images[j].Date = time.UnixMilli(e.AddTimestamp - 700).UTC().Format("2006-01-02T15:04:05.000Z")
			}
			for j := range m.Attachments.Files {
				m.Attachments.Files[j].Date = time.UnixMilli(e.AddTimestamp - 1200).UTC().Format("2006-01-02T15:04:05.000Z")
			}
		}
	}
	sortEvents(sc.Events)
	return sc
}

func sortEvents(evs []ScriptEvent) {
	slices.SortStableFunc(evs, func(a, b ScriptEvent) int {
		if a.AddTimestamp != b.AddTimestamp {
			return int(a.AddTimestamp - b.AddTimestamp)
		}
		return strings.Compare(a.EventID, b.EventID)
	})
}

type gen struct {
	r    *rand.Rand
	seed *Seed
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// uuidFrom draws a version-4 UUID, as WB's ids look, from r.
func uuidFrom(r *rand.Rand) string {
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xfff,
		0x8000|r.Uint32()&0x3fff, r.Uint64()&0xffffffffffff)
}

func (g *gen) hex(n int) string {
	var b strings.Builder
	for b.Len() < n {
		fmt.Fprintf(&b, "%016x", g.r.Uint64())
	}
	return b.String()[:n]
}

func (g *gen) chat(intent agentiq.Intent) (ScriptChat, []ScriptEvent) {
	s := g.seed
	is := s.Intents[string(intent)]
	products := s.Products
	if is.Clothes {
		products = slices.DeleteFunc(slices.Clone(products), func(p Product) bool { return !p.Clothes })
	}
	id := "1:" + uuidFrom(g.r)
	c := ScriptChat{
		ID:         id,
		ReplySign:  fmt.Sprintf("%s:%08d:%s", id, g.r.IntN(1e8), g.hex(128)),
		ClientName: pick(g.r, s.Names),
		Intent:     intent,
		Product:    pick(g.r, products),
	}
	at := g.r.Int64N(s.Span.Milliseconds())
	later := func() int64 {
		lo, hi := s.ReplyAfter[0].Milliseconds(), s.ReplyAfter[1].Milliseconds()
		at += lo + g.r.Int64N(hi-lo+1)
		return at
	}
	card := &wb.Listing{NmID: c.Product.NmID, Price: c.Product.Price, PriceCurrency: "RUB", Rid: g.hex(32), Size: c.Product.Size}
	var evs []ScriptEvent
	add := func(sender, source, text string, in agentiq.Intent, t int64) *ScriptEvent {
		e := ScriptEvent{Event: wb.Event{
			ChatID: id, EventID: uuidFrom(g.r), EventType: wb.EventMessageType, Source: source,
			AddTimestamp: t, Sender: sender,
		}, Intent: in}
		if text != "" {
			e.Message = &wb.EventMessage{Text: text}
		}
		if sender == wb.SenderClient {
			e.ClientName = c.ClientName
		}
		evs = append(evs, e)
		return &evs[len(evs)-1]
	}
	source := func() string { return pick(g.r, []string{"rusite", "ios", "android", "android", "ios", "global"}) }

	// The opening message: a new chat, with its sign and product card.
	text, pii := g.fill(pick(g.r, is.Open), c), false
	if g.r.Float64() < 0.15 {
		text, pii = text+" "+g.fill(pick(g.r, s.PII), c), true
	}
	open := add(wb.SenderClient, source(), text, intent, at)
	open.PII = pii
	open.IsNewChat = true
	open.ReplySign = c.ReplySign
	if open.Message == nil {
		open.Message = &wb.EventMessage{}
	}
	open.Message.Attachments = &wb.Attachments{GoodCard: card}
	if is.Files && g.r.Float64() < 0.6 {
		open.Message.Attachments.Images = g.images(1 + g.r.IntN(2))
		if g.r.Float64() < 0.3 {
			open.Message.Attachments.Files = []wb.File{{ContentType: "application/pdf", DownloadID: uuidFrom(g.r),
				Name: "Чек.pdf", Size: int64(20000 + g.r.IntN(900000))}}
		}
	}
	if g.r.Float64() < 0.35 && len(is.Follow) > 0 { // a follow-up: its meaning rests on the chat
		add(wb.SenderClient, source(), g.fill(pick(g.r, is.Follow), c), "", later())
	}
	if g.r.Float64() < 0.55 {
		add(wb.SenderSeller, "seller-portal", g.fill(pick(g.r, is.Seller), c), "", later())
		if g.r.Float64() < 0.4 {
			add(wb.SenderClient, source(), pick(g.r, s.Thanks), agentiq.IntentGratitude, later())
		}
	}
	if g.r.Float64() < 0.08 {
		t := at // sometimes at the very same millisecond as the last event (not the opener)
		if len(evs) == 1 || g.r.Float64() < 0.5 {
			t = later()
		}
		add(wb.SenderWB, "", pick(g.r, s.WB), "", t)
	}
	if g.r.Float64() < 0.05 { // an event with no message at all, as in WB's example
		add(wb.SenderSeller, "", "", "", later())
	}
	return c, evs
}

func (g *gen) images(n int) []wb.Image {
	out := make([]wb.Image, n)
	for i := range out {
		id := uuidFrom(g.r)
		out[i] = wb.Image{DownloadID: id}
		if g.r.Float64() < 0.5 { // newer files come with an empty url: download by id
			out[i].URL = fmt.Sprintf("https://chat-basket-01.wbbasket.ru/vol0/part%d/%s/jpg/%s.jpg", 1000+g.r.IntN(9000), uuidFrom(g.r), id)
		}
	}
	return out
}

// fill replaces the placeholders of a template.
func (g *gen) fill(t string, c ScriptChat) string {
	r := strings.NewReplacer(
		"{acc}", c.Product.Acc, "{nom}", c.Product.Nom,
		"{defect}", pick(g.r, c.Product.Defects), "{size}", pick(g.r, g.seed.Sizes),
		"{days}", fmt.Sprint(5+g.r.IntN(10)), "{name}", c.ClientName,
		"{phone}", fmt.Sprintf("+7 9%02d %03d-%02d-%02d", g.r.IntN(100), g.r.IntN(1000), g.r.IntN(100), g.r.IntN(100)),
		"{email}", fmt.Sprintf("%s%d@%s", pick(g.r, []string{"buyer", "shop.fan", "olga.k", "ivanov"}), 1970+g.r.IntN(40),
			pick(g.r, []string{"mail.ru", "yandex.ru", "gmail.com"})),
		"{card}", g.card(),
	)
	out := r.Replace(t)
	if first, size := utf8.DecodeRuneInString(out); unicode.IsLower(first) {
		out = string(unicode.ToUpper(first)) + out[size:]
	}
	return out
}

// card is a made-up card number that passes the Luhn check.
func (g *gen) card() string {
	d := []int{2, 2, 0, 0}
	for len(d) < 15 {
		d = append(d, g.r.IntN(10))
	}
	sum := 0
	for i := 0; i < 15; i++ {
		v := d[14-i]
		if i%2 == 0 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	d = append(d, (10-sum%10)%10)
	var b strings.Builder
	for i, v := range d {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(byte('0' + v))
	}
	return b.String()
}
