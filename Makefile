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

# `make run`: builds `screenpop` in release and replays examples/session.jsonl (a ringing call
# whose number three records share, the agent's selection, the connect, the end and the call
# log, then an SMS and a chat) against examples/contacts.csv: the load report, the reply to each
# message, and what the host would do.
run: deps
	$(SWIFT) build -c release --product screenpop
	@mkdir -p .build/run
	@bin="$$($(SWIFT) build -c release --show-bin-path)" && \
	"$$bin/screenpop" replay --contacts examples/contacts.csv --region US \
	    --actions .build/run/actions.txt --actions-format text \
	    < examples/session.jsonl > .build/run/replies.jsonl && \
	echo && echo "== The reply to each message of examples/session.jsonl (null: none is due) ==" && \
	awk 'NR == FNR { t = "?"; if (match($$0, /"type":"[^"]*"/)) t = substr($$0, RSTART + 8, RLENGTH - 9); types[FNR - 1] = t; next } \
	     { printf "#%d %s -> %s\n", FNR - 1, types[FNR - 1], $$0 }' examples/session.jsonl .build/run/replies.jsonl && \
	echo && echo "== What the host would do ==" && cat .build/run/actions.txt

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

# Fuzzes ScreenPopEngine.handle(json:) with libFuzzer: `make fuzz-screenpop FUZZ_SECONDS=300`.
.PHONY: fuzz-screenpop
fuzz-screenpop: deps
	bash scripts/fuzz-screenpop.sh $(or $(FUZZ_SECONDS),60)

# Micro-benchmarks (Benchmarks/ContactMatchBenchmarks, package-benchmark) checked against the
# committed thresholds in Benchmarks/Thresholds: malloc counts are gated tightly, wall clock
# loosely (this 2-core machine is shared and noisy). `thresholds check` exits 2 on a regression
# and 4 when every metric only improved: 4 passes, with a note to record the new figures with
# `make bench-baseline`. SWIFT_PACKAGE_FLAGS=--scratch-path=.build-x builds elsewhere.
.PHONY: bench bench-baseline
bench: deps
	@$(SWIFT) package $(SWIFT_PACKAGE_FLAGS) benchmark thresholds check --path Benchmarks/Thresholds --no-progress; \
	status=$$?; \
	if [ $$status -eq 4 ]; then echo "make bench: only improvements over Benchmarks/Thresholds (record them with make bench-baseline)"; exit 0; fi; \
	exit $$status

bench-baseline: deps
	$(SWIFT) package $(SWIFT_PACKAGE_FLAGS) --allow-writing-to-package-directory benchmark thresholds update --path Benchmarks/Thresholds --no-progress

# Bulk loading and live updates (docs/loading.md).
# `make fuzz-csv FUZZ_SECONDS=300`: libFuzzer over the CSV loader (scripts/fuzz-csv.sh).
# `make tsan`: the live-directory stress tests under ThreadSanitizer (own scratch path).
# `make phone-differential`: the phone fast path against libphonenumber on 1,000,000 generated
# numbers of 30 regions, then 1,000,000 of the regions whose national prefix has a transform
# rule (release; exits non-zero on any mismatch). PHONE_COUNT=… changes the count.
# `make load-bench CSV=/path/to/export.csv`: the 1M-row load and the live-update percentiles.
.PHONY: fuzz-csv tsan test-tsan phone-differential load-bench
fuzz-csv: deps
	bash scripts/fuzz-csv.sh $(or $(FUZZ_SECONDS),60)

tsan: deps
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread --filter LiveDirectoryTests

test-tsan: tsan

phone-differential: deps
	$(SWIFT) build -c release --scratch-path .build-load-bench --product load-bench
	.build-load-bench/release/load-bench phones --count $(or $(PHONE_COUNT),1000000)
	.build-load-bench/release/load-bench phones --count $(or $(PHONE_COUNT),1000000) --transform-rule-regions

load-bench: deps
	$(SWIFT) build -c release --scratch-path .build-load-bench --product load-bench
	@test -n "$(CSV)" || { echo "make load-bench CSV=path/to/export.csv (scripts/generate-salesforce-csv.py writes one)"; exit 2; }
	.build-load-bench/release/load-bench load "$(CSV)"
	.build-load-bench/release/load-bench updates --contacts "$(CSV)" --rate 1000 --seconds 30
