#!/usr/bin/env bash
# The Dockerfile's steps, where no container engine runs: a clean copy of the files the image
# gets (tracked files only), a fresh virtualenv, the same installs, migrations and seed load, then
# the image's CMD on a loopback port, probed with the image's own HEALTHCHECK command.
# With POSTGRES_URL set (a server URL), the documented PostgreSQL path runs too: migrate and load
# into a schema of its own, serve from it, check readiness, drop the schema.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A loopback port nobody listens on: the probes must reach this server, no other.
port="${PORT:-$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"

step() { printf '\n== %s\n' "$*"; }

# COPY: the tracked files only (a clean clone's), or all of them in a tree that is not a clone.
copy_paths() {
    if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$root" && git ls-files -z -- "$@" | xargs -0 cp --parents -t "$app")
    else
        (cd "$root" && cp -r --parents "$@" "$app")
    fi
}

# Dockerfile: RUN python -m venv /opt/venv; COPY pyproject.toml README.md; the empty package.
step "build stage: virtualenv and dependencies from pyproject.toml"
"$python" -c 'import sys; assert sys.version_info[:2] >= (3, 11), sys.version'
"$python" -m venv "$work/venv"
export PATH="$work/venv/bin:$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
app="$work/app"
mkdir -p "$app"
copy_paths pyproject.toml README.md
mkdir "$app/app" && touch "$app/app/__init__.py"
(cd "$app" && pip install --quiet --no-cache-dir -e ".[postgres]")

# Dockerfile: COPY app, alembic.ini, migrations, seed; RUN summitkb migrate && summitkb load seed.
step "build stage: the code, the migrations, the seed loaded into SQLite"
copy_paths app alembic.ini migrations seed
cd "$app"
export DATABASE_URL="sqlite:///$app/var/summitkb.db"
summitkb migrate
summitkb load seed

# Dockerfile: the runtime stage's environment, CMD and HEALTHCHECK, read from the Dockerfile.
read_dockerfile() {
    "$python" - "$root/Dockerfile" "$1" "$port" <<'PY'
import json, re, shlex, sys
text = open(sys.argv[1]).read().replace("\\\n", " ")
line = next(l for l in text.splitlines() if re.match(rf"{sys.argv[2]}\b", l))
argv = json.loads(line[line.index("CMD") + 3 :] if sys.argv[2] == "HEALTHCHECK" else line[3:])
argv = [a.replace("8000", sys.argv[3]).replace("0.0.0.0", "127.0.0.1") for a in argv]
print(shlex.join(argv))
PY
}
healthcheck="$(read_dockerfile HEALTHCHECK)"
command="$(read_dockerfile CMD)"

serve_and_probe() {
    mkdir -p "$work/metrics" && rm -f "$work/metrics"/*
    LOG_FORMAT=json PROMETHEUS_MULTIPROC_DIR="$work/metrics" WEB_CONCURRENCY=2 \
        bash -c "exec $command" 2> "$work/server.log" &
    server=$!
    for _ in $(seq 60); do
        if bash -c "$healthcheck" 2>/dev/null; then break; fi
        kill -0 "$server" || { cat "$work/server.log"; exit 1; }
        sleep 1
    done
    bash -c "$healthcheck"
    echo "HEALTHCHECK passed: $healthcheck"
    "$python" - "$port" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
ready = json.load(urllib.request.urlopen(f"{base}/readyz", timeout=10))
assert ready["checks"] == {"database": "ok", "schema": "ok", "dataset": "ok"}, ready
for _ in range(20):
    meta = json.load(urllib.request.urlopen(f"{base}/v1/meta", timeout=10))
metrics = urllib.request.urlopen(f"{base}/metrics", timeout=10).read().decode()
assert f'summitkb_dataset_info{{version="{meta["version"]}"}} 1.0' in metrics
# Whichever worker answered each of the 20, PROMETHEUS_MULTIPROC_DIR adds their counts up.
counted = 'summitkb_http_requests_total{method="GET",route="/v1/meta",status="200"} 20.0'
assert counted in metrics, [line for line in metrics.splitlines() if "/v1/meta" in line]
print(f"ready; dataset {meta['version'][:12]}; {meta['counts']}")
PY
    grep -q '"logger": *"summitkb.access"' "$work/server.log" || { cat "$work/server.log"; exit 1; }
    kill "$server"
    wait "$server" || true
    server=""
}

step "runtime: $command"
serve_and_probe

if [ -n "${POSTGRES_URL:-}" ]; then
    step "PostgreSQL: summitkb migrate and summitkb load against DATABASE_URL, then serve from it"
    schema="docker_steps_$$"
    admin() { "$python" - "$POSTGRES_URL" "$1" <<'PY'
import sys
from sqlalchemy import create_engine, text
with create_engine(sys.argv[1], isolation_level="AUTOCOMMIT").connect() as connection:
    connection.execute(text(sys.argv[2]))
PY
    }
    export PATH="$work/venv/bin:$PATH"
    python="$work/venv/bin/python"
    admin "CREATE SCHEMA $schema"
    trap 'admin "DROP SCHEMA $schema CASCADE"; cleanup' EXIT
    sep="?"; case "$POSTGRES_URL" in *\?*) sep="&";; esac
    export DATABASE_URL="${POSTGRES_URL}${sep}options=-csearch_path%3D${schema}"
    summitkb migrate
    summitkb load seed
    serve_and_probe
fi
step "all Dockerfile steps passed"
