#!/usr/bin/env bash
# Installs the Debian packages Roost's tests and browser mode need, only when something is missing:
# Chromium (browser mode and tests), D-Bus + gnome-keyring (a real Secret Service), PostgreSQL and Redis
# (the local Bluesky sandbox).
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v dbus-run-session >/dev/null || need+=(dbus dbus-bin)
command -v dbus-send >/dev/null || need+=(dbus-bin)
command -v gnome-keyring-daemon >/dev/null || need+=(gnome-keyring)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v runuser >/dev/null || need+=(util-linux)
if ((${#need[@]} == 0)); then exit 0; fi
echo "Installing system packages: ${need[*]}"
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
