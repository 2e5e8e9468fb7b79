#!/usr/bin/env bash
# Public status page against nginx serving the very same bytes.
#
#   bash bench/status-page/run.sh
#   PATHS="/static/live.js /q/health/live" ROUNDS=1 DURATION=5 bash bench/status-page/run.sh
#
# Environment (all optional):
#   PATHS        URL paths under test, separated by spaces (default "/ /api/v2/summary.json")
#   CONNECTIONS  wrk connection counts (default "100 1000")
#   ROUNDS       measured rounds (default 3)
#   DURATION     seconds per measured wrk run (default 15)
#   WARMUP       seconds of warm-up per path and server (default 10)
#   NGINX_WORKERS nginx worker_processes (default: nproc)
#
# What it does: builds the service if target/quarkus-app/quarkus-run.jar is missing or older than
# the sources, copies it to target/bench-status-page/app and runs the copy (demo profile, embedded
# PostgreSQL in a fresh data dir under target/, a free port on 127.0.0.1) until /q/health/ready
# answers 200. It fetches each path's exact bytes once with curl into a document root under
# target/ (the same URL path; "/" is index.html), writes an nginx config that serves them on
# another free port with the service's Content-Type, starts nginx, and checks with cmp that nginx
# serves identical bytes. Then it warms both up, and runs wrk (-t2 -c<N> -d<DURATION>s --latency)
# on each server in turn, for each round, connection count and path, alternating which server
# goes first from round to round. It prints a Markdown report (median requests/s and p99 per
# server, the service/nginx ratio, every error) and writes it to target/status-page-bench.md; raw
# wrk outputs, logs and the nginx config stay in target/bench-status-page/. Everything it starts
# is stopped on exit, on failure and on Ctrl-C. Works from any directory.
#
# Exit status: 0 when every run worked; 2 when a run at 1,000 or more connections had errors (or
# wrk itself failed); 1 when the setup failed (build, start, fetch, nginx not serving the bytes).
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$SELF")/../.."
ROOT=$PWD

PATHS=${PATHS:-"/ /api/v2/summary.json"}
CONNECTIONS=${CONNECTIONS:-"100 1000"}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
NGINX_WORKERS=${NGINX_WORKERS:-$(nproc)}
WRK_THREADS=2
WARMUP_CONNECTIONS=100
READY_TIMEOUT_S=300

OUT=$ROOT/target/bench-status-page
APP=$OUT/app
DATA_DIR=$OUT/data
DOCROOT=$OUT/docroot
NGX=$OUT/nginx # nginx prefix: config, pid file, error log, temp dirs
WRK_OUT=$OUT/wrk
RUNS=$OUT/runs.tsv
REPORT=$ROOT/target/status-page-bench.md
SERVICE_LOG=$OUT/service.log

