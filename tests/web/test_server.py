"""`genebot serve` and `gunicorn bot.web:app` as real processes on loopback ports."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "what are the risks of gene therapy"
BOOT_SECONDS = 60  # an upper bound for a slow CI machine, not a performance assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http(url: str, body: Any = None) -> tuple[int, dict[str, Any]]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data, {"Content-Type": "application/json"} if data else {}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def wait_until_healthy(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited while starting"
        try:
            if http(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{base} did not answer /healthz within {BOOT_SECONDS} s")


class LineReader:
    """Reads a process's output in the background, so waiting for a line can have a deadline."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lines: queue.Queue[str] = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.stream:
            self.lines.put(line)

    def text(self) -> str:
        """Everything read so far; after the process has ended, everything it wrote."""
        self.thread.join(timeout=30)
        if not self.thread.is_alive():
            self.stream.close()
        return "".join(self.lines.queue)


def stop(process: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    if process.poll() is None:
        process.send_signal(sig)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def converse(base: str) -> tuple[dict[str, Any], dict[str, Any]]:
    status, first = http(base + "/api/chat", {"message": QUESTION})
    assert status == 200
    status, second = http(base + "/api/chat", {"message": "2", "state": first["state"]})
    assert status == 200
    return first, second


# --- genebot serve ------------------------------------------------------------------------


def test_serve_help_lists_its_options(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--host", "--port", "--threads", "--allowed-origins", "--rate-limit",
                   "--trusted-proxy", "--access-log", "--content"):
        assert option in out


@pytest.mark.parametrize("args", [
    ["--rate-limit", "lots"], ["--allowed-origins", "clinic.example"],
    ["--trusted-proxy", "proxy.local"],
])
def test_serve_rejects_bad_settings_with_exit_code_2(args: list[str], capsys: Any) -> None:
    assert main(["serve", "--port", "0", *args]) == 2
    assert "error:" in capsys.readouterr().err


def test_serve_with_broken_content_exits_1(tmp_path: Path, capsys: Any) -> None:
    assert main(["serve", "--port", "0", "--content", str(tmp_path)]) == 1
    assert "content" in capsys.readouterr().err


@pytest.fixture
def served() -> Iterator[tuple[str, subprocess.Popen[str], LineReader]]:
    env = {**os.environ, "GENEBOT_RATE_LIMIT": "off"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--access-log",
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    reader = LineReader(process.stderr)
    try:
        port = None
        while port is None:
            line = reader.lines.get(timeout=BOOT_SECONDS)
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            port = int(found.group(1)) if found else None
        yield f"http://127.0.0.1:{port}", process, reader
    finally:
        stop(process, signal.SIGINT)
        reader.text()


def test_genebot_serve_answers_and_logs_no_message_text(
    served: tuple[str, subprocess.Popen[str], LineReader],
) -> None:
    base, process, reader = served
    assert http(base + "/healthz") == (200, {"status": "ok"})
    first, second = converse(base)
    assert second["topic"] == first["suggestion_topics"][1]
    status, error = http(base + "/api/nowhere")
    assert status == 404 and error["error"]["status"] == 404
    assert stop(process, signal.SIGTERM) == 0, "SIGTERM should end the server cleanly"
    logged = reader.text()
    assert "POST /api/chat 200" in logged
    assert "risks" not in logged and QUESTION not in logged


# --- gunicorn: any process can answer any message ----------------------------------------


def gunicorn(port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    """Two workers, each replaced after one request: every request meets a new process."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--max-requests",
            "1",
            "--access-logfile",
            "-",
            "--access-logformat",
            "pid=%(p)s %(s)s",
            "bot.web:app",
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_a_conversation_continues_across_gunicorn_workers_with_no_settings() -> None:
    pytest.importorskip("gunicorn")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENEBOT_")}
    env["GENEBOT_RATE_LIMIT"] = "off"
    port = free_port()
    process = gunicorn(port, env)
    assert process.stdout is not None
    reader = LineReader(process.stdout)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, process)
        first, second = converse(base)
    finally:
        stop(process)
    pids = re.findall(r"pid=<?(\d+)", reader.text())
    assert len(set(pids)) == len(pids) >= 3, "each request should have met a fresh worker"
    assert second["topic"] == first["suggestion_topics"][1]


# --- genebot serve under hostile traffic ---------------------------------------------------


def raw(base: str, data: bytes, timeout: float = 10.0) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as conn:
        chunks = []
        try:
            conn.sendall(data)
        except (BrokenPipeError, ConnectionResetError):  # refused while we were still sending
            pass
        while True:
            try:
                chunk = conn.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_150_slow_clients_do_not_stop_normal_requests(
    served: tuple[str, subprocess.Popen[str], LineReader],
) -> None:
    base, _, _ = served
    host, port = base.removeprefix("http://").split(":")
    slow = []
    try:
        for _ in range(150):  # each sends part of a request line and then waits
            conn = socket.create_connection((host, int(port)), timeout=5)
            conn.sendall(b"POST /api/chat HTTP/1.1\r\nHost: x\r\n")
            slow.append(conn)
        status, data = http(base + "/api/chat", {"message": QUESTION})
        assert status == 200 and data["topic"] == "risks"
    finally:
        for conn in slow:
            conn.close()


def test_a_64_kb_header_is_refused_with_431(served: tuple[str, subprocess.Popen[str], LineReader]) -> None:
    base, _, _ = served
    reply = raw(base, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 65536 + b"\r\n\r\n")
    assert reply.split(b" ", 2)[1:2] == [b"431"], reply[:80]
    head, _, body = reply.partition(b"\r\n\r\n")
    assert b"application/json" in head and b"X-Content-Type-Options: nosniff" in head
    assert json.loads(body)["error"]["status"] == 431


def test_content_length_with_transfer_encoding_is_refused(
    served: tuple[str, subprocess.Popen[str], LineReader],
) -> None:
    base, _, _ = served
    body = b'{"message": "hi"}'
    reply = raw(base, b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n" % len(body) + body)
    assert reply.split(b" ", 2)[1:2] == [b"400"], reply[:80]
    assert b"Content-Length and Transfer-Encoding" in reply


def test_a_request_without_host_is_refused(served: tuple[str, subprocess.Popen[str], LineReader]) -> None:
    base, _, _ = served
    reply = raw(base, b"GET /healthz HTTP/1.1\r\n\r\n")
    assert reply.split(b" ", 2)[1:2] == [b"400"] and b"Host" in reply, reply[:120]


def test_an_oversized_body_is_refused_before_it_is_buffered(
    served: tuple[str, subprocess.Popen[str], LineReader],
) -> None:
    base, _, _ = served
    reply = raw(base, b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 1000000\r\n\r\n" + b"a" * 10_000)
    assert reply.split(b" ", 2)[1:2] == [b"413"], reply[:80]
