"""One slip of the keys, undone: two neighbouring letters swapped ("cnat"), a letter missed
("chst") or one added ("wriist"), read back as the known word it was meant to be.

A ratio cannot forgive these in a short word ("cnat" scores 75 against "cant", a swap costs
two edits), yet they are the commonest slips of fast typing. Swaps are found by the sorted
letters, missed letters by a table of every word with one letter taken out, added letters
by taking each letter out of the typed word: a few dictionary lookups, never a scan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Slips:
    words: frozenset[str]                       # the known words, of `shortest` letters or more
    by_letters: Mapping[str, tuple[str, ...]]   # sorted letters -> the words with those letters
    shortened: Mapping[str, str]                # a word with one letter missing -> that word
    shortest: int                               # no word shorter than this is read back

    @classmethod
    def of(cls, words: Iterable[str], shortest: int) -> Slips:
        kept = frozenset(w for w in words if len(w) >= shortest and w.isalpha())
        by_letters: dict[str, set[str]] = defaultdict(set)
        missing: dict[str, set[str]] = defaultdict(set)
        for w in kept:
            by_letters["".join(sorted(w))].add(w)
            if len(w) > shortest:
                for short in without_one(w):
                    missing[short].add(w)
        return cls(
            kept,
            {key: tuple(sorted(ws)) for key, ws in by_letters.items()},
            {short: next(iter(ws)) for short, ws in missing.items() if len(ws) == 1},  # unambiguous only
            shortest,
        )

    def undo(self, word: str) -> str | None:
        """The known word `word` is with one slip undone, if there is one."""
        found = self.swapped(word) or self.shortened.get(word)
        if found is None and len(word) > self.shortest:
            found = next((w for w in without_one(word) if w in self.words), None)
        return found

    def swapped(self, word: str) -> str | None:
        for other in self.by_letters.get("".join(sorted(word)), ()):
            diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
            if len(diff) == 2 and diff[1] == diff[0] + 1:
                return other
        return None


def without_one(word: str) -> Iterable[str]:
    return (word[:i] + word[i + 1:] for i in range(len(word)))
