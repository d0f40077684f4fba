"""A learned reader of letters, for emergencies told in another language.

The lexicon and the word model (textmodel.py) read English: their phrases, stems, spelling
repair and context triggers are English ones. A crisis in Spanish, Hindi or Chinese passed
them by unless a phrase of the lexicon was written in the very words the writer chose, and
phrases tuned on one writer's messages reached few of another's. This reader weighs the
letters instead: each word's runs of two to four letters ("morir", "muero" and "muerte" share
"_mu", "mor"; "自杀" and "想自杀" share "自杀"), which carries over to inflections, other
spellings and writers, as scikit-learn's ``char_wb`` analyzer reads them.

It speaks only on a message in another language (``other_language``): in English the lexicon
reads context, which this reader cannot, and the word model is trained on English messages
alone (a message in another language is this reader's). The arithmetic is the word model's
(SafetyModel), with letter runs as its features; `genebot train-model` trains both.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from collections.abc import Set as AbstractSet
from pathlib import Path

from .normalise import fold
from .safetytext import SAFETY_MAX_CHARS

__all__ = ["LETTER_MODEL", "NGRAMS", "TAILS", "counts_nothing", "letter_features", "letters", "other_language",
           "script", "speaks_in"]

LETTER_MODEL = Path("intents") / "lexicon" / "letter-model.yaml"  # generated: genebot train-model
NGRAMS = (2, 4)
_WORDS = re.compile(r"[^\W\d_]+")
_ASCII_WORDS = re.compile(r"[a-zA-Z]+")  # the same in ASCII text, most messages: a third faster
_SAMPLE = 400  # letters enough to tell a message's script


def letters(text: str) -> list[str]:
    """The message's words, folded (lower case, no accents), letters only."""
    text = text[:SAFETY_MAX_CHARS]
    folded = fold(text, 2 * len(text))
    return (_ASCII_WORDS if folded.isascii() else _WORDS).findall(folded)


def letter_features(words: list[str]) -> list[str]:
    """Each word's letter runs, the word padded with "_" each side (a word's edge, written so
    that a feature is one token in the model file): scikit-learn's ``char_wb`` analyzer, which
    pads with a space (a padded word shorter than a run length gives itself once)."""
    low, high = NGRAMS
    grams: list[str] = []
    for word in words:
        padded = f"_{word}_"
        size = len(padded)
        for n in range(low, high + 1):
            grams.append(padded[:n])
            offset = 0
            while offset + n < size:
                offset += 1
                grams.append(padded[offset:offset + n])
            if offset == 0:
                break
    return grams


TAILS = frozenset({"ve", "ll"})  # of "i've", "you'll": English words, split off by letters()


def other_language(words: list[str], cues: AbstractSet[str], english: Collection[str],
                   theirs: AbstractSet[str], ours: Collection[str]) -> bool:
    """Whether a message is written, at least in part, in another language: a word in another
    script, or two of the common words of other languages (intents/language.yaml), or one with
    no English stopword of three letters or more beside it. A lone cue among English words ("the
    ER", "my nan", "beta thal", "per kg") is an English message, and the word model's; short
    stopwords ("a", "am", "no", "me") are words of other languages too.

    Failing those, words that only the language files' phrases use (``theirs``, none of them a
    word the bot knows as English) outnumbering the English words the bot knows (``ours``),
    two of them at least: "ik wil niet meer leven" or "dormir y no despertar" have no common
    word of their language's list, and read as English they were English typos ("leven":
    "even", "despertar": "despierta") that no phrase of their file could meet. An English word
    of two letters counts half against them: "si", "yo", "no" and "me" are Spanish too, and "seria
    mejor si yo no existiera" had been read as English ("serial"). The tail of a contraction
    ("ve" of "i've", "ll") is English whatever its length, and so is the word before a "t" ("don"
    of "don't"): "I've met Tom before" and "I don't want to disturb Tom" stay English."""
    if counts_nothing(words, cues, theirs) and "".join(words).isascii():
        return False  # most messages: none of what the count below looks for
    found = other = 0
    known = 0.0
    for i, w in enumerate(words):
        if not w.isascii():
            return True
        if w in cues:
            found += 1
        elif len(w) == 1:  # "y" is "and" or "why", "a" a word of many languages
            continue
        elif i + 1 < len(words) and words[i + 1] == "t":  # "don't", "didn't": English ("don" is Pidgin too)
            known += 1.0
        elif w in theirs:
            other += 1
        elif w in ours:
            known += 1.0 if len(w) > 2 or w in TAILS else 0.5
    if found > 1:
        return True
    if found == 1 and not any(len(w) >= 3 and w in english for w in words):  # no cue is a stopword (content.py)
        return True
    return found + other >= 2 and found + other > known


def counts_nothing(words: list[str], cues: AbstractSet[str], theirs: AbstractSet[str]) -> bool:
    """Whether none of the words is one ``other_language`` counts for another language (a common
    word of one, or a word only the language files use): two C calls, where the count is a loop."""
    return cues.isdisjoint(words) and theirs.isdisjoint(words)


def script(words: list[str]) -> str | None:
    """The script most of the message's first letters are written in, as Unicode names it
    ("LATIN", "ARABIC", "CJK", "GURMUKHI"); None without a letter."""
    sample = itertools.islice((ch for word in words for ch in word), _SAMPLE)
    counts = Counter("LATIN" if ch.isascii() else unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0] for ch in sample)
    return counts.most_common(1)[0][0] if counts else None


def speaks_in(words: list[str], scripts: Collection[str] | None) -> bool:
    """Whether the letter reader may judge a message: one in a script it learned ordinary text
    in (``scripts`` of its file; None, no such list: any)."""
    return scripts is None or script(words) in scripts
