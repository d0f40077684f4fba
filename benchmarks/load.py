"""Load test: start genebot's server on loopback and drive POST /api/chat with wrk.

    python benchmarks/load.py                  # waitress and gunicorn; 1, 16, 64 clients; 10 s each
    python benchmarks/load.py --server gunicorn --duration 5 --connections 16

Every request posts a different real question (tests/eval/questions.yaml, round robin), so
the engine does its full work: classification, reply, signed state. Each level is bounded
in time (``--duration``) and in requests (``--max-requests``), and only 127.0.0.1 is ever
targeted. Needs wrk (Debian: apt-get install wrk); gunicorn for ``--server gunicorn``.
Latency percentiles come from wrk's own histogram (microsecond resolution), through a Lua
``done()`` hook; wrk keeps a fixed number of connections busy, so they are the latencies
those clients saw (closed loop, no coordinated-omission correction).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from loopback_nginx import nginx_command  # benchmarks/ is the script's own folder

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # never anything else
QUESTIONS = ROOT / "tests" / "eval" / "questions.yaml"
FALLBACK = ["what is gene therapy", "is gene therapy safe", "what are the risks", "hello"]

LUA = """
local bodies = {%(bodies)s}
local limit, sent, offset = 0, 0, 0
function setup(thread) thread:set("offset", math.random(#bodies)) end
function init(args)
  offset = tonumber(offset) or 0
  limit = tonumber(args[1]) or 1e12  -- requests per wrk thread
end
function request()
  sent = sent + 1
  local body = bodies[(sent + offset) %% #bodies + 1]
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  if sent >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write(string.format(
    "GENEBOT p50_us=%%d p99_us=%%d max_us=%%d requests=%%d non2xx=%%d errors=%%d\\n",
    latency:percentile(50), latency:percentile(99), latency.max, summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
"""


@dataclass(frozen=True)
class Setup:
    """Which server runs the app, and how."""

    kind: str  # "waitress" (genebot serve), "gunicorn" (gthread workers) or "proxy" (deploy/: nginx + gunicorn)
    threads: int
    workers: int
    cache: int  # GENEBOT_REPLY_CACHE

    def command(self, port: int) -> list[str]:
        if self.kind == "waitress":
            return [sys.executable, "-m", "bot", "serve", "--host", HOST, "--port", str(port),
                    "--threads", str(self.threads)]
        return [sys.executable, "-m", "gunicorn", "--workers", str(self.workers),
                "--worker-class", "gthread", "--threads", str(self.threads),
                "--bind", f"{HOST}:{port}", "bot.web:app"]

    def __str__(self) -> str:
        if self.kind == "waitress":
            return f"waitress: genebot serve --threads {self.threads}"
        if self.kind == "proxy":
            return (f"proxy: nginx (deploy/genebot-nginx.conf, limit_req off) + gunicorn -c "
                    f"deploy/gunicorn.conf.py, {self.workers} workers")
        return f"gunicorn: --workers {self.workers} -k gthread --threads {self.threads}"


@dataclass(frozen=True)
class Result:
    server: str
    clients: int
    seconds: float
    requests: int
    replies_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    failed: int


def questions() -> list[str]:
    try:
        items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
        return [str(item["question"]) for item in items if item.get("question")] or FALLBACK
    except (OSError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        return FALLBACK


def lua_script(texts: list[str]) -> str:
    bodies = ",\n".join(_lua_string(json.dumps({"message": t})) for t in texts)
    return LUA % {"bodies": bodies}


def _lua_string(text: str) -> str:
    """A Lua string literal: anything but plain characters as a decimal byte escape."""
    raw = text.encode("utf-8").decode("latin-1")
    plain = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:{}?!'-_")
    return '"' + "".join(c if c in plain else f"\\{ord(c)}" for c in raw) + '"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_proxy(setup: Setup, port: int, tmp: Path) -> list[subprocess.Popen[bytes]]:
    """deploy/ as an operator runs it, on loopback: gunicorn behind nginx (limit_req off, so the
    benchmark measures throughput, not the rate limit)."""
    app_port = free_port()
    env = {**os.environ, "GENEBOT_BIND": f"{HOST}:{app_port}", "GENEBOT_WORKERS": str(setup.workers),
           "GENEBOT_REPLY_CACHE": str(setup.cache)}
    gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                                 "bot.web:app"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = subprocess.Popen(nginx_command(tmp, port, app_port, rate_limit=False), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [gunicorn, nginx]


def slow_clients(port: int, count: int, stop: threading.Event) -> threading.Thread:
    """``count`` connections that send a request a byte every two seconds (a slowloris)."""
    def trickle() -> None:
        conns = []
        for _ in range(count):
            try:
                conn = socket.create_connection((HOST, port), timeout=5)
                conn.sendall(b"POST /api/chat HTTP/1.1\r\n")
                conns.append(conn)
            except OSError:
                break
        while not stop.wait(2):
            for conn in conns:
                try:
                    conn.sendall(b"X")
                except OSError:
                    pass
        for conn in conns:
            conn.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    return thread


def start_server(setup: Setup, port: int, tmp: Path) -> list[subprocess.Popen[bytes]]:
    env = {**os.environ, "GENEBOT_RATE_LIMIT": "off",
           "GENEBOT_REPLY_CACHE": str(setup.cache)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if setup.kind == "proxy":
        processes = start_proxy(setup, port, tmp)
    else:
        processes = [subprocess.Popen(setup.command(port), cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    process = processes[-1]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the {setup.kind} server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return processes
        except OSError:
            time.sleep(0.2)
    for p in processes:
        p.kill()
    raise SystemExit(f"the {setup.kind} server did not start within 60 s")


def run_wrk(url: str, script: Path, clients: int, seconds: float,
            max_requests: int) -> dict[str, float]:
    threads = min(2, clients)  # wrk shares the 2 cores with the server: keep it lean
    per_thread = math.ceil(max_requests / threads)
    command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{max(1, round(seconds))}s",
               "--timeout", "5s", "-s", str(script), url, "--", str(per_thread)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60,
                         check=True).stdout
    found = re.search(r"GENEBOT (.*)", out)
    rate = re.search(r"Requests/sec:\s*([\d.]+)", out)
    if not found or not rate:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    values = {k: float(v) for k, v in (pair.split("=") for pair in found.group(1).split())}
    values["rate"] = float(rate.group(1))
    return values


def measure(setup: Setup, levels: list[int], seconds: float, max_requests: int,
            texts: list[str], slow: int = 0) -> list[Result]:
    port = free_port()
    url = f"http://{HOST}:{port}/api/chat"
    results = []
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as tmp:
        processes = start_server(setup, port, Path(tmp))
        if slow:
            slow_clients(port, slow, stop)
            time.sleep(1)
        try:
            script = Path(tmp) / "chat.lua"
            script.write_text(lua_script(texts), encoding="utf-8")
            run_wrk(url, script, 16, 2, max_requests)  # warm up: imports, thread pools
            for clients in levels:
                v = run_wrk(url, script, clients, seconds, max_requests)
                label = setup.kind + (f" + {slow} slow clients" if slow else "")
                results.append(Result(
                    label, clients, seconds, int(v["requests"]), round(v["rate"]),
                    v["p50_us"] / 1000, v["p99_us"] / 1000, v["max_us"] / 1000,
                    int(v["non2xx"] + v["errors"]),
                ))
        finally:
            stop.set()
            for process in reversed(processes):
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
    return results


def table(results: list[Result]) -> str:
    lines = ["| server | clients | replies/s | p50 ms | p99 ms | max ms | requests | failed |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.server} | {r.clients} | {r.replies_per_second:,} | {r.p50_ms:.2f} | "
                     f"{r.p99_ms:.2f} | {r.max_ms:.1f} | {r.requests:,} | {r.failed} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=["waitress", "gunicorn", "proxy", "both"], default="both",
                        help="both = waitress and gunicorn; proxy = deploy/ (nginx + gunicorn)")
    parser.add_argument("--slow-clients", type=int, default=0, metavar="N",
                        help="also hold N connections that trickle a byte every 2 s (default 0)")
    parser.add_argument("--connections", default="1,16,64", help="comma list of concurrent clients")
    parser.add_argument("--duration", type=float, default=10, help="seconds per level (default 10)")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=100_000,
        help="cap per level; requests in flight may add a few (default 100000)",
    )
    parser.add_argument("--waitress-threads", type=int, default=8, help="(default 8)")
    parser.add_argument("--gunicorn-workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--gunicorn-threads", type=int, default=2, help="per worker (default 2)")
    parser.add_argument(
        "--reply-cache",
        type=int,
        default=0,
        help="GENEBOT_REPLY_CACHE for the server (default 0: every request runs the engine)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    levels = [int(c) for c in args.connections.split(",") if c.strip()]
    cache = args.reply_cache
    setups = {
        "waitress": Setup("waitress", args.waitress_threads, 1, cache),
        "gunicorn": Setup("gunicorn", args.gunicorn_threads, args.gunicorn_workers, cache),
        "proxy": Setup("proxy", 2, args.gunicorn_workers, cache),
    }
    kinds = ["waitress", "gunicorn"] if args.server == "both" else [args.server]
    texts = questions()
    print(
        f"{len(texts)} distinct questions, {args.duration:g} s per level, reply cache "
        f"{args.reply_cache or 'off'}, {os.cpu_count()} CPUs (load average "
        f"{os.getloadavg()[0]:.1f} before the run), server and wrk on this machine; "
        + "; ".join(str(setups[k]) for k in kinds),
        flush=True,
    )
    results: list[Result] = []
    for kind in kinds:
        results += measure(setups[kind], levels, args.duration, args.max_requests, texts, args.slow_clients)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
