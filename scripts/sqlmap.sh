#!/usr/bin/env bash
# External SQL-injection check: runs sqlmap (Debian package) against the main routes of a local
# instance with demo data and reports "no injectable parameter" or the findings.
#
#   scripts/sqlmap.sh                 # all targets, at most ~15 minutes
#   SQLMAP_TIMEOUT=60 scripts/sqlmap.sh   # seconds per target (default 180)
#   SQLMAP_ONLY="authority-list application-save" scripts/sqlmap.sh   # some targets only
#
# It starts its own server (embedded database in a temporary DATA_DIR, SEED_DEMO=true) on a free
# port, logs in as the demo applicant 13800000002 and the demo authority sz_gxj (password Demo@2026;
# the CSRF token comes from GET /api/auth/csrf and goes back in X-CSRF-Token; the authority's TOTP
# code is computed from its demo secret in db/seed/authorities.ts), and stops the server at the end.
# Rate limits stay on: per-address limits are spread with random X-Forwarded-For addresses (the
# server trusts them from loopback only), per-user limits with a delay between requests; any 429
# sqlmap saw is reported, since a throttled probe proves nothing. Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TIMEOUT=${SQLMAP_TIMEOUT:-180}
OUT=${SQLMAP_OUT:-$(mktemp -d /tmp/fw-sqlmap-XXXXXX)}

if ! command -v sqlmap >/dev/null; then
  echo "installing sqlmap (apt-get)…"
  if [ "$(id -u)" = 0 ]; then apt-get install -y sqlmap >/dev/null; else sudo apt-get install -y sqlmap >/dev/null; fi
