#!/usr/bin/env bash
# Runs `npm ci` when node_modules does not match package-lock.json (a hash stamp avoids reinstalling).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
stamp="node_modules/.roost-lock-hash"
hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then exit 0; fi
echo "Installing npm packages (npm ci)…"
npm ci --no-audit --no-fund --loglevel=error
echo "$hash" > "$stamp"
