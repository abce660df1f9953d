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

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.7.0
GOSEC := github.com/securego/gosec/v2/cmd/gosec@v2.29.0

.PHONY: help
help:
	@echo "make run    - what the product runs today (see README: make run)"
	@echo "make test   - every test, including the evaluation floors"
	@echo "make eval   - score the public evaluation sets (three score: lines)"
	@echo "make bench  - Go benchmarks with -benchmem"
	@echo "make fuzz   - each fuzz target for FUZZTIME (default $(FUZZTIME))"
	@echo "make lint   - gofmt, go vet, staticcheck, gosec"
	@echo "make build  - the agentiq CLI into bin/"

.PHONY: build
build:
	$(GO) build -o bin/agentiq ./cmd/agentiq

.PHONY: test
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# The main job. Today (the policy core only): run the public evaluation
# sets through classify, lint and decide, write every answer to $(OUT)/ and
# print the scores. The WB pipeline on the embedded store replaces this as
# the storage and poller issues land.
.PHONY: run
run: build
	@mkdir -p $(OUT)
	@for kind in classify lint decide; do \
	  $(call eval_input,$$kind) < $(EVAL_DIR)/$$kind.jsonl | bin/agentiq $$kind --explain > $(OUT)/$$kind.jsonl; \
	  echo "$(OUT)/$$kind.jsonl: $$(wc -l < $(OUT)/$$kind.jsonl) answers"; \
	done
	@$(MAKE) --no-print-directory eval

.PHONY: eval
eval: build
	@mkdir -p $(OUT)/eval
	@for kind in classify lint decide; do \
	  $(call eval_input,$$kind) < $(EVAL_DIR)/$$kind.jsonl | bin/agentiq $$kind > $(OUT)/eval/$$kind.out; \
	  $(PYTHON) $(EVAL_DIR)/score.py $$kind $(EVAL_DIR)/$$kind.jsonl $(OUT)/eval/$$kind.out | tail -n 1; \
	done

# eval_input KIND: the python filter that turns an evaluation file into the
# CLI's input (as ../shared/eval/README.md shows).
define eval_input
$(PYTHON) -c 'import sys,json; k=sys.argv[1]; [print(json.dumps(o["request"] if k=="decide" else {"id":o["id"],"text":o["text"]},ensure_ascii=False)) for o in map(json.loads,filter(str.strip,sys.stdin))]' $(1)
endef

.PHONY: bench
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

.PHONY: fuzz
fuzz:
	$(GO) test ./shared/rutext -run '^$$' -fuzz FuzzAnalyze -fuzztime $(FUZZTIME)
	$(GO) test ./shared/intent -run '^$$' -fuzz FuzzClassify -fuzztime $(FUZZTIME)
	$(GO) test ./shared/lint -run '^$$' -fuzz FuzzLint -fuzztime $(FUZZTIME)
	$(GO) test ./shared/policy -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME)
	$(GO) test ./shared/pii -run '^$$' -fuzz FuzzRedact -fuzztime $(FUZZTIME)

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
