"""Keyword and pattern rules, made cheap: each regex carries the literal strings it cannot
match without (read from the compiled pattern), and runs only when they are present.

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
    # per pattern, the other strings it needs besides its needle, one of each group: looked up
    # by "trying" or "hoping", "(trying|hoping) to (achieve|do)" also needs " to ", "achieve" or "do"
    also: tuple[tuple[tuple[str, ...], ...], ...]
    # Compiled on first use: most patterns never run for a given message, and compiling all of
    # them was most of the cold start of `genebot ask` (content validation compiles each once).
    _compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    # The needles' first characters as a set: a set meets a set in C, over the smaller one;
    # meeting the mapping itself walked all of its keys, a fifth of the time of the search.
    _starts: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", frozenset(self.needles))

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
        for start in starts & self._starts:
            for needle, ids in self.needles[start]:
                if needle in joined:
                    chosen.update(ids)
        also = self.also
        return [i for i in sorted(chosen) if not also[i] or _all_present(also[i], joined)]


def _all_present(groups: tuple[tuple[str, ...], ...], text: str) -> bool:
    """Whether the text holds one string of each group: loops, not all() over any() of
    generators, which cost a third of the needle search."""
    for group in groups:
        for s in group:
            if s in text:
                break
        else:
            return False
    return True


def build_rules(patterns: Mapping[str, Iterable[str]]) -> RuleSet:
    """Rules from each topic's regex sources (already validated: they compile)."""
    flat = tuple((topic, p) for topic, ps in patterns.items() for p in ps)
    by_needle: dict[str, list[int]] = defaultdict(list)
    always = []
    also = []
    for i, (_topic, pattern) in enumerate(flat):
        groups = _needs(pattern)
        needles = _best(groups)
        if needles is None:
            always.append(i)
        for needle in needles or ():
            by_needle[needle].append(i)
        also.append(tuple(tuple(sorted(g)) for g in groups if g is not needles))
    grouped: dict[str, list[tuple[str, tuple[int, ...]]]] = defaultdict(list)
    for needle, ids in by_needle.items():
        grouped[needle[:_START] if len(needle) >= _START else ""].append((needle, tuple(ids)))
    return RuleSet(flat, MappingProxyType({k: tuple(v) for k, v in grouped.items()}), tuple(always), tuple(also))


def needles_of(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of the pattern, or None if none is known."""
    best = _best(_needs(pattern))
    return tuple(sorted(best)) if best else None


def _needs(pattern: str) -> list[set[str]]:
    """Groups of strings such that every match of the pattern holds one string of each group."""
    try:
        parsed = _sre_parser.parse(pattern)
    except Exception:  # an unusual construct: just run the regex every time
        return []
    # Messages are normalised to lower case, so needles are looked for in lower case too.
    return [{n.lower() for n in group} for group in _required(list(parsed))]


def _required(items: list) -> list[set[str]]:  # type: ignore[type-arg]
    """Every group a sequence of regex items needs: its literal runs, what its groups and
    repeats need, and for an alternation, one of each branch's best strings."""
    found: list[set[str]] = []
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is _C.LITERAL:
            run += chr(arg)
            continue
        if run:
            found.append({run})
            run = ""
        if op is _C.SUBPATTERN:
            found.extend(_required(list(arg[-1])))
        elif op is _C.BRANCH:
            alternatives = [_best(_required(list(seq))) for seq in arg[1]]
            if all(alternatives):
                union: set[str] = set().union(*alternatives)  # type: ignore[arg-type]
                if len(union) <= _MAX_NEEDLES:
                    found.append(union)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and arg[0] >= 1:
            found.extend(_required(list(arg[2])))
    return [group for group in found if all(group)]


def _best(groups: list[set[str]]) -> set[str] | None:
    """The group whose shortest string is longest: looked up first, it rules out most messages."""
    best: set[str] | None = None
    for group in groups:
        if best is None or min(map(len, group)) > min(map(len, best)):
            best = group
    return best
