"""Words and boundaries for the safety scan: the whole message, in linear time.

Unlike topic matching, which reads only the first ``MAX_CHARS``, the safety scan reads every
character up to ``SAFETY_MAX_CHARS`` (above any request the web API accepts), so an
emergency told at the end of a long story is still seen. Punctuation is kept as two
boundary marks, because ConText scopes end there: "," ends a clause, ".?!;" a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .normalise import fold, join_contractions
from .scripts import (
    CLAUSE_MARKS,
    INDIC_SIGNS,
    QUESTION_MARKS,
    SENTENCE_MARKS,
    SYLLABIC,
    THAI,
    THAI_LETTER,
    THAI_WRITTEN,
)

__all__ = ["CLAUSE", "SAFETY_MAX_CHARS", "SENTENCE", "YEAR", "AsideCut", "asked_after", "mostly_in", "script_runs",
           "sentence_parts", "sentences", "split_at", "tokens"]

SAFETY_MAX_CHARS = 20_000
CLAUSE, SENTENCE = ",", "."
YEAR = "yyyy"  # any year 1900-2099, so the lexicon can say "in yyyy" (a past event)
# Thai has no comma: a space between two of its words ends a clause, where English puts one.
_THAI_SPACE = re.compile(f"(?<=[{THAI_WRITTEN}]) +(?=[{THAI_WRITTEN}])")
_THAI_SPACE_HINT = re.compile(f"[{THAI_WRITTEN}] ")
_LETTERS = r"(?:[^\W\d_" + SYLLABIC + THAI + r"]|[" + INDIC_SIGNS + r"])+"
_QUESTION_MARKS = frozenset(QUESTION_MARKS)
_PIECES = re.compile(r"\d+(?:[.,]\d+)*|[" + SYLLABIC + r"]|" + THAI_LETTER + r"|" + _LETTERS + r"|\*"
                     + r"|[" + SENTENCE_MARKS + r"][" + SENTENCE_MARKS + r"\n]*|[" + re.escape(CLAUSE_MARKS) + r"]+")
# The same pieces in ASCII text, most messages: the classes of every script's letters cost
# 6 µs a message, plain letters 2.5 µs (checked equal on every evaluation message).
_ASCII_PIECES = re.compile(r"\d+(?:[.,]\d+)*|[a-zA-Z]+|\*|[" + SENTENCE_MARKS + r"][" + SENTENCE_MARKS + r"\n]*|["
                           + re.escape(CLAUSE_MARKS) + r"]+")
_YEAR = re.compile(r"(19|20)\d\d")
# A hyphen inside a word joins, it does not punctuate: "self-harm" is "self harm", "car-t" is
# "car t". Read as a clause mark, it split every hyphenated phrase of the lexicon.
_INNER_HYPHEN = re.compile(r"(?<=[^\W_])[-‐‑](?=[^\W_])")
# A symbol between letters hides a letter ("k*ll", "d!e", "su!cide"): people censor the very
# words the scan looks for. It becomes CENSORED, a letter no lexicon word has, for the scan to
# fill in from the lexicon.
CENSORED = "ʔ"
_CENSOR = re.compile(r"(?<=[^\W\d_])[*!@$#%0-9](?=[^\W\d_])")  # digits too: "k1ll", "su1c1de"
_CENSOR_HINT = re.compile(r"[*!@$#%0-9]")  # a plain search first: most messages hold none (0.7 against 3.4 µs)
# Letters typed one by one ("w a n t to d i e", "k i l l myself") hide a word as well; three
# single letters in a row are seldom anything else, so a run of them is read as one word
# (the reader then splits a run like "iwant" as it splits any words typed together).
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?: [^\W\d_]){2,}(?![^\W\d_])")
_SPACED_HINT = re.compile(r" [^\W\d_] [^\W\d_] ")  # two in a row: a cheap look before the costly one


_SENTENCES = re.compile(f"[^{re.escape(SENTENCE_MARKS)}\n]+[{re.escape(SENTENCE_MARKS)}\n]*")  # one, its marks


def split_at(words: Iterable[str], mark: str) -> list[list[str]]:
    """The words between each ``mark`` (a sentence's words between SENTENCE marks, a phrase's
    parts between its gaps), empty runs kept so the n-th run is the n-th sentence."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word == mark:
            runs.append([])
        else:
            runs[-1].append(word)
    return runs


