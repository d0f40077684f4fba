"""The search index: everything the classifier needs, derived from the content once at load.

Examples are normalised, stripped of stopwords and token-sorted here, so that at reply time
rapidfuzz compares plain strings with ``processor=None`` and no Python loop over scorers.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .catalog import ADVICE, EMERGENCY
from .content import Content
from .normalise import normalise

__all__ = ["Index", "Settings", "build_index", "content_words", "sort_key"]


@dataclass(frozen=True, slots=True)
class Settings:
    """The classifier's dials, calibrated on tests/eval/dev.yaml (see benchmarks/tune.py)."""

    answer_at: float = 0.694        # a topic this sure is answered
    clarify_at: float = 0.632       # two topics both this sure and close: ask which
    margin: float = 0.026           # "close" means within this of each other
    phrase_weight: float = 0.474   # blend: best similarity of the whole phrase,
    words_weight: float = 0.216    # of its content words,
    cover_weight: float = 0.31     # and word coverage (weights sum to 1)
    unknown_weight: float = 0.59   # how much a word the content never uses counts against a topic
    emergency_at: float = 0.90     # fuzzy emergency needs this (rules catch the rest)
    correct_at: float = 86.0       # rapidfuzz ratio for fixing a misspelt word
    min_correctable: int = 4       # shorter words are never "corrected"
    fuzzy_floor: float = 40.0      # examples scoring below this are ignored


@dataclass(frozen=True, slots=True)
class Index:
    spellings: Mapping[str, str]
    stopwords: frozenset[str]
    safety_rules: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    rules: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    choices: tuple[str, ...]           # each example: content words, sorted, space-joined
    owners: tuple[str, ...]            # the topic of each choice
    phrases: tuple[str, ...]           # each example: all its words, in order
    phrase_owners: tuple[str, ...]
    vocabulary: tuple[str, ...]        # every word the content knows, for spelling repair
    known: frozenset[str]
    weights: Mapping[str, Mapping[str, float]] = field(repr=False)  # word -> topic -> idf
    idf: Mapping[str, float] = field(repr=False)
    unknown_idf: float = 0.0
    topics: tuple[str, ...] = ()
    settings: Settings = Settings()


def content_words(words: list[str], stopwords: frozenset[str]) -> list[str]:
    kept = [w for w in words if w not in stopwords]
    return kept


def sort_key(words: list[str]) -> str:
    """Token-sorted string: fuzz.ratio on these equals token_sort_ratio, without re-tokenising."""
    return " ".join(sorted(words))


def _combined(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """One alternation per topic: a single regex search instead of dozens per message."""
    if len(patterns) < 2:
        return patterns
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns)),)
    except re.error:  # e.g. a pattern with inline global flags: keep them apart
        return patterns


def build_index(content: Content, settings: Settings | None = None) -> Index:
    lang = content.language
    choices: list[str] = []
    owners: list[str] = []
    phrases: dict[str, str] = {}
    vocabulary: set[str] = set()
    topic_words: dict[str, set[str]] = defaultdict(set)
    for topic in content.topics.values():
        for phrase in (*topic.examples, topic.question):
            words = normalise(phrase, lang.spellings).split()
            vocabulary.update(words)
            phrases.setdefault(" ".join(words), topic.id)
            kept = content_words(words, lang.stopwords)
            topic_words[topic.id].update(kept)
            if kept:
                choices.append(sort_key(kept))
                owners.append(topic.id)
    n_topics = max(len(content.topics), 1)
    document_frequency: dict[str, int] = defaultdict(int)
    for words in topic_words.values():
        for word in words:
            document_frequency[word] += 1
    idf = {w: math.log(1 + n_topics / df) for w, df in document_frequency.items()}
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for tid, words in topic_words.items():
        for word in words:
            weights[word][tid] = idf[word]
    safety = tuple(
        (tid, _combined(content.topics[tid].patterns)) for tid in (EMERGENCY, ADVICE) if tid in content.topics
    )
    rules = tuple(
        (t.id, _combined(t.patterns))
        for t in content.topics.values()
        if t.patterns and t.id not in (EMERGENCY, ADVICE)
    )
    return Index(
        spellings=lang.spellings,
        stopwords=lang.stopwords,
        safety_rules=safety,
        rules=rules,
        choices=tuple(choices),
        owners=tuple(owners),
        phrases=tuple(phrases),
        phrase_owners=tuple(phrases.values()),
        vocabulary=tuple(sorted(vocabulary)),
        known=frozenset(vocabulary),
        weights=MappingProxyType({w: MappingProxyType(t) for w, t in weights.items()}),
        idf=MappingProxyType(idf),
        unknown_idf=math.log(1 + n_topics),
        topics=tuple(content.topics),
        settings=settings or Settings(),
    )
