#!/usr/bin/env python3
"""Fault scenarios for Bonbu's live-update path (Python 3 standard library only).

Started by run.sh, which builds the service, starts a standalone PostgreSQL and exports the
datasource settings. This script starts the packaged service itself (so that it can kill -9 it),
writes through the staff API over several keep-alive connections, follows /ws/console and
/ws/public with websocket clients, and checks the outcome against GET /api/timeline:

  kill9          kill -9 the service during a burst of writes, restart it
  pgrestart[:S]  stop PostgreSQL in immediate mode while the service runs, start it again S s later

Every acknowledged write (HTTP 200) must be in the timeline, and each websocket client must end up
with exactly the database's seqs for its range: no gap, no duplicate. Figures go to stdout and, in
full, to --json-out. Exit status: 0 all checks passed, 2 a check failed, 1 the run itself failed.
"""

import argparse
import base64
import http.client
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wsclient import Closed, HandshakeError, WebSocket  # noqa: E402

HOST = "127.0.0.1"
# A writer's successive statuses. Three of them, so that after one write of unknown outcome the
# next one still differs from both possible current statuses.
CYCLE = ["operational", "degraded_performance", "partial_outage"]
# Leaf components of the demo catalog (no downstreams, operational upstreams): one per writer.
KEYS = ["family-registration", "local-office-counters", "gov24-guidance", "resident-registration"]


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


COMMANDER = basic("commander", "bonbu-demo")
VIEWER = basic("viewer", "bonbu-demo")

T0 = time.monotonic()


def now():
    """Seconds since this script started (monotonic)."""
    return time.monotonic() - T0


def log(message):
    print(f"[{now():8.3f}] {message}", flush=True)


def request(port, method, path, auth, body=None, timeout=10.0):
    """One request on a fresh connection: (status, headers, body bytes)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Authorization": auth, "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        raw = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, raw
    finally:
        conn.close()


def pct(values, p):
    """Nearest-rank percentile, None for no values."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def ms_summary(seconds):
    """{n, median, p90, p99, max} in milliseconds."""
    v = [x * 1000.0 for x in seconds]
    if not v:
        return {"n": 0}
    return {
        "n": len(v),
        "min": round(min(v), 1),
        "median": round(pct(v, 50), 1),
        "p90": round(pct(v, 90), 1),
        "p99": round(pct(v, 99), 1),
        "max": round(max(v), 1),
    }


# --------------------------------------------------------------------------------------------
# The service