def sentences(text: str) -> list[str]:
    """The message's sentences as typed (split at . ? ! ; : and line breaks), each with its marks."""
    return [part for part in _SENTENCES.findall(text[:SAFETY_MAX_CHARS]) if part.strip()]


def asked_after(joiners: Iterable[str], asking: Iterable[str]) -> re.Pattern[str] | None:
    """Where a question starts inside a sentence: before a joiner followed by a question word
    ("im on the bridge| also what is gene therapy?"); None where the lexicon lists neither."""
    joined = "|".join(r"\s+".join(map(re.escape, j.split())) for j in sorted(joiners, key=len, reverse=True))
    words = "|".join(map(re.escape, sorted(asking, key=len, reverse=True)))
    if not joined or not words:
        return None
    return re.compile(rf"\s+(?=(?:{joined})\s+(?:{words})\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AsideCut:
    """A part cut after an aside ("can you tell me", "i was wondering") within its first three
    words, with the words before it, else whole: "please can you tell me| sunt pe pod si o sa
    sar" asks in one language and tells in another. Only near the start: "who should join a
    phase i trial" has its aside ("phase i") inside the question. The pattern is tried only
    where one of the first three words can begin an aside: its alternatives cost a few
    microseconds a part, and most parts have none. (A class, not a closure: the bot is pickled
    for the start-up cache, botcache.py.)"""

    pattern: re.Pattern[str] | None
    first_words: frozenset[str]

    @classmethod
    def of(cls, asides: Collection[tuple[str, ...]]) -> AsideCut:
        listed = "|".join(r"\s+".join(map(re.escape, a)) for a in sorted(asides, key=len, reverse=True) if a)
        pattern = re.compile(rf"^\s*(?:\S+\s+){{0,2}}?(?:{listed})\b", re.IGNORECASE) if listed else None
        return cls(pattern, frozenset(a[0] for a in asides if a))

    def __call__(self, part: str) -> list[str]:
        if self.pattern is None or self.first_words.isdisjoint(word.lower() for word in part.split(None, 3)[:3]):
            return [part]
        found = self.pattern.match(part)
        if found is None or not part[found.end():].strip():
            return [part]
        return [part[:found.end()], part[found.end():]]


def sentence_parts(text: str, asked: re.Pattern[str] | None) -> list[str]:
    """The message's sentences, each cut again where a question starts inside it (``asked_after``)."""
    if asked is None:
        return sentences(text)
    return [part for sentence in sentences(text) for part in asked.split(sentence) if part.strip()]


_WORD = re.compile(r"\S+")


def script_runs(sentence: str) -> list[str]:
    """The sentence cut where its words change from Latin letters to another script's or back:
    "please can you tell me 想死", "جدي ما بيصحى, he's breathing weird"."""
    cuts: list[int] = []
    last: bool | None = None  # whether the last word with a letter was Latin
    for match in _WORD.finditer(sentence):
        latin = _latin(match.group())
        if latin is None:
            continue
        if last is not None and latin != last:
            cuts.append(match.start())
        last = latin
    bounds = [0, *cuts, len(sentence)]
    return [sentence[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _latin(word: str) -> bool | None:
    """Whether the word's first letter is Latin; None without a letter."""
    for ch in word:
        if ch.isalpha():
            return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"
    return None


def tokens(
    text: str, spellings: Mapping[str, str], fillers: frozenset[str], keep: frozenset[str] = frozenset(),
    asked: list[bool] | None = None,
) -> list[str]:
    """Words (chat spellings expanded, fillers dropped) with CLAUSE and SENTENCE marks; `asked`,
    if given, gets one entry per sentence: whether it ends with a question mark."""
    return _tokens(text, spellings, fillers, keep, [] if asked is None else asked)


# "do not" and "cannot" are read as "dont" and "cant", as people type them and as the lexicon
# writes them: "i do not want to be here anymore" had missed "dont want to be here", "i cannot
# stop the bleeding" "cant stop bleeding". Only these: "is not breathing" must still meet
# "not breathing".
_NOT_JOINED = {"do": "dont", "does": "doesnt", "can": "cant"}


def _tokens(
    text: str, spellings: Mapping[str, str], fillers: frozenset[str], keep: frozenset[str], asked: list[bool]
) -> list[str]:
    # Cap before folding, and again after: NFKC can expand one character eighteen-fold, and
    # ordinary text barely grows, so twice the typed length is plenty.
    text = text[:SAFETY_MAX_CHARS]
    folded = join_contractions(fold(text, 2 * len(text))[: 2 * len(text)])
    if not folded.isascii() and _THAI_SPACE_HINT.search(folded):  # most messages: one C call
        folded = _THAI_SPACE.sub(",", folded)
    if "-" in folded or "‐" in folded or "‑" in folded:
        folded = _INNER_HYPHEN.sub(" ", folded)
    if _CENSOR_HINT.search(folded):
        folded = _CENSOR.sub(CENSORED, folded)
    if _SPACED_HINT.search(f" {folded} "):
        folded = _SPACED.sub(_unspaced, folded)
    out: list[str] = []
    pending = None  # the strongest boundary since the last word; none before the first word
    started = False
    question = False  # a "?" since the last word
    for piece in (_ASCII_PIECES if folded.isascii() else _PIECES).findall(folded):
        first = piece[0]
        if first.isalpha() and piece not in keep:
            expanded = spellings.get(piece)
            words = (piece,) if expanded is None else expanded.split()
        elif first.isdigit():
            words = (YEAR,) if _YEAR.fullmatch(piece) else (piece,)
        elif piece in keep:
            words = (piece,)
        else:
            if piece != "*" and started:
                mark = CLAUSE if first in CLAUSE_MARKS else SENTENCE
                pending = SENTENCE if SENTENCE in (pending, mark) else CLAUSE
                question = question or not _QUESTION_MARKS.isdisjoint(piece)
            continue
        for word in words:
            if word in fillers:
                continue
            if pending:
                if pending == SENTENCE:
                    asked.append(question)
                out.append(pending)
                pending = None
            question = False
            started = True
            if word == "not" and out and out[-1] in _NOT_JOINED:
                out[-1] = _NOT_JOINED[out[-1]]
            else:
                out.append("cant" if word == "cannot" else word)
    if started:
        asked.append(question)
    return out


def _unspaced(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def mostly_in(words: Iterable[str], vocabulary: Collection[str], skip: Collection[str] = ()) -> bool:
    """Whether half of the words of two letters or more (but those in ``skip``), at least, are in
    ``vocabulary``. A message in a language with no file of the lexicon (Czech, Serbian) is
    told English: it is not English where fewer are words the bot knows."""
    kept = [w for w in words if len(w) > 1 and w[:1].isalpha() and w not in skip]
    return 2 * sum(w in vocabulary for w in kept) >= len(kept)


def stem(word: str) -> str:
    """A light suffix stripper, so one lexicon phrase meets its inflections ("collapsed",
    "collapsing", "collapses"). Applied alike to the lexicon and to messages; it only has to
    be consistent, not linguistically right."""
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"  # "batteries" meets "battery", "injuries" meets "injury"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)]
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                return base[:-1]  # "stopped" -> "stop", "cutting" -> "cut"
            if suffix != "s" and _lost_e(base):
                return base + "e"  # "hoping" -> "hope", "choked" -> "choke", "doses" -> "dose"
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 5 else word


def _lost_e(base: str) -> bool:
    """Whether a short base lost a silent e to its suffix: one syllable ending in a single vowel
    and a consonant ("hop", "tak", "chok"), where the word itself is kept whole ("hope", "take",
    "choke"; Porter's rule, step 1b). "hopping" is undoubled first, so it stays "hop"."""
    if len(base) not in (3, 4) or base[-1] in "aeiouwxy" or base[-2] not in "aeiou":
        return False
    return all(letter not in "aeiou" for letter in base[:-2])
