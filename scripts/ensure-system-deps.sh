#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium (end-to-end tests),
# a CJK font (so Chromium draws Chinese), poppler-utils (pdftotext/pdftoppm check the PDFs), and a
# PostgreSQL server (the server suite runs against it as well as against the embedded PGlite), and nginx
# (the fault script with two app instances behind a load balancer).
# Prints the PostgreSQL URL to use on its last line.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi

# PostgreSQL: start the cluster if it is down (CI machines may boot without it).
PG_URL="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if ! psql "$PG_URL" -Atc 'select 1' >/dev/null 2>&1; then
  # A freshly installed server: give the postgres role a password and create the test database.
  su postgres -c "psql -qc \"alter user postgres password 'postgres'\"" >&2
  su postgres -c "createdb test" >&2 2>/dev/null || true
  PG_URL="postgres://postgres:postgres@127.0.0.1:5432/test"
fi
psql "$PG_URL" -Atc 'select 1' >/dev/null
echo "$PG_URL"
