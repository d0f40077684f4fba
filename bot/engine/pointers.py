"""Questions that point back (intents/lexicon/pointers.yaml): "My grandson's doctor keeps
saying 'gene therapy'. What does that word mean?"

People tell the story first and ask last, and the question then names nothing: "what is that",
"what are those". Ranked alone, it matches any definition; ranked with its story, the story's
words drown it. Read with the thing the story named in place of "that" ("what does gene
therapy mean"), it is the plain question it is. Only a short question that asks what
something is or means, names no subject of its own, and points with "that", "it", "those"...
is read so; the subject is the last one named in the nearest sentence before it that names one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .concepts import Concepts
from .errors import Problem
from .normalise import normalise
from .validation import Collector
from .yamlfile import line_of, load_optional

__all__ = ["MAX_POINTER_WORDS", "POINTERS", "Pointers", "load_pointers"]

POINTERS = Path("intents") / "lexicon" / "pointers.yaml"
MAX_POINTER_WORDS = 12  # a longer question says enough of its own
_KEYS = ("asks", "deictics", "referents")
_OPTIONAL = ("checks",)
MAX_CHECK_WORDS = 6  # "is that a real thing", "how accurate is it": a longer question asks more


@dataclass(frozen=True, slots=True)
class Pointers:
    asks: frozenset[str] = frozenset()                # one of these words: it asks what a thing is or means
    deictics: tuple[tuple[str, ...], ...] = ()        # what points back, longest first: "that word", "that"
    referents: frozenset[str] = frozenset()           # subjects it may point to, read after concepts.yaml
    checks: frozenset[str] = frozenset()              # one of these words: it asks whether the story's claim holds

    def resolve(self, words: list[str], before: Iterable[list[str]], concepts: Concepts) -> list[str] | None:
        """The question with the subject named before it in place of its pointer, or None.

        ``before`` holds the earlier sentences' words, nearest first (read lazily: most
        questions stop at the first check)."""
        if len(words) > MAX_POINTER_WORDS or not self.asks.intersection(words):
            return None
        if any(name in self.referents for _start, _end, name in concepts.spans(words)):
            return None  # it names its own subject
        at = self._pointer(words)
        if at is None:
            return None
        start, end = at
        for prior in before:
            named = [(s, e) for s, e, name in concepts.spans(prior) if name in self.referents]
            if named:
                s, e = named[-1]
                return words[:start] + prior[s:e] + words[end:]
        return None

    def checks_claim(self, words: list[str]) -> bool:
        """Whether a short last question asks if what the sentence before it says holds: "my
        textbook says gene therapy started in the 90s, is that right" asks about the 90s, and
        the sentence before is the question to answer."""
        return (len(words) <= MAX_CHECK_WORDS and not self.checks.isdisjoint(words)
                and any(len(d) == 1 and d[0] in words for d in self.deictics))

    def ends_on_one(self, words: list[str], concepts: Concepts) -> bool:
        """Whether a clause names one referent and ends on it ("my aunt told me about gene
        therapy,"), so that a question after its comma points to that thing. A clause that
        goes on past it ("gene therapy could cause tumours, what is that about") or names more
        ("invivo gene treatment, what is that") is what the question asks about as a whole."""
        named = [end for _start, end, name in concepts.spans(words) if name in self.referents]
        return len(named) == 1 and named[0] == len(words)

    def _pointer(self, words: list[str]) -> tuple[int, int] | None:
        for deictic in self.deictics:
            for i in range(len(words) - len(deictic) + 1):
                if tuple(words[i:i + len(deictic)]) == deictic:
                    return i, i + len(deictic)
        return None


EMPTY = Pointers()


def load_pointers(root: Path, spellings: Mapping[str, str]) -> tuple[Pointers, list[Problem]]:
    problems: list[Problem] = []
    doc = load_optional(root, POINTERS, problems)
    if doc is None:
        return EMPTY, problems  # absent: a question that points back is ranked as it is
    c = Collector(root, root / POINTERS, problems)
    if not c.mapping(doc, 1, "the file", {"version", *_KEYS, *_OPTIONAL}):
        return EMPTY, problems
    c.version(doc)
    read: dict[str, list[tuple[str, ...]]] = {key: [] for key in (*_KEYS, *_OPTIONAL)}
    for key in read:
        if key not in doc:
            if key in _KEYS:
                c.error(1, f"{key!r} is missing")
            continue
        phrases = []
        for where, text in c.located_texts(doc[key], line_of(doc, key), f"{key!r}"):
            # a referent is a concept's name or a word as concepts.yaml leaves it, never respelt
            words = tuple(text.lower().split() if key == "referents" else normalise(text, spellings).split())
            if not words:
                c.error(where, f"{key!r}: {text!r} is empty once normalised")
            elif key != "deictics" and len(words) > 1:
                what = " (a concept's name or a word)" if key == "referents" else ""
                c.error(where, f"{key!r}: {text!r} must be one word{what}")
            else:
                phrases.append(words)
        read[key] = phrases
    if any(p.severity == "error" for p in problems):
        return EMPTY, problems
    return Pointers(
        asks=frozenset(w for (w,) in read["asks"]),
        deictics=tuple(sorted(set(read["deictics"]), key=len, reverse=True)),
        referents=frozenset(w for (w,) in read["referents"]),
        checks=frozenset(w for (w,) in read["checks"]),
    ), problems
