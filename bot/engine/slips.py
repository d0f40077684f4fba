"""One slip of the keys, undone: two neighbouring letters swapped ("cnat"), a letter missed
("chst") or one added ("wriist"), read back as the known word it was meant to be.

A ratio cannot forgive these in a short word ("cnat" scores 75 against "cant", a swap costs
two edits), yet they are the commonest slips of fast typing. Each is undone by trying the
few words one slip away from the typed one against the known words: set lookups, no table
to build or to carry in the cached bot, and only for words the bot does not know. (A small
vocabulary, such as the chat spellings, keeps a table of its words with a letter missed.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Slips:
    words: frozenset[str]   # the known words, of `shortest` letters or more
    letters: str            # every letter they use: what a missed letter may have been
    shortest: int
    preferred: frozenset[str] = frozenset()  # when two words fit a swap ("waek": wake, weak)
    # For a few words, each with a letter missed -> the word: one lookup instead of trying
    # every letter at every place (None for a large vocabulary, whose table would be big).
    missing: Mapping[str, str] | None = None
    longest: int = 0

    @classmethod
    def of(cls, words: Iterable[str], shortest: int, preferred: Iterable[str] = (), table: bool = False) -> Slips:
        kept = frozenset(w for w in words if len(w) >= shortest and w.isalpha())
        missing = None
        if table:
            found: dict[str, set[str]] = {}
            for w in kept:
                for short in without_one(w):
                    found.setdefault(short, set()).add(w)
            missing = MappingProxyType({short: next(iter(ws)) for short, ws in found.items() if len(ws) == 1})
        letters = "".join(sorted({c for w in kept for c in w}))
        return cls(kept, letters, shortest, frozenset(preferred) & kept, missing, max(map(len, kept), default=0))

    def undo(self, word: str) -> str | None:
        """The known word `word` is with one slip undone, if one is."""
        if len(word) > self.longest + 1:  # no known word is one slip away
            return None
        swapped = sorted({w for w in _swaps(word) if w in self.words}, key=lambda w: (w not in self.preferred, w))
        found = swapped[0] if swapped else None
        if found is None and self.missing is not None:
            found = self.missing.get(word)
        elif found is None and len(word) + 1 > self.shortest:
            missed = {w for w in _insertions(word, self.letters) if w in self.words}
            found = missed.pop() if len(missed) == 1 else None  # "tred": tired or treed? only if one
        if found is None and len(word) > self.shortest:
            found = next((w for w in without_one(word) if w in self.words), None)
        return found


def _swaps(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _insertions(word: str, letters: str) -> Iterator[str]:
    for i in range(len(word) + 1):
        for c in letters:
            yield word[:i] + c + word[i:]


def without_one(word: str) -> Iterable[str]:
    return (word[:i] + word[i + 1:] for i in range(len(word)))
