"""Validating content files: typed getters that record file:line problems instead of
raising, so a curator sees every problem of a broken folder at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import Problem
from .yamlfile import Located, LocatedList, line_of

__all__ = ["VERSION", "Collector", "relative", "type_name"]

VERSION = 1  # every content file starts with `version: 1`


class Collector:
    """Gathers problems for one file; typed getters return None after recording a problem."""

    def __init__(self, root: Path, path: Path, problems: list[Problem]) -> None:
        self.label = relative(root, path)
        self.problems = problems

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label, line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label, line, message, "warning"))

    def mapping(self, value: Any, line: int | None, what: str, allowed: set[str]) -> bool:
        if not isinstance(value, Located):
            self.error(line, f"{what} must be a mapping, got {type_name(value)}")
            return False
        for key in value:
            if key not in allowed:
                self.error(
                    line_of(value, key),
                    f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})",
                )
        return True

    def text(self, owner: Located, key: str, what: str, required: bool = True) -> str | None:
        if key not in owner:
            if required:
                self.error(owner.line, f"{what} has no {key!r}")
            return None
        value = owner[key]
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.error(line_of(owner, key), f"{what}: {key!r} must be text, got {type_name(value)}")
            return None
        if not value.strip():
            self.error(line_of(owner, key), f"{what}: {key!r} is empty")
            return None
        return value.strip()

    def texts(self, owner: Located, key: str, what: str, required: bool = True) -> list[str]:
        if key not in owner:
            if required:
                self.error(owner.line, f"{what} has no {key!r}")
            return []
        return self.text_list(owner[key], line_of(owner, key), f"{what}: {key!r}")

    def text_list(self, value: Any, line: int | None, what: str) -> list[str]:
        """A list of non-empty texts, each problem recorded at its own line."""
        return [text for _line, text in self.located_texts(value, line, what)]

    def located_texts(self, value: Any, line: int | None, what: str) -> list[tuple[int | None, str]]:
        """Like text_list, each text with its own line, for problems found in it later."""
        if not isinstance(value, LocatedList):
            self.error(line, f"{what} must be a list, got {type_name(value)}")
            return []
        result = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(line_of(value, i), f"{what} item {i + 1} must be non-empty text")
            else:
                result.append((line_of(value, i), item.strip()))
        return result

    def items(self, doc: Any, key: str, allowed_top: set[str]) -> list[tuple[int | None, Any]]:
        """Check the file's top level (`version`, `key: [...]`) and return the located items."""
        if not self.mapping(doc, 1, "the file", allowed_top):
            return []
        self.version(doc)
        value = doc.get(key)
        if not isinstance(value, LocatedList):
            self.error(line_of(doc, key) if key in doc else 1, f"{key!r} must be a list")
            return []
        return [(line_of(value, i), item) for i, item in enumerate(value)]

    def version(self, doc: Located) -> None:
        if doc.get("version") != VERSION:
            self.error(line_of(doc, "version"), f"'version: {VERSION}' is required at the top")


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        Located: "a mapping", LocatedList: "a list", str: "text", int: "a number",
        float: "a number", bool: "true/false",
    }.get(type(value), type(value).__name__)


def relative(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
