#!/usr/bin/env bash
# The whole test command (./roost test, and so CI): lint, typecheck, the import-cycle check, build, then every suite —
# unit, keychain, integration and browser under one `vitest run`, and end-to-end with Playwright —
# inside a private D-Bus session with a real, unlocked gnome-keyring.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
start=$(date +%s)
# node:sqlite is stable enough for Roost but still prints an ExperimentalWarning under Node 22.
export NODE_OPTIONS="--disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}"
bash tests/sandbox/install.sh
echo "== lint";       npm run --silent lint
echo "== typecheck";  npm run --silent typecheck
echo "== import cycles"; bash scripts/check-cycles.sh
echo "== build";      npm run --silent build
echo "== tests"
bash scripts/with-keyring.sh bash scripts/with-sandbox.sh bash -c 'npx vitest run && npx playwright test'
echo "== all suites passed in $(( $(date +%s) - start )) s"
