"""Reading a message's words for the safety scan: misspelt, censored, stretched, run-together.

People in a hurry or in distress type "cant breth", "k*ll myself", "diiiie", "iwanttodie".
Each unknown word is read back as the lexicon word it most likely is (rapidfuzz against the
lexicon's own words, one slip of the keys, a run split into words), within a per-message
budget, and the reading is remembered between messages.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .lexicon import GAP, SafetyLexicon
from .memo import remember
from .phrasebook import AS_TYPED, PhraseBook
from .runs import split_run
from .safetytext import CENSORED, SAFETY_MAX_CHARS, mostly_in, tokens
from .slips import Slips

__all__ = ["MIN_BESIDE_LENGTH", "WordReader"]

REPAIR_AT = 85.0        # rapidfuzz ratio for reading a word as a misspelt lexicon word
MIN_REPAIR_LENGTH = 5   # shorter words are too easily something else ...
MIN_BESIDE_LENGTH = 4   # ... unless they stand beside their phrase's other word ("kiii myself")
MAX_REPAIRS = 64        # distinct unknown words looked up per message: bounded cost
MIN_FOREIGN_REPAIR = 4  # a word of another language this long may be a misspelt phrase word ...
SHORT_FOREIGN = 7       # ... and below this, only by two letters swapped or one more or less
_CACHE_SIZE = 20_000  # words read, kept between messages (every word, known ones too)


class WordReader:
    """Built once from the lexicon; ``words(text)`` is pure but for its bounded memory."""

    def __init__(self, lexicon: SafetyLexicon, book: PhraseBook, spellings: Mapping[str, str],
                 known: Iterable[str]) -> None:
        self.lexicon = lexicon
        self.book = book
        self.spellings = spellings
        self._stem = book.stem
        self._words: dict[str, tuple[tuple[str, ...], bool]] = {}  # word -> (its reading, unread?)
        self._theirs: dict[str, str] = {}  # a word of a message in another language -> its reading
        self.pictures = {ord(picture): words for picture, words in lexicon.emoji.items()}
        self.measures = lexicon.amounts | lexicon.units.keys()  # words after a number that say how to read it
        every_word = book.english  # a word of another language is no repair of an English typo
        english = _english_only(lexicon)
        # Words a run typed without spaces may be made of: not the lookalikes, dictionary words
        # listed only because they resemble a lexicon word ("comm" split "commodities" into
        # "comm od i ties", an overdose).
        self.pieces = frozenset(known) | every_word | lexicon.fillers
        self.known = self.pieces | lexicon.lookalikes
        # Repair targets: the longer words of concepts and figures of speech (not of triggers:
        # "thoughts" must not become "though"), and concept phrases written as one word
        # ("cantbreathe"), which expand back into their words.
        self.joined = {"".join(term): term for c in english.concepts for term in c.terms if len(term) > 1}
        concept_words = {w for c in english.concepts for phrases in (c.terms, *c.together) for words in phrases
                         for w in words} | {w for words in english.pseudo for w in words}
        targets = {w for w in concept_words if len(w) >= MIN_REPAIR_LENGTH and w.isalpha()} | set(self.joined)
        # By first letter: a typo seldom changes it, and "puting" must not become "spurting".
        # Run-together phrases are tried whatever their first letter ("iwanttodie"). Both by
        # length too, as a ratio of REPAIR_AT cannot join words of far-apart lengths.
        by_first: dict[str, set[str]] = defaultdict(set)
        for w in targets - set(self.joined):
            by_first[w[0]].add(w)
        self.targets = {first: _by_length(ws) for first, ws in by_first.items()}
        self.joined_targets = _by_length(self.joined)
        # Any lexicon word, not only concept words: "udner" or "honsetly" break a phrase as
        # surely as a misspelt "seizure" does; when two fit, the concept word ("waek": wake).
        self.slips = Slips.of(every_word, MIN_BESIDE_LENGTH, concept_words)
        # ... and the chat spellings themselves: "wanan die", "gonan end it" ("wanna", "gonna")
        self.spelt = Slips.of(spellings, MIN_BESIDE_LENGTH)
        self.before, self.after = _neighbours(english)
        self.by_length = _by_length(w for w in concept_words if w.isalpha())  # for censored words
        # In a message in another language, a word no file uses may be a misspelt word of a
        # language file's emergency phrase ("Tablteten", "пмоерти"): the longer words of those
        # phrases written in letters, by first letter and length as above.
        theirs: dict[str, set[str]] = defaultdict(set)
        for c in lexicon.concepts:
            for term in c.terms:
                if term in lexicon.translated:
                    for w in term:
                        if len(w) >= MIN_FOREIGN_REPAIR and w.isalpha() and w not in self.known:
                            theirs[w[0]].add(w)
        self.their_targets = {first: _by_length(ws) for first, ws in theirs.items()}
        # ... and a shorter word only by one slip of the keys (slips.py), never by a letter
        # changed: short words of a language are one letter from each other ("costó", cost,
        # and "cortó", cut), seldom one slip
        self.their_slips = Slips.of((w for ws in theirs.values() for w in ws if len(w) <= SHORT_FOREIGN),
                                    MIN_FOREIGN_REPAIR)

    def words(self, text: str, asked: list[bool] | None = None, foreign: bool = False) -> list[str]:
        """The message's words, misspellings of lexicon words repaired, then stemmed. In a
        message in another language (`foreign`) an unknown word is a word of that language, not
        a typo: it is read as typed, or Polish "attendons" was "at tendons", Hungarian "éppen" an
        EpiPen and Arabic "الانتظار" (waiting) "الانتحار" (suicide)."""
        if self.pictures and not text.isascii():  # (every picture is outside ASCII: checked at load)
            text = text[:SAFETY_MAX_CHARS].translate(self.pictures)
        raw = tokens(text, self.spellings, self.lexicon.fillers, asked=asked)
        out: list[str] = []
        unread: list[tuple[int, int]] = []  # unknown words no repair could read: (in out, in raw)
        repairs = 0
        theirs: list[tuple[int, str]] = []  # words of another language read as a phrase word: (in out, as typed)
        seen = self._words
        # asked once, at the first homograph of a message told English: in one mostly not in
        # words the bot knows, Czech and Serbian "od" (from) had been an overdose
        english: bool | None = None
        for j, word in enumerate(raw):
            if word[:1].isdigit() and j + 1 < len(raw) and raw[j + 1] in self.measures:
                out.append(self.lexicon.read_number(word, raw[j + 1]))  # "took 500 mg", "104 f", "41 f"
                continue
            if word in self.lexicon.homographs and not self._after_english(raw, j):
                if not foreign and english is None:
                    english = mostly_in(raw, self.known, skip=self.lexicon.homographs)
                if foreign or not english:
                    out.append(AS_TYPED + word)
                    continue
            if foreign and word not in self.known and CENSORED not in word:
                as_typed = self.lexicon.number_name(word) or self._stem(word)  # "40,5": a fever in any language
                mended = as_typed
                if repairs < MAX_REPAIRS and self._may_be_theirs(word):
                    repairs += 1
                    mended = self._their_word(word)
                if mended != as_typed:
                    theirs.append((len(out), as_typed))
                out.append(mended)
                continue
            known = seen.get(word)
            if known is None:
                over = False  # over budget: read as typed this time, and not remembered so
                if CENSORED in word and repairs < MAX_REPAIRS:
                    repairs += 1
                    done: tuple[str, ...] | None = (self._stem(self._uncensor(word)),)
                elif word in self.known or len(word) < MIN_BESIDE_LENGTH or not word.isalpha():
                    done = (self.lexicon.number_name(word) or self._stem(word),)
                else:
                    done = self._g_dropped(word) or self._slip_read(word)
                    if done is None and len(word) >= MIN_REPAIR_LENGTH:
                        over = repairs >= MAX_REPAIRS
                        if not over:
                            repairs += 1
                            done = self._repaired(word)
                as_typed = (self._stem(word),)
                done = as_typed if done is None else done
                lost = (word not in self.known and len(word) >= MIN_BESIDE_LENGTH and word.isalpha()
                        and done == as_typed)
                known = (done, lost) if over else remember(seen, word, (done, lost), _CACHE_SIZE)
            done, lost = known
            if lost:
                unread.append((len(out), j))
            out.extend(done)
        for at, j in unread[:MAX_REPAIRS]:
            fixed = self._repair_beside(raw, j)
            if fixed:
                out[at] = self._stem(fixed)
        if theirs:
            self._confirmed(out, theirs)
        return out

    def _confirmed(self, out: list[str], theirs: list[tuple[int, str]]) -> None:
        """A word of another language read as a phrase word stays so only inside a phrase of two
        words or more it completes (a concept's, or a sign's that must still pair): alone,
        "kämpften" (fought) had been "krämpften" (convulsed)."""
        held = [(h.start, h.end) for h in self.book.hits(out) if h.kind in ("concept", "sign") and h.end - h.start > 1]
        for at, as_typed in theirs:
            if not any(start <= at < end for start, end in held):
                out[at] = as_typed

    def _after_english(self, raw: list[str], j: int) -> bool:
        """Whether English words that only English puts there come right before raw[j]:
        "mi hermana says she wants to die" is English there, whatever the rest is."""
        return any(tuple(raw[j - len(p):j]) == p for p in self.lexicon.english_before if len(p) <= j)

    def misreads(self, word: str) -> bool:
        """Whether the scan, not knowing `word`, would read it as another word; the dictionary
        words for which it would are its lookalikes (benchmarks/lookalikes.py)."""
        return self._slip_read(word) is not None or (
            len(word) >= MIN_REPAIR_LENGTH and self._repaired(word) is not None)

    def _g_dropped(self, word: str) -> tuple[str, ...] | None:
        """A word typed as it is said, its last g dropped ("havin", "breathin", "turnin"):
        read as the known word with the g, which no fuzzy ratio reaches in short words."""
        if word.endswith("in") and word + "g" in self.known:
            return (self._stem(word + "g"),)
        return None

    def _slip_read(self, word: str) -> tuple[str, ...] | None:
        """A lexicon word or a chat spelling one slip of the keys away ("cnat", "wanan"), read."""
        if fixed := self.slips.undo(word):
            return (self._stem(fixed),)
        if spelt := self.spelt.undo(word):
            return tuple(self._stem(w) for w in self.spellings[spelt].split() if w not in self.lexicon.fillers)
        return None

    def _repaired(self, word: str) -> tuple[str, ...] | None:
        """A run typed without spaces ("imgoingtoendittonight"), else a misspelling, read; None
        when neither reads it as anything but itself. The costly part of reading a word."""
        read = self._run_together(word) or self._repair(word)
        return None if read == (self._stem(word),) else read

    def _run_together(self, word: str) -> tuple[str, ...]:
        """The words of a run typed without spaces, when they hold a concept phrase; else ()
        (an ordinary word the scan does not know, "depression", splits into junk)."""
        pieces = split_run(word, lambda piece: piece in self.pieces or piece in self.spellings)
        if pieces is None or _mostly_scraps(pieces):
            return ()
        read = tuple(self._stem(w) for piece in pieces for w in self.spellings.get(piece, piece).split()
                     if w not in self.lexicon.fillers)
        return read if any(hit.kind == "concept" for hit in self.book.hits(list(read))) else ()

    def _repair(self, word: str) -> tuple[str, ...]:
        for shorter in _unstretched(word):  # "diiiie", "deaddd": a typed cry, not a typo
            if shorter in self.known:
                return (self._stem(shorter),)
        best = _nearest(word, self.targets.get(word[0], {}), self.joined_targets)
        return tuple(self._stem(w) for w in ((word,) if best is None else self.joined.get(best, (best,))))

    def _may_be_theirs(self, word: str) -> bool:
        """Whether a word of a message in another language may be a misspelt word of a
        language file's phrase: no file uses it, and it is of four letters or more (in any
        script written in letters: Cyrillic, Greek and Arabic as Latin)."""
        return (len(word) >= MIN_FOREIGN_REPAIR and word.isalpha()
                and word not in self.lexicon.foreign)

    def _their_word(self, word: str) -> str:
        """The language files' phrase word (stemmed) that a word of a message in another
        language misspells, else the word; remembered between messages."""
        if (known := self._theirs.get(word)) is None:
            best = (_nearest(word, self.their_targets.get(word[0], {})) if len(word) >= SHORT_FOREIGN
                    else self.their_slips.undo(word))
            known = remember(self._theirs, word, self._stem(best or word), _CACHE_SIZE)
        return known

    def _uncensor(self, word: str) -> str:
        """The concept word a censored word stands for ("k*ll" -> "kill"), else the word."""
        hidden = [i for i, c in enumerate(word) if c == CENSORED]
        if len(hidden) * 2 >= len(word):
            return word
        for candidate in self.by_length.get(len(word), ()):
            if all(a == b for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if i not in hidden):
                return candidate
        return word

    def _repair_beside(self, raw: list[str], i: int) -> str | None:
        """A short misspelt word read by the word it stands with in a concept phrase: "kiii
        myself" is "kill myself" (one edit, toward the words that stand before "myself")."""
        word = raw[i]
        for neighbour, table in ((raw[i + 1] if i + 1 < len(raw) else None, self.before),
                                 (raw[i - 1] if i else None, self.after)):
            choices = table.get(neighbour, ()) if neighbour else ()
            if choices:
                best = process.extractOne(word, choices, scorer=Levenshtein.distance, processor=None, score_cutoff=1)
                if best is not None:
                    return best[0]
        return None


