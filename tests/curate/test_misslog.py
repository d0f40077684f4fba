"""The miss log: off by default, redacted, never emergencies, safe across threads."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

import bot
from bot.curate.misslog import ENV, MissLog, redacted_question
from bot.terminal import chat_lines, chat_terminal

FALLBACK = "how much does gene therapy cost"


def chat(
    stdin: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != ENV}
    root = str(Path(bot.__file__).resolve().parent.parent)
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**base, "PYTHONPATH": root, **(env or {})},
    )


def entries(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- off by default


def test_off_unless_asked_for() -> None:
    assert MissLog.from_options(None, environ={}) is None
    assert MissLog.from_options(None, environ={ENV: "  "}) is None


def test_chat_writes_nothing_by_default(tmp_path: Path) -> None:
    run = chat(f"{FALLBACK}\nmy email is jo@example.com\n", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert list(tmp_path.iterdir()) == []


def test_chat_flag_turns_it_on(tmp_path: Path) -> None:
    log = tmp_path / "misses.jsonl"
    run = chat(f"what is gene therapy\n{FALLBACK}\n", "--log-misses", str(log), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    [entry] = entries(log)
    assert set(entry) == {"time", "question", "outcome", "candidates"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry["time"])
    assert entry["question"] == FALLBACK and entry["outcome"] == "fallback"
    assert all(set(c) == {"topic", "score"} for c in entry["candidates"])


def test_environment_variable_turns_it_on(tmp_path: Path) -> None:
    log = tmp_path / "from-env.jsonl"
    run = chat(f"{FALLBACK}\n", cwd=tmp_path, env={ENV: str(log)})
    assert run.returncode == 0, run.stderr
    assert len(entries(log)) == 1


def test_only_the_owner_can_read_the_log(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path / "private.jsonl")
    assert log.observe(genebot, FALLBACK, genebot.reply(FALLBACK)[0])
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


# --------------------------------------------------------------------------- what is logged


@pytest.mark.parametrize(
    "message",
    [
        "i cant breathe",  # emergency: never logged
        "my daughter is having a seizure",
        "should my son get gene therapy",  # personal advice
        "what is gene therapy",  # answered
        "hello",  # small talk
        "",  # empty input
        "   ",
    ],
)
def test_not_logged(tmp_path: Path, genebot: bot.Bot, message: str) -> None:
    log = MissLog(tmp_path / "m.jsonl")
    reply, _ = genebot.reply(message)
    assert log.observe(genebot, message, reply) is False
    assert not log.path.exists()


def test_an_emergency_is_not_logged_even_as_a_fallback(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path / "m.jsonl")
    reply, _ = genebot.reply("i cant breathe")
    assert not log.observe(genebot, "i cant breathe", dataclasses.replace(reply, kind="fallback"))
    assert not log.path.exists()


def test_clarifications_are_logged(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path / "m.jsonl")
    reply, _ = genebot.reply("what are the risks")
    assert log.observe(genebot, "what are the risks", dataclasses.replace(reply, kind="clarify"))
    assert entries(log.path)[0]["outcome"] == "clarify"


def test_chat_lines_logs_through_the_python_api(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path / "m.jsonl")
    chat_lines(genebot, ["hello", FALLBACK, "i cant breathe", "/topics"], io.StringIO(), misses=log)
    assert [e["question"] for e in entries(log.path)] == [FALLBACK]


def test_terminal_chat_logs_through_the_python_api(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path / "m.jsonl")
    with create_pipe_input() as pipe:
        pipe.send_text(f"what is an irb\r{FALLBACK}\ri cant breathe\r")
        pipe.close()
        chat_terminal(
            genebot, input=pipe, output=DummyOutput(), show=lambda *a, **k: None, misses=log
        )
    assert [e["question"] for e in entries(log.path)] == [FALLBACK]


# --------------------------------------------------------------------------- redaction


@pytest.mark.parametrize(
    ("message", "logged"),
    [
        ("Email me: Jo.Doe+gt@mail.example.co.uk, thanks", "email me <email> thanks"),
        ("call +1 (555) 123-4567 about the cost", "call <phone> about the cost"),
        ("my number is 555.123.4567", "my number is <phone>"),
        ("patient id 98765 cost?", "patient id <number> cost"),
        (
            "My name is Jo Bloggs and I want to know the cost",
            "my name is <name> and i want to know the cost",
        ),
        ("my name's Ana, price?", "my names <name> price"),
        ("I am called Sam. Where can I get it?", "i am called <name> where can i get it"),
        ("hi im sarah, how much is it", "hi i am <name> how much is it"),
        ("I'm Priya and I have a question", "i am <name> and i have a question"),
        ("my son's name is Leo", "my sons name is <name>"),
    ],
)
def test_personal_details_are_removed(genebot: bot.Bot, message: str, logged: str) -> None:
    assert redacted_question(message, genebot.content.language.spellings) == logged


@pytest.mark.parametrize(
    "message",
    [
        "i am worried about cancer",
        "im scared of the side effects",
        "fever of 104 in phase 2 of 2023",
        "what is the name of the approved therapy",
    ],
)
def test_ordinary_words_stay(genebot: bot.Bot, message: str) -> None:
    assert "<" not in redacted_question(message, genebot.content.language.spellings)


def test_what_reaches_the_file_is_redacted(tmp_path: Path) -> None:
    log = tmp_path / "m.jsonl"
    message = "my name is Jo Bloggs, jo@example.com, 07700 900123: how much does gene therapy cost"
    chat(message + "\n", "--log-misses", str(log), cwd=tmp_path)
    text = log.read_text(encoding="utf-8")
    for secret in ("jo", "bloggs", "example", "07700", "900123"):
        assert not re.search(rf"\b{secret}\b", text, re.I), text
    assert "<name>" in text and "<email>" in text and "<phone>" in text


# --------------------------------------------------------------------------- robustness


def test_threads_never_interleave_lines(tmp_path: Path) -> None:
    log = MissLog(tmp_path / "m.jsonl")

    def write(n: int) -> None:
        for i in range(50):
            log.write({"question": f"thread {n} question {i} " + "x" * 500, "outcome": "fallback"})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(entries(log.path)) == 400


def test_a_broken_log_never_breaks_a_reply(tmp_path: Path, genebot: bot.Bot) -> None:
    log = MissLog(tmp_path)  # a folder: cannot be opened for appending
    assert log.observe(genebot, FALLBACK, genebot.reply(FALLBACK)[0]) is False
