#!/usr/bin/env bash
# Rehearses the deployment topology of docker/compose.yaml without Docker: one PostgreSQL, three
# replicas of the packaged jar on loopback ports, Debian's nginx with docker/nginx/bonbu.conf in
# front. The rehearsal itself is the integration test TopologyIT (src/test/java/bonbu/deploy/);
# this script builds the jar, runs that test alone, and prints the figures it recorded in
# target/topology/results.md. Works from any directory. See bench/README.md ("topology/").
#   CLIENTS=30 UPDATES=20 KILL_UPDATES=30 bash bench/topology/run.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
BUDGET_S=${BUDGET_S:-600}

if [ ! -x /usr/sbin/nginx ]; then
    echo "nginx is required at /usr/sbin/nginx: apt-get install -y nginx" >&2
    exit 1
fi

echo "date:    $(date -u)"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "machine: nproc=$(nproc), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "nginx:   $(/usr/sbin/nginx -v 2>&1)"
echo "java:    $(java -version 2>&1 | head -1)"

mvn_pid=""
cleanup() {
    set +e
    if [[ -n "$mvn_pid" ]] && kill -0 "$mvn_pid" 2>/dev/null; then
        echo "stopping the rehearsal (process group $mvn_pid)"
        kill -TERM -- "-$mvn_pid" 2>/dev/null
        sleep 5
        kill -KILL -- "-$mvn_pid" 2>/dev/null
    fi
    # An embedded PostgreSQL left behind by a killed run: stop it by the pid in its postmaster.pid.
    local pidfile="$ROOT/target/topology/db/postgres/postmaster.pid"
    if [[ -f "$pidfile" ]]; then
        local pg
        pg=$(head -1 "$pidfile")
        if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
            echo "stopping the rehearsal's PostgreSQL (pid $pg)"
            kill -TERM "$pg" 2>/dev/null
        fi
    fi
}
trap cleanup EXIT INT TERM

./mvnw -o -q -DskipTests package
rm -f target/topology/results.md
# In its own process group, so that everything it started can be stopped if it overruns.
setsid timeout "$BUDGET_S" ./mvnw -o -q failsafe:integration-test failsafe:verify -Dit.test=TopologyIT \
    -Dbonbu.topology.clients="${CLIENTS:-30}" -Dbonbu.topology.updates="${UPDATES:-20}" \
    -Dbonbu.topology.kill-updates="${KILL_UPDATES:-30}" &
mvn_pid=$!
status=0
wait "$mvn_pid" || status=$?
mvn_pid=""

echo
if [[ -f target/topology/results.md ]]; then
    cat target/topology/results.md
else
    echo "no results recorded; see target/failsafe-reports/ and target/it-topology-*.log" >&2
fi
exit "$status"
