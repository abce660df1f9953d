package storetest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func testTenants(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "a", "b")
	b := page(0, 2, 1)
	b.SellerID = "a"
	_, err := s.Ingest(ctx, b)
	must(t, err)
	_, err = s.Append(ctx, "a", entry(1))
	must(t, err)
	inbox, err := s.PendingInbox(ctx, "b", 0)
	must(t, err)
	if len(inbox) != 0 {
		t.Errorf("seller b sees %d of a's inbox items", len(inbox))
	}
	if c, _ := s.Cursor(ctx, "b"); c != 0 {
		t.Errorf("seller b's cursor %d", c)
	}
	_, err = s.Chat(ctx, "b", "c0")
	wantErr(t, err, agentiq.ErrNotFound)
	if head, _ := s.AuditHead(ctx, "b"); head.Seq != 0 {
		t.Errorf("seller b's audit head %d", head.Seq)
	}
	// the same event id under another seller is another event
	b.SellerID = "b"
	res, err := s.Ingest(ctx, b)
	must(t, err)
	if res.Inbox != 2 {
		t.Errorf("seller b's page: %+v", res)
	}
}

func testBadInput(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	before := items(t, s)
	bad := []struct {
		name string
		b    agentiq.IngestBatch
		want error
	}{
		{"unknown seller", agentiq.IngestBatch{SellerID: "ghost", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, "hi")}}, agentiq.ErrUnknownSeller},
		{"invalid UTF-8", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, "ok"), buyer("e2", "c1", T0, "bad \xff")}}, agentiq.ErrInvalid},
		{"oversized text", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, strings.Repeat("я", agentiq.MaxTextRunes+1))}}, agentiq.ErrTooLarge},
		{"event without id", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("", "c1", T0, "hi")}}, agentiq.ErrInvalid},
		{"unknown sender", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{{ID: "e1", ChatID: "c1", Sender: "bot", At: T0}}}, agentiq.ErrInvalid},
		{"cursor backwards", agentiq.IngestBatch{SellerID: "s1", From: 10, Next: 5}, agentiq.ErrInvalid},
	}
	for _, tc := range bad {
		_, err := s.Ingest(ctx, tc.b)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
	if after := items(t, s); after != before {
		t.Errorf("refused input wrote %d items", after-before)
	}
	_, err := s.UpdateChat(ctx, agentiq.ChatState{SellerID: "s1", ChatID: "c1", LastBuyerEventID: strings.Repeat("x", agentiq.MaxItemBytes)})
	wantErr(t, err, agentiq.ErrTooLarge)
	_, err = s.UpdateChat(ctx, agentiq.ChatState{SellerID: "ghost", ChatID: "c1"})
	if err == nil {
		t.Error("a chat of an unknown seller was written")
	}
	wantErr(t, s.CreateSend(ctx, agentiq.SendRecord{SellerID: "ghost", DecisionID: "d", Channel: agentiq.ChannelWBChat, Status: agentiq.SendPending, CreatedAt: T0}), agentiq.ErrUnknownSeller)
	_, err = s.Append(ctx, "ghost", entry(1))
	wantErr(t, err, agentiq.ErrUnknownSeller)
	if after := items(t, s); after != before {
		t.Errorf("refused writes wrote %d items", after-before)
	}
}

// The buyer's personal data in a realistic conversation.
const (
	buyerName     = "Алёна Смирнова"
	buyerClientID = "982734651"
	buyerEmail    = "alena.smirnova@mail.ru"
)

var phoneDigits = regexp.MustCompile(`9165554433|916\D?555\D?44\D?33`)

func testNoPersonalData(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	t1 := T0.Add(-10 * time.Minute)
	conv := []agentiq.Event{
		{ID: "e1", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1, ClientName: buyerName, ClientID: buyerClientID,
			ReplySign: "1:abc:def", Text: "Здравствуйте! Меня зовут Алёна Смирнова, заказ так и не пришёл", Intents: []agentiq.Intent{agentiq.IntentDelivery}},
		{ID: "e2", ChatID: "c1", Sender: agentiq.SenderSeller, Source: "seller-portal", At: t1.Add(time.Minute),
			Text: "Алёна, здравствуйте! Проверим."},
		{ID: "e3", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1.Add(2 * time.Minute), ClientName: buyerName, ClientID: buyerClientID,
			Text: "Мой телефон +7 (916) 555-44-33, почта " + buyerEmail + ". Алёну всё устраивает, просто привезите", Intents: []agentiq.Intent{agentiq.IntentDelivery}},
		{ID: "e4", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1.Add(3 * time.Minute), ClientName: buyerName, ClientID: buyerClientID,
			Text: "Карта для возврата 2200 7001 2345 6789, с уважением, Алёна", Intents: []agentiq.Intent{agentiq.IntentReturn}},
	}
	_, err := s.Ingest(ctx, agentiq.IngestBatch{SellerID: "s1", Next: ms(T0), Events: conv})
	must(t, err)
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 3 {
		t.Fatalf("%d inbox items", len(inbox))
	}
	c, err := s.Chat(ctx, "s1", "c1")
	must(t, err)
	if c.ClientKey == "" || c.ClientKey != Pseudonyms().Pseudonym("wb-client", buyerClientID) {
		t.Errorf("client key %q: want the keyed pseudonym", c.ClientKey)
	}
	// a consent of the same buyer, registered by phone and e-mail pseudonyms
	for i, id := range []string{"79165554433", buyerEmail} {
		_, err := s.RegisterConsent(ctx, consentEvent(fmt.Sprint("pd-", i), Pseudonyms().Pseudonym("phone", id), agentiq.PurposeAdvertising, "*", T0))
		must(t, err)
	}
	n := 0
	must(t, s.Dump(ctx, func(where string, v []byte) error {
		n++
		text := where + " " + string(v)
		for _, bad := range []string{"Алён", "алён", "Смирнов", buyerClientID, buyerEmail, "2200 7001", "22007001"} {
			if strings.Contains(text, bad) {
				t.Errorf("stored item %s holds %q: %s", where, bad, v)
			}
		}
		if phoneDigits.MatchString(text) {
			t.Errorf("stored item %s holds the phone number: %s", where, v)
		}
		return nil
	}))
	if n == 0 {
		t.Fatal("nothing stored")
	}
}
