#!/usr/bin/env bash
# The benchmark's own PostgreSQL cluster (scripts/fault/own-postgres.sh: temp folder, free port, never
# the machine's shared server). usage: pg.sh init <dir>  → prints the URL;  pg.sh destroy <dir>
set -euo pipefail
PG_WORK=$2
source "$(dirname "$0")/../../scripts/fault/own-postgres.sh"
case $1 in
  init) chmod 755 "$PG_WORK"; own_pg_init >&2; echo "$PG_URL" ;;
  destroy) PG_DATA="$PG_WORK/pgdata"; own_pg_destroy ;;
esac
