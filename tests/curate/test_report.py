"""`genebot report`: similar missed questions grouped, biggest first, with a suggested topic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bot
from bot.curate.report import Miss, group_misses, grouping_keys, read_log, suggest

LOGGED = [
    *["how much does gene therapy cost"] * 4,
    "what does gene therapy cost",
    "how much does it cost",
    "cost of gene therapy",
    *["does insurance cover gene therapy"] * 2,
    "is gene therapy covered by insurance",
    "will my insurance cover gene therapy",
    "recipe for banana bread",
    "what is an irb",
]


def entry(question: str, outcome: str = "fallback", best: str = "out-of-scope") -> str:
    return json.dumps(
        {
            "time": "2025-01-01T00:00:00Z",
            "question": question,
            "outcome": outcome,
            "candidates": [{"topic": best, "score": 0.7}],
        }
    )


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "misses.jsonl"
    path.write_text("\n".join(entry(q) for q in LOGGED) + "\n", encoding="utf-8")
    return path


def genebot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120
    )


def test_read_log_skips_what_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text(
        entry("is it permanent", "clarify", "history")
        + "\n\nnot json\n"
        + json.dumps({"question": ""})
        + "\n"
        + json.dumps({"outcome": "fallback"})
        + "\n",
        encoding="utf-8",
    )
    misses, skipped = read_log(path)
    assert misses == [Miss("is it permanent", "clarify", "history")]
    assert skipped == 3


def test_similar_questions_share_a_group_and_the_biggest_comes_first(log: Path) -> None:
    misses, _ = read_log(log)
    groups = group_misses(misses, bot.load_content().language.stopwords)
    first = groups[0]
    assert first.representative == "how much does gene therapy cost"
    assert first.count == 7
    assert {q for q, _n in first.members} == {
        "how much does gene therapy cost",
        "what does gene therapy cost",
        "how much does it cost",
        "cost of gene therapy",
    }
    assert first.members[0] == ("how much does gene therapy cost", 4)
    second = groups[1]
    assert second.count == 4 and all("insurance" in q for q, _n in second.members)
    assert {g.representative for g in groups[2:]} == {"recipe for banana bread", "what is an irb"}
    assert sum(g.count for g in groups) == len(LOGGED)
    assert first.outcomes == {"fallback": 7} and first.logged_best == "out-of-scope"


def test_words_most_questions_share_do_not_group_them() -> None:
    questions = [
        f"gene therapy {w}"
        for w in (
            "cost",
            "insurance",
            "hospital",
            "recovery",
            "permanent",
            "diet",
            "stock",
            "vaccine",
            "ibuprofen",
            "homework",
        )
    ]
    keys = grouping_keys(questions)
    assert keys["gene therapy cost"] == "cost"
    assert len(group_misses([Miss(q, "fallback", None) for q in questions])) == len(questions)


def test_suggestion_is_what_the_bot_makes_of_it_today(genebot: bot.Bot, log: Path) -> None:
    groups = {g.representative: g for g in group_misses(read_log(log)[0])}
    cost = suggest(genebot, groups["how much does gene therapy cost"])
    assert cost["suggested_topic"] == "out-of-scope" and cost["now"]["kind"] == "fallback"
    irb = suggest(genebot, groups["what is an irb"])
    assert irb["suggested_topic"] == "irb" and irb["now"] == {"kind": "answer", "topic": "irb"}


def test_cli_text(log: Path) -> None:
    run = genebot("report", str(log), "--top", "2")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith(
        f"genebot report: {len(LOGGED)} missed questions in {log} (9 distinct, 4 groups)"
    )
    assert "  1. 7× 'how much does gene therapy cost'" in out
    assert "suggested topic: out-of-scope" in out
    assert (
        "also: 'cost of gene therapy' (1), " in out and "'what does gene therapy cost' (1)" in out
    )
    assert "  2. 4× " in out and "  3. " not in out


def test_cli_json(log: Path) -> None:
    run = genebot("report", str(log), "--json")
    data = json.loads(run.stdout)
    assert data["misses"] == len(LOGGED) and data["distinct"] == 9 and data["groups_total"] == 4
    group = data["groups"][0]
    assert set(group) >= {
        "representative",
        "count",
        "members",
        "outcomes",
        "suggested_topic",
        "candidates",
        "now",
    }
    assert group["members"][0] == {"question": "how much does gene therapy cost", "count": 4}


def test_an_empty_log_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    run = genebot("report", str(path))
    assert run.returncode == 0
    assert "0 missed questions" in run.stdout


def test_a_missing_log_is_a_usage_error(tmp_path: Path) -> None:
    run = genebot("report", str(tmp_path / "nope.jsonl"))
    assert run.returncode == 2 and "cannot read" in run.stderr


def test_cli_html_is_one_self_contained_page(log: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = genebot("report", str(log), "--html", str(out))
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<svg" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
