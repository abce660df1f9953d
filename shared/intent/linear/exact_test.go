package linear

import (
	"math"
	"os"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

func TestExactSums(t *testing.T) {
	for _, c := range []struct {
		name    string
		weights []float32
		rows    int
		want    bool
	}{
		{"three decimals", []float32{0.001, -1.25, 7.5, 0}, 2, true},
		{"a weight finer than 2^-33", []float32{0.5, 1e-6}, 2, false},
		{"sums that could pass 2^18", []float32{1000}, 300, false},
	} {
		if got := exactSums(c.weights, c.rows); got != c.want {
			t.Errorf("%s: exactSums = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPredictSameAsRowByRow: the committed models take the fast path
// (word sums, any order), and it gives the same bits as adding every row
// class by class in the order first met, which is what training assumed.
func TestPredictSameAsRowByRow(t *testing.T) {
	texts := []string{
		"Здравствуйте! Заказ ждём уже вторую неделю, трек не обновляется. Есть ли промокод? Спасибо! Спасибо!",
		"скидку сделаете? не нужна скидка, не очень нужна",
		"Оставьте отзыв на 5 звёзд и получите кешбэк 300 ₽ на карту 🙂 пишите в телеграм @shop_x",
		"Верните деньги, товар бракованный, коробка мятая, пришёл не тот цвет, размер маловат, отпишите меня",
		"",
		"!!! ???",
	}
	for _, path := range []string{"../model.txt", "../../lint/model.txt"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		slow, _ := Parse(data)
		if !fast.exact {
			t.Fatalf("%s: sums are not exact: Predict takes the slow path", path)
		}
		slow.exact = false
		for _, text := range texts {
			d := rutext.Analyze(text)
			for round := 0; round < 2; round++ { // the second from the word cache
				got := fast.Predict(d, nil)
				want := slow.Predict(d, nil)
				for c := range want {
					if math.Float64bits(got[c]) != math.Float64bits(want[c]) {
						t.Errorf("%s %q class %s: %v, row by row %v", path, text, fast.Classes[c], got[c], want[c])
					}
				}
			}
			some := fast.PredictSome(d, 1<<1, nil)
			all := slow.Predict(d, nil)
			if some[0] != 0 || some[1] != all[1] {
				t.Errorf("%s %q: PredictSome(class 1) = %v, want [0 %v …]", path, text, some, all[1])
			}
		}
	}
}
