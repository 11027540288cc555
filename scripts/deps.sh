#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks. Idempotent: does nothing when all is there.
set -euo pipefail

need_apt=()
# MeCab and its IPA dictionary read Japanese names written in kanji (Sources/CMeCab).
for pkg in libicu-dev libphonenumber-dev libprotobuf-dev libmecab-dev mecab-ipadic-utf8; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "deps: installing ${need_apt[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
