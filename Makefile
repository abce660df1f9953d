# agentiq — see README.md. Every target installs what it needs itself.
SHELL := /bin/bash
GO ?= go

.PHONY: test
test:
	$(GO) vet ./...
	$(GO) test ./...
