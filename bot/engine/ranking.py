"""Ranking topics for a message: three views of how alike it is to each topic's examples
(the whole phrase, its content words, and word coverage), blended into one score in [0, 1].

Examples are compared only when they share a word with the message (or a known word near one
it misspelt), with rapidfuzz over choices normalised once at load.
"""

from __future__ import annotations

import bisect
from functools import partial
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .index import Index, content_words, sort_key
from .repair import Near, Repaired
from .stems import stem

__all__ = ["Candidate", "best_of", "rank", "signals"]


class Candidate(NamedTuple):
    """A topic and its score. A named tuple, not a frozen dataclass: a reply ranks every
    topic once or twice and merges the rankings, and a tuple is built in a third of the time."""

    topic: str
    score: float


# Candidate's own constructor is a Python function; tuple.__new__ builds the same named tuple
# in C, which matters as every reply builds one per topic, once or twice.
_candidate = partial(tuple.__new__, Candidate)


def _ranked(scores: dict[str, float]) -> list[Candidate]:
    """Candidates, best first (ties keep their order)."""
    pairs = list(scores.items())
    pairs.sort(key=itemgetter(1), reverse=True)
    return list(map(_candidate, pairs))


def best_of(first: list[Candidate], second: list[Candidate]) -> list[Candidate]:
    """Each topic's better score of two rankings (the whole message's and one question's)."""
    best = {c.topic: c.score for c in first}
    for c in second:
        best[c.topic] = max(best.get(c.topic, 0.0), c.score)
    return _ranked(best)


def rank(index: Index, repaired: Repaired) -> list[Candidate]:
    """Score every topic in [0, 1] by blending three views of the same evidence."""
    s = index.settings
    words = index.concepts.apply(repaired.loose)
    blended = {
        topic: s.phrase_weight * phrase + s.words_weight * by_words + s.cover_weight * cover
        for topic, (phrase, by_words, cover) in signals(index, words, repaired.near).items()
    }
    answering = index.frames.answering(words)
    if answering is not None:  # the upsides are not the risks answer, however alike the words
        for topic in blended.keys() & index.knowledge - answering:
            blended[topic] *= s.frame_penalty
    for topic in blended.keys() & index.frames.unnamed(words):  # "a trial" names no phase
        blended[topic] *= s.frame_penalty
    return _ranked({t: round(v, 4) if v < 1.0 else 1.0 for t, v in blended.items()})


def signals(index: Index, words: list[str], near: Near) -> dict[str, tuple[float, float, float]]:
    """Per topic: best similarity of the whole phrase, best similarity of its content words,
    and how much of the message the topic's vocabulary covers.

    The phrase view keeps "what is" and "how does"; the content-word view (token-sorted,
    stopwords dropped) ignores word order and filler; coverage, weighted by how rare a word
    is, forgives the extra words of a long story but not words the content never uses.
    (token_set_ratio was tried and dropped: it scores 100 whenever one side's words are a
    subset of the other's, so short examples attract everything, and it cost 0.6 ms a call.)
    """
    # A number the content never uses ("like im 5", "im 61") says nothing about the topic.
    kept = [w for w in content_words(words, index.stopwords) if not w.isdigit() or w in index.known]
    if not kept:
        return {}
    s = index.settings
    ids = _candidates(index, kept, near)
    if ids is None:
        owners, phrases, keys = index.owners, index.phrases, index.keys
    else:
        owners, phrases, keys = _columns(ids, index.owners, index.phrases, index.keys)
    options = {"processor": None, "score_cutoff": s.fuzzy_floor, "limit": s.top_examples}
    phrase = _best_per_topic(owners, process.extract(" ".join(words), phrases, scorer=fuzz.ratio, **options))
    by_words = _best_per_topic(owners, process.extract(sort_key(kept), keys, scorer=fuzz.ratio, **options))
    cover = _coverage(index, kept)
    # In a fixed order (best phrase match first), not a set's: a set of strings iterates in
    # an order that changes with the process's hash seed, and so did topics tied on score.
    topics = dict.fromkeys([*phrase, *by_words, *cover])
    return {t: (phrase.get(t, 0.0), by_words.get(t, 0.0), cover.get(t, 0.0)) for t in topics}


def _candidates(index: Index, kept: list[str], near: Near) -> list[int] | None:
    """The examples worth comparing: those sharing a content word with the message, or using a
    known word near one the content never uses (a misspelling no repair was sure of, a word run
    together: "invivo"). An example sharing none scores too low on every view to matter, and
    comparing with all of them was most of the cost of a reply. None (compare with all) in
    content small enough when no example shares anything: only spelling can tell then.

    Examples sharing the message's rarest words come first; when a word is so common that
    its examples overflow the budget (large content), those nearest the message in length are
    kept, since fuzz.ratio cannot score far-apart lengths highly anyway.
    """
    budget, postings = index.settings.max_candidates, index.postings
    shared = {w for w in kept if w in postings}
    for word in set(kept) - shared:
        shared.update(w for w in near.get(word, ()) if w in postings)
    key_length = len(sort_key(kept))
    lists = sorted((postings[w] for w in shared), key=lambda p: len(p[0]))
    chosen: set[int] = set()
    for ids, lengths in lists:
        room = budget - len(chosen)
        if room <= 0:
            break
        if len(ids) <= room:
            chosen.update(ids)
            continue
        middle = bisect.bisect_left(lengths, key_length)
        start = max(0, min(middle - room // 2, len(ids) - room))
        chosen.update(ids[start:start + room])
    if not chosen and len(index.keys) <= budget:
        return None  # no word in common at all: again only spelling can tell
    return sorted(chosen)


def _columns(ids: list[int], *columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The chosen rows of each column (itemgetter: one C call per column, not a Python loop)."""
    if len(ids) > 1:
        pick = itemgetter(*ids)
        return [pick(column) for column in columns]
    return [tuple(column[i] for i in ids) for column in columns]


def _best_per_topic(owners: tuple[str, ...], matches: list[tuple[str, float, int]]) -> dict[str, float]:
    best: dict[str, float] = {}
    for _choice, score, i in matches:  # sorted best first, so the first per topic is its best
        best.setdefault(owners[i], score / 100.0)
    return best


def _coverage(index: Index, words: list[str]) -> dict[str, float]:
    """The rarity-weighted share of the message's words that each topic's examples use."""
    unknown = index.unknown_idf * index.settings.unknown_weight
    total = 0.0
    covered: dict[str, float] = {}
    for word in words:
        idf, weights = index.idf, index.weights
        if word not in idf:  # another form of a word the content uses ("triggering")?
            word = stem(word)
            idf, weights = index.stem_idf, index.stem_weights
        total += idf.get(word, unknown)
        for tid, weight in weights.get(word, {}).items():
            covered[tid] = covered.get(tid, 0.0) + weight
    return {tid: value / total for tid, value in covered.items()}
