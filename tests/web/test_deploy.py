"""The production setup in deploy/, for real: Debian's nginx in front of gunicorn with
deploy/gunicorn.conf.py, on loopback ports. Each test talks from its own loopback address
(127.0.0.N) so that nginx's per-client rate limit is each test's own.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from loopback_nginx import NGINX, nginx_command  # noqa: E402
from test_server import QUESTION, free_port, stop  # tests/web is on sys.path (rootdir conftest)

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (apt-get install nginx)")

class Stack:
    def __init__(self, port: int, gunicorn: subprocess.Popen[str]) -> None:
        self.port = port
        self.gunicorn = gunicorn

    def request(self, source: str, method: str, path: str, body: Any = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20, source_address=(source, 0))
        try:
            data = None if body is None else json.dumps(body).encode()
            headers = {"Content-Type": "application/json"} if data else {}
            conn.request(method, path, data, headers)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def chat(self, source: str, message: str, state: Any = None) -> tuple[int, dict[str, Any]]:
        status, _, body = self.request(source, "POST", "/api/chat", {"message": message, "state": state})
        return status, json.loads(body)

    def workers(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.gunicorn.pid)],
                             capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("nginx")
    app_port, proxy_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENEBOT_")}
    env.update(GENEBOT_BIND=f"127.0.0.1:{app_port}", GENEBOT_WORKERS="2")
    log = (tmp / "gunicorn.log").open("w")
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py"), "bot.web:app"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, text=True,
    )
    nginx = subprocess.Popen(nginx_command(tmp, proxy_port, app_port),
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stack = Stack(proxy_port, gunicorn)
    stack.log = tmp / "gunicorn.log"  # type: ignore[attr-defined]
    try:
        deadline = time.monotonic() + 60
        while True:
            assert nginx.poll() is None, f"nginx exited: {nginx.stderr.read() if nginx.stderr else ''}"
            assert gunicorn.poll() is None, "gunicorn exited"
            try:
                if stack.request("127.0.0.1", "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the stack did not come up"
            time.sleep(0.3)
        yield stack
    finally:
        stop(nginx, signal.SIGQUIT)
        stop(gunicorn)
        if nginx.stderr:
            nginx.stderr.close()
        log.close()


def test_chat_through_the_proxy_carries_the_conversation(stack: Stack) -> None:
    status, first = stack.chat("127.0.0.2", QUESTION)
    assert status == 200 and first["topic"] == "risks"
    status, second = stack.chat("127.0.0.2", "2", first["state"])
    assert status == 200 and second["topic"] == first["suggestion_topics"][1]


def test_slow_clients_do_not_stop_normal_requests(stack: Stack) -> None:
    slow = []
    try:
        for _ in range(150):
            conn = socket.create_connection(("127.0.0.1", stack.port), timeout=5, source_address=("127.0.0.3", 0))
            conn.sendall(b"POST /api/chat HTTP/1.1\r\nHost: x\r\n")  # and then nothing
            slow.append(conn)
        status, data = stack.chat("127.0.0.4", QUESTION)
        assert status == 200 and data["topic"] == "risks"
    finally:
        for conn in slow:
            conn.close()


def test_rate_limiting_answers_429_with_retry_after(stack: Stack) -> None:
    results = [stack.request("127.0.0.5", "POST", "/api/chat", {"message": "hi"}) for _ in range(40)]
    limited = [r for r in results if r[0] == 429]
    assert limited and any(r[0] == 200 for r in results)
    status, headers, body = limited[0]
    assert headers["Retry-After"] == "10" and json.loads(body)["error"]["status"] == 429
    assert stack.request("127.0.0.6", "POST", "/api/chat", {"message": "hi"})[0] == 200  # others unaffected


def test_a_killed_worker_is_replaced_with_few_failed_requests(stack: Stack) -> None:
    before = stack.workers()
    assert len(before) == 2
    os.kill(before[0], signal.SIGKILL)
    failures = 0
    for n in range(60):
        try:
            status = stack.request(f"127.0.1.{n + 1}", "POST", "/api/chat", {"message": QUESTION})[0]
        except OSError:
            status = 0
        failures += status != 200
        time.sleep(0.05)
    assert failures <= 3, failures
    deadline = time.monotonic() + 20
    while len(stack.workers()) < 2 or before[0] in stack.workers():
        assert time.monotonic() < deadline, "gunicorn did not replace the worker"
        time.sleep(0.2)


def test_gunicorn_logs_one_line_per_request_without_text_or_address(stack: Stack) -> None:
    stack.chat("127.0.0.7", "my name is Jo Bloggs, what is an irb")
    time.sleep(0.5)
    lines = stack.log.read_text(encoding="utf-8").splitlines()  # type: ignore[attr-defined]
    assert any(line.startswith("POST /api/chat 200 ") for line in lines), lines[-5:]
    text = "\n".join(lines)
    assert "Bloggs" not in text and "127.0.0.7" not in text
