package runtimetest

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestInvoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a bootstrap")
	}
	bin := Build(t, "testdata/echo")
	res := Invoke(t, bin, []byte(`{"echo": "привет"}`))
	var got struct{ Echo string }
	if res.Kind != "response" || json.Unmarshal(res.Body, &got) != nil || got.Echo != "привет" {
		t.Errorf("answer %s %s", res.Kind, res.Body)
	}
	if res.Init <= 0 || res.Init > Timeout {
		t.Errorf("init %s", res.Init)
	}
	res = Invoke(t, bin, []byte(`{"fail": "no such seller"}`))
	if res.Kind != "error" || !strings.Contains(string(res.Body), "no such seller") {
		t.Errorf("answer %s %s", res.Kind, res.Body)
	}
}
