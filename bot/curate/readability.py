"""How hard a text is to read, as a US school grade (Flesch-Kincaid).

Answers go to patients and worried relatives, so `genebot check` warns when an answer reads
above grade 9. Syllables are counted with the usual vowel-group heuristic: exact enough to
rank texts and catch a long-winded answer, not a linguistic truth about every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Readability", "analyse", "flesch_kincaid_grade", "syllables"]

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs that are usually two syllables ("tri-al", "bi-ol-o-gy", "ac-tu-al"), except
# after letters that merge them ("spe-cial", "na-tion", "qual-i-ty", "lan-guage").
_SPLIT_PAIRS = re.compile(r"(?<![cts])ia|(?<![cstx])io|(?<![qg])ua")


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
        if not self.words:
            return 0.0
        return round(
            0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 2
        )

    @property
    def ease(self) -> float:
        """Flesch reading ease: 100 is very easy, below 50 is hard."""
        if not self.words:
            return 100.0
        return round(
            206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 2
        )


def syllables(word: str) -> int:
    """Estimated syllables of one word; an acronym is spelt out ("FDA" is three)."""
    letters = word.replace("’", "'").strip("'-")
    if len(letters) > 1 and letters.isalpha() and letters.isupper():
        return len(letters)
    return sum(_part_syllables(part) for part in re.split(r"[-']", letters.lower()) if part)


def _part_syllables(w: str) -> int:
    count = len(_VOWEL_GROUPS.findall(w)) + len(_SPLIT_PAIRS.findall(w))
    if count > 1 and w.endswith("e") and not w.endswith(("le", "ee", "ye")):
        count -= 1  # silent final e: "cake", "changes" keeps its "es" below
    elif count > 1 and w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy":
        count -= 1  # "used", "changed", but "added", "agreed"
    return max(count, 1)


def analyse(text: str) -> Readability:
    """Count words, sentences and syllables; a text without an end mark is one sentence."""
    words = _WORD.findall(text)
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return Readability(
        words=len(words),
        sentences=max(len(pieces), 1),
        syllables=sum(syllables(w) for w in words),
    )


def flesch_kincaid_grade(text: str) -> float:
    return analyse(text).grade
