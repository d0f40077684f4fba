"""Measuring the classifier on a labelled question file: the curators' yardstick.

A question counts as right when the reply's topic is one of the expected ids; a
clarification ("did you mean") counts as a miss, since the person did not get an answer.
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..engine.bot import Bot
from ..engine.catalog import ADVICE, EMERGENCY, OUT_OF_SCOPE
from ..engine.content import Content
from ..engine.errors import UsageError
from ..engine.index import Settings
from ..engine.lexicon import URGENCIES

__all__ = ["Case", "Result", "Report", "cross_validate", "evaluate", "load_cases", "summarise"]


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    expect: tuple[str, ...]
    urgency: str | None = None  # for an emergency: "crisis" or "medical", when the file says


@dataclass(frozen=True, slots=True)
class Result:
    question: str
    expect: tuple[str, ...]
    got: str | None
    kind: str
    confidence: float
    candidates: tuple[str, ...] = ()
    urgency: str | None = None            # what the bot said
    expect_urgency: str | None = None     # what the file says
    learned: bool = False                 # an emergency called by the learned model, not the lexicon
    overruled: bool = False               # a medical alarm of the lexicon the learned model took away
    glossed: bool = False                 # asked in another language, answered through the glossary
    language: str | None = None           # the language of the line the reply led with (answers/languages/)

    @property
    def correct(self) -> bool:
        return self.got in self.expect


@dataclass(frozen=True)
class Report:
    results: tuple[Result, ...]
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary,
            "results": [
                {
                    "question": r.question, "expect": list(r.expect), "got": r.got,
                    "kind": r.kind, "confidence": r.confidence, "correct": r.correct,
                    "candidates": list(r.candidates), "urgency": r.urgency, "expect_urgency": r.expect_urgency,
                    "learned": r.learned, "overruled": r.overruled, "glossed": r.glossed,
                    "language": r.language,
                }
                for r in self.results
            ],
        }


def load_cases(path: Path | str, known: Sequence[str] | None = None) -> list[Case]:
    """Read YAML (a list of {question, expect}) or CSV/TSV with those two columns."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    rows = _rows_from_table(raw, path) if path.suffix.lower() in (".csv", ".tsv") else _rows_from_yaml(raw, path)
    cases = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or "question" not in row or "expect" not in row:
            raise UsageError(f"{path}: entry {n} needs 'question' and 'expect'")
        expect = row["expect"]
        ids = tuple(expect) if isinstance(expect, list) else tuple(str(expect).replace(",", "|").split("|"))
        ids = tuple(str(i).strip() for i in ids if str(i).strip())
        if known is not None:
            unknown = [i for i in ids if i not in known]
            if unknown:
                raise UsageError(f"{path}: entry {n}: unknown topic id {unknown[0]!r}")
        urgency = row.get("urgency") or None
        if urgency is not None and urgency not in URGENCIES:
            raise UsageError(f"{path}: entry {n}: urgency must be one of {', '.join(URGENCIES)}")
        cases.append(Case(str(row["question"]), ids, urgency))
    if not cases:
        raise UsageError(f"{path}: no questions found")
    return cases


def _rows_from_yaml(raw: str, path: Path) -> list[Any]:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: invalid YAML: {exc}") from None
    if isinstance(data, dict) and "questions" in data:
        data = data["questions"]
    if not isinstance(data, list):
        raise UsageError(f"{path}: expected a list of {{question, expect}} entries")
    return data


def _rows_from_table(raw: str, path: Path) -> list[Any]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(raw), delimiter=delimiter)
    if not reader.fieldnames or not {"question", "expect"} <= set(reader.fieldnames):
        raise UsageError(f"{path}: the header must name the columns 'question' and 'expect'")
    return list(reader)


