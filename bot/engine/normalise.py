"""Turning what a person typed into the canonical form that rules and fuzzy matching see.

The same function normalises the example phrasings at load time and every message at
reply time, so both sides of every comparison are alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

__all__ = ["MAX_CHARS", "fold", "join_contractions", "normalise", "has_readable_text", "strip_controls"]

# A long message costs no more than its beginning: people put the question up front, and an
# emergency described further down still gets the emergency rules of the first part.
MAX_CHARS = 1000

_APOSTROPHES = re.compile(r"[\'’ʼ`´‘]")
# A contraction whose apostrophe became a space ("can t", "i m", "it s"), as some keyboards,
# copy-pastes and data exports leave it: joined back, it reads as the contraction typed without
# its apostrophe ("cant", "im"), which the spellings and the lexicon know.
_SPLIT_CONTRACTION = re.compile(
    r"\b(?:(can|don|won|isn|aren|wasn|weren|didn|doesn|hasn|haven|hadn|couldn|wouldn|shouldn|ain) (t)"
    r"|(i) (m)|(i|you|we|they) (ve|ll|re|d)|(it|that|what|there|he|she|who) (s|ll|d))\b"
)
_LONE_ENDING = re.compile(r" (?:t|m|s|d|ve|ll|re)\b")  # a cheap first look: most text has none
_NON_WORD = re.compile(r"[\W_]+")
# An abbreviation written with dots ("u.s.", "u.k", "e.g.") is one word, not letters: "u" alone
# is the chat spelling of "you", and "the U.S." is no "the you s".
_DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")
_JAMO = re.compile(r"[\u1100-\u11ff]")
# Marks written inside a word, read as breaks they split it in two: Armenian emphasis,
# exclamation and question marks over a vowel ("Ի՞նչ", what?), Hebrew geresh and gershayim
# (or a plain quote) in an abbreviation ("מד״א", the ambulance service), and the joiner after
# a virama that old Malayalam keyboards type for a final consonant ("ജീന്‍"); a final
# consonant's own letter (chillu) is read as the consonant, as that older spelling is.
_INNER = re.compile(r"[\u055b\u055c\u055e\u05f3\u05f4]|(?<=[\u05d0-\u05ea])\"(?=[\u05d0-\u05ea])"
                    r"|(?<=[\u0d00-\u0d7f])\u200d")
_INNER_HINT = re.compile(r"[\u055b-\u055e\u05d0-\u05f4\u0d00-\u0d7f]")
_CHILLU = str.maketrans("\u0d7a\u0d7b\u0d7c\u0d7d\u0d7e\u0d7f", "\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def strip_controls(text: str) -> str:
    """Drop control and bidi-override characters that must never reach a terminal or page."""
    return _CONTROL.sub("", text)


def fold(text: str, limit: int | None = None) -> str:
    """NFKC, casefold, and drop accents so 'thérapie' and 'ＴＨＥＲＡＰＹ' compare as plain letters.

    ``limit`` caps the text right after NFKC, which can expand one character eighteen-fold,
    so the rest of the work is bounded by it.
    """
    if text.isascii():  # the common case: NFKC changes nothing and casefold is lower
        return text.lower()[:limit]
    text = unicodedata.normalize("NFKC", text).casefold()[:limit]
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if _INNER_HINT.search(folded):
        folded = _INNER.sub("", folded).translate(_CHILLU)
    # NFKD takes a Korean syllable apart into its letters; put them back, or "죽" is three
    # letters and no longer the syllable a phrase is written in.
    return unicodedata.normalize("NFC", folded) if _JAMO.search(folded) else folded


def join_contractions(folded: str) -> str:
    """Folded text with its apostrophes dropped, and contractions split by a space joined."""
    folded = _APOSTROPHES.sub("", folded)
    if _LONE_ENDING.search(folded) is None:
        return folded
    return _SPLIT_CONTRACTION.sub(lambda m: "".join(g for g in m.groups() if g), folded)


def normalise(text: str, spellings: Mapping[str, str]) -> str:
    """Lower-case words separated by single spaces, chat spellings expanded."""
    folded = join_contractions(fold(text[:MAX_CHARS], MAX_CHARS)[:MAX_CHARS])
    if "." in folded:
        folded = _DOTTED.sub(lambda m: m.group().replace(".", "") + " ", folded)
    words = _NON_WORD.sub(" ", folded).split()
    return " ".join(spellings.get(word, word) for word in words)


def has_readable_text(normalised: str) -> bool:
    """True when the message has Latin letters or digits, the only script the content is in."""
    return any("a" <= ch <= "z" or ch.isdigit() for ch in normalised)