def _mostly_scraps(pieces: tuple[str, ...]) -> bool:
    """A run split mostly into one- and two-letter pieces is a long word the scan does not
    know ("neurodegeneration" as "ne your od eg en er at i on"), not a sentence typed without
    spaces ("im going to end it tonight")."""
    return sum(len(p) <= 2 for p in pieces) * 2 > len(pieces)


_STRETCHED = re.compile(r"(.)\1{2,}")


def _unstretched(word: str) -> tuple[str, ...]:
    """A word with a letter held down ("diiiie") with that run cut to two, then to one."""
    if not _STRETCHED.search(word):
        return ()
    return (_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word))


def _nearest(word: str, *targets: Mapping[int, tuple[str, ...]]) -> str | None:
    """The target word nearest a word by rapidfuzz's ratio, from REPAIR_AT, among targets of a
    length that ratio can reach (a few ``extractOne`` calls); None when none reaches it."""
    n = len(word)
    lengths = range(math.ceil(n * REPAIR_AT / (200 - REPAIR_AT)), math.floor(n * (200 - REPAIR_AT) / REPAIR_AT) + 1)
    found = [process.extractOne(word, choices[length], scorer=fuzz.ratio, processor=None, score_cutoff=REPAIR_AT)
             for choices in targets for length in lengths if length in choices]
    best = max((f for f in found if f is not None), key=lambda f: f[1], default=None)
    return None if best is None else best[0]


