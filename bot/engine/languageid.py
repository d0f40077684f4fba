"""Which language a message is written in, among those the bot has words for.

The bot answers in English, but a line in the writer's own language at the top of a crisis,
emergency, personal-advice, glossed or "I can only read English" reply is what they read
first (translations.py).
It only has to tell apart the languages of its own files (the safety lexicon's and the
glossary's, intents/lexicon/), and only in a message the scan has already found is not
English, so it needs no general language model: each word of the message that some of those
files use is a vote, shared among the files that use it, and each letter of a script other
than Latin is a vote for the languages written in it ("ї" for Ukrainian alone, "这" for
Chinese, a kana for Japanese). The language with the most votes wins, and none when two tie
or there is too little to go on: a wrong language in a crisis is worse than English alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from .glossary import Glossary
from .normalise import MAX_CHARS, fold
from .scripts import SYLLABIC, THAI

__all__ = ["Languages", "build_languages"]

MIN_VOTES = 1.25   # a message's votes for a language before it is named ...
MIN_SHARE = 0.15   # ... of which its words' must be this share of the message's words at least
_LETTER_VOTE = 0.25  # a letter counts for less than a word: most are shared by a script's languages


@dataclass(frozen=True, slots=True)
class Languages:
    words: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))  # word -> files
    letters: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))  # letter -> files

    def identify(self, text: str) -> str | None:
        """The language of the message, or None: no file's words, or a tie. An English word
        among others ("gene", "therapy") says nothing: none is in ``words``."""
        return self.read(text)[0]

    def read(self, text: str) -> tuple[str | None, tuple[str, ...]]:
        """The language of the message (as ``identify``), and the languages it may be in: that
        one, or those tied for the most votes, each with a fair share of the message's words.
        Romanised Hindi and Urdu share nearly all their words: "ye dard bahut tez hai seene
        mein" ties, and is told no one language, but it is told in one of the two."""
        if not self.words:
            return None, ()
        folded = fold(text[:MAX_CHARS], MAX_CHARS)
        words: dict[str, float] = {}  # votes of words (and of Chinese, Japanese and Korean characters)
        letters: dict[str, float] = {}
        typed = folded.split()
        for word in typed:
            _share(words, self.words.get(word.strip(_PUNCTUATION), ()), 1.0)
        if not folded.isascii():
            for letter in folded:
                if letter.isalpha() and not letter.isascii():
                    if _SYLLABIC.match(letter):  # a word a character, as the scan reads them
                        _share(words, self.words.get(letter) or self.letters.get(letter, ()), 1.0)
                    else:
                        _share(letters, self.letters.get(letter, ()), _LETTER_VOTE)
        votes = dict(letters)
        for language, vote in words.items():
            votes[language] = votes.get(language, 0.0) + vote
        # Its own words must be a fair share of the message: a language the bot has no file
        # for shares letters and a few words with one it has (Bulgarian with Russian, Pashto
        # with Persian), but seldom as many.
        fair = MIN_SHARE * len(typed)
        top = max(votes.values(), default=0.0)
        maybe = tuple(sorted(language for language, vote in votes.items()
                             if vote >= top >= MIN_VOTES and words.get(language, 0.0) >= fair))
        named = _winner(votes)
        return (named if named in maybe else None), maybe


_SYLLABIC = re.compile(f"[{SYLLABIC}{THAI}]")  # Thai as the scan reads it: a letter a word
# what may stand at either end of a word: ASCII and general punctuation, and other scripts' marks
_PUNCTUATION = ("".join(chr(c) for c in range(0x2000, 0x206f))
                + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¿¡«»،؟।॥。、！？，：；")


def _share(votes: dict[str, float], languages: tuple[str, ...], vote: float) -> None:
    for language in languages:
        votes[language] = votes.get(language, 0.0) + vote / len(languages)


def _winner(votes: dict[str, float]) -> str | None:
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < MIN_VOTES:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def build_languages(vocabularies: Mapping[str, frozenset[str]], glossary: Glossary,
                    english: Collection[str]) -> Languages:
    """From the safety lexicon's language files (their words by file name) and the glossary's
    forms: each word and each letter other than Latin, with the files that use it. A word that
    is also English names no language ("no", "me", "a")."""
    words: dict[str, set[str]] = {}
    letters: dict[str, set[str]] = {}

    def add(language: str, found: Iterable[str], run: str) -> None:
        for word in found:
            if word not in english and any(c.isalpha() for c in word):
                words.setdefault(word, set()).add(language)
        for letter in run:
            if letter.isalpha() and not letter.isascii() and _script(letter) != "LATIN":
                letters.setdefault(letter, set()).add(language)

    for language, vocabulary in vocabularies.items():
        add(language, vocabulary, "".join(vocabulary))
    for form, readings in glossary.words.items():
        for language, _english in readings:
            add(language, form, "".join(form))
    for run, readings in glossary.runs.items():  # a run of Chinese or Thai letters: its letters only
        for language, _english in readings:
            add(language, (), run)
    return Languages(MappingProxyType({w: tuple(sorted(ls)) for w, ls in words.items()}),
                     MappingProxyType({c: tuple(sorted(ls)) for c, ls in letters.items()}))


@lru_cache(maxsize=4096)
def _script(letter: str) -> str:
    """The first word of a letter's Unicode name: LATIN, CYRILLIC, CJK, HIRAGANA, ARABIC..."""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
