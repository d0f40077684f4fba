"""The `genebot` command through its real entry point, in a subprocess, as a person runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GENEBOT = shutil.which("genebot")


def run(*args: str, stdin: bytes | str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=data, capture_output=True, timeout=120, cwd=cwd, env=env,
    )


def test_ask_prints_one_reply_and_exits_zero() -> None:
    result = run("ask", "what is gene therapy?")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "genetic material" in out and "Source:" in out and "health care provider" in out
    assert result.stderr == b""


def test_ask_json_has_the_documented_fields() -> None:
    result = run("ask", "--json", "can gene therapy cause cancer")
    data = json.loads(result.stdout)
    assert data["topic"] == "cancer-risk" and data["kind"] == "answer"
    assert 0 <= data["confidence"] <= 1
    assert data["text"].endswith(data["disclaimer"])
    assert data["sources"] and all("title" in s and "url" in s for s in data["sources"])
    assert isinstance(data["suggestions"], list) and data["candidates"] == []


def test_ask_json_tells_crisis_medical_and_advice_apart() -> None:
    questions = ["i want to end my life", "my baby is not breathing", "i had a seizure years ago, what is a vector",
                 "my liver numbers went up after the infusion, is that bad", "je veux mourir"]
    result = run("ask", "--json", "--batch", stdin="\n".join(questions) + "\n")
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["kind"], r["urgency"]) for r in replies] == [
        ("emergency", "crisis"), ("emergency", "medical"), ("answer", None), ("advice", "soon"),
        ("emergency", "crisis"),
    ]
    assert replies[0]["body"].index("988") < replies[0]["body"].index("911")
    assert "treatment team today" in replies[3]["body"]


def test_ask_answers_distress_with_support_and_988_not_not_covered() -> None:
    questions = ["im not ok, i just feel so alone", "i was so depressed last year, whats the weather today",
                 "i feel so overwhelmed, what is gene therapy"]
    result = run("ask", "--json", "--batch", stdin="\n".join(questions) + "\n")
    support, past, answered = (json.loads(line) for line in result.stdout.decode().splitlines())
    assert (support["kind"], support["urgency"], support["suggestions"]) == ("fallback", "support", [])
    assert "988" in support["body"] and "do not cover" not in support["body"]
    assert support["text"].endswith(support["disclaimer"])
    assert (past["kind"], past["urgency"]) == ("fallback", None) and "do not cover" in past["body"]
    assert (answered["kind"], answered["topic"]) == ("answer", "what-is-gene-therapy")


def test_batch_answers_each_line_independently_in_order() -> None:
    questions = ["what is gene therapy", "tell me more", "", "i cant breathe", "how much does it cost"]
    result = run("ask", "--json", "--batch", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(lines) == len(questions)
    assert lines[0]["topic"] == "what-is-gene-therapy"
    assert lines[1]["topic"] != "what-is-gene-therapy"  # no conversation between batch lines
    assert lines[3]["kind"] == "emergency"
    assert lines[4]["kind"] == "fallback"
    assert all(line["text"].endswith(line["disclaimer"]) for line in lines)


def test_batch_survives_binary_garbage() -> None:
    garbage = bytes(range(256)) * 40 + b"\nwhat is an irb\n\xff\xfe\x00\n"
    result = run("ask", "--json", "--batch", stdin=garbage)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(line["topic"] == "irb" for line in lines)
    assert all(line["text"].endswith(line["disclaimer"]) for line in lines)
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [("ask",), ("ask", "--batch", "what"), ("--nonsense",), ("ask", "--colour", "x"), ("frobnicate",)],
)
def test_usage_errors_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0]
    assert result.stdout == b""


def test_piped_chat_keeps_the_conversation() -> None:
    result = run("chat", stdin="what is an irb\ntell me more\n/sources\n/quit\nnever read\n")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Institutional Review Board" in out
    assert "word for word" in out
    assert "medlineplus.gov" in out
    assert "never read" not in out


def test_plain_genebot_with_piped_input_chats() -> None:
    result = run(stdin="hello\n")
    assert result.returncode == 0 and b"health care provider" in result.stdout


@pytest.mark.skipif(GENEBOT is None, reason="the genebot console script is not installed")
def test_console_script_works_from_any_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [GENEBOT, "ask", "--json", "what does the fda do"], capture_output=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["topic"] == "fda-role"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("chat", "ask", "serve"):
        assert command in result.stdout.decode()
