#!/usr/bin/env bash
# End-to-end benchmark of the catalog API at 11,000 components: builds the service if needed,
# generates the catalog, starts the packaged service (demo profile, embedded PostgreSQL, a
# throw-away data dir under target/, a free port on 127.0.0.1), loads the catalog through the API,
# times status changes and reads, and stops the service again, also on failure or Ctrl-C.
# Extra arguments go to api_bench.py (e.g. --reps 50, --threads 1). Works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DATA_DIR=target/bench-data
LOG=target/api-bench-service.log
CATALOG=target/catalog-11000.json
RESULT_JSON=target/api-bench-result.json
READY_TIMEOUT_S=300
STOP_TIMEOUT_S=60

pid=""
client=""

stop_service() {
    # The benchmark client first, if a signal interrupted it.
    if [[ -n "$client" ]] && kill -0 "$client" 2>/dev/null; then
        kill -TERM "$client" 2>/dev/null || true
        wait "$client" 2>/dev/null || true
    fi
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        echo "stopping the service (pid $pid, SIGTERM) ..."
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < STOP_TIMEOUT_S * 2; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "the service did not stop within ${STOP_TIMEOUT_S} s; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    # If the service could not stop its embedded PostgreSQL, stop that server too (by its pid).
    local pm
    pm=$(find "$DATA_DIR" -name postmaster.pid -print -quit 2>/dev/null || true)
    if [[ -n "$pm" && -f "$pm" ]]; then
        local pgpid
        pgpid=$(head -n 1 "$pm")
        if [[ "$pgpid" =~ ^[0-9]+$ ]] && kill -0 "$pgpid" 2>/dev/null; then
            echo "stopping the leftover embedded PostgreSQL (pid $pgpid)" >&2
            kill -TERM "$pgpid" 2>/dev/null || true
            for ((i = 0; i < 60; i++)); do
                kill -0 "$pgpid" 2>/dev/null || break
                sleep 0.5
            done
        fi
    fi
    echo "service stopped"
    pid=""
}
trap stop_service EXIT
trap 'exit 130' INT TERM

echo "date: $(date -u)"
echo "machine: nproc $(nproc), $(uname -srm)"
java -version 2>&1 | sed 's/^/java: /'
if git rev-parse --short HEAD >/dev/null 2>&1; then
    echo "commit: $(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain -- src pom.xml)" ]] && echo ' (with uncommitted changes under src/ or pom.xml)')"
fi

# 1. Build the packaged service if it is missing or older than the sources.
if [[ ! -f target/quarkus-app/quarkus-run.jar ]] \
    || [[ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)" ]]; then
    echo "building the service ..."
    ./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
fi

# 2. The 11,000-component catalog (same seed, same catalog).
bash bench/catalog/run.sh --json "$CATALOG" --json-only

# 3. Start the service on a free local port with an empty data dir.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
rm -rf "$DATA_DIR"
echo "starting the service on 127.0.0.1:$port (log: $LOG) ..."
BONBU_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    java -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
pid=$!
start_s=$SECONDS
if ! python3 bench/catalog/api_bench.py --base "http://127.0.0.1:$port" --wait-ready "$READY_TIMEOUT_S" --pid "$pid"; then
    echo "the service did not become ready; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2 || true
    exit 1
fi
echo "ready after $((SECONDS - start_s)) s"

# 4. Load and measure.
# In the background, so that a signal to this script stops the client and the service at once.
rc=0
python3 bench/catalog/api_bench.py --base "http://127.0.0.1:$port" --catalog "$CATALOG" \
    --json-out "$RESULT_JSON" "$@" &
client=$!
wait "$client" || rc=$?
client=""

echo
echo "service log: $LOG ($(grep -c -E ' (WARN|ERROR) ' "$LOG" || true) WARN/ERROR lines)"
exit "$rc"
