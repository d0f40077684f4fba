"""Accuracy on labelled questions the bot never saw as examples. Fails if quality drops.

tests/eval/questions.yaml is the held-out evaluation set (never used for tuning);
tests/eval/dev.yaml is the development set the thresholds were calibrated on;
tests/eval/safety.yaml is a stress set for emergency routing. The floors below are the
figures reached when they were last raised (see README, "Quality"): raise them, never lower.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bot
from bot.curate.evaluate import evaluate, load_cases
from bot.engine.normalise import normalise

EVAL = Path(__file__).parents[1] / "eval"

FLOORS = {
    "questions.yaml": {"in_scope_accuracy": 0.93, "out_of_scope_fallback": 0.94, "emergency_recall": 1.0},
    "dev.yaml": {"in_scope_accuracy": 0.95, "out_of_scope_fallback": 0.95, "emergency_recall": 1.0},
    "safety.yaml": {"accuracy": 0.97, "emergency_recall": 1.0},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request: pytest.FixtureRequest, genebot: bot.Bot):  # type: ignore[no-untyped-def]
    cases = load_cases(EVAL / request.param, known=list(genebot.content.topics))
    return request.param, evaluate(genebot, cases).summary


def test_accuracy_does_not_drop(report) -> None:  # type: ignore[no-untyped-def]
    name, summary = report
    for metric, floor in FLOORS[name].items():
        assert summary[metric] >= floor, f"{name}: {metric} {summary[metric]} < {floor}"


def test_no_ordinary_question_is_an_emergency(report) -> None:  # type: ignore[no-untyped-def]
    name, summary = report
    assert summary["emergency_false_alarms"] == 0, name


def test_the_evaluation_set_is_big_and_balanced(genebot: bot.Bot) -> None:
    cases = load_cases(EVAL / "questions.yaml", known=list(genebot.content.topics))
    assert len(cases) >= 300
    labels = [label for case in cases for label in case.expect]
    assert labels.count("out-of-scope") >= 60
    assert labels.count("emergency") + labels.count("personal-advice") >= 20
    assert {t for t in genebot.content.topics} <= set(labels)


def test_evaluation_questions_are_not_copied_into_the_examples(genebot: bot.Bot) -> None:
    spell = genebot.content.language.spellings
    examples = {normalise(e, spell) for t in genebot.content.topics.values() for e in t.examples}
    for name in FLOORS:
        copied = [c.question for c in load_cases(EVAL / name) if normalise(c.question, spell) in examples]
        assert not copied, f"{name} questions copied into intents/: {copied[:5]}"
