package rutext

import (
	"slices"
	"testing"
)

// wordCaches returns a cache with a slot in the word records and one
// with a table of its own: both must answer alike.
func wordCaches(t *testing.T) map[string]*WordCache[string] {
	t.Helper()
	slotted := NewWordCache[string](1<<10, 64)
	setNoSlots(true)
	own := NewWordCache[string](1<<10, 64)
	setNoSlots(false)
	if own.slot >= 0 || own.table == nil {
		t.Fatal("a cache made with noSlots has a slot")
	}
	if slotted.slot < 0 {
		t.Skip("every slot is taken in this test process")
	}
	return map[string]*WordCache[string]{"slot": slotted, "table": own}
}

func TestWordCacheKeepsAValuePerText(t *testing.T) {
	for name, c := range wordCaches(t) {
		t.Run(name, func(t *testing.T) {
			d := Analyze("Заказ заказ ЗАКАЗ пришёл")
			a, b := &d.Tokens[0], &d.Tokens[3]
			if _, ok := c.Load(a); ok {
				t.Fatal("a value before any was stored")
			}
			c.Store(a, "first")
			for i := range 3 { // the same text in other tokens, and in another analysis
				if v, ok := c.Load(&d.Tokens[i]); !ok || v != "first" {
					t.Errorf("token %d (%q): %q, %v; want the value stored for %q", i, d.Tokens[i].Text, v, ok, a.Text)
				}
			}
			if v, ok := c.Load(&Analyze("заказ").Tokens[0]); !ok || v != "first" {
				t.Errorf("another analysis: %q, %v", v, ok)
			}
			if v, ok := c.Load(b); ok {
				t.Errorf("%q has %q, stored only for %q", b.Text, v, a.Text)
			}
		})
	}
}

func TestWordCacheForgetsAChangedText(t *testing.T) {
	for name, c := range wordCaches(t) {
		t.Run(name, func(t *testing.T) {
			d := Analyze("расылка")
			tok := &d.Tokens[0]
			c.Store(tok, "misspelt")
			tok.setText("рассылка") // as Respell does
			if v, ok := c.Load(tok); ok {
				t.Errorf("after the text changed the token still has %q", v)
			}
			c.Store(tok, "mended")
			if v, _ := c.Load(&Analyze("расылка").Tokens[0]); v != "misspelt" {
				t.Errorf("the old text lost its value: %q", v)
			}
		})
	}
}

// Two consumers never see each other's values, and a slot handed on by a
// collected consumer does not show the new one what the old one kept.
func TestWordCacheSlotsAreTheirOwnersOnly(t *testing.T) {
	a := NewWordCache[string](1<<10, 64)
	b := NewWordCache[string](1<<10, 64)
	if a.slot < 0 || b.slot < 0 {
		t.Skip("every slot is taken in this test process")
	}
	tok := &Analyze("промокод").Tokens[0]
	a.Store(tok, "a")
	if v, ok := b.Load(tok); ok {
		t.Errorf("b sees %q, stored by a", v)
	}
	heir := &WordCache[string]{slot: a.slot, owner: a.owner + 1<<40} // a's slot, another owner
	if v, ok := heir.Load(tok); ok {
		t.Errorf("the slot's next owner sees %q, stored by the one before", v)
	}
	heir.Store(tok, "heir")
	if _, ok := a.Load(tok); ok {
		t.Error("the old owner reads the new owner's value")
	}
}

// The speller's answers, kept per word, are the answers it gives.
func TestRespellKeepsTheSpellersAnswers(t *testing.T) {
	s := NewSpeller(map[string]int{"рассылка": 5, "рассылку": 4, "доставка": 3})
	for range 2 { // the second time from the kept answers
		d := Analyze("отключите расылку и доставку")
		d.Respell(s)
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Text)
		}
		if want := []string{"отключите", "рассылку", "и", "доставку"}; !slices.Equal(got, want) {
			t.Fatalf("respelt %q, want %q", got, want)
		}
	}
}

func setNoSlots(on bool) {
	slots.Lock()
	noSlots = on
	slots.Unlock()
}

// A zero Speller mends as an empty one did before answers were kept.
func TestRespellWithAZeroSpeller(t *testing.T) {
	d := Analyze("чё каво")
	d.Respell(&Speller{})
	want := Analyze("чё каво")
	want.Respell(nil)
	for i := range d.Tokens {
		if d.Tokens[i].Text != want.Tokens[i].Text {
			t.Errorf("token %d: %q, with a nil speller %q", i, d.Tokens[i].Text, want.Tokens[i].Text)
		}
	}
}