def evaluate(bot: Bot, cases: Sequence[Case]) -> Report:
    results = []
    for case in cases:
        reply, _ = bot.reply(case.question)
        # Scanned again to tell the model's part from the lexicon's: the public Reply does not say.
        verdict = bot.index.safety.scan(case.question)
        results.append(Result(
            case.question, case.expect, reply.topic, reply.kind, reply.confidence, reply.candidates,
            reply.urgency, case.urgency, reply.topic == EMERGENCY and verdict.learned, verdict.overruled,
            reply.body.startswith(bot.content.messages.glossed_lead),  # the reply says so, first
            reply.language,
        ))
    return Report(tuple(results), summarise(results))


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def summarise(results: Sequence[Result]) -> dict[str, Any]:
    in_scope = [r for r in results if OUT_OF_SCOPE not in r.expect]
    out_scope = [r for r in results if OUT_OF_SCOPE in r.expect]
    emergencies = [r for r in results if EMERGENCY in r.expect]
    ordinary = [r for r in results if EMERGENCY not in r.expect]
    false_alarms = [r for r in ordinary if r.got == EMERGENCY]
    advice_expected = [r for r in results if ADVICE in r.expect]
    advice_given = [r for r in results if r.got == ADVICE]
    topics = sorted({t for r in results for t in r.expect} | {r.got for r in results if r.got})
    per_topic = {}
    for t in topics:
        tp = sum(1 for r in results if r.got == t and t in r.expect)
        fp = sum(1 for r in results if r.got == t and t not in r.expect)
        fn = sum(1 for r in results if t in r.expect and r.got not in r.expect)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_topic[t] = {
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": sum(1 for r in results if t in r.expect),
        }
    confusions = Counter((r.expect[0], r.got or r.kind) for r in results if not r.correct)
    # Each headline share as (hits, of): reports show both, so they are counted once, here.
    counts = {
        "accuracy": (sum(r.correct for r in results), len(results)),
        "in_scope_accuracy": (sum(r.correct for r in in_scope), len(in_scope)),
        "out_of_scope_fallback": (sum(r.kind == "fallback" for r in out_scope), len(out_scope)),
        "emergency_recall": (sum(r.got == EMERGENCY for r in emergencies), len(emergencies)),
        "false_alarm_rate": (len(false_alarms), len(ordinary)),
        "advice_precision": (sum(ADVICE in r.expect for r in advice_given), len(advice_given)),
        "advice_recall": (sum(r.got == ADVICE for r in advice_expected), len(advice_expected)),
    }
    return {
        "total": len(results),
        **{name: _share(hits, of) for name, (hits, of) in counts.items()},
        "counts": {name: list(pair) for name, pair in counts.items()},
        "emergency_false_alarms": len(false_alarms),
        # What the learned model (bot/engine/textmodel.py) added to the lexicon's verdicts.
        "learned": {"caught": sum(r.learned for r in emergencies),
                    "false_alarms": sum(r.learned for r in false_alarms),
                    "overruled_emergencies": sum(r.overruled for r in emergencies),
                    "overruled_false_alarms": sum(r.overruled for r in ordinary)},
        "urgency_confusion": _urgency_confusion(emergencies),
        "reliability": reliability(results),
        "clarifications": sum(r.kind == "clarify" for r in results),
        # Questions in another language answered through the glossary (glossary.py), and how many rightly.
        "glossed": {"answered": sum(r.glossed for r in results),
                    "right": sum(r.glossed and r.correct for r in results)},
        # Replies led by a line in the writer's language (translations.py), by reply kind and language.
        "led_in_language": _led_in_language(results),
        "per_topic": per_topic,
        "confusions": [
            {"expected": e, "got": g, "count": n} for (e, g), n in confusions.most_common()
        ],
    }


def _led_in_language(results: Sequence[Result]) -> dict[str, Any]:
    led = [r for r in results if r.language]
    return {"replies": len(led), "by_kind": dict(Counter(r.kind for r in led).most_common()),
            "by_language": dict(Counter(r.language for r in led).most_common())}


BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def reliability(results: Sequence[Result]) -> list[dict[str, Any]]:
    """Confidence band -> how many answers fell in it and the share that were right.

    Only replies that answered with a topic count (not fallbacks, clarifications or safety
    replies, whose confidence means something else): this is what the answer threshold is
    set from, by finding the band where the share right becomes good enough.
    """
    answered = [r for r in results if r.kind in ("answer", "chat")]
    rows = []
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [r for r in answered if low <= r.confidence < high]
        rows.append({"low": low, "high": min(high, 1.0), "count": len(band),
                     "right": _share(sum(r.correct for r in band), len(band))})
    return rows


def _urgency_confusion(emergencies: Sequence[Result]) -> dict[str, dict[str, int]]:
    """Expected urgency -> what the bot did (crisis, medical, or the kind of a missed reply)."""
    table: dict[str, Counter[str]] = {}
    for r in emergencies:
        if r.expect_urgency:
            if r.got == EMERGENCY and r.urgency:
                got = r.urgency
            else:  # a miss that still got the word of support and 988 says so
                got = f"missed ({r.got or r.kind}{', support' if r.urgency == 'support' else ''})"
            table.setdefault(r.expect_urgency, Counter())[got] += 1
    return {expected: dict(counts.most_common()) for expected, counts in sorted(table.items())}


def cross_validate(
    content: Content, k: int = 5, seed: int = 0, settings: Settings | None = None
) -> Report:
    """K-fold cross-validation over the example phrasings, as NLU test tools do.

    Each topic's examples are shuffled (deterministically, by ``seed``) and dealt into k
    folds; for each fold a bot is built without it and asked the held-out examples. Rules
    (patterns) and topic question labels stay in, since they are part of the classifier.
    """
    if k < 2:
        raise UsageError(f"cross-validation needs at least 2 folds, not {k}")
    folds = {tid: _deal(topic.examples, k, f"{seed}:{tid}") for tid, topic in content.topics.items()}
    results: list[Result] = []
    fold_accuracy = []
    for fold in range(k):
        bot = Bot(_without_fold(content, folds, fold), settings)
        cases = [
            Case(example, (tid,))
            for tid, dealt in folds.items()
            for example, n in dealt
            if n == fold
        ]
        part = evaluate(bot, cases).results
        results.extend(part)
        fold_accuracy.append(_share(sum(r.correct for r in part), len(part)))
    summary = summarise(results)
    summary.update({"mode": "cross-validation", "folds": k, "seed": seed, "fold_accuracy": fold_accuracy})
    return Report(tuple(results), summary)


def _deal(examples: Sequence[str], k: int, seed: str) -> list[tuple[str, int]]:
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    fold_of = {i: position % k for position, i in enumerate(order)}
    return [(example, fold_of[i]) for i, example in enumerate(examples)]


def _without_fold(content: Content, folds: dict[str, list[tuple[str, int]]], fold: int) -> Content:
    topics = {
        tid: replace(topic, examples=tuple(ex for ex, n in folds[tid] if n != fold))
        for tid, topic in content.topics.items()
    }
    return replace(content, topics=MappingProxyType(topics))
