package linear

import (
	"math"
	"slices"
	"strconv"

	"github.com/agentiq/agentiq/shared/rutext"
)

// TrainerVersion changes whenever training changes, so that a weights
// file names the code that made it.
const TrainerVersion = 2

// Example is one labelled text: Labels are the classes present.
type Example struct {
	Text   string
	Labels []string
}

// Options are the training settings; the zero value is not useful, use
// DefaultOptions.
type Options struct {
	Epochs  int     // passes over the data, in the order given
	Rate    float64 // initial learning rate, divided by (1 + epoch·Decay)
	Decay   float64
	L2      float64 // weight decay per update of a feature
	MinDocs int     // a feature must occur in this many texts to be kept
	// Prepare, when set, is applied to each analysed text before its
	// features are taken: the same preparation the classifier applies.
	Prepare func(*rutext.Doc)
}

// DefaultOptions are the settings make train uses.
func DefaultOptions() Options {
	return Options{Epochs: 60, Rate: 1, Decay: 0.1, L2: 1e-4, MinDocs: 3}
}

// Train fits one logistic regression per class on the examples, in their
// order. Same examples and options, same model, byte for byte.
func Train(classes []string, examples []Example, opt Options, meta map[string]string) (*Model, error) {
	docs := make([][]string, len(examples))
	df := map[string]int{}
	for i, ex := range examples {
		set := map[string]bool{}
		d := rutext.Analyze(ex.Text)
		if opt.Prepare != nil {
			opt.Prepare(d)
		}
		Features(d, nil, func(f []byte) { set[string(f)] = true })
		for f := range set {
			docs[i] = append(docs[i], f)
			df[f]++
		}
	}
	var names []string
	for f, n := range df {
		if n >= opt.MinDocs {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	row := make(map[string]int32, len(names))
	for i, f := range names {
		row[f] = int32(i)
	}
	k := len(classes)
	rows := make([][]int32, len(examples))
	ys := make([][]float64, len(examples))
	for i, ex := range examples {
		for _, f := range docs[i] {
			if r, ok := row[f]; ok {
				rows[i] = append(rows[i], r)
			}
		}
		slices.Sort(rows[i])
		ys[i] = make([]float64, k)
		for c, cl := range classes {
			if slices.Contains(ex.Labels, cl) {
				ys[i][c] = 1
			}
		}
	}
	w := make([]float64, len(names)*k)
	bias := make([]float64, k)
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		// Every product is converted explicitly: Go may otherwise fuse a
		// multiply and an add (on arm64, say), and the weights would differ
		// from one machine to another in their last bits.
		lr := opt.Rate / (1 + float64(float64(epoch)*opt.Decay))
		for i := range examples {
			scale := 1.0
			if len(rows[i]) > 0 {
				scale = 1 / math.Sqrt(float64(len(rows[i])))
			}
			for c := 0; c < k; c++ {
				z := bias[c]
				for _, r := range rows[i] {
					z += float64(w[int(r)*k+c] * scale)
				}
				g := sigmoid(z) - ys[i][c]
				bias[c] -= float64(float64(lr*g) * 0.1)
				for _, r := range rows[i] {
					j := int(r)*k + c
					w[j] -= float64(lr * (float64(g*scale) + float64(opt.L2*w[j])))
				}
			}
		}
	}
	m := &Model{Classes: slices.Clone(classes), Meta: map[string]string{}, bias: bias, words: newWordCache()}
	for k, v := range meta {
		m.Meta[k] = v
	}
	m.Meta["features"] = strconv.Itoa(FeatureVersion)
	m.Meta["trainer"] = strconv.Itoa(TrainerVersion)
	m.Meta["examples"] = strconv.Itoa(len(examples))
	for c := range m.bias {
		m.bias[c] = round3(m.bias[c])
	}
	for r, name := range names {
		keep := false
		for c := 0; c < k; c++ {
			if round3(w[r*k+c]) != 0 {
				keep = true
			}
		}
		if !keep {
			continue
		}
		m.names = append(m.names, name)
		for c := 0; c < k; c++ {
			m.weights = append(m.weights, float32(round3(w[r*k+c])))
		}
	}
	if err := m.buildIndex(); err != nil {
		return nil, err // a 64-bit hash collision among the features
	}
	return m, nil
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
