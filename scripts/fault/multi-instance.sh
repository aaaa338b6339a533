#!/usr/bin/env bash
# Fault test (issue 4, reliability): two app instances behind nginx on one PostgreSQL, one of them killed
# with `kill -9` while it is receiving a big resumable upload, under a stream of autosaves.
#   - Both instances start together on a fresh database (they must not race each other's migrations).
#   - Sessions are shared through the database; rate-limit counters are per instance here (REDIS_URL
#     would share them).
#   - The upload (tus-js-client, as the web app; tens of MB, PATCH bodies paced so that one is streaming)
#     goes through nginx. The instance that has the upload's file open is killed mid-PATCH; the client's
#     HEAD then reaches the other instance, which gives the offset, and the PATCHes go on there. Every 2nd
#     round the kill comes while the instance finishes the complete upload (checks, SHA-256, adoption):
#     HEAD then says all bytes are there and the client's empty PATCH at that offset finishes it on the
#     other instance. The stored file's SHA-256 must equal the source's. The killed instance is started
#     again (it must come up).
#   - Every acknowledged save is in the database; every live file row matches its stored bytes.
# Both instances share one DATA_DIR (a local file store on the same disk): tus needs every instance to see
# the same unfinished uploads. Across machines, the S3 file store is the answer (it keeps no local state).
#
# nginx (Debian package; installed with apt-get when missing) runs in the foreground under this script with
# a config written into the temp folder (-p/-c). Its choices, and why:
#   - proxy_request_buffering off on /api/uploads: a PATCH streams to the app as it arrives, so what was
#     received before a failure is kept and the client resumes from there; client_max_body_size 100m there
#     (the largest slot; the app holds each upload to its declared length), 2m elsewhere.
#   - proxy_next_upstream error timeout (nginx's default rule for non-idempotent methods): a request goes
#     to the other instance only if it could not be handed to the first (connection refused). A POST or
#     PATCH that reached an instance is never replayed by nginx — the client gets 502 and decides. That is
#     safe here because the clients retry idempotently: a save carries its saveId (a repeat answers the
#     first result), a submit its idempotency key, a tus PATCH its Upload-Offset (a stale one gets 409).
#     Adding `non_idempotent` would make nginx replay a tus creation POST (a second, orphaned upload).
#   - no upstream keepalive here: each request opens its connection, so a dead instance shows as "connection
#     refused" (passed to the other instance) rather than as a reset pooled connection (which can be a 502).
#
#   bash scripts/fault/multi-instance.sh               # 3 kills, 40 MB uploads
#   ROUNDS=5 SIZE_MB=60 bash scripts/fault/multi-instance.sh
#   QUICK=1 bash scripts/fault/multi-instance.sh       # CI-sized: 1 kill, 24 MB, under 90 s
#   KEEP=1 …                                           # keep the temp folder (logs, nginx access log, data)
set -euo pipefail
if [ "${QUICK:-0}" = 1 ]; then : "${ROUNDS:=1}" "${SIZE_MB:=24}" "${UP_SECONDS:=4}"; fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/scripts/fault"
APP_SERVER_DIR=${APP_SERVER_DIR:-$ROOT/apps/server}
ROUNDS=${ROUNDS:-3}           # uploads, each with a kill -9 of the instance receiving it
SIZE_MB=${SIZE_MB:-40}
PACE_MBPS=${PACE_MBPS:-8}     # client send rate, so a PATCH is still streaming when the kill comes
CHUNK_MB=${CHUNK_MB:-8}       # tus-js-client chunk: one PATCH each
UP_SECONDS=${UP_SECONDS:-8}   # autosaves between rounds and after the last
CLIENTS=${CLIENTS:-4}
INTERVAL_MS=${INTERVAL_MS:-250}
MAX_SECONDS=${MAX_SECONDS:-$(( ROUNDS * (SIZE_MB / PACE_MBPS + UP_SECONDS + 40) + 60 ))}

command -v nginx >/dev/null || command -v /usr/sbin/nginx >/dev/null || {
  echo "== installing nginx (Debian package)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx) >/dev/null
}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

