"""One slip of the keys, undone: two neighbouring letters swapped ("cnat"), a letter missed
("chst") or one added ("wriist"), read back as the known word it was meant to be.

A ratio cannot forgive these in a short word ("cnat" scores 75 against "cant", a swap costs
two edits), yet they are the commonest slips of fast typing. Each is undone by trying the
few words one slip away from the typed one against the known words, and a missed letter
by a table of the known words each with one letter dropped: lookups only, and only for
words the bot does not know.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Slips:
    words: frozenset[str]   # the known words, of `shortest` letters or more
    shortest: int
    preferred: frozenset[str] = frozenset()  # when two words fit a swap ("waek": wake, weak)
    # Each known word with a letter missed -> the word, where only one word fits: one lookup
    # instead of trying every letter at every place (a few thousand words make ~10k entries).
    missing: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    longest: int = 0

    @classmethod
    def of(cls, words: Iterable[str], shortest: int, preferred: Iterable[str] = ()) -> Slips:
        kept = frozenset(w for w in words if len(w) >= shortest and w.isalpha())
        found: dict[str, set[str]] = {}
        for w in kept:
            for short in without_one(w):
                found.setdefault(short, set()).add(w)
        missing = MappingProxyType({short: next(iter(ws)) for short, ws in found.items() if len(ws) == 1})
        return cls(kept, shortest, frozenset(preferred) & kept, missing, max(map(len, kept), default=0))

    def undo(self, word: str) -> str | None:
        """The known word `word` is with one slip undone, if one is."""
        if len(word) > self.longest + 1:  # no known word is one slip away
            return None
        swapped = sorted({w for w in _swaps(word) if w in self.words}, key=lambda w: (w not in self.preferred, w))
        found = swapped[0] if swapped else self.missing.get(word)  # "tred": tired or treed? only if one
        if found is None and len(word) > self.shortest:
            found = next((w for w in without_one(word) if w in self.words), None)
        return found


def _swaps(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def without_one(word: str) -> Iterable[str]:
    return (word[:i] + word[i + 1:] for i in range(len(word)))