die() { echo "error: $*" >&2; exit 1; }
for v in ROUNDS DURATION WARMUP NGINX_WORKERS; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, got '${!v}'"
done
read -r -a paths <<<"$PATHS"
read -r -a conns <<<"$CONNECTIONS"
((${#paths[@]} > 0)) || die "PATHS is empty"
((${#conns[@]} > 0)) || die "CONNECTIONS is empty"
max_c=0
for c in "${conns[@]}"; do
    [[ "$c" =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS wants whole numbers separated by spaces, got '$CONNECTIONS'"
    if ((c > max_c)); then max_c=$c; fi
done
path_re='^/([A-Za-z0-9._~-]+/?)*$'
for p in "${paths[@]}"; do
    # Plain paths only: they go into the nginx config and onto the file system as they are.
    [[ "$p" =~ $path_re && "$p" != *..* ]] \
        || die "unsupported path '$p' (a plain URL path: letters, digits, . _ ~ - and /; no query, no ..)"
done
for tool in curl wrk nginx java python3 cmp; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

# Each connection is a file descriptor in wrk and in the server; 1,000 connections do not fit
# the common soft limit of 1,024. Raise the soft limit (children inherit it) up to the hard one.
want_fds=$((max_c + 1000))
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(($(ulimit -n) >= want_fds)) || die "open-file limit $(ulimit -n) is below the $want_fds that $max_c connections need"
NOFILE=$(ulimit -n)
# The accept queue. The service (Vert.x/Netty with quarkus.http.accept-backlog unset) takes
# net.core.somaxconn; nginx gets the same, so 1,000 simultaneous connects meet equal queues.
SOMAXCONN=$(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo 511)

svc=""
ngx=""
wrk_pid=""
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
    stop_pid "$wrk_pid" "wrk" 5
    if [[ -n "$ngx" ]]; then
        # nginx's workers are the master's children; after a SIGKILL of the master they would stay.
        local workers
        workers=$(pgrep -P "$ngx" 2>/dev/null || true)
        stop_pid "$ngx" "nginx" 10
        for w in $workers; do kill -KILL "$w" 2>/dev/null || true; done
    fi
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

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
listen_backlog() { # port -> the listening socket's accept-queue size (ss: Send-Q)
    ss -Hltn "sport = :$1" 2>/dev/null | awk 'NR == 1 { print $3 }'
}

rm -rf "$OUT"
mkdir -p "$OUT" "$DOCROOT" "$NGX/tmp" "$WRK_OUT"

# 0. The machine and the commit, for the report.
commit="(not a git checkout)"
if git rev-parse --short HEAD >/dev/null 2>&1; then
    commit="$(git rev-parse --short HEAD) (branch $(git rev-parse --abbrev-ref HEAD))"
    if [[ -n "$(git status --porcelain -- src pom.xml status-page)" ]]; then
        commit+=", with uncommitted changes under src/, status-page/ or pom.xml"
    fi
fi
{
    echo "date	$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "commit	$commit"
    echo "machine	nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(uname -sr)"
    echo "wrk	$(wrk --version 2>&1 | head -n 1 | xargs)"
    echo "nginx	$(nginx -v 2>&1 | head -n 1), worker_processes $NGINX_WORKERS"
    echo "java	$(java -version 2>&1 | head -n 1)"
    echo "limits	open files $NOFILE, net.core.somaxconn $SOMAXCONN"
    echo "load average at start	$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "parameters	PATHS=\"$PATHS\" CONNECTIONS=\"$CONNECTIONS\" ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP; wrk -t$WRK_THREADS -c<N> -d${DURATION}s --latency (wrk's default 2 s timeout); warm-up -c$WARMUP_CONNECTIONS"
} >"$OUT/info.tsv"
sed 's/\t/: /' "$OUT/info.tsv"

# 1. Build the packaged service if it is missing or older than the sources, then run a private
#    copy, so a ./mvnw in this folder cannot change the jar under the running service.
if [[ ! -f target/quarkus-app/quarkus-run.jar ]] \
    || [[ -n "$(find src/main status-page pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)" ]]; then
    echo "building the service ..."
    ./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
fi
cp -a target/quarkus-app "$APP"

# 2. Start the service on a free local port with an empty data dir.
svc_port=$(free_port)
echo "starting the service on 127.0.0.1:$svc_port (log: ${SERVICE_LOG#"$ROOT"/}) ..."
BONBU_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_PORT="$svc_port" QUARKUS_HTTP_HOST=127.0.0.1 \
    java -Dquarkus.profile=demo -jar "$APP/quarkus-run.jar" >"$SERVICE_LOG" 2>&1 &
svc=$!
start_s=$SECONDS
until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$svc_port/q/health/ready" 2>/dev/null; do
    if ! kill -0 "$svc" 2>/dev/null || ((SECONDS - start_s > READY_TIMEOUT_S)); then
        echo "the service did not become ready within ${READY_TIMEOUT_S} s; last lines of its log:" >&2
        tail -n 40 "$SERVICE_LOG" >&2 || true
        exit 1
    fi
    sleep 0.5
done
echo "service ready after $((SECONDS - start_s)) s"
SVC="http://127.0.0.1:$svc_port"

# 3. Each path's exact bytes, once, under the same URL path ("/" and ".../" are index.html).
#    curl sends no Accept-Encoding, like wrk, so these are the bytes wrk will receive.
declare -A file_of ctype_of
ctype_re='^[-A-Za-z0-9!#&^_.+/;=, ]+$' # nothing that nginx's config syntax would read otherwise
printf 'path\tfile\tbytes\tcontent_type\tsha256\n' >"$OUT/files.tsv"
for p in "${paths[@]}"; do
    f=$p
    [[ "$f" == */ ]] && f="${f}index.html"
    file_of[$p]=$f
    mkdir -p "$(dirname "$DOCROOT$f")" || die "cannot store $p as $f (does another path use it as a file?)"
    ct=$(curl -sS -f --max-time 30 -o "$DOCROOT$f" -w '%{content_type}' "$SVC$p") \
        || die "GET $p on the service failed (does the path exist in this build?)"
    ct=${ct:-application/octet-stream}
    [[ "$ct" =~ $ctype_re ]] || die "unexpected Content-Type '$ct' for $p"
    ctype_of[$p]=$ct
    printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$f" "$(stat -c %s "$DOCROOT$f")" "$ct" \
        "$(sha256sum "$DOCROOT$f" | cut -c1-16)" >>"$OUT/files.tsv"
done
chmod -R a+rX "$DOCROOT"

# 4. nginx: the same bytes as static files, with the service's Content-Type for each path.
ngx_port=$(free_port)
worker_connections=$((max_c + 1024 > 4096 ? max_c + 1024 : 4096))
{
    cat <<EOF
# Written by bench/status-page/run.sh for one run; it is deleted by the next run.
daemon off;
master_process on;
# One worker per core (nproc; 2 on the benchmark machine). The service spreads its connections
# over Vert.x event loops (2 per core) and so can use every core; an nginx worker is one
# single-threaded event loop, so nginx needs one per core to use the same cores. More workers than
# cores would only add context switches, the more so as wrk (-t$WRK_THREADS) shares these cores.
worker_processes $NGINX_WORKERS;
worker_rlimit_nofile $NOFILE;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
EOF
    # Under root the workers would switch to nobody, whose group differs between distributions.
    if [[ $(id -u) == 0 ]]; then echo "user $(id -un) $(id -gn);"; fi
    cat <<EOF

events {
    # Accepting is not balanced between workers, so one worker must be able to hold them all.
    worker_connections $worker_connections;
}

http {
    access_log off;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;

    sendfile on;
    # Neither side may close a keep-alive connection during a run (nginx's default is 1,000
    # requests per connection, which a connection passes within seconds at these rates).
    keepalive_requests 100000;
    keepalive_timeout 300s;

    types {
        text/html html;
        text/css css;
        application/javascript js;
        application/json json;
        text/plain txt;
    }
    default_type application/octet-stream;

    server {
        listen 127.0.0.1:$ngx_port backlog=$SOMAXCONN;
        root $DOCROOT;
EOF
    for p in "${paths[@]}"; do
        printf '        location = %s { types { } default_type "%s"; try_files %s =404; }\n' \
            "$p" "${ctype_of[$p]}" "${file_of[$p]}"
    done
    echo "    }"
    echo "}"
} >"$NGX/nginx.conf"
nginx -t -q -c "$NGX/nginx.conf" -p "$NGX/" -e "$NGX/error.log" || die "nginx rejected $NGX/nginx.conf"
echo "starting nginx on 127.0.0.1:$ngx_port (config: ${NGX#"$ROOT"/}/nginx.conf) ..."
nginx -c "$NGX/nginx.conf" -p "$NGX/" -e "$NGX/error.log" >"$NGX/stdout.log" 2>&1 &
ngx=$!
NGINX="http://127.0.0.1:$ngx_port"
for ((i = 0; i < 40; i++)); do
    curl -sS -o /dev/null --max-time 2 "$NGINX${paths[0]}" 2>/dev/null && break
    kill -0 "$ngx" 2>/dev/null || { cat "$NGX/error.log" "$NGX/stdout.log" >&2 2>/dev/null; die "nginx exited"; }
    sleep 0.25
done

# 5. nginx must serve exactly the stored bytes with the same Content-Type; the service is asked
#    again only to say whether its bytes moved meanwhile (they may, e.g. with a timestamp).
for p in "${paths[@]}"; do
    f=${file_of[$p]}
    ct=$(curl -sS -f --max-time 10 -o "$OUT/check.body" -w '%{content_type}' "$NGINX$p") \
        || die "nginx did not serve $p (see ${NGX#"$ROOT"/}/error.log)"
    cmp -s "$OUT/check.body" "$DOCROOT$f" || die "nginx serves different bytes for $p than the service did"
    [[ "$ct" == "${ctype_of[$p]}" ]] || die "nginx serves $p as '$ct', the service as '${ctype_of[$p]}'"
    curl -sS -f --max-time 10 -o "$OUT/check.body" "$SVC$p" || die "the service no longer serves $p"
    if cmp -s "$OUT/check.body" "$DOCROOT$f"; then
        echo "same bytes: $p ($(stat -c %s "$DOCROOT$f") bytes, $ct)"
    else
        echo "note: the service's bytes for $p changed since they were stored (dynamic content?)" >&2
    fi
done
rm -f "$OUT/check.body"
echo "listen backlog: service $(listen_backlog "$svc_port"), nginx $(listen_backlog "$ngx_port")" | tee -a "$OUT/listen.txt"

# 6. Load. One wrk run, bounded by its own duration and by timeout(1) around it.
#    Prints: rps p99_ms connect read write timeout non2xx requests (NA when wrk's output lacks them).
parse_wrk() {
    awk '
        function ms(v,   n, u) {
            n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") return n / 1000
            if (u == "ms") return n
            if (u == "s") return n * 1000
            if (u == "m") return n * 60000
            if (u == "h") return n * 3600000
            return "NA"
        }
        BEGIN { rps = "NA"; p99 = "NA"; req = "NA"; c = r = w = t = n = 0 }
        /^Requests\/sec:/ { rps = $2 }
        /^ *99% / { p99 = ms($2) }
        /Socket errors:/ { gsub(",", ""); c = $4; r = $6; w = $8; t = $10 }
        /Non-2xx or 3xx responses:/ { n = $5 }
        / requests in / { req = $1 }
        END { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rps, p99, c, r, w, t, n, req }
    ' "$1"
}
run_wrk() { # url, connections, seconds, output file
    local rc=0
    timeout -k 5 "$(($3 + 60))" wrk -t"$WRK_THREADS" -c"$2" -d"$3"s --latency "$1" >"$4" 2>&1 &
    wrk_pid=$!
    wait "$wrk_pid" || rc=$?
    wrk_pid=""
    ((rc == 0)) || echo "wrk exited with status $rc for $1 (-c$2); output: ${4#"$ROOT"/}" >&2
    sleep 2 # let the connections close and the server go idle before the next run
    return 0
}
safe() { local s=${1//\//_}; echo "${s:-_}"; }

echo "warming up: ${WARMUP} s per path and server, $WARMUP_CONNECTIONS connections ..."
for p in "${paths[@]}"; do
    for server in service nginx; do
        base=$SVC; [[ $server == nginx ]] && base=$NGINX
        out="$WRK_OUT/warmup-$server$(safe "$p").txt"
        run_wrk "$base$p" "$WARMUP_CONNECTIONS" "$WARMUP" "$out"
        IFS=$'\t' read -r rps p99 c r w t n req < <(parse_wrk "$out")
        echo "  warm-up $server $p: $rps req/s, p99 $p99 ms, errors: connect $c, read $r, write $w, timeout $t, non-2xx/3xx $n"
    done
done

printf 'round\tconnections\tpath\tserver\torder\trps\tp99_ms\tconnect\tread\twrite\ttimeout\tnon2xx\trequests\toutput\n' >"$RUNS"
for ((round = 1; round <= ROUNDS; round++)); do
    # Odd rounds start with the service, even rounds with nginx.
    if ((round % 2 == 1)); then order=(service nginx); else order=(nginx service); fi
    for c in "${conns[@]}"; do
        for p in "${paths[@]}"; do
            for i in 0 1; do
                server=${order[$i]}
                base=$SVC; [[ $server == nginx ]] && base=$NGINX
                out="$WRK_OUT/r$round-c$c-$server$(safe "$p").txt"
                run_wrk "$base$p" "$c" "$DURATION" "$out"
                IFS=$'\t' read -r rps p99 cerr rerr werr terr nerr req < <(parse_wrk "$out")
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$c" "$p" "$server" \
                    "$((i + 1))" "$rps" "$p99" "$cerr" "$rerr" "$werr" "$terr" "$nerr" "$req" "${out#"$ROOT"/}" >>"$RUNS"
                echo "round $round/$ROUNDS, $c connections, $p, $server: $rps req/s, p99 $p99 ms, errors: connect $cerr, read $rerr, write $werr, timeout $terr, non-2xx/3xx $nerr"
            done
        done
    done
done
printf 'load average at end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/info.tsv"

# 7. The report: printed and written to target/status-page-bench.md. Exit status from it.
rc=0
python3 - "$OUT/info.tsv" "$OUT/files.tsv" "$RUNS" "$REPORT" <<'PY' || rc=$?
import csv, statistics, sys

info_f, files_f, runs_f, report_f = sys.argv[1:5]
info = [line.rstrip("\n").split("\t", 1) for line in open(info_f) if "\t" in line]
files = list(csv.DictReader(open(files_f), delimiter="\t"))
runs = list(csv.DictReader(open(runs_f), delimiter="\t"))

ERR = ("connect", "read", "write", "timeout", "non2xx")

def num(v):
    try:
        return float(v)
    except ValueError:
        return None

def errors(rs):
    tot = {k: sum(int(r[k]) for r in rs) for k in ERR}
    failed = sum(1 for r in rs if num(r["rps"]) is None)
    n = sum(tot.values())
    detail = ", ".join(f"{k if k != 'non2xx' else 'non-2xx/3xx'} {v}" for k, v in tot.items() if v)
    text = f"{n} ({detail})" if detail else "0"
    if failed:
        text += f"; {failed} wrk run{'s' if failed != 1 else ''} without a result"
    return n + failed, failed, text

def med(rs, key):
    vals = [num(r[key]) for r in rs if num(r[key]) is not None]
    return statistics.median(vals) if vals else None

def fmt(v, digits=0):
    return "n/a" if v is None else f"{v:,.{digits}f}"

out = ["# Status page against nginx serving the same bytes", ""]
out += [f"- {k}: {v}" for k, v in info]
out += ["", "## Bodies", "", "| path | nginx file | bytes | Content-Type (both) | sha256 (first 16) |",
        "| --- | --- | ---: | --- | --- |"]
out += [f"| `{f['path']}` | `{f['file']}` | {int(f['bytes']):,} | `{f['content_type']}` | `{f['sha256']}` |" for f in files]

rounds = len({r["round"] for r in runs})
out += ["", f"## Results (median over {rounds} round{'s' if rounds != 1 else ''})", "",
        "| path | connections | service req/s | nginx req/s | service/nginx | service p99 ms | nginx p99 ms | service errors | nginx errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
verdicts, bad = [], False
pairs = []  # in the order of the runs: CONNECTIONS, then PATHS
for r in runs:
    key = (r["path"], int(r["connections"]))
    if key not in pairs:
        pairs.append(key)
for path, c in pairs:
    s = [r for r in runs if r["path"] == path and int(r["connections"]) == c and r["server"] == "service"]
    g = [r for r in runs if r["path"] == path and int(r["connections"]) == c and r["server"] == "nginx"]
    s_rps, g_rps = med(s, "rps"), med(g, "rps")
    ratio = s_rps / g_rps if s_rps is not None and g_rps else None
    s_n, s_failed, s_err = errors(s)
    g_n, g_failed, g_err = errors(g)
    bad |= bool(s_failed or g_failed)
    out.append(f"| `{path}` | {c:,} | {fmt(s_rps)} | {fmt(g_rps)} | {'n/a' if ratio is None else f'{ratio:.0%}'} "
               f"| {fmt(med(s, 'p99_ms'), 2)} | {fmt(med(g, 'p99_ms'), 2)} | {s_err} | {g_err} |")
    if c == 100:
        ok = ratio is not None and ratio >= 0.60
        verdicts.append(f"- `{path}` at 100 connections: service at {'n/a' if ratio is None else f'{ratio:.0%}'} of nginx's requests/s: "
                        f"{'meets' if ok else 'BELOW'} the 60% target")
    if c >= 1000:
        ok = s_n == 0 and g_n == 0
        bad |= not ok
        verdicts.append(f"- `{path}` at {c:,} connections: errors service {s_err}, nginx {g_err}: "
                        f"{'meets' if ok else 'FAILS'} the zero-errors target")
    elif s_n or g_n:
        verdicts.append(f"- `{path}` at {c:,} connections: errors service {s_err}, nginx {g_err}")

out += ["", "Targets (`shared/DESIGN.md`, Budgets): at least 60% of nginx's requests/s at 100 connections, "
        "zero errors at 1,000 connections.", ""] + verdicts
out += ["", "## Every run", "",
        "| round | connections | path | server | order | req/s | p99 ms | connect | read | write | timeout | non-2xx/3xx | requests |",
        "| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for r in runs:
    out.append(f"| {r['round']} | {int(r['connections']):,} | `{r['path']}` | {r['server']} | {r['order']} | {fmt(num(r['rps']))} "
               f"| {fmt(num(r['p99_ms']), 2)} | {r['connect']} | {r['read']} | {r['write']} | {r['timeout']} | {r['non2xx']} | {fmt(num(r['requests']))} |")
out += ["", "Raw wrk outputs, the nginx config and the logs: `target/bench-status-page/`."]

text = "\n".join(out) + "\n"
open(report_f, "w").write(text)
print(text)
sys.exit(2 if bad else 0)
PY
echo "report: ${REPORT#"$ROOT"/}"
echo "service log: ${SERVICE_LOG#"$ROOT"/} ($(grep -c -E ' (WARN|ERROR) ' "$SERVICE_LOG" || true) WARN/ERROR lines)"
exit "$rc"
