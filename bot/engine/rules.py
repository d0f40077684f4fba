"""Keyword and pattern rules, made cheap: each regex carries the literal strings it cannot
match without (read from the compiled pattern), and runs only when one of them is present.

Python's `re` tries every alternative at every position; with a few hundred safety and topic
patterns that was most of the time of a reply. Looking for a few hundred short strings is far
cheaper, and exact: a pattern is skipped only when it could not have matched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

try:  # Python 3.11+
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

__all__ = ["RuleSet", "build_rules", "needles_of"]

_C = _sre_constants
_MAX_NEEDLES = 64
_START = 3  # needles are grouped by this many first characters


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every topic's patterns, with the strings that must be present for each to match."""

    patterns: tuple[tuple[str, str], ...]                   # (topic, regex source)
    # string -> patterns needing it, grouped by the string's first three characters ("" for
    # shorter strings), so only the strings that could start somewhere in a message are tried
    needles: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]
    always: tuple[int, ...]                                 # patterns with no known needle
    # Compiled on first use: most patterns never run for a given message, and compiling all of
    # them was most of the cold start of `genebot ask` (content validation compiles each once).
    _compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def firing(self, texts: tuple[str, ...]) -> set[str]:
        """The topics with at least one pattern matching one of the texts."""
        fired: set[str] = set()
        if not self.patterns:  # content with no such rules: no needle search at all
            return fired
        for i in self._candidates(texts):
            topic = self.patterns[i][0]
            if topic not in fired and any(self._pattern(i).search(t) for t in texts):
                fired.add(topic)
        return fired

    def _pattern(self, i: int) -> re.Pattern[str]:
        compiled = self._compiled.get(i)
        if compiled is None:
            compiled = self._compiled[i] = re.compile(self.patterns[i][1])
        return compiled

    def _candidates(self, texts: tuple[str, ...]) -> list[int]:
        joined = "\n".join(texts)
        chosen = set(self.always)
        starts = {joined[i:i + _START] for i in range(len(joined) - _START + 1)}
        starts.add("")
        for start in starts.intersection(self.needles):
            for needle, ids in self.needles[start]:
                if needle in joined:
                    chosen.update(ids)
        return sorted(chosen)


def build_rules(patterns: Mapping[str, Iterable[str]]) -> RuleSet:
    """Rules from each topic's regex sources (already validated: they compile)."""
    flat = tuple((topic, p) for topic, ps in patterns.items() for p in ps)
    by_needle: dict[str, list[int]] = defaultdict(list)
    always = []
    for i, (_topic, pattern) in enumerate(flat):
        needles = needles_of(pattern)
        if needles is None:
            always.append(i)
        for needle in needles or ():
            by_needle[needle].append(i)
    grouped: dict[str, list[tuple[str, tuple[int, ...]]]] = defaultdict(list)
    for needle, ids in by_needle.items():
        grouped[needle[:_START] if len(needle) >= _START else ""].append((needle, tuple(ids)))
    return RuleSet(flat, MappingProxyType({k: tuple(v) for k, v in grouped.items()}), tuple(always))


def needles_of(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of the pattern, or None if none is known."""
    try:
        parsed = _sre_parser.parse(pattern)
    except Exception:  # an unusual construct: just run the regex every time
        return None
    found = _required(list(parsed))
    # Messages are normalised to lower case, so a needle is looked for in lower case too.
    return tuple(sorted({n.lower() for n in found})) if found else None


def _required(items: list) -> set[str] | None:  # type: ignore[type-arg]
    best: set[str] | None = None
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is _C.LITERAL:
            run += chr(arg)
            continue
        if run:
            best = _better(best, {run})
            run = ""
        if op is _C.SUBPATTERN:
            best = _better(best, _required(list(arg[-1])))
        elif op is _C.BRANCH:
            alternatives = [_required(list(seq)) for seq in arg[1]]
            if all(alternatives):
                union: set[str] = set().union(*alternatives)  # type: ignore[arg-type]
                if len(union) <= _MAX_NEEDLES:
                    best = _better(best, union)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and arg[0] >= 1:
            best = _better(best, _required(list(arg[2])))
    return best


def _better(current: set[str] | None, candidate: set[str] | None) -> set[str] | None:
    """Prefer the needle set whose shortest string is longest: it rules out more messages."""
    if not candidate or any(not s for s in candidate):
        return current
    if current is None or min(map(len, candidate)) > min(map(len, current)):
        return candidate
    return current
