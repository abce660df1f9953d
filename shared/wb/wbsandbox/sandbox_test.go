package wbsandbox_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

var anchor = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func seed(t *testing.T) *wbsandbox.Seed {
	t.Helper()
	s, err := wbsandbox.ParseSeed(wbsandbox.DefaultSeed())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestScript(t *testing.T) {
	s := seed(t)
	a, b := s.Generate("account 0", anchor), s.Generate("account 0", anchor)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed file made two different scripts")
	}
	if other := s.Generate("account 1", anchor); other.Chats[0].ID == a.Chats[0].ID {
		t.Error("two accounts got the same chats")
	}
	if len(a.Chats) < 200 {
		t.Errorf("%d chats, want at least 200", len(a.Chats))
	}
	perIntent := map[agentiq.Intent]int{}
	for _, c := range a.Chats {
		perIntent[c.Intent]++
	}
	for _, in := range agentiq.Intents {
		if perIntent[in] < 10 {
			t.Errorf("intent %s: %d chats", in, perIntent[in])
		}
	}
	ids := map[string]bool{}
	first := map[string]bool{}
	var pii, files, bare, wbMsgs int
	for i, e := range a.Events {
		if ids[e.EventID] {
			t.Errorf("event id %s twice", e.EventID)
		}
		ids[e.EventID] = true
		if i > 0 && (e.AddTimestamp < a.Events[i-1].AddTimestamp) {
			t.Fatalf("events out of order at %d", i)
		}
		if !first[e.ChatID] {
			first[e.ChatID] = true
			if !e.IsNewChat || e.ReplySign == "" || e.Sender != wb.SenderClient || e.Message.Attachments.GoodCard == nil {
				t.Errorf("chat %s opens with %+v: want a buyer's new chat with its sign and card", e.ChatID, e.Event)
			}
		} else if e.IsNewChat || e.ReplySign != "" {
			t.Errorf("event %s is not a chat's first and carries isNewChat or a sign", e.EventID)
		}
		if e.PII {
			pii++
		}
		if e.Message != nil && e.Message.Attachments != nil && len(e.Message.Attachments.Images) > 0 {
			files++
		}
		if e.Message == nil {
			bare++
		}
		if e.Sender == wb.SenderWB {
			wbMsgs++
		}
	}
	if a.Events[len(a.Events)-1].AddTimestamp != anchor.UnixMilli() {
		t.Errorf("the newest event is at %d, want the anchor %d", a.Events[len(a.Events)-1].AddTimestamp, anchor.UnixMilli())
	}
	if pii == 0 || files == 0 || bare == 0 || wbMsgs == 0 {
		t.Errorf("script lacks variety: %d with personal data, %d with photos, %d without a message, %d from WB", pii, files, bare, wbMsgs)
	}
}

// The scripted openers say what they are scripted to say: the classifier
// finds their intent as the primary one for nearly all, and for every
// intent at least once.
func TestScriptIsClassifiable(t *testing.T) {
	cl, err := intent.Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := seed(t).Generate("account 0", anchor)
	hit, n := map[agentiq.Intent]int{}, 0
	var misses []string
	for _, e := range sc.Events {
		if e.Intent == "" || e.PII {
			continue
		}
		n++
		if r := cl.Classify(e.Message.Text); r.Intent == e.Intent {
			hit[e.Intent]++
		} else {
			misses = append(misses, fmt.Sprintf("%s → %s: %s", e.Intent, r.Intent, e.Message.Text))
		}
	}
	total := 0
	for _, in := range agentiq.Intents {
		total += hit[in]
		if hit[in] == 0 {
			t.Errorf("no scripted %s message is classified so", in)
		}
	}
	if share := float64(total) / float64(n); share < 0.9 {
		t.Errorf("%.2f of %d scripted messages classified as scripted; misses:\n%s", share, n, strings.Join(misses, "\n"))
	}
}

