#!/usr/bin/env bash
# Runs every test: types, shared rules and forms, the server suite on PGlite and on PostgreSQL,
# the web build, the end-to-end journey in Chromium, and the fault scripts at CI size. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
RESULTS=.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed=0
step() { echo; echo "=== $*"; }
run() { # name, command...
  local name=$1; shift
  step "$name"
  if ! "$@"; then echo "!!! $name failed"; failed=1; fi
}
vit() { # name, workspace dir, extra env...
  local name=$1 dir=$2; shift 2
  run "$name" env "$@" npx vitest run --root "$dir" --reporter=default --reporter=json --outputFile.json="$PWD/$RESULTS/$name.json"
}

PG_URL=$(bash scripts/ensure-system-deps.sh | tail -n 1) || { echo "system dependencies missing"; exit 1; }

run typecheck npm run typecheck --silent
vit shared packages/shared
vit server-pglite apps/server
vit server-postgres apps/server "TEST_DATABASE_URL=$PG_URL"
vit web apps/web
run web-build npm run build -w apps/web --silent
vit e2e e2e
# Fault injection at CI size: PostgreSQL crashes, kill -9 of one of two instances behind nginx, random
# crashes of app and database under a ledger of acknowledged writes (docs/faults.md).
run faults env QUICK=1 FAULT_REPORT_JSON="$PWD/$RESULTS/faults.json" bash scripts/fault/all.sh

node scripts/summarize-tests.mjs "$RESULTS" || failed=1
exit $failed
