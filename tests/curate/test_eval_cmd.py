"""`genebot eval`: labelled files (YAML, CSV, TSV), JSON for CI, and cross-validation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bot
from bot.curate.evalcmd import format_report
from bot.curate.evaluate import Case, cross_validate, evaluate, load_cases
from bot.engine.errors import UsageError

QUESTIONS = """\
- question: what is gene therapy
  expect: what-is-gene-therapy
- question: i cant breathe
  expect: emergency
- question: how much does gene therapy cost
  expect: out-of-scope
- question: recipe for banana bread
  expect: out-of-scope
- question: is gene therapy dangerous
  expect: [is-it-safe, risks]
- question: what is gene therapy?   # deliberately mislabelled: always a miss
  expect: sources
"""


def genebot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=180
    )


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


def test_text_report_has_every_section(questions: Path) -> None:
    run = genebot("eval", str(questions))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith(f"genebot eval: {questions}, 6 questions")
    for label in (
        "accuracy",
        "in-scope accuracy",
        "out-of-scope fell back",
        "emergency recall",
        "emergency false alarms",
        "clarifications",
    ):
        assert f"  {label} " in out
    assert "per topic" in out and "precision  recall     f1  support" in out
    assert "most frequent confusions (expected → got)" in out
    assert "sources → " in out
    miss = next(line for line in out.splitlines() if "'what is gene therapy?'" in line)
    assert miss.strip()[:4].replace(".", "").isdigit()  # confidence first


def test_json_has_the_summary_and_one_result_per_question(questions: Path) -> None:
    run = genebot("eval", str(questions), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    for key in (
        "accuracy",
        "in_scope_accuracy",
        "out_of_scope_fallback",
        "emergency_recall",
        "emergency_false_alarms",
        "per_topic",
        "confusions",
        "results",
    ):
        assert key in data
    assert data["mode"] == "questions" and data["file"] == str(questions)
    assert len(data["results"]) == 6
    first = data["results"][0]
    assert set(first) >= {"question", "expect", "got", "kind", "confidence", "correct"}
    assert data["results"][4]["expect"] == ["is-it-safe", "risks"]
    assert data["results"][5]["correct"] is False
    assert 0 <= data["accuracy"] < 1
    assert data["emergency_recall"] == 1.0
    assert set(data["per_topic"]["emergency"]) == {"precision", "recall", "f1", "support"}


@pytest.mark.parametrize(("suffix", "sep"), [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv_are_accepted(tmp_path: Path, suffix: str, sep: str) -> None:
    path = tmp_path / f"questions{suffix}"
    rows = (
        ["question", "expect"],
        ["what is an irb", "irb"],
        ["is it safe or risky", "is-it-safe|risks"],
    )
    path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding="utf-8")
    cases = load_cases(path)
    assert [c.expect for c in cases] == [("irb",), ("is-it-safe", "risks")]
    run = genebot("eval", str(path), "--json")
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["results"]) == 2


def test_unknown_topic_in_the_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- question: hi\n  expect: greetings\n", encoding="utf-8")
    run = genebot("eval", str(path))
    assert run.returncode == 2
    assert "unknown topic id 'greetings'" in run.stderr


def test_min_accuracy_fails_ci_below_the_threshold(questions: Path) -> None:
    below = genebot("eval", str(questions), "--min-accuracy", "100%")
    assert below.returncode == 1
    assert "is below the minimum 100.0%" in below.stderr
    assert genebot("eval", str(questions), "--min-accuracy", "0.1").returncode == 0


def test_needs_a_file_or_cross_validation(questions: Path) -> None:
    assert genebot("eval").returncode == 2
    both = genebot("eval", str(questions), "--cross-validate", "3")
    assert both.returncode == 2 and "one of the two" in both.stderr


def test_runs_on_another_content_folder(content_copy: Path, questions: Path) -> None:
    answers = content_copy / "answers" / "conversation.yaml"
    answers.write_text(
        answers.read_text(encoding="utf-8").replace("topic: goodbye", "topic: farewell")
    )
    run = genebot("eval", str(questions), "--content", str(content_copy))
    assert run.returncode == 1
    assert "farewell" in run.stderr


# --------------------------------------------------------------------------- cross-validation


def test_cross_validation_asks_every_example_once(genebot_content: bot.Content) -> None:
    report = cross_validate(genebot_content, k=3, seed=7)
    examples = [(t.id, e) for t in genebot_content.topics.values() for e in t.examples]
    asked = sorted((r.expect[0], r.question) for r in report.results)
    assert asked == sorted(examples)
    assert report.summary["mode"] == "cross-validation" and report.summary["folds"] == 3
    assert len(report.summary["fold_accuracy"]) == 3
    assert all(0 <= a <= 1 for a in report.summary["fold_accuracy"])


def test_cross_validation_is_deterministic(genebot_content: bot.Content) -> None:
    first = cross_validate(genebot_content, k=2, seed=1)
    again = cross_validate(genebot_content, k=2, seed=1)
    assert [r.got for r in first.results] == [r.got for r in again.results]


def test_cross_validation_leaves_the_content_untouched(genebot_content: bot.Content) -> None:
    before = {t.id: t.examples for t in genebot_content.topics.values()}
    cross_validate(genebot_content, k=2)
    assert {t.id: t.examples for t in genebot_content.topics.values()} == before


def test_cross_validation_needs_two_folds(genebot_content: bot.Content) -> None:
    with pytest.raises(UsageError):
        cross_validate(genebot_content, k=1)


def test_cross_validation_from_the_cli() -> None:
    run = genebot("eval", "--cross-validate", "2", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["folds"] == 2 and len(data["fold_accuracy"]) == 2
    assert data["total"] == len(data["results"]) > 100


def test_text_format_of_a_cross_validation(genebot: bot.Bot) -> None:
    cases = [Case("what is gene therapy", ("what-is-gene-therapy",)), Case("hello", ("greeting",))]
    data = evaluate(genebot, cases).to_dict()
    data["fold_accuracy"] = [0.5, 1.0]
    text = format_report(data, "2-fold cross-validation")
    assert text.startswith("genebot eval: 2-fold cross-validation\n")
    assert "  per fold                 50.0%  100.0%" in text


@pytest.fixture(scope="module")
def genebot_content() -> bot.Content:
    return bot.load_content()


def test_eval_html_has_the_heatmap_f1_reliability_and_every_miss(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        '- question: "what is an irb"\n  expect: irb\n'
        '- question: "<b>how much</b> does it cost"\n  expect: irb\n'
        '- question: "is gene therapy safe"\n  expect: is-it-safe\n', encoding="utf-8")
    out = tmp_path / "eval.html"
    run = genebot("eval", str(questions), "--html", str(out))
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    for label in ('aria-label="confusion matrix"', 'aria-label="F1 per topic"', 'aria-label="reliability diagram"'):
        assert label in page
    assert "&lt;b&gt;how much&lt;/b&gt; does it cost" in page and "<b>how much" not in page  # the miss, escaped
    assert "https://" not in page and "<script" not in page


def test_eval_html_to_an_unwritable_place_is_a_usage_error(tmp_path: Path) -> None:
    run = genebot("eval", "--cross-validate", "2", "--html", str(tmp_path / "no" / "such" / "dir" / "x.html"))
    assert run.returncode == 2 and "cannot write" in run.stderr
