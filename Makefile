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