fi

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fw-sqlmap-data-XXXXXX)
# In its own process group (setsid), so the cleanup stops npx, tsx and node together by that id.
(cd apps/server && SEED_DEMO=true PORT=$PORT HOST=127.0.0.1 DATA_DIR=$DATA LOG_LEVEL=info NODE_ENV=development exec setsid npx tsx src/server.ts >"$OUT/server.log" 2>&1) &
SERVER=$!
cleanup() {
  kill -- -"$SERVER" 2>/dev/null || kill "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/api/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/api/health" >/dev/null || { echo "server did not start; see $OUT/server.log"; exit 1; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

# Logs in and prints the Cookie header value (session + CSRF cookie) for sqlmap.
login() {
  local jar="$OUT/$1.jar" login=$1 csrf="" res
  if curl -fs -c "$jar" -b "$jar" "$BASE/api/auth/csrf" >/dev/null 2>&1; then
    csrf=$(awk '$6=="fw_csrf"{print $7}' "$jar")
  fi
  res=$(curl -s -c "$jar" -b "$jar" -H 'content-type: application/json' -H "X-CSRF-Token: $csrf" \
    -d "{\"login\":\"$login\",\"password\":\"Demo@2026\"}" "$BASE/api/auth/login")
  if echo "$res" | grep -q '"needsTotp":true'; then
    local ticket secret code
    ticket=$(echo "$res" | json "d['ticket']")
    secret=$(grep -oP "^\s*$login: '\K[A-Z2-7]+" apps/server/src/db/seed/authorities.ts)
    code=$(cd apps/server && node --input-type=module -e "import { generateSync } from 'otplib'; console.log(generateSync({ secret: process.argv[1] }))" "$secret")
    res=$(curl -s -c "$jar" -b "$jar" -H 'content-type: application/json' -H "X-CSRF-Token: $csrf" \
      -d "{\"ticket\":\"$ticket\",\"code\":\"$code\"}" "$BASE/api/auth/login/totp")
  fi
  grep -q fw_sid "$jar" || { echo "login as $login failed: $res" >&2; exit 1; }
  awk '$6=="fw_sid"||$6=="fw_csrf"{printf "%s%s=%s", (n++?"; ":""), $6, $7}' "$jar"
  echo
  echo "$csrf" >"$OUT/$1.csrf"
}

APPLICANT=$(login 13800000002)
AUTHORITY=$(login sz_gxj)
A_CSRF=$(cat "$OUT/13800000002.csrf")
ROUND=$(curl -s -b "$AUTHORITY" "$BASE/api/authority/rounds" | json "[r['id'] for r in (d if isinstance(d, list) else d.get('rounds', []))][0]")
APP=$(curl -s -b "$APPLICANT" "$BASE/api/applications" | json "[a['id'] for a in (d if isinstance(d, list) else d.get('applications', []))][0]")
VERSION=$(curl -s -b "$APPLICANT" "$BASE/api/applications/$APP" | json "d['version']")
NUMBER=$(grep -oP '申报编号 \K[A-Z0-9-]+' "$OUT/server.log" | head -1 || true)
NUMBER=${NUMBER:-SMT-000000-A000001}
# A company of the demo business registry, so the look-up's normal answer is a 200.
REG_NAME=$(grep -oP '可认证的演示单位（工商库，输入名称后回车）: \K[^、]+' "$OUT/server.log" | head -1)
REG_Q=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" "${REG_NAME:-深圳}")

COMMON=(--batch --level 2 --risk 1 --dbms PostgreSQL --time-sec 2 --threads 1 --flush-session --disable-coloring
  --output-dir "$OUT/sqlmap" --tamper xforwardedfor)

declare -a NAMES=() RESULTS=()
run() {
  local name=$1
  shift
  if [ -n "${SQLMAP_ONLY:-}" ] && [[ " $SQLMAP_ONLY " != *" $name "* ]]; then return; fi
  echo "── $name"
  local log="$OUT/$name.log" status=0
  timeout "$TIMEOUT" sqlmap "${COMMON[@]}" "$@" >"$log" 2>&1 || status=$?
  local verdict
  if grep -qE "sqlmap identified the following injection point|is vulnerable" "$log"; then
    verdict="INJECTABLE: $(grep -m3 -E "Parameter:|Type:" "$log" | tr '\n' ' ')"
  elif grep -qE "all tested parameters do not appear to be injectable" "$log"; then
    verdict="no injectable parameter"
  elif [ $status = 124 ]; then
    verdict="time bound reached (${TIMEOUT}s) without a finding: $(grep -cE "testing '" "$log") tests run"
  else
    verdict="inconclusive: $(grep -m1 -E "CRITICAL|ERROR" "$log" || echo "see $log")"
  fi
  local throttled
  throttled=$(grep -oP "429 \(Too Many Requests\) - \K\d+" "$log" | tail -1 || true)
  [ -n "$throttled" ] && verdict="$verdict; 429 answered $throttled times"
  NAMES+=("$name")
  RESULTS+=("$verdict")
  echo "   $verdict"
}

# Per-user limits allow 600 requests a minute: 0.12 s between requests stays below.
run registry-lookup -u "$BASE/api/registry/lookup?q=$REG_Q" -p q --cookie "$APPLICANT" --ignore-code 404
run verify-number -u "$BASE/api/verify/${NUMBER}*"
run authority-list -u "$BASE/api/authority/rounds/$ROUND/applications?keyword=abc&sort=name&order=asc&region=440305&category=enterprise&page=1" \
  -p keyword,sort,order,region,category,page --cookie "$AUTHORITY" --delay 0.12
run audit-filters -u "$BASE/api/authority/audit?action=application.submit&from=2020-01-01&to=2030-01-01&roundId=$ROUND&page=1" \
  -p action,from,to,roundId,page --cookie "$AUTHORITY" --delay 0.12
run application-save -u "$BASE/api/applications/$APP/fields" --method PATCH \
  --data "{\"saveId\":\"sqlmap-check-1\",\"baseVersion\":$VERSION,\"changes\":{\"mainBusiness\":\"abc\"}}" \
  --headers "Content-Type: application/json
X-CSRF-Token: $A_CSRF" --cookie "$APPLICANT" --delay 0.12 --skip fw_sid,fw_csrf
# (--level 2 also tests cookies; a mangled session cookie only answers 401 and makes sqlmap stop.)

echo
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -oE '^[0-9][0-9.a-z#-]*' | head -1) against $BASE, --level 2 --risk 1, ${TIMEOUT}s per target; logs in $OUT"
printf '| target | result |\n|---|---|\n'
for i in "${!NAMES[@]}"; do printf '| %s | %s |\n' "${NAMES[$i]}" "${RESULTS[$i]}"; done
if printf '%s\n' "${RESULTS[@]}" | grep -q INJECTABLE; then exit 2; fi