def _by_length(words: Iterable[str]) -> dict[int, tuple[str, ...]]:
    """Words grouped by length, each group sorted."""
    groups: dict[int, list[str]] = defaultdict(list)
    for w in sorted(words):
        groups[len(w)].append(w)
    return {n: tuple(ws) for n, ws in groups.items()}


def _english_only(lexicon: SafetyLexicon) -> SafetyLexicon:
    """The lexicon without the phrases of its other languages' files: what an English typo, a
    run typed without spaces or a word beside its phrase may be read as."""
    if not lexicon.translated:
        return lexicon
    other = lexicon.translated
    return replace(lexicon, pseudo=tuple(p for p in lexicon.pseudo if p not in other),
                   concepts=tuple(replace(c, terms=tuple(t for t in c.terms if t not in other))
                                  for c in lexicon.concepts))


def _neighbours(lexicon: SafetyLexicon) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """For each word of a concept phrase, the words that stand right before it and right
    after it in those phrases (words of MIN_BESIDE_LENGTH letters or more). A '*' may stand
    for no word, so the words either side of it are neighbours too ("hang from * ceiling")."""
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    for concept in lexicon.concepts:
        for term in concept.terms:
            for a, b in itertools.pairwise(w for w in term if w != GAP):
                if len(a) >= MIN_BESIDE_LENGTH and a.isalpha():
                    before[b].add(a)
                if len(b) >= MIN_BESIDE_LENGTH and b.isalpha():
                    after[a].add(b)
    return ({w: tuple(sorted(ws)) for w, ws in before.items()}, {w: tuple(sorted(ws)) for w, ws in after.items()})
