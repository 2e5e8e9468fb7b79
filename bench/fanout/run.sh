#!/usr/bin/env bash
# Websocket fan-out benchmark: N anonymous clients on /ws/public of the packaged service (demo
# profile, embedded PostgreSQL, a fresh data dir, a free port on 127.0.0.1), and the same clients on
# a plain Node.js `ws` broadcast server (the yardstick, yardstick-server.js), in the same run.
#
#   bash bench/fanout/run.sh [--clients 1000,10000] [--updates 40] [--warmup 5] [--interval-ms 500]
#                            [--first-minute-clients N] [--deflate on|off] [--jfr]
#                            [--wait-quiet SECONDS] [--max-other-cores 0.25] [--retries 2]
#                            [--budget-seconds 900]
#
# Order: start the service, one "first minute" round on it right after it is ready (no warm-up
# excluded); start the yardstick, its own first-minute round; then for each N a measured round on
# the service and one on the yardstick (K warm-up updates, then M measured ones). Every round opens
# its clients afresh in batches and closes them at its end. The machine may be shared: a measured
# round during which other processes used more than --max-other-cores is repeated (at most
# --retries times, after waiting up to 2 min for the machine to be quiet). Everything it starts is
# stopped on exit, on failure and on Ctrl-C. Works from any directory. Results:
# target/bench-fanout/<UTC time>/.
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$SELF")/../.."
ROOT=$PWD
HERE=bench/fanout

clients="1000,10000"
updates=40
warmup=5
interval_ms=500
first_minute_clients=""
deflate=on
jfr=0
budget_s=900 # the whole run, build excluded; each round also has its own limit
wait_quiet_s=0
max_other=0.25 # cores used by other processes during a round before it is repeated
retries=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --clients) clients="$2"; shift 2 ;;
        --updates) updates="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --interval-ms) interval_ms="$2"; shift 2 ;;
        --first-minute-clients) first_minute_clients="$2"; shift 2 ;;
        --deflate) deflate="$2"; shift 2 ;;
        --jfr) jfr=1; shift ;;
        --budget-seconds) budget_s="$2"; shift 2 ;;
        --wait-quiet) wait_quiet_s="$2"; shift 2 ;;
        --max-other-cores) max_other="$2"; shift 2 ;;
        --retries) retries="$2"; shift 2 ;;
        -h | --help) sed -n "2,18p" "$SELF"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
IFS=, read -r -a sizes <<<"$clients"
max_n=0
for n in "${sizes[@]}"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "--clients wants numbers separated by commas, got '$clients'" >&2; exit 64; }
    ((n > max_n)) && max_n=$n
done
first_minute_clients=${first_minute_clients:-$max_n}
[[ "$deflate" == on || "$deflate" == off ]] || { echo "--deflate is on or off" >&2; exit 64; }

# Each connection is a file descriptor, in the server and in a client process.
want_fds=$((max_n + 2000))
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < want_fds)); then
    echo "open-file limit $(ulimit -n) is below the $want_fds that $max_n connections need" >&2
    exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
OUT=target/bench-fanout/$stamp
APP=target/bench-fanout-app
DATA_DIR=$OUT/data
mkdir -p "$OUT"

svc=""
ys=""
client=""
stop_pid() { # pid, name, seconds to wait before SIGKILL
    local p=$1 name=$2 wait_s=$3
    [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null || return 0
    echo "stopping the $name (pid $p) ..."
    kill -TERM "$p" 2>/dev/null || true
    for ((i = 0; i < wait_s * 2; i++)); do
        kill -0 "$p" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$p" 2>/dev/null; then
        echo "the $name did not stop within ${wait_s} s; sending SIGKILL" >&2
        kill -KILL "$p" 2>/dev/null || true
    fi
    wait "$p" 2>/dev/null || true
}
cleanup() {
    stop_pid "$client" "benchmark client" 15
    stop_pid "$ys" "yardstick" 10
    stop_pid "$svc" "service" 60
    # If the service could not stop its embedded PostgreSQL, stop that server too (by its pid).
    local pm pgpid
    pm=$(find "$DATA_DIR" -name postmaster.pid -print -quit 2>/dev/null || true)
    if [[ -n "$pm" && -f "$pm" ]]; then
        pgpid=$(head -n 1 "$pm")
        if [[ "$pgpid" =~ ^[0-9]+$ ]] && kill -0 "$pgpid" 2>/dev/null; then
            stop_pid "$pgpid" "leftover embedded PostgreSQL" 30
        fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
    echo "date: $(date -u)"
    echo "machine: nproc $(nproc), $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    java -version 2>&1 | sed 's/^/java: /'
    echo "node: $(node --version), ws $(node -p "require('./$HERE/node_modules/ws/package.json').version" 2>/dev/null || echo '(not installed yet)')"
    if git rev-parse --short HEAD >/dev/null 2>&1; then
        echo "commit: $(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain -- src pom.xml)" ]] && echo ' (with uncommitted changes under src/ or pom.xml)')"
    fi
    echo "command: bash bench/fanout/run.sh --clients $clients --updates $updates --warmup $warmup --interval-ms $interval_ms --first-minute-clients $first_minute_clients --deflate $deflate$([[ $jfr == 1 ]] && echo ' --jfr')"
    echo "open-file limit: $(ulimit -n)"
} | tee "$OUT/run-info.txt"

