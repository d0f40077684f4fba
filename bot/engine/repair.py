"""Spelling repair against the words the content knows: 'theraphy' -> 'therapy', chosen by
its neighbours ('geen therapy' is 'gene', not 'green'), remembered between messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .index import Index, Repairs
from .memo import remember

__all__ = ["MAX_REMEMBERED", "MAX_REPAIRS", "Near", "Repaired", "repair"]


MAX_REPAIRS = 40
MAX_REMEMBERED = 20_000  # spelling repairs kept between messages


Near = Mapping[str, tuple[str, ...]]  # each word spelling repair looked up -> known words near it


class Repaired(NamedTuple):
    strict: list[str]  # for the rules
    loose: list[str]   # for fuzzy ranking
    near: Near


def repair(index: Index, words: list[str]) -> Repaired:
    """Replace misspelt words with the closest word the content knows ('theraphy' -> 'therapy').

    Returns two versions: for the rules, inflections are left alone ("year" must not become
    "years" and so dodge a "last year" guard); for fuzzy ranking they help ("risk" -> "risks").
    And the known words near each word it looked up, for the ranking to compare examples with.
    A word's possible repairs depend only on the content, so they are looked up once and
    remembered (index.repairs, bounded): a message's sentences, and later messages, reuse them.
    Which one is meant depends on its neighbours: "geen therapy" is "gene", not "green".
    """
    fixes, known, shortest = index.repairs, index.known, index.settings.min_correctable
    strict: list[str] = []
    loose: list[str] = []
    near: dict[str, tuple[str, ...]] = {}
    budget = MAX_REPAIRS  # new words looked up per message: the cost stays that of a short message
    for i, word in enumerate(words):
        looked_up = fixes.get(word)
        if looked_up is None:
            if word in known or not budget or len(word) < shortest or word.isdigit():
                strict.append(word)
                loose.append(word)
                continue
            budget -= 1
            looked_up = remember(fixes, word, _repairs_of(index, word), MAX_REMEMBERED)
        near[word] = looked_up.near
        options = looked_up.options
        if len(options) > 1:
            after = words[i + 1] if i + 1 < len(words) else None
            fix = _in_context(index, options, loose[-1] if loose else None, after)
        else:
            fix = options[0] if options else word
        loose.append(fix)
        strict.append(word if fix.startswith(word) or word.startswith(fix) else fix)
    return Repaired(strict, loose, near)


def _repairs_of(index: Index, word: str) -> Repairs:
    """The known words `word` may be a misspelling of, likeliest first (the closest by ratio,
    then one vowel off, "theropy", then one slip of the keys, "waht", "reserch"), and the
    known words merely near it, from the same search."""
    s = index.settings
    near = process.extract(word, index.vocabulary.get(len(word), ()), scorer=fuzz.ratio, processor=None,
                           score_cutoff=s.near_at, limit=5)
    found = [c for c, score, _i in near if score >= s.correct_at][:3]
    if len(word) >= s.min_one_typo:
        found.append(_one_vowel_off(word, index.slips.words) or "")
    found.append(index.slips.undo(word) or "")
    return Repairs(tuple(w for w in dict.fromkeys(found) if w), tuple(c for c, _score, _i in near))


def _in_context(index: Index, options: tuple[str, ...], before: str | None, after: str | None) -> str:
    """Of a word's possible repairs, the first that stands next to its neighbour somewhere in
    the content ("gene therapy", "kinds of"), else the likeliest."""
    neighbours, nothing = index.neighbours, frozenset()
    return next((o for o in options if not neighbours.get(o, nothing).isdisjoint((before, after))), options[0])


_VOWELS = "aeiouy"


def _one_vowel_off(word: str, known: frozenset[str]) -> str | None:
    """A known word that differs from `word` in one vowel only ("theropy" -> "therapy").

    One wrong letter in a short word is under any ratio cutoff that does not also merge
    different words; a wrong vowel is the commonest such slip, and a wrong consonant is too
    often another real word ("project" is not "protect"). The few words one vowel away are
    looked up, the first in alphabetical order when several are known.
    """
    found = {word[:i] + v + word[i + 1:] for i, c in enumerate(word) if c in _VOWELS for v in _VOWELS if v != c}
    return min(found & known, default=None)