func TestSeedErrors(t *testing.T) {
	good := string(wbsandbox.DefaultSeed())
	for name, data := range map[string]string{
		"not yaml":       "chats: [",
		"no chats":       strings.Replace(good, "chats: 240", "chats: 0", 1),
		"unknown intent": good + "\n  refund:\n    open: [x]\n",
		"missing intent": strings.Replace(good, "  gratitude:", "  gratitude_x:", 1),
	} {
		if _, err := wbsandbox.ParseSeed([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestSpecIsWBs(t *testing.T) {
	const want = "9890b478e6296df7f93de49069c133b5f6b845dc5bdd82afd8b8b681860ef725" // SOURCE.txt
	if got := fmt.Sprintf("%x", sha256.Sum256(wbsandbox.CommunicationsSpec())); got != want {
		t.Errorf("openapi/09-communications.yaml has changed: sha256 %s, want WB's %s", got, want)
	}
}

func TestParseFaults(t *testing.T) {
	f, err := wbsandbox.ParseFaults("5xx=0.2, 429=0.1,storm=3,malformed=0.05,dup=0.3,latency=200ms@0.1,drop=0.5")
	want := wbsandbox.Faults{ServerError: 0.2, RateLimit: 0.1, Storm: 3, Malformed: 0.05, Duplicate: 0.3,
		Latency: 200 * time.Millisecond, LatencyShare: 0.1, Drop: 0.5}
	if err != nil || f != want {
		t.Errorf("got %+v, %v", f, err)
	}
	if g, err := wbsandbox.ParseFaults(f.String()); err != nil || g != f {
		t.Errorf("round trip %q: %+v, %v", f.String(), g, err)
	}
	for _, bad := range []string{"5xx", "5xx=2", "teapot=1", "latency=fast", "storm=-1"} {
		if _, err := wbsandbox.ParseFaults(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// raw is a bare HTTP client for the sandbox: these tests check the
// sandbox itself, without the wb client's pacing and retries.
type raw struct {
	t     *testing.T
	url   string
	token string
}

func (c raw) do(method, path string, body io.Reader, ctype string) (*http.Response, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.url+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if c.token != "" {
		req.Header.Set("Authorization", c.token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp, b
}

func start(t *testing.T, cfg wbsandbox.Config) (*wbsandbox.Server, raw) {
	t.Helper()
	if cfg.Tokens == nil {
		cfg.Tokens = []string{"tok-" + t.Name()}
	}
	if cfg.Anchor.IsZero() {
		cfg.Anchor = anchor
	}
	sb, url := sandboxtest.Start(t, cfg)
	return sb, raw{t: t, url: url, token: cfg.Tokens[0]}
}

func form(t *testing.T, fields map[string]string, files map[string][]byte, types map[string]string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="file"; filename=%q`, name)}
		h["Content-Type"] = []string{types[name]}
		p, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		p.Write(data)
	}
	w.Close()
	return &b, w.FormDataContentType()
}

// Pages hold every event once, in order, cut only between two different
// times; the stream ends with totalEvents 0.
func TestEventPages(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{PageSize: 7, Rate: wb.Limit{Requests: 1000, Per: time.Second}})
	script := sb.Script(c.token)
	var got []wb.Event
	next, pages := int64(0), 0
	lastTime := int64(-1)
	for {
		path := wb.PathEvents
		if next > 0 {
			path += "?next=" + strconv.FormatInt(next, 10)
		}
		resp, body := c.do("GET", path, nil, "")
		var page wb.EventsResponse
		if resp.StatusCode != 200 || json.Unmarshal(body, &page) != nil {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		if page.Result.TotalEvents == 0 {
			break
		}
		pages++
		evs := page.Result.Events
		if page.Result.TotalEvents != len(evs) || page.Result.Next != evs[len(evs)-1].AddTimestamp {
			t.Fatalf("page %d: totalEvents %d, next %d, %d events", pages, page.Result.TotalEvents, page.Result.Next, len(evs))
		}
		if evs[0].AddTimestamp <= lastTime {
			t.Fatalf("page %d starts at %d, not after the last page's time %d", pages, evs[0].AddTimestamp, lastTime)
		}
		lastTime = page.Result.Next
		got = append(got, evs...)
		next = page.Result.Next
	}
	var want []wb.Event
	for _, e := range script.Events {
		want = append(want, e.Event)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d events in %d pages, want the script's %d", len(got), pages, len(want))
	}
	if pages < len(want)/7 {
		t.Errorf("%d pages of at most 7 (cut at equal times only) for %d events", pages, len(want))
	}
	if st := sb.Stats(); st.InvalidRequests != 0 || st.InvalidResponses != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestClockRevealsEvents(t *testing.T) {
	script := seed(t).Generate("account 0", anchor)
	mid := time.UnixMilli(script.Events[len(script.Events)/2].AddTimestamp)
	_, c := start(t, wbsandbox.Config{PageSize: 10000, Clock: func() time.Time { return mid }})
	_, body := c.do("GET", wb.PathEvents, nil, "")
	var page wb.EventsResponse
	json.Unmarshal(body, &page)
	for _, e := range page.Result.Events {
		if e.AddTimestamp > mid.UnixMilli() {
			t.Fatalf("event at %d shown before its time %d", e.AddTimestamp, mid.UnixMilli())
		}
	}
	if n := len(page.Result.Events); n < len(script.Events)/2 || n == len(script.Events) {
		t.Errorf("%d of %d events by the middle", n, len(script.Events))
	}
}

// Every answer matches WB's OpenAPI file, errors included, and each error
// has WB's shape and wording.
func TestAnswers(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{Rate: wb.Limit{Requests: 1000, Per: time.Second}})
	script := sb.Script(c.token)
	sign := script.Chats[0].ReplySign
	var photo, pdf string
	for _, e := range script.Events {
		if e.Message != nil && e.Message.Attachments != nil {
			for _, im := range e.Message.Attachments.Images {
				photo = im.DownloadID
			}
			for _, f := range e.Message.Attachments.Files {
				pdf = f.DownloadID
			}
		}
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	type check struct {
		name    string
		method  string
		path    string
		body    func() (io.Reader, string)
		token   string
		status  int
		ctype   string
		contain string
	}
	text := func(s string) func() (io.Reader, string) {
		return func() (io.Reader, string) {
			return form(t, map[string]string{"replySign": sign, "message": s}, nil, nil)
		}
	}
	checks := []check{
		{"ping", "GET", "/ping", nil, "", 200, "application/json", `"Status":"OK"`},
		{"chats", "GET", wb.PathChats, nil, "", 200, "application/json", script.Chats[0].ID},
		{"events", "GET", wb.PathEvents, nil, "", 200, "application/json", `"totalEvents":`},
		{"next=0", "GET", wb.PathEvents + "?next=0", nil, "", 400, "application/json", `Invalid value for \"next\"`},
		{"next=abc", "GET", wb.PathEvents + "?next=abc", nil, "", 400, "application/json", `Invalid number`},
		{"no token", "GET", wb.PathChats, nil, "-", 401, "application/problem+json", `"title":"unauthorized"`},
		{"wrong token", "GET", wb.PathChats, nil, "Bearer " + c.token, 401, "application/problem+json", `"requestId":`},
		{"send", "POST", wb.PathMessage, text("Здравствуйте! Заказ уже в пути."), "", 200, "application/json", `"addTime":`},
		{"bad sign", "POST", wb.PathMessage, func() (io.Reader, string) {
			return form(t, map[string]string{"replySign": "1:nope", "message": "x"}, nil, nil)
		}, "", 400, "application/problem+json", "Invalid signature"},
		{"too long", "POST", wb.PathMessage, text(strings.Repeat("я", 1001)), "", 400, "application/problem+json", `Invalid value for \"message\"`},
		{"photo", "POST", wb.PathMessage, func() (io.Reader, string) {
			return form(t, map[string]string{"replySign": sign}, map[string][]byte{"a.png": png}, map[string]string{"a.png": "image/png"})
		}, "", 200, "application/json", `"chatID":`},
		{"video", "POST", wb.PathMessage, func() (io.Reader, string) {
			return form(t, map[string]string{"replySign": sign}, map[string][]byte{"v.mp4": []byte("....ftypmp42")}, map[string]string{"v.mp4": "video/mp4"})
		}, "", 400, "application/problem+json", `has unsupported mime type`},
		{"big photo", "POST", wb.PathMessage, func() (io.Reader, string) {
			return form(t, map[string]string{"replySign": sign}, map[string][]byte{"b.png": append(png, make([]byte, 5<<20)...)}, map[string]string{"b.png": "image/png"})
		}, "", 400, "application/problem+json", `attachment too big. Max size: 5MiB`},
		{"unknown file", "GET", wb.PathDownload + "nope", nil, "", 400, "application/json", `invalid fileID`},
		{"no such method", "GET", "/api/v1/seller/nothing", nil, "", 404, "application/json", `not found`},
	}
	for _, ck := range checks {
		c := c
		switch ck.token {
		case "-":
			c.token = ""
		case "":
		default:
			c.token = ck.token
		}
		var body io.Reader
		ct := ""
		if ck.body != nil {
			body, ct = ck.body()
		}
		resp, b := c.do(ck.method, ck.path, body, ct)
		if resp.StatusCode != ck.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), ck.ctype) || !strings.Contains(string(b), ck.contain) {
			t.Errorf("%s: %d %s %.300s; want %d %s with %s", ck.name, resp.StatusCode, resp.Header.Get("Content-Type"), b, ck.status, ck.ctype, ck.contain)
		}
		if resp.StatusCode < 300 && resp.Header.Get("X-Ratelimit-Remaining") == "" {
			t.Errorf("%s: no X-Ratelimit-Remaining", ck.name)
		}
	}
	// Downloads: most files come, some are under moderation, some failed it.
	statuses := map[int]int{}
	for _, e := range script.Events {
		if e.Message == nil || e.Message.Attachments == nil {
			continue
		}
		for _, im := range e.Message.Attachments.Images {
			resp, _ := c.do("GET", wb.PathDownload+im.DownloadID, nil, "")
			statuses[resp.StatusCode]++
		}
	}
	if statuses[200] == 0 || statuses[202] == 0 || statuses[451] == 0 {
		t.Errorf("download statuses %v: want 200, 202 and 451 among them", statuses)
	}
	if resp, b := c.do("GET", wb.PathDownload+pdf, nil, ""); resp.StatusCode == 200 && !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the receipt is not a PDF: %.20q", b)
	}
	_ = photo
	st := sb.Stats()
	if st.InvalidResponses != 0 {
		t.Errorf("%d answers of the sandbox do not match WB's spec", st.InvalidResponses)
	}
	if st.InvalidRequests != 2 { // next=abc and the 1001-character message
		t.Errorf("%d requests found invalid, want 2", st.InvalidRequests)
	}
	if st.Sent != 2 || len(sb.Sent(c.token)) != 2 {
		t.Errorf("%d messages taken, want 2", st.Sent)
	}
}

// A sent message comes back in the event stream as the seller's, from the
// API, at the time the send was answered with.
func TestEcho(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{Rate: wb.Limit{Requests: 1000, Per: time.Second}, PageSize: 100000,
		Clock: func() time.Time { return anchor.Add(time.Hour) }})
	chat := sb.Script(c.token).Chats[3]
	body, ct := form(t, map[string]string{"replySign": chat.ReplySign, "message": "Спасибо за заказ!"}, nil, nil)
	_, b := c.do("POST", wb.PathMessage, body, ct)
	var sent wb.MessageResponse
	if err := json.Unmarshal(b, &sent); err != nil || sent.Result.ChatID != chat.ID {
		t.Fatalf("send: %s", b)
	}
	_, b = c.do("GET", wb.PathEvents, nil, "")
	var page wb.EventsResponse
	json.Unmarshal(b, &page)
	last := page.Result.Events[len(page.Result.Events)-1]
	if last.ChatID != chat.ID || last.Sender != wb.SenderSeller || last.Source != wb.SourceAPI ||
		last.AddTimestamp != sent.Result.AddTime || last.Message == nil || last.Message.Text != "Спасибо за заказ!" {
		t.Errorf("the stream ends with %+v, want the echo of the send at %d", last, sent.Result.AddTime)
	}
}

// The sandbox enforces WB's limit: a request over it gets WB's 429 with
// X-Ratelimit-* headers and counts as a violation; after the wait it asks
// for, requests pass again.
func TestRateLimit(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{Rate: wb.Limit{Requests: 3, Per: 3 * time.Second}})
	for i := 0; i < 3; i++ {
		if resp, _ := c.do("GET", wb.PathChats, nil, ""); resp.StatusCode != 200 || resp.Header.Get("X-Ratelimit-Remaining") != strconv.Itoa(2-i) {
			t.Fatalf("request %d: %d, remaining %q", i+1, resp.StatusCode, resp.Header.Get("X-Ratelimit-Remaining"))
		}
	}
	resp, b := c.do("GET", wb.PathEvents, nil, "")
	if resp.StatusCode != 429 || resp.Header.Get("X-Ratelimit-Retry") != "1" || resp.Header.Get("X-Ratelimit-Limit") != "3" ||
		resp.Header.Get("X-Ratelimit-Reset") == "" || resp.Header.Get("X-Ratelimit-Remaining") != "" || !strings.Contains(string(b), `"too many requests"`) {
		t.Fatalf("the 4th request: %d %v %s", resp.StatusCode, resp.Header, b)
	}
	if st := sb.Stats(); st.Violations != 1 || st.RateLimited != 1 {
		t.Errorf("stats %+v: want one violation", st)
	}
	// /ping has its own limit.
	if resp, _ := c.do("GET", "/ping", nil, ""); resp.StatusCode != 200 {
		t.Errorf("ping after the chat limit: %d", resp.StatusCode)
	}
}

// An injected 429 is WB's doing, not a violation; coming back before its
// X-Ratelimit-Retry is.
func TestInjected429(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{Rate: wb.Limit{Requests: 10, Per: 10 * time.Second}, Faults: wbsandbox.Faults{RateLimit: 1}})
	resp, _ := c.do("GET", wb.PathChats, nil, "")
	if resp.StatusCode != 429 || resp.Header.Get("X-Ratelimit-Retry") == "" {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	sb.SetFaults(wbsandbox.Faults{})
	if resp, _ := c.do("GET", wb.PathChats, nil, ""); resp.StatusCode != 429 {
		t.Errorf("a request before the retry time: %d", resp.StatusCode)
	}
	if st := sb.Stats(); st.Injected429 != 1 || st.Violations != 1 {
		t.Errorf("stats %+v: want one injected 429 and one violation", st)
	}
}

func TestFaultsBreakAnswers(t *testing.T) {
	sb, c := start(t, wbsandbox.Config{Rate: wb.Limit{Requests: 1000, Per: time.Second}, Faults: wbsandbox.Faults{Malformed: 1}})
	_, b := c.do("GET", wb.PathEvents, nil, "")
	var page wb.EventsResponse
	if json.Unmarshal(b, &page) == nil && page.Result.TotalEvents > 0 {
		t.Errorf("a malformed answer decoded: %.200s", b)
	}
	sb.SetFaults(wbsandbox.Faults{ServerError: 1})
	if resp, _ := c.do("GET", wb.PathEvents, nil, ""); resp.StatusCode < 500 {
		t.Errorf("status %d, want a 5xx", resp.StatusCode)
	}
	sb.SetFaults(wbsandbox.Faults{Duplicate: 1})
	_, b = c.do("GET", wb.PathEvents, nil, "")
	json.Unmarshal(b, &page)
	_, b = c.do("GET", wb.PathEvents+"?next="+strconv.FormatInt(page.Result.Next, 10), nil, "")
	var second wb.EventsResponse
	json.Unmarshal(b, &second)
	if !slices.ContainsFunc(page.Result.Events, func(e wb.Event) bool { return e.EventID == second.Result.Events[0].EventID }) {
		t.Error("a duplicating page does not repeat the page before")
	}
	if st := sb.Stats(); st.Malformed != 1 || st.ServerErrors != 1 || st.Duplicated != 1 || st.InvalidResponses != 0 {
		t.Errorf("stats %+v", st)
	}
}
