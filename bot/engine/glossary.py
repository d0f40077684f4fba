"""Questions asked in another language (intents/lexicon/glossary/*.yaml): "¿es segura la
terapia génica?", "基因治疗有什么风险？".

The bot answers from two English pages, and its matcher reads English. A question in Spanish
or Chinese used to get "I can only read English", though the person asked something the pages
answer. Each glossary file lists, under English words, the forms people type for them in one
language ("gene therapy": "terapia genica", "基因治疗"); a message is glossed into those
English words, in order, with the English words it already has (code-mixed chat: "kya gene
therapy safe hai") and its sentence marks, and every other word dropped. The gloss is then
read as any English question is. It is a reading aid for the topic matcher, not a
translation: the safety scan always reads the message as typed, in its own languages first.

Forms are matched on folded text (lower case, no accents), whole words in languages written
with spaces and anywhere inside a run of Chinese, Japanese or Thai letters, longest first, in
time linear in the message's length.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .errors import Problem
from .normalise import MAX_CHARS, fold
from .scripts import COMMAS, FULL_STOPS, FULL_WIDTH, INDIC_SIGNS, QUESTION_MARKS, SENTENCE_MARKS, UNSPACED
from .validation import Collector
from .yamlfile import Located, line_of, load_folder

__all__ = ["EMPTY", "GLOSSARY", "Glossary", "load_glossary", "tails"]

GLOSSARY = Path("intents") / "lexicon" / "glossary"
MAX_FORM_WORDS = 8
# subjects: what a question may be about ("gene therapy", "fda"), one of which a message must
# name to be read; words: what it asks and the rest ("what is", "how long", "patients")
_SECTIONS = ("subjects", "words")
# Vowel signs and other marks of Indic and Arabic letters are no \w to Python's re: without
# them a Hindi or Bengali word would fall apart into pieces at each vowel sign.
_MARKS = INDIC_SIGNS + "\u064b-\u065f\u0670"
# the marks that end a sentence, as the English gloss writes them
_STOPS = {**dict.fromkeys(FULL_STOPS, "."), **dict.fromkeys(QUESTION_MARKS, "?"), "!": "!"}
# a run of letters of a script written without spaces (digits in it too: "第1相"), a word of
# any other letters, marks or digits, or a mark that ends a sentence (kept, so a gloss of
# two questions is still two)
_TOKENS = re.compile(rf"[{UNSPACED}\d]*[{UNSPACED}][{UNSPACED}\d]*"
                     rf"|(?:[^\W_{UNSPACED}]|[{_MARKS}])+|[{re.escape(''.join(_STOPS))}]")
# the same tokens in text of ASCII letters only (most messages), found five times as fast
_ASCII_TOKENS = re.compile(r"[a-zA-Z0-9]+|[?!.]")
_ANY_UNSPACED = re.compile(f"[{UNSPACED}]")
# where a message's parts end: a sentence or a clause ("..., qui surveille ces essais ?")
_PART_ENDS = re.compile(f"[{re.escape(SENTENCE_MARKS + COMMAS + FULL_WIDTH)}]+")
MAX_TAILS = 3  # the last parts a message is read from when it cannot be read whole
_ENGLISH = re.compile(r"[a-z0-9][a-z0-9']*")

Readings = tuple[tuple[str, str], ...]  # (language, English) for each file that lists a form


@dataclass(frozen=True, slots=True)
class Glossary:
    """Every glossary file's forms, in one table: the same letters may be different words in
    two languages (German "Quelle" is a source, French "quelle" asks which), so a form keeps
    each file's reading, and a message takes the reading of the language most of its listed
    words belong to."""

    words: Mapping[tuple[str, ...], Readings] = field(default_factory=dict)  # folded words -> readings
    runs: Mapping[str, Readings] = field(default_factory=dict)  # a form in an unspaced script -> readings
    widths: Mapping[str, int] = field(default_factory=dict)  # a form's first word -> its longest form's words
    longest_run: int = 0
    subjects: frozenset[str] = frozenset()  # English a message must name to be read ("gene therapy", "fda")

    def gloss(self, text: str, share: float, other: bool, known: Collection[str],
              stopwords: Collection[str]) -> str:
        """The message in the glossary's English, or "" when it cannot be read so:

        - it is English (``other``, the safety scan's test, says it is not; else two words of
          its forms or more must be no English and outnumber its English words: "co to jest
          terapia genowa?" is read, "can parents pick their baby's eye color" is not, whatever
          "eye" is somewhere);
        - fewer than two forms are listed, or less than ``share`` of it is read (its words, or
          its letters in an unspaced script): "el seguro cubre la terapia?" (does the insurance
          pay) would be read as its one listed word;
        - none of its forms is a subject: "wo ist mein Geldbeutel?" (where is my wallet).

        ``known`` and ``stopwords``: English words the bot knows, kept as typed (code-mixed chat).
        """
        if not (self.words or self.runs):
            return ""
        folded = fold(text[:MAX_CHARS], MAX_CHARS)
        tally = self._tally((_ASCII_TOKENS if folded.isascii() else _TOKENS).findall(folded), known, stopwords,
                            other)
        if tally is None or not (other or tally.foreign >= 2 and tally.foreign > tally.kept):
            return ""
        if tally.forms < 2 or tally.read < share * tally.total:
            return ""
        language = max(tally.votes, key=tally.votes.__getitem__)  # ties: the first file's
        glossed = [_reading(item, language) for item in tally.out]
        if self.subjects.isdisjoint(glossed):
            return ""
        return " ".join(glossed).replace(" ?", "?").replace(" !", "!").replace(" .", ".")

    def _tally(self, tokens: list[str], known: Collection[str], stopwords: Collection[str],
               other: bool) -> _Tally | None:
        """Each token read: a form's readings, an English word kept, a sentence mark, or
        nothing; with the counts gloss() decides on. None as soon as a message not ``other``
        can no longer have more words of forms that are no English than English words kept (a
        token adds one such word at most): a long English story is not read to its end."""
        tally = _Tally()
        out, i, n = tally.out, 0, len(tokens)
        while i < n:
            if not other and tally.foreign + n - i <= tally.kept:
                return None
            token = tokens[i]
            if token in _STOPS:
                if out and out[-1] not in ("?", "!", "."):
                    out.append(_STOPS[token])
                i += 1
                continue
            if _unspaced(token):
                tally.foreign += self._runs(token, tally) > 0
                tally.total += len(token)
                i += 1
                continue
            width = self._form_at(tokens, i) if token in self.widths else 0
            if width:
                tally.add(self.words[tuple(tokens[i:i + width])], width)
                tally.foreign += sum(not (t in known or t in stopwords) for t in tokens[i:i + width])
            elif (token in known or token in stopwords) and token.isascii():
                out.append(token)
                tally.read += 1
                tally.kept += 1
            width = max(width, 1)
            tally.total += width
            i += width
        return tally

    def _form_at(self, tokens: list[str], i: int) -> int:
        """How many words the longest form starting at word i has (0: none)."""
        for width in range(min(self.widths.get(tokens[i], 0), len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + width]) in self.words:
                return width
        return 0

    def _runs(self, run: str, tally: _Tally) -> int:
        """The forms found in a run of unspaced letters, longest first from each place; how
        many of its letters they cover."""
        covered = i = 0
        while i < len(run):
            for width in range(min(self.longest_run, len(run) - i), 0, -1):
                readings = self.runs.get(run[i:i + width])
                if readings is not None:
                    tally.add(readings, width)
                    covered += width
                    i += width
                    break
            else:
                i += 1
        return covered


@dataclass(slots=True)
class _Tally:
    """A message as the glossary reads it, token by token."""

    out: list[str | Readings] = field(default_factory=list)  # English kept, readings, sentence marks
    votes: dict[str, int] = field(default_factory=dict)  # language -> words (letters) of its forms
    forms: int = 0    # forms found
    read: int = 0     # words (letters) read: in forms, or English kept
    total: int = 0    # words (letters) in all
    foreign: int = 0  # words of forms that are no English the bot knows (runs of unspaced forms)
    kept: int = 0     # English words kept as typed

    def add(self, readings: Readings, width: int) -> None:
        self.out.append(readings)
        self.forms += 1
        self.read += width
        for language, _english in readings:
            self.votes[language] = self.votes.get(language, 0) + width


def _reading(item: str | Readings, language: str) -> str:
    if isinstance(item, str):
        return item
    return next((english for lang, english in item if lang == language), item[0][1])


EMPTY = Glossary()


def _unspaced(token: str) -> bool:
    """Whether a token is a run of a script written without spaces (it has one such letter)."""
    return not token.isascii() and _ANY_UNSPACED.search(token) is not None


def tails(text: str) -> list[str]:
    """The message's last parts, longest first: what follows each of its last few sentence or
    clause marks. A question told after a story or a denial in words no glossary lists ("j'ai
    lu dans le journal qu'un patient est mort pendant un essai, qui surveille ces essais ?",
    "ich hab keine suizidgedanken, nur eine frage: kann gentherapie krebs verursachen?") is too
    little of the message to be read whole, and is read from its last part."""
    text = text[:MAX_CHARS]
    starts = [m.end() for m in _PART_ENDS.finditer(text) if m.end() < len(text)]
    return [part for part in (text[start:].strip() for start in starts[-MAX_TAILS:]) if part]


def load_glossary(root: Path) -> tuple[Glossary, list[Problem]]:
    """Every glossary file, in name order (none: no message is glossed). A form given for two
    different English words in one file is an error; in two files, each keeps its own."""
    problems: list[Problem] = []
    words: dict[tuple[str, ...], Readings] = {}
    runs: dict[str, Readings] = {}
    subjects: set[str] = set()
    for path, doc in load_folder(root, GLOSSARY, problems):
        c = Collector(root, path, problems)
        if not c.mapping(doc, 1, "the file", {"version", "language", *_SECTIONS}):
            continue
        c.version(doc)
        c.text(doc, "language", "the file")
        mine: dict[tuple[str, ...] | str, str] = {}  # this file's forms -> their English
        for section in _SECTIONS:
            entries = doc.get(section)
            if entries is None:
                c.error(1, f"{section!r} is missing")
            elif c.mapping(entries, line_of(doc, section), repr(section), set(entries)):
                _read_section(c, path.stem, entries, mine, words, runs)
                if section == "subjects":
                    subjects.update(e for e in entries if isinstance(e, str))
    if any(p.severity == "error" for p in problems):
        return EMPTY, problems
    widths: dict[str, int] = {}
    for key in words:  # most words of a message start no form: one lookup tells
        widths[key[0]] = max(widths.get(key[0], 0), len(key))
    return Glossary(MappingProxyType(words), MappingProxyType(runs), MappingProxyType(widths),
                    max(map(len, runs), default=0), frozenset(subjects)), problems


def _read_section(c: Collector, language: str, entries: Located, mine: dict[tuple[str, ...] | str, str],
                  words: dict[tuple[str, ...], Readings], runs: dict[str, Readings]) -> None:
    for english in entries:
        line = line_of(entries, english)
        if not isinstance(english, str) or not all(map(_ENGLISH.fullmatch, english.split())):
            c.error(line, f"{english!r}: the English must be lower-case English words")
            continue
        for at, form in c.located_texts(entries[english], line, repr(english)):
            key = _key(form)
            if not key:
                c.error(at, f"{english!r}: {form!r} has no letters, or mixes a script written "
                            "without spaces with another")
            elif isinstance(key, tuple) and len(key) > MAX_FORM_WORDS:
                c.error(at, f"{english!r}: {form!r} has more than {MAX_FORM_WORDS} words")
            elif key in mine:
                if mine[key] != english:
                    c.error(at, f"{form!r} is {mine[key]!r} above and {english!r} here")
            elif isinstance(key, str):
                mine[key] = english
                runs[key] = (*runs.get(key, ()), (language, english))
            else:
                mine[key] = english
                words[key] = (*words.get(key, ()), (language, english))


def _key(form: str) -> tuple[str, ...] | str:
    """A form as the glossary looks it up: its folded words, or one run of unspaced letters
    ("基因 治疗", written with a space, is still one). Empty: none, or scripts mixed."""
    tokens = [t for t in _TOKENS.findall(fold(form)) if t not in _STOPS]
    unspaced = [_unspaced(t) for t in tokens]
    if any(unspaced):
        return "".join(tokens) if all(unspaced) else ""
    return tuple(tokens)
