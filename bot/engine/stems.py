"""Word stems for the coverage view, so a question meets the content's words in any
inflection ("triggering", "triggered" and "triggers" all count as "trigger").

The stripper is light and only has to be consistent (content and messages go through the
same function), not linguistically right: "gene" and "genes" both become "gen". It is kept
apart from the safety lexicon's stemmer, whose behaviour the safety sets were tuned on.
"""

from __future__ import annotations

from functools import lru_cache

_KEEP_S = ("ss", "us", "is", "ous")
_SIBILANT = ("sses", "xes", "zes", "ches", "shes")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The shared stem of a word's inflections: plural, -ing, -ed, a final silent e."""
    if len(word) <= 3 or not word.isalpha():
        return word
    base = word
    if base.endswith("ies") and len(base) > 4:
        base = base[:-3] + "y"
    elif base.endswith(_SIBILANT):
        base = base[:-2]
    elif base.endswith("s") and not base.endswith(_KEEP_S):
        base = base[:-1]
    elif base.endswith("ing") and len(base) >= 6:
        base = _undouble(base[:-3])
    elif base.endswith("ed") and len(base) >= 5:
        base = _undouble(base[:-2])
    if base.endswith("e") and len(base) > 3:
        base = base[:-1]
    return base


def _undouble(base: str) -> str:
    """"stopped" -> "stop", "cutting" -> "cut"; but "killing" keeps its ll as "kill" does."""
    if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "lsz":
        return base[:-1]
    return base
