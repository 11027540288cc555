#!/usr/bin/env bash
# Fuzzes the streaming CSV loader (ContactCSVLoader.load(bytes:)) with libFuzzer: any bytes, with
# the load options (encoding, strict mode, delimiter, default region, an explicit header mapping)
# chosen by the first two bytes of each input, must end in a load report whose promises hold, or a
# typed CSVLoadError, and the same in small blocks on two threads as in one block on one thread.
#   scripts/fuzz-csv.sh [SECONDS]        (default 60; `make fuzz-csv FUZZ_SECONDS=N`)
#
# Builds Sources/csv-fuzz in release with `-sanitize=fuzzer,address -DFUZZING` into
# .build-fuzz-csv, seeds the corpus with Tests/ContactIndexTests/CSVFuzz/ (the seed corpus and the
# findings kept as tests) and runs for SECONDS in one process (log: .build-fuzz-csv/fuzz.log).
# Crashes, timeouts and out-of-memory inputs go to .build-fuzz-csv/findings/; the script exits
# non-zero when there is one. Copy a finding into Tests/ContactIndexTests/CSVFuzz/ (named
# finding-*) to keep it as a regression test: CSVFuzzFindingsTests replays every file there.
#
# As for screenpop-fuzz: SwiftPM links the executable's entry point as `csv_fuzz_main`,
# FuzzEntry.swift hands over to libFuzzer's driver, and `--allow-multiple-definition` lets the link
# keep one `main`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz-csv
bash scripts/deps.sh
swift build -c release --scratch-path "$scratch" --product csv-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition -Xswiftc -DFUZZING
corpus=$scratch/corpus
findings=$scratch/findings
mkdir -p "$corpus" "$findings"
cp Tests/ContactIndexTests/CSVFuzz/* "$corpus"/ 2>/dev/null || true
# A dictionary of CSV syntax and export headers, so that mutations reach the header mapping.
dict=$scratch/csv.dict
{
    printf '"%s"\n' '\x0d\x0a' '\x22\x22' '\x22,\x22' ',,' ';' '\x09' '\xff\xfe' '\x00\xd8' ' ::: ' '\xef\xbb\xbf' '\xc3\xa9' '\xe9' '\x80' '\xff' '+1 ' '+44 ' '00' 'x12' '@'
    for word in Id FirstName LastName Phone MobilePhone HomePhone OtherPhone Email Account.Name MailingCountry Custom__c \
        "Record ID" "First Name" "Last Name" "Phone Number" "Mobile Phone Number" "Additional email addresses" "Country/Region" \
        "E-mail Address" "E-mail 2 Address" "Business Phone" "Phone 1 - Value" "Phone 1 - Type" "E-mail 1 - Value" Name \
        id first_name last_name phone mobile email entity company country CreatedDate LastModifiedDate lead contact \
        "United Kingdom" Deutschland "Korea, Republic of" USA UK Vorname "E-Mail-Adresse" "Land/Region privat" "Owner Email" "IP Country" \
        OTHERCOUNTRY "Address 2 - Country"; do
        printf '"%s"\n' "$word"
    done
} >"$dict"
log=$scratch/fuzz.log
status=0
ASAN_OPTIONS=detect_leaks=0 "$scratch"/release/csv-fuzz "$corpus" -dict="$dict" -max_total_time="$seconds" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
grep -E "^(stat::|#[0-9]+ +(INITED|DONE)|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" || tail -20 "$log"
echo "findings in $findings:"; ls -1 "$findings"
exit "$status"
