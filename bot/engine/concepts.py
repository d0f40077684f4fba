"""Concepts: synonyms, lay words, formal names and common misspellings that mean the same
thing (intents/lexicon/concepts.yaml), so "approved", "licensed", "cleared by the FDA" and
"on the market" meet before fuzzy matching compares them.

Each phrase is replaced by its concept's name, in example phrasings at load time and in
messages at reply time alike, longest phrase first. Rules and the safety scan still see the
words as typed; only the fuzzy ranking sees concepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .errors import Problem
from .normalise import normalise
from .validation import Collector
from .yamlfile import line_of, load_optional

__all__ = ["CONCEPTS", "Concepts", "load_concepts"]

CONCEPTS = Path("intents") / "lexicon" / "concepts.yaml"


@dataclass(frozen=True, slots=True)
class Concepts:
    """phrase (as words) -> the concept's name, indexed by first word for a linear scan."""

    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]

    def words(self) -> frozenset[str]:
        """Every word of every phrase: content vocabulary, never a misspelling to repair."""
        return frozenset(w for entries in self.by_first.values() for phrase, _ in entries for w in phrase)

    def apply(self, words: list[str]) -> list[str]:
        return [name for _start, _end, name in self.spans(words)]

    def spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Each concept's name or word as apply reads it, with where it stands in the words:
        (start, end, name or word), for a question that points back (pointers.py)."""
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(words)
        while i < n:
            for phrase, name in self.by_first.get(words[i], ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    out.append((i, i + len(phrase), name))
                    i += len(phrase)
                    break
            else:
                out.append((i, i + 1, words[i]))
                i += 1
        return out


EMPTY = Concepts(MappingProxyType({}))


def load_concepts(root: Path, spellings: Mapping[str, str]) -> tuple[Concepts, list[Problem]]:
    problems: list[Problem] = []
    doc = load_optional(root, CONCEPTS, problems)
    if doc is None:
        return EMPTY, problems  # absent: content without it matches words as they are
    c = Collector(root, root / CONCEPTS, problems)
    owner: dict[tuple[str, ...], str] = {}
    for line, item in c.items(doc, "concepts", {"version", "concepts"}):
        if not c.mapping(item, line, "a concept", {"name", "phrases"}):
            continue
        name = c.text(item, "name", "a concept")
        if name is None:
            continue
        if " " in name:
            c.error(line_of(item, "name"), f"concept name {name!r} must be one word")
            continue
        if "phrases" not in item:
            c.error(item.line, f"concept {name!r} has no 'phrases'")
            continue
        for where, text in c.located_texts(item["phrases"], line_of(item, "phrases"), f"concept {name!r}: 'phrases'"):
            words = tuple(normalise(text, spellings).split())
            if not words:
                c.error(where, f"concept {name!r}: phrase {text!r} is empty")
            elif owner.get(words) == name.lower():
                read = f" (read as {' '.join(words)!r})" if " ".join(words) != text.lower() else ""
                c.error(where, f"concept {name!r}: phrase {text!r}{read} is listed twice")
            elif words in owner:
                c.error(where, f"{' '.join(words)!r} is in both {owner[words]!r} and {name!r}")
            else:
                owner[words] = name.lower()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in sorted(owner.items(), key=lambda kv: -len(kv[0])):
        table.setdefault(words[0], []).append((words, name))
    return Concepts(MappingProxyType({w: tuple(v) for w, v in table.items()})), problems
