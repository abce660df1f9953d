package config

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awslabs/goformation/v7"
)

// Variables the functions read (README, "Settings").
var known = map[string]bool{
	"AGENTIQ_STORE": true, "AGENTIQ_BOLT_PATH": true, "AGENTIQ_TABLE": true, "AGENTIQ_DYNAMODB_ENDPOINT": true,
	"AGENTIQ_PSEUDONYM_KEY": true, "AGENTIQ_TEXT_TTL": true, "WB_API_BASE_URL": true, "WB_API_RATE": true,
	"AGENTIQ_SELLER": true, "AGENTIQ_POLL_CONCURRENCY": true, "AGENTIQ_POLL_MARGIN": true, "AGENTIQ_LOG_LEVEL": true,
	"AGENTIQ_PSEUDONYM_KEY_SECRET": true,
	// Read by ApiFunction and ReporterFunction (branches api and reports).
	"AGENTIQ_REPORTS_BUCKET": true, "AGENTIQ_CHECKPOINT_BUCKET": true, "AGENTIQ_CHECKPOINT_KEY_SECRET": true, "AGENTIQ_REPORTER_FUNCTION": true,
	"AGENTIQ_REPORT_RETENTION_DAYS": true,
}

// expectedLater lists the functions template.yaml declares whose code
// (functions/<name>) lands with another branch. The integrator empties it
// once the api and reports branches are merged: from then on every
// function of the template must have its folder, events and build.
var expectedLater = map[string]bool{}

// folder is the function's code folder: PollerFunction is functions/poller.
func folder(id string) string {
	return strings.ToLower(strings.TrimSuffix(id, "Function"))
}

// The SAM template, the functions' folders, the sample events and the
// Makefile agree: each function is a provided.al2023 bootstrap built by
// the Makefile, its events folder names it, and it is configured only with
// variables the functions read.
func TestTemplate(t *testing.T) {
	root := filepath.Join("..", "..")
	tpl, err := goformation.Open(filepath.Join(root, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fns := tpl.GetAllServerlessFunctionResources()
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	lambdas, err := exec.Command("make", "-s", "-C", root, "-n", "lambdas").CombinedOutput()
	if err != nil {
		t.Fatalf("make -n lambdas: %v\n%s", err, lambdas)
	}
	dirs, _ := filepath.Glob(filepath.Join(root, "functions", "*", "main.go"))
	if len(dirs) == 0 {
		t.Fatal("no functions")
	}
	for _, main := range dirs {
		name := filepath.Base(filepath.Dir(main))
		id := strings.ToUpper(name[:1]) + name[1:] + "Function"
		fn, ok := fns[id]
		if !ok {
			t.Errorf("functions/%s has no %s in template.yaml", name, id)
			continue
		}
		if fn.Runtime == nil || *fn.Runtime != "provided.al2023" || fn.Handler == nil || *fn.Handler != "bootstrap" {
			t.Errorf("%s: runtime %v, handler %v; want provided.al2023 and bootstrap", id, fn.Runtime, fn.Handler)
		}
		if m := fn.AWSCloudFormationMetadata; m == nil || m["BuildMethod"] != "makefile" {
			t.Errorf("%s: BuildMethod is not makefile", id)
		}
		if !regexp.MustCompile(`(?m)^build-` + id + `:`).Match(makefile) {
			t.Errorf("the Makefile has no build-%s target", id)
		}
		if !regexp.MustCompile(`for f in [^;]*\b` + name + `\b[^;]*;`).Match(lambdas) {
			t.Errorf("make lambdas does not build functions/%s:\n%s", name, lambdas)
		}
		events, _ := filepath.Glob(filepath.Join(root, "events", id, "*.json"))
		if len(events) == 0 {
			t.Errorf("no sample event in events/%s", id)
		}
		for _, e := range events {
			b, _ := os.ReadFile(e)
			if !json.Valid(b) {
				t.Errorf("%s is not JSON", e)
			}
		}
		vars := map[string]string{}
		if fn.Environment != nil {
			vars = fn.Environment.Variables
		}
		for k, v := range vars {
			if !known[k] {
				t.Errorf("%s sets %s, which no function reads", id, k)
			}
			if v == "" { // a !Ref of a resource: its name is known at deploy time
				vars[k] = "resolved-at-deploy"
			}
			// a parameter read as text ("${ReportRetentionDays}"): its default
			if name, ok := strings.CutPrefix(v, "${"); ok {
				if p, ok := tpl.Parameters[strings.TrimSuffix(name, "}")]; ok && p.Default != nil {
					vars[k] = fmt.Sprint(p.Default)
				}
			}
		}
		if _, err := FromEnv(func(k string) string { return vars[k] }); err != nil {
			t.Errorf("%s's environment: %v", id, err)
		}
	}
	for id := range fns {
		_, err := os.Stat(filepath.Join(root, "functions", folder(id), "main.go"))
		switch {
		case err != nil && !expectedLater[id]:
			t.Errorf("template.yaml's %s has no functions/%s/main.go", id, folder(id))
		case err == nil && expectedLater[id]:
			t.Errorf("functions/%s exists: remove %s from expectedLater", folder(id), id)
		}
	}
	folders, _ := filepath.Glob(filepath.Join(root, "events", "*"))
	for _, f := range folders {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			if _, ok := fns[filepath.Base(f)]; !ok {
				t.Errorf("events/%s names no function of template.yaml", filepath.Base(f))
			}
		}
	}
}
