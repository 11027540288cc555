# The two commands of the README: `make run` (the main job on the built-in example) and
# `make test` (the tests). Both install what the machine lacks first.
SWIFT ?= swift

.PHONY: deps build run test release

deps:
	@bash scripts/deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: deps
	$(SWIFT) run -c release contact-lookup examples/contacts.csv

test: deps
	$(SWIFT) test

# The peers comparison (Benchmarks/peers/README.md): PostgreSQL 15, tantivy, SQLite FTS5,
# RapidFuzz and our engine on the same export and queries. `make peers CONTACTS=1000000`.
.PHONY: peers
peers: deps
	bash Benchmarks/peers/run.sh

# The host bridge (bridge/, Sources/ScreenPopServer). `make serve`: screenpop-server on
# examples/contacts.csv (port 8080), the example CRM page on http://localhost:8090/ and the mock
# softphone on http://127.0.0.1:8091/ (Ctrl-C stops both). `make browser-test`: the end-to-end
# test in headless Chromium. `make load-test`: wrk on 2 connections at 1M contacts (CONTACTS=…).
.PHONY: serve browser-test load-test
serve: deps
	$(SWIFT) build --product screenpop-server
	@bin="$$($(SWIFT) build --show-bin-path)"; \
	export SCREENPOP_TOKEN="$${SCREENPOP_TOKEN:-$$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')}"; \
	"$$bin/screenpop-server" --contacts examples/contacts.csv --port 8080 --allow-origin http://localhost:8090 & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	python3 examples/host-page/host_backend.py --sidecar http://127.0.0.1:8080 --port 8090 --softphone-port 8091

browser-test:
	bash scripts/browser-test.sh

load-test:
	bash scripts/load-test.sh $(or $(CONTACTS),1000000)
