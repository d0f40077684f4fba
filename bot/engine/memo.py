"""A bounded memory of per-word work (spelling repairs, readings), kept between messages.

A word's repair depends only on the content, so it is worked out once; the store is bounded
so a stream of new words (or an attacker's random ones) cannot grow it without end. When it
is full the older half is forgotten, not all of it: clearing everything made the common
words, the ones most worth remembering, cold again all at once.
"""

from __future__ import annotations

from itertools import islice
from typing import TypeVar

__all__ = ["remember"]

V = TypeVar("V")


def remember(store: dict[str, V], word: str, value: V, limit: int) -> V:
    """Keep `value` for `word`, first forgetting the oldest half when `store` is full."""
    if len(store) >= limit:
        for old in list(islice(store, limit // 2)):  # a dict keeps insertion order: oldest first
            del store[old]
    store[word] = value
    return value
