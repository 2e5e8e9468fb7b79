#!/usr/bin/env python3
"""End-to-end benchmark of the catalog API against a running Bonbu service.

Python 3 standard library only. Usually started by api-bench.sh, which builds and starts the
service; it can also be pointed at a service that is already running (--base).

Steps:
  1. Load the generated catalog (bench/catalog/run.sh --json FILE) through the API as admin:
     POST /api/components for every component, then PUT .../dependencies/{upstream} for every
     dependency, with a few keep-alive connections. Components whose key is already in the
     catalog (the demo catalog's nirs-network, gpki-auth and gov24) are not created again; the
     existing ones are reused and get the generated dependencies.
  2. Time status changes, the impact preview, reads of one and of all components, and a timeline
     page, each after a warm-up, and print a table (milliseconds, nearest-rank percentiles).
"""

import argparse
import base64
import http.client
import json
import math
import os
import platform
import queue
import sys
import threading
import time
import urllib.parse

STATUS_CASES_DEFAULT = "gpki-auth,mois-resident-registry,gov24-cert-0001"


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class Client:
    """One keep-alive HTTP/1.1 connection. Reconnects once if the server closed it."""

    def __init__(self, host, port, auth, timeout):
        self.host, self.port, self.auth, self.timeout = host, port, auth, timeout
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, method, path, body=None):
        """Returns (status, body bytes, elapsed seconds)."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Authorization": self.auth, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self._connect()
            try:
                t0 = time.perf_counter()
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                elapsed = time.perf_counter() - t0
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, payload, elapsed
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server had already closed: reconnect once. A
                # request that never reached the server is safe to send again.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None


def nearest_rank(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(1, math.ceil(p / 100.0 * len(sorted_values)))
    return sorted_values[k - 1]


def summary_ms(seconds):
    v = sorted(s * 1000.0 for s in seconds)
    return {
        "n": len(v),
        "median": nearest_rank(v, 50),
        "p90": nearest_rank(v, 90),
        "p99": nearest_rank(v, 99),
        "max": v[-1] if v else float("nan"),
    }


def detail_of(payload):
    """The interesting part of an error body (problem+json detail), shortened."""
    try:
        doc = json.loads(payload)
        if isinstance(doc, dict):
            parts = [str(doc.get(k)) for k in ("title", "detail") if doc.get(k)]
            if doc.get("errors"):
                parts.append(json.dumps(doc["errors"], ensure_ascii=False))
            if parts:
                return " | ".join(parts)[:400]
    except (ValueError, UnicodeDecodeError):
        pass
    return payload[:400].decode("utf-8", "replace")


class Phase:
    """Sends a list of requests over a few connections and records what came back."""

    def __init__(self, name, host, port, auth, threads, budget_s, timeout, expected):
        self.name, self.host, self.port, self.auth = name, host, port, auth
        self.threads, self.budget_s, self.timeout, self.expected = threads, budget_s, timeout, expected
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = {}
        self.unexpected = []  # (method, path, status, detail), first 20 kept
        self.unexpected_count = 0
        self.errors = []  # exceptions, first 20 kept
        self.error_count = 0
        self.sent = 0
        self.timed_out = False

    def run(self, requests):
        q = queue.Queue()
        for r in requests:
            q.put(r)
        deadline = time.monotonic() + self.budget_s
        progress_every = max(1, len(requests) // 10)

        def worker():
            client = Client(self.host, self.port, self.auth, self.timeout)
            try:
                while True:
                    if time.monotonic() > deadline:
                        with self.lock:
                            self.timed_out = True
                        return
                    try:
                        method, path, body = q.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        status, payload, elapsed = client.request(method, path, body)
                    except Exception as e:  # noqa: BLE001 - counted and reported
                        client.close()
                        with self.lock:
                            self.sent += 1
                            self.error_count += 1
                            if len(self.errors) < 20:
                                self.errors.append(f"{method} {path}: {type(e).__name__}: {e}")
                        continue
                    with self.lock:
                        self.sent += 1
                        self.latencies.append(elapsed)
                        self.statuses[status] = self.statuses.get(status, 0) + 1
                        if status not in self.expected:
                            self.unexpected_count += 1
                            if len(self.unexpected) < 20:
                                self.unexpected.append((method, path, status, detail_of(payload)))
                        if self.sent % progress_every == 0:
                            print(f"  {self.name}: {self.sent}/{len(requests)} "
                                  f"({time.monotonic() - started:.0f} s)", flush=True)
            finally:
                client.close()

        started = time.monotonic()
        workers = [threading.Thread(target=worker, daemon=True) for _ in range(self.threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        self.elapsed = time.monotonic() - started
        return self

    def report(self):
        lat = summary_ms(self.latencies)
        return {
            "phase": self.name,
            "requests": self.sent,
            "planned": None,
            "seconds": self.elapsed,
            "rate_per_s": self.sent / self.elapsed if self.elapsed > 0 else float("nan"),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "unexpected": self.unexpected_count,
            "unexpected_examples": [list(u) for u in self.unexpected],
            "errors": self.error_count,
            "error_examples": self.errors,
            "timed_out": self.timed_out,
            "latency_ms": lat,
        }


def quote(key):
    return urllib.parse.quote(key, safe="")


def load_catalog(args, host, port, admin, existing):
    with open(args.catalog, encoding="utf-8") as f:
        doc = json.load(f)
    components, dependencies = doc["components"], doc["dependencies"]
    reused = [c["key"] for c in components if c["key"] in existing]
    to_create = [c for c in components if c["key"] not in existing]
    print(f"catalog file: {len(components)} components, {len(dependencies)} dependencies")
    print(f"already in the service: {len(existing)} components; keys shared with the file, reused and "
          f"not created again: {', '.join(reused) if reused else 'none'}")

    comp_reqs = [("POST", "/api/components", c) for c in to_create]
    dep_reqs = [("PUT", f"/api/components/{quote(d['downstream'])}/dependencies/{quote(d['upstream'])}",
                 {"kind": d["kind"]}) for d in dependencies]

    print(f"loading {len(comp_reqs)} components with {args.threads} connections ...", flush=True)
    comp = Phase("components", host, port, admin, args.threads, args.load_budget_seconds,
                 args.request_timeout, {201}).run(comp_reqs)
    comp_report = comp.report()
    comp_report["planned"] = len(comp_reqs)
    print_phase(comp_report)
    if comp.timed_out or comp.unexpected_count or comp.error_count:
        print("component load incomplete or with failures; dependencies are still attempted", flush=True)

    print(f"loading {len(dep_reqs)} dependencies with {args.threads} connections ...", flush=True)
    # A dependency that already exists with the same kind answers 200 (e.g. gov24 -> gpki-auth,
    # which the demo catalog has too); a new one answers 201.
    dep = Phase("dependencies", host, port, admin, args.threads, args.load_budget_seconds,
                args.request_timeout, {200, 201}).run(dep_reqs)
    dep_report = dep.report()
    dep_report["planned"] = len(dep_reqs)
    print_phase(dep_report)
    return {"catalog_components": len(components), "catalog_dependencies": len(dependencies),
            "reused_keys": reused, "components": comp_report, "dependencies": dep_report}


def print_phase(r):
    lat = r["latency_ms"]
    print(f"  {r['phase']}: {r['requests']}/{r['planned']} requests in {r['seconds']:.1f} s = "
          f"{r['rate_per_s']:.1f} req/s; statuses {r['statuses']}; unexpected {r['unexpected']}; "
          f"errors {r['errors']}; timed out: {r['timed_out']}")
    print(f"  latency ms: median {lat['median']:.2f}, p90 {lat['p90']:.2f}, p99 {lat['p99']:.2f}, "
          f"max {lat['max']:.2f}", flush=True)
    for u in r["unexpected_examples"][:10]:
        print(f"    unexpected: {u[0]} {u[1]} -> {u[2]}: {u[3]}")
    for e in r["error_examples"][:10]:
        print(f"    error: {e}")


class Case:
    def __init__(self, name):
        self.name = name
        self.times = []
        self.sizes = []
        self.changes = []
        self.statuses = {}
        self.unexpected = []
        self.timed_out = False

    def record(self, status, payload, elapsed, expected, count_changes=False):
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status != expected:
            if len(self.unexpected) < 5:
                self.unexpected.append((status, detail_of(payload)))
            return
        self.times.append(elapsed)
        self.sizes.append(len(payload))
        if count_changes:
            self.changes.append(len(json.loads(payload)["changes"]))

    def report(self):
        r = {"case": self.name, "latency_ms": summary_ms(self.times),
             "bytes_min": min(self.sizes) if self.sizes else None,
             "bytes_max": max(self.sizes) if self.sizes else None,
             "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
             "unexpected_examples": [list(u) for u in self.unexpected],
             "timed_out": self.timed_out}
        if self.changes:
            r["changes_min"], r["changes_max"] = min(self.changes), max(self.changes)
        return r


def measure_status(client, key, bad, reps, warmup, budget_s):
    """Alternates key -> bad -> operational; times each direction separately."""
    path = f"/api/components/{quote(key)}/status"
    to_bad, back = Case(f"POST {key}/status -> {bad}"), Case(f"POST {key}/status -> operational")
    deadline = time.monotonic() + budget_s
    for i in range(warmup + reps):
        if time.monotonic() > deadline:
            to_bad.timed_out = back.timed_out = True
            break
        measured = i >= warmup
        s, p, e = client.request("POST", path, {"status": bad, "reason": "bench"})
        if measured:
            to_bad.record(s, p, e, 200, count_changes=True)
        s, p, e = client.request("POST", path, {"status": "operational", "reason": "bench"})
        if measured:
            back.record(s, p, e, 200, count_changes=True)
    return [to_bad.report(), back.report()]


def measure_get(client, path, reps, warmup, budget_s, name=None):
    case = Case(name or f"GET {path}")
    deadline = time.monotonic() + budget_s
    for i in range(warmup + reps):
        if time.monotonic() > deadline:
            case.timed_out = True
            break
        s, p, e = client.request("GET", path)
        if i >= warmup:
            case.record(s, p, e, 200)
    return case.report()


def last_seq(client, max_pages=200):
    """The highest timeline seq, found by paging (at most max_pages pages of 1,000)."""
    since = 0
    for _ in range(max_pages):
        s, p, _ = client.request("GET", f"/api/timeline?since={since}&limit=1000")
        if s != 200:
            raise RuntimeError(f"GET /api/timeline answered {s}: {detail_of(p)}")
        page = json.loads(p)
        since = page["next"]
        if not page["more"]:
            return since
    raise RuntimeError(f"timeline longer than {max_pages} pages of 1,000")


def print_cases(cases):
    print()
    print("| request | n | median ms | p90 ms | max ms | response bytes | changes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for c in cases:
        lat = c["latency_ms"]
        size = "" if c["bytes_min"] is None else (
            f"{c['bytes_min']:,}" if c["bytes_min"] == c["bytes_max"] else f"{c['bytes_min']:,}–{c['bytes_max']:,}")
        ch = ""
        if "changes_min" in c:
            ch = f"{c['changes_min']:,}" if c["changes_min"] == c["changes_max"] else \
                f"{c['changes_min']:,}–{c['changes_max']:,}"
        print(f"| `{c['case']}` | {lat['n']} | {lat['median']:.1f} | {lat['p90']:.1f} | {lat['max']:.1f} | "
              f"{size} | {ch} |")
    for c in cases:
        extra = [k for k in c["statuses"] if k != "200"]
        if extra or c["timed_out"]:
            print(f"- {c['case']}: statuses {c['statuses']}, timed out: {c['timed_out']}")
            for u in c["unexpected_examples"]:
                print(f"    {u[0]}: {u[1]}")


def wait_ready(host, port, timeout_s, pid):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if pid and not os.path.exists(f"/proc/{pid}"):
            print(f"service process {pid} has exited", file=sys.stderr)
            return False
        try:
            c = http.client.HTTPConnection(host, port, timeout=5)
            c.request("GET", "/q/health/ready")
            r = c.getresponse()
            r.read()
            c.close()
            if r.status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    print(f"service not ready after {timeout_s} s", file=sys.stderr)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--catalog", default="target/catalog-11000.json")
    ap.add_argument("--threads", type=int, default=4, help="connections used for loading (default 4)")
    ap.add_argument("--reps", type=int, default=30, help="measured repetitions per case (default 30)")
    ap.add_argument("--warmup", type=int, default=5, help="warm-up repetitions per case (default 5)")
    ap.add_argument("--budget-seconds", type=float, default=180,
                    help="time cap for each measured case, warm-up included (default 180)")
    ap.add_argument("--load-budget-seconds", type=float, default=1800,
                    help="time cap for each load phase (default 1800)")
    ap.add_argument("--request-timeout", type=float, default=120)
    ap.add_argument("--status-cases", default=STATUS_CASES_DEFAULT,
                    help=f"components whose status is changed, comma-separated (default {STATUS_CASES_DEFAULT})")
    ap.add_argument("--bad-status", default="major_outage")
    ap.add_argument("--password", default="bonbu-demo")
    ap.add_argument("--skip-load", action="store_true", help="the catalog is already loaded")
    ap.add_argument("--json-out", help="also write every figure to this file")
    ap.add_argument("--wait-ready", type=float, metavar="SECONDS",
                    help="only wait for /q/health/ready to answer 200, then exit 0 (1 on timeout)")
    ap.add_argument("--pid", type=int, help="with --wait-ready: give up when this process exits")
    args = ap.parse_args()

    u = urllib.parse.urlsplit(args.base)
    host, port = u.hostname, u.port or 80
    if args.wait_ready is not None:
        sys.exit(0 if wait_ready(host, port, args.wait_ready, args.pid) else 1)

    admin = basic("admin", args.password)
    commander = basic("commander", args.password)
    result = {"base": args.base, "python": platform.python_version(), "threads": args.threads,
              "reps": args.reps, "warmup": args.warmup}
    started = time.monotonic()
    ok = True

    reader = Client(host, port, commander, args.request_timeout)
    s, p, _ = reader.request("GET", "/api/components")
    if s != 200:
        print(f"GET /api/components answered {s}: {detail_of(p)}", file=sys.stderr)
        sys.exit(1)
    existing = {c["key"] for c in json.loads(p)}

    if not args.skip_load:
        load = load_catalog(args, host, port, admin, existing)
        result["load"] = load
        for ph in ("components", "dependencies"):
            r = load[ph]
            if r["unexpected"] or r["errors"] or r["timed_out"] or r["requests"] != r["planned"]:
                ok = False
        if not ok:
            print("the catalog did not load completely; measuring anyway, figures are for what loaded")

    s, p, _ = reader.request("GET", "/api/components")
    count = len(json.loads(p)) if s == 200 else None
    print(f"\ncatalog in the service now: {count} components")
    result["components_in_service"] = count

    cases = []
    keys = [k.strip() for k in args.status_cases.split(",") if k.strip()]
    seq_before = None
    for i, key in enumerate(keys):
        if i == 0:
            seq_before = last_seq(reader)
            result["timeline_seq_before_status_cases"] = seq_before
        print(f"measuring status changes of {key} ...", flush=True)
        cases += measure_status(reader, key, args.bad_status, args.reps, args.warmup, args.budget_seconds)
    first = keys[0] if keys else "gpki-auth"
    print("measuring reads ...", flush=True)
    cases.append(measure_get(reader, f"/api/components/{quote(first)}/impact?status={args.bad_status}",
                             args.reps, args.warmup, args.budget_seconds))
    cases.append(measure_get(reader, "/api/components/saeol", args.reps, args.warmup, args.budget_seconds))
    cases.append(measure_get(reader, "/api/components", args.reps, args.warmup, args.budget_seconds))
    cases.append(measure_get(reader, "/api/timeline?since=0&limit=1000", args.reps, args.warmup,
                             args.budget_seconds))
    if seq_before is not None:
        # The newest entries: those written by the status changes above, each listing every
        # effective status that moved (thousands for gpki-auth).
        cases.append(measure_get(reader, f"/api/timeline?since={seq_before}&limit=10", args.reps, args.warmup,
                                 args.budget_seconds,
                                 name=f"GET /api/timeline?since=<seq before the status cases>&limit=10"))
    reader.close()
    for c in cases:
        if set(c["statuses"]) - {"200"} or c["timed_out"]:
            ok = False
    result["cases"] = cases
    result["total_seconds"] = time.monotonic() - started
    print_cases(cases)
    print(f"\nbenchmark client time: {result['total_seconds']:.0f} s; all responses as expected: {ok}")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2, ensure_ascii=False)
        print(f"wrote {args.json_out}")
    sys.exit(0 if ok else 2)


if __name__ == "__main__":
    main()