class Service:
    def __init__(self, jar, port, run_dir):
        self.jar = jar
        self.port = port
        self.run_dir = run_dir
        self.proc = None
        self.starts = 0
        self.log_paths = []

    def start(self):
        self.starts += 1
        path = os.path.join(self.run_dir, f"service-{self.starts}.log")
        self.log_paths.append(path)
        env = dict(os.environ)
        env["QUARKUS_HTTP_PORT"] = str(self.port)
        env["QUARKUS_HTTP_HOST"] = HOST
        with open(path, "wb") as out:
            self.proc = subprocess.Popen(
                ["java", "-Dquarkus.profile=demo", "-jar", self.jar],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
            )
        with open(os.path.join(self.run_dir, "service.pid"), "w") as f:
            f.write(str(self.proc.pid))
        log(f"service start #{self.starts}: pid {self.proc.pid}, log {path}")
        return now()

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited with {self.proc.returncode}; see {self.log_paths[-1]}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                try:
                    conn.request("GET", "/q/health/ready")
                    r = conn.getresponse()
                    r.read()
                    status = r.status
                finally:
                    conn.close()
                if status == 200:
                    return now()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"the service was not ready within {timeout} s; see {self.log_paths[-1]}")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        t = now()
        self.proc.wait(timeout=30)
        log(f"service pid {self.proc.pid} killed with SIGKILL (exit {self.proc.returncode})")
        return t

    def stop(self, timeout=60):
        """SIGTERM, then SIGKILL after `timeout` s. Returns the exit code (None if not running)."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            log(f"the service did not stop within {timeout} s; SIGKILL")
            self.proc.kill()
            self.proc.wait(timeout=30)
        return self.proc.returncode


# --------------------------------------------------------------------------------------------
# Writers


class Writers:
    """One thread per component, each with its own keep-alive connection, writing status changes
    as commander as fast as the answers come, every `reason` unique ("<prefix>-<n>")."""

    def __init__(self, port, keys, prefix, initial, fail_pause, deadline, max_writes):
        self.port = port
        self.keys = keys
        self.prefix = prefix
        self.initial = initial  # key -> status at the start
        self.fail_pause = fail_pause
        self.deadline = deadline  # monotonic, hard stop
        self.max_writes = max_writes
        self.records = []
        self.lock = threading.Lock()
        self.counter = itertools.count(1)
        self.stop_event = threading.Event()
        self.threads = []
        self.acks = 0
        self.last_ack_at = None

    def start(self):
        for i, key in enumerate(self.keys):
            t = threading.Thread(target=self._run, args=(i, key), name=f"writer-{i}", daemon=True)
            t.start()
            self.threads.append(t)

    def stop(self):
        self.stop_event.set()
        for t in self.threads:
            t.join(timeout=30)

    def _run(self, idx, key):
        conn = None
        last = self.initial[key]
        path = f"/api/components/{key}/status"
        while not self.stop_event.is_set() and time.monotonic() < self.deadline:
            with self.lock:
                n = next(self.counter)
            if n > self.max_writes:
                return
            status = CYCLE[(CYCLE.index(last) + 1) % len(CYCLE)] if last in CYCLE else CYCLE[0]
            previous, last = last, status
            reason = f"{self.prefix}-{n}"
            rec = {"n": n, "w": idx, "key": key, "status": status, "reason": reason}
            body = json.dumps({"status": status, "reason": reason}).encode()
            rec["t0"] = now()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(HOST, self.port, timeout=15)
                conn.request(
                    "POST",
                    path,
                    body=body,
                    headers={"Authorization": COMMANDER, "Content-Type": "application/json", "Accept": "application/json"},
                )
                r = conn.getresponse()
                raw = r.read()
                rec["t1"] = now()
                rec["http"] = r.status
                if r.status == 200:
                    rec["kind"] = "ack"
                    try:
                        parsed = json.loads(raw)
                        rec["resp_status"] = parsed.get("component", {}).get("status")
                        rec["resp_changes"] = len(parsed.get("changes") or [])
                    except ValueError:
                        rec["resp_status"] = None
                else:
                    rec["kind"] = "http_error"
                    rec["ctype"] = r.getheader("Content-Type")
                    rec["retry_after"] = r.getheader("Retry-After")
                    try:
                        parsed = json.loads(raw)
                        rec["title"] = parsed.get("title")
                        rec["detail"] = parsed.get("detail")
                    except ValueError:
                        rec["body"] = raw[:300].decode("utf-8", "replace")
                if r.will_close:
                    conn.close()
                    conn = None
            except ConnectionRefusedError as e:
                rec["t1"] = now()
                rec["kind"] = "refused"  # never reached a server: certainly not executed
                rec["err"] = f"{type(e).__name__}: {e}"
                conn = None
                last = previous  # so the next write still changes the status
            except (OSError, http.client.HTTPException) as e:
                rec["t1"] = now()
                rec["kind"] = "no_answer"  # outcome unknown
                rec["err"] = f"{type(e).__name__}: {e}"
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
            with self.lock:
                self.records.append(rec)
                if rec["kind"] == "ack":
                    self.acks += 1
                    self.last_ack_at = rec["t1"]
            if rec["kind"] != "ack":
                self.stop_event.wait(self.fail_pause)
        if conn is not None:
            conn.close()


# --------------------------------------------------------------------------------------------
# Websocket client


class Follower:
    """Follows /ws/console (as viewer) or /ws/public (anonymous) from `since`, reconnecting with
    ?since=<last seq received> whenever the connection ends. Records every message with its
    receive time."""

    def __init__(self, port, since, deadline, endpoint="console", reconnect_pause=0.1):
        self.port = port
        self.endpoint = endpoint
        self.headers = {"Authorization": VIEWER} if endpoint == "console" else {}
        self.last = since
        self.deadline = deadline
        self.reconnect_pause = reconnect_pause
        self.received = []  # (seq, type, t, connection number, reason or None)
        self.resyncs = []
        self.connects = []  # (t, since) for each successful upgrade
        self.failed_connects = 0
        self.failed_connect_samples = []
        self.closes = []  # (t, code, reason, clean)
        self.stop_event = threading.Event()
        self.connected = threading.Event()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name=f"follower-{endpoint}", daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stop_event.set()
        self.thread.join(timeout=30)

    def wait_connected(self, timeout):
        return self.connected.wait(timeout)

    def _run(self):
        number = 0
        while not self.stop_event.is_set() and time.monotonic() < self.deadline:
            try:
                ws = WebSocket(HOST, self.port, f"/ws/{self.endpoint}?since={self.last}", self.headers, timeout=5)
            except (HandshakeError, OSError) as e:
                self.failed_connects += 1
                if len(self.failed_connect_samples) < 5 or isinstance(e, HandshakeError):
                    if len(self.failed_connect_samples) < 20:
                        self.failed_connect_samples.append((round(now(), 3), f"{type(e).__name__}: {e}"))
                self.stop_event.wait(self.reconnect_pause)
                continue
            number += 1
            with self.lock:
                self.connects.append((now(), self.last))
            self.connected.set()
            try:
                while not self.stop_event.is_set() and time.monotonic() < self.deadline:
                    text = ws.recv(0.25)
                    if text is None:
                        continue
                    t = now()
                    m = json.loads(text)
                    seq = m.get("seq")
                    if m.get("type") == "resync":
                        with self.lock:
                            self.resyncs.append((t, seq))
                        self.last = seq
                        continue
                    reason = None
                    if m.get("type") == "component.status_changed":
                        reason = (m.get("data") or {}).get("reason")
                    with self.lock:
                        self.received.append((seq, m.get("type"), t, number, reason))
                    self.last = max(self.last, seq)
                ws.close()
            except Closed as c:
                with self.lock:
                    self.closes.append((now(), c.code, c.reason, c.clean))
                self.connected.clear()
                self.stop_event.wait(self.reconnect_pause)
            except (OSError, ValueError) as e:
                with self.lock:
                    self.closes.append((now(), None, f"{type(e).__name__}: {e}", False))
                self.connected.clear()
                ws.close()
                self.stop_event.wait(self.reconnect_pause)


# --------------------------------------------------------------------------------------------
# Checks against the timeline


def fetch_timeline(port, since, budget_s=60):
    """Every entry after `since`, as GET /api/timeline pages them (viewer)."""
    entries = []
    deadline = time.monotonic() + budget_s
    cursor = since
    while time.monotonic() < deadline:
        status, _, raw = request(port, "GET", f"/api/timeline?since={cursor}&limit=1000", VIEWER, timeout=30)
        if status != 200:
            raise RuntimeError(f"GET /api/timeline answered {status}: {raw[:300]!r}")
        page = json.loads(raw)
        entries.extend(page["entries"])
        cursor = page["next"]
        if not page["more"]:
            return entries
    raise RuntimeError("reading the timeline took longer than its budget")


def current_statuses(port, keys):
    out = {}
    for key in keys:
        status, _, raw = request(port, "GET", f"/api/components/{key}", VIEWER)
        if status != 200:
            raise RuntimeError(f"GET /api/components/{key} answered {status}")
        out[key] = json.loads(raw)["status"]
    return out


def check_writes(records, entries, initial):
    """Every acknowledged write must be in the timeline, at most once, in its writer's order.

    A 200 can also be a no-op: after a write of unknown outcome that did commit, the next write may
    ask for the status the component already has, and nothing is recorded. Such an answer is
    accepted only if the timeline shows the component already had that status (and the answer has
    no `changes`)."""
    by_reason = {}
    duplicates = []
    for e in entries:
        if e["type"] != "component.status_changed":
            continue
        reason = (e.get("data") or {}).get("reason")
        if reason is None:
            continue
        if reason in by_reason:
            duplicates.append(reason)
        by_reason[reason] = e
    result = {
        "attempted": len(records),
        "acknowledged": 0,
        "acknowledged_recorded": 0,
        "acknowledged_noop_verified": 0,
        "acknowledged_missing": [],
        "acknowledged_wrong_entry": [],
        "acknowledged_wrong_response": [],
        "failed_http": 0,
        "failed_refused": 0,
        "failed_no_answer": 0,
        "failed_but_committed": [],
        "duplicate_reasons": duplicates,
        "order_violations": [],
        "from_mismatches": [],
    }
    per_key = {}
    for r in sorted(records, key=lambda r: r["n"]):
        per_key.setdefault(r["key"], []).append(r)
    for key, recs in per_key.items():
        state = initial[key]
        last_seq = 0
        for r in sorted(recs, key=lambda r: r["t0"]):
            e = by_reason.get(r["reason"])
            if r["kind"] == "ack":
                result["acknowledged"] += 1
                if r.get("resp_status") != r["status"]:
                    result["acknowledged_wrong_response"].append(r["reason"])
                if e is not None:
                    result["acknowledged_recorded"] += 1
                    d = e["data"]
                    if d.get("key") != key or d.get("to") != r["status"]:
                        result["acknowledged_wrong_entry"].append(r["reason"])
                elif state == r["status"] and r.get("resp_changes") == 0:
                    result["acknowledged_noop_verified"] += 1
                else:
                    result["acknowledged_missing"].append(
                        {"reason": r["reason"], "key": key, "status": r["status"], "state_before": state}
                    )
            else:
                result["failed_" + {"http_error": "http", "refused": "refused", "no_answer": "no_answer"}[r["kind"]]] += 1
                if e is not None:
                    result["failed_but_committed"].append(
                        {"reason": r["reason"], "kind": r["kind"], "http": r.get("http"), "seq": e["seq"]}
                    )
            if e is not None:
                if e["seq"] <= last_seq:
                    result["order_violations"].append(r["reason"])
                last_seq = e["seq"]
                if e["data"].get("from") != state:
                    result["from_mismatches"].append(
                        {"reason": r["reason"], "from": e["data"].get("from"), "expected": state}
                    )
                state = e["data"].get("to")
    result["acknowledged_missing_count"] = len(result["acknowledged_missing"])
    return result


def check_client(follower, entries, since):
    """The client's seqs must be exactly the database's seqs after `since`, in order (for
    /ws/public: the PUBLIC entries only)."""
    public_only = follower.endpoint == "public"
    db = [e["seq"] for e in entries if e["seq"] > since and (not public_only or e["audience"] == "PUBLIC")]
    got = [r[0] for r in follower.received]
    seen = set()
    dups = []
    for s in got:
        if s in seen:
            dups.append(s)
        seen.add(s)
    db_set = set(db)
    gaps = [s for s in db if s not in seen]
    extra = sorted(s for s in seen if s not in db_set)
    out_of_order = sum(1 for a, b in zip(got, got[1:]) if b <= a)
    return {
        "endpoint": "/ws/" + follower.endpoint,
        "since": since,
        "db_entries": len(db),
        "db_first": db[0] if db else None,
        "db_last": db[-1] if db else None,
        "received": len(got),
        "gaps": len(gaps),
        "gap_sample": gaps[:20],
        "duplicates": len(dups),
        "duplicate_sample": dups[:20],
        "not_in_db": len(extra),
        "not_in_db_sample": extra[:20],
        "out_of_order": out_of_order,
        "exact": got == db,
        "connections": len(follower.connects),
        "connects": [(round(t, 3), s) for t, s in follower.connects],
        "failed_connects": follower.failed_connects,
        "failed_connect_samples": follower.failed_connect_samples,
        "closes": [(round(t, 3), c, r, clean) for t, c, r, clean in follower.closes],
        "resyncs": follower.resyncs,
    }


def delivery(records, follower):
    """For each acknowledged write: client receive time minus the time the 200 arrived."""
    recv = {r[4]: r[2] for r in follower.received if r[4] is not None}
    lags = [recv[r["reason"]] - r["t1"] for r in records if r["kind"] == "ack" and r["reason"] in recv]
    return lags


def wait_caught_up(port, followers, timeout):
    """Waits until every client has received the newest committed seq it may see; returns
    (db last seq, whether all caught up)."""
    deadline = time.monotonic() + timeout
    db_last = None
    while time.monotonic() < deadline:
        low = min(f.last for f in followers)
        entries = fetch_timeline(port, max(0, low - 1))
        db_last = entries[-1]["seq"] if entries else low
        public = [e["seq"] for e in entries if e["audience"] == "PUBLIC"]
        done = True
        for f in followers:
            target = (public[-1] if public else f.last) if f.endpoint == "public" else db_last
            if f.last < target:
                done = False
        if done:
            return db_last, True
        time.sleep(0.25)
    return db_last, False


def service_log_summary(paths):
    """WARN/ERROR lines of the service logs, counted by logger and the start of the message."""
    counts = {}
    samples = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) < 5 or parts[2] not in ("WARN", "ERROR"):
                        continue
                    logger = parts[3].strip("[]")
                    message = line.split(") ", 1)[1].strip() if ") " in line else line.strip()
                    head = " ".join(message.split()[:6])
                    k = (os.path.basename(path), parts[2], logger, head)
                    counts[k] = counts.get(k, 0) + 1
                    samples.setdefault(k, line.strip()[:400])
        except FileNotFoundError:
            pass
    return [
        {"log": k[0], "level": k[1], "logger": k[2], "count": v, "first": samples[k]}
        for k, v in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1]))
    ]


def listener_log(path, since_line=0):
    """The timeline listener's WARN lines in one service log, from line `since_line` on."""
    out = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f):
                if i >= since_line and "[bonbu.timeline.TimelineListener]" in line:
                    out.append(line.strip()[:300])
    except FileNotFoundError:
        pass
    return out


