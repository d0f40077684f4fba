"""Scaled-up content for benchmarks: every topic with N times the example phrasings.

Variants are made from the real examples by deterministic perturbations (a typo, a dropped
or swapped word, filler), and each is distinct as the index sees it (normalised, stopwords
dropped, words sorted), so the classifier really has N times as many choices to compare.
"""

from __future__ import annotations

import random
import string
from dataclasses import replace
from types import MappingProxyType

from ..engine.content import Content
from ..engine.index import content_words, sort_key
from ..engine.normalise import normalise

__all__ = ["FILLERS", "perturb", "scale_content"]

FILLERS = (
    "please",
    "quick question",
    "i was wondering",
    "honestly",
    "for my mum",
    "for my son",
    "asking for a friend",
    "sorry if this is silly",
    "in simple words",
    "briefly",
    "my nurse said",
    "i read online",
    "just curious",
    "again",
    "today",
    "real quick",
)
_ATTEMPTS = 12


def scale_content(content: Content, factor: int, seed: int = 0) -> Content:
    """The same content with each topic's examples multiplied by ``factor`` (1 = unchanged)."""
    if factor <= 1:
        return content
    lang = content.language
    seen = {
        _key(phrase, lang.spellings, lang.stopwords)
        for topic in content.topics.values()
        for phrase in (*topic.examples, topic.question)
    }
    topics = {}
    for tid, topic in content.topics.items():
        rng = random.Random(f"{seed}:{tid}")
        examples = list(topic.examples)
        for n in range(len(topic.examples) * (factor - 1)):
            base = topic.examples[n % len(topic.examples)]
            examples.append(_distinct_variant(base, rng, seen, lang.spellings, lang.stopwords))
        topics[tid] = replace(topic, examples=tuple(examples))
    return replace(content, topics=MappingProxyType(topics))


def _key(text: str, spellings: object, stopwords: frozenset[str]) -> str:
    return sort_key(content_words(normalise(text, spellings).split(), stopwords))  # type: ignore[arg-type]


def _distinct_variant(
    base: str, rng: random.Random, seen: set[str], spellings: object, stopwords: frozenset[str]
) -> str:
    variant = base
    for attempt in range(_ATTEMPTS):
        variant = perturb(variant if attempt % 3 else base, rng)
        key = _key(variant, spellings, stopwords)
        if key not in seen:
            seen.add(key)
            return variant
    # Rarely the perturbations run out of new phrasings: a made-up word makes it distinct.
    while True:
        variant = f"{variant} {_nonsense(rng)}"
        key = _key(variant, spellings, stopwords)
        if key not in seen:
            seen.add(key)
            return variant


def perturb(text: str, rng: random.Random) -> str:
    """One to three random edits of the kind people make when typing a question."""
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        edit = rng.choice((_typo, _typo, _drop, _swap, _filler))
        words = edit(words, rng)
    return " ".join(words) or text


def _typo(words: list[str], rng: random.Random) -> list[str]:
    long_words = [i for i, w in enumerate(words) if len(w) >= 4]
    if not long_words:
        return _filler(words, rng)
    i = rng.choice(long_words)
    w = words[i]
    at = rng.randrange(1, len(w) - 1)
    how = rng.randrange(4)
    if how == 0:
        w = w[:at] + w[at + 1 :]  # dropped letter
    elif how == 1:
        w = w[:at] + w[at] + w[at:]  # doubled letter
    elif how == 2:
        w = w[:at] + w[at + 1] + w[at] + w[at + 2 :]  # swapped letters
    else:
        w = w[:at] + rng.choice(string.ascii_lowercase) + w[at + 1 :]  # wrong letter
    return [*words[:i], w, *words[i + 1 :]]


def _drop(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 3:
        return _filler(words, rng)
    i = rng.randrange(len(words))
    return words[:i] + words[i + 1 :]


def _swap(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 2:
        return _filler(words, rng)
    i = rng.randrange(len(words) - 1)
    return [*words[:i], words[i + 1], words[i], *words[i + 2 :]]


def _filler(words: list[str], rng: random.Random) -> list[str]:
    extra = rng.choice(FILLERS).split()
    return [*extra, *words] if rng.random() < 0.5 else [*words, *extra]


def _nonsense(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
