package config

import (
	"bytes"
	"debug/elf"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/reports"
	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/goformation/v7"
	"github.com/awslabs/goformation/v7/intrinsics"
)

// maxBootstrap is the largest stripped bootstrap allowed (issue 10);
// bootstrapLimit names the exceptions, each with its reason (README,
// "Function binaries").
const maxBootstrap = 15 << 20

var bootstrapLimit = map[string]int64{
	// The reporter carries the XLSX and PDF writers (excelize, fpdf, Go's
	// fonts) and the S3 SDK beside the store's: 23 MB stripped.
	"ReporterFunction": 25 << 20,
	// The API checks operators' and integrators' drafts with the classifier
	// and the linter, whose models and lexicons (1.4 MB) grow with each
	// round of labelled data, beside the DynamoDB, S3, Lambda and Secrets
	// Manager SDKs: 15.0 MiB stripped after issue 11's eighth round,
	// 17,825,954 B (162 bytes over 17 MiB) after the fifty-seventh
	// session's retraining, the SDKs' schema tables grown too.
	"ApiFunction": 18 << 20,
	// The responder classifies each buyer message and lints each draft
	// with the same models: 15,728,802 B stripped after the fifty-second
	// session's retraining (1,040 messages and 480 drafts more), 162 bytes
	// over 15 MiB.
	"ResponderFunction": 17 << 20,
}

// eventTypes is the aws-lambda-go type each function's events decode
// into; eventFileTypes overrides it for single files (a glob under
// events/), as for the reporter's on-demand requests, whose type is the
// reporter's own: the integrator adds its pattern and type here.
var (
	eventTypes = map[string]func() any{
		"PollerFunction":    func() any { return new(events.CloudWatchEvent) },
		"ResponderFunction": func() any { return new(events.DynamoDBEvent) },
		"ApiFunction":       func() any { return new(events.APIGatewayV2HTTPRequest) },
		"ReporterFunction":  func() any { return new(events.CloudWatchEvent) }, // the monthly schedule
	}
	eventFileTypes = map[string]func() any{
		"ReporterFunction/on-demand*.json":  func() any { return new(reports.Job) },            // a direct invoke
		"ReporterFunction/report-job*.json": func() any { return new(reports.Job) },            // the API's asynchronous invoke of a job
		"ResponderFunction/sweep.json":      func() any { return new(events.CloudWatchEvent) }, // the sweep schedule
		"ReporterFunction/checkpoint.json":  func() any { return new(checkpointInput) },        // the checkpoint schedule's input
	}
)

// checkpointInput is the reporter's checkpoint schedule's input.
type checkpointInput struct {
	Checkpoint bool `json:"checkpoint"`
}

