"""Finding the safety lexicon's phrases in a message's words: a short walk down a tree of words.

Every phrase of the lexicon (concept terms, signs, figures of speech, ConText triggers and
scope ends, personal frames) is stemmed once and filed by its words; a phrase with a gap
("i * kill myself") is filed by its first part and the first word after the gap, and
matched only where that word follows within GAP_WORDS.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from typing import Any, TypeVar

from .context import GAP_WORDS, Hit, match_gapped, split_gaps
from .lexicon import GAP, SUPPORT, SafetyLexicon
from .safetytext import CLAUSE, SENTENCE, stem

__all__ = ["AS_TYPED", "PhraseBook", "lexicon_words"]

# Marks a word of another language, so no lexicon phrase meets it: Polish "od" (from) is no
# overdose, German "die" (the) no wish to die.
AS_TYPED = "ʼ"
_DENIABLE = ("concept", "weak", "distress")  # "i * kill myself" is not "i dont kill myself"
# A gap that holds a question word holds a new question: "is that * working" is no frame in "how close is
# that to how real vectors work", nor "overdose on * gene therapy" a figure in "overdose on my steroids
# tonight also what is gene therapy"
_ASKED_APART = ("frame", "pseudo")
_Gapped = tuple[tuple[tuple[str, ...], ...], str, object]  # (parts, kind, item)
_Node = tuple[list[tuple[str, object]], dict[str, "_Node"]]  # (phrases ending here, words that go on)
_GapNode = tuple[list[tuple[int, tuple[str, ...]]], dict[str, "_GapNode"]]  # (first parts ending here, ...)
_Entry = TypeVar("_Entry")
# Hit's own constructor is a Python function; tuple.__new__ builds the same named tuple in C
_hit = partial(tuple.__new__, Hit)


class PhraseBook:
    """Built once from the lexicon; ``hits(words)`` is pure."""

    def __init__(self, lexicon: SafetyLexicon) -> None:
        self.unstemmed = lexicon.unstemmed
        table: dict[tuple[str, ...], list[tuple[str, object]]] = defaultdict(list)
        # first part -> first word after the gap -> [(parts, kind, item)]
        gapped: dict[tuple[str, ...], dict[str, list[_Gapped]]] = defaultdict(lambda: defaultdict(list))
        typed: set[str] = set()
        denials: dict[tuple[tuple[str, ...], ...], frozenset[str]] = {}
        stemmed: dict[frozenset[str], frozenset[str]] = {}  # a file's denials, stemmed once for all its phrases
        for kind, typed_words, item in _entries(lexicon):
            typed.update(typed_words)
            for words in self._forms(typed_words, lexicon):
                if GAP in words:
                    parts = split_gaps(words)
                    if (own := lexicon.gap_denials.get(typed_words)) is not None:
                        if own not in stemmed:
                            stemmed[own] = frozenset(self.stem(w) for w in own)
                        denials[parts] = stemmed[own]
                    entries = gapped[parts[0]][parts[1][0]]
                    if (parts, kind, item) not in entries:
                        entries.append((parts, kind, item))
                elif (kind, item) not in table[words]:
                    table[words].append((kind, item))
        self.trie = _trie(table)
        self.words = frozenset(typed - {GAP})  # every word of every phrase, as typed: all the scan can know
        # ... and those of its English phrases: what a typo or a run of English may be read as
        self.english = self.words - lexicon.foreign
        self.gapped = {first: dict(after) for first, after in gapped.items()}
        # the first parts as a tree of words, each with its place: "how" starts 118 first parts,
        # and comparing each with the message cost more than the rest of the walk
        places = {first: [(place, first)] for place, first in enumerate(self.gapped)}
        self.gap_starts: dict[str, _GapNode] = _trie(places)
        self.negations = frozenset(self.stem(t.words[0]) for t in lexicon.triggers
                                 if t.category == "negated" and len(t.words) == 1)
        # a bare call for help (the lexicon's `pleas`), stemmed as a message's words are ("someon")
        self.plea_calls = frozenset(map(self.stem, lexicon.plea_calls))
        self.plea_words = frozenset(map(self.stem, lexicon.plea_words))
        # a language file's gapped phrase is denied only by its own file's words: pooled,
        # Vietnamese "nó" (he) read as English "no", Tagalog "pa" (still) as Haitian "pa" (not)
        self.gap_denials = denials
        self.question_words = frozenset(map(self.stem, lexicon.question_words))

    def _forms(self, words: tuple[str, ...], lexicon: SafetyLexicon) -> list[tuple[str, ...]]:
        """How a phrase is filed; a language file's phrase with a homograph also as a message in
        that language reads it, marked: German "hab mir die pulsadern aufgeschnitten" or Polish
        "krew z nosa od godziny" met no message in German or Polish, whose "die" and "od" are
        marked so that no English phrase meets them."""
        filed = self._filed(words, lexicon)
        if words not in lexicon.translated or lexicon.homographs.isdisjoint(words):
            return [filed]
        return [filed, tuple(AS_TYPED + w if w in lexicon.homographs else f for w, f in zip(words, filed, strict=True))]

    def _filed(self, words: tuple[str, ...], lexicon: SafetyLexicon) -> tuple[str, ...]:
        """A phrase's words as a message's are read: stemmed, and a number as the word after it
        says (SafetyLexicon.read_number). Written as typed, "me tome 30 pastillas" or "41 grad
        fieber" could never meet a message, whose "30" reads "lotsof" and "41" "hightemp"."""
        return tuple(lexicon.read_number(w, words[i + 1] if i + 1 < len(words) else None) if w[:1].isdigit()
                     else self.stem(w) for i, w in enumerate(words))

    def stem(self, word: str) -> str:
        """The stem, but a word listed as unstemmed as typed: "gaping" is not "a gap"."""
        return word if word in self.unstemmed else stem(word)

    def hits(self, words: list[str]) -> list[Hit]:
        found: list[Hit] = []
        add = found.append
        n = len(words)
        trie_get, gap_starts = self.trie.get, self.gap_starts.get
        for i, word in enumerate(words):
            node = trie_get(word)
            if node is not None:
                entries, children = node
                if children and i + 1 < n and words[i + 1] in children:
                    found.extend(_walked(node, words, i))
                else:  # most words: a phrase of one word, or none
                    for kind, item in entries:
                        add(_hit((kind, i, i + 1, item, None)))
            start = gap_starts(word)
            if start is None:
                continue
            for first in _starting(start, words, i):
                pos = i + len(first)
                after = self.gapped[first]
                if after.keys().isdisjoint(words[pos:pos + GAP_WORDS + 1]):
                    continue  # most first parts: no word that may follow the gap is near (one C call)
                for j in range(pos, min(pos + GAP_WORDS + 1, n)):
                    if j > pos and words[j - 1] in (CLAUSE, SENTENCE):
                        break
                    for parts, kind, item in after.get(words[j], ()):
                        end = match_gapped(words, i, parts)
                        if end and not (kind in _DENIABLE and self._denied_in_gap(words[i:end], parts)
                                        or kind in _ASKED_APART and self._asked_in_gap(words[i:end], parts)):
                            add(_hit((kind, i, end, item, None)))
        return found

    def _asked_in_gap(self, span: list[str], parts: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the words a frame's or a figure's '*' stood for start a new question (see
        _ASKED_APART)."""
        own = {w for part in parts for w in part}
        return any(w in self.question_words and w not in own for w in span)

    def _denied_in_gap(self, span: list[str], parts: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the words a '*' stood for deny the concept: "my throat isnt swelling"."""
        own = {w for part in parts for w in part}
        negations = self.gap_denials.get(parts, self.negations)
        return any(w in negations and w not in own for w in span)


def _starting(node: _GapNode, words: list[str], i: int) -> list[tuple[str, ...]]:
    """The gapped phrases' first parts that words[i:] starts with (``node``: words[i]'s in their
    tree), in the order they were filed."""
    found: list[tuple[int, tuple[str, ...]]] = []
    j, n = i + 1, len(words)
    while True:
        entries, children = node
        if entries:
            found.extend(entries)
        if j >= n or not children or (node := children.get(words[j])) is None:
            break
        j += 1
    if len(found) > 1:
        found.sort()
    return [first for _place, first in found]


def _walked(node: _Node, words: list[str], i: int) -> list[Hit]:
    """The phrases starting at words[i] (whose node in the tree is ``node``), the longest first."""
    ends: list[tuple[int, list[tuple[str, object]]]] = []
    j, n = i + 1, len(words)
    while True:
        entries, children = node
        if entries:
            ends.append((j, entries))
        if j >= n or not children or (node := children.get(words[j])) is None:
            break
        j += 1
    return [_hit((kind, i, end, item, None)) for end, entries in reversed(ends) for kind, item in entries]


def _trie(table: dict[tuple[str, ...], list[_Entry]]) -> dict[str, tuple[list[_Entry], dict[str, Any]]]:
    """The phrases as a tree of words, so a message word is followed only as far as some
    phrase goes on: "i" starts phrases of up to six words, but most words after it end the walk."""
    root: dict[str, tuple[list[_Entry], dict[str, Any]]] = {}
    for words, entries in table.items():
        level = root
        for depth, word in enumerate(words):
            node = level.setdefault(word, ([], {}))
            if depth == len(words) - 1:
                node[0].extend(entries)
            level = node[1]
    return root


def lexicon_words(lexicon: SafetyLexicon) -> frozenset[str]:
    """Every word of every phrase of the lexicon, as typed."""
    return frozenset(w for _kind, words, _item in _entries(lexicon) for w in words) - {GAP}


def _entries(lexicon: SafetyLexicon) -> Iterable[tuple[str, tuple[str, ...], object]]:
    """Every phrase of the lexicon as (kind, words, item): what a hit of it stands for."""
    for concept in lexicon.concepts:
        kind = "distress" if concept.urgency == SUPPORT else "concept"  # never part of an emergency
        for term in concept.terms:
            yield kind, term, concept
        for term in concept.weak:
            yield "weak", term, concept
        for cue in concept.cues:
            yield "cue", cue, concept
        for word in concept.unless:
            yield "ordinary", word, concept
        for group_number, group in enumerate(concept.together):
            for term in group:
                yield "sign", term, (concept, group_number, "")
    by_id = {concept.id: concept for concept in lexicon.concepts}
    for language, signs in lexicon.signs.items():  # each file's pair only with its own
        for cid, groups in signs.items():
            for group_number, group in enumerate(groups):
                item = (by_id[cid], group_number, language)  # one a group: 20,000 signs share 600
                for term in group:
                    yield "sign", term, item
    for kind, phrases in (("pseudo", lexicon.pseudo), ("panic", lexicon.panic), ("disclaimer", lexicon.disclaimers),
                          ("retraction", lexicon.retractions), ("accident", lexicon.accidents),
                          ("recanted", lexicon.recanted), ("reporting", lexicon.reporting),
                          ("urge", lexicon.urges)):
        for words in phrases:
            yield kind, words, None
    for trigger in lexicon.triggers:
        yield "trigger", trigger.words, trigger
    for kind, phrases in (("end", lexicon.end), ("end-near", lexicon.end_near), ("present", lexicon.present),
                          ("resolved", lexicon.resolved), ("activity", lexicon.activities),
                          ("pseudo-trigger", lexicon.pseudo_triggers), ("list", lexicon.lists),
                          ("framing", lexicon.framing)):
        for words in phrases:
            yield kind, words, None
    p = lexicon.personal
    for kind, phrases in (("owner", p.owners), ("frame", p.frames), ("general", p.general),
                          ("symptom", p.symptoms), ("after", p.after), ("complaint", p.complaints),
                          ("aside", p.asides), ("usually", p.usually)):
        for words in phrases:
            yield kind, words, None

