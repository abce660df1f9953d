package lint

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestParts tests each vocabulary the deny-level flags are composed of on
// its own: what must be read as the part, and what must not.
func TestParts(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		part string
		yes  []string
		no   []string
	}{
		{"review_act", []string{
			"Оставьте отзыв о покупке", "Поставьте нам пятёрку", "Ставьте 5 звёзд", "Измените оценку на более высокую",
			"Пришлите скрин отзыва", "Уберите негативный отзыв", "Оценили товар на 5?", "Будем ждать фотоотзыв",
		}, []string{"Заказ передан в доставку", "Размер соответствует таблице", "Поставим вам новую дату доставки"}},
		{"benefit", []string{
			"Вернём 300 ₽ на карту", "Подарим плед", "Положим в посылку сюрприз", "Доставка за наш счёт",
			"Продлим гарантию на год", "Начислим бонусы", "Получите кешбэк 10%", "Отправим вторую пару бесплатно",
		}, []string{"Заказ передан в доставку", "Спасибо за покупку", "Проверьте размер по таблице"}},
		{"invitation", []string{
			"Заходите к нам", "Подписывайтесь на новости", "Переходите по ссылке", "Заполните форму",
			"Пишите нам", "Заказывайте заранее", "Загляните в каталог",
		}, []string{"Заказ передан в доставку", "Размер M подойдёт", "Гарантия один год"}},
		{"venue", []string{
			"в WhatsApp", "в нашем телеграм-канале", "на нашем сайте", "на Ozon", "на почту", "напрямую", "в мессенджере", "в личку",
		}, []string{"в этом чате", "в карточке товара", "в пункте выдачи"}},
		{"pd_ask", []string{
			"Укажите, пожалуйста", "Пришлите нам", "Продиктуйте", "Подтвердите", "Нам потребуется", "Скиньте",
		}, []string{"Заказ передан в доставку", "Спасибо за отзыв"}},
		{"pd_noun", []string{
			"номер телефона", "ФИО", "паспортные данные", "домашний адрес", "номер карты", "электронную почту", "свой адресок", "ИНН",
		}, []string{"номер заказа", "адрес пункта выдачи", "размер обуви"}},
	}
	for _, tt := range tests {
		t.Run(tt.part, func(t *testing.T) {
			for _, s := range tt.yes {
				if _, ok := l.Parts(s)[tt.part]; !ok {
					t.Errorf("%q: part %s not found", s, tt.part)
				}
			}
			for _, s := range tt.no {
				if ev, ok := l.Parts(s)[tt.part]; ok {
					t.Errorf("%q: part %s found (%q)", s, tt.part, ev)
				}
			}
		})
	}
}

// TestCompositionFamilies runs the families of testdata/families.yaml: a
// flag raised on its flagged drafts, whatever words carry its parts, and
// not on its look-alikes. The phrasings were written after each change,
// not taken from the sentences that exposed the misses.
func TestCompositionFamilies(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/families.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var families []struct {
		Flag       agentiq.Flag `yaml:"flag"`
		Flagged    []string     `yaml:"flagged"`
		NotFlagged []string     `yaml:"not_flagged"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&families); err != nil {
		t.Fatalf("testdata/families.yaml: %v", err)
	}
	if len(families) < 100 {
		t.Fatalf("testdata/families.yaml: %d families, the file holds more", len(families))
	}
	for i, f := range families {
		if !slices.Contains(l.names, f.Flag) || len(f.Flagged)+len(f.NotFlagged) == 0 {
			t.Errorf("family %d: flag %q unknown or no drafts", i+1, f.Flag)
			continue
		}
		t.Run(fmt.Sprintf("%03d_%s", i+1, f.Flag), func(t *testing.T) {
			for _, s := range f.Flagged {
				if r := l.Lint(s); !r.Has(f.Flag) {
					t.Errorf("%q: no %s (flags %v, parts %v)", s, f.Flag, r.Flags, r.Parts)
				}
			}
			for _, s := range f.NotFlagged {
				if r := l.Lint(s); r.Has(f.Flag) {
					t.Errorf("%q: false %s (%v)", s, f.Flag, r.Evidence[f.Flag])
				}
			}
		})
	}
}

// TestDigestCountsTheModel: retrained weights are a new digest, hence a
// new rules_version; a model with a class that is no flag is refused.
func TestDigestCountsTheModel(t *testing.T) {
	model := func(bias string) []byte {
		return []byte("meta features 1\nclasses review_incentive off_platform third_party pd_request\nbias " + bias + "\n")
	}
	a, errA := NewWithModel(defaultData, model("-5 -5 -5 -5"))
	b, errB := NewWithModel(defaultData, model("-4 -5 -5 -5"))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if a.Digest() == b.Digest() {
		t.Error("two models, one digest")
	}
	if _, err := NewWithModel(defaultData, []byte("meta features 1\nclasses spam\nbias 0\n")); err == nil {
		t.Error("a model class that is no flag was accepted")
	}
}
