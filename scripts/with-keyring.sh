#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring (a real Secret Service),
# so keychain tests never touch the user's own keyring. Usage: scripts/with-keyring.sh CMD [ARGS...]
# Exports ROOST_TEST_KEYRING_PASSWORD (the login keyring's password) for tests that lock and unlock it.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 64
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: '$tool' is missing (apt-get install -y --no-install-recommends dbus dbus-bin gnome-keyring)" >&2
    exit 69
  fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/roost-keyring.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share" "$tmp/run"
chmod 700 "$tmp/run"

export XDG_DATA_HOME="$tmp/share" XDG_RUNTIME_DIR="$tmp/run" ROOST_TEST_KEYRING_PASSWORD=roost-test-pass
# A display would let a locked keyring open a GUI prompt and hang; the tests must see the headless behaviour.
unset DISPLAY WAYLAND_DISPLAY

# The inner script runs inside dbus-run-session: the bus lives exactly as long as the command.
# The daemon runs in the foreground so we own its PID (the daemonising form leaks and returns before it is ready).
set +e
dbus-run-session -- sh -c '
  printf %s "$ROOST_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$XDG_RUNTIME_DIR/gnome-keyring.log" 2>&1 &
  daemon=$!
  tries=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ] || ! kill -0 "$daemon" 2>/dev/null; then
      echo "with-keyring: org.freedesktop.secrets did not appear on the bus" >&2
      cat "$XDG_RUNTIME_DIR/gnome-keyring.log" >&2
      kill "$daemon" 2>/dev/null
      exit 70
    fi
    sleep 0.1
  done
  "$@"
  status=$?
  kill "$daemon" 2>/dev/null
  wait "$daemon" 2>/dev/null
  exit "$status"
' with-keyring "$@"
status=$?
set -e
exit "$status"
