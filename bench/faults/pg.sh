#!/usr/bin/env bash
# Controls the standalone PostgreSQL of the fault scripts. Used by run.sh and faults.py.
#
#   pg.sh init             new cluster in $FAULTS_PG_DIR/data with database "bonbu"
#   pg.sh start            start it (waits until it accepts connections, at most 60 s)
#   pg.sh stop-immediate   pg_ctl stop -m immediate: no checkpoint, crash recovery on next start
#   pg.sh stop             pg_ctl stop -m fast (a clean stop)
#   pg.sh running          exit 0 if the server is running
#
# Settings come from the environment (run.sh exports them):
#   FAULTS_PG_BIN       folder with initdb, pg_ctl and postgres
#   FAULTS_PG_DIR       working folder: data/, socket/, postgres.log
#   FAULTS_PG_PORT      TCP port on 127.0.0.1
#   FAULTS_PG_OSUSER    the unprivileged account that runs PostgreSQL when this runs as root
#                       (PostgreSQL refuses to run as root); empty: the current account
#   FAULTS_PG_DBUSER, FAULTS_PG_PASSWORD   the database superuser the service signs in as
set -euo pipefail

: "${FAULTS_PG_BIN:?}" "${FAULTS_PG_DIR:?}" "${FAULTS_PG_PORT:?}" "${FAULTS_PG_DBUSER:?}" "${FAULTS_PG_PASSWORD:?}"
FAULTS_PG_OSUSER="${FAULTS_PG_OSUSER:-}"
DATA="$FAULTS_PG_DIR/data"
LOGFILE="$FAULTS_PG_DIR/postgres.log"

as_pg() {
    if [[ -n "$FAULTS_PG_OSUSER" ]]; then
        (cd "$FAULTS_PG_DIR" && runuser -u "$FAULTS_PG_OSUSER" -- "$@")
    else
        (cd "$FAULTS_PG_DIR" && "$@")
    fi
}

case "${1:-}" in
    init)
        [[ "$FAULTS_PG_DIR" == */target/* ]] || { echo "pg.sh: FAULTS_PG_DIR must be under a target/ folder" >&2; exit 64; }
        rm -rf "$FAULTS_PG_DIR"
        mkdir -p "$FAULTS_PG_DIR/socket"
        [[ -z "$FAULTS_PG_OSUSER" ]] || chown -R "$FAULTS_PG_OSUSER" "$FAULTS_PG_DIR"
        chmod 700 "$FAULTS_PG_DIR"
        pwfile="$FAULTS_PG_DIR/pwfile"
        printf '%s\n' "$FAULTS_PG_PASSWORD" >"$pwfile"
        [[ -z "$FAULTS_PG_OSUSER" ]] || chown "$FAULTS_PG_OSUSER" "$pwfile"
        chmod 600 "$pwfile"
        as_pg "$FAULTS_PG_BIN/initdb" -D "$DATA" -U "$FAULTS_PG_DBUSER" --pwfile="$pwfile" \
            -A scram-sha-256 -E UTF8 --locale=C >"$FAULTS_PG_DIR/initdb.log" 2>&1 \
            || { cat "$FAULTS_PG_DIR/initdb.log" >&2; exit 1; }
        rm -f "$pwfile"
        cat >>"$DATA/postgresql.conf" <<EOF

# bench/faults: loopback only, a fixed port (kept across restarts), durable commits
listen_addresses = '127.0.0.1'
port = $FAULTS_PG_PORT
unix_socket_directories = '$FAULTS_PG_DIR/socket'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 100
log_line_prefix = '%m [%p] '
EOF
        # Single-user mode needs no server and no client program (the embedded binaries have no psql).
        echo "CREATE DATABASE bonbu ENCODING 'UTF8';" \
            | as_pg "$FAULTS_PG_BIN/postgres" --single -D "$DATA" postgres >"$FAULTS_PG_DIR/createdb.log" 2>&1 \
            || { cat "$FAULTS_PG_DIR/createdb.log" >&2; exit 1; }
        ;;
    start)
        as_pg "$FAULTS_PG_BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 start >/dev/null
        ;;
    stop-immediate)
        as_pg "$FAULTS_PG_BIN/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >/dev/null
        ;;
    stop)
        as_pg "$FAULTS_PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
        ;;
    running)
        as_pg "$FAULTS_PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
        ;;
    *)
        echo "usage: pg.sh init|start|stop-immediate|stop|running" >&2
        exit 64
        ;;
esac
