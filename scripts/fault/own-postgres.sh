# Sourced by fault scripts: a throwaway PostgreSQL cluster of our own in a temp folder on a free port,
# so we can stop and crash it without touching the machine's shared server that other tests use.
# Needs: PG_WORK (a folder), sets PGBIN, PG_DATA, PG_PORT, PG_URL.

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# PostgreSQL refuses to run as root: run its programs as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

own_pg_init() {
  PG_DATA="$PG_WORK/pgdata"
  PG_PORT=$(free_port)
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$PG_WORK"
  as_pg "'$PGBIN/initdb' -D '$PG_DATA' --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$PG_WORK/initdb.log' 2>&1"
  own_pg_start
  as_pg "'$PGBIN/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres fault"
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/fault"
}

own_pg_start() {
  as_pg "'$PGBIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/server.log' -w -t 60 -o \"-p $PG_PORT -k '$PG_WORK' -c listen_addresses=127.0.0.1 -c fsync=on\" start >/dev/null"
}

# -m immediate: no checkpoint, backends killed — what a power cut or a crash looks like to clients.
own_pg_crash() { as_pg "'$PGBIN/pg_ctl' -D '$PG_DATA' -m immediate -w stop >/dev/null"; }

own_pg_destroy() {
  [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] && as_pg "'$PGBIN/pg_ctl' -D '$PG_DATA' -m immediate stop >/dev/null 2>&1" || true
}
