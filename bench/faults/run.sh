#!/usr/bin/env bash
# Fault scripts for the live-update path: kill -9 of the service during a burst of writes, and an
# immediate-mode PostgreSQL stop and restart while the service runs. Builds the service, runs a
# private copy of it against a standalone PostgreSQL on 127.0.0.1 (fsync on), checks every
# acknowledged write and the websocket client's seqs against the timeline, and stops everything it
# started, also on failure or Ctrl-C. Extra arguments go to faults.py. Works from any directory.
# See bench/README.md ("faults/").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD

RUN="$ROOT/target/faults-run"          # this run: the service copy, PostgreSQL, logs, results
PGBIN_CACHE="$ROOT/target/faults-pgbin" # the PostgreSQL binaries the embedded mode extracted (kept)
RESULT_JSON="$RUN/result.json"
PY_TIMEOUT_S=540

extract_pid=""
client=""
pg_started=""

stop_pid() { # pid, what, seconds to wait after SIGTERM
    local p=$1 what=$2 wait_s=$3
    [[ "$p" =~ ^[0-9]+$ ]] || return 0
    kill -0 "$p" 2>/dev/null || return 0
    echo "stopping $what (pid $p, SIGTERM)"
    kill -TERM "$p" 2>/dev/null || true
    for ((i = 0; i < wait_s * 4; i++)); do
        kill -0 "$p" 2>/dev/null || return 0
        sleep 0.25
    done
    echo "$what did not stop within ${wait_s} s; SIGKILL" >&2
    kill -KILL "$p" 2>/dev/null || true
}

cleanup() {
    set +e
    if [[ -n "$client" ]]; then
        stop_pid "$client" "the fault client" 10
        wait "$client" 2>/dev/null
    fi
    # The service the client started, if the client could not stop it (only if it is ours).
    if [[ -f "$RUN/service.pid" ]]; then
        local sp
        sp=$(cat "$RUN/service.pid")
        if [[ "$sp" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$sp/cmdline" | grep -q -- "$RUN/app/quarkus-run.jar"; then
            stop_pid "$sp" "the service" 60
        fi
    fi
    if [[ -n "$extract_pid" ]]; then
        stop_pid "$extract_pid" "the extraction run of the service" 60
        wait "$extract_pid" 2>/dev/null
    fi
    # An embedded PostgreSQL left by the extraction run (by the pid in its postmaster.pid).
    local pm
    pm="$PGBIN_CACHE/postgres/postmaster.pid"
    if [[ -f "$pm" ]]; then
        local pp
        pp=$(head -n 1 "$pm")
        if [[ "$pp" =~ ^[0-9]+$ && "$(cat "/proc/$pp/comm" 2>/dev/null)" == postgres ]]; then
            stop_pid "$pp" "the embedded PostgreSQL of the extraction run" 30
        fi
    fi
    if [[ -n "$pg_started" ]] && bash "$ROOT/bench/faults/pg.sh" running; then
        echo "stopping the standalone PostgreSQL"
        bash "$ROOT/bench/faults/pg.sh" stop || bash "$ROOT/bench/faults/pg.sh" stop-immediate
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_ready() { # port, pid, seconds
    local port=$1 p=$2 limit=$3
    for ((i = 0; i < limit * 4; i++)); do
        kill -0 "$p" 2>/dev/null || return 1
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" 2>/dev/null)" == 200 ]] && return 0
        sleep 0.25
    done
    return 1
}

find_pg_bin() { # the newest folder under $1 that has initdb, pg_ctl and postgres
    local d
    for d in $(ls -d "$1"/PG-*/bin 2>/dev/null | sort -r); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
    done
    return 1
}

echo "date: $(date -u)"
echo "machine: nproc $(nproc), $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs)"
java -version 2>&1 | sed 's/^/java: /'
echo "python: $(python3 --version 2>&1)"
if git rev-parse --short HEAD >/dev/null 2>&1; then
    echo "commit: $(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain -- src pom.xml)" ]] && echo ' (with uncommitted changes under src/ or pom.xml)')"
fi
echo "command: bash bench/faults/run.sh $*"

