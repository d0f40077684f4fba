"""Frames: what a question asks (benefits, risks, cost, approval, oversight), apart from what
it is about (intents/lexicon/frames.yaml).

A topic is a frame about a subject. "What are the upsides of gene therapy?" and "what are the
downsides of gene therapy?" share every subject word and differ only in the frame, so fuzzy
matching alone ranks the same answers for both. Each frame names its cue words (read after
concepts, so "upsides" and "advantages" are already "benefits") and the topics whose answers
answer it. When a message asks a frame, the knowledge topics that do not answer it lose
ground; a frame no topic answers (cost) leaves the fallback to say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .errors import Problem
from .normalise import normalise
from .validation import Collector
from .yamlfile import line_of, load_optional

__all__ = ["FRAMES", "Frames", "load_frames"]

FRAMES = Path("intents") / "lexicon" / "frames.yaml"
_TOP_KEYS = {"version", "frames", "subjects"}  # the keys frames.yaml may have


@dataclass(frozen=True, slots=True)
class Frames:
    cues: Mapping[str, tuple[str, ...]]           # cue word -> the frames it signals
    answered_by: Mapping[str, frozenset[str]]     # frame -> the topics that answer it
    # topic -> the words one of which a question must name for it: the phases of a trial
    # share every other word, and a question naming no phase is about trials in general
    needs: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    def answering(self, words: Iterable[str]) -> frozenset[str] | None:
        """The topics answering what the words ask; None when they ask no known frame."""
        asked = {frame for word in words for frame in self.cues.get(word, ())}
        if not asked:
            return None
        return frozenset().union(*(self.answered_by[frame] for frame in asked))

    def unnamed(self, words: Iterable[str]) -> frozenset[str]:
        """The topics whose subject the words do not name."""
        said = set(words)
        return frozenset(topic for topic, cues in self.needs.items() if not cues & said)


EMPTY = Frames(MappingProxyType({}), MappingProxyType({}))


def load_frames(root: Path, spellings: Mapping[str, str], topics: Iterable[str]) -> tuple[Frames, list[Problem]]:
    """The frames, checked against the topic ids they name."""
    problems: list[Problem] = []
    doc = load_optional(root, FRAMES, problems)
    if doc is None:
        return EMPTY, problems  # absent: content without it ranks on wording alone
    c = Collector(root, root / FRAMES, problems)
    known = set(topics)
    cues: dict[str, list[str]] = {}
    answered_by: dict[str, frozenset[str]] = {}
    for line, item in c.items(doc, "frames", _TOP_KEYS):
        if not c.mapping(item, line, "a frame", {"name", "cues", "answered_by"}):
            continue
        name = c.text(item, "name", "a frame")
        if name is None:
            continue
        if name in answered_by:
            c.error(line_of(item, "name"), f"frame {name!r} is listed twice")
            continue
        what = f"frame {name!r}"
        if "cues" not in item:
            c.error(item.line, f"{what} has no 'cues'")
            continue
        words = c.located_texts(item["cues"], line_of(item, "cues"), f"{what}: 'cues'")
        if not words:
            c.error(line_of(item, "cues"), f"{what}: 'cues' must list at least one word")
        for where, cue in words:
            norm = normalise(cue, spellings).split()
            if len(norm) != 1:
                c.error(where, f"{what}: cue {cue!r} must be one word "
                        "(name a phrase in concepts.yaml and use the concept's name)")
            else:
                cues.setdefault(norm[0], []).append(name)
        answering = frozenset(c.texts(item, "answered_by", what))
        if unknown := sorted(answering - known):
            c.error(line_of(item, "answered_by"), f"{what} names unknown topics: {unknown}")
        answered_by[name] = answering
    needs = _subjects(c, doc, spellings, known)
    return Frames(MappingProxyType({w: tuple(f) for w, f in cues.items()}), MappingProxyType(answered_by),
                  MappingProxyType(needs)), problems


def _subjects(c: Collector, doc: object, spellings: Mapping[str, str], known: set[str]) -> dict[str, frozenset[str]]:
    """topic -> the words naming its subject, from the optional 'subjects' list."""
    needs: dict[str, frozenset[str]] = {}
    if "subjects" not in doc:  # type: ignore[operator]
        return needs
    for line, item in c.items(doc, "subjects", _TOP_KEYS):
        if not c.mapping(item, line, "a subject", {"name", "cues", "topics"}):
            continue
        what = f"subject {c.text(item, 'name', 'a subject')!r}"
        words = {w for _, cue in c.located_texts(item.get("cues"), line_of(item, "cues"), f"{what}: 'cues'")
                 for w in normalise(cue, spellings).split()}
        if not words:
            c.error(line_of(item, "cues"), f"{what}: 'cues' must list at least one word")
        topics = set(c.texts(item, "topics", what))
        if unknown := sorted(topics - known):
            c.error(line_of(item, "topics"), f"{what} names unknown topics: {unknown}")
        for topic in topics & known:
            if topic in needs:
                c.error(line_of(item, "topics"), f"{what}: topic {topic!r} already has a subject")
            needs[topic] = frozenset(words)
    return needs
