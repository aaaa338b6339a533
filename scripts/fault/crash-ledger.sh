#!/usr/bin/env bash
# Crash test (issue 4, reliability): the app killed (`kill -9`) or PostgreSQL crashed (`pg_ctl stop -m
# immediate`) at random moments under a load of autosaves, small uploads (tus) and submits, FAULTS times.
# The clients keep a ledger of every 2xx answer (autosave-load.mjs). After each fault the victim is started
# again (an app that does not come up after kill -9 fails the test). At the end (verify-ledger.mjs):
#   - every acknowledged write exists: saves (field value and version), submits (the application number
#     for the idempotency key), uploaded files (row with the source's size and SHA-256);
#   - NO live file row points to missing or short bytes: size and SHA-256 of every row against the store;
#   - the app acknowledged requests again after the last fault; outage answers were 503, never 500.
# The faults come from a seeded RNG (bash's RANDOM); the seed is printed, SEED=… repeats the sequence
# (the timing of requests around them differs from run to run).
#
#   bash scripts/fault/crash-ledger.sh                  # 10 faults
#   FAULTS=20 SEED=1234 bash scripts/fault/crash-ledger.sh
#   QUICK=1 bash scripts/fault/crash-ledger.sh          # CI-sized: 4 faults, under 90 s
#   KEEP=1 …                                            # keep the temp folder (logs, ledger, data)
set -euo pipefail
if [ "${QUICK:-0}" = 1 ]; then : "${FAULTS:=4}" "${MAX_GAP:=3}" "${UP_SECONDS:=5}"; fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/scripts/fault"
APP_SERVER_DIR=${APP_SERVER_DIR:-$ROOT/apps/server}
FAULTS=${FAULTS:-10}          # faults injected, each an app kill -9 or a PostgreSQL crash
MIN_GAP=${MIN_GAP:-2}         # seconds of load between a recovery and the next fault: MIN_GAP…MAX_GAP
MAX_GAP=${MAX_GAP:-6}
UP_SECONDS=${UP_SECONDS:-8}   # load after the last recovery
CLIENTS=${CLIENTS:-4}
INTERVAL_MS=${INTERVAL_MS:-200}
UPLOAD_EVERY=${UPLOAD_EVERY:-3} # every 3rd step of a client uploads a small PDF (20–220 KB)
SUBMIT_EVERY=${SUBMIT_EVERY:-4} # every 4th step submits
SEED=${SEED:-$(( $(date +%s%N) % 32768 ))}
MAX_SECONDS=${MAX_SECONDS:-$(( FAULTS * (MAX_GAP + 25) + 60 ))}

PG_WORK=$(mktemp -d /tmp/fw-fault-crash-XXXXXX)
chmod 755 "$PG_WORK"
source "$HERE/own-postgres.sh"
APP_PID=""
LOAD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  own_pg_destroy
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $PG_WORK"; else rm -rf "$PG_WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== own PostgreSQL cluster ($PGBIN)"
own_pg_init
export DATABASE_URL="$PG_URL" DATA_DIR="$PG_WORK/data" NODE_ENV=development LOG_LEVEL=warn SEED_DEMO=false HOST=127.0.0.1
mkdir -p "$DATA_DIR"
echo "== $CLIENTS applicants with a complete application each (submittable)"
(cd "$APP_SERVER_DIR" && node --import tsx "$HERE/setup-clients.ts" "$CLIENTS" --complete --pdf "$PG_WORK/sample.pdf") >"$PG_WORK/clients.json"

APP_PORT=$(free_port)
start_app() {
  (cd "$APP_SERVER_DIR" && PORT=$APP_PORT exec node --import tsx src/server.ts) >>"$PG_WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.25
  done
  echo "FAIL: the app did not come up (after a kill -9?); its log ends:"; tail -40 "$PG_WORK/app.log"; exit 1
}
echo "== app on 127.0.0.1:$APP_PORT"
start_app

RANDOM=$SEED
echo "== load (saves, an upload every $UPLOAD_EVERY steps, a submit every $SUBMIT_EVERY); $FAULTS faults, seed $SEED"
LOAD_UPLOAD_EVERY=$UPLOAD_EVERY LOAD_SUBMIT_EVERY=$SUBMIT_EVERY LOAD_PDF="$PG_WORK/sample.pdf" \
  node "$HERE/autosave-load.mjs" "http://127.0.0.1:$APP_PORT" "$PG_WORK/clients.json" "$PG_WORK/ledger.json" "$PG_WORK/stop" "$MAX_SECONDS" "$INTERVAL_MS" &
LOAD_PID=$!
KILLS=0
CRASHES=0
for i in $(seq 1 "$FAULTS"); do
  # Tenths of a second, so faults do not line up with the clients' request rhythm.
  gap=$(( MIN_GAP * 10 + RANDOM % ((MAX_GAP - MIN_GAP) * 10 + 1) ))
  sleep "$(( gap / 10 )).$(( gap % 10 ))"
  if (( RANDOM % 2 )); then
    echo "   $(date +%T) fault $i: kill -9 app (pid $APP_PID)"
    kill -9 "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    KILLS=$((KILLS + 1))
    start_app
  else
    echo "   $(date +%T) fault $i: pg_ctl stop -m immediate"
    own_pg_crash
    CRASHES=$((CRASHES + 1))
    sleep "0.$(( RANDOM % 10 ))"
    own_pg_start
  fi
  echo "   $(date +%T) recovered"
done
sleep "$UP_SECONDS"
touch "$PG_WORK/stop"
wait "$LOAD_PID"
LOAD_PID=""

FAILED=""
if ! kill -0 "$APP_PID" 2>/dev/null; then
  FAILED="the app process died by itself during the test"
  echo "FAIL: $FAILED; its log ends:"; tail -40 "$PG_WORK/app.log"
fi
if grep -q '"level":50' "$PG_WORK/app.log"; then
  echo "NOTE: the app logged errors:"; grep '"level":50' "$PG_WORK/app.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -5
fi
echo "== $KILLS app kills, $CRASHES PostgreSQL crashes (seed $SEED); checking the ledger against the database and the file store"
FAULT_NAME=crash-ledger FAULTS_INJECTED=$FAULTS FAULT_CHECKS_FAILED="$FAILED" \
  node "$HERE/verify-ledger.mjs" "$PG_WORK/ledger.json" "$PG_URL" "$DATA_DIR"
