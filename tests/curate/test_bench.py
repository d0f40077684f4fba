"""`genebot bench` and the synthetic content it scales: output shape only, never timings."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

import bot
from bot.curate.bench import format_bench, load_questions
from bot.curate.synthetic import perturb, scale_content
from bot.engine.index import content_words, sort_key
from bot.engine.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
TINY = ["--repeat", "1", "--budget", "0.01", "--cold-runs", "1"]


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "q.yaml"
    path.write_text(
        "- {question: what is gene therapy, expect: what-is-gene-therapy}\n"
        "- {question: i cant breathe, expect: emergency}\n"
        "- {question: how much does it cost, expect: out-of-scope}\n",
        encoding="utf-8",
    )
    return path


def genebot(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, cwd=cwd or ROOT
    )


def test_json_has_every_figure(questions: Path) -> None:
    run = genebot(
        "-m", "bot", "bench", "--sizes", "2,1", "--json", "--questions", str(questions), *TINY
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["questions"] == 3 and data["question_source"] == str(questions)
    assert data["content_load_s"] > 0
    cold = data["cold_start"]
    assert cold["runs"] == 1 and cold["median_ms"] > 0 and cold["peak_rss_mb"] > 0
    assert cold["bare_import_ms"] > 0 and cold["target_ratio"] == 2.5
    # the times are rounded to 0.1 ms and the ratio to 0.01: recomputed, it may differ by as much as that
    # rounding allows (16.92 against 16.94 for 508 ms over 30 ms), no more
    slack = cold["ratio"] * (0.05 / cold["median_ms"] + 0.05 / cold["bare_import_ms"]) + 0.005
    assert abs(cold["ratio"] - cold["median_ms"] / cold["bare_import_ms"]) <= slack
    one, two = data["sizes"]
    assert (one["factor"], two["factor"]) == (1, 2)  # smallest first, whatever the order given
    assert two["examples"] == 2 * one["examples"]
    for row in (one, two):
        assert set(row) >= {
            "examples",
            "choices",
            "index_build_s",
            "replies",
            "median_ms",
            "p99_ms",
            "mean_ms",
            "replies_per_s",
            "peak_rss_mb",
            "target_p99_ms",
        }
        assert row["replies"] >= 3 and row["p99_ms"] >= row["median_ms"] > 0
    assert one["target_p99_ms"] == 1.0 and two["target_p99_ms"] is None


def test_text_table(questions: Path) -> None:
    run = genebot(
        "-m",
        "bot",
        "bench",
        "--sizes",
        "1",
        "--questions",
        str(questions),
        *TINY[:4],
        "--cold-runs",
        "0",
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("genebot bench: Python ")
    assert any(
        line.startswith("size   examples  index build  replies  median ms") for line in lines
    )
    assert any(line.lstrip().startswith("1x ") and "p99<1ms" in line for line in lines)
    assert "cold start" not in run.stdout


def test_the_script_in_benchmarks_is_the_same_command(tmp_path: Path, questions: Path) -> None:
    run = genebot(
        str(ROOT / "benchmarks" / "bench.py"),
        "--quick",
        "--sizes",
        "1",
        "--json",
        "--questions",
        str(questions),
        *TINY,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["sizes"][0]["factor"] == 1


@pytest.mark.parametrize("sizes", ["0,1", "ten", ""])
def test_bad_sizes_are_a_usage_error(sizes: str) -> None:
    run = genebot("-m", "bot", "bench", "--sizes", sizes)
    assert run.returncode == 2


def test_questions_default_to_the_eval_sets() -> None:
    questions, origin = load_questions()
    assert len(questions) > 100 and "tests/eval" in origin


def test_format_without_cold_start() -> None:
    row = {
        "factor": 10,
        "examples": 100,
        "choices": 110,
        "index_build_s": 0.1,
        "replies": 5,
        "median_ms": 1.0,
        "p99_ms": 2.0,
        "mean_ms": 1.2,
        "replies_per_s": 800.0,
        "peak_rss_mb": None,
        "target_p99_ms": None,
    }
    data = {
        "python": "3.x",
        "questions": 5,
        "question_source": "x",
        "content_load_s": 0.1,
        "cold_start": None,
        "sizes": [row],
    }
    assert "  10x       100" in format_bench(data)


# --------------------------------------------------------------------------- synthetic content


def test_scaling_multiplies_examples_keeping_the_real_ones_first() -> None:
    content = bot.load_content()
    scaled = scale_content(content, 3)
    for tid, topic in content.topics.items():
        grown = scaled.topics[tid].examples
        assert len(grown) == 3 * len(topic.examples)
        assert grown[: len(topic.examples)] == topic.examples
    assert scale_content(content, 1) is content
    assert content.topics["risks"].examples == bot.load_content().topics["risks"].examples


def test_scaled_choices_are_distinct_and_deterministic() -> None:
    content = bot.load_content()
    first, again = scale_content(content, 4), scale_content(content, 4)
    assert first.topics == again.topics
    lang = content.language

    def key(text: str) -> str:
        return sort_key(content_words(normalise(text, lang.spellings).split(), lang.stopwords))

    real = {key(p) for t in content.topics.values() for p in (*t.examples, t.question)}
    fresh = [
        key(e)
        for tid, t in first.topics.items()
        for e in t.examples[len(content.topics[tid].examples) :]
    ]
    assert len(fresh) == 3 * sum(len(t.examples) for t in content.topics.values())
    assert len(set(fresh)) == len(fresh) and not set(fresh) & real


def test_perturb_is_a_small_edit() -> None:
    rng = random.Random(0)
    text = "what are the risks of gene therapy"
    variants = {perturb(text, rng) for _ in range(50)}
    assert len(variants) > 30
    assert all(0 < len(v.split()) <= len(text.split()) + 6 for v in variants)
