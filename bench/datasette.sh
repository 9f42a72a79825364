#!/usr/bin/env bash
# Throwaway Datasette for the serving benchmark (never part of the app's dependencies).
#
#   bench/datasette.sh setup                   create bench/.work/datasette-venv (pip install datasette)
#   bench/datasette.sh serve DB.sqlite [PORT] [datasette options...]
#                                              serve DB on 127.0.0.1:PORT (default 8002) in the
#                                              foreground, with Datasette's default settings
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.work/datasette-venv"
version="${DATASETTE_VERSION:-0.65.*}"

setup() {
  if [[ ! -x "$venv/bin/datasette" ]]; then
    mkdir -p "$here/.work"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "datasette==$version"
  fi
  "$venv/bin/datasette" --version
}

case "${1:-}" in
  setup)
    setup
    ;;
  serve)
    db="${2:?usage: $0 serve DB.sqlite [PORT] [options...]}"
    port="${3:-8002}"
    shift 3 2>/dev/null || shift $#
    setup >/dev/null
    # loopback only; the database is opened read-only-immutable would skip counting work that
    # the default (mutable) mode does, so keep Datasette's defaults.
    exec "$venv/bin/datasette" serve "$db" --host 127.0.0.1 --port "$port" "$@"
    ;;
  *)
    sed -n '2,7p' "$0"
    exit 2
    ;;
esac
