"""Sentences in other languages labelled by what the bot reads in their English side.

The letter reader (bot/engine/lettermodel.py) learns which runs of letters tell an emergency
in another language, and which tell ordinary talk. Public parallel text (TICO-19, Tatoeba)
gives both, if each translation takes the class the bot's own English safety scan gives its
English side: "I can't breathe" makes "no puedo respirar" a medical emergency, "I'm dying to
see you" leaves "me muero por verte" ordinary. Nothing is labelled by hand, and what the bot
reads in English is what carries over. benchmarks/tico_corpus.py and
benchmarks/tatoeba_corpus.py write such files for `genebot train-model --phrases`.
"""

from __future__ import annotations

import csv
import functools
import random
from collections.abc import Callable, Iterable
from pathlib import Path

from ..engine.safety import SafetyScanner

__all__ = ["COLUMNS", "english_class", "project", "write"]

COLUMNS = ("language", "class", "phrase", "source_url")


def english_class(scan: SafetyScanner) -> Callable[[str], str]:
    """What the bot reads in an English sentence: "crisis", "medical" or "none". Remembered,
    since parallel corpora repeat their English side from one language to the next."""

    @functools.cache
    def judge(english: str) -> str:
        verdict = scan.scan(english)
        return (verdict.urgency or "medical") if verdict.topic == "emergency" else "none"

    return judge


def project(
    judge: Callable[[str], str], pairs: Iterable[tuple[str, str]], ordinary: int, seed: int = 1,
) -> list[tuple[str, str]]:
    """(class, translation): every pair whose English side is an emergency, and at most
    `ordinary` of the others (a seeded shuffle, so a run is repeatable)."""
    urgent: list[tuple[str, str]] = []
    calm: list[tuple[str, str]] = []
    for english, other in pairs:
        cls = judge(english)
        (calm if cls == "none" else urgent).append((cls, other))
    random.Random(seed).shuffle(calm)
    return urgent + calm[:ordinary]


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
