# agentiq — see README.md. Every target installs what it needs itself
# (Go modules come through the module proxy; linters are run pinned with
# `go run`), so a fresh clone needs only Go, python3 and make.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
PYTHON ?= python3
OUT ?= out
FUZZTIME ?= 60s

# Public evaluation sets: ../shared/eval beside the repository when present
# (they grow there), else the copy kept with the CLI's tests.
EVAL_DIR := $(firstword $(wildcard ../shared/eval) cmd/agentiq/testdata/eval)
BLIND_SETS := $(wildcard shared/intent/testdata/blind/*.jsonl shared/lint/testdata/blind/*.jsonl \
	shared/intent/testdata/holdout/*.jsonl shared/lint/testdata/holdout/*.jsonl)

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.7.0
GOSEC := github.com/securego/gosec/v2/cmd/gosec@v2.29.0

# The Lambda functions: functions/<name> is the function <Name>Function of
# template.yaml (functions/poller is PollerFunction); every folder with a
# main.go is one.
LAMBDAS := $(patsubst functions/%/main.go,%,$(wildcard functions/*/main.go))
SANDBOX_ADDR ?= 127.0.0.1:8081

.PHONY: help
help:
	@echo "make run    - the pipeline locally: WB sandbox → poller → embedded store (see README)"
	@echo "make test   - every test, including the evaluation floors"
	@echo "make invoke EVENT=events/<Function>/<case>.json - run that function's handler once on the event"
	@echo "make sandbox - serve the WB sandbox on $(SANDBOX_ADDR) (token: WB_API_TOKEN or dev-token)"
	@echo "make local-stack / local-stack-down - DynamoDB Local, WB sandbox, versitygw (and agentiq api) on loopback"
	@echo "make lambdas - build each function as a provided.al2023 bootstrap into bin/lambda/"
	@echo "make eval   - score the public sets, the blind batches and the held-back batches"
	@echo "make bench  - Go benchmarks with -benchmem"
	@echo "make train  - retrain the linear models (shared/intent/model.txt.gz, shared/lint/model.txt.gz)"
	@echo "make cv     - cross-validate the models: each blind batch left out of training and scored"
	@echo "make dictionary - rebuild the real-word stems (shared/rutext/words.fc) from hunspell-ru"
	@echo "make report-bench - the reports' 1M-record benchmarks (XLSX, PDF) with peak RSS"
	@echo "make fuzz   - each fuzz target for FUZZTIME (default $(FUZZTIME))"
	@echo "make lint   - gofmt, go vet, staticcheck, gosec"
	@echo "make build  - the agentiq CLI into bin/"

.PHONY: build
build:
	$(GO) build -o bin/agentiq ./cmd/agentiq

.PHONY: test
# -timeout 20m: the default ten minutes a package is a tripwire on a shared
# 2-core machine (the blind sets run for minutes under -race); a hang still
# fails. The committed models' freshness check (a full retraining, one
# goroutine of arithmetic, ten times slower under -race: 686 s of a 15-minute
# run) skips under -race and runs once without it.
test: lambdas tools report-tools
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt -l:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m ./...
	$(GO) test -count=1 -timeout 20m -run 'TestCommittedModelsAreFresh' ./shared/intent/training

# Test servers installed through the module proxy into bin/: versitygw
# (S3 with Object Lock, for shared/s3store's tests, which also install it
# themselves when it is missing).
VERSITYGW := github.com/versity/versitygw/cmd/versitygw@v1.8.0
.PHONY: tools
tools:
	@test -x bin/versitygw || GOBIN=$(abspath bin) $(GO) install $(VERSITYGW)

# The reports' tests read them back with tools independent of the writer:
# Debian's python3-openpyxl (XLSX) and poppler-utils (pdftotext, pdftoppm);
# the real-word stems are compared with Debian's hunspell-ru.
.PHONY: report-tools
report-tools:
	@/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null \
	  && test -f $(HUNSPELL_RU).dic || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-openpyxl poppler-utils hunspell-ru >/dev/null; \
	  else echo "the report and dictionary tests need: sudo apt-get install -y python3-openpyxl poppler-utils hunspell-ru (else they skip)"; fi; }

# Each function as Lambda's provided.al2023 runtime takes it: a static
# linux/arm64 executable named bootstrap, without the RPC shim, stripped
# of symbols and DWARF (-s -w: smaller zip, faster cold start).
LAMBDA_BUILD = CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build -tags lambda.norpc -trimpath -ldflags="-s -w"
.PHONY: lambdas
lambdas:
	@for f in $(LAMBDAS); do \
	  $(LAMBDA_BUILD) -o bin/lambda/$$f/bootstrap ./functions/$$f || exit 1; \
	  echo "bin/lambda/$$f/bootstrap"; \
	done

