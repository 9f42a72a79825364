#!/usr/bin/env bash
# Server CPU seconds (user+system, from /proc/PID/stat) to stream each PATH three times, after
# one warm-up read, from a one-worker server over DB; unlike wall-clock seconds, these are not
# stretched by other load on the machine.
#
#   bash bench/stream_cpu.sh bench/.work/db/bench-100000.db /v1/export/quotes "/v1/quotes?format=csv"
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$(realpath "$1"); PORT=${PORT:-18530}; shift
DATABASE_URL="sqlite:///$DB" .venv/bin/summitkb serve --host 127.0.0.1 --port "$PORT" \
  --workers 1 >/dev/null 2>&1 &
S=$!
trap 'kill $S 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
PID=$(pgrep -P "$S" -f summitkb || echo "$S")
ticks() { awk '{print $14+$15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
for p in "$@"; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$p"
  line="$p"
  for _ in 1 2 3; do
    a=$(ticks); curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; b=$(ticks)
    line="$line $(awk "BEGIN{printf \"%.2f\", ($b-$a)/$HZ}")"
  done
  echo "$line"
done
