"""Safe YAML loading that remembers where each value came from.

PyYAML throws the line numbers away once it builds dicts and lists; curators need them in
error messages, so mappings and sequences here keep the line of every key and item.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem

__all__ = ["Located", "LocatedList", "load_folder", "load_optional", "load_yaml", "line_of"]


class Located(dict):  # type: ignore[type-arg]
    """A mapping with the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list):  # type: ignore[type-arg]
    """A sequence with the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


@functools.lru_cache(maxsize=1)
def _loader() -> Any:
    """The YAML loader, built on first use: a bot loaded from the command line's cache never
    parses YAML, so it never pays for importing PyYAML."""
    import yaml

    # libyaml's parser (CSafeLoader) is many times faster than the pure-Python one and still
    # gives every node its line; the constructors below stay Python, so behaviour is the same.
    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def mapping(loader: Any, node: Any) -> Located:
        loader.flatten_mapping(node)
        result = Located()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
            key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def sequence(loader: Any, node: Any) -> LocatedList:
        result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    loader = type("LocatedLoader", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
    return loader


def load_yaml(path: Path, label: str) -> Any:
    """Parse one YAML file; any syntax error becomes a ContentError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(label, None, f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise ContentError([Problem(label, None, f"cannot read: {exc.strerror}")]) from None
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a (C)SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        raise ContentError([Problem(label, line, f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(label, None, f"invalid YAML: {exc}")]) from None


def load_optional(root: Path, relative: Path, problems: list[Problem]) -> Any | None:
    """An optional content file: None when it is absent, or broken (its problems recorded)."""
    path = root / relative
    if not path.is_file():
        return None
    try:
        return load_yaml(path, str(relative))
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


def load_folder(root: Path, folder: Path, problems: list[Problem]) -> Iterator[tuple[Path, Any]]:
    """Each YAML file of a content folder (one file per language), in name order: a file that
    is not YAML is recorded and skipped; no folder, no files."""
    full = root / folder
    for path in sorted(full.glob("*.yaml")) if full.is_dir() else ():
        try:
            doc = load_yaml(path, str(folder / path.name))
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        yield path, doc


def line_of(container: Any, key: str | int | None = None) -> int | None:
    """The line of a key (mapping), an item (sequence) or the container itself."""
    if isinstance(container, Located):
        if key is None:
            return container.line
        return container.key_lines.get(str(key), container.line)
    if isinstance(container, LocatedList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return None
