#!/usr/bin/env bash
# Runs every fault script — pg-restart.sh, multi-instance.sh, crash-ledger.sh — RUNS times each and prints
# the combined table (one row per fault, runs added up, and the total). Exit 0 only when every run passed.
#
#   bash scripts/fault/all.sh                 # each script once, full size (several minutes)
#   QUICK=1 bash scripts/fault/all.sh         # CI-sized: each script under 90 s
#   RUNS=3 bash scripts/fault/all.sh          # the figures in docs/faults.md
# Other variables (SEED, CLIENTS, …) pass through to the scripts.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-1}
SCRIPTS=${SCRIPTS:-pg-restart multi-instance crash-ledger}
export FAULT_SUMMARY
FAULT_SUMMARY=$(mktemp /tmp/fw-fault-summary-XXXXXX)
trap 'rm -f "$FAULT_SUMMARY"' EXIT

status=0
for s in $SCRIPTS; do
  for i in $(seq 1 "$RUNS"); do
    echo ""
    echo "######## $s — run $i of $RUNS ($(date +%T))"
    before=$(wc -l <"$FAULT_SUMMARY")
    bash "$HERE/$s.sh" || status=1
    # A script that failed before its ledger check (e.g. the app did not come up) left no row: count it as failed.
    if [ "$(wc -l <"$FAULT_SUMMARY")" = "$before" ]; then
      echo "{\"fault\":\"$s\",\"runs\":1,\"faults\":0,\"requests\":0,\"acknowledged\":0,\"s503\":0,\"errors\":0,\"lost\":0,\"passed\":false}" >>"$FAULT_SUMMARY"
    fi
  done
done

echo ""
echo "######## all fault scripts (RUNS=$RUNS${QUICK:+, QUICK=$QUICK})"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const by = new Map();
  const add = (t, r) => {
    t.runs += 1; t.faults += r.faults; t.requests += r.requests; t.acknowledged += r.acknowledged;
    t.s503 += r.s503; t.errors += r.errors; t.lost += r.lost; t.passed += r.passed ? 1 : 0;
  };
  const blank = (fault) => ({ fault, runs: 0, faults: 0, requests: 0, acknowledged: 0, s503: 0, errors: 0, lost: 0, passed: 0 });
  const total = blank("**total**");
  for (const r of rows) {
    if (!by.has(r.fault)) by.set(r.fault, blank(r.fault));
    add(by.get(r.fault), r);
    add(total, r);
  }
  console.log("| fault | runs | faults injected | requests | acknowledged | 503/errors | lost | passed |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const t of [...by.values(), total]) console.log(`| ${t.fault} | ${t.runs} | ${t.faults} | ${t.requests} | ${t.acknowledged} | ${t.s503}/${t.errors} | ${t.lost} | ${t.passed}/${t.runs} |`);
' "$FAULT_SUMMARY"
# For the test run's closing line: each fault-script run counts as one test (scripts/summarize-tests.mjs).
if [ -n "${FAULT_REPORT_JSON:-}" ]; then
  node -e '
    const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const passed = rows.filter((r) => r.passed && r.lost === 0).length;
    require("fs").writeFileSync(process.argv[2], JSON.stringify({ numPassedTests: passed, numFailedTests: rows.length - passed, numPendingTests: 0 }));
  ' "$FAULT_SUMMARY" "$FAULT_REPORT_JSON"
fi
[ "$status" = 0 ] && echo "all runs passed" || echo "FAIL: some runs failed (see above)"
exit "$status"
