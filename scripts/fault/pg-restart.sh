#!/usr/bin/env bash
# Fault test: PostgreSQL restarted under load (issue 4, reliability).
# Starts a PostgreSQL cluster of its own (temp folder, free port — never the machine's shared one), the
# app on it, and a bounded stream of autosaves from several clients keeping a ledger of every 2xx answer.
# In the middle PostgreSQL is stopped with `pg_ctl -m immediate` (a crash: no checkpoint) and started
# again, RESTARTS times. At the end every acknowledged save must be in the database, the app must have
# acknowledged saves again after the last restart, and the outage answers must be 503 (Chinese message).
# Prints the table: fault, runs, faults injected, requests, acknowledged, 503/errors, lost (must be 0).
# Exit 0 only when all of that holds.
#
#   bash scripts/fault/pg-restart.sh                 # defaults below
#   RESTARTS=3 CLIENTS=6 UP_SECONDS=15 bash scripts/fault/pg-restart.sh
#   QUICK=1 bash scripts/fault/pg-restart.sh         # CI-sized: well under 90 s
#   APP_SERVER_DIR=/path/to/apps/server ...          # run another checkout's server
set -euo pipefail
if [ "${QUICK:-0}" = 1 ]; then : "${RESTARTS:=2}" "${UP_SECONDS:=6}" "${DOWN_SECONDS:=2}"; fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/scripts/fault"
APP_SERVER_DIR=${APP_SERVER_DIR:-$ROOT/apps/server}
RESTARTS=${RESTARTS:-2}       # crashes of PostgreSQL during the load
UP_SECONDS=${UP_SECONDS:-10}  # load before the first crash, between crashes and after the last restart
DOWN_SECONDS=${DOWN_SECONDS:-3}
MAX_SECONDS=${MAX_SECONDS:-180} # the load stops by itself at the latest then
CLIENTS=${CLIENTS:-4}
INTERVAL_MS=${INTERVAL_MS:-250}

PG_WORK=$(mktemp -d /tmp/fw-fault-pg-XXXXXX)
chmod 755 "$PG_WORK"
source "$HERE/own-postgres.sh"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  own_pg_destroy
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $PG_WORK"; else rm -rf "$PG_WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== own PostgreSQL cluster ($PGBIN)"
own_pg_init
echo "   $PG_URL"

export DATABASE_URL="$PG_URL" DATA_DIR="$PG_WORK/data" NODE_ENV=development LOG_LEVEL=warn SEED_DEMO=false HOST=127.0.0.1
mkdir -p "$DATA_DIR"
echo "== $CLIENTS applicants with an application each"
(cd "$APP_SERVER_DIR" && node --import tsx "$HERE/setup-clients.ts" "$CLIENTS") >"$PG_WORK/clients.json"

APP_PORT=$(free_port)
echo "== app on 127.0.0.1:$APP_PORT"
(cd "$APP_SERVER_DIR" && PORT=$APP_PORT exec node --import tsx src/server.ts) >"$PG_WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$APP_PORT/api/health" >/dev/null || { echo "app did not start"; tail -30 "$PG_WORK/app.log"; exit 1; }

echo "== autosaves; PostgreSQL crashed (-m immediate) $RESTARTS times, down ${DOWN_SECONDS}s, ${UP_SECONDS}s of load around each"
node "$HERE/autosave-load.mjs" "http://127.0.0.1:$APP_PORT" "$PG_WORK/clients.json" "$PG_WORK/ledger.json" "$PG_WORK/stop" "$MAX_SECONDS" "$INTERVAL_MS" &
LOAD_PID=$!
for i in $(seq 1 "$RESTARTS"); do
  sleep "$UP_SECONDS"
  echo "   $(date +%T) crash $i: pg_ctl stop -m immediate"
  own_pg_crash
  sleep "$DOWN_SECONDS"
  own_pg_start
  echo "   $(date +%T) PostgreSQL accepts connections again"
done
sleep "$UP_SECONDS"
touch "$PG_WORK/stop"
wait "$LOAD_PID"

if ! kill -0 "$APP_PID" 2>/dev/null; then
  echo "FAIL: the app process died during the test; its log ends:"; tail -40 "$PG_WORK/app.log"; exit 1
fi
echo "== checking the ledger against the database"
FAULT_NAME=pg-restart FAULTS_INJECTED=$RESTARTS node "$HERE/verify-ledger.mjs" "$PG_WORK/ledger.json" "$PG_URL" "$DATA_DIR"