// raw is the template as JSON with its intrinsic functions left as they
// are written ({"Ref": …}), for what goformation's types do not model.
func raw(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	j, err := intrinsics.ProcessYAML(b, &intrinsics.ProcessorOptions{NoProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(j, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func resources(t *testing.T, tpl map[string]any, typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	for id, r := range tpl["Resources"].(map[string]any) {
		r := r.(map[string]any)
		if r["Type"] == typ {
			props, _ := r["Properties"].(map[string]any)
			out[id] = props
		}
	}
	return out
}

// getAtt is !GetAtt id.attr as the raw template holds it.
func getAtt(id, attr string) string {
	return `{"Fn::GetAtt":"` + id + "." + attr + `"}`
}

func list(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// Each function's build-<LogicalId> target makes <ARTIFACTS_DIR>/bootstrap
// from its folder, stripped; where the folder exists it is built, and the
// result is a linux/arm64 executable of at most 15 MB.
func TestBuildTargets(t *testing.T) {
	root := filepath.Join("..", "..")
	tpl, err := goformation.Open(filepath.Join(root, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for id, fn := range tpl.GetAllServerlessFunctionResources() {
		if fn.CodeUri == nil || fn.CodeUri.String == nil || *fn.CodeUri.String != "." {
			t.Errorf("%s: CodeUri is not the folder of the Makefile (.)", id)
		}
		if fn.Architectures == nil || len(fn.Architectures) != 1 || fn.Architectures[0] != "arm64" {
			t.Errorf("%s: architectures %v, want arm64", id, fn.Architectures)
		}
		if fn.Tracing == nil || *fn.Tracing != "Active" {
			t.Errorf("%s: X-Ray tracing is not Active", id)
		}
		dir := t.TempDir()
		out, err := exec.Command("make", "-s", "-C", root, "-n", "build-"+id, "ARTIFACTS_DIR="+dir).CombinedOutput()
		if err != nil {
			t.Errorf("make -n build-%s: %v\n%s", id, err, out)
			continue
		}
		want := []string{"-o " + dir + "/bootstrap", "./functions/" + folder(id), "GOARCH=arm64", "-s -w", "lambda.norpc"}
		for _, w := range want {
			if !strings.Contains(string(out), w) {
				t.Errorf("build-%s lacks %q: %s", id, w, out)
			}
		}
		if _, err := os.Stat(filepath.Join(root, "functions", folder(id))); err != nil || testing.Short() {
			continue // expected later (TestTemplate), or no build in -short
		}
		if out, err := exec.Command("make", "-s", "-C", root, "build-"+id, "ARTIFACTS_DIR="+dir).CombinedOutput(); err != nil {
			t.Errorf("make build-%s: %v\n%s", id, err, out)
			continue
		}
		bin := filepath.Join(dir, "bootstrap")
		f, err := elf.Open(bin)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if f.Machine != elf.EM_AARCH64 || f.Section(".symtab") != nil {
			t.Errorf("%s: bootstrap for %v, symbols kept %v", id, f.Machine, f.Section(".symtab") != nil)
		}
		f.Close()
		limit := int64(maxBootstrap)
		if l, ok := bootstrapLimit[id]; ok {
			limit = l
		}
		if info, _ := os.Stat(bin); info.Size() > limit || info.Mode()&0o111 == 0 {
			t.Errorf("%s: bootstrap %d bytes, mode %v; want an executable ≤ %d", id, info.Size(), info.Mode(), limit)
		}
	}
}

// Every sample event decodes, without unknown fields, into the event type
// of the function its folder names.
func TestEvents(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "events", "*", "*.json"))
	if len(files) == 0 {
		t.Fatal("no events")
	}
	seen := map[string]bool{}
	for _, f := range files {
		id := filepath.Base(filepath.Dir(f))
		rel := id + "/" + filepath.Base(f)
		seen[id] = true
		newEvent := eventTypes[id]
		for pat, typ := range eventFileTypes {
			if ok, _ := filepath.Match(pat, rel); ok {
				newEvent = typ
			}
		}
		if newEvent == nil {
			t.Errorf("%s: no event type for %s (add it to eventTypes or eventFileTypes)", rel, id)
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ev := newEvent()
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(ev); err != nil {
			t.Errorf("%s is not a %T: %v", rel, ev, err)
			continue
		}
		if dec.More() {
			t.Errorf("%s: more than one JSON value", rel)
		}
		if req, ok := ev.(*events.APIGatewayV2HTTPRequest); ok {
			if req.Version != "2.0" {
				t.Errorf("%s: payload version %q, want 2.0", rel, req.Version)
			}
			if a := req.RequestContext.Authorizer; a != nil && a.JWT != nil {
				for _, c := range []string{"sub", "seller", "roles"} {
					if a.JWT.Claims[c] == "" {
						t.Errorf("%s: the JWT claims lack %s", rel, c)
					}
				}
			}
		}
	}
	// env.json (sam local invoke --env-vars) sets, per function, only
	// variables the functions read, pointing at the local stack.
	b, err := os.ReadFile(filepath.Join("..", "..", "events", "env.json"))
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]map[string]string
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("events/env.json: %v", err)
	}
	for id, vars := range env {
		if eventTypes[id] == nil {
			t.Errorf("events/env.json: %s is no function", id)
		}
		for k := range vars {
			if !known[k] && !strings.HasPrefix(k, "AWS_") && k != "WB_API_TOKEN" {
				t.Errorf("events/env.json: %s sets %s, which no function reads", id, k)
			}
		}
	}
	for id := range eventTypes {
		if env[id] == nil {
			t.Errorf("events/env.json has no %s", id)
		}
		if !seen[id] && !expectedLater[id] {
			t.Errorf("no sample event in events/%s", id)
		}
	}
}

var (
	wildcardAction = regexp.MustCompile(`^\*$|^[a-z0-9-]+:\*$`)
	keyLike        = []*regexp.Regexp{
		regexp.MustCompile(`^[0-9a-fA-F]{32,}$`),         // a hex key
		regexp.MustCompile(`^[A-Za-z0-9+/]{32,}={0,2}$`), // a base64 key
		regexp.MustCompile(`AKIA[0-9A-Z]{16}`),           // an AWS access key
	}
)

// Least privilege: every function grants itself named actions through its
// own statements — no wildcard action, no SAM policy template (as
// DynamoDBCrudPolicy), no managed policy; "*" resources only for X-Ray,
// which has no resource-level permissions.
func TestPolicies(t *testing.T) {
	tpl := raw(t)
	fns := resources(t, tpl, "AWS::Serverless::Function")
	if len(fns) != 4 {
		t.Errorf("%d functions, want 4", len(fns))
	}
	for id, props := range fns {
		pols := list(props["Policies"])
		if len(pols) == 0 {
			t.Errorf("%s: no policy", id)
		}
		for _, p := range pols {
			doc, ok := p.(map[string]any)
			if !ok || doc["Statement"] == nil || len(doc) != 1 {
				t.Errorf("%s: policy %v is not a statement list of its own", id, p)
				continue
			}
			for _, st := range list(doc["Statement"]) {
				st := st.(map[string]any)
				if st["Effect"] != "Allow" {
					continue
				}
				var actions []string
				for _, a := range list(st["Action"]) {
					a := fmt.Sprint(a)
					actions = append(actions, a)
					if wildcardAction.MatchString(a) || strings.Contains(a, "*") {
						t.Errorf("%s: wildcard action %q", id, a)
					}
				}
				for _, r := range list(st["Resource"]) {
					if r == "*" && !strings.HasPrefix(strings.Join(actions, ","), "xray:") {
						t.Errorf("%s: %v on every resource", id, actions)
					}
				}
			}
		}
	}
	for _, typ := range []string{"AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"} {
		if r := resources(t, tpl, typ); len(r) > 0 {
			t.Errorf("%s resources outside the functions' own policies: %v", typ, r)
		}
	}
}

// No secret in the configuration: no environment variable or output
// resolves a secret or holds something that looks like a key; secrets are
// passed by ARN (…_SECRET) and read at init.
func TestNoSecretInConfiguration(t *testing.T) {
	tpl := raw(t)
	check := func(where, name string, v any) {
		s, _ := json.Marshal(v)
		if strings.Contains(string(s), "{{resolve:") {
			t.Errorf("%s %s resolves a secret: %s", where, name, s)
		}
		if str, ok := v.(string); ok {
			for _, re := range keyLike {
				if re.MatchString(str) {
					t.Errorf("%s %s looks like a key", where, name)
				}
			}
		}
		if regexp.MustCompile(`(KEY|TOKEN|PASSWORD)$`).MatchString(name) {
			t.Errorf("%s %s holds a secret itself; pass its ARN as …_SECRET", where, name)
		}
	}
	for id, props := range resources(t, tpl, "AWS::Serverless::Function") {
		env, _ := props["Environment"].(map[string]any)
		vars, _ := env["Variables"].(map[string]any)
		for k, v := range vars {
			check(id, k, v)
		}
	}
	for name, o := range tpl["Outputs"].(map[string]any) {
		check("output", name, o.(map[string]any)["Value"])
		if s, _ := json.Marshal(o); strings.Contains(string(s), "PseudonymKeySecret") {
			t.Errorf("output %s names the pseudonym key's secret", name)
		}
	}
}

// The data at rest: buckets private, encrypted, TLS only; the checkpoint
// bucket locked in compliance mode, the reports bucket expiring; the table
// with a stream, TTL, PITR, encryption and deletion protection.
func TestDataAtRest(t *testing.T) {
	tpl := raw(t)
	buckets := resources(t, tpl, "AWS::S3::Bucket")
	if len(buckets) != 2 {
		t.Errorf("%d buckets, want the reports and the checkpoint bucket", len(buckets))
	}
	tlsOnly := map[string]bool{}
	for _, props := range resources(t, tpl, "AWS::S3::BucketPolicy") {
		ref, _ := props["Bucket"].(map[string]any)
		doc := props["PolicyDocument"].(map[string]any)
		for _, st := range list(doc["Statement"]) {
			st := st.(map[string]any)
			cond, _ := json.Marshal(st["Condition"])
			if st["Effect"] == "Deny" && st["Principal"] == "*" && string(cond) == `{"Bool":{"aws:SecureTransport":"false"}}` &&
				len(list(st["Resource"])) == 2 {
				tlsOnly[fmt.Sprint(ref["Ref"])] = true
			}
		}
	}
	for id, props := range buckets {
		pab, _ := props["PublicAccessBlockConfiguration"].(map[string]any)
		for _, k := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
			if pab[k] != true {
				t.Errorf("%s: %s is not true", id, k)
			}
		}
		if enc, _ := json.Marshal(props["BucketEncryption"]); !strings.Contains(string(enc), "SSEAlgorithm") {
			t.Errorf("%s: not encrypted", id)
		}
		if !tlsOnly[id] {
			t.Errorf("%s: no bucket policy denying requests without TLS", id)
		}
	}
	if lock, _ := json.Marshal(buckets["CheckpointBucket"]["ObjectLockConfiguration"]); buckets["CheckpointBucket"]["ObjectLockEnabled"] != true ||
		!strings.Contains(string(lock), `"Mode":"COMPLIANCE"`) || !strings.Contains(string(lock), `"DefaultRetention"`) {
		t.Errorf("CheckpointBucket: no Object Lock in compliance mode with a default retention: %s", lock)
	}
	if lc, _ := json.Marshal(buckets["ReportsBucket"]["LifecycleConfiguration"]); !strings.Contains(string(lc), `"Status":"Enabled"`) {
		t.Errorf("ReportsBucket: no lifecycle rule")
	}
	tables := resources(t, tpl, "AWS::DynamoDB::Table")
	table := tables["AgentiqTable"]
	if table == nil {
		t.Fatal("no AgentiqTable")
	}
	b, _ := json.Marshal(table)
	for _, want := range []string{`"BillingMode":"PAY_PER_REQUEST"`, `"StreamViewType":`, `"TimeToLiveSpecification":{"AttributeName":"ttl","Enabled":true}`,
		`"PointInTimeRecoveryEnabled":true`, `"SSESpecification":{"SSEEnabled":true}`, `"DeletionProtectionEnabled":true`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("AgentiqTable lacks %s", want)
		}
	}
	// JSON logs for every function, through Globals.
	if g, _ := json.Marshal(tpl["Globals"]); !strings.Contains(string(g), `"LoggingConfig":{"LogFormat":"JSON"}`) {
		t.Errorf("functions do not log JSON: Globals %s", g)
	}
}

// The responder gets only new inbox items from the stream, reports the
// records that failed, bisects, retries a bounded number of times for a
// bounded time, and then parks the record in its dead-letter queue, which
// has an alarm.
func TestResponderStream(t *testing.T) {
	tpl := raw(t)
	fn := resources(t, tpl, "AWS::Serverless::Function")["ResponderFunction"]
	var stream map[string]any
	for _, e := range fn["Events"].(map[string]any) {
		if e := e.(map[string]any); e["Type"] == "DynamoDB" {
			stream = e["Properties"].(map[string]any)
		}
	}
	if stream == nil {
		t.Fatal("ResponderFunction has no DynamoDB stream event")
	}
	b, _ := json.Marshal(stream)
	for _, want := range []string{`"FunctionResponseTypes":["ReportBatchItemFailures"]`, `"BisectBatchOnFunctionError":true`,
		`"Filters":[{"Pattern":`, `\"prefix\": \"E#\"`, `"OnFailure":{"Destination":` + getAtt("ResponderDeadLetters", "Arn") + `,"Type":"SQS"}`,
		`"Stream":` + getAtt("AgentiqTable", "StreamArn")} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the responder's stream event lacks %s: %s", want, b)
		}
	}
	for _, k := range []string{"MaximumRetryAttempts", "MaximumRecordAgeInSeconds"} {
		if n, ok := stream[k].(float64); !ok || n < 0 || n > 10000 {
			t.Errorf("%s %v is not bounded", k, stream[k])
		}
	}
	var alarmed []string
	for id, a := range resources(t, tpl, "AWS::CloudWatch::Alarm") {
		b, _ := json.Marshal(a)
		if strings.Contains(string(b), `"MetricName":"ApproximateNumberOfMessagesVisible"`) && strings.Contains(string(b), getAtt("ResponderDeadLetters", "QueueName")) &&
			a["Threshold"] == float64(0) && a["ComparisonOperator"] == "GreaterThanThreshold" {
			alarmed = append(alarmed, id)
		}
	}
	sort.Strings(alarmed)
	if len(alarmed) != 1 {
		t.Errorf("alarms on the dead-letter queue: %v", alarmed)
	}
	// The API: JWT authoriser and throttling; the outputs.
	api := resources(t, tpl, "AWS::Serverless::HttpApi")["AgentiqHttpApi"]
	if b, _ := json.Marshal(api); !strings.Contains(string(b), `"JwtConfiguration":{"audience":[{"Ref":"JwtAudience"}],"issuer":{"Ref":"JwtIssuer"}}`) ||
		!strings.Contains(string(b), `"ThrottlingRateLimit"`) || !strings.Contains(string(b), `"DefaultAuthorizer":"Jwt"`) {
		t.Errorf("AgentiqHttpApi: %s", b)
	}
	for _, o := range []string{"ApiUrl", "TableName", "ReportsBucketName", "CheckpointBucketName"} {
		if _, ok := tpl["Outputs"].(map[string]any)[o]; !ok {
			t.Errorf("no output %s", o)
		}
	}
}
