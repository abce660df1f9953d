package main

import (
	"bufio"
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// alive reports whether process pid runs (a zombie does not).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && f[0] != "Z"
}

// make local-stack, then AGENTIQ_STORE=dynamodb make run on it, then make
// local-stack-down: the pipeline runs on DynamoDB Local and no process of
// the stack is left.
func TestLocalStack(t *testing.T) {
	if testing.Short() {
		t.Skip("starts DynamoDB Local, versitygw and the WB sandbox")
	}
	for _, tool := range []string{"java", "npm", "setsid"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the local stack needs %s, which this machine lacks", tool)
		}
	}
	dir := t.TempDir()
	var env []string
	// Free ports, picked now: a port freed here may be taken by another
	// process (a parallel test's connection) before the stack's last
	// service binds it, which the script reports; the stack then comes up
	// again on ports picked afresh.
	pickPorts := func() {
		env = append(os.Environ(), "STACK_DIR="+dir)
		for _, name := range []string{"DYNAMODB_PORT", "SANDBOX_PORT", "S3_PORT", "API_PORT"} {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			env = append(env, name+"="+strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
			l.Close()
		}
	}
	run := func(arg string) ([]byte, error) {
		cmd := exec.Command(filepath.Join("..", "..", "scripts", "local-stack.sh"), arg)
		cmd.Env = env
		return cmd.CombinedOutput()
	}
	stack := func(arg string) {
		t.Helper()
		if out, err := run(arg); err != nil {
			t.Fatalf("local-stack.sh %s: %v\n%s", arg, err, out)
		}
	}
	t.Cleanup(func() { stack("down") })
	for attempt := 1; ; attempt++ {
		pickPorts()
		out, err := run("up")
		if err == nil {
			break
		}
		if attempt == 3 || !bytes.Contains(out, []byte("is taken")) {
			t.Fatalf("local-stack.sh up: %v\n%s", err, out)
		}
		t.Logf("a port was taken before its service bound it; again on fresh ports:\n%s", out)
		stack("down")
	}
	var pids []int
	files, _ := filepath.Glob(filepath.Join(dir, "*.pid"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || !alive(pid) {
			t.Errorf("%s: %q is no running process", f, b)
		}
		pids = append(pids, pid)
	}
	if len(pids) < 3 {
		t.Fatalf("%d services running, want DynamoDB Local, the WB sandbox and versitygw", len(pids))
	}

	// The stack's settings, as make run reads them.
	cmd := exec.Command("bash", "-c", `set -a; . "$STACK_DIR/env"; env`)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok && (strings.HasPrefix(k, "AGENTIQ_") || strings.HasPrefix(k, "AWS_")) {
			t.Setenv(k, v)
		}
	}
	t.Setenv("AGENTIQ_STORE", "dynamodb")
	t.Setenv("WB_API_BASE_URL", "")
	var stdout, stderr bytes.Buffer
	if code := runPipeline([]string{"--out", t.TempDir()}, &stdout, &stderr); code != 0 {
		t.Fatalf("agentiq run on the local stack: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"store DynamoDB table agentiq-local at http://127.0.0.1:", "verifies", "messages sent to WB: "} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, stdout.String())
		}
	}

	stack("down")
	for _, pid := range pids {
		if alive(pid) {
			t.Errorf("process %d still runs after local-stack-down", pid)
		}
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(dir)) {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			if alive(pid) {
				t.Errorf("a process of the stack is left: %s", bytes.ReplaceAll(b, []byte{0}, []byte{' '}))
			}
		}
	}
}
