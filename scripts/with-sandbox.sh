#!/usr/bin/env bash
# Runs a command with the local Bluesky sandbox up, sharing one network across every suite:
# the sandbox's machine-readable line is exported as ROOST_SANDBOX_INFO for tests to read.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
node "$ROOT/tests/sandbox/start.ts" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  if line="$(grep -m1 '^ROOST_SANDBOX ' "$log")"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "The sandbox failed to start:"; cat "$log"; exit 1; fi
  sleep 0.2
done
if [[ -z "${line:-}" ]]; then echo "The sandbox did not start within 120 s:"; cat "$log"; exit 1; fi
export ROOST_SANDBOX_INFO="${line#ROOST_SANDBOX }"
echo "Sandbox up: $(node -e 'console.log(JSON.parse(process.argv[1]).pdsUrl)' "$ROOST_SANDBOX_INFO")"
set +e
"$@"
status=$?
set -e
exit $status
