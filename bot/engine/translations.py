"""A line in the writer's own language at the top of a reply (answers/languages/*.yaml).

The bot answers in English. Someone who writes in Vietnamese that they want to die, or in
Spanish that their father cannot breathe, should still read first, in their own language,
whom to call: so each file gives, for one language, the lines of the replies that matter
most (a crisis, a medical emergency, "I can only read English", the lead of an answer read
through the glossary, and "I can't give personal medical advice"), and the reply puts that
line first, then the English.

The numbers are what a person acts on, so each line must give exactly the numbers its
English gives (911, and 988 for a crisis), in the digits a phone shows; a file that does not
is refused at load, with its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .errors import Problem
from .validation import Collector
from .yamlfile import Located, line_of, load_folder

__all__ = ["LINES", "NUMBERS", "TRANSLATIONS", "Lines", "load_translations"]

TRANSLATIONS = Path("answers") / "languages"
# each line, and the numbers it must give: 988 wherever thoughts of suicide are spoken of
NUMBERS: Mapping[str, frozenset[str]] = MappingProxyType({
    "crisis": frozenset({"911", "988"}),
    "crisis-other": frozenset({"911", "988"}),
    "medical": frozenset({"911"}),
    "medical-other": frozenset({"911"}),
    "unreadable": frozenset({"911", "988"}),
    "glossed": frozenset({"911", "988"}),
    "advice": frozenset({"911"}),  # the personal-advice reply: ask your provider; an emergency, 911
})
LINES = tuple(NUMBERS)
MAX_LINE = 400
_NAMED = re.compile(r"[^()]+? \((?P<code>[a-z]{2,3})\)")  # "Spanish (es)"


@dataclass(frozen=True, slots=True)
class Lines:
    """One language's lines, by reply (LINES)."""

    code: str   # the file's name: "es", "pcm"
    lines: Mapping[str, str]

    def line(self, reply: str) -> str:
        return self.lines[reply]


def load_translations(root: Path) -> tuple[Mapping[str, Lines], list[Problem]]:
    """Every language's lines, by code; none (no folder) is allowed: every reply is English."""
    problems: list[Problem] = []
    found: dict[str, Lines] = {}
    for path, doc in load_folder(root, TRANSLATIONS, problems):
        c = Collector(root, path, problems)
        if not c.mapping(doc, 1, "the file", {"version", "language", *LINES}):
            continue
        c.version(doc)
        named = _NAMED.fullmatch(c.text(doc, "language", "the file") or "")
        if named is None or named["code"] != path.stem:
            c.error(line_of(doc, "language"), f"'language' must name the language and this file's code, "
                                              f"as in 'Spanish ({path.stem})'")
            continue
        lines = {key: _checked(c, doc, key) for key in LINES}
        if all(lines.values()):
            found[path.stem] = Lines(path.stem, MappingProxyType(lines))  # type: ignore[arg-type]
    return MappingProxyType(found), problems


def _checked(c: Collector, doc: Located, key: str) -> str | None:
    line = c.text(doc, key, "the file")
    if line is None:
        return None
    at = line_of(doc, key)
    other = sorted({ch for ch in line if unicodedata.category(ch) == "Nd" and not ch.isascii()})
    given = set(re.findall(r"[0-9]+", line))
    if other:
        c.error(at, f"{key!r}: write numbers in the digits 0-9 a phone shows, not {''.join(other)!r}")
    elif given != NUMBERS[key]:
        want = " and ".join(sorted(NUMBERS[key]))
        c.error(at, f"{key!r} must give {want}, and no other number (it gives {', '.join(sorted(given)) or 'none'})")
    elif len(line) > MAX_LINE:
        c.error(at, f"{key!r} is {len(line)} characters; at most {MAX_LINE}, it leads a reply")
    else:
        return " ".join(line.split())
    return None
