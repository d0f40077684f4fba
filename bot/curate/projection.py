"""Sentences in other languages labelled by what the bot reads in their English side.

The letter reader (bot/engine/lettermodel.py) learns which runs of letters tell an emergency
in another language, and which tell ordinary talk. Public parallel text (TICO-19, Tatoeba)
gives both, if each translation takes the class the bot's English safety scan gives its
English side: "I can't breathe" makes "no puedo respirar" a medical emergency, "I'm dying to
see you" leaves "me muero por verte" ordinary. Nothing is labelled by hand. The scan to pass
is the lexicon's alone (a bot without its learned models): they are what is being trained,
and the word model called about one plain Tatoeba sentence in seventy an emergency ("he's a
bus driver"), which the letter reader would have learned as danger. benchmarks/tico_corpus.py and
benchmarks/tatoeba_corpus.py write such files for `genebot train-model --phrases`.
"""

from __future__ import annotations

import csv
import functools
import random
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz import fuzz, process

from ..engine.normalise import fold
from ..engine.safety import SafetyScanner
from .evaluate import load_cases

__all__ = ["COLUMNS", "NEAR", "english_class", "evaluation_questions", "far_from", "project", "projected_rows",
           "write"]

COLUMNS = ("language", "class", "phrase", "source_url")
NEAR = 90  # token_sort_ratio from which a sentence counts as an evaluation question's twin
_CHUNK = 1000  # rows of the score matrix at a time (cdist needs numpy, as scikit-learn does)


def english_class(scan: SafetyScanner) -> Callable[[str], str]:
    """What the bot reads in an English sentence: "crisis", "medical" or "none". Remembered,
    since parallel corpora repeat their English side from one language to the next."""

    @functools.cache
    def judge(english: str) -> str:
        verdict = scan.scan(english)
        return (verdict.urgency or "medical") if verdict.topic == "emergency" else "none"

    return judge


def project(
    judge: Callable[[str], str], pairs: Iterable[tuple[str, str]], ordinary: int, per_emergency: int = 0,
    seed: int = 1,
) -> list[tuple[str, str]]:
    """(class, translation): every pair whose English side is an emergency, and of the others
    `ordinary` or `per_emergency` for each emergency, whichever is more (a seeded shuffle, so a
    run is repeatable). Kept in proportion, a corpus whose emergencies are many does not teach
    that its language is one."""
    urgent: list[tuple[str, str]] = []
    calm: list[tuple[str, str]] = []
    for english, other in pairs:
        cls = judge(english)
        (calm if cls == "none" else urgent).append((cls, other))
    random.Random(seed).shuffle(calm)
    return urgent + calm[:max(ordinary, per_emergency * len(urgent))]


def evaluation_questions(root: Path) -> tuple[str, ...]:
    """Every question of every evaluation set under tests/eval, tuning and held-out alike."""
    return tuple(case.question for path in sorted((root / "tests" / "eval").glob("*.yaml"))
                 for case in load_cases(path))


@functools.lru_cache(maxsize=2)
def _folded(questions: tuple[str, ...]) -> list[str]:
    return [fold(q) for q in questions]  # once for a run, not once for each language


def far_from(texts: list[str], questions: tuple[str, ...], cutoff: float = NEAR) -> list[str]:
    """The texts not within `cutoff` (token_sort_ratio, folded) of any evaluation question: a
    public sentence may be an evaluation message word for word ("quiero morir"), and what a
    model trains on must not hold what it is judged by."""
    choices = _folded(questions)
    kept: list[str] = []
    for start in range(0, len(texts), _CHUNK):
        block = texts[start:start + _CHUNK]
        scores = process.cdist([fold(t) for t in block], choices, scorer=fuzz.token_sort_ratio, processor=None,
                               score_cutoff=cutoff, workers=-1)
        kept += [t for t, row in zip(block, scores.max(axis=1), strict=True) if row == 0]
    return kept


def projected_rows(
    judge: Callable[[str], str], pairs: list[tuple[str, str]], ordinary: int, questions: tuple[str, ...],
    language: str, source: str, per_emergency: int = 0,
) -> list[tuple[str, str, str, str]]:
    """A language's rows of a phrase file: `project`, less what is near an evaluation question."""
    kept = project(judge, pairs, ordinary, per_emergency)
    far = set(far_from([text for _, text in kept], questions))
    return [(language, cls, text, source) for cls, text in kept if text in far]


def write(path: Path, rows: Iterable[tuple[str, str, str, str]]) -> int:
    """Write a phrase file (language, class, phrase, source_url); the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
