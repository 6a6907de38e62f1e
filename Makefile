# authchallenge — run `make help` for the targets.
SHELL := /bin/bash
GO    ?= go
BIN   := $(CURDIR)/bin
TOOL  := $(BIN)/authchallenge
export GOTOOLCHAIN := local

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z][a-z0-9-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

.PHONY: build
build: ## build bin/authchallenge
	$(GO) build -o $(TOOL) ./cmd/authchallenge

.PHONY: install
install: ## install authchallenge into $(go env GOBIN) or $(go env GOPATH)/bin
	$(GO) install ./cmd/authchallenge

.PHONY: demo
demo: build ## build the linter and run it on the bundled example service (testdata/demo)
	@echo "\$$ authchallenge ./...   (in testdata/demo)"
	@cd testdata/demo && $(TOOL) ./...; status=$$?; echo "exit status $$status (3 = findings)"; [ $$status -eq 3 ]

.PHONY: lint
lint: ## gofmt and go vet the project itself
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/')); [ -z "$$out" ] || { echo "gofmt needed:"; echo "$$out"; exit 1; }
	$(GO) vet ./...

.PHONY: test
test: lint ## all tests: unit, driver, nogo contract, go vet and pre-commit end to end, integration module on real frameworks
	$(GO) test -timeout 30m ./...
	$(MAKE) --no-print-directory e2e-integration
	$(MAKE) --no-print-directory e2e-precommit

.PHONY: test-race
test-race: ## the nogo contract and driver tests under the race detector
	$(GO) test -race ./analyzer/ ./internal/driver/

.PHONY: e2e-integration
e2e-integration: build ## lint testdata/integration (real gin, echo, fiber, chi, grpc) standalone and under go vet; compare with expected.txt
	./scripts/e2e-integration.sh $(TOOL)

.PHONY: e2e-precommit
e2e-precommit: build ## run the pre-commit hooks with the real pre-commit (Debian package) on a scratch repo: fail on a bare 401, pass once fixed
	./scripts/e2e-precommit.sh $(CURDIR)

.PHONY: e2e-golangci
e2e-golangci: ## build golangci-lint v2 with the authchallenge plugin (tools/golangci, module proxy only), lint testdata/integration, compare with golangci-expected.txt
	./scripts/e2e-golangci.sh $(BIN)

.PHONY: realworld
realworld: build ## lint the real-world corpus (testdata/realworld) and diff against the reviewed baseline
	./scripts/realworld.sh $(TOOL)

.PHONY: bench
bench: build ## the benchmark table: floor, authchallenge standalone, go vet -vettool cold/cached, go vet, staticcheck on the corpus, caddy, apiserver, std and synthetic modules, then every pass's Go benchmarks (slow)
	./scripts/bench.sh
	$(GO) test -run '^$$' -bench . -benchmem ./passes/...

.PHONY: bench-smoke
bench-smoke: build ## the benchmarks in smoke mode: one run on the smallest input, to check they still work (CI)
	./scripts/bench.sh -smoke
	$(GO) test -run '^$$' -bench . -benchtime 1x ./passes/...

FUZZTIME ?= 60s

.PHONY: fuzz
fuzz: ## fuzz the whole suite on mutated fixture packages for FUZZTIME (60s); a crasher lands in analyzer/testdata/fuzz/FuzzSuite
	$(GO) test -run '^$$' -fuzz '^FuzzSuite$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./analyzer/

.PHONY: fuzz-smoke
fuzz-smoke: ## the fuzz target briefly (15s), for CI
	$(GO) test -run '^$$' -fuzz '^FuzzSuite$$' -fuzztime 15s -fuzzminimizetime 2s ./analyzer/

.PHONY: clean
clean: ## remove build outputs
	rm -rf $(BIN)
