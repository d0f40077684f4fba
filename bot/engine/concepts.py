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

from .errors import ContentError, Problem
from .normalise import normalise
from .yamlfile import Located, LocatedList, line_of, load_yaml

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
        out: list[str] = []
        i, n = 0, len(words)
        while i < n:
            for phrase, name in self.by_first.get(words[i], ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    out.append(name)
                    i += len(phrase)
                    break
            else:
                out.append(words[i])
                i += 1
        return out


EMPTY = Concepts(MappingProxyType({}))


def load_concepts(root: Path, spellings: Mapping[str, str]) -> tuple[Concepts, list[Problem]]:
    path = root / CONCEPTS
    label = str(CONCEPTS)
    if not path.is_file():
        return EMPTY, []  # optional: content without it matches words as they are
    try:
        doc = load_yaml(path, label)
    except ContentError as exc:
        return EMPTY, list(exc.problems)
    problems: list[Problem] = []
    if not isinstance(doc, Located) or doc.get("version") != 1 or not isinstance(doc.get("concepts"), LocatedList):
        return EMPTY, [Problem(label, 1, "needs 'version: 1' and a list 'concepts' of {name, phrases}")]
    owner: dict[tuple[str, ...], str] = {}
    raw = doc["concepts"]
    for i, item in enumerate(raw):
        line = line_of(raw, i)
        if not isinstance(item, Located) or set(item) != {"name", "phrases"}:
            problems.append(Problem(label, line, "a concept needs exactly 'name' and 'phrases'"))
            continue
        name, phrases = item["name"], item["phrases"]
        if not isinstance(name, str) or " " in name.strip() or not name.strip():
            problems.append(Problem(label, line_of(item, "name"), f"concept name {name!r} must be one word"))
            continue
        if not isinstance(phrases, LocatedList) or not phrases:
            problems.append(Problem(label, line_of(item, "phrases"), f"concept {name!r}: 'phrases' must be a list"))
            continue
        for n, text in enumerate(phrases):
            words = tuple(normalise(str(text), spellings).split())
            where = line_of(phrases, n)
            if not words:
                problems.append(Problem(label, where, f"concept {name!r}: phrase {text!r} is empty"))
            elif words in owner:
                problems.append(Problem(label, where, f"{' '.join(words)!r} is in both {owner[words]!r} and {name!r}"))
            else:
                owner[words] = name.strip().lower()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in sorted(owner.items(), key=lambda kv: -len(kv[0])):
        table.setdefault(words[0], []).append((words, name))
    return Concepts(MappingProxyType({w: tuple(v) for w, v in table.items()})), problems
