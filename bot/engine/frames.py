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
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .errors import ContentError, Problem
from .normalise import normalise
from .yamlfile import Located, LocatedList, line_of, load_yaml

__all__ = ["FRAMES", "Frames", "load_frames"]

FRAMES = Path("intents") / "lexicon" / "frames.yaml"


@dataclass(frozen=True, slots=True)
class Frames:
    cues: Mapping[str, tuple[str, ...]]           # cue word -> the frames it signals
    answered_by: Mapping[str, frozenset[str]]     # frame -> the topics that answer it
    lines: Mapping[str, int]                      # frame -> its line, for error messages

    def answering(self, words: Iterable[str]) -> frozenset[str] | None:
        """The topics answering what the words ask; None when they ask no known frame."""
        asked = {frame for word in words for frame in self.cues.get(word, ())}
        if not asked:
            return None
        return frozenset().union(*(self.answered_by[frame] for frame in asked))


EMPTY = Frames(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}))


def load_frames(root: Path, spellings: Mapping[str, str]) -> tuple[Frames, list[Problem]]:
    """Frames as written; whether their topics exist is checked with the topics (content.py)."""
    path = root / FRAMES
    label = str(FRAMES)
    if not path.is_file():
        return EMPTY, []  # optional: content without it ranks on wording alone
    try:
        doc = load_yaml(path, label)
    except ContentError as exc:
        return EMPTY, list(exc.problems)
    if not isinstance(doc, Located) or doc.get("version") != 1 or not isinstance(doc.get("frames"), LocatedList):
        return EMPTY, [Problem(label, 1, "needs 'version: 1' and a list 'frames' of {name, cues, answered_by}")]
    problems: list[Problem] = []
    cues: dict[str, list[str]] = {}
    answered_by: dict[str, frozenset[str]] = {}
    lines: dict[str, int] = {}
    raw = doc["frames"]
    for i, item in enumerate(raw):
        line = line_of(raw, i)
        if not isinstance(item, Located) or set(item) != {"name", "cues", "answered_by"}:
            problems.append(Problem(label, line, "a frame needs exactly 'name', 'cues' and 'answered_by'"))
            continue
        name = item["name"]
        if not isinstance(name, str) or not name.strip() or name in answered_by:
            problems.append(Problem(label, line_of(item, "name"), f"frame name {name!r} must be a new, non-empty word"))
            continue
        words, topics = item["cues"], item["answered_by"]
        if not isinstance(words, LocatedList) or not words:
            problems.append(Problem(label, line_of(item, "cues"), f"frame {name!r}: 'cues' must be a list of words"))
            continue
        if not isinstance(topics, LocatedList):
            where = line_of(item, "answered_by")
            problems.append(Problem(label, where, f"frame {name!r}: 'answered_by' must be a list"))
            continue
        for n, cue in enumerate(words):
            norm = normalise(str(cue), spellings).split()
            if len(norm) != 1:
                problems.append(Problem(label, line_of(words, n), f"frame {name!r}: cue {cue!r} must be one word "
                                        "(name a phrase in concepts.yaml and use the concept's name)"))
            else:
                cues.setdefault(norm[0], []).append(name)
        answered_by[name] = frozenset(str(t) for t in topics)
        lines[name] = line_of(item, "answered_by")
    frames = Frames(
        MappingProxyType({w: tuple(f) for w, f in cues.items()}),
        MappingProxyType(answered_by),
        MappingProxyType(lines),
    )
    return frames, problems


def unknown_topics(frames: Frames, topics: Iterable[str]) -> list[Problem]:
    known = set(topics)
    return [
        Problem(str(FRAMES), frames.lines.get(frame, 1), f"frame {frame!r} names unknown topics: {sorted(missing)}")
        for frame, answering in frames.answered_by.items()
        if (missing := answering - known)
    ]
