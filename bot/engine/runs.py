"""Words typed without spaces ("imgoingtoendittonight"), split back into the words they are.

People in a hurry, or on a phone keyboard that lost its space bar, run a whole sentence
together. Spelling repair cannot read such a run: it is no misspelling of any one word. The
run is split into the fewest known words that spell it exactly, by dynamic programming over
its prefixes: quadratic in its length, so only runs of MIN_RUN to MAX_RUN letters are tried,
and only when the scan knows no word like them.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["MAX_RUN", "MIN_RUN", "split_run"]

MIN_RUN = 8    # shorter unknown words are misspellings far more often than runs
MAX_RUN = 48
LONGEST_PIECE = 20
ONE_LETTER = frozenset({"i", "a"})


def split_run(word: str, known: Callable[[str], bool]) -> tuple[str, ...] | None:
    """The fewest known words (two or more) that spell `word` exactly, else None."""
    n = len(word)
    if not MIN_RUN <= n <= MAX_RUN or not word.isalpha():
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - LONGEST_PIECE), end):
            before = best[start]
            if before is None:
                continue
            piece = word[start:end]
            if (len(piece) > 1 or piece in ONE_LETTER) and known(piece):
                found = best[end]
                if found is None or len(before) + 1 < len(found):
                    best[end] = (*before, piece)
    pieces = best[n]
    return pieces if pieces is not None and len(pieces) > 1 else None