# 1. The load client's one dependency.
if [[ ! -d $HERE/node_modules/ws ]]; then
    echo "installing the client's dependencies (npm ci) ..."
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 2. Build the service if it is missing or older than the sources, then run a private copy, so a
#    concurrent ./mvnw in this folder cannot change the jar under the running service.
if [[ ! -f target/quarkus-app/quarkus-run.jar ]] \
    || [[ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)" ]]; then
    echo "building the service ..."
    ./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
fi
rm -rf "$APP"
cp -a target/quarkus-app "$APP"
echo "service copy: $APP (built $(date -u -r "$APP/quarkus-run.jar"))" | tee -a "$OUT/run-info.txt"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
rounds_failed=0

# round LABEL TARGET BASE N WARMUP SERVER_PID STARTED_AT_MS [extra bench.js options...]
round() {
    local label=$1 target=$2 base=$3 n=$4 k=$5 spid=$6 started=$7
    shift 7
    if ((SECONDS >= deadline)); then
        echo "the run's budget of ${budget_s} s is spent; skipping $target $label N=$n" >&2
        rounds_failed=$((rounds_failed + 1))
        return 0
    fi
    local out="$OUT/$target-$label-$n.json" rc try other
    for ((try = 0; ; try++)); do
        rc=0
        echo "--- $target, $label, $n clients$( ((try > 0)) && echo ", repeat $try"): load averages $(cut -d' ' -f1-3 /proc/loadavg)"
        node "$HERE/bench.js" --target "$target" --base "$base" --label "$label" --clients "$n" \
            --updates "$updates" --warmup "$k" --interval-ms "$interval_ms" --deflate "$deflate" \
            --server-pid "$spid" --started-at "$started" --clk-tck "$(getconf CLK_TCK)" \
            --max-seconds 240 --out "$out" "$@" &
        client=$!
        wait "$client" || rc=$?
        client=""
        other=$(node -p "try { require('$ROOT/$out').cpu.otherCores } catch (e) { 0 }")
        # A first-minute round cannot be repeated; a measured one can, while the budget lasts.
        if [[ $label == measured ]] && awk -v o="$other" -v m="$max_other" 'BEGIN { exit !(o > m) }' \
            && ((try < retries && SECONDS + 120 < deadline)); then
            echo "other processes used $other cores during this round (over $max_other); repeating it"
            ps -eo pid,pcpu,etimes,comm --sort=-pcpu | awk -v a="$svc" -v b="$ys" 'NR>1 && $1!=a && $1!=b && $2>5 {print "    " $0}' | head -5 || true
            mv "$out" "${out%.json}.contended-$try.json"
            wait_quiet 120 0.2
            continue
        fi
        break
    done
    if ((rc != 0)); then
        echo "round $target $label N=$n exited $rc (2 = a client lost messages, a connection failed or an update failed)" >&2
        rounds_failed=$((rounds_failed + 1))
    fi
}

# The machine is shared with whatever else runs on it: optionally wait until it is quiet
# (under 0.3 cores busy over 5 s), for at most --wait-quiet seconds.
busy_cores() {
    local a b
    a=($(head -n 1 /proc/stat))
    sleep 5
    b=($(head -n 1 /proc/stat))
    awk -v u="$(( (b[1] + b[2] + b[3] + b[6] + b[7] + b[8]) - (a[1] + a[2] + a[3] + a[6] + a[7] + a[8]) ))" \
        -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", u / t / 5 }'
}
wait_quiet() { # seconds, cores that count as quiet
    local until=$((SECONDS + $1)) busy
    while :; do
        busy=$(busy_cores)
        echo "machine busy: $busy cores"
        awk -v b="$busy" -v q="$2" 'BEGIN { exit !(b < q) }' && return 0
        ((SECONDS < until)) || { echo "still busy after $1 s; going on anyway" >&2; return 0; }
    done
}
if ((wait_quiet_s > 0)); then
    echo "waiting for a quiet machine (before the benchmark starts anything) ..."
    wait_quiet "$wait_quiet_s" 0.3
fi

deadline=$((SECONDS + budget_s))

# 3. The service, and its first minute.
port=$(free_port)
svc_log=$OUT/service.log
echo "starting the service on 127.0.0.1:$port (log: $svc_log) ..."
svc_started=$(date +%s%3N)
BONBU_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    java -Dquarkus.profile=demo -jar "$APP/quarkus-run.jar" >"$svc_log" 2>&1 &
svc=$!
ready=0
for ((i = 0; i < 360; i++)); do
    kill -0 "$svc" 2>/dev/null || break
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)" == 200 ]]; then
        ready=1
        break
    fi
    sleep 0.5
