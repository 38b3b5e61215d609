#!/bin/sh
# Installs the sandbox's own dependencies (the local Bluesky network) exactly as locked, under Node 22.
# Idempotent: skips when node_modules was installed from the same lock file by the same Node version.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
node_dir="${ROOST_NODE_DIR:-$root/.tooling/node}"

export PATH="$node_dir/bin:$PATH"
# better-sqlite3 would otherwise try to download a prebuilt binary; build it against Node 22's headers.
export npm_config_build_from_source=true
export npm_config_nodedir="$node_dir"

stamp_file="$here/node_modules/.roost-install-stamp"
stamp=$( (node --version; cat "$here/package.json" "$here/package-lock.json") | sha256sum | cut -d' ' -f1)

if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  echo "sandbox: dependencies already installed ($(node --version))"
  exit 0
fi

echo "sandbox: installing dependencies with $(node --version) (takes a few minutes)"
cd "$here"
npm ci --no-audit --no-fund
echo "$stamp" > "$stamp_file"
echo "sandbox: dependencies installed"
