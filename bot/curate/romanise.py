"""Hindi in Latin letters, the way it is typed in chat ("mujhe kuch samajh nahi aa raha").

Many Hindi and Urdu speakers type their language in Latin letters, and the letter reader
(bot/engine/lettermodel.py) met romanised Hindi only in danger phrases and a few tuning
messages. It learned "nahi" and "mujhe" as danger, and called "bhai mujhe kuch samajh nahi aa
raha" ("brother, I don't understand anything") a crisis. Tatoeba's Hindi sentences are in
Devanagari; written out in Latin letters by the chat convention (आ as "a" inside a word, ई as
"i", the inherent vowel dropped at a word's end and between a vowel and a consonant that
carries its own), they give the reader ordinary romanised Hindi. The rules are the common
ones, not a standard: "नहीं" comes out "nahin" and "कुछ" "kuchh", both usual spellings.
"""

from __future__ import annotations

import unicodedata

__all__ = ["romanised"]

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh",
    "ष": "sh", "स": "s", "ह": "h",
}
_WITH_NUKTA = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "फ": "f", "ड": "r", "ढ": "rh", "य": "y"}
_VOWELS = {"अ": "a", "आ": "aa", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au",
           "ऋ": "ri"}
_SIGNS = {"ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ृ": "ri",
          "ॅ": "e", "ॉ": "o"}
_MARKS = {"ं": "n", "ँ": "n", "ः": "h"}
_VIRAMA, _NUKTA = "्", "़"
_INHERENT, _NONE, _OTHER = None, "", "-"  # a consonant's vowel: not yet known, none, not a syllable


def _syllables(word: str) -> list[list[str | None]]:
    """[Latin letters, vowel, Devanagari consonant] of each letter; a consonant's vowel is
    _INHERENT until a sign says otherwise."""
    units: list[list[str | None]] = []
    for char in unicodedata.normalize("NFD", word):  # a nukta apart from its letter
        last = units[-1] if units else None
        if char in _CONSONANTS:
            units.append([_CONSONANTS[char], _INHERENT, char])
        elif char == _NUKTA and last is not None and last[2] in _WITH_NUKTA:
            last[0] = _WITH_NUKTA[str(last[2])]
        elif char in _SIGNS and last is not None and last[1] is _INHERENT:
            last[1] = _SIGNS[char]
        elif char == _VIRAMA and last is not None and last[1] is _INHERENT:
            last[1] = _NONE
        elif char in _VOWELS:
            units.append(["", _VOWELS[char], None])
        elif char in _MARKS:
            units.append([_MARKS[char], _OTHER, None])
        elif char != _NUKTA:
            units.append([char, _OTHER, None])
    return units


def _word(word: str) -> str:
    units = _syllables(word)
    if len(units) > 1 and units[-1][1] is _INHERENT:
        units[-1][1] = _NONE  # no vowel at a word's end: "samajh", not "samajha"
    for k in range(len(units) - 1, -1, -1):
        if units[k][1] is not _INHERENT:
            continue
        after = units[k + 1] if k + 1 < len(units) else None
        vowel_before = k > 0 and units[k - 1][1] not in (_NONE, _OTHER)
        vowel_after = after is not None and after[0] != "" and after[1] not in (_NONE, _OTHER)
        units[k][1] = _NONE if vowel_before and vowel_after else "a"  # "karna", not "karana"
    return "".join(str(latin) + (vowel if vowel not in (None, _OTHER) else "") for latin, vowel, _ in units)


def romanised(text: str) -> str:
    """Devanagari Hindi in Latin letters; other characters as they are."""
    return " ".join(_word(w) for w in text.split())
