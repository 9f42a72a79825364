#!/usr/bin/env bash
# Peak RSS of one server while it streams an export: serve DB with one worker on loopback, read
# PATH with curl to /dev/null, sample the server's VmRSS every 0.5 s, print one line of figures.
#
#   bash bench/export_rss.sh bench/.work/db/bench-1000000.db /v1/export/quotes
#   bash bench/export_rss.sh bench/.work/db/bench-1000000.db /v1/export
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$(realpath "$1")
EXPORT_PATH=$2
PORT=${PORT:-18520}
SAMPLES=$(mktemp)
DATABASE_URL="sqlite:///$DB" .venv/bin/summitkb serve --host 127.0.0.1 --port "$PORT" \
  --workers 1 >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$SAMPLES"' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.2
done
PID=$(pgrep -P "$SERVER" -f summitkb || echo "$SERVER")
(while kill -0 "$PID" 2>/dev/null; do
  awk '/VmRSS/{print $2}' "/proc/$PID/status" >>"$SAMPLES"
  sleep 0.5
done) &
MONITOR=$!
START=$(date +%s.%N)
BYTES=$(curl -s --max-time 1800 "http://127.0.0.1:$PORT$EXPORT_PATH" | wc -c)
END=$(date +%s.%N)
kill "$MONITOR" 2>/dev/null || true
echo "path=$EXPORT_PATH bytes=$BYTES seconds=$(awk "BEGIN{print $END - $START}")" \
  "start_rss_kib=$(head -1 "$SAMPLES") peak_rss_kib=$(sort -n "$SAMPLES" | tail -1)"
