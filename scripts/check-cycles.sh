#!/usr/bin/env bash
# Fails when any import cycle exists in Roost's source (run by scripts/test.sh right after the type check).
# Type-only imports are ignored (-T): they vanish when TypeScript is stripped, so they cannot make a module
# see another half-initialised. Arguments replace the default file globs (the unit test plants a cycle).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "$#" -eq 0 ]; then
  set -- 'src-main/**/*.ts' 'src-shared/**/*.ts' 'src-server/**/*.ts' 'src-renderer/**/*.{ts,tsx}'
fi
exec node node_modules/dpdm/lib/bin/dpdm.js --no-tree --no-warning --no-progress --circular -T \
  --exit-code circular:1 "$@"
