"""Weak terms: everyday phrases that say an emergency only when nothing says they are ordinary.

"I'm ready now", "it's for good", "I'll be gone by morning" are how people hint at a crisis,
and "can we try again if it fails", "will it fix it for good" how patients ask about care. A
weak term counts as its concept's mention unless its clause names care (the concept's
`unless` words: gene, therapy, trial, infusion ...), and even then when one of the concept's
`cues` stands anywhere in the message ("pills", "goodbye", "die").
"""

from __future__ import annotations

from .context import Hit, sentence_ids
from .safetytext import CLAUSE, SENTENCE

__all__ = ["counted"]


def counted(weak: list[Hit], cues: list[Hit], ordinary: list[Hit], words: list[str]) -> list[Hit]:
    """The weak hits that count, as concept hits: those of a concept the message speaks of
    (a cue anywhere), and the others unless their clause speaks of care."""
    clause = sentence_ids(words, (CLAUSE, SENTENCE))
    cued = {id(hit.item) for hit in cues}
    plain = {(id(hit.item), clause[hit.start]) for hit in ordinary}
    return [hit._replace(kind="concept") for hit in weak
            if id(hit.item) in cued or (id(hit.item), clause[hit.start]) not in plain]