PG_WORK=$(mktemp -d /tmp/fw-fault-multi-XXXXXX)
chmod 755 "$PG_WORK"
source "$HERE/own-postgres.sh"
declare -A PID PORT
NGINX_PID=""
LOAD_PID=""
UP_PID=""
cleanup() {
  for p in "$LOAD_PID" "$UP_PID" "${PID[a]:-}" "${PID[b]:-}" "$NGINX_PID"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  own_pg_destroy
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $PG_WORK"; else rm -rf "$PG_WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FAILED=()
fail() { echo "FAIL: $*"; FAILED+=("$*"); }

echo "== own PostgreSQL cluster ($PGBIN)"
own_pg_init
export DATABASE_URL="$PG_URL" DATA_DIR="$PG_WORK/data" NODE_ENV=development LOG_LEVEL=warn SEED_DEMO=false HOST=127.0.0.1
mkdir -p "$DATA_DIR"

start_instance() { # name
  (cd "$APP_SERVER_DIR" && PORT=${PORT[$1]} exec node --import tsx src/server.ts) >>"$PG_WORK/app-$1.log" 2>&1 &
  PID[$1]=$!
}
wait_healthy() { # name
  for _ in $(seq 1 160); do
    curl -fs "http://127.0.0.1:${PORT[$1]}/api/health" >/dev/null 2>&1 && return 0
    kill -0 "${PID[$1]}" 2>/dev/null || break
    sleep 0.25
  done
  fail "instance $1 did not come up"; tail -20 "$PG_WORK/app-$1.log"; return 1
}
PORT[a]=$(free_port)
PORT[b]=$(free_port)
echo "== instances a (:${PORT[a]}) and b (:${PORT[b]}) started together on the fresh database"
start_instance a
start_instance b
wait_healthy a || exit 1
wait_healthy b || exit 1

echo "== $CLIENTS applicants autosaving, one more uploading"
(cd "$APP_SERVER_DIR" && node --import tsx "$HERE/setup-clients.ts" "$((CLIENTS + 1))" --pdf "$PG_WORK/sample.pdf") >"$PG_WORK/all-clients.json"
node -e 'const fs=require("fs");const c=JSON.parse(fs.readFileSync(process.argv[1]));fs.writeFileSync(process.argv[2],JSON.stringify(c.slice(0,-1)));fs.writeFileSync(process.argv[3],JSON.stringify(c.slice(-1)))' \
  "$PG_WORK/all-clients.json" "$PG_WORK/clients.json" "$PG_WORK/uploader.json"

NGINX_PORT=$(free_port)
mkdir -p "$PG_WORK/nginx"
cat >"$PG_WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $PG_WORK/nginx/nginx.pid;
error_log $PG_WORK/nginx/error.log warn;
events { worker_connections 512; }
http {
  log_format upstream '\$request_method \$uri \$status up=\$upstream_addr up_status=\$upstream_status t=\$request_time';
  access_log $PG_WORK/nginx/access.log upstream;
  client_body_temp_path $PG_WORK/nginx/body;
  proxy_temp_path $PG_WORK/nginx/proxy;
  fastcgi_temp_path $PG_WORK/nginx/fastcgi;
  uwsgi_temp_path $PG_WORK/nginx/uwsgi;
  scgi_temp_path $PG_WORK/nginx/scgi;
  upstream app {
    server 127.0.0.1:${PORT[a]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${PORT[b]} max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 2m;
    proxy_http_version 1.1;
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 2s;
    proxy_next_upstream error timeout;
    proxy_next_upstream_tries 2;
    location / { proxy_pass http://app; }
    location /api/uploads {
      client_max_body_size 100m;
      proxy_request_buffering off;
      proxy_send_timeout 300s;
      proxy_read_timeout 300s;
      proxy_pass http://app;
    }
  }
}
EOF
"$NGINX" -t -q -p "$PG_WORK/nginx" -e "$PG_WORK/nginx/error.log" -c "$PG_WORK/nginx/nginx.conf"
"$NGINX" -p "$PG_WORK/nginx" -e "$PG_WORK/nginx/error.log" -c "$PG_WORK/nginx/nginx.conf" &
NGINX_PID=$!
BASE="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 40); do curl -fs "$BASE/api/health" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs "$BASE/api/health" >/dev/null || { fail "nginx does not answer"; cat "$PG_WORK/nginx/error.log"; exit 1; }
echo "== nginx on $BASE → a, b"

echo "== autosaves through nginx; $ROUNDS uploads of $SIZE_MB MB, each with a kill -9 of the instance receiving it"
node "$HERE/autosave-load.mjs" "$BASE" "$PG_WORK/clients.json" "$PG_WORK/ledger.json" "$PG_WORK/stop" "$MAX_SECONDS" "$INTERVAL_MS" &
LOAD_PID=$!
LEDGERS="$PG_WORK/ledger.json"
KILLS=0
holder_of() { # upload id → the instance that has its file open, if any (status 0 either way: set -e)
  for n in a b; do
    if ls -l "/proc/${PID[$n]}/fd" 2>/dev/null | grep -q "uploads/$1\$"; then echo "$n"; return 0; fi
  done
  return 0
}
for r in $(seq 1 "$ROUNDS"); do
  sleep "$UP_SECONDS"
  rm -f "$PG_WORK/url"
  node "$HERE/tus-upload.mjs" "$BASE" "$PG_WORK/uploader.json" 0 "$SIZE_MB" "$PACE_MBPS" "$CHUNK_MB" "$PG_WORK/sample.pdf" "$PG_WORK/upload-$r.json" "$PG_WORK/url" &
  UP_PID=$!
  LEDGERS="$LEDGERS,$PG_WORK/upload-$r.json"
  # Every 2nd round the kill waits for the last byte: the instance is then checking and storing the
  # finished upload (content sniffing, SHA-256, adoption, the row) — the client must still get it stored.
  if (( r % 2 == 0 )); then phase=finish; from=$(( SIZE_MB * 1024 * 1024 )); else phase=mid; from=$(( SIZE_MB * 1024 * 1024 / 4 )); fi
  # Wait until that much is stored, then for the moment an instance has the upload's file open.
  victim=""
  offset=0
  for _ in $(seq 1 2000); do
    if [ -f "$PG_WORK/url" ]; then
      id=$(basename "$(cat "$PG_WORK/url")")
      offset=$(stat -c %s "$DATA_DIR/uploads/$id" 2>/dev/null || echo 0)
      if [ "$offset" -ge "$from" ]; then victim=$(holder_of "$id"); [ -n "$victim" ] && break; fi
    fi
    kill -0 "$UP_PID" 2>/dev/null || break
    sleep 0.02
  done
  if [ -z "$victim" ]; then
    fail "round $r: did not catch an instance with the upload open ($phase; finished too fast?)"
    wait "$UP_PID" || true
    UP_PID=""
    continue
  fi
  what="writes upload $id at $((offset / 1024 / 1024)) MB of $SIZE_MB"
  [ "$phase" = finish ] && what="finishes upload $id (all $SIZE_MB MB received)"
  echo "   $(date +%T) round $r: kill -9 instance $victim (pid ${PID[$victim]}) while it $what"
  kill -9 "${PID[$victim]}"
  wait "${PID[$victim]}" 2>/dev/null || true
  KILLS=$((KILLS + 1))
  if ! wait "$UP_PID"; then fail "round $r: the upload did not complete"; fi
  UP_PID=""
  node -e '
    const u = JSON.parse(require("fs").readFileSync(process.argv[1])).upload;
    const ok = u.stored && u.stored.sha256 === u.sha256 && u.stored.size === u.size;
    console.log(`   round ${process.argv[2]}: stored ${ok ? "" : "NOT "}equal to the source (SHA-256 ${u.sha256.slice(0, 16)}…), resumed ${u.resumes}× via HEAD, ${u.creations} creation(s)${u.finishedByEmptyPatch ? ", finished by an empty PATCH" : ""}`);
    process.exit(ok && u.resumes > 0 ? 0 : 1);
  ' "$PG_WORK/upload-$r.json" "$r" || fail "round $r: the upload was not resumed or its SHA-256 differs"
  # Who served the upload, from nginx's log: the PATCHes after the kill went to the other instance.
  grep " /api/uploads/$id " "$PG_WORK/nginx/access.log" | awk '{print "     " $1, $3, $4, $5}' | uniq -c | sed 's/^/  /' || true
  start_instance "$victim"
  wait_healthy "$victim" && echo "   $(date +%T) instance $victim is up again after kill -9"
done
sleep "$UP_SECONDS"
touch "$PG_WORK/stop"
wait "$LOAD_PID"
LOAD_PID=""
for n in a b; do kill -0 "${PID[$n]}" 2>/dev/null || fail "instance $n died by itself"; done
for n in a b; do
  if grep -q '"level":50' "$PG_WORK/app-$n.log"; then echo "NOTE: instance $n logged errors:"; grep '"level":50' "$PG_WORK/app-$n.log" | cut -c1-240 | head -3; fi
done
echo "== checking the ledgers against the database and the file store"
FAULT_NAME=multi-instance FAULTS_INJECTED=$KILLS FAULT_CHECKS_FAILED="$(IFS=';'; echo "${FAILED[*]:-}")" \
  node "$HERE/verify-ledger.mjs" "$LEDGERS" "$PG_URL" "$DATA_DIR"