done
if ((ready == 0)); then
    echo "the service did not become ready; last lines of $svc_log:" >&2
    tail -n 40 "$svc_log" >&2 || true
    exit 1
fi
echo "service ready after $(awk -v ms=$(($(date +%s%3N) - svc_started)) 'BEGIN { printf "%.1f", ms / 1000 }') s" | tee -a "$OUT/run-info.txt"
BONBU=http://127.0.0.1:$port
pg_pidfile=$DATA_DIR/postgres/postmaster.pid

round first-minute bonbu "$BONBU" "$first_minute_clients" 0 "$svc" "$svc_started" --pg-pidfile "$pg_pidfile"

# The yardstick sends messages of the same size as the service's.
frame_bytes=$(node -p "try { require('$ROOT/$OUT/bonbu-first-minute-$first_minute_clients.json').frameBytes || 215 } catch (e) { 215 }")

# 4. The yardstick, and its first minute.
yport=$(free_port)
echo "starting the yardstick on 127.0.0.1:$yport (messages of $frame_bytes bytes) ..."
ys_started=$(date +%s%3N)
node "$HERE/yardstick-server.js" --port "$yport" --max-seconds "$((budget_s + 120))" >"$OUT/yardstick.log" 2>&1 &
ys=$!
YARD=http://127.0.0.1:$yport
for ((i = 0; i < 100; i++)); do
    curl -sf "$YARD/health" >/dev/null 2>&1 && break
    sleep 0.1
done
round first-minute yardstick "$YARD" "$first_minute_clients" 0 "$ys" "$ys_started" --bytes "$frame_bytes"

# 5. Measured rounds, the service and the yardstick one after the other for each N.
for n in "${sizes[@]}"; do
    if [[ $jfr == 1 && $n == "$max_n" ]]; then
        jcmd "$svc" JFR.start name=fanout settings=profile filename="$ROOT/$OUT/service-$n.jfr" >/dev/null
    fi
    round measured bonbu "$BONBU" "$n" "$warmup" "$svc" "$svc_started" --pg-pidfile "$pg_pidfile"
    if [[ $jfr == 1 && $n == "$max_n" ]]; then
        jcmd "$svc" JFR.stop name=fanout >/dev/null
        node "$HERE/jfr-summary.js" "$OUT/service-$n.jfr" >"$OUT/service-$n-profile.txt" 2>&1 || true
        echo "profile of the service during the $n-client round: $OUT/service-$n-profile.txt"
    fi
    round measured yardstick "$YARD" "$n" "$warmup" "$ys" "$ys_started" --bytes "$frame_bytes"
done

curl -s -u viewer:bonbu-demo "$BONBU/q/metrics" | grep -E '^bonbu_live' >"$OUT/service-metrics-end.txt" || true

# 6. The summary.
node "$HERE/report.js" "$OUT" | tee "$OUT/summary.md"
echo
echo "results: $OUT (round JSON files, summary.md, service.log with $(grep -c -E ' (WARN|ERROR) ' "$svc_log" || true) WARN/ERROR lines)"
((rounds_failed == 0)) || { echo "$rounds_failed round(s) failed or were skipped" >&2; exit 2; }
