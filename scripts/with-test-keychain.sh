#!/usr/bin/env bash
# Runs a command against a throwaway Secret Service, never the user's own keyring.
#
# On Linux: a private D-Bus session (dbus-run-session) with a fresh gnome-keyring whose data lives
# in a temporary directory and whose login collection is created and unlocked with a fixed
# password. Fails loudly when the tools are missing: keychain tests must not be skipped silently.
# Elsewhere (macOS, Windows) the OS keychain is used directly; tests use their own service name.
#
# Usage: bash scripts/with-test-keychain.sh <command> [args...]
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

if [ "$(uname -s)" != "Linux" ]; then
  export SPOTIFY_ACCOUNTS_TEST_KEYCHAIN=os
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "keychain tests need '$tool' (Debian: apt-get install dbus gnome-keyring)." >&2
    exit 1
  fi
done

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
mkdir -p "$keyring_home/data" "$keyring_home/run"
chmod 700 "$keyring_home/run"

export XDG_DATA_HOME="$keyring_home/data"
export XDG_RUNTIME_DIR="$keyring_home/run"
export SPOTIFY_ACCOUNTS_TEST_KEYCHAIN=private-session
export SPOTIFY_ACCOUNTS_TEST_KEYRING_HOME="$keyring_home"

# Inside the session: start the daemon with an unlocked login collection, then run the command.
# `--unlock` reads the password from stdin and creates the collection on first use.
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
  set -euo pipefail
  if ! printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; then
    echo "could not start gnome-keyring-daemon in the private D-Bus session" >&2
    exit 1
  fi
  exec "$@"
' with-test-keychain "$@"