# 1. Build, then copy the application right away: another build in this folder may rewrite
#    target/quarkus-app while the scenarios run.
#    A build that overlapped another one can package a jar with classes missing, so the copy is
#    checked: every source file under src/main/java must have its class in the application jar.
missing_classes() {
    python3 - "$RUN/app" src/main/java <<'PY'
import glob, os, sys, zipfile
app, src = sys.argv[1], sys.argv[2]
jars = glob.glob(os.path.join(app, "app", "*.jar"))
if not os.path.isfile(os.path.join(app, "quarkus-run.jar")) or not jars:
    print("quarkus-run.jar or the application jar")
    sys.exit()
names = set(zipfile.ZipFile(jars[0]).namelist())
for java in glob.glob(os.path.join(src, "**", "*.java"), recursive=True):
    cls = os.path.relpath(java, src)[: -len(".java")] + ".class"
    if not cls.endswith("package-info.class") and cls not in names:
        print(cls)
PY
}
for attempt in 1 2 3; do
    echo "building the service ..."
    ./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
    rm -rf "$RUN"
    mkdir -p "$RUN"
    cp -r target/quarkus-app "$RUN/app"
    missing=$(missing_classes)
    [[ -z "$missing" ]] && break
    echo "the copy of target/quarkus-app lacks: $(echo $missing | head -c 300) (another build at the same time?)" >&2
    [[ $attempt -lt 3 ]] || exit 1
    sleep 10
done

# 2. PostgreSQL binaries: the PostgreSQL 17 that the embedded mode extracts (run the packaged service
#    once in the demo profile and stop it), else Debian's postgresql package.
pg_bin=$(find_pg_bin "$PGBIN_CACHE/postgres-runtime" || true)
if [[ -z "$pg_bin" ]]; then
    echo "extracting the embedded PostgreSQL binaries (one demo run of the service) ..."
    rm -rf "$PGBIN_CACHE"
    port=$(free_port)
    env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
        BONBU_DATA_DIR="$PGBIN_CACHE" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
        java -Dquarkus.profile=demo -jar "$RUN/app/quarkus-run.jar" >"$RUN/extract-service.log" 2>&1 &
    extract_pid=$!
    if wait_ready "$port" "$extract_pid" 180; then
        stop_pid "$extract_pid" "the extraction run of the service" 60
    else
        echo "the extraction run did not become ready; see $RUN/extract-service.log" >&2
        stop_pid "$extract_pid" "the extraction run of the service" 60
    fi
    wait "$extract_pid" 2>/dev/null || true
    extract_pid=""
    pg_bin=$(find_pg_bin "$PGBIN_CACHE/postgres-runtime" || true)
    rm -rf "$PGBIN_CACHE/postgres" # its demo database is not used
fi
if [[ -n "$pg_bin" ]]; then
    # The embedded mode keeps its binaries where only the service's user can enter; the
    # standalone server below runs as another user, so it gets a copy of its own.
    rm -rf "$RUN/pgbin"
    cp -r "$(dirname "$pg_bin")" "$RUN/pgbin"
    chmod -R a+rX,go-w "$RUN/pgbin"
    chmod a+x "$RUN"
    pg_bin="$RUN/pgbin/bin"
fi
if [[ -z "$pg_bin" ]]; then
    echo "no embedded PostgreSQL binaries; using Debian's postgresql package"
    if ! ls -d /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
fi
echo "postgresql: $("$pg_bin/postgres" --version) ($pg_bin)"

# 3. A standalone PostgreSQL on a free local port, fsync on, with an empty database "bonbu".
#    PostgreSQL refuses to run as root: then it runs as the postgres account, or nobody.
pg_osuser=""
if [[ $EUID -eq 0 ]]; then
    if id postgres >/dev/null 2>&1; then pg_osuser=postgres; else pg_osuser=nobody; fi
fi
export FAULTS_PG_BIN="$pg_bin" FAULTS_PG_DIR="$RUN/pg" FAULTS_PG_PORT="$(free_port)" \
    FAULTS_PG_OSUSER="$pg_osuser" FAULTS_PG_DBUSER=bonbu FAULTS_PG_PASSWORD=bonbu-faults
bash bench/faults/pg.sh init
pg_started=1
bash bench/faults/pg.sh start
echo "postgresql: 127.0.0.1:$FAULTS_PG_PORT, data $FAULTS_PG_DIR/data, run as ${pg_osuser:-$(id -un)}, fsync=on, synchronous_commit=on"

# 4. The scenarios. The client starts, kills and restarts the service itself.
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$FAULTS_PG_PORT/bonbu"
export QUARKUS_DATASOURCE_USERNAME="$FAULTS_PG_DBUSER" QUARKUS_DATASOURCE_PASSWORD="$FAULTS_PG_PASSWORD"
unset BONBU_DATA_DIR
http_port=$(free_port)
echo "service: 127.0.0.1:$http_port, $RUN/app/quarkus-run.jar, demo profile, logs $RUN/service-*.log"
rc=0
timeout -s TERM "$PY_TIMEOUT_S" python3 bench/faults/faults.py --jar "$RUN/app/quarkus-run.jar" --port "$http_port" \
    --run-dir "$RUN" --pg-script "$ROOT/bench/faults/pg.sh" --json-out "$RESULT_JSON" "$@" &
client=$!
wait "$client" || rc=$?
client=""
echo "postgresql log: $FAULTS_PG_DIR/postgres.log; results: $RESULT_JSON"
exit "$rc"