def line_count(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def failure_summary(records):
    """Non-200 outcomes grouped by kind, status and title."""
    groups = {}
    for r in records:
        if r["kind"] == "ack":
            continue
        k = (r["kind"], r.get("http"), r.get("title") or (r.get("err") or "").split(":")[0], r.get("ctype"), r.get("retry_after"))
        g = groups.setdefault(k, {"kind": k[0], "http": k[1], "title_or_error": k[2], "content_type": k[3], "retry_after": k[4], "count": 0, "latencies": [], "detail": r.get("detail") or r.get("err")})
        g["count"] += 1
        g["latencies"].append(r["t1"] - r["t0"])
    out = []
    for g in groups.values():
        g["latency_ms"] = ms_summary(g.pop("latencies"))
        out.append(g)
    return sorted(out, key=lambda g: -g["count"])


# --------------------------------------------------------------------------------------------
# Scenarios


def start_followers(port, since, deadline):
    followers = [Follower(port, since, deadline, "console"), Follower(port, since, deadline, "public")]
    for f in followers:
        f.start()
    for f in followers:
        if not f.wait_connected(10):
            raise RuntimeError(f"the websocket client on /ws/{f.endpoint} could not connect")
    return followers


def writes_passed(checks):
    return (
        checks["acknowledged_missing_count"] == 0
        and not checks["acknowledged_wrong_entry"]
        and not checks["acknowledged_wrong_response"]
        and not checks["duplicate_reasons"]
        and not checks["order_violations"]
    )


def clients_passed(clients, followers):
    return all(c["exact"] for c in clients) and not any(f.resyncs for f in followers)


def scenario_kill9(args, service, spec):
    log("== scenario kill9: kill -9 of the service during a burst of writes ==")
    port = args.port
    hard = time.monotonic() + args.scenario_budget
    keys = KEYS[: args.writers]
    initial = current_statuses(port, keys)
    baseline = fetch_timeline(port, 0)
    since = 0  # the whole timeline: replayed first, then live
    followers = start_followers(port, since, hard)
    console = followers[0]
    writers = Writers(port, keys, "s1-w", initial, args.fail_pause, hard, args.max_writes)
    t_start = now()
    writers.start()
    log(f"{len(baseline)} entries before; writers started on {args.writers} connections; "
        f"kill -9 after {args.kill_after_acks} acknowledged writes")
    limit = time.monotonic() + args.kill_within
    while writers.acks < args.kill_after_acks and time.monotonic() < limit:
        time.sleep(0.005)
    acks_before = writers.acks
    t_kill = service.kill9()
    log(f"killed at {t_kill:.3f} after {acks_before} acknowledged writes")
    t_spawn = service.start()
    t_ready = service.wait_ready(args.ready_timeout)
    log(f"restarted service ready after {t_ready - t_spawn:.2f} s (kill to ready {t_ready - t_kill:.2f} s)")
    time.sleep(args.after_seconds)
    writers.stop()
    t_writers_stopped = now()
    log(f"writers stopped: {len(writers.records)} attempted, {writers.acks} acknowledged")
    db_last, caught_up = wait_caught_up(port, followers, args.catchup_timeout)
    t_caught_up = now()
    for f in followers:
        f.stop()
    entries = fetch_timeline(port, 0)
    recs = writers.records
    checks = check_writes(recs, entries, initial)
    clients = [check_client(f, entries, since) for f in followers]
    committed = {c["reason"] for c in checks["failed_but_committed"]}
    first_ack_after = min((r["t1"] for r in recs if r["kind"] == "ack" and r["t0"] > t_kill), default=None)
    reconnect = {
        f.endpoint: next((round(t - t_ready, 3) for t, _ in f.connects if t > t_kill), None) for f in followers
    }
    first_frame_after = min((r[2] for r in console.received if r[2] > t_ready), default=None)
    recv = {r[4]: r[2] for r in console.received if r[4] is not None}
    late = [r for r in recs if r["kind"] == "ack" and r["t1"] <= t_kill and recv.get(r["reason"], 0) > t_kill]
    result = {
        "scenario": "kill9",
        "spec": spec,
        "writers": args.writers,
        "keys": keys,
        "initial": initial,
        "entries_before": len(baseline),
        "timing_s": {
            "writers_started": round(t_start, 3),
            "killed": round(t_kill, 3),
            "restart_spawned": round(t_spawn, 3),
            "ready": round(t_ready, 3),
            "writers_stopped": round(t_writers_stopped, 3),
            "clients_caught_up": round(t_caught_up, 3),
        },
        "acks_before_kill": acks_before,
        "restart_to_ready_s": round(t_ready - t_spawn, 2),
        "kill_to_ready_s": round(t_ready - t_kill, 2),
        "kill_to_first_ack_s": None if first_ack_after is None else round(first_ack_after - t_kill, 2),
        "ready_to_client_reconnect_s": reconnect,
        "ready_to_first_console_frame_s": None if first_frame_after is None else round(first_frame_after - t_ready, 3),
        "acked_before_kill_delivered_after_restart": len(late),
        "in_doubt_at_kill": [
            {"reason": r["reason"], "err": r["err"], "committed": r["reason"] in committed}
            for r in recs
            if r["kind"] == "no_answer"
        ],
        "writes": checks,
        "failures": failure_summary(recs),
        "clients": clients,
        "clients_caught_up": caught_up,
        "db_last_seq": db_last,
        "delivery_after_ack_ms": ms_summary(delivery(recs, console)),
        "ack_latency_ms": ms_summary([r["t1"] - r["t0"] for r in recs if r["kind"] == "ack"]),
    }
    result["passed"] = writes_passed(checks) and clients_passed(clients, followers) and caught_up
    return result, recs


def pg(args, action):
    t = now()
    p = subprocess.run(["bash", args.pg_script, action], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"pg.sh {action} failed ({p.returncode}): {p.stderr.strip()[:500]}")
    return t, now()


def scenario_pgrestart(args, service, spec):
    outage = float(spec.split(":", 1)[1]) if ":" in spec else args.outage_seconds
    log(f"== scenario {spec}: PostgreSQL stopped in immediate mode for {outage:g} s and started again ==")
    port = args.port
    hard = time.monotonic() + args.scenario_budget
    keys = KEYS[: args.writers]
    initial = current_statuses(port, keys)
    baseline = fetch_timeline(port, 0)
    since = baseline[-1]["seq"] if baseline else 0
    log_path = service.log_paths[-1]
    log_from = line_count(log_path)
    followers = start_followers(port, since, hard)
    console = followers[0]
    writers = Writers(port, keys, f"s2-{spec.replace(':', '-')}-w", initial, args.fail_pause, hard, args.max_writes)
    writers.start()
    log(f"clients connected with since={since}; writers started; stopping PostgreSQL in {args.before_seconds:g} s")
    time.sleep(args.before_seconds)
    acks_before = writers.acks
    last_received_before = console.last
    t_stop0, t_stopped = pg(args, "stop-immediate")
    log(f"PostgreSQL stopped (immediate) in {t_stopped - t_stop0:.2f} s")
    time.sleep(outage)
    t_start0, t_started = pg(args, "start")
    log(f"PostgreSQL started again in {t_started - t_start0:.2f} s (crash recovery included)")
    time.sleep(args.after_seconds)
    writers.stop()
    t_writers_stopped = now()
    log(f"writers stopped: {len(writers.records)} attempted, {writers.acks} acknowledged")
    db_last, caught_up = wait_caught_up(port, followers, args.catchup_timeout)
    for f in followers:
        f.stop()
    entries = fetch_timeline(port, 0)
    recs = writers.records
    checks = check_writes(recs, entries, initial)
    clients = [check_client(f, entries, since) for f in followers]
    # Writes answered while PostgreSQL was down, and writes sent then but answered after the restart.
    answered_down = [r for r in recs if t_stop0 <= r["t0"] and r["t1"] < t_started]
    straddling = [r for r in recs if t_stop0 <= r["t0"] < t_started <= r["t1"]]
    after = [r for r in recs if r["t0"] >= t_started]
    first_ack_rec = min((r for r in recs if r["kind"] == "ack" and r["t1"] >= t_started), key=lambda r: r["t1"], default=None)
    first_frame_after = {
        f.endpoint: min((r[2] - t_started for r in f.received if r[2] > t_started), default=None) for f in followers
    }
    recv = {r[4]: r[2] for r in console.received if r[4] is not None}
    # Acknowledged before PostgreSQL was back but delivered only after (the listener caught up).
    late = [r for r in recs if r["kind"] == "ack" and r["t1"] < t_started and recv.get(r["reason"], 0) > t_started]
    result = {
        "scenario": "pgrestart",
        "spec": spec,
        "outage_s": outage,
        "writers": args.writers,
        "keys": keys,
        "initial": initial,
        "since": since,
        "timing_s": {
            "pg_stop_issued": round(t_stop0, 3),
            "pg_stopped": round(t_stopped, 3),
            "pg_start_issued": round(t_start0, 3),
            "pg_started": round(t_started, 3),
            "writers_stopped": round(t_writers_stopped, 3),
        },
        "acks_before_stop": acks_before,
        "console_last_seq_before_stop": last_received_before,
        "pg_stop_s": round(t_stopped - t_stop0, 2),
        "pg_down_s": round(t_start0 - t_stopped, 2),
        "pg_start_s": round(t_started - t_start0, 2),
        "answered_while_down": {
            "count": len(answered_down),
            "acknowledged": sum(1 for r in answered_down if r["kind"] == "ack"),
            "latency_ms": ms_summary([r["t1"] - r["t0"] for r in answered_down]),
            "by_answer": failure_summary(answered_down),
        },
        "sent_while_down_answered_after_start": {
            "count": len(straddling),
            "acknowledged": sum(1 for r in straddling if r["kind"] == "ack"),
            "latency_ms": ms_summary([r["t1"] - r["t0"] for r in straddling]),
            "by_answer": failure_summary(straddling),
        },
        "after_restart": {"attempted": len(after), "failed": sum(1 for r in after if r["kind"] != "ack"), "by_answer": failure_summary(after)},
        "pg_started_to_first_ack_s": None if first_ack_rec is None else round(first_ack_rec["t1"] - t_started, 3),
        "first_ack_after_start_delivered_after_ack_s": None
        if first_ack_rec is None or first_ack_rec["reason"] not in recv
        else round(recv[first_ack_rec["reason"]] - first_ack_rec["t1"], 3),
        "pg_started_to_first_frame_s": {k: None if v is None else round(v, 3) for k, v in first_frame_after.items()},
        "acked_before_start_delivered_after_start": len(late),
        "listener_log": listener_log(log_path, log_from),
        "writes": checks,
        "failures": failure_summary(recs),
        "clients": clients,
        "clients_caught_up": caught_up,
        "db_last_seq": db_last,
        "delivery_after_ack_ms": ms_summary(delivery(recs, console)),
        "delivery_after_ack_ms_sent_after_start": ms_summary(delivery(after, console)),
        "ack_latency_ms": ms_summary([r["t1"] - r["t0"] for r in recs if r["kind"] == "ack"]),
    }
    result["passed"] = (
        writes_passed(checks)
        and clients_passed(clients, followers)
        and caught_up
        and first_frame_after["console"] is not None
    )
    return result, recs


def print_summary(results):
    """The figures that go into RESULTS.md, in plain text."""
    print()
    print("==== summary ====")
    if "first_start_to_ready_s" in results:
        print(f"first start to ready: {results['first_start_to_ready_s']} s")
    for s in results["scenarios"]:
        w = s["writes"]
        print(f"-- {s['spec']}: {'PASSED' if s['passed'] else 'FAILED'}")
        print(
            f"   writes: attempted {w['attempted']}, acknowledged {w['acknowledged']} "
            f"(in timeline {w['acknowledged_recorded']}, verified no-ops {w['acknowledged_noop_verified']}), "
            f"failed {w['attempted'] - w['acknowledged']} (HTTP error {w['failed_http']}, refused {w['failed_refused']}, "
            f"no answer {w['failed_no_answer']}); failed but committed {len(w['failed_but_committed'])}"
        )
        print(
            f"   acknowledged missing from the timeline: {w['acknowledged_missing_count']}; wrong entry "
            f"{len(w['acknowledged_wrong_entry'])}; wrong response {len(w['acknowledged_wrong_response'])}; duplicate "
            f"reasons {len(w['duplicate_reasons'])}; order violations {len(w['order_violations'])}; 'from' mismatches "
            f"{len(w['from_mismatches'])}"
        )
        for c in s["clients"]:
            print(
                f"   {c['endpoint']} since={c['since']}: received {c['received']} of {c['db_entries']} "
                f"(seq {c['db_first']}..{c['db_last']}), gaps {c['gaps']}, duplicates {c['duplicates']}, "
                f"not in db {c['not_in_db']}, out of order {c['out_of_order']}, exact {c['exact']}, "
                f"connections {c['connections']}, closes {len(c['closes'])}, resyncs {len(c['resyncs'])}"
            )
        if s["scenario"] == "kill9":
            print(
                f"   killed after {s['acks_before_kill']} acks; restart to ready {s['restart_to_ready_s']} s; kill to "
                f"ready {s['kill_to_ready_s']} s; kill to first ack {s['kill_to_first_ack_s']} s; ready to client "
                f"reconnect {s['ready_to_client_reconnect_s']} s; ready to first console frame "
                f"{s['ready_to_first_console_frame_s']} s; acked before the kill but delivered after the restart: "
                f"{s['acked_before_kill_delivered_after_restart']}"
            )
            print(f"   in doubt at the kill: {s['in_doubt_at_kill']}")
        else:
            d = s["answered_while_down"]
            print(
                f"   PostgreSQL: stop {s['pg_stop_s']} s, down {s['pg_down_s']} s, start {s['pg_start_s']} s; "
                f"answered while down: {d['count']} (acks {d['acknowledged']}), latency ms {d['latency_ms']}"
            )
            for g in d["by_answer"]:
                print(
                    f"     {g['count']} x {g['kind']} {g['http']} {g['title_or_error']!r} "
                    f"type={g['content_type']} Retry-After={g['retry_after']} ms={g['latency_ms']}"
                )
            x = s["sent_while_down_answered_after_start"]
            print(f"   sent while down, answered after start: {x['count']} (acks {x['acknowledged']}), ms {x['latency_ms']}")
            print(
                f"   PostgreSQL started to first ack {s['pg_started_to_first_ack_s']} s; to first frame "
                f"{s['pg_started_to_first_frame_s']} s; first ack after start delivered "
                f"{s['first_ack_after_start_delivered_after_ack_s']} s after its ack; acked before the start but "
                f"delivered after it: {s['acked_before_start_delivered_after_start']}"
            )
            print(f"   after restart: {s['after_restart']['attempted']} attempted, {s['after_restart']['failed']} failed")
            for line in s["listener_log"]:
                print(f"     listener: {line}")
        print(f"   ack latency ms {s['ack_latency_ms']}; delivery after ack ms {s['delivery_after_ack_ms']}")
    for g in results.get("service_log_warn_error", []):
        print(f"   log {g['log']} {g['level']} {g['logger']} x{g['count']}: {g['first'][:200]}")
    if "error" in results:
        print(f"ERROR: {results['error']}")


SCENARIOS = {"kill9": scenario_kill9, "pgrestart": scenario_pgrestart}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", required=True, help="quarkus-run.jar of the private copy")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--run-dir", required=True)
    ap.add_argument("--pg-script", required=True, help="pg.sh (stop-immediate / start)")
    ap.add_argument("--json-out", required=True)
    ap.add_argument("--writers", type=int, default=3, choices=range(1, len(KEYS) + 1))
    ap.add_argument("--kill-after-acks", type=int, default=400)
    ap.add_argument("--kill-within", type=float, default=20.0, help="kill by then even with fewer acks (s)")
    ap.add_argument("--after-seconds", type=float, default=5.0, help="writing after the restart (s)")
    ap.add_argument("--before-seconds", type=float, default=3.0, help="pgrestart: writing before the stop (s)")
    ap.add_argument("--outage-seconds", type=float, default=6.0, help="pgrestart without :<s>: PostgreSQL down (s)")
    ap.add_argument("--fail-pause", type=float, default=0.05, help="pause after a failed write (s)")
    ap.add_argument("--max-writes", type=int, default=50_000, help="cap on attempts per scenario")
    ap.add_argument("--ready-timeout", type=float, default=120.0)
    ap.add_argument("--catchup-timeout", type=float, default=30.0)
    ap.add_argument("--scenario-budget", type=float, default=150.0, help="hard limit per scenario (s)")
    ap.add_argument(
        "--scenarios",
        default="kill9,pgrestart:6,pgrestart:15",
        help="comma-separated: kill9, pgrestart[:<seconds PostgreSQL stays down>]",
    )
    args = ap.parse_args()

    service = Service(args.jar, args.port, args.run_dir)
    results = {"started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "scenarios": []}
    records = {}
    rc = 0
    try:
        t_spawn = service.start()
        t_ready = service.wait_ready(args.ready_timeout)
        log(f"service ready after {t_ready - t_spawn:.2f} s")
        results["first_start_to_ready_s"] = round(t_ready - t_spawn, 2)
        for spec in args.scenarios.split(","):
            name = spec.split(":", 1)[0]
            if name not in SCENARIOS:
                raise SystemExit(f"unknown scenario {spec}")
            r, recs = SCENARIOS[name](args, service, spec)
            results["scenarios"].append(r)
            records[spec.replace(":", "-")] = recs
            log(f"scenario {spec}: {'PASSED' if r['passed'] else 'FAILED'}")
        t = now()
        code = service.stop()
        results["final_stop"] = {"exit_code": code, "seconds": round(now() - t, 2)}
        log(f"service stopped with SIGTERM (exit {code}) in {now() - t:.2f} s")
        if not all(s["passed"] for s in results["scenarios"]):
            rc = 2
    except Exception as e:  # the run itself failed: say so, keep what was measured
        results["error"] = f"{type(e).__name__}: {e}"
        log(f"ERROR: {results['error']}")
        rc = 1
    finally:
        service.stop()
        results["service_log_warn_error"] = service_log_summary(service.log_paths)
        results["service_logs"] = service.log_paths
        with open(args.json_out, "w") as f:
            json.dump(results, f, indent=2, default=str)
        for name, recs in records.items():
            with open(os.path.join(args.run_dir, f"writes-{name}.json"), "w") as f:
                json.dump(recs, f)
        log(f"results written to {args.json_out}")
        print_summary(results)
    sys.exit(rc)


if __name__ == "__main__":
    main()
