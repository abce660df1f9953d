package linear

import (
	"math"
	"os"
	"slices"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

func TestExactSums(t *testing.T) {
	many := func(w float32, n int) []float32 {
		out := make([]float32, n)
		for i := range out {
			out[i] = w
		}
		return out
	}
	for _, c := range []struct {
		name    string
		weights []float32
		classes int
		want    bool
	}{
		{"three decimals", []float32{0.001, -1.25, 7.5, 0}, 2, true},
		{"a weight finer than 2^-33", []float32{0.5, 1e-6}, 2, false},
		{"a class whose sums could pass 2^20", many(1000, 600), 1, false},
		{"sums that stay below 2^20", many(1000, 500), 1, true},
		{"the same weights over two classes", many(1000, 600), 2, true},
		{"no class", []float32{1}, 0, false},
	} {
		if got := exactSums(c.weights, c.classes); got != c.want {
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
	for _, path := range []string{"../model.txt.gz", "../../lint/model.txt.gz"} {
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

// TestPredictIsFeaturesWeighed: Predict's piecewise hashes and word cache
// count exactly the rows of Features, each once, and give the bits of
// weighing them one by one in the order met.
func TestPredictIsFeaturesWeighed(t *testing.T) {
	data, err := os.ReadFile("../model.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	k := len(m.Classes)
	for _, text := range []string{
		"Здравствуйте! Заказ ждём уже вторую неделю, трек не обновляется. Есть ли промокод? Спасибо! Спасибо!",
		"не очень нужна скидка, совсем не нужна. Не надо!! ни за что",
		"skidku sdelaete? 10% 🙂 «Ромашка» № 5 - 20 ₽",
		"ся",
	} {
		d := rutext.Analyze(text)
		var rows []int32
		Features(d, nil, func(f []byte) {
			if r, ok := m.index.get(fnv(f)); ok && !slices.Contains(rows, r) {
				rows = append(rows, r)
			}
		})
		for round := 0; round < 2; round++ {
			got := m.Predict(d, nil)
			for c := 0; c < k; c++ {
				sum := 0.0
				for _, r := range rows {
					sum += float64(m.weights[int(r)*k+c])
				}
				scale := 1.0
				if len(rows) > 0 {
					scale = 1 / math.Sqrt(float64(len(rows)))
				}
				want := sigmoid(sum*scale + m.bias[c])
				if math.Float64bits(got[c]) != math.Float64bits(want) {
					t.Errorf("%q class %s: %v, weighing Features %v", text, m.Classes[c], got[c], want)
				}
			}
		}
	}
}
