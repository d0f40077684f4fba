"""Phrases of the safety lexicon read as the scan reads a message: the content validator,
plus each phrase normalised once with the scan's own tokeniser, so that matching at reply
time is a dictionary lookup per word.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import Problem
from .lexicon import GAP
from .safetytext import CLAUSE, SENTENCE, tokens
from .validation import Collector
from .yamlfile import Located, line_of

__all__ = ["Reader"]

_ARTICLES = frozenset({"a", "an", "the"})  # fillers a phrase may hold without a word of warning


class Reader(Collector):
    """The content validator, plus phrases normalised the way the safety scan reads a message."""

    def __init__(self, root: Path, path: Path, problems: list[Problem], fillers: frozenset[str],
                 spellings: Mapping[str, str]) -> None:
        super().__init__(root, path, problems)
        self.fillers = fillers
        self.spellings = spellings

    def mapping(self, value: Any, line: int | None, what: str, allowed: set[str],
                required: set[str] = frozenset()) -> bool:  # type: ignore[override]
        if not super().mapping(value, line, what, allowed):
            return False
        for key in sorted(required - set(value)):
            self.error(value.line, f"{what} has no {key!r}")
        return True

    def phrases(self, owner: Located, key: str, what: str, gaps: bool = False) -> tuple[tuple[str, ...], ...]:
        return self.phrase_list(owner.get(key), line_of(owner, key), f"{what}: {key!r}", gaps)

    def phrase_list(self, raw: Any, line: int | None, what: str, gaps: bool = False) -> tuple[tuple[str, ...], ...]:
        found: list[tuple[str, ...]] = []
        keep = frozenset({GAP}) if gaps else frozenset()
        plain: dict[tuple[str, ...], tuple[int | None, str]] = {}  # gap-free phrases, and where
        gapped: dict[tuple[str, ...], str] = {}                    # a gapped phrase by its words
        for where, text in self.located_texts(raw, line, what):
            words = tuple(w for w in tokens(text, self.spellings, self.fillers, keep) if w not in (CLAUSE, SENTENCE))
            if not words or all(w == GAP for w in words):
                self.error(where, f"{what}: {text!r} has no words left after normalising")
            elif GAP in words and (words[0] == GAP or words[-1] == GAP):
                self.error(where, f"{what}: {text!r}: a '*' gap must stand between words")
            elif words in found:
                self.error(where, f"{what}: {text!r} is listed twice")
            else:
                found.append(words)
                self._warn_filler(where, what, text, words, keep)
                bare = tuple(w for w in words if w != GAP)
                if GAP in words:
                    gapped.setdefault(bare, text)
                else:
                    plain[bare] = (where, text)
        for bare in plain.keys() & gapped.keys():  # a '*' may stand for no word at all
            where, text = plain[bare]
            self.error(where, f"{what}: {text!r} is listed twice: {gapped[bare]!r} already matches it")
        return tuple(found)

    def _warn_filler(self, where: int | None, what: str, text: str, words: tuple[str, ...],
                     keep: frozenset[str]) -> None:
        """A filler inside a phrase is dropped from messages too, so the phrase says less than
        it seems to: "breathing really slow" is "breathing slow", "not literally" a bare "not"."""
        lost = [w for w in tokens(text, self.spellings, _ARTICLES, keep) if w in self.fillers]
        if lost:
            self.warn(where, f"{what}: {text!r} is read as {' '.join(words)!r} "
                             f"({', '.join(map(repr, lost))} is a filler, dropped from messages too)")