# sam build (BuildMethod: makefile) calls build-<LogicalId>.
.PHONY: build-PollerFunction build-ResponderFunction build-ApiFunction build-ReporterFunction
build-PollerFunction:
	$(LAMBDA_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/poller

build-ResponderFunction:
	$(LAMBDA_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/responder

build-ApiFunction:
	$(LAMBDA_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/api

build-ReporterFunction:
	$(LAMBDA_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/reporter

# make invoke EVENT=events/PollerFunction/scheduled.json runs the handler of
# the function the event's folder names, once, locally, on the embedded
# store (settings from the environment: README, "Settings").
.PHONY: invoke
invoke: build
	@$(LOCAL_STACK_ENV) scripts/invoke.sh "$(EVENT)"

# The WB sandbox on a port, for make invoke and for trying the API by hand.
.PHONY: sandbox
sandbox: build
	bin/agentiq wb-sandbox --addr $(SANDBOX_ADDR) --token $${WB_API_TOKEN:-dev-token}

# The main job: the whole pipeline in one process on the embedded store —
# a WB sandbox at WB's limit (or WB_API_BASE_URL), polled until caught up,
# into $(OUT)/agentiq.db, with logs, metrics and the run's report in
# $(OUT)/. Deciding, sending and the reports join as their issues land.
.PHONY: run
run: build
	$(LOCAL_STACK_ENV) bin/agentiq run --out $(OUT)

# The local stack on loopback (scripts/local-stack.sh): DynamoDB Local,
# the WB sandbox, versitygw and, when the CLI has it, agentiq api; PIDs,
# logs and settings in $(STACK_DIR). With AGENTIQ_STORE=dynamodb, make run
# and make invoke read the stack's settings (values already set win).
STACK_DIR ?= .run/local-stack
LOCAL_STACK_ENV = if [ "$${AGENTIQ_STORE:-}" = dynamodb ] && [ -f $(STACK_DIR)/env ]; then . $(STACK_DIR)/env; fi;

.PHONY: local-stack local-stack-down
local-stack:
	STACK_DIR=$(abspath $(STACK_DIR)) scripts/local-stack.sh up

local-stack-down:
	STACK_DIR=$(abspath $(STACK_DIR)) scripts/local-stack.sh down

.PHONY: eval
eval: build
	@mkdir -p $(OUT)/eval
	@for kind in classify lint decide; do \
	  $(call eval_input,$$kind) < $(EVAL_DIR)/$$kind.jsonl | bin/agentiq $$kind > $(OUT)/eval/$$kind.out; \
	  $(PYTHON) $(EVAL_DIR)/score.py $$kind $(EVAL_DIR)/$$kind.jsonl $(OUT)/eval/$$kind.out | tail -n 1; \
	done
	@# the blind batches (training data since their first score) and the
	@# held-back batches (never trained or tuned on): see their READMEs
	@for f in $(BLIND_SETS); do \
	  kind=$$(case $$f in *lint*) echo lint;; *) echo classify;; esac); name=$$(basename $$f .jsonl); \
	  $(call eval_input,$$kind) < $$f | bin/agentiq $$kind > $(OUT)/eval/$$name.out; \
	  printf '%s: ' $$name; $(PYTHON) $(EVAL_DIR)/score.py $$kind $$f $(OUT)/eval/$$name.out | tail -n 1; \
	done

# eval_input KIND: the python filter that turns an evaluation file into the
# CLI's input (as ../shared/eval/README.md shows).
define eval_input
$(PYTHON) -c 'import sys,json; k=sys.argv[1]; [print(json.dumps(o["request"] if k=="decide" else {"id":o["id"],"text":o["text"]},ensure_ascii=False)) for o in map(json.loads,filter(str.strip,sys.stdin))]' $(1)
endef

# The linear models beside the lexicons, retrained from the labelled data
# committed in the repository (never a held-back batch). Deterministic: the
# same data and code give byte-identical weights, and a test fails when the
# committed weights are stale.
.PHONY: train
train:
	$(GO) run ./cmd/agentiq train --root .

# The stems of every correct Russian word form (shared/rutext/words.fc),
# from Debian's hunspell-ru: the spelling tolerance never reads one real word
# as another. Rebuilt by hand when the stemmer changes; a test compares it
# with the dictionary when hunspell-ru is installed.
HUNSPELL_RU := /usr/share/hunspell/ru_RU
.PHONY: dictionary
dictionary:
	@test -f $(HUNSPELL_RU).dic || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hunspell-ru >/dev/null; \
	  else echo "make dictionary needs: sudo apt-get install -y hunspell-ru"; exit 1; fi; }
	$(GO) run ./cmd/agentiq train --dictionary $(HUNSPELL_RU) --root .

# How the lexicon and the model do on text the model has not seen: each
# blind batch left out of training in turn and scored (writes nothing, or
# with MISSES=file the wrongly answered examples, as JSON lines; with
# RECORD=file every left-out buyer message's answer, evidence and model
# probabilities, to sweep a change to the combination without training;
# with LINTRECORD=file every left-out draft's answer, evidence, parts and
# model probabilities, to sweep a flag's gate the same way).
.PHONY: cv
cv:
	$(GO) run ./cmd/agentiq train --cv --root . $(if $(MISSES),--misses $(MISSES)) $(if $(RECORD),--record $(RECORD)) $(if $(LINTRECORD),--lint-record $(LINTRECORD))

.PHONY: bench
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The reports at scale: a million audit records, as XLSX and as PDF; the
# benchmark binary runs under /usr/bin/time -v for its peak RSS.
.PHONY: report-bench
report-bench:
	$(GO) test -c -o bin/reports.test ./reports
	cd reports && /usr/bin/time -v ../bin/reports.test -test.run '^$$' -test.bench 'AuditXLSX1M$$' -test.benchtime 1x 2>&1 | grep -E 'Benchmark|Maximum resident|Elapsed'
	cd reports && /usr/bin/time -v ../bin/reports.test -test.run '^$$' -test.bench 'AuditPDF1M$$' -test.benchtime 1x 2>&1 | grep -E 'Benchmark|Maximum resident|Elapsed'

.PHONY: fuzz
fuzz:
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzAnalyze -fuzztime $(FUZZTIME)
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzReadAsRussian -fuzztime $(FUZZTIME)
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzSpeller -fuzztime $(FUZZTIME)
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzSnowballStem -fuzztime $(FUZZTIME)
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzFoldFast -fuzztime $(FUZZTIME)
	$(GO) test ./shared/intent/linear -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./shared/intent -run '^$$' -fuzz FuzzClassify -fuzztime $(FUZZTIME)
	$(GO) test ./shared/lint -run '^$$' -fuzz FuzzLint -fuzztime $(FUZZTIME)
	$(GO) test ./shared/policy -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME)
	$(GO) test ./shared/intent/training -run '^$$' -fuzz FuzzDictionary -fuzztime $(FUZZTIME)
	$(GO) test ./shared/pii -run '^$$' -fuzz FuzzRedact -fuzztime $(FUZZTIME)
	$(GO) test ./shared/consent -run '^$$' -fuzz FuzzImport -fuzztime $(FUZZTIME)
	$(GO) test ./shared/wb -run '^$$' -fuzz FuzzEvents -fuzztime $(FUZZTIME)
	$(GO) test ./shared/wb -run '^$$' -fuzz FuzzErrorBody -fuzztime $(FUZZTIME)
	$(GO) test ./shared/wb -run '^$$' -fuzz FuzzParseLimit -fuzztime $(FUZZTIME)
	$(GO) test ./shared/wb/wbsandbox -run '^$$' -fuzz FuzzParseFaults -fuzztime $(FUZZTIME)
	$(GO) test ./shared/respond -run '^$$' -fuzz FuzzInboxKey -fuzztime $(FUZZTIME)
	$(GO) test ./shared/respond -run '^$$' -fuzz FuzzParseReplies -fuzztime $(FUZZTIME)
	$(GO) test ./shared/api -run '^$$' -fuzz FuzzHandle -fuzztime $(FUZZTIME)
	$(GO) test ./reports -run '^$$' -fuzz FuzzRecord -fuzztime $(FUZZTIME)
	$(GO) test ./reports -run '^$$' -fuzz FuzzDecodeDecision -fuzztime $(FUZZTIME)

# gosec: G115 (int conversions) is excluded because token positions are
# bounded by rutext.MaxTokens; G304 because the paths read are the
# operator's own flags.
.PHONY: lint
lint:
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt -l:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(GOSEC) -quiet -exclude=G115,G304 ./...

.PHONY: clean
clean:
	rm -rf bin $(OUT)
