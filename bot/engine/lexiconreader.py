"""Phrases of the safety lexicon read as the scan reads a message: the content validator,
plus each phrase normalised once with the scan's own tokeniser, so that matching at reply
time is a dictionary lookup per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Set
from pathlib import Path
from typing import Any

from .errors import Problem
from .lexicon import GAP
from .normalise import fold, strip_controls
from .safetytext import CLAUSE, SENTENCE, tokens
from .validation import Collector
from .yamlfile import Located, line_of

__all__ = ["Reader"]

_CLASS = re.compile(r"\{([a-z-]+)\}")  # "took lotsof * {medicine}": one phrase per medicine
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLES = frozenset({"a", "an", "the"})  # fillers a phrase may hold without a word of warning


def _one_word(word: str) -> bool:
    """Letters only, with the vowel signs of Indic scripts ("साल"), which are marks, not letters."""
    return bool(word) and all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in word)


class Reader(Collector):
    """The content validator, plus phrases normalised the way the safety scan reads a message."""

    def __init__(self, root: Path, path: Path, problems: list[Problem], fillers: frozenset[str],
                 spellings: Mapping[str, str], classes: Mapping[str, tuple[str, ...]] | None = None,
                 aliases: Mapping[str, tuple[str, ...]] | None = None) -> None:
        super().__init__(root, path, problems)
        self.fillers = fillers
        self.spellings = spellings
        # the typed words that are, or are spelt out to, a filler: a phrase with none of them
        # cannot lose a word, so it is not tokenised a second time to find out
        self._filler_words = fillers | {typed for typed, out in spellings.items() if fillers.intersection(out.split())}
        self.classes = classes or {}  # "{medicine}" -> its members
        self.aliases = aliases or {}  # "lotsof" is also "hightemp": 40 is both

    def mapping(self, value: Any, line: int | None, what: str, allowed: Set[str],
                required: Set[str] = frozenset()) -> bool:  # type: ignore[override]
        if not super().mapping(value, line, what, set(allowed)):
            return False
        for key in sorted(required - set(value)):
            self.error(value.line, f"{what} has no {key!r}")
        return True

    def one_words(self, doc: Located, key: str) -> frozenset[str]:
        """A list of single lower-case words ('unstemmed', 'homographs', 'amounts'), each compared
        with one word of a message as typed."""
        if key not in doc:
            return frozenset()
        listed = self.text_list(doc[key], line_of(doc, key), f"{key!r}")
        for word in listed:
            if not _one_word(word) or word != word.lower():
                self.error(line_of(doc, key), f"{key!r}: {word!r} is not one lower-case word")
        return frozenset(listed)

    def phrases(self, owner: Located, key: str, what: str, gaps: bool = False) -> tuple[tuple[str, ...], ...]:
        return self.phrase_list(owner.get(key), line_of(owner, key), f"{what}: {key!r}", gaps)

    def optional_phrases(self, doc: Located, key: str, gaps: bool = True) -> tuple[tuple[str, ...], ...]:
        """A top-level list of phrases the file may leave out ('panic', 'accidents', ...): none then."""
        return self.phrases(doc, key, repr(key), gaps) if key in doc else ()

    def phrase_list(self, raw: Any, line: int | None, what: str, gaps: bool = False) -> tuple[tuple[str, ...], ...]:
        found: dict[tuple[str, ...], None] = {}  # in order; a dict, not a list: a class expands to hundreds
        keep = frozenset({GAP}) if gaps else frozenset()
        plain: dict[tuple[str, ...], tuple[int | None, str]] = {}  # gap-free phrases, and where
        gapped: dict[tuple[str, ...], str] = {}                    # a gapped phrase by its words
        also: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # other forms a message may take
        for where, text in self._expanded(self.located_texts(raw, line, what), what):
            read = tokens(strip_controls(text), self.spellings, self.fillers, keep)
            words = tuple(w for w in read if w not in (CLAUSE, SENTENCE))
            also[words] = _other_forms(text, read, self.spellings, self.fillers, keep)
            if not words or all(w == GAP for w in words):
                self.error(where, f"{what}: {text!r} has no words left after normalising")
            elif GAP in words and (words[0] == GAP or words[-1] == GAP):
                self.error(where, f"{what}: {text!r}: a '*' gap must stand between words")
            elif words in found:
                self.error(where, f"{what}: {text!r} is listed twice")
            else:
                found[words] = None
                self._warn_filler(where, what, text, words, keep)
                bare = tuple(w for w in words if w != GAP)
                if GAP in words:
                    gapped.setdefault(bare, text)
                else:
                    plain[bare] = (where, text)
        for bare in plain.keys() & gapped.keys():  # a '*' may stand for no word at all
            where, text = plain[bare]
            self.error(where, f"{what}: {text!r} is listed twice: {gapped[bare]!r} already matches it")
        return tuple(dict.fromkeys(variant for words in found for form in (words, *also[words])
                                   for variant in self._aliased(form)))

    def _aliased(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A phrase with a number's name, also with each name a number in its range may be read
        as instead: a number reads as the first name whose range holds it, so "took 40 pills"
        reads "took hightemp pills" and must still meet "took lotsof * pills"."""
        out = [words]
        for i, word in enumerate(words):
            out += [(*variant[:i], alias, *variant[i + 1:]) for variant in out for alias in self.aliases.get(word, ())]
        return out

    def _expanded(self, texts: list[tuple[int | None, str]], what: str) -> list[tuple[int | None, str]]:
        """A phrase naming a class (`{medicine}`) stands for one phrase per member, so a list
        of names is kept once rather than copied under every verb that takes it."""
        out: list[tuple[int | None, str]] = []
        for where, text in texts:
            named = _CLASS.search(text)
            if named is None:
                out.append((where, text))
            elif named[1] not in self.classes:
                self.error(where, f"{what}: {text!r} names no class {named[0]!r} (known: "
                                  f"{', '.join(sorted(self.classes)) or 'none'})")
            else:
                start, end = named.span()
                more = [(where, text[:start] + member + text[end:]) for member in self.classes[named[1]]]
                out.extend(self._expanded(more, what))
        return out

    def _warn_filler(self, where: int | None, what: str, text: str, words: tuple[str, ...],
                     keep: frozenset[str]) -> None:
        """A filler inside a phrase is dropped from messages too, so the phrase says less than
        it seems to: "breathing really slow" is "breathing slow", "not literally" a bare "not".
        So is a word of another language whose accents, dropped, make it one or an article,
        told when the phrase is left one word: Vietnamese "thi thể" (a body) was read as "thi",
        which is also "thì" (then), and "không ăn" (not eating) as "không" (not)."""
        folded = {w: fold(w) for w in _WORD.findall(text.lower()) if not w.isascii()}
        lost = [f"{w!r} read as {f!r}" for w, f in folded.items() if f in self.fillers or f in _ARTICLES]
        if lost and len(words) == 1:
            self.warn(where, f"{what}: {text!r} is read as {' '.join(words)!r} "
                             f"({', '.join(lost)}, a filler, dropped from messages too)")
            return
        if self._filler_words.isdisjoint(_WORD.findall(text.lower())):
            return
        lost = [repr(w) for w in tokens(text, self.spellings, _ARTICLES, keep) if w in self.fillers]
        if lost:
            self.warn(where, f"{what}: {text!r} is read as {' '.join(words)!r} "
                             f"({', '.join(lost)} is a filler, dropped from messages too)")


def _other_forms(text: str, read: list[str], spellings: Mapping[str, str], fillers: frozenset[str],
                 keep: frozenset[str]) -> list[tuple[str, ...]]:
    """The forms of a phrase a message may take besides its words alone. Written with a comma
    ("bye everyone, forgive me"), it meets a message typed with one, whose comma the scan reads
    as a clause mark. Written with a zero-width non-joiner, as Persian joins "می" to its verb,
    it meets a message that puts a space there as well as one that types it (which the bot
    drops, as it drops every invisible character)."""
    forms = []
    if CLAUSE in read and SENTENCE not in read:
        forms.append(tuple(read))
    if "\u200c" in text:
        spaced = tokens(text.replace("\u200c", " "), spellings, fillers, keep)
        forms.append(tuple(w for w in spaced if w not in (CLAUSE, SENTENCE)))
    return forms
